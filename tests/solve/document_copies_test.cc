// Copying between articles (engine/solve/document_copies.h): shared
// sentences and wire marks.
#include "solve/document_copies.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using internal::DetectDocumentCopies;
using internal::RuleSet;
using internal::WireMarkers;

constexpr char kPack[] = R"json({"pack": "wires", "rules": [
  {"id": "wire.afp", "kind": "wire_marker", "priority": 1, "agency": "AFP",
   "pattern": "\\(AFP\\)|\\bAFP\\b",
   "examples": [{"in": "Bamako (AFP) - x", "agency": "AFP"}, {"in": "AFPA"}]},
  {"id": "wire.sputnik", "kind": "wire_marker", "priority": 1,
   "agency": "Sputnik", "pattern": "(?i:avec sputnik)",
   "examples": [{"in": "Le texte, avec Sputnik", "agency": "Sputnik"}]}
]})json";

std::unique_ptr<WireMarkers> Markers(const std::string& pack,
                                     std::vector<RuleProblem>* problems) {
  std::unique_ptr<RuleSet> set =
      RuleSet::FromFiles({{"wires.json", pack}}, problems);
  return WireMarkers::Compile(*set, problems);
}

constexpr char kDispatch[] =
    "Forty-two Malian soldiers were killed in an attack by suspected "
    "jihadists on Sunday in the town of Tessit, the government said.\n"
    "Another 22 soldiers were wounded and 37 attackers were killed, the "
    "government said in a statement read on state television.\n"
    "The government declared three days of national mourning.\n";

// One document per (source, date, text); every source states one claim so
// that it is in the graph.
struct Doc {
  const char* source;
  int day;  // of August 2022; 0 = undated
  std::string text;
};

std::pair<Corpus, ClaimGraph> Make(const std::vector<Doc>& docs) {
  Corpus c;
  ClaimGraph g;
  std::vector<std::string> names;
  for (const Doc& d : docs) names.push_back(d.source);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& n : names) g.sources.push_back(c.strings.Intern(n));
  for (size_t i = 0; i < docs.size(); ++i) {
    Document doc;
    doc.id = c.strings.Intern(std::string("doc-") + docs[i].source);
    doc.source = c.strings.Intern(docs[i].source);
    if (docs[i].day > 0) doc.published = absl::CivilDay(2022, 8, docs[i].day);
    doc.text = docs[i].text;
    c.documents.push_back(std::move(doc));
  }
  return {std::move(c), std::move(g)};
}

std::string Describe(const Corpus& c, const ClaimGraph& g,
                     const std::vector<SourceDependence>& deps) {
  std::string out;
  for (const SourceDependence& d : deps) {
    out += std::string(c.str(g.sources[d.source])) + " on " +
           (d.on == kVirtualOrigin ? d.origin + " (virtual)"
                                   : std::string(c.str(g.sources[d.on]))) +
           ": " + d.evidence + "\n";
  }
  return out;
}

TEST(WireMarkers, CompileAndRunExamples) {
  std::vector<RuleProblem> problems;
  auto markers = Markers(kPack, &problems);
  ASSERT_TRUE(problems.empty()) << problems[0].ToString();
  size_t examples = 0;
  std::vector<RuleProblem> failed;
  markers->RunExamples(*RuleSet::FromFiles({{"wires.json", kPack}}, &problems),
                       &examples, &failed);
  EXPECT_EQ(examples, 3u);
  EXPECT_TRUE(failed.empty()) << failed[0].ToString();
  const auto found = markers->Find("Bamako (AFP) - text, avec Sputnik");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].marker, "(AFP)");
  EXPECT_EQ(found[1].agency, "Sputnik");
}

TEST(WireMarkers, BrokenRulesAreLocated) {
  struct Case {
    const char* rule;
    const char* message_part;
  } cases[] = {
      {R"({"id": "w", "kind": "wire_marker", "priority": 1, "pattern": "x",
           "examples": [{"in": "x"}]})",
       "agency"},
      {R"({"id": "w", "kind": "wire_marker", "priority": 1, "agency": "A",
           "pattern": "(x", "examples": [{"in": "x"}]})",
       "pattern"},
      {R"({"id": "w", "kind": "wire_marker", "priority": 1, "agency": "A",
           "pattern": "x{1,200}", "examples": [{"in": "x"}]})",
       "w"},
  };
  for (const Case& c : cases) {
    std::vector<RuleProblem> problems;
    Markers(std::string(R"({"pack": "p", "rules": [)") + c.rule + "]}",
            &problems);
    ASSERT_FALSE(problems.empty()) << c.rule;
    EXPECT_EQ(problems[0].file, "wires.json");
    EXPECT_GT(problems[0].line, 0u);
    EXPECT_NE(problems[0].ToString().find(c.message_part), std::string::npos)
        << problems[0].ToString();
  }
}

TEST(DetectDocumentCopies, SharedSentencesAndMarks) {
  std::vector<RuleProblem> problems;
  auto markers = Markers(kPack, &problems);
  auto [c, g] = Make({
      {"afp", 10, std::string("Bamako (AFP) - ") + kDispatch},
      // Small edits: "42" in digits, one sentence cut; marked at the end.
      {"daily", 11,
       "42 Malian soldiers were killed in an attack by suspected jihadists on "
       "Sunday in the town of Tessit, the government said.\nAnother 22 "
       "soldiers were wounded and 37 attackers were killed, the government "
       "said in a statement read on state television.\n(avec AFP)\n"},
      {"independent", 11,
       "Thirty soldiers died at Tessit, local officials told our "
       "correspondent on Thursday.\nThe camp had been attacked twice.\n"},
      {"weekly", 12, std::string(kDispatch) + "avec Sputnik\n"},
  });
  const auto deps = DetectDocumentCopies(c, g, *markers);
  // The agency is a source (names match without case): no virtual origin.
  EXPECT_EQ(Describe(c, g, deps),
            "daily on afp: marked AFP; shares 2 of 2 sentences with "
            "afp/2022-08-10\n"
            "weekly on afp: shares 3 of 3 sentences with afp/2022-08-10\n"
            "weekly on daily: shares 2 of 3 sentences with daily/2022-08-11\n"
            "weekly on Sputnik (virtual): marked avec Sputnik\n");
}

TEST(DetectDocumentCopies, MarksOfAnAgencyThatIsNoSourceLinkTheReprints) {
  std::vector<RuleProblem> problems;
  auto markers = Markers(kPack, &problems);
  auto [c, g] = Make({{"a", 10, "Bamako (AFP) - One thing happened today."},
                      {"b", 11, "Something else entirely was said, AFP."}});
  EXPECT_EQ(Describe(c, g, DetectDocumentCopies(c, g, *markers)),
            "a on AFP (virtual): marked (AFP)\n"
            "b on a: both name AFP as their source\n"
            "b on AFP (virtual): marked AFP\n");
}

TEST(DetectDocumentCopies, DoesNotDependOnDocumentOrder) {
  std::vector<RuleProblem> problems;
  auto markers = Markers(kPack, &problems);
  std::vector<Doc> docs = {{"x", 10, kDispatch},
                           {"y", 0, kDispatch},
                           {"z", 10, std::string(kDispatch) + "(AFP)"}};
  auto [c1, g1] = Make(docs);
  std::reverse(docs.begin(), docs.end());
  auto [c2, g2] = Make(docs);
  EXPECT_EQ(Describe(c1, g1, DetectDocumentCopies(c1, g1, *markers)),
            Describe(c2, g2, DetectDocumentCopies(c2, g2, *markers)));
}

}  // namespace
}  // namespace crosscheck
