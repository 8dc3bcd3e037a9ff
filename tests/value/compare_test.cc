#include <string>

#include "gtest/gtest.h"
#include "tests/value/value_test_support.h"

namespace crosscheck {
namespace {

struct Row {
  ValueKind kind;
  const char* a;
  const char* b;
  Relation relation;
  const char* why;  // ExplainRelation, checked by hand
};

constexpr ValueKind N = ValueKind::kNumber, D = ValueKind::kDateTime, C = ValueKind::kCode,
                    L = ValueKind::kNameList, T = ValueKind::kText;
constexpr Relation kEq = Relation::kEqual, kGen = Relation::kGeneralizes,
                   kSpec = Relation::kSpecializes, kOver = Relation::kOverlaps,
                   kContra = Relation::kContradicts;

constexpr Row kRows[] = {
    // Numbers: intervals.
    {N, "at least 4", "6", kGen, "at least 4 includes 6"},
    {N, "at least 4", "4", kGen, "at least 4 includes 4"},
    {N, "at least 4", "2", kContra, "at least 4 vs 2"},
    {N, "about 10", "9.5", kGen, "about 10 includes 9.5"},
    {N, "about 10", "about 11", kOver, "about 10 and about 11 overlap"},
    {N, "6", "at least 4", kSpec, "6 is within at least 4"},
    {N, "1,234", "1234", kEq, "same value: 1234"},
    {N, "12 km", "12000 m", kEq, "same value: 12000 m"},
    {N, "45%", "45 km", kContra, "45% vs 45000 m"},
    // Date-times: coarser granularity, offsets, missing dates.
    {D, "December 2011", "2011-12-05", kGen, "2011-12 includes 2011-12-05"},
    {D, "2011-12-05 1:55 PM", "2011-12-05 2:07 PM", kContra, "13:55 vs 14:07, 12 minutes apart"},
    {D, "13:55", "2011-12-05 1:55 PM", kGen, "T13:55 includes 2011-12-05T13:55"},
    {D, "12/1/2011 2:07PM EST", "2011-12-01T15:07-04:00", kEq,
     "same instant: 14:07-05:00 = 15:07-04:00"},
    {D, "12/01/2011 02:07 PM", "12/1/2011 2:07PM EST", kGen,
     "14:07 includes 14:07-05:00"},
    {D, "6:20 PM, Dec 05", "2011-12-05 6:20 PM", kGen, "--12-05T18:20 includes 2011-12-05T18:20"},
    {D, "6:20 PM, Dec 05", "2011-12-06 6:20 PM", kContra, "--12-05T18:20 vs 2011-12-06T18:20"},
    {D, "2011-12-01 1:17 PM (Estimated)", "2011-12-01 1:17 PM", kEq, "same time: 13:17 (estimated)"},
    {D, "2011-12-01 1:17 PM (Estimated)", "2011-12-01 1:27 PM", kContra,
     "13:17 (estimated) vs 13:27, 10 minutes apart"},
    {D, "2011-12-05", "2011-12-06 1:00 PM", kContra, "2011-12-05 vs 2011-12-06T13:00"},
    // Dates of events compare at their granularity: a month includes its
    // days; two day-precise dates contradict even one day apart.
    {D, "April 2022", "2022-04-18", kGen, "2022-04 includes 2022-04-18"},
    {D, "2022", "2022-04-18", kGen, "2022 includes 2022-04-18"},
    {D, "2022-04-18", "April 2022", kSpec, "2022-04-18 is within 2022-04"},
    {D, "2021-09-30", "2021-10-01", kContra, "2021-09-30 vs 2021-10-01"},
    {D, "September 2021", "2021-10-01", kContra, "2021-09 vs 2021-10-01"},
    // Codes and text: keys.
    {C, "Gate D5", " D5 ", kEq, "same value: D5"},
    {C, "D5", "D7", kContra, "D5 vs D7"},
    {T, "Élan", "elan", kEq, "same value: elan"},
    // Name lists: sets of persons.
    {L, "Knuth, Donald E.", "Donald E. Knuth", kEq, "same 1 author"},
    {L, "Knuth", "Knuth, Donald E.", kEq, "same 1 author"},
    {L, "Knuth", "Graham, Ronald; Knuth, Donald; Patashnik, Oren", kGen, "names 1 of the 3 authors"},
    {L, "Graham, Ronald; Knuth, Donald", "Knuth", kSpec, "names all 1 author and 1 more"},
    {L, "Graham, Ronald; Knuth, Donald", "Knuth, D.; Patashnik, Oren", kOver,
     "1 author in common; 1 named only here, 1 only there"},
    {L, "Langr Jeff", "Jeff Langr", kEq, "same 1 author"},
    {L, "Knuth", "Norvig", kContra, "no author in common (knuth vs norvig)"},
};

TEST(Compare, Table) {
  ValueStore store;
  const ValueRules& rules = testing::RepoRules().values();
  for (const Row& r : kRows) {
    auto a = ParseValue(rules, r.kind, r.a, &store);
    auto b = ParseValue(rules, r.kind, r.b, &store);
    ASSERT_TRUE(a.ok() && b.ok()) << r.a << " / " << r.b;
    Relation got = Compare(store, *a, *b);
    EXPECT_EQ(RelationName(got), RelationName(r.relation)) << r.a << " vs " << r.b;
    EXPECT_EQ(ExplainRelation(store, *a, *b, got), r.why) << r.a << " vs " << r.b;
  }
}

TEST(Compare, DifferentKindsContradict) {
  ValueStore store;
  const ValueRules& rules = testing::RepoRules().values();
  auto a = ParseValue(rules, ValueKind::kNumber, "2011", &store);
  auto b = ParseValue(rules, ValueKind::kDateTime, "2011", &store);
  EXPECT_EQ(Compare(store, *a, *b), Relation::kContradicts);
  EXPECT_EQ(ExplainRelation(store, *a, *b, Relation::kContradicts), "number '2011' vs datetime '2011'");
}

// A denial rules out its value and whatever that value includes; other
// values and other denials can hold with it.
TEST(Compare, DenialsContradictOnlyWhatTheyRuleOut) {
  ValueStore store;
  const ValueRules& rules = testing::RepoRules().values();
  auto parse = [&](ValueKind kind, const char* raw) {
    auto v = ParseValue(rules, kind, raw, &store);
    EXPECT_TRUE(v.ok()) << raw;
    return *v;
  };
  const ValueId wagner = parse(T, "Wagner"), russia = parse(T, "Russia");
  const ValueId not_wagner = store.AddDenial(wagner);
  EXPECT_EQ(store.Key(not_wagner), "not wagner");
  EXPECT_TRUE(store.Get(not_wagner).has(Value::kDenied));
  EXPECT_EQ(store.AddDenial(wagner), not_wagner);
  EXPECT_EQ(store.Affirmed(not_wagner), wagner);
  EXPECT_EQ(store.Affirmed(wagner), wagner);
  EXPECT_EQ(store.AddDenial(not_wagner), wagner);
  struct DenialRow {
    ValueId a, b;
    Relation relation;
    const char* why;
  };
  const ValueId over_100 = parse(N, "at least 101"), n42 = parse(N, "42"), n150 = parse(N, "150");
  const ValueId dec = parse(D, "December 2021"), dec23 = parse(D, "2021-12-23");
  const DenialRow rows[] = {
      {not_wagner, wagner, kContra, "not wagner vs wagner"},
      {wagner, not_wagner, kContra, "wagner vs not wagner"},
      {not_wagner, russia, kOver, "not wagner and russia can both hold"},
      {not_wagner, store.AddDenial(russia), kOver, "not wagner and not russia can both hold"},
      {store.AddDenial(over_100), n150, kContra, "not >=101 vs 150"},
      {store.AddDenial(over_100), n42, kOver, "not >=101 and 42 can both hold"},
      {n150, store.AddDenial(over_100), kContra, "150 vs not >=101"},
      {store.AddDenial(n150), over_100, kOver, "not 150 and >=101 can both hold"},
      {store.AddDenial(dec), dec23, kContra, "not 2021-12 vs 2021-12-23"},
      {store.AddDenial(dec23), dec, kOver, "not 2021-12-23 and 2021-12 can both hold"},
  };
  for (const DenialRow& r : rows) {
    const Relation got = Compare(store, r.a, r.b);
    EXPECT_EQ(RelationName(got), RelationName(r.relation)) << r.why;
    EXPECT_EQ(ExplainRelation(store, r.a, r.b, got), r.why);
  }
}

}  // namespace
}  // namespace crosscheck
