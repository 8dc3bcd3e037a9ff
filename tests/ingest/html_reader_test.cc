#include "ingest/html_reader.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"
#include "tests/ingest/ingest_test_util.h"

namespace crosscheck::testing {
namespace {

using V = std::vector<std::string>;

struct HtmlCase {
  const char* name;
  const char* data;
  // Expected document; title == nullptr means no document.
  const char* title;
  const char* text;
  std::vector<uint32_t> text_lines;
  const char* source;
  const char* lang;  // "" when absent
  const char* url;
  const char* published_raw;
  std::optional<absl::CivilDay> published;
  V issues;
};

const HtmlCase kCases[] = {
    {"a news page: article only, headline is the title, metadata from the head",
     "<!DOCTYPE html>\n"
     "<html lang=\"fr-FR\"><head><meta charset=\"utf-8\">\n"
     "<title>Quatre hélicoptères livrés - Le Journal</title>\n"
     "<meta property=\"og:site_name\" content=\"Le Journal\">\n"
     "<meta property=\"article:published_time\" content=\"2022-08-10T09:30:00+00:00\">\n"
     "<link rel=\"canonical\" href=\"https://www.journal.example/afrique/x.html\">\n"
     "<script>var ads = '<p>not text</p>';</script><style>p{color:red}</style>\n"
     "</head><body><nav><a href=\"/\">Accueil</a> <a href=\"/sport\">Sport</a></nav>\n"
     "<article><h1>Quatre  hélicoptères\n livrés</h1>\n"
     "<p>Le Mali a reçu   <b>quatre</b> hélicoptères de la Russie,\n"
     "a annoncé l&#39;armée.</p>\n"
     "<!-- <p>a comment</p> -->\n"
     "<p>Le ministre Sadio Camara&nbsp;était présent&hellip;</p>\n"
     "</article>\n"
     "<form><p>Laisser un commentaire</p></form>\n"
     "<footer>© Le Journal</footer></body></html>\n",
     "Quatre hélicoptères livrés",
     "Le Mali a reçu quatre hélicoptères de la Russie, a annoncé l'armée.\n\n"
     "Le ministre Sadio Camara\xC2\xA0" "était présent…",
     {11, 12, 14},
     "Le Journal",
     "fr",
     "https://www.journal.example/afrique/x.html",
     "2022-08-10T09:30:00+00:00",
     absl::CivilDay(2022, 8, 10),
     {}},
    {"no article element: the body, br as a line break, the <title> as title",
     "<html><head><title>Brief</title></head><body>\n"
     "<div>Line one<br>line two</div><div>Next &amp; last</div>\n"
     "<time datetime=\"2023-02-07\">7 février</time></body></html>",
     "Brief",
     "Line one\nline two\n\nNext & last\n\n7 février",
     {2, 2, 2, 2, 2, 3},
     "a.html",
     "",
     "",
     "2023-02-07",
     absl::CivilDay(2023, 2, 7),
     {}},
    {"host of og:url as source; a date that is not ISO is reported",
     "<html><head><meta property=\"og:url\" content=\"http://www.Example.ORG/a\">"
     "<meta name=\"date\" content=\"10 août 2022\"></head>"
     "<body><p>Texte.</p></body></html>",
     "",
     "Texte.",
     {1},
     "example.org",
     "",
     "http://www.Example.ORG/a",
     "10 août 2022",
     std::nullopt,
     {"skipped_value@1:0: is not an ISO date"}},
    {"the headline after a menu is the title, not text",
     "<body><div>Home | News</div>\n<h1>Head</h1>\n<p>Body.</p></body>",
     "Head",
     "Home | News\n\nBody.",
     {1, 1, 3},
     "a.html",
     "",
     "",
     "",
     std::nullopt,
     {}},
    {"a page without text is skipped",
     "<html><head><script>x()</script></head><body><img src=a.png></body></html>",
     nullptr, "", {}, "", "", "", "", std::nullopt,
     {"skipped_record@1:0: no text"}},
    {"an empty page", "", nullptr, "", {}, "", "", "", "", std::nullopt,
     {"skipped_record@0:0: empty file"}},
    {"latin-1 declared and used",
     "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
     "</head><body><p>L'arm\xE9" "e malienne</p></body></html>",
     "",
     "L'armée malienne",
     {1},
     "a.html",
     "",
     "",
     "",
     std::nullopt,
     {}},
    {"invalid UTF-8 without a declaration is repaired",
     "<p>caf\xE9 noir</p>",
     "",
     "caf\xEF\xBF\xBD noir",
     {1},
     "a.html",
     "",
     "",
     "",
     std::nullopt,
     {"repaired@1:7: invalid UTF-8"}},
    {"references that are not stay; numbers past Unicode are U+FFFD; ';' may be missing",
     "<p>&; &#; &#x; &#99999999999; &#x110000; &eacutex; &Eacute;&OElig; &amp</p>",
     "",
     "&; &#; &#x; \xEF\xBF\xBD \xEF\xBF\xBD &eacutex; \xC3\x89\xC5\x92 &",
     {1},
     "a.html",
     "",
     "",
     "",
     std::nullopt,
     {}},
    {"a stray '<', an unclosed head, a preformatted block",
     "<head><title>T</title>\n<body><p>3 < 4</p>\n<pre>a  b\nc</pre></body>",
     "T",
     "3 < 4\n\na b\nc",
     {2, 2, 3, 4},
     "a.html",
     "",
     "",
     "",
     std::nullopt,
     {}},
};

class HtmlReaderTest : public ::testing::TestWithParam<HtmlCase> {};

TEST_P(HtmlReaderTest, Reads) {
  const HtmlCase& c = GetParam();
  internal::ParsedFile parsed =
      ReadAs(InputKind::kArticleHtml, c.data, IngestOptions(), "dir/a.html");
  const Corpus& corpus = parsed.corpus;
  ExpectIssues(IssueStrings(corpus), c.issues);
  if (c.title == nullptr) {
    EXPECT_TRUE(corpus.documents.empty());
    EXPECT_EQ(corpus.files[0].records_kept, 0u);
    EXPECT_EQ(corpus.files[0].records, corpus.files[0].records_skipped);
    return;
  }
  ASSERT_EQ(corpus.documents.size(), 1u);
  const Document& d = corpus.documents[0];
  EXPECT_EQ(d.title, c.title);
  EXPECT_EQ(d.text, c.text);
  EXPECT_EQ(d.text_lines, c.text_lines);
  EXPECT_EQ(corpus.str(d.source), c.source);
  EXPECT_EQ(corpus.str(d.lang), c.lang);
  EXPECT_EQ(corpus.str(d.url), c.url);
  EXPECT_EQ(corpus.str(d.published_raw), c.published_raw);
  EXPECT_EQ(d.published, c.published);
  EXPECT_EQ(corpus.files[0].records, 1u);
}

INSTANTIATE_TEST_SUITE_P(Cases, HtmlReaderTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<HtmlCase>& param) {
                           std::string name;
                           for (const char* p = param.param.name; *p != '\0'; ++p) {
                             name += absl::ascii_isalnum(*p) ? *p : '_';
                           }
                           return name + "_" + std::to_string(param.index);
                         });

TEST(DeclaredCharset, FromMetaOrHttpEquiv) {
  EXPECT_EQ(internal::DeclaredCharset("<meta charset=\"Windows-1252\">"), "windows-1252");
  EXPECT_EQ(internal::DeclaredCharset("<meta content='text/html; charset=utf-8'>"), "utf-8");
  EXPECT_EQ(internal::DeclaredCharset("<p>nothing</p>"), "");
}

}  // namespace
}  // namespace crosscheck::testing
