#include "ingest/jsonl_reader.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/json_fields.h"
#include "tests/ingest/ingest_test_util.h"

namespace crosscheck::testing {
namespace {

using V = std::vector<std::string>;
#define FFFD "\xEF\xBF\xBD"
// Claim lines whose value starts at column 52 (see the cases below).
#define CLAIM_PREFIX \
  "{\"source\":\"s\",\"object\":\"o\",\"attribute\":\"a\",\"value\":"

struct JsonlCase {
  const char* name;
  std::string data;
  V claims;
  V issues;
  Counts counts;
  std::vector<std::pair<std::string, std::string>> column_map = {};
  size_t max_line_bytes = size_t{1} << 20;
};

const JsonlCase kCases[] = {
    {"string value", CLAIM_PREFIX "\"v\"}\n", {"s|o|a|v@1:52"}, {}, {1, 1, 0}},
    {"number kept as written",
     CLAIM_PREFIX "1.50e3}",
     {"s|o|a|1.50e3@1:52"},
     {},
     {1, 1, 0}},
    {"boolean", CLAIM_PREFIX "true}", {"s|o|a|true@1:52"}, {}, {1, 1, 0}},
    {"array value",
     CLAIM_PREFIX "[1,2]}",
     {},
     {"skipped_record@1:52: value is an array, not a string, number or "
      "boolean"},
     {1, 0, 1}},
    {"object value",
     CLAIM_PREFIX "{\"x\":1}}",
     {},
     {"skipped_record@1:52: value is an object"},
     {1, 0, 1}},
    {"null value",
     CLAIM_PREFIX "null}",
     {},
     {"skipped_record@1:52: no value: the value is empty or null"},
     {1, 0, 1}},
    {"empty value",
     CLAIM_PREFIX "\"  \"}",
     {},
     {"skipped_record@1:52: no value"},
     {1, 0, 1}},
    {"malformed json",
     "{\"source\":\"s\",\n",
     {},
     {"skipped_record@1:15: malformed JSON: missing a name for object member"},
     {1, 0, 1}},
    {"bad literal",
     "{\"source\":tru}\n",
     {},
     {"skipped_record@1:14: malformed JSON: invalid value"},
     {1, 0, 1}},
    {"trailing garbage",
     "{\"a\":1} x\n",
     {},
     {"skipped_record@1:9: malformed JSON: the document root must not be "
      "followed by other values"},
     {1, 0, 1}},
    {"zero byte after the object",
     std::string(CLAIM_PREFIX "\"v\"}\0junk", 60),
     {},
     {"skipped_record@1:56: malformed JSON: zero byte outside a string"},
     {1, 0, 1}},
    {"array line",
     "[1,2]\n",
     {},
     {"skipped_record@1:1: not a JSON object"},
     {1, 0, 1}},
    {"string line",
     "  \"x\"\n",
     {},
     {"skipped_record@1:3: not a JSON object"},
     {1, 0, 1}},
    {"blank lines are not records",
     "\n  \n" CLAIM_PREFIX "\"v\"}\n\n",
     {"s|o|a|v@3:52"},
     {},
     {1, 1, 0}},
    {"crlf",
     CLAIM_PREFIX "\"v\"}\r\n" CLAIM_PREFIX "\"w\"}\r\n",
     {"s|o|a|v@1:52", "s|o|a|w@2:52"},
     {},
     {2, 2, 0}},
    {"bom",
     "\xEF\xBB\xBF" CLAIM_PREFIX "\"v\"}\n",
     {"s|o|a|v@1:52"},
     {},
     {1, 1, 0}},
    {"invalid utf-8 in a string",
     "{\"source\":\"s\",\"object\":\"caf\xE9\",\"attribute\":\"a\",\"value\":"
     "\"v\"}",
     {"s|caf" FFFD "|a|v@1:55"},
     {"repaired@1:28: invalid UTF-8 replaced with U+FFFD"},
     {1, 1, 0}},
    // "\udc00" decodes to ED B0 80: three maximal subparts, three U+FFFD.
    {"lone surrogate escape",
     CLAIM_PREFIX "\"\\udc00\"}",
     {"s|o|a|" FFFD FFFD FFFD "@1:52"},
     {"repaired@1:52: invalid UTF-8 replaced with U+FFFD"},
     {1, 1, 0}},
    {"missing source",
     "{\"object\":\"o\",\"attribute\":\"a\",\"value\":1}",
     {},
     {"skipped_record@1:0: missing field 'source'"},
     {1, 0, 1}},
    {"missing value",
     "{\"source\":\"s\",\"object\":\"o\",\"attribute\":\"a\"}",
     {},
     {"skipped_record@1:0: missing field 'value'"},
     {1, 0, 1}},
    {"source not a string",
     "{\"source\":[],\"object\":\"o\",\"attribute\":\"a\",\"value\":1}",
     {},
     {"skipped_record@1:11: field 'source' is an array, not a string"},
     {1, 0, 1}},
    {"neither document nor claim",
     "{\"title\":\"x\"}",
     {},
     {"skipped_record@1:0: neither a document"},
     {1, 0, 1}},
    {"text not a string",
     "{\"text\":5}",
     {},
     {"skipped_record@1:9: field 'text' is a number, not a string"},
     {1, 0, 1}},
    {"over-long line",
     CLAIM_PREFIX "\"" + std::string(100, 'v') + "\"}\n" +
         CLAIM_PREFIX "\"w\"}\n",
     {"s|o|a|w@2:52"},
     {"skipped_record@1:0: line longer than 80 bytes"},
     {2, 1, 1},
     {},
     80},
    {"empty file", "", {}, {"skipped_record@0:0: empty file"}, {0, 0, 0}},
    {"only blank lines",
     "\n\r\n \n",
     {},
     {"skipped_record@0:0: empty file: only blank lines"},
     {0, 0, 0}},
    {"column map and timestamp",
     "{\"site\":\"s\",\"object\":\"o\",\"attribute\":\"a\",\"value\":\"v\","
     "\"timestamp\":\"2011\"}",
     {"s|o|a|v@1:50 as_of=2011"},
     {},
     {1, 1, 0},
     {{"source", "site"}}},
    {"published fills as_of",
     CLAIM_PREFIX "\"v\",\"published\":\"2022-08-10\"}",
     {"s|o|a|v@1:52 as_of=2022-08-10"},
     {},
     {1, 1, 0}},
    {"repeated key keeps the last",
     CLAIM_PREFIX "\"v\",\"value\":\"w\"}",
     {"s|o|a|w@1:64"},
     {},
     {1, 1, 0}},
    {"nested values elsewhere are fine",
     CLAIM_PREFIX "\"v\",\"extra\":{\"a\":[1,{\"b\":2}]}}",
     {"s|o|a|v@1:52"},
     {},
     {1, 1, 0}},
    {"mixed good and bad lines",
     CLAIM_PREFIX "\"v\"}\nnot json\n" CLAIM_PREFIX "\"w\"}\n",
     {"s|o|a|v@1:52", "s|o|a|w@3:52"},
     // RapidJSON stops after the 'n' of what it takes for null.
     {"skipped_record@2:2: malformed JSON: invalid value"},
     {3, 2, 1}},
};

TEST(JsonLinesReaderTest, Cases) {
  for (const JsonlCase& c : kCases) {
    SCOPED_TRACE(c.name);
    IngestOptions options;
    for (const auto& [k, v] : c.column_map) options.column_map[k] = v;
    options.max_line_bytes = c.max_line_bytes;
    internal::ParsedFile parsed =
        ReadAs(InputKind::kDocumentsJsonl, c.data, options);
    const Corpus& corpus = parsed.corpus;
    EXPECT_EQ(ClaimStrings(corpus), c.claims);
    ExpectIssues(IssueStrings(corpus), c.issues);
    ExpectCounts(corpus.files[0], c.counts);
    ExpectCountersAddUp(corpus);
  }
}

TEST(JsonLinesReaderTest, Document) {
  internal::ParsedFile parsed = ReadAs(
      InputKind::kDocumentsJsonl,
      "\n{\"id\":\"d1\",\"source\":\"AFP\",\"url\":\"http://u\",\"published\":"
      "\"2022-08-10T09:00:00Z\",\"lang\":\"fr\",\"title\":\" T \",\"text\":"
      "\"Line one\\nLine \\\"two\\\"\",\"topic\":\"mali\"}\n",
      IngestOptions(), "dir/docs.jsonl");
  const Corpus& c = parsed.corpus;
  ASSERT_EQ(c.documents.size(), 1u);
  const Document& d = c.documents[0];
  EXPECT_EQ(c.str(d.id), "d1");
  EXPECT_EQ(c.str(d.source), "AFP");
  EXPECT_EQ(c.str(d.url), "http://u");
  EXPECT_EQ(c.str(d.lang), "fr");
  EXPECT_EQ(c.str(d.topic), "mali");
  EXPECT_EQ(c.str(d.published_raw), "2022-08-10T09:00:00Z");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, absl::CivilDay(2022, 8, 10));
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.text, "Line one\nLine \"two\"");
  EXPECT_EQ(d.location.line, 2u);
  EXPECT_EQ(d.text_first_line, 2u);
  EXPECT_EQ(c.files[0].kind, InputKind::kDocumentsJsonl);
  EXPECT_EQ(c.files[0].documents, 1u);
  EXPECT_TRUE(c.issues.empty());
}

