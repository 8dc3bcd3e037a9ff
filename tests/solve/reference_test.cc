// Differential tests: plain, obviously-correct implementations of vote and
// ACCU written from the papers' formulas agree with the fast solver.
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "crosscheck/solve.h"
#include "gtest/gtest.h"
#include "tests/solve/graph_maker.h"

namespace crosscheck {
namespace {

// For each question: for each group, the distinct sources stating it.
using Votes = std::vector<std::vector<std::vector<uint32_t>>>;

Votes CollectVotes(const ClaimGraph& g) {
  Votes votes;
  for (const ClaimGraph::Question& q : g.questions) {
    std::vector<std::vector<uint32_t>> groups;
    for (uint32_t i = 0; i < q.num_groups; ++i) {
      const ClaimGraph::Group& group = g.groups[q.first_group + i];
      std::vector<uint32_t> sources(
          g.claim_source.begin() + group.first_claim,
          g.claim_source.begin() + group.first_claim + group.num_claims);
      std::sort(sources.begin(), sources.end());
      sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
      groups.push_back(sources);
    }
    votes.push_back(groups);
  }
  return votes;
}

// Dong, Berti-Equille & Srivastava 2009 without copying: n = 100, A0 = 0.8,
// accuracies kept in [0.01, 0.99].
struct ReferenceAccu {
  std::vector<double> accuracy;
  std::vector<std::vector<double>> probability;  // [question][group]
};

ReferenceAccu RunReferenceAccu(const ClaimGraph& g, int max_iterations,
                               double tolerance) {
  const Votes votes = CollectVotes(g);
  const double n = 100;
  ReferenceAccu r;
  r.accuracy.assign(g.sources.size(), 0.8);
  auto score = [&] {
    r.probability.clear();
    for (const auto& groups : votes) {
      std::vector<double> c;
      for (const auto& sources : groups) {
        double count = 0;
        for (uint32_t s : sources) {
          const double a = std::min(0.99, std::max(0.01, r.accuracy[s]));
          count += std::log(n * a / (1 - a));
        }
        c.push_back(count);
      }
      double z = std::max(0.0, n + 1 - groups.size());
      for (double x : c) z += std::exp(x);
      std::vector<double> p;
      for (double x : c) p.push_back(std::exp(x) / z);
      r.probability.push_back(p);
    }
  };
  for (int it = 0; it < max_iterations; ++it) {
    score();
    std::map<uint32_t, std::pair<double, int>> sums;
    for (size_t q = 0; q < votes.size(); ++q) {
      for (size_t i = 0; i < votes[q].size(); ++i) {
        for (uint32_t s : votes[q][i]) {
          sums[s].first += r.probability[q][i];
          sums[s].second += 1;
        }
      }
    }
    double delta = 0;
    for (const auto& [s, sum] : sums) {
      const double a = std::min(0.99, std::max(0.01, sum.first / sum.second));
      delta = std::max(delta, std::abs(a - r.accuracy[s]));
      r.accuracy[s] = a;
    }
    if (delta <= tolerance) break;
  }
  score();
  return r;
}

TEST(Reference, AccuMatchesThePlainImplementation) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    const ClaimGraph g = testing::RandomGraph(9, 400, seed);
    const ReferenceAccu ref = RunReferenceAccu(g, 100, 1e-6);
    ValueStore values;
    SolveOptions options;
    options.method = Method::kAccu;
    absl::StatusOr<Solution> s = Solve(g, values, options);
    ASSERT_TRUE(s.ok());
    for (size_t i = 0; i < ref.accuracy.size(); ++i) {
      EXPECT_NEAR(s->source_reliability[i], ref.accuracy[i], 1e-9) << seed;
    }
    for (uint32_t q = 0; q < g.questions.size(); ++q) {
      const auto& p = ref.probability[q];
      const uint32_t best = static_cast<uint32_t>(
          std::max_element(p.begin(), p.end()) - p.begin());
      EXPECT_EQ(s->answer[q], g.questions[q].first_group + best)
          << seed << " " << q;
      for (uint32_t i = 0; i < p.size(); ++i) {
        EXPECT_NEAR(s->group_confidence[g.questions[q].first_group + i], p[i],
                    1e-9);
      }
    }
  }
}

TEST(Reference, VoteMatchesCountingDistinctSources) {
  const ClaimGraph g = testing::RandomGraph(9, 400, 4);
  const Votes votes = CollectVotes(g);
  ValueStore values;
  SolveOptions options;
  options.method = Method::kVote;
  absl::StatusOr<Solution> s = Solve(g, values, options);
  ASSERT_TRUE(s.ok());
  for (uint32_t q = 0; q < g.questions.size(); ++q) {
    size_t most = 0;
    for (const auto& sources : votes[q]) most = std::max(most, sources.size());
    const uint32_t local = s->answer[q] - g.questions[q].first_group;
    EXPECT_EQ(votes[q][local].size(), most) << q;
  }
}

}  // namespace
}  // namespace crosscheck
