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

}  // namespace
}  // namespace crosscheck::testing
