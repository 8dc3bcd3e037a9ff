// Time explains change (engine/solve/timeline.h): growing figures supersede
// lower, earlier ones; observed dates never conflict.
#include "solve/timeline.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

using internal::RuleSet;
using internal::TimeRules;

constexpr char kPack[] = R"json({"pack": "time", "rules": [
  {"id": "time.toll", "kind": "over_time", "priority": 1,
   "attributes": ["toll"], "behaviour": "grows",
   "examples": [{"attribute": "toll", "behaviour": "grows"},
                {"template": "casualties", "attribute": "toll", "behaviour": "timeless"}]},
  {"id": "time.seen", "kind": "over_time", "priority": 1,
   "attributes": ["seen"], "behaviour": "observed",
   "examples": [{"attribute": "seen", "behaviour": "observed"}]}
]})json";

std::unique_ptr<TimeRules> Compile(const std::string& pack, std::vector<RuleProblem>* problems) {
  std::unique_ptr<RuleSet> set = RuleSet::FromFiles({{"time.json", pack}}, problems);
  return TimeRules::Compile(*set, problems);
}

// One table claim: a source states `value` for `attribute` on a day of
// August 2022 (0: undated).
struct Said {
  const char* source;
  int day;
  const char* value;
};

struct Case {
  const char* name;
  const char* attribute;
  std::vector<Said> said;
  const char* answer;
  const char* superseded;  // keys, ", "-joined in key order
  QuestionStatus status;
};

const Case kCases[] = {
    {"a toll that grows is one figure", "toll",
     {{"a", 8, "4"}, {"b", 9, "17"}, {"c", 10, "42"}}, "42", "17, 4", QuestionStatus::kAgreed},
    {"the latest figure wins over the majority", "toll",
     {{"a", 8, "4"}, {"b", 9, "17"}, {"c", 9, "17"}, {"d", 10, "42"}}, "42", "17, 4",
     QuestionStatus::kAgreed},
    {"a higher figure reported earlier still conflicts", "toll",
     {{"a", 9, "50"}, {"b", 10, "42"}}, "42", "", QuestionStatus::kConflict},
    {"a lower figure reported on the same day still conflicts", "toll",
     {{"a", 10, "17"}, {"b", 10, "42"}}, "", "", QuestionStatus::kConflict},
    {"an undated lower figure is not explained by time", "toll",
     {{"a", 0, "17"}, {"b", 10, "42"}}, "", "", QuestionStatus::kConflict},
    {"a hedged earlier figure is compatible, not superseded", "toll",
     {{"a", 8, "at least 4"}, {"b", 10, "42"}}, "42", "", QuestionStatus::kAgreed},
    {"other attributes are timeless", "deaths",
     {{"a", 8, "4"}, {"b", 10, "42"}}, "", "", QuestionStatus::kConflict},
    {"observed dates never conflict", "seen",
     {{"a", 8, "2019"}, {"b", 10, "2022"}}, "", "", QuestionStatus::kAgreed},
};

TEST(TimeRules, CompileAndRunExamples) {
  std::vector<RuleProblem> problems;
  auto rules = Compile(kPack, &problems);
  ASSERT_TRUE(problems.empty()) << problems.front().ToString();
  std::unique_ptr<RuleSet> set = RuleSet::FromFiles({{"time.json", kPack}}, &problems);
  size_t examples = 0;
  rules->RunExamples(*set, &examples, &problems);
  EXPECT_EQ(examples, 3u);
  EXPECT_TRUE(problems.empty()) << problems.front().ToString();
  EXPECT_EQ(rules->Of("", "toll"), TimeBehaviour::kGrows);
  EXPECT_EQ(rules->Of("casualties", "toll"), TimeBehaviour::kTimeless);
  EXPECT_EQ(rules->Of("", "seen"), TimeBehaviour::kObserved);
}

