#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "crosscheck/rules.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "tests/support/test_support.h"
#include "tests/value/value_test_support.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;

TEST(ValueRules, RepositoryRulesAreCleanAndEveryExampleHolds) {
  absl::StatusOr<RuleCheck> check = CheckRules(testing::SourceDir() + "/rules");
  ASSERT_TRUE(check.ok()) << check.status();
  for (const RuleProblem& p : check->problems) ADD_FAILURE() << p.ToString();
  for (const RuleProblem& p : check->failed_examples) ADD_FAILURE() << p.ToString();
  EXPECT_GT(check->examples, 100u);
  EXPECT_TRUE(check->ok());
}

TEST(ValueRules, NullMarkersAndPatterns) {
  const ValueRules& rules = testing::RepoRules().values();
  for (const char* cell : {"", "  ", "-", "--", "n/a", "N/A", "Not Available", "null", "none",
                           "Not provided by airline", "Contact Airline", "Dec 05 - Contact Airline",
                           "Dec 10 - Not Available", "2011-12-30 Cancelled", "\xC2\xA0-\xC2\xA0"}) {
    EXPECT_TRUE(rules.IsNull(cell)) << "'" << cell << "'";
  }
  for (const char* cell : {"D5", "0", "Dec 05 - 1:55pm", "Knuth", "Nonesuch"}) {
    EXPECT_FALSE(rules.IsNull(cell)) << "'" << cell << "'";
  }
}

struct BrokenRule {
  const char* name;
  const char* rule;      // one rule object, written on line 2 of the pack
  const char* where;     // "line:column" of the problem
  const char* message;   // substring
};

// Each rule is on line 2; columns count from the start of that line.
constexpr BrokenRule kBroken[] = {
    {"bad pattern", R"({"id": "x", "kind": "null_pattern", "pattern": "a(b", "examples": [{"in": "a"}]})",
     "2:48", "invalid pattern: missing )"},
    {"counted repetition",
     R"({"id": "x", "kind": "null_pattern", "pattern": "a{1,200}", "examples": [{"in": "a"}]})",
     "2:48", "counted repetitions"},
    {"unknown field",
     R"({"id": "x", "kind": "null_markers", "valuez": ["-"], "examples": [{"in": "-"}]})",
     "2:37", "unknown field \"valuez\""},
    {"wrong type", R"({"id": "x", "kind": "unit", "base": "m", "factor": "1000", "aliases": ["km"], "examples": [{"in": "1 km", "key": "1000 m"}]})",
     "2:52", "\"factor\" must be a number"},
    {"bad format directive",
     R"({"id": "x", "kind": "datetime_format", "format": "%Y-%q", "examples": [{"in": "2011", "key": "2011"}]})",
     "2:50", "unknown directive '%q'"},
    {"format twice a field",
     R"({"id": "x", "kind": "datetime_format", "format": "%Y %Y", "examples": [{"in": "2011", "key": "2011"}]})",
     "2:50", "stated twice"},
    {"12-hour clock without period",
     R"({"id": "x", "kind": "datetime_format", "format": "%I:%M", "examples": [{"in": "1:55", "key": "T01:55"}]})",
     "2:50", "%I and %p go together"},
    {"month table size",
     R"({"id": "x", "kind": "month_names", "names": [["jan"]], "examples": [{"in": "x", "key": "x"}]})",
     "2:45", "must be 12 arrays"},
    {"bad offset",
     R"({"id": "x", "kind": "time_zone", "zones": {"EST": "-5"}, "examples": [{"in": "x", "key": "x"}]})",
     "2:51", "offset of \"EST\""},
    {"bad hedge",
     R"({"id": "x", "kind": "number_hedge", "hedge": "roughly", "prefixes": ["~"], "examples": [{"in": "~1", "key": "~1"}]})",
     "2:46", "unknown number hedge \"roughly\""},
    {"about without tolerance",
     R"({"id": "x", "kind": "number_hedge", "hedge": "about", "prefixes": ["~"], "examples": [{"in": "~1", "key": "~1"}]})",
     "2:1", "\"tolerance\""},
    {"unknown value kind",
     R"({"id": "x", "kind": "attribute_kind", "attribute": "a", "value_kind": "date", "examples": [{"in": "a"}]})",
     "2:71", "unknown value kind \"date\""},
    {"comma separator",
     R"({"id": "x", "kind": "name_separators", "separators": [","], "examples": [{"in": "a", "key": "a"}]})",
     "2:54", "part of the name grammar"},
};

TEST(ValueRules, BrokenRulesAreLocatedProblems) {
  for (const BrokenRule& c : kBroken) {
    std::vector<RuleProblem> problems;
    auto set = internal::RuleSet::FromFiles(
        {{"pack.json", absl::StrCat("{\"pack\": \"p\", \"rules\": [\n", c.rule, "]}")}}, &problems);
    ASSERT_TRUE(problems.empty()) << c.name << ": " << problems[0].ToString();
    internal::CompileValueRules(*set, &problems);
    // The first problem is the specific one (an unknown field may also leave
    // a required one missing).
    ASSERT_FALSE(problems.empty()) << c.name;
    const RuleProblem& p = problems[0];
    EXPECT_EQ(p.file, "pack.json") << c.name;
    EXPECT_EQ(p.rule_id, "x") << c.name;
    EXPECT_EQ(absl::StrCat(p.line, ":", p.column), c.where) << c.name << ": " << p.ToString();
    EXPECT_THAT(p.message, HasSubstr(c.message)) << c.name;
  }
}

TEST(ValueRules, FromRulesReportsTheFirstProblemAsInvalidArgument) {
  std::vector<RuleProblem> problems;
  auto set = internal::RuleSet::FromFiles(
      {{"pack.json", "{\"pack\": \"p\", \"rules\": [\n" + std::string(kBroken[0].rule) + "]}"}},
      &problems);
  absl::StatusOr<std::unique_ptr<ValueRules>> rules = ValueRules::FromRules(*set);
  EXPECT_EQ(rules.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(rules.status().message(), HasSubstr("pack.json:2:48"));
}

TEST(ValueRules, FailingExamplesAreReported) {
  std::vector<RuleProblem> problems;
  auto set = internal::RuleSet::FromFiles(
      {{"pack.json", R"({"pack": "p", "rules": [
{"id": "f", "kind": "datetime_format", "format": "%Y-%m-%d", "examples": [
  {"in": "2011-12-01", "key": "2011-12-02"},
  {"in": "2011-12-01"},
  {"in": "2011-12-01", "key": "2011-12-01", "kee": 1},
  {"in": "2011-12-01", "key": "2011-12-01"}]}]})"}},
      &problems);
  auto compiled = internal::CompileValueRules(*set, &problems);
  ASSERT_TRUE(problems.empty());
  size_t examples = 0;
  std::vector<RuleProblem> failed;
  internal::RunValueExamples(*set, *compiled, &examples, &failed);
  EXPECT_EQ(examples, 4u);
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_THAT(failed[0].message, HasSubstr("expected key \"2011-12-02\", got \"2011-12-01\""));
  EXPECT_EQ(failed[0].line, 3u);
  EXPECT_THAT(failed[1].message, HasSubstr("needs \"key\""));
  EXPECT_THAT(failed[2].message, HasSubstr("unknown example field \"kee\""));
}

}  // namespace
}  // namespace crosscheck
