// GroupMatcher must read the same groups as RE2 anchored at both ends: on
// small patterns that exercise each piece of syntax, and on every claim
// pattern match of every fixture corpus.
#include "extract/group_matcher.h"

#include <string>
#include <vector>

#include "crosscheck/extract.h"
#include "crosscheck/rules.h"
#include "extract/frames.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "tests/extract/article_fixture.h"
#include "tests/support/test_support.h"

namespace crosscheck::extract_internal {
namespace {

using crosscheck::testing::AddArticles;
using crosscheck::testing::CorporaWithExpectedClaims;

// The groups as "g0|g1|..." ("-" for a group that took no part), or
// "no match".
std::string Groups(bool found, const std::vector<re2::StringPiece>& g) {
  if (!found) return "no match";
  std::string out;
  for (size_t k = 0; k < g.size(); ++k) {
    if (k > 0) out += "|";
    out += g[k].data() == nullptr ? std::string("-") : std::string(g[k]);
  }
  return out;
}

// Both readings of text[begin, end) by `pattern`.
void ExpectSame(const std::string& pattern, const std::string& text,
                size_t begin, size_t end) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  RE2 re(pattern, options);
  ASSERT_TRUE(re.ok()) << pattern;
  std::unique_ptr<GroupMatcher> m = GroupMatcher::Compile(pattern);
  ASSERT_NE(m, nullptr) << pattern;
  ASSERT_EQ(m->captures(), re.NumberOfCapturingGroups()) << pattern;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> want(n), got(n);
  bool want_found =
      re.Match(text, begin, end, RE2::ANCHOR_BOTH, want.data(), n);
  bool got_found = m->Match(text, begin, end, got.data(), n);
  EXPECT_EQ(Groups(got_found, got), Groups(want_found, want))
      << pattern << " on " << text;
}

void ExpectSame(const std::string& pattern, const std::string& text) {
  ExpectSame(pattern, text, 0, text.size());
}

TEST(GroupMatcher, ReadsWhatRe2Reads) {
  // Greedy and lazy repetition, alternation order, optional groups.
  ExpectSame("(?P<a>a*)(?P<b>a*)", "aaa");
  ExpectSame("(?P<a>a*?)(?P<b>a*)", "aaa");
  ExpectSame("(?P<a>a|ab)(?P<b>b?)", "ab");
  ExpectSame("(?P<a>ab|a)(?P<b>b?)", "ab");
  ExpectSame("(?:(?P<a>x)|y)z", "yz");
  ExpectSame("(?P<a>[^,.;]*?)\\s+et\\s+(?P<b>.*)",
             "deux avions et un radar et trois jets");
  ExpectSame("(?P<a>\\w+)\\s*(?P<b>\\d{2,4})", "hello 12345");
  ExpectSame("(?P<a>x{2,})(?P<b>x*)", "xxxxx");
  ExpectSame("(?P<a>x{1,3}?)(?P<b>x+)", "xxxx");
  // Case folding, in literals, classes and scoped flags, with accents.
  ExpectSame("(?i)(?P<a>été|ÉTÉ)\\s+(?P<b>[a-zé]+)", "ÉTÉ Dernier");
  ExpectSame("(?i:œuvre)\\s+(?-i:(?P<a>Mali))", "ŒUVRE Mali");
  ExpectSame("(?i)(?P<a>[^a-c]+)", "DEF");
  ExpectSame("(?i)(?P<a>[^a-c]+)", "dAb");
  ExpectSame("(?i)(?P<a>\\btu[ée]e?s?\\b)", "TUÉES");
  // Escapes, markers, word boundaries and the text around the span.
  ExpectSame("(?P<a>[\\x10-\\x14]\\x1f*)\\s+(?P<b>\\S+)", "\x10\x1f\x1f chose");
  ExpectSame("\\b(?P<a>ont)\\b", "dont ont", 5, 8);
  ExpectSame("\\b(?P<a>ont)", "dont", 1, 4);
  ExpectSame("(?P<a>^a)", "ba", 1, 2);
  ExpectSame("(?P<a>a$)", "ab", 0, 1);
  ExpectSame("(?P<a>.+)", "a\nb");
  ExpectSame("l'(?P<a>année|an)\\s+(?:dernière|dernier)", "l'année dernière");
}

TEST(GroupMatcher, SyntaxItDoesNotReadIsLeftToRe2) {
  EXPECT_EQ(GroupMatcher::Compile("\\pL+"), nullptr);
  EXPECT_EQ(GroupMatcher::Compile("[[:alpha:]]"), nullptr);
  EXPECT_EQ(GroupMatcher::Compile("(a"), nullptr);
  EXPECT_NE(GroupMatcher::Compile("a{,2}"),
            nullptr);  // a literal "{" in RE2 too
}

// Every claim pattern, context pattern and date match of every fixture
// corpus: GroupMatcher and RE2 agree on every group.
TEST(GroupMatcher, AgreesWithRe2OnEveryFixtureMatch) {
  auto rules = Rules::Load(crosscheck::testing::SourceDir() + "/rules");
  ASSERT_TRUE(rules.ok()) << rules.status();
  check_group_matcher = true;
  group_matcher_mismatches = 0;
  size_t claims = 0;
  for (const std::string& name : CorporaWithExpectedClaims()) {
    Corpus corpus;
    AddArticles(
        crosscheck::testing::SourceDir() + "/fixtures/" + name + "/input",
        &corpus);
    ExtractStats stats;
    ASSERT_TRUE(ExtractClaims(**rules, ExtractOptions(), &corpus, &stats).ok());
    claims += stats.claims;
  }
  check_group_matcher = false;
  EXPECT_GT(claims, 1000u);
  EXPECT_EQ(group_matcher_mismatches.load(), 0);
}

}  // namespace
}  // namespace crosscheck::extract_internal
