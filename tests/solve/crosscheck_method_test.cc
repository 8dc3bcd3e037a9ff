// What the default method adds to ACCU: support between compatible values and
// copy detection.
#include <map>
#include <random>
#include <string>
#include <vector>

#include "crosscheck/solve.h"
#include "gtest/gtest.h"
#include "tests/solve/graph_maker.h"

namespace crosscheck {
namespace {

using testing::MakeGraph;
using testing::QuestionSpec;

Solution SolveOrDie(const ClaimGraph& g, Method method) {
  ValueStore values;
  SolveOptions options;
  options.method = method;
  absl::StatusOr<Solution> s = Solve(g, values, options);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *std::move(s) : Solution();
}

uint32_t LocalAnswer(const ClaimGraph& g, const Solution& s, uint32_t q) {
  return s.answer[q] - g.questions[q].first_group;
}

// Twenty questions all five sources agree on, then `last`.
ClaimGraph WithBackground(const QuestionSpec& last) {
  std::vector<QuestionSpec> questions(20,
                                      QuestionSpec{{{0, 1, 2, 3, 4}}, {}, 0});
  questions.push_back(last);
  return MakeGraph(5, questions);
}

TEST(CrosscheckMethod, PartialListSupportsTheFullListItIsPartOf) {
  // Group 0 (three sources) names a subset of the authors group 1 (two
  // sources) names.
  const ClaimGraph g = WithBackground(
      {{{0, 1, 2}, {3, 4}}, {{0, 1, Relation::kGeneralizes}}, 0});
  EXPECT_EQ(LocalAnswer(g, SolveOrDie(g, Method::kVote), 20), 0u);
  EXPECT_EQ(LocalAnswer(g, SolveOrDie(g, Method::kAccu), 20), 0u);
  const Solution s = SolveOrDie(g, Method::kCrosscheck);
  EXPECT_EQ(LocalAnswer(g, s, 20), 1u);
  EXPECT_EQ(s.status[20], QuestionStatus::kAgreed);
  // The partial list is true whenever the full one is.
  const uint32_t first = g.questions[20].first_group;
  EXPECT_GE(s.group_confidence[first], s.group_confidence[first + 1]);
}

TEST(CrosscheckMethod, CoarseValueLendsSupportToWhatItIncludes) {
  // "at least 4" (group 0) includes "6" (group 1), not "2" (group 2).
  const ClaimGraph g = WithBackground(
      {{{0, 1, 2}, {3}, {4}}, {{0, 1, Relation::kGeneralizes}}, 0});
  const uint32_t first = g.questions[20].first_group;
  const Solution accu = SolveOrDie(g, Method::kAccu);
  EXPECT_DOUBLE_EQ(accu.group_confidence[first + 1],
                   accu.group_confidence[first + 2]);
  const Solution s = SolveOrDie(g, Method::kCrosscheck);
  EXPECT_EQ(LocalAnswer(g, s, 20), 0u);
  EXPECT_GT(s.group_confidence[first + 1], 2 * s.group_confidence[first + 2]);
  EXPECT_GT(s.group_confidence[first], s.group_confidence[first + 1]);
  EXPECT_EQ(s.status[20], QuestionStatus::kConflict);
}

TEST(CrosscheckMethod, EqualValuesShareTheirSupport) {
  // Groups 0 and 2 are the same value written differently (kEqual); together
  // they outnumber group 1.
  const ClaimGraph g =
      WithBackground({{{0, 1}, {2, 3}, {4}}, {{0, 2, Relation::kEqual}}, 0});
  const Solution s = SolveOrDie(g, Method::kCrosscheck);
  EXPECT_EQ(LocalAnswer(g, s, 20), 0u);
  const uint32_t first = g.questions[20].first_group;
  EXPECT_DOUBLE_EQ(s.group_confidence[first], s.group_confidence[first + 2]);
  EXPECT_GT(s.group_confidence[first], 0.5);
}

// Sources 0-3 copy one another: identical values everywhere, and from
// question 140 on a shared wrong value. Sources 4-6 are independent and each
// wrong 15% of the time with a value of its own.
struct CopyScenario {
  ClaimGraph graph;
  std::vector<uint32_t> truth;  // local group index of the true value
};

CopyScenario MakeCopyScenario() {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<QuestionSpec> questions;
  std::vector<uint32_t> true_value;
  for (int q = 0; q < 200; ++q) {
    std::map<uint32_t, std::vector<uint32_t>> by_value;  // 0 is the truth
    for (uint32_t s = 0; s < 4; ++s) by_value[q < 140 ? 0 : 9].push_back(s);
    for (uint32_t s = 4; s < 7; ++s)
      by_value[unit(rng) < 0.85 ? 0 : 10 + s].push_back(s);
    QuestionSpec spec;
    uint32_t index = 0;
    if (by_value.count(0) == 0) true_value.push_back(UINT32_MAX);
    for (auto& [value, sources] : by_value) {
      if (value == 0) true_value.push_back(index);
      spec.groups.push_back(sources);
      ++index;
    }
    questions.push_back(spec);
  }
  return {MakeGraph(7, questions), true_value};
}

double ContestedAccuracy(const CopyScenario& c, const Solution& s) {
  int right = 0, total = 0;
  for (uint32_t q = 140; q < c.graph.questions.size(); ++q) {
    ++total;
    if (LocalAnswer(c.graph, s, q) == c.truth[q]) ++right;
  }
  return static_cast<double>(right) / total;
}

TEST(CrosscheckMethod, CopiersCountCloseToOneVoice) {
  const CopyScenario c = MakeCopyScenario();
  EXPECT_LT(ContestedAccuracy(c, SolveOrDie(c.graph, Method::kVote)), 0.5);
  EXPECT_LT(ContestedAccuracy(c, SolveOrDie(c.graph, Method::kAccu)), 0.5);
  const Solution s = SolveOrDie(c.graph, Method::kCrosscheck);
  EXPECT_GE(ContestedAccuracy(c, s), 0.9);
  for (uint32_t copier = 0; copier < 4; ++copier) {
    EXPECT_GT(s.source_reliability[4], s.source_reliability[copier]);
  }
}

TEST(CrosscheckMethod, ListsEveryCopyingPairAndNoIndependentOne) {
  const CopyScenario c = MakeCopyScenario();
  const Solution s = SolveOrDie(c.graph, Method::kCrosscheck);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const SourceDependence& d : s.dependencies) {
    EXPECT_LT(d.source, 4u);
    EXPECT_LT(d.on, 4u);
    EXPECT_NE(d.source, d.on);
    EXPECT_GT(d.probability, 0.9);
    EXPECT_LE(d.probability, 1.0);
    EXPECT_NE(d.evidence.find("200 of 200 shared questions"), std::string::npos)
        << d.evidence;
    pairs.emplace_back(std::min(d.source, d.on), std::max(d.source, d.on));
  }
  EXPECT_EQ(pairs.size(), 6u);  // every pair among four copiers
  EXPECT_TRUE(std::is_sorted(
      s.dependencies.begin(), s.dependencies.end(),
      [](const SourceDependence& a, const SourceDependence& b) {
        return std::tie(a.source, a.on) < std::tie(b.source, b.on);
      }));
  // Independent weights: the copiers' shared value is backed by about one
  // voice, less than the three independent sources give the truth.
  const uint32_t q = 150;
  const uint32_t first = c.graph.questions[q].first_group;
  const uint32_t copied = first + (c.truth[q] == 0 ? 1 : 0);
  EXPECT_LT(s.group_support[copied], 1.5);
}

TEST(CrosscheckMethod, AccuAndOtherMethodsListNoDependencies) {
  const CopyScenario c = MakeCopyScenario();
  for (Method m : {Method::kAccu, Method::kVote, Method::kTruthFinder}) {
    EXPECT_TRUE(SolveOrDie(c.graph, m).dependencies.empty()) << MethodName(m);
  }
}

}  // namespace
}  // namespace crosscheck
