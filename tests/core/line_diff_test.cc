#include "tests/support/line_diff.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck::testing {
namespace {

using ::testing::HasSubstr;

TEST(LineDiff, EqualTextsGiveNothing) { EXPECT_EQ(LineDiff("a\nb\n", "a\nb\n"), ""); }

TEST(LineDiff, ShowsChangedLinesWithContext) {
  std::string diff = LineDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", 1);
  EXPECT_EQ(diff, "@@ expected line 4, actual line 4 @@\n 4\n-5\n+five\n 6\n");
}

TEST(LineDiff, InsertionsAndDeletions) {
  std::string diff = LineDiff("a\nb\nc\n", "a\nc\nd\n", 0);
  EXPECT_THAT(diff, HasSubstr("-b\n"));
  EXPECT_THAT(diff, HasSubstr("+d\n"));
  EXPECT_THAT(diff, ::testing::Not(HasSubstr(" a\n")));
}

TEST(LineDiff, CutsLongDiffs) {
  std::string a, b;
  for (int i = 0; i < 1000; ++i) {
    a += "x" + std::to_string(i) + "\n";
    b += "y" + std::to_string(i) + "\n";
  }
  std::string diff = LineDiff(a, b, 3, 50);
  EXPECT_THAT(diff, HasSubstr("diff cut after 50 lines"));
}

TEST(LineDiff, LargeRewritesListTheDifferingMiddle) {
  // Far more edits than the shortest-script search allows: the diff still
  // starts at the first differing line and keeps the common lines as context.
  std::string a = "head\n", b = "head\n";
  for (int i = 0; i < 30000; ++i) {
    a += "old " + std::to_string(i) + "\n";
    b += "new " + std::to_string(i) + "\n";
  }
  a += "tail\n";
  b += "tail\n";
  std::string diff = LineDiff(a, b, 1, 6);
  EXPECT_EQ(diff,
            "@@ expected line 1, actual line 1 @@\n head\n-old 0\n-old 1\n-old 2\n-old 3\n"
            "-old 4\n... (diff cut after 6 lines)\n");
}

TEST(LineDiff, OneInsertionInALongTextIsOneHunk) {
  std::string a, b;
  for (int i = 0; i < 50000; ++i) {
    a += std::to_string(i) + "\n";
    b += std::to_string(i) + "\n";
    if (i == 25000) b += "inserted\n";
  }
  EXPECT_EQ(LineDiff(a, b, 1), "@@ expected line 25001, actual line 25001 @@\n 25000\n+inserted\n 25001\n");
}

TEST(LineDiff, ScatteredEditsKeepTheirContext) {
  std::string a, b;
  for (int i = 0; i < 100; ++i) {
    a += std::to_string(i) + "\n";
    b += (i % 10 == 5 ? "x" : "") + std::to_string(i) + "\n";
  }
  std::string diff = LineDiff(a, b, 0);
  for (int i = 5; i < 100; i += 10) {
    EXPECT_THAT(diff, HasSubstr("-" + std::to_string(i) + "\n+x" + std::to_string(i) + "\n"));
  }
  EXPECT_THAT(diff, ::testing::Not(HasSubstr(" 6\n")));
}

}  // namespace
}  // namespace crosscheck::testing
