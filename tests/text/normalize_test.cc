// Unicode normalization and the map back to the input bytes.
#include <string>

#include "crosscheck/rules.h"
#include "crosscheck/text.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

struct NormalizeCase {
  const char* in;
  const char* out;
};

constexpr NormalizeCase kNormalize[] = {
    {"plain ASCII stays", "plain ASCII stays"},
    {"l\xE2\x80\x99" "arm\xC3\xA9" "e", "l'arm\xC3\xA9" "e"},                     // ’
    {"\xC2\xAB\xC2\xA0Nous\xC2\xA0\xC2\xBB", "\xC2\xAB Nous \xC2\xBB"},          // « NBSP »
    {"\xE2\x80\x9CNous\xE2\x80\x9D", "\xC2\xABNous\xC2\xBB"},                    // “ ”
    {"e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},                                 // e + U+0301
    {"Mi\xE2\x80\x91" "24P", "Mi-24P"},                                          // U+2011
    {"5\xE2\x80\xAF" "000", "5 000"},                                            // narrow NBSP
    {"\xEF\xAC\x81" "n", "fin"},                                                 // ﬁ ligature
    {"tel\xE2\x80\xA6", "tel..."},                                               // …
    {"abc\xC2\xAD" "def", "abcdef"},                                             // soft hyphen
};

TEST(Normalize, CharMapAndNfkc) {
  PreparedText p;
  for (const NormalizeCase& c : kNormalize) {
    PrepareText(testing::RepositoryRules().text(), c.in, "fr", &p);
    EXPECT_EQ(p.text, c.out) << c.in;
  }
}

// Every normalized span maps back to input bytes that hold the same word.
TEST(Normalize, OffsetsMapBackToTheInput) {
  const std::string in =
      "Le \xC2\xAB\xC2\xA0partenariat\xC2\xA0\xC2\xBB d\xE2\x80\x99" "Assimi Go\xC3\xAF" "ta.";
  PreparedText p;
  PrepareText(testing::RepositoryRules().text(), in, "fr", &p);
  struct Word {
    const char* normalized;
    const char* original;
  } words[] = {
      {"partenariat", "partenariat"},
      {"Assimi Go\xC3\xAF" "ta", "Assimi Go\xC3\xAF" "ta"},
      {"d'Assimi", "d\xE2\x80\x99" "Assimi"},
      {"\xC2\xAB partenariat \xC2\xBB", "\xC2\xAB\xC2\xA0partenariat\xC2\xA0\xC2\xBB"},
  };
  for (const Word& w : words) {
    size_t at = p.text.find(w.normalized);
    ASSERT_NE(at, std::string::npos) << w.normalized;
    uint32_t b = p.map.ToOriginal(static_cast<uint32_t>(at), false);
    uint32_t e = p.map.ToOriginal(static_cast<uint32_t>(at + std::string(w.normalized).size()), true);
    EXPECT_EQ(in.substr(b, e - b), w.original) << w.normalized;
  }
}

TEST(OffsetMap, InsideAReplacedPieceMapsToItsEdges) {
  OffsetMap map;
  map.Add(0, 3, 3, true);   // "abc"
  map.Add(3, 3, 1, false);  // "’" -> "'"
  map.Add(6, 2, 2, true);   // "de"
  EXPECT_EQ(map.size(), 6u);
  EXPECT_EQ(map.ToOriginal(0, false), 0u);
  EXPECT_EQ(map.ToOriginal(3, false), 3u);
  EXPECT_EQ(map.ToOriginal(4, true), 6u);   // the end of the replaced piece
  EXPECT_EQ(map.ToOriginal(4, false), 6u);  // the next piece begins there
  EXPECT_EQ(map.ToOriginal(6, true), 8u);
  EXPECT_EQ(map.ToOriginal(3, true), 3u);   // an end at a boundary stays before it
}

TEST(DetectLanguage, ByStopWords) {
  const TextRules& t = testing::RepositoryRules().text();
  EXPECT_EQ(DetectLanguage(t, "Le Mali a re\xC3\xA7u deux h\xC3\xA9licopt\xC3\xA8res de la Russie."), "fr");
  EXPECT_EQ(DetectLanguage(t, "Mali received two helicopters from Russia on Tuesday, the minister said."), "en");
  EXPECT_EQ(DetectLanguage(t, "Mi-24P L-39 Su-25"), "");
}

}  // namespace
}  // namespace crosscheck