TEST(TimeRules, BrokenRulesAreLocated) {
  std::vector<RuleProblem> problems;
  Compile(R"json({"pack": "t", "rules": [
    {"id": "t.bad", "kind": "over_time", "priority": 1,
     "attributes": ["toll"], "behaviour": "shrinks",
     "examples": [{"attribute": "toll", "behaviour": "grows"}]}]})json",
          &problems);
  ASSERT_EQ(problems.size(), 1u);
  SCOPED_TRACE(problems[0].ToString());
  EXPECT_EQ(problems[0].rule_id, "t.bad");
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_NE(problems[0].message.find("shrinks"), std::string::npos);
}

TEST(ExplainByTime, Table) {
  std::vector<RuleProblem> problems;
  auto rules = Compile(kPack, &problems);
  ASSERT_TRUE(problems.empty());
  for (const Case& c : kCases) {
    Corpus corpus;
    corpus.files.push_back(InputFile{"t.csv"});
    for (const Said& s : c.said) {
      Claim claim;
      claim.source = corpus.strings.Intern(s.source);
      claim.subject = corpus.strings.Intern("attack");
      claim.predicate = corpus.strings.Intern(c.attribute);
      claim.raw_value = corpus.strings.Intern(s.value);
      if (s.day > 0) {
        claim.as_of = corpus.strings.Intern(absl::StrFormat("2022-08-%02dT12:00:00Z", s.day));
      }
      corpus.claims.push_back(claim);
    }
    TypingOptions typing;
    typing.kinds[c.attribute] =
        std::string(c.attribute) == "seen" ? ValueKind::kDateTime : ValueKind::kNumber;
    CanonicalizeOrder(&corpus);
    ASSERT_TRUE(TypeClaims(testing::RepositoryRules().values(), typing, &corpus).ok());
    auto graph = BuildClaimGraph(corpus);
    ASSERT_TRUE(graph.ok()) << c.name;
    SolveOptions options;
    options.method = Method::kVote;
    auto solution = Solve(*graph, corpus.values, options);
    ASSERT_TRUE(solution.ok()) << c.name;
    internal::ExplainByTime(*rules, corpus, *graph, &*solution);
    EXPECT_EQ(QuestionStatusName(solution->status[0]), QuestionStatusName(c.status)) << c.name;
    if (*c.answer != '\0') {
      EXPECT_EQ(corpus.values.Key(graph->groups[solution->answer[0]].value), c.answer) << c.name;
    }
    std::vector<std::string> superseded;
    for (uint32_t g = 0; g < graph->groups.size(); ++g) {
      if (solution->superseded[g]) superseded.emplace_back(corpus.values.Key(graph->groups[g].value));
    }
    EXPECT_EQ(absl::StrJoin(superseded, ", "), c.superseded) << c.name;
    // Vote shares sum to one; superseded figures leave the competition, and
    // the values still in it share the whole belief.
    double kept = 0;
    for (uint32_t g = 0; g < graph->groups.size(); ++g) {
      if (!solution->superseded[g]) kept += solution->group_confidence[g];
    }
    EXPECT_NEAR(kept, 1.0, 1e-9) << c.name;
  }
}

TEST(ReportDay, PublicationThenAsOf) {
  Corpus corpus;
  Document doc;
  doc.published = absl::CivilDay(2022, 8, 10);
  corpus.documents.push_back(doc);
  Claim claim;
  claim.as_of = corpus.strings.Intern("2022-08-09T23:00:00-05:00");
  EXPECT_EQ(*internal::ReportDay(corpus, claim), absl::CivilDay(2022, 8, 9));
  claim.document = 0;
  EXPECT_EQ(*internal::ReportDay(corpus, claim), absl::CivilDay(2022, 8, 10));
  claim.document = kNoDocument;
  claim.as_of = corpus.strings.Intern("yesterday");
  EXPECT_FALSE(internal::ReportDay(corpus, claim).has_value());
}

}  // namespace
}  // namespace crosscheck
