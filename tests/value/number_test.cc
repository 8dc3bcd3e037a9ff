#include <cmath>
#include <limits>

#include "gtest/gtest.h"
#include "tests/value/value_test_support.h"

namespace crosscheck {
namespace {

using testing::KeyOf;

struct Case {
  const char* in;
  const char* key;
};

constexpr Case kNumbers[] = {
    {"4", "4"},
    {"4.5", "4.5"},
    {"-12", "-12"},
    {"1,234,567", "1234567"},
    {"1 234 567", "1234567"},
    {"1\xC2\xA0" "234\xC2\xA0" "567", "1234567"},
    {"1.234.567", "1234567"},   // French grouping
    {"1 234,5", "1234.5"},      // French decimals
    {"4,5", "4.5"},
    {"1,234", "1234"},          // English first: grouping wins
    {">4", ">=5"},              // more than 4 (a count) is at least 5
    {"4+", ">=4"},
    {"at least 4", ">=4"},
    {"au moins 4", ">=4"},
    {"<=4", "<=4"},
    {"up to 4", "<=4"},
    {"about 10", "~10"},
    {"~10", "~10"},
    {"12 km", "12000 m"},
    {"12000 m", "12000 m"},
    {"45%", "45%"},
    {"1.2 million", "1200000"},
    {"12 parsecs", "<invalid>"},
    {"12,34,5", "<invalid>"},
    {"four", "<invalid>"},
    {"n/a", "<null>"},
};

TEST(Number, Keys) {
  for (const Case& c : kNumbers) EXPECT_EQ(KeyOf(ValueKind::kNumber, c.in), c.key) << c.in;
}

TEST(Number, IntervalsAndFlags) {
  ValueStore store;
  const ValueRules& rules = testing::RepoRules().values();
  auto get = [&](const char* raw) { return store.Get(*ParseValue(rules, ValueKind::kNumber, raw, &store)); };
  Value at_least = get("at least 4");
  EXPECT_EQ(at_least.hedge, Hedge::kAtLeast);
  EXPECT_EQ(at_least.lo, 4);
  EXPECT_EQ(at_least.hi, std::numeric_limits<double>::infinity());
  Value about = get("about 10");
  EXPECT_DOUBLE_EQ(about.lo, 9);
  EXPECT_DOUBLE_EQ(about.hi, 11);
  EXPECT_TRUE(get("4").has(Value::kInteger));
  EXPECT_FALSE(get("4.5").has(Value::kInteger));
  Value km = get("1.5 km");
  EXPECT_EQ(km.lo, 1500);
  EXPECT_EQ(store.unit(km.unit), "m");
}

TEST(Code, Keys) {
  constexpr Case kCodes[] = {
      {"D5", "D5"}, {" D5 ", "D5"}, {"Gate D5", "D5"}, {"F78", "F78"}, {"C12A", "C12A"},
      {"c12a", "C12A"}, {"Terminal D - D5", "D5"}, {"Term C - C12", "C12"},
      {"C-9", "C9"}, {"Terminal 3", "TERMINAL3"}, {"-", "<null>"},
      {"Not provided by airline", "<null>"}, {"...", "<invalid>"},
  };
  for (const Case& c : kCodes) EXPECT_EQ(KeyOf(ValueKind::kCode, c.in), c.key) << c.in;
}

TEST(Text, Keys) {
  constexpr Case kTexts[] = {
      {"  Élan-Vital!! ", "elan vital"}, {"Goïta", "goita"}, {"ＡＢＣ", "abc"},
      {"Straße", "strasse"}, {"!!!", "<invalid>"},
  };
  for (const Case& c : kTexts) EXPECT_EQ(KeyOf(ValueKind::kText, c.in), c.key) << c.in;
}

}  // namespace
}  // namespace crosscheck
