#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "gtest/gtest.h"
#include "tests/value/value_test_support.h"

namespace crosscheck {
namespace {

using testing::MakeCorpus;
using testing::Row;

// subject|predicate|source -> key, for every typed claim.
std::map<std::string, std::string> Keys(const Corpus& c) {
  std::map<std::string, std::string> out;
  for (const Claim& claim : c.claims) {
    out[std::string(c.str(claim.subject)) + "|" + std::string(c.str(claim.predicate)) + "|" +
        std::string(c.str(claim.source))] = std::string(c.values.Key(claim.value));
  }
  return out;
}

const std::vector<Row> kFlight = {
    {"aa", "2011-12-01/AA-1", "scheduled_departure", "12/01/2011 01:55 PM", 2},
    {"aa", "2011-12-01/AA-1", "departure_gate", "Gate D5", 2},
    {"fv", "2011-12-01/AA-1", "scheduled_departure", "1:55 PM, Dec 01", 3},
    {"fv", "2011-12-01/AA-1", "actual_arrival", "1:10 AM, Dec 02", 3},  // overnight
    {"tv", "2011-12-01/AA-1", "scheduled_departure", "13:55", 4},
    {"tv", "2011-12-01/AA-1", "departure_gate", "Contact Airline", 4},   // null
    {"xx", "2011-12-01/AA-1", "scheduled_departure", "Pending", 5},      // not a time
    {"xx", "2011-12-01/AA-1", "departure_gate", "D5", 6},
    {"yy", "2011-12-31/AA-2", "actual_arrival", "12:40 AM, Jan 01", 7},
    {"yy", "2011-12-31/AA-2", "scheduled_departure", "2011-12-31 10:00 PM", 7},
    {"zz", "no-date/AA-3", "actual_arrival", "1:10 AM, Dec 02", 8},
};

TEST(TypeClaims, KindsKeysAndDateCompletion) {
  Corpus c = MakeCorpus(kFlight);
  ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), TypingOptions(), &c).ok());
  auto keys = Keys(c);
  EXPECT_EQ(keys["2011-12-01/AA-1|scheduled_departure|aa"], "2011-12-01T13:55");
  EXPECT_EQ(keys["2011-12-01/AA-1|scheduled_departure|fv"], "2011-12-01T13:55");
  EXPECT_EQ(keys["2011-12-01/AA-1|scheduled_departure|tv"], "2011-12-01T13:55");
  // Only the year is taken from context: the stated Dec 02 stays.
  EXPECT_EQ(keys["2011-12-01/AA-1|actual_arrival|fv"], "2011-12-02T01:10");
  // Next to 2011-12-31, "Jan 01" is in 2012.
  EXPECT_EQ(keys["2011-12-31/AA-2|actual_arrival|yy"], "2012-01-01T00:40");
  // Without any dated value, the value stays as stated.
  EXPECT_EQ(keys["no-date/AA-3|actual_arrival|zz"], "--12-02T01:10");
  EXPECT_EQ(keys["2011-12-01/AA-1|departure_gate|aa"], "D5");
  for (const Claim& claim : c.claims) {
    const Value& v = c.values.Get(claim.value);
    bool inferred = c.str(claim.source) == "fv" || c.str(claim.source) == "tv" ||
                    (c.str(claim.source) == "yy" && c.str(claim.predicate) == "actual_arrival");
    if (v.kind == ValueKind::kDateTime) {
      EXPECT_EQ(v.has(Value::kYearInferred), inferred) << c.values.key(v.key);
    }
  }
}

TEST(TypeClaims, SkippedValuesAndRecordsKeepCountersConsistent) {
  Corpus c = MakeCorpus(kFlight);
  const uint32_t claims_before = c.files[0].claims;
  ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), TypingOptions(), &c).ok());
  const InputFile& f = c.files[0];
  // "Contact Airline" is dropped silently, "Pending" is listed; line 5 has
  // no claim left.
  EXPECT_EQ(c.claims.size(), kFlight.size() - 2);
  EXPECT_EQ(f.claims, claims_before - 2);
  EXPECT_EQ(f.records, f.records_kept + f.records_skipped);
  EXPECT_EQ(f.records_skipped, 1u);
  ASSERT_EQ(c.issues.size(), 2u);
  EXPECT_EQ(c.issues[0].kind, IssueKind::kSkippedValue);
  EXPECT_EQ(c.issues[0].reason, "not a date-time: 'Pending'");
  EXPECT_EQ(c.issues[0].location.line, 5u);
  EXPECT_EQ(c.issues[0].location.column, 1u);
  EXPECT_EQ(c.issues[0].excerpt, "Pending");
  EXPECT_EQ(c.issues[1].kind, IssueKind::kSkippedRecord);
  EXPECT_EQ(c.issues[1].location.line, 5u);
}

TEST(TypeClaims, KindFromOptionsRulesOrValues) {
  Corpus c = MakeCorpus({
      {"a", "x", "when", "2011-12-01", 2},        // detected: date-time
      {"b", "x", "when", "2011-12-02", 3},
      {"a", "x", "size_hint", "1,234", 2},        // rule .*size.*: number
      {"a", "x", "colour", "Dark Blue", 2},       // detected: text
      {"b", "x", "colour", "12", 3},
      {"a", "x", "label", "2011-12-01", 2},       // option: code
  });
  TypingOptions options;
  options.kinds["label"] = ValueKind::kCode;
  ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), options, &c).ok());
  std::map<std::string, ValueKind> kinds;
  for (const Claim& claim : c.claims) {
    kinds[std::string(c.str(claim.predicate))] = c.values.Get(claim.value).kind;
  }
  EXPECT_EQ(kinds["when"], ValueKind::kDateTime);
  EXPECT_EQ(kinds["size_hint"], ValueKind::kNumber);
  EXPECT_EQ(kinds["colour"], ValueKind::kText);
  EXPECT_EQ(kinds["label"], ValueKind::kCode);
  EXPECT_EQ(Keys(c)["x|colour|a"], "dark blue");
}

TEST(TypeClaims, ShuffledClaimsGiveIdenticalKeys) {
  Corpus a = MakeCorpus(kFlight);
  ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), TypingOptions(), &a).ok());
  std::vector<Row> rows = kFlight;
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(rows.begin(), rows.end(), rng);
    Corpus b = MakeCorpus(rows);
    ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), TypingOptions(), &b).ok());
    EXPECT_EQ(Keys(a), Keys(b)) << "round " << round;
  }
}

TEST(TypeClaims, AlreadyTypedClaimsAreLeftAlone) {
  Corpus c = MakeCorpus({{"a", "x", "departure", "2011-12-01", 2}});
  ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), TypingOptions(), &c).ok());
  ValueId first = c.claims[0].value;
  ASSERT_TRUE(TypeClaims(testing::RepoRules().values(), TypingOptions(), &c).ok());
  EXPECT_EQ(c.claims[0].value, first);
  EXPECT_EQ(c.values.size(), 1u);
}

}  // namespace
}  // namespace crosscheck
