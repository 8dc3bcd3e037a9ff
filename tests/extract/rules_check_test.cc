// The repository's rule packs load without problems and every inline
// example holds.
#include <string>

#include "crosscheck/rules.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

TEST(RepositoryRules, LoadAndAllExamplesHold) {
  absl::StatusOr<RuleCheck> check = CheckRules(testing::SourceDir() + "/rules");
  ASSERT_TRUE(check.ok()) << check.status();
  for (const RuleProblem& p : check->problems) ADD_FAILURE() << p.ToString();
  for (const RuleProblem& p : check->failed_examples) ADD_FAILURE() << p.ToString();
  EXPECT_GT(check->examples, 100u);
}

TEST(RepositoryRules, LoadCompilesEveryKind) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::Load(testing::SourceDir() + "/rules");
  ASSERT_TRUE(rules.ok()) << rules.status();
}

}  // namespace
}  // namespace crosscheck
