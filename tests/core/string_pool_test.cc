#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

TEST(StringPool, EqualStringsShareAnId) {
  StringPool pool;
  StringId a = pool.Intern("Knuth");
  StringId b = pool.Intern("Graham");
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.Intern(std::string("Knuth")), a);
  EXPECT_EQ(pool.Get(a), "Knuth");
  EXPECT_EQ(pool.Find("Graham"), b);
  EXPECT_EQ(pool.Find("Patashnik"), kNoString);
  EXPECT_EQ(pool.size(), 2u);
}

TEST(StringPool, IdsAreDenseInFirstSeenOrder) {
  StringPool pool;
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(pool.Intern(std::to_string(i)), static_cast<StringId>(i));
  }
}

TEST(StringPool, ViewsSurviveGrowthAndMoves) {
  StringPool pool;
  std::vector<absl::string_view> views;
  std::string big(100000, 'x');
  for (int i = 0; i < 20000; ++i) {
    std::string s = (i % 997 == 0) ? big + std::to_string(i) : "value-" + std::to_string(i);
    views.push_back(pool.Get(pool.Intern(s)));
  }
  StringPool moved = std::move(pool);
  for (int i = 0; i < 20000; ++i) {
    std::string s = (i % 997 == 0) ? big + std::to_string(i) : "value-" + std::to_string(i);
    EXPECT_EQ(views[i], s);
    EXPECT_EQ(moved.Get(static_cast<StringId>(i)), s);
  }
}

TEST(StringPool, EmptyStringIsAValue) {
  StringPool pool;
  StringId e = pool.Intern("");
  EXPECT_EQ(pool.Get(e), "");
  EXPECT_EQ(pool.Intern(""), e);
}

}  // namespace
}  // namespace crosscheck
