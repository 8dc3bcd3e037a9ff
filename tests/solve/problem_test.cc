// The flattened problem the methods share: vote sets, question shapes and
// order-independent sums.
#include "solve/problem.h"

#include <algorithm>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "tests/solve/graph_maker.h"

namespace crosscheck::internal {
namespace {

using testing::MakeGraph;
using testing::QuestionSpec;

TEST(Problem, GroupsStatedByTheSameSourcesShareAVoteSet) {
  const ClaimGraph g =
      MakeGraph(4, {
                       QuestionSpec{{{0, 1}, {2}}, {}, 0},
                       QuestionSpec{{{0, 1}, {3}}, {}, 0},
                       QuestionSpec{{{1, 0}}, {}, 1},  // other attribute
                       QuestionSpec{{{2}, {0, 1, 1}}, {}, 0},
                   });
  const Problem p = BuildProblem(g);
  ASSERT_EQ(p.num_groups(), 7u);
  EXPECT_EQ(p.group_set[0], p.group_set[2]);  // {0, 1} on attribute 0
  EXPECT_EQ(p.group_set[0], p.group_set[6]);  // a repeated claim counts once
  EXPECT_NE(p.group_set[0], p.group_set[4]);  // same sources, other attribute
  EXPECT_EQ(p.group_set[1], p.group_set[5]);
  EXPECT_NE(p.group_set[1], p.group_set[3]);
  EXPECT_EQ(p.num_votes(6), 2u);
  EXPECT_EQ(p.source(p.vote_begin(6)), 0u);
  EXPECT_EQ(p.source(p.vote_begin(6) + 1), 1u);
  // Votes per source over all groups: source 0 in groups 0, 2, 4, 6.
  EXPECT_EQ(p.source_votes[0], 4u);
  EXPECT_EQ(p.source_votes[3], 1u);
  EXPECT_EQ(p.question_sources[2], 2u);
}

TEST(Problem, QuestionsOfTheSameShapeAreSolvedOnce) {
  const ClaimGraph g = MakeGraph(
      3, {
             QuestionSpec{{{0, 1}, {2}}, {{0, 1, Relation::kGeneralizes}}, 0},
             QuestionSpec{{{0, 1}, {2}}, {{0, 1, Relation::kGeneralizes}}, 0},
             QuestionSpec{{{0, 1}, {2}}, {}, 0},  // other relation
             QuestionSpec{{{2}, {0, 1}}, {}, 0},  // other order
             QuestionSpec{{{0, 1}, {2}}, {}, 0},
         });
  const Problem p = BuildProblem(g);
  ASSERT_EQ(p.num_shapes(), 3u);
  EXPECT_EQ(p.question_shape[0], p.question_shape[1]);
  EXPECT_EQ(p.question_shape[2], p.question_shape[4]);
  EXPECT_NE(p.question_shape[0], p.question_shape[2]);
  EXPECT_NE(p.question_shape[2], p.question_shape[3]);
  EXPECT_EQ(p.shape_questions[p.question_shape[0]], 2u);
  std::vector<double> by_shape(p.shape_first.back());
  for (size_t i = 0; i < by_shape.size(); ++i)
    by_shape[i] = static_cast<double>(i);
  const std::vector<double> spread = SpreadOverQuestions(p, by_shape);
  ASSERT_EQ(spread.size(), 10u);
  EXPECT_EQ(spread[2], spread[0]);
  EXPECT_EQ(spread[3], spread[1]);
  EXPECT_EQ(spread[8], spread[4]);
  EXPECT_NE(spread[4], spread[0]);
}

TEST(ExactSums, DoNotDependOnOrderOrWorker) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<std::pair<size_t, double>> adds;
  for (int i = 0; i < 10000; ++i)
    adds.emplace_back(rng() % 5, unit(rng) * (1 + rng() % 40));
  ExactSums one(5, 1);
  for (const auto& [i, x] : adds) one.Add(0, i, x);
  const std::vector<double> reference = one.Collect();
  for (int round = 0; round < 3; ++round) {
    std::shuffle(adds.begin(), adds.end(), rng);
    ExactSums many(5, 4);
    for (size_t k = 0; k < adds.size(); ++k)
      many.Add(static_cast<int>(k % 4), adds[k].first, adds[k].second);
    EXPECT_EQ(many.Collect(), reference);
  }
  // Collect resets.
  EXPECT_EQ(one.Collect(), std::vector<double>(5, 0.0));
}

TEST(ParallelFor, VisitsEveryItemOnceInFixedChunks) {
  for (int threads : {1, 2, 7}) {
    std::vector<int> seen(1000, 0);
    std::vector<std::pair<size_t, size_t>> chunks(1000);
    ParallelFor(1000, 64, threads, [&](size_t b, size_t e, int worker) {
      EXPECT_LT(worker, Workers(1000, 64, threads));
      for (size_t i = b; i < e; ++i) {
        ++seen[i];
        chunks[i] = {b, e};
      }
    });
    for (size_t i = 0; i < seen.size(); ++i) {
      EXPECT_EQ(seen[i], 1) << i;
      EXPECT_EQ(chunks[i].first, i / 64 * 64);
    }
  }
}

}  // namespace
}  // namespace crosscheck::internal