TEST(JsonLinesReaderTest, DocumentDefaultsAndBadMetadata) {
  internal::ParsedFile parsed =
      ReadAs(InputKind::kDocumentsJsonl,
             "{\"text\":\"t\",\"published\":\"last "
             "tuesday\",\"title\":[1],\"url\":null}\n",
             IngestOptions(), "dir/docs.jsonl");
  const Corpus& c = parsed.corpus;
  ASSERT_EQ(c.documents.size(), 1u);
  const Document& d = c.documents[0];
  EXPECT_EQ(c.str(d.id), "dir/docs.jsonl:1");
  EXPECT_EQ(c.str(d.source), "docs.jsonl");
  EXPECT_EQ(d.url, kNoString);
  EXPECT_EQ(c.str(d.published_raw), "last tuesday");
  EXPECT_FALSE(d.published.has_value());
  EXPECT_EQ(d.title, "");
  // Issues come in the order the fields are read: published, then title.
  ExpectIssues(IssueStrings(c),
               {"skipped_value@1:25: published date 'last tuesday' is not an "
                "ISO date",
                "skipped_value@1:48: field 'title' is an array, not a string"});
  ExpectCountersAddUp(c);
}

TEST(JsonLinesReaderTest, FileKindFollowsContent) {
  EXPECT_EQ(ReadAs(InputKind::kDocumentsJsonl, CLAIM_PREFIX "1}")
                .corpus.files[0]
                .kind,
            InputKind::kClaimsJsonl);
  EXPECT_EQ(
      ReadAs(InputKind::kDocumentsJsonl, CLAIM_PREFIX "1}\n{\"text\":\"x\"}")
          .corpus.files[0]
          .kind,
      InputKind::kDocumentsJsonl);
  EXPECT_EQ(ReadAs(InputKind::kDocumentsJsonl, "").corpus.files[0].kind,
            InputKind::kDocumentsJsonl);
}

