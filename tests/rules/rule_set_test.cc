#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/rule_set.h"
#include "tests/support/test_support.h"

namespace crosscheck::internal {
namespace {

using ::testing::HasSubstr;

std::vector<RuleProblem> Load(const std::string& text,
                              std::unique_ptr<RuleSet>* out = nullptr) {
  std::vector<RuleProblem> problems;
  auto set = RuleSet::FromFiles({{"pack.json", text}}, &problems);
  if (out) *out = std::move(set);
  return problems;
}

TEST(RuleSet, LoadsRulesByKindAndPriority) {
  std::unique_ptr<RuleSet> set;
  auto problems = Load(R"({"pack": "p", "rules": [
    {"id": "low", "kind": "null_markers", "priority": 1, "examples": [1]},
    {"id": "high", "kind": "null_markers", "priority": 5, "examples": [1]},
    {"id": "b", "kind": "null_markers", "priority": 5, "examples": [1]}
  ]})", &set);
  EXPECT_TRUE(problems.empty());
  auto rules = set->OfKind("null_markers");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]->id, "b");
  EXPECT_EQ(rules[1]->id, "high");
  EXPECT_EQ(rules[2]->id, "low");
  EXPECT_EQ(rules[0]->pack, "p");
  EXPECT_TRUE(set->OfKind("attribute_kind").empty());
}

struct BrokenCase {
  const char* name;
  const char* text;
  const char* where;    // "line:column"
  const char* message;  // substring
};

constexpr BrokenCase kBroken[] = {
    {"syntax", "{\"pack\": \"p\",\n \"rules\": [}", "2:12", "invalid JSON"},
    {"not an object", "[1]", "1:1", "must be a JSON object"},
    {"unknown pack field", "{\"pack\": \"p\", \"rules\": [], \"rulez\": []}", "1:28",
     "unknown pack field \"rulez\""},
    {"missing pack", "{\"rules\": []}", "1:1", "\"pack\" must be"},
    {"rules not array", "{\"pack\": \"p\", \"rules\": {}}", "1:24", "\"rules\" must be"},
    {"missing id", "{\"pack\": \"p\", \"rules\": [\n  {\"kind\": \"null_markers\"}]}",
     "2:3", "needs \"id\""},
    {"unknown kind",
     "{\"pack\": \"p\", \"rules\": [\n  {\"id\": \"x\", \"kind\": \"nul_markers\", "
     "\"examples\": [1]}]}",
     "2:23", "unknown rule kind \"nul_markers\""},
    {"priority not int",
     "{\"pack\": \"p\", \"rules\": [{\"id\": \"x\", \"kind\": \"null_markers\", "
     "\"priority\": \"high\", \"examples\": [1]}]}",
     "1:73", "\"priority\" must be an integer"},
    {"no examples",
     "{\"pack\": \"p\", \"rules\": [{\"id\": \"x\", \"kind\": \"null_markers\"}]}",
     "1:25", "needs \"examples\""},
    {"duplicate id",
     "{\"pack\": \"p\", \"rules\": [\n"
     "  {\"id\": \"x\", \"kind\": \"null_markers\", \"examples\": [1]},\n"
     "  {\"id\": \"x\", \"kind\": \"null_markers\", \"examples\": [1]}]}",
     "3:3", "duplicate rule id \"x\" (first defined at pack.json:2:3)"},
};

TEST(RuleSet, BrokenFilesAreRejectedWithPositions) {
  for (const BrokenCase& c : kBroken) {
    std::vector<RuleProblem> problems = Load(c.text);
    ASSERT_EQ(problems.size(), 1u) << c.name;
    const RuleProblem& p = problems[0];
    EXPECT_EQ(p.file, "pack.json") << c.name;
    EXPECT_EQ(std::to_string(p.line) + ":" + std::to_string(p.column), c.where)
        << c.name << ": " << p.ToString();
    EXPECT_THAT(p.message, HasSubstr(c.message)) << c.name;
  }
}

TEST(RuleSet, BrokenRuleDoesNotHideTheRest) {
  std::unique_ptr<RuleSet> set;
  auto problems = Load(R"({"pack": "p", "rules": [
    {"id": "bad", "kind": "nope", "examples": [1]},
    {"id": "good", "kind": "null_markers", "examples": [1]}]})", &set);
  EXPECT_EQ(problems.size(), 1u);
  ASSERT_EQ(set->rules().size(), 1u);
  EXPECT_EQ(set->rules()[0].id, "good");
}

TEST(RuleFields, ReportsMissingMistypedAndUnknownFields) {
  std::unique_ptr<RuleSet> set;
  ASSERT_TRUE(Load(R"({"pack": "p", "rules": [
    {"id": "r", "kind": "null_markers", "examples": [1],
     "values": ["n/a", 3], "name": 7, "extra": true}]})", &set).empty());
  std::vector<RuleProblem> problems;
  RuleFields fields(set->rules()[0], &problems);
  std::vector<std::string> values;
  std::string name;
  EXPECT_FALSE(fields.StringArray("values", &values));
  EXPECT_FALSE(fields.String("name", &name));
  EXPECT_FALSE(fields.String("missing", &name));
  EXPECT_FALSE(fields.String("optional", &name, /*required=*/false));
  fields.CheckFields({"values", "name"});
  EXPECT_FALSE(fields.ok());
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].line, 3u);
  EXPECT_THAT(problems[0].message, HasSubstr("every element of \"values\""));
  EXPECT_THAT(problems[1].message, HasSubstr("\"name\" must be a string"));
  EXPECT_THAT(problems[2].message, HasSubstr("missing field \"missing\""));
  EXPECT_THAT(problems[3].message, HasSubstr("unknown field \"extra\""));
  EXPECT_EQ(problems[3].rule_id, "r");
}

TEST(RuleSet, LoadDirectoryNotFound) {
  std::vector<RuleProblem> problems;
  auto set = RuleSet::LoadDirectory("/nonexistent/rules", &problems);
  EXPECT_EQ(set.status().code(), absl::StatusCode::kNotFound);
}

TEST(RuleSet, LoadDirectoryReadsJsonFilesRecursivelyInPathOrder) {
  testing::TempDir dir;
  dir.Write("b/two.json",
            R"({"pack": "two", "rules": [{"id": "t", "kind": "null_markers", "examples": [1]}]})");
  dir.Write("a.json",
            R"({"pack": "one", "rules": [{"id": "o", "kind": "null_markers", "examples": [1]}]})");
  dir.Write("notes.txt", "not a pack");
  std::vector<RuleProblem> problems;
  auto set = RuleSet::LoadDirectory(dir.path(), &problems);
  ASSERT_TRUE(set.ok());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ((*set)->num_packs(), 2u);
  EXPECT_EQ((*set)->rules()[0].pack, "one");
}

}  // namespace
}  // namespace crosscheck::internal
