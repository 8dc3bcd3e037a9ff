// The repository's rule packs load without problems and every inline
// example holds.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "crosscheck/rules.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

// Every problem the check of `dir` reports, one per line.
std::string AllProblems(const testing::TempDir& dir) {
  absl::StatusOr<RuleCheck> check = CheckRules(dir.path());
  if (!check.ok()) return check.status().ToString();
  std::string all;
  for (const RuleProblem& p : check->problems) absl::StrAppend(&all, p.ToString(), "\n");
  return all;
}

// The inline examples that fail in the check of `dir`, one per line.
std::string FailedExamples(const testing::TempDir& dir) {
  absl::StatusOr<RuleCheck> check = CheckRules(dir.path());
  if (!check.ok()) return check.status().ToString();
  std::string all;
  for (const RuleProblem& p : check->failed_examples) absl::StrAppend(&all, p.ToString(), "\n");
  return all;
}

// Writes claims.json to `dir`: a template of tolls (a count) and
// `patterns`, claim_pattern rules as JSON objects separated by commas,
// from line 5 on.
void WriteTollPack(const testing::TempDir& dir, absl::string_view patterns) {
  dir.Write("claims.json", absl::StrCat(R"({"pack": "c", "rules": [
  {"id": "c.toll", "kind": "claim_template", "priority": 0, "template": "toll",
   "slots": {"count": "count"}, "identity": ["count"], "required": ["count"],
   "examples": [{"in": "x", "language": "fr", "claims": []}]},
)",
                                        patterns, "\n]}"));
}

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

// A rebuttal only denies; a cue of any other scope is refused by name.
TEST(RuleCheck, ModalityCueScopesAreChecked) {
  testing::TempDir dir;
  dir.Write("cues.json", R"({"pack": "cues", "rules": [
  {"id": "x.rebuttal", "kind": "modality_cue", "priority": 1, "language": "fr",
   "modality": "reported", "scope": "rebuttal", "pattern": "ce que",
   "examples": [{"in": "ce que la junte conteste", "modality": "denied"}]},
  {"id": "x.somewhere", "kind": "modality_cue", "priority": 1, "language": "fr",
   "modality": "denied", "scope": "paragraph", "pattern": "dément",
   "examples": [{"in": "Bamako dément.", "modality": "denied"}]}
]})");
  absl::StatusOr<RuleCheck> check = CheckRules(dir.path());
  ASSERT_TRUE(check.ok()) << check.status();
  ASSERT_EQ(check->problems.size(), 2u);
  const std::string rebuttal = check->problems[0].ToString();
  const std::string scope = check->problems[1].ToString();
  EXPECT_NE(rebuttal.find("cues.json:3:"), std::string::npos) << rebuttal;
  EXPECT_NE(rebuttal.find("a rebuttal's modality is denied"), std::string::npos) << rebuttal;
  EXPECT_NE(scope.find("cues.json:6:"), std::string::npos) << scope;
  EXPECT_NE(scope.find("must be sentence, statement or rebuttal"), std::string::npos) << scope;
}

// An inherit rule's "when" names a lexicon some language has.
TEST(RuleCheck, InheritWhenNamesALexicon) {
  testing::TempDir dir;
  dir.Write("templates.json", R"({"pack": "t", "rules": [
  {"id": "t.role", "kind": "claim_template", "priority": 0, "template": "role",
   "slots": {"person": "person", "date": "date"}, "identity": ["person"],
   "inherit": [{"slot": "date", "from": ["delivery"], "scope": "document",
                "when": "no_such_lexicon", "pick": "lead"}],
   "examples": [{"in": "x", "language": "fr", "claims": []}]}
]})");
  absl::StatusOr<RuleCheck> check = CheckRules(dir.path());
  ASSERT_TRUE(check.ok()) << check.status();
  ASSERT_FALSE(check->problems.empty());
  const std::string problem = check->problems[0].ToString();
  EXPECT_NE(problem.find("templates.json:5:"), std::string::npos) << problem;
  EXPECT_NE(problem.find("no language has the lexicon \"no_such_lexicon\""), std::string::npos)
      << problem;
}