TEST(JsonLinesReaderTest, DocumentReferenceIsRecorded) {
  internal::ParsedFile parsed = ReadAs(
      InputKind::kDocumentsJsonl, "{\"text\":\"x\"}\n" CLAIM_PREFIX
                                  "1,\"document\":\"d7\",\"quote\":\"q\"}\n");
  ASSERT_EQ(parsed.document_refs.size(), 1u);
  const internal::DocumentRef& ref = parsed.document_refs[0];
  EXPECT_EQ(ref.claim, 0u);
  EXPECT_EQ(ref.id, "d7");
  EXPECT_EQ(ref.quote, "q");
  EXPECT_EQ(ref.location.line, 2u);
  EXPECT_EQ(ref.location.column, 65u);
}

TEST(JsonFieldParserTest, ColumnsOfEveryValueType) {
  internal::JsonFieldParser parser;
  std::vector<internal::JsonField> fields;
  std::string error;
  uint32_t column = 0;
  ASSERT_TRUE(parser.Parse(
      "{\"a\":null, \"b\":false,\"c\":-1.5,\"d\":\"x\\ty\",\"e\":[],\"f\":{}}",
      &fields, &error, &column))
      << error;
  ASSERT_EQ(fields.size(), 6u);
  const std::pair<const char*, uint32_t> expected[] = {
      {"", 6}, {"false", 16}, {"-1.5", 26}, {"x\ty", 35}, {"", 46}, {"", 53}};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(fields[i].text, expected[i].first) << i;
    EXPECT_EQ(fields[i].column, expected[i].second) << i;
  }
  EXPECT_EQ(fields[3].type, internal::JsonType::kString);
  EXPECT_EQ(fields[4].type, internal::JsonType::kArray);
  EXPECT_EQ(fields[5].type, internal::JsonType::kObject);
}

}  // namespace
}  // namespace crosscheck::testing
