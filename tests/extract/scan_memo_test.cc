// ScanMemo: FindAll and FindsAny answer from remembered searches exactly as
// they do without them, for every part of a text, whatever was searched
// before.
#include <random>
#include <string>
#include <vector>

#include "extract/mentions.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck::testing {
namespace {

using extract_internal::FindAll;
using extract_internal::FindsAny;
using extract_internal::FirstMatch;
using extract_internal::ScanMemo;
using extract_internal::Span;

std::string Show(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) out += std::to_string(s.begin) + "-" + std::to_string(s.end) + " ";
  return out;
}

// Scanners as the rules make them (longest alternative first, \b at ASCII
// edges) and some that are not: a shorter alternative first, so that a part
// may hold a match the whole does not; an alternative that is a prefix of
// another; edges that are not ASCII; anchors.
const char* const kPatterns[] = {
    "(?i:\\bCentral\\s+African\\s+Republic\\b|\\bCentral\\s+African\\b|\\bMali\\b)",
    "(?i:\\bMali\\b|\\bMali\\s+Airlines\\b|\\bmaliens?\\b)",
    "(?i:\\bfran[çc]ais(?:es?)?\\b|\\bRussie\\b|Côte\\s+d'\\s*Ivoire|été)",
    "(?i:\\bdeux\\b|\\d+(?:[ .]\\d\\d\\d)*|\\bquatre(?:\\s*-\\s*|\\s+)vingts?\\b)",
    "[A-ZÉ][a-zé]+(?:\\s+[A-ZÉ][a-zé]+)*",
    "a|ab|abc",
    "x*",
    "Mali$",
    "^Le\\b",
    "(?:\\s|^)et\\b",
};

const char* const kTexts[] = {
    "Le Mali et la Central African Republic, Central African Mali Airlines, "
    "deux cents 1 200 quatre-vingts Russie été Côte d'Ivoire ab abc aab x Mali",
    "Le président Assimi Goïta a reçu deux Mi-171 russes et quatre-vingt-dix "
    "soldats maliens, et français à Bamako. Éric et Élise étaient là : Mali",
    "abcabcab a b c ab xx x xxx Mali Malien maliennes et Mali",
};

TEST(ScanMemoTest, PartsOfATextAsWithoutTheMemo) {
  std::mt19937 random(20221122);
  for (const char* pattern : kPatterns) {
    RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    for (const char* t : kTexts) {
      const std::string text = t;
      const uint32_t n = static_cast<uint32_t>(text.size());
      std::uniform_int_distribution<uint32_t> at(0, n);
      for (int round = 0; round < 20; ++round) {
        ScanMemo memo;
        // A text's part and the memo of another Scope.
        std::vector<Span> queries = {{0, n}, {n / 3, n}, {0, n / 2}};
        for (int q = 0; q < 100; ++q) {
          uint32_t a = at(random), b = at(random);
          queries.push_back({std::min(a, b), std::max(a, b)});
        }
        std::shuffle(queries.begin(), queries.end(), random);
        ScanMemo::Scope scope(&memo, text);
        for (const Span& q : queries) {
          std::vector<Span> got = FindAll(re, text, q);
          bool any = FindsAny(re, text, q);
          std::vector<Span> want;
          {
            ScanMemo none;
            ScanMemo::Scope other(&none, "another text");
            want = FindAll(re, text, q);
          }
          EXPECT_EQ(Show(got), Show(want))
              << pattern << " in [" << q.begin << ", " << q.end << ") of " << text;
          EXPECT_EQ(any, !want.empty()) << pattern << " in [" << q.begin << ", " << q.end << ")";
        }
      }
    }
  }
}

}  // namespace
}  // namespace crosscheck::testing