// An inherit rule agrees on slots, completes a required slot and replaces
// only dates.
TEST(RuleCheck, InheritAgreesOnSlotsAndCompletesRequiredOnes) {
  testing::TempDir dir;
  dir.Write("templates.json", R"({"pack": "t", "rules": [
  {"id": "t.toll", "kind": "claim_template", "priority": 0, "template": "toll",
   "slots": {"count": "count", "date": "date"}, "identity": ["count"],
   "inherit": [{"slot": "date", "from": ["toll"], "agree": ["place"]},
               {"slot": "date", "from": ["toll"], "completes": true},
               {"slot": "count", "from": ["toll"], "replace": "later"}],
   "examples": [{"in": "x", "language": "fr", "claims": []}]},
  {"id": "t.attack", "kind": "claim_template", "priority": 0, "template": "attack",
   "slots": {"place": "place", "date": "date"}, "identity": ["place"],
   "inherit": [{"slot": "date", "from": ["attack"], "agree": "place"}],
   "examples": [{"in": "x", "language": "fr", "claims": []}]}
]})");
  const std::string all = AllProblems(dir);
  EXPECT_NE(all.find("templates.json:4:15: \"agree\": \"place\" is not a slot"), std::string::npos)
      << all;
  EXPECT_NE(all.find("templates.json:4:15: \"completes\": \"date\" is not a required slot"),
            std::string::npos)
      << all;
  EXPECT_NE(
      all.find("templates.json:4:15: \"replace\": \"later\" needs a date slot, not \"count\""),
      std::string::npos)
      << all;
  EXPECT_NE(all.find("templates.json:10:15: \"inherit\" is an array of"), std::string::npos) << all;
}

// A date may count any unit from the previous one ("deux semaines
// après"), and "from" names one of two origins.
TEST(RuleCheck, RelativeDatesCountFromPublicationOrThePreviousDate) {
  testing::TempDir dir;
  dir.Write("dates.json", R"({"pack": "d", "rules": [
  {"id": "d.weeks", "kind": "date_pattern", "priority": 0, "language": "fr",
   "pattern": "deux semaines après",
   "relative": {"unit": "week", "amount": -2, "from": "previous"},
   "examples": [{"in": "deux semaines après", "date": null}]},
  {"id": "d.odd", "kind": "date_pattern", "priority": 0, "language": "fr",
   "pattern": "la veille",
   "relative": {"unit": "day", "amount": -1, "from": "yesterday"},
   "examples": [{"in": "la veille", "date": null}]}
]})");
  const std::string all = AllProblems(dir);
  EXPECT_EQ(all.find("dates.json:4:"), std::string::npos) << all;
  EXPECT_NE(all.find("dates.json:8:16: \"relative\".\"from\" must be \"publication\" or "
                     "\"previous\""),
            std::string::npos)
      << all;
}

TEST(RuleCheck, KnownHolderAndDeniesNameSlots) {
  testing::TempDir dir;
  dir.Write("templates.json", R"({"pack": "t", "rules": [
  {"id": "t.role", "kind": "claim_template", "priority": 0, "template": "role",
   "slots": {"person": "person", "role": "role"}, "identity": ["person"],
   "denies": ["role"],
   "known_holder": {"person": "person", "role": "role", "organisation": "country"},
   "examples": [{"in": "x", "language": "fr", "claims": []}]},
  {"id": "t.toll", "kind": "claim_template", "priority": 0, "template": "toll",
   "slots": {"count": "count"}, "identity": ["count"], "denies": ["victims"],
   "examples": [{"in": "x", "language": "fr", "claims": []}]}
]})");
  const std::string all = AllProblems(dir);
  EXPECT_NE(all.find("templates.json:5:20: \"country\""), std::string::npos) << all;
  EXPECT_NE(all.find("\"country\" is not a slot"), std::string::npos) << all;
  EXPECT_NE(all.find("\"victims\" is not a slot"), std::string::npos) << all;
}

TEST(RuleCheck, PlaceTypesAreGazetteerTypes) {
  testing::TempDir dir;
  dir.Write("places.json", R"({"pack": "p", "rules": [
  {"id": "p.places", "kind": "gazetteer", "priority": 0, "type": "place",
   "entries": [{"name": "Tessit"}],
   "examples": [{"in": "à Tessit", "entity": "Tessit"}]},
  {"id": "p.toll", "kind": "claim_template", "priority": 0, "template": "toll",
   "slots": {"count": "count", "place": "place"}, "identity": ["count"],
   "place_types": ["place", "contry"],
   "examples": [{"in": "x", "language": "fr", "claims": []}]}
]})");
  const std::string all = AllProblems(dir);
  EXPECT_NE(all.find("places.json:7:19: \"contry\" is no gazetteer type (the gazetteer's groups: "
                     "place)"),
            std::string::npos)
      << all;
}

