#include "ingest/article_reader.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/ingest/ingest_test_util.h"

namespace crosscheck::testing {
namespace {

using V = std::vector<std::string>;
#define FFFD "\xEF\xBF\xBD"

struct ArticleCase {
  const char* name;
  const char* data;
  // Expected document; title == nullptr means no document.
  const char* title;
  const char* text;
  uint32_t text_first_line;
  const char* source;  // front matter or file name
  const char* id;
  const char* published_raw;  // "" when absent
  std::optional<absl::CivilDay> published;
  V issues;
  size_t max_line_bytes = size_t{1} << 20;
};

const ArticleCase kCases[] = {
    {"title then body",
     "Title line\n\nBody para.\nMore.\n",
     "Title line",
     "\nBody para.\nMore.\n",
     2,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {}},
    {"leading blank lines",
     "\n \n  Title  \nBody",
     "Title",
     "Body",
     4,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {}},
    {"title only",
     "Just a title",
     "Just a title",
     "",
     2,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {}},
    {"front matter",
     "---\nsource: AFP\nurl: http://x\npublished: 2022-08-10\nlang: fr\n"
     "topic: mali\n---\nTitle\nBody\n",
     "Title",
     "Body\n",
     9,
     "AFP",
     "dir/a.txt",
     "2022-08-10",
     absl::CivilDay(2022, 8, 10),
     {}},
    {"front matter title and id, quoted",
     "---\nTitle: \"Quoted: yes\"\nid: 'doc-1'\n---\nFirst line\n",
     "Quoted: yes",
     "First line\n",
     5,
     "a.txt",
     "doc-1",
     "",
     std::nullopt,
     {}},
    {"date with time",
     "---\ndate: 2022-08-10T09:00:00Z\n---\nT\n",
     "T",
     "",
     5,
     "a.txt",
     "dir/a.txt",
     "2022-08-10T09:00:00Z",
     absl::CivilDay(2022, 8, 10),
     {}},
    {"unknown key",
     "---\nauthor: X\n# comment\n\n---\nT\n",
     "T",
     "",
     7,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {"skipped_value@2:1: unknown front matter key 'author'; ignored"}},
    {"line without colon",
     "---\nnot a pair\n---\nT\n",
     "T",
     "",
     5,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {"skipped_value@2:0: front matter line is not 'key: value'"}},
    {"unclosed front matter",
     "---\nsource: x\nTitle\n",
     "---",
     "source: x\nTitle\n",
     2,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {"skipped_value@1:0: front matter opened on line 1 is not closed"}},
    {"date not understood",
     "---\npublished: yesterday\n---\nT\n",
     "T",
     "",
     5,
     "a.txt",
     "dir/a.txt",
     "yesterday",
     std::nullopt,
     {"skipped_value@2:0: published date 'yesterday' is not an ISO date; the "
      "date is unknown"}},
    {"date that does not exist",
     "---\npublished: 2022-02-30\n---\nT\n",
     "T",
     "",
     5,
     "a.txt",
     "dir/a.txt",
     "2022-02-30",
     std::nullopt,
     {"skipped_value@2:0: published date '2022-02-30'"}},
    {"crlf keeps body bytes",
     "Title\r\nBody\r\n",
     "Title",
     "Body\r\n",
     2,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {}},
    {"bom",
     "\xEF\xBB\xBFTitle\nBody",
     "Title",
     "Body",
     2,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {}},
    {"invalid utf-8",
     "Title\nCaf\xE9 ok\n",
     "Title",
     "Caf" FFFD " ok\n",
     2,
     "a.txt",
     "dir/a.txt",
     "",
     std::nullopt,
     {"repaired@2:4: invalid UTF-8 replaced with U+FFFD"}},
    {"empty file",
     "",
     nullptr,
     "",
     0,
     "",
     "",
     "",
     std::nullopt,
     {"skipped_record@0:0: empty file"}},
    {"blank file",
     "\n \r\n\t\n",
     nullptr,
     "",
     0,
     "",
     "",
     "",
     std::nullopt,
     {"skipped_record@0:0: empty file: only blank lines"}},
    {"over-long line",
     "T\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nok\n",
     nullptr,
     "",
     0,
     "",
     "",
     "",
     std::nullopt,
     {"skipped_record@2:0: line longer than 20 bytes"},
     20},
    {"front matter only",
     "---\nsource: x\n---\n\n",
     nullptr,
     "",
     0,
     "",
     "",
     "",
     std::nullopt,
     {"skipped_record@1:0: no title"}},
};

TEST(ArticleReaderTest, Cases) {
  for (const ArticleCase& c : kCases) {
    SCOPED_TRACE(c.name);
    IngestOptions options;
    options.max_line_bytes = c.max_line_bytes;
    internal::ParsedFile parsed =
        ReadAs(InputKind::kArticle, c.data, options, "dir/a.txt");
    const Corpus& corpus = parsed.corpus;
    ExpectIssues(IssueStrings(corpus), c.issues);
    ExpectCountersAddUp(corpus);
    EXPECT_TRUE(corpus.claims.empty());
    const InputFile& file = corpus.files[0];
    if (c.title == nullptr) {
      EXPECT_TRUE(corpus.documents.empty());
      EXPECT_EQ(file.records_kept, 0u);
      continue;
    }
    ASSERT_EQ(corpus.documents.size(), 1u);
    EXPECT_EQ(file.records, 1u);
    EXPECT_EQ(file.records_kept, 1u);
    const Document& d = corpus.documents[0];
    EXPECT_EQ(d.title, c.title);
    EXPECT_EQ(d.text, c.text);
    EXPECT_EQ(d.text_first_line, c.text_first_line);
    EXPECT_EQ(corpus.str(d.source), c.source);
    EXPECT_EQ(corpus.str(d.id), c.id);
    EXPECT_EQ(corpus.str(d.published_raw), c.published_raw);
    EXPECT_EQ(d.published, c.published);
    EXPECT_FALSE(d.published_inferred);
    EXPECT_EQ(d.location.line, 1u);
  }
}

TEST(ArticleReaderTest, FrontMatterFields) {
  internal::ParsedFile parsed = ReadAs(
      InputKind::kArticle,
      "---\nsource: AFP\nurl: http://x\nlang: fr\ntopic: mali\n---\nT\n");
  const Corpus& c = parsed.corpus;
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.str(c.documents[0].url), "http://x");
  EXPECT_EQ(c.str(c.documents[0].lang), "fr");
  EXPECT_EQ(c.str(c.documents[0].topic), "mali");
}

}  // namespace
}  // namespace crosscheck::testing
