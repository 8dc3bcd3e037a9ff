#include "ingest/table_reader.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/ingest/ingest_test_util.h"

namespace crosscheck::testing {
namespace {

using V = std::vector<std::string>;
#define FFFD "\xEF\xBF\xBD"

struct TableCase {
  const char* name;
  InputKind kind;
  const char* data;
  V claims;  // "source|object|attribute|value@line:col"
  V issues;  // "kind@line:col: reason substring"
  Counts counts;
  std::vector<std::pair<std::string, std::string>> column_map = {};
  size_t max_line_bytes = size_t{1} << 20;
};

constexpr InputKind kCsv = InputKind::kClaimsCsv;
constexpr InputKind kTsv = InputKind::kClaimsTsv;

const TableCase kCases[] = {
    {"wide tsv keeps raw values",
     kTsv,
     "source\tobject\tdep\tgate\naa\tF1\t1:55 PM\tD5\nfe\tF1\t\t D5 \n",
     {"aa|F1|dep|1:55 PM@2:7", "aa|F1|gate|D5@2:15", "fe|F1|gate| D5 @3:8"},
     {},
     {2, 2, 0}},
    {"long quoted csv with timestamp",
     kCsv,
     "\"object\",\"attribute\",\"value\",\"source\",\"timestamp\"\n"
     "\"abu dhabi\",\"Population2006\",\"1000230\",\"0 "
     "(68.162.248.83)\",\"null\"\n",
     {"0 (68.162.248.83)|abu dhabi|Population2006|1000230@2:30 as_of=null"},
     {},
     {1, 1, 0}},
    {"wrong column count",
     kTsv,
     "source\tobject\ta\tb\nx\ty\t1\nx\ty\t1\t2\t3\n",
     {},
     {"skipped_record@2:0: expected 4 columns, found 3",
      "skipped_record@3:0: expected 4 columns, found 5"},
     {2, 0, 2}},
    {"invalid utf-8 is repaired",
     kCsv,
     "source,object,name\ns,o,caf\xE9\n",
     {"s|o|name|caf" FFFD "@2:5"},
     {"repaired@2:8: invalid UTF-8 replaced with U+FFFD"},
     {1, 1, 0}},
    {"empty file", kCsv, "", {}, {"skipped_record@0:0: empty file"}, {0, 0, 0}},
    {"blank file",
     kTsv,
     "\n \n",
     {},
     {"skipped_record@0:0: empty file"},
     {0, 0, 0}},
    {"header only",
     kCsv,
     "source,object,attribute,value\n",
     {},
     {"skipped_record@0:0: no data rows"},
     {0, 0, 0}},
    {"missing column",
     kCsv,
     "SourceID,object,price\na,b,1\nc,d,2\n",
     {},
     {"skipped_record@0:0: missing column 'source' (columns: SourceID, object, "
      "price); use --map source=NAME"},
     {2, 0, 2}},
    {"column map",
     kCsv,
     "SourceID,object,price\na,b,1\nc,d,2\n",
     {"a|b|price|1@2:5", "c|d|price|2@3:5"},
     {},
     {2, 2, 0},
     {{"source", "SourceID"}}},
    {"column map names the missing column",
     kCsv,
     "source,object,price\na,b,1\n",
     {},
     {"skipped_record@0:0: missing column 'Site'"},
     {1, 0, 1},
     {{"source", "Site"}}},
    {"all cells null",
     kTsv,
     "source\tobject\ta\tb\ns\to\t\t \n",
     {},
     {"skipped_record@2:0: no values: every attribute cell is empty or null"},
     {1, 0, 1}},
    {"long form null value",
     kCsv,
     "source,object,attribute,value\ns,o,a, \n",
     {},
     {"skipped_record@2:0: no value: the value cell is empty or null"},
     {1, 0, 1}},
    {"long form empty attribute",
     kCsv,
     "source,object,attribute,value\ns,o,,1\n",
     {},
     {"skipped_record@2:5: empty 'attribute' cell"},
     {1, 0, 1}},
    {"crlf and bom",
     kCsv,
     "\xEF\xBB\xBFsource,object,x\r\ns,o,1\r\n",
     {"s|o|x|1@2:5"},
     {},
     {1, 1, 0}},
    {"unterminated quote at eof",
     kCsv,
     "source,object,x\ns,o,\"open\nt,p,2\n",
     {"t|p|x|2@3:5"},
     {"skipped_record@2:5: unterminated quoted field: no closing quote before "
      "the end of the file"},
     {2, 1, 1}},
    {"over-long line",
     kTsv,
     "source\tobject\tx\ns\to\tvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\ns\to\t"
     "1\n",
     {"s|o|x|1@3:5"},
     {"skipped_record@2:0: line longer than 30 bytes"},
     {2, 1, 1},
     {},
     30},
    {"empty source cell",
     kCsv,
     "source,object,x\n ,o,1\n",
     {},
     {"skipped_record@2:1: empty 'source' cell"},
     {1, 0, 1}},
    {"empty object cell",
     kCsv,
     "source,object,x\ns,,1\n",
     {},
     {"skipped_record@2:3: empty 'object' cell"},
     {1, 0, 1}},
    {"header case and spaces",
     kCsv,
     " Source ,OBJECT,Gate\n s ,o,D5\n",
     {"s|o|Gate|D5@2:7"},
     {},
     {1, 1, 0}},
    {"provenance columns are not attributes",
     kTsv,
     "source\tobject\ttimestamp\turl\tgate\ns\to\t2011-12-01\thttp://x\tD5\n",
     {"s|o|gate|D5@2:25 as_of=2011-12-01"},
     {},
     {1, 1, 0}},
    {"long form extra column",
     kCsv,
     "source,object,attribute,value,comment\ns,o,a,1,hi\n",
     {"s|o|a|1@2:7"},
     {"skipped_value@1:0: columns not used in long form: comment"},
     {1, 1, 0}},
    {"long form without value",
     kCsv,
     "source,object,attribute\ns,o,x\n",
     {},
     {"skipped_record@0:0: missing column 'value' for long form"},
     {1, 0, 1}},
    {"no attribute columns",
     kCsv,
     "source,object,url\ns,o,x\n",
     {},
     {"skipped_record@0:0: no attribute columns"},
     {1, 0, 1}},
    {"repeated role column",
     kCsv,
     "source,object,source,x\na,o,b,1\n",
     {"a|o|x|1@2:7"},
     {"skipped_value@1:15: column 3 repeats the 'source' column; its cells "
      "are ignored"},
     {1, 1, 0}},
    {"unnamed column",
     kTsv,
     "source\tobject\t\tx\ns\to\tz\t1\n",
     {"s|o|x|1@2:7"},
     {"skipped_value@1:15: column 3 has no name; its cells are ignored"},
     {1, 1, 0}},
    {"quoted cell spans lines",
     kCsv,
     "source,object,text\ns,o,\"line1\nline2\"\nt,o,x\n",
     {"s|o|text|line1\nline2@2:5", "t|o|text|x@4:5"},
     {},
     {2, 2, 0}},
    {"claims of a multi-line row share its first line",
     kCsv,
     "source,object,a,b\ns,o,\"x\ny\",z\n",
     {"s|o|a|x\ny@2:5", "s|o|b|z@2:11"},
     {},
     {1, 1, 0}},
    {"blank lines are not records",
     kCsv,
     "source,object,x\n\ns,o,1\n\n",
     {"s|o|x|1@3:5"},
     {},
     {1, 1, 0}},
    {"repaired header",
     kCsv,
     "source,object,caf\xE9\ns,o,1\n",
     {"s|o|caf" FFFD "|1@2:5"},
     {"repaired@1:0: invalid UTF-8 in the header"},
     {1, 1, 0}},
    {"tsv quotes are data",
     kTsv,
     "source\tobject\ttitle\ns\to\t\"The\" Art\n",
     {"s|o|title|\"The\" Art@2:5"},
     {},
     {1, 1, 0}},
    {"header with open quote",
     kCsv,
     "source,\"object\nno close",
     {},
     {"skipped_record@0:0: unusable header: unterminated quoted field"},
     {1, 0, 1}},
};

TEST(TableReaderTest, Cases) {
  for (const TableCase& c : kCases) {
    SCOPED_TRACE(c.name);
    IngestOptions options;
    for (const auto& [k, v] : c.column_map) options.column_map[k] = v;
    options.max_line_bytes = c.max_line_bytes;
    internal::ParsedFile parsed = ReadAs(c.kind, c.data, options);
    const Corpus& corpus = parsed.corpus;
    EXPECT_EQ(ClaimStrings(corpus), c.claims);
    ExpectIssues(IssueStrings(corpus), c.issues);
    const InputFile& file = corpus.files[0];
    ExpectCounts(file, c.counts);
    ExpectCountersAddUp(corpus);
  }
}

TEST(TableReaderTest, NullMarkersFromOptions) {
  IngestOptions options;
  options.is_null = [](absl::string_view cell) {
    return cell == "n/a" || cell == "Not Available";
  };
  internal::ParsedFile parsed = ReadAs(kTsv,
                                       "source\tobject\tauthors\ttitle\na\t1\tN"
                                       "ot Available\tT\nb\t1\tn/a\tn/a\n",
                                       options);
  EXPECT_EQ(ClaimStrings(parsed.corpus), V{"a|1|title|T@2:19"});
  ExpectIssues(IssueStrings(parsed.corpus),
               {"skipped_record@3:0: no values: every attribute cell"});
  ExpectCountersAddUp(parsed.corpus);
}

TEST(TableReaderTest, AsOfFollowsProvenanceOrder) {
  // "timestamp" comes before "published" in the default list, whatever the
  // column order.
  internal::ParsedFile parsed = ReadAs(
      kCsv, "source,object,published,timestamp,x\ns,o,p,t,1\ns,o,p,,2\n");
  EXPECT_EQ(ClaimStrings(parsed.corpus),
            (V{"s|o|x|1@2:9 as_of=t", "s|o|x|2@3:8"}));
}

TEST(TableReaderTest, ReservedClaimsDoNotShowInCounts) {
  // A large file reserves capacity; the counters count what was read.
  std::string data = "source,object,x\n";
  for (int i = 0; i < 1000; ++i) data += "s,o" + std::to_string(i) + ",v\n";
  internal::ParsedFile parsed = ReadAs(kCsv, data);
  EXPECT_EQ(parsed.corpus.claims.size(), 1000u);
  EXPECT_EQ(parsed.corpus.files[0].claims, 1000u);
  EXPECT_EQ(parsed.corpus.files[0].records_kept, 1000u);
}

}  // namespace
}  // namespace crosscheck::testing