// A claim pattern's own modality is reported or alleged; it is what its
// statements are when no cue says otherwise.
TEST(RuleCheck, ClaimPatternModalityIsReportedOrAlleged) {
  testing::TempDir dir;
  WriteTollPack(dir, R"(  {"id": "c.says", "kind": "claim_pattern", "priority": 1, "language": "fr",
   "template": "toll", "trigger": "morts", "modality": "reported",
   "pattern": "(?P<count>\\d+)\\s+morts",
   "examples": [{"in": "12 morts", "claims": [
     {"template": "toll", "slots": {"count": "12"}, "modality": "reported"}]}]},
  {"id": "c.plain", "kind": "claim_pattern", "priority": 1, "language": "fr",
   "template": "toll", "trigger": "tués", "modality": "asserted",
   "pattern": "(?P<count>\\d+)\\s+tués",
   "examples": [{"in": "12 tués", "claims": []}]})");
  EXPECT_EQ(FailedExamples(dir), "");
  const std::string all = AllProblems(dir);
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 1) << all;
  EXPECT_NE(all.find("claims.json:11:56: a claim pattern's \"modality\" must be reported or "
                     "alleged"),
            std::string::npos)
      << all;
}

// A pattern that starts at a word with "(?:^|\\s)" reads a sentence's first
// word in an article as it does at the start of a rule example.
TEST(RuleCheck, PatternsReadTheFirstWordOfALaterSentence) {
  testing::TempDir dir;
  WriteTollPack(dir, R"(  {"id": "c.dead", "kind": "claim_pattern", "priority": 1, "language": "fr",
   "template": "toll", "trigger": "morts",
   "pattern": "(?:^|\\s)(?P<count>\\d+)\\s+morts",
   "examples": [{"in": "Le bilan est lourd. 12 morts à Tessit.", "claims": [
     {"template": "toll", "slots": {"count": "12"}}]}]})");
  EXPECT_EQ(AllProblems(dir), "");
  EXPECT_EQ(FailedExamples(dir), "");
}

// Actor rules are read by one reader for resolution and extraction: each
// problem is reported once, at its place, and a broken role does not stop
// extraction from knowing the other holders' organisations.
TEST(RuleCheck, ActorRuleProblemsAreReportedOnce) {
  testing::TempDir dir;
  dir.Write("actors.json", R"({"pack": "a", "rules": [
  {"id": "a.camara", "kind": "actor", "priority": 0, "name": "Sadio Camara",
   "aliases": [{"name": "Sadio Kamara", "relation": "nickname"}],
   "roles": [{"role": "defence_minister", "organisation": "Mali", "from": "2021-13"}],
   "examples": [{"in": "Sadio Camara", "name": "Sadio Camara"}]},
  {"id": "a.doumbouya", "kind": "actor", "priority": 0, "name": "Mamadi Doumbouya",
   "roles": "president", "examples": [{"in": "Mamadi Doumbouya", "name": "Mamadi Doumbouya"}]}
]})");
  absl::StatusOr<RuleCheck> check = CheckRules(dir.path());
  ASSERT_TRUE(check.ok()) << check.status();
  ASSERT_EQ(check->problems.size(), 3u);
  const std::string relation = check->problems[0].ToString();
  const std::string from = check->problems[1].ToString();
  const std::string roles = check->problems[2].ToString();
  EXPECT_NE(relation.find("actors.json:3:"), std::string::npos) << relation;
  EXPECT_NE(relation.find("unknown relation \"nickname\""), std::string::npos) << relation;
  EXPECT_NE(from.find("actors.json:4:"), std::string::npos) << from;
  EXPECT_NE(from.find("\"from\" must be \"YYYY\" or \"YYYY-MM\""), std::string::npos) << from;
  EXPECT_NE(roles.find("actors.json:7:"), std::string::npos) << roles;
  EXPECT_NE(roles.find("\"roles\" must be an array of objects"), std::string::npos) << roles;
}

// What an equipment class covers must be a class, defined before or after.
TEST(RuleCheck, EquipmentCoversNamesClasses) {
  testing::TempDir dir;
  dir.Write("equipment.json", R"({"pack": "e", "rules": [
  {"id": "e.aircraft", "kind": "equipment", "priority": 0, "class": "aircraft",
   "covers": ["jet", "glider"], "nouns": {"fr": ["aéronefs"]},
   "examples": [{"in": "aéronefs", "language": "fr", "class": "aircraft"}]},
  {"id": "e.jet", "kind": "equipment", "priority": 0, "class": "jet",
   "nouns": {"fr": ["jets"]}, "examples": [{"in": "jets", "language": "fr", "class": "jet"}]}
]})");
  absl::StatusOr<RuleCheck> check = CheckRules(dir.path());
  ASSERT_TRUE(check.ok()) << check.status();
  ASSERT_EQ(check->problems.size(), 1u);
  const std::string problem = check->problems[0].ToString();
  EXPECT_NE(problem.find("equipment.json:3:"), std::string::npos) << problem;
  EXPECT_NE(problem.find("\"glider\" is no equipment class"), std::string::npos) << problem;
}

}  // namespace
}  // namespace crosscheck
