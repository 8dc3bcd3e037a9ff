#include "crosscheck/solve.h"

#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/solve/graph_maker.h"

namespace crosscheck {
namespace {

using testing::MakeGraph;
using testing::QuestionSpec;

constexpr Method kAllMethods[] = {
    Method::kCrosscheck,       Method::kVote,
    Method::kTruthFinder,      Method::kInvestment,
    Method::kPooledInvestment, Method::kAccu};
constexpr Method kIterativeMethods[] = {
    Method::kCrosscheck, Method::kTruthFinder, Method::kInvestment,
    Method::kPooledInvestment, Method::kAccu};

Solution SolveOrDie(const ClaimGraph& g, Method method, int threads = 1) {
  ValueStore values;
  SolveOptions options;
  options.method = method;
  options.threads = threads;
  absl::StatusOr<Solution> s = Solve(g, values, options);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *std::move(s) : Solution();
}

// Local index of the answer of question q.
uint32_t LocalAnswer(const ClaimGraph& g, const Solution& s, uint32_t q) {
  return s.answer[q] - g.questions[q].first_group;
}

TEST(MethodName, RoundTripsEveryMethod) {
  for (Method m : kAllMethods) {
    Method parsed = Method::kVote;
    ASSERT_TRUE(ParseMethod(MethodName(m), &parsed)) << MethodName(m);
    EXPECT_EQ(parsed, m);
  }
  Method unchanged = Method::kAccu;
  EXPECT_FALSE(ParseMethod("majority", &unchanged));
  EXPECT_FALSE(ParseMethod("", &unchanged));
  EXPECT_EQ(unchanged, Method::kAccu);
  EXPECT_EQ(MethodName(Method::kPooledInvestment), "pooled-investment");
}

TEST(QuestionStatusName, NamesEveryStatus) {
  EXPECT_EQ(QuestionStatusName(QuestionStatus::kAgreed), "agreed");
  EXPECT_EQ(QuestionStatusName(QuestionStatus::kConflict), "conflict");
  EXPECT_EQ(QuestionStatusName(QuestionStatus::kSingleSource), "single_source");
}

TEST(Solve, RejectsOptionsOutOfRange) {
  const ClaimGraph g = MakeGraph(1, {QuestionSpec{{{0}}, {}, 0}});
  ValueStore values;
  struct Case {
    int max_iterations;
    int threads;
    double tolerance;
  };
  const Case cases[] = {
      {0, 1, 1e-6}, {-3, 1, 1e-6}, {10, 0, 1e-6}, {10, -1, 1e-6}, {10, 1, -1}};
  for (const Case& c : cases) {
    SolveOptions options;
    options.max_iterations = c.max_iterations;
    options.threads = c.threads;
    options.tolerance = c.tolerance;
    EXPECT_EQ(Solve(g, values, options).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST(Solve, EmptyGraphGivesEmptySolution) {
  const ClaimGraph g = MakeGraph(0, {});
  for (Method m : kAllMethods) {
    const Solution s = SolveOrDie(g, m);
    EXPECT_TRUE(s.answer.empty());
    EXPECT_TRUE(s.source_reliability.empty());
    EXPECT_EQ(s.method, m);
  }
}

TEST(Vote, CountsDistinctSourcesAndBreaksTiesByPrecisionThenKey) {
  const ClaimGraph g = MakeGraph(
      4,
      {
          // 0: group 1 has more distinct sources.
          QuestionSpec{{{0}, {1, 2}}, {}, 0},
          // 1: a source repeating itself counts once: tie, lower index wins.
          QuestionSpec{{{0, 0, 0}, {1}}, {}, 0},
          // 2: tie between a value and a more precise one it includes.
          QuestionSpec{{{0, 1}, {2, 3}}, {{0, 1, Relation::kGeneralizes}}, 0},
      });
  const Solution s = SolveOrDie(g, Method::kVote);
  EXPECT_EQ(LocalAnswer(g, s, 0), 1u);
  EXPECT_EQ(LocalAnswer(g, s, 1), 0u);
  EXPECT_EQ(LocalAnswer(g, s, 2), 1u);
  EXPECT_DOUBLE_EQ(s.group_support[g.questions[1].first_group], 1.0);
  EXPECT_DOUBLE_EQ(s.group_confidence[g.questions[0].first_group + 1], 2.0 / 3);
  EXPECT_EQ(s.iterations, 1);
  EXPECT_TRUE(s.converged);
}

// A denial ("not wagner") and the value it denies, each from one source:
// the tie does not go to the denial by key order; with more support it wins.
TEST(Vote, AtATieAValueBeatsItsDenial) {
  ClaimGraph g = MakeGraph(3, {QuestionSpec{{{0}, {1}}, {}, 0},
                               QuestionSpec{{{0, 2}, {1}}, {}, 0}});
  g.groups[g.questions[0].first_group].denial = true;
  g.groups[g.questions[1].first_group].denial = true;
  const Solution s = SolveOrDie(g, Method::kVote);
  EXPECT_EQ(LocalAnswer(g, s, 0), 1u);
  EXPECT_EQ(LocalAnswer(g, s, 1), 0u);
}

TEST(Solve, StatusFollowsSourcesAndContradictions) {
  struct Case {
    QuestionSpec question;
    QuestionStatus status;
  };
  const Case cases[] = {
      {QuestionSpec{{{0}}, {}, 0}, QuestionStatus::kSingleSource},
      // One source stating two contradicting values is still one source.
      {QuestionSpec{{{0}, {0}}, {}, 0}, QuestionStatus::kSingleSource},
      {QuestionSpec{{{0, 1}}, {}, 0}, QuestionStatus::kAgreed},
      {QuestionSpec{{{0}, {1}}, {{0, 1, Relation::kGeneralizes}}, 0},
       QuestionStatus::kAgreed},
      {QuestionSpec{{{0}, {1}}, {{0, 1, Relation::kOverlaps}}, 0},
       QuestionStatus::kAgreed},
      {QuestionSpec{{{0}, {1}}, {}, 0}, QuestionStatus::kConflict},
      // Source 0 contradicts itself only, but source 1 agrees with one side:
      // 1 and 0 disagree on the other value.
      {QuestionSpec{{{0, 1}, {0}}, {}, 0}, QuestionStatus::kConflict},
      // Both contradicting values come from source 0 alone; source 1 says
      // something compatible with both.
      {QuestionSpec{
           {{0}, {0}, {1}},
           {{2, 0, Relation::kGeneralizes}, {2, 1, Relation::kGeneralizes}},
           0},
       QuestionStatus::kAgreed},
  };
  for (Method m : kAllMethods) {
    for (const Case& c : cases) {
      const ClaimGraph g = MakeGraph(2, {c.question});
      const Solution s = SolveOrDie(g, m);
      EXPECT_EQ(s.status[0], c.status)
          << MethodName(m) << " groups " << c.question.groups.size();
    }
  }
}

// Sources 0-2 state the truth on every question; 3 and 4 are each wrong on
// their own. On the last question, source 0 alone is opposed by 3 and 4.
std::vector<QuestionSpec> ReliableMinority() {
  std::vector<QuestionSpec> questions;
  for (int i = 0; i < 30; ++i)
    questions.push_back({{{0, 1, 2}, {3}, {4}}, {}, 0});
  questions.push_back({{{0}, {3, 4}}, {}, 0});
  return questions;
}

TEST(Solve, IterativeMethodsLearnThatAReliableSourceOutweighsTwoUnreliable) {
  const ClaimGraph g = MakeGraph(5, ReliableMinority());
  const uint32_t last = static_cast<uint32_t>(g.questions.size() - 1);
  EXPECT_EQ(LocalAnswer(g, SolveOrDie(g, Method::kVote), last), 1u);
  for (Method m : kIterativeMethods) {
    const Solution s = SolveOrDie(g, m);
    EXPECT_EQ(LocalAnswer(g, s, last), 0u) << MethodName(m);
    EXPECT_GT(s.source_reliability[0], s.source_reliability[3])
        << MethodName(m);
    // Investment's trust in the unreliable sources decays without settling
    // (the paper runs a fixed number of iterations); the others converge.
    if (m != Method::kInvestment) {
      EXPECT_TRUE(s.converged) << MethodName(m);
    }
    EXPECT_LE(s.iterations, 100) << MethodName(m);
  }
}

TEST(Solve, OutputsHaveOneEntryPerItemAndStayInRange) {
  const ClaimGraph g = testing::RandomGraph(12, 700, 7);
  for (Method m : kAllMethods) {
    const Solution s = SolveOrDie(g, m);
    ASSERT_EQ(s.source_reliability.size(), g.sources.size()) << MethodName(m);
    ASSERT_EQ(s.group_confidence.size(), g.groups.size());
    ASSERT_EQ(s.group_support.size(), g.groups.size());
    ASSERT_EQ(s.answer.size(), g.questions.size());
    ASSERT_EQ(s.status.size(), g.questions.size());
    for (double r : s.source_reliability) {
      EXPECT_GE(r, 0.0);
      EXPECT_LE(r, 1.0);
    }
    for (double c : s.group_confidence) {
      EXPECT_GE(c, 0.0);
      EXPECT_LE(c, 1.0);
    }
    for (double support : s.group_support) EXPECT_GE(support, 0.0);
    for (uint32_t q = 0; q < g.questions.size(); ++q) {
      EXPECT_GE(s.answer[q], g.questions[q].first_group);
      EXPECT_LT(s.answer[q],
                g.questions[q].first_group + g.questions[q].num_groups);
    }
  }
}

TEST(Solve, MaxIterationsBoundsTheIterations) {
  const ClaimGraph g = testing::RandomGraph(12, 300, 3);
  for (Method m : kIterativeMethods) {
    ValueStore values;
    SolveOptions options;
    options.method = m;
    options.max_iterations = 1;
    options.tolerance = 0;
    absl::StatusOr<Solution> s = Solve(g, values, options);
    ASSERT_TRUE(s.ok());
    EXPECT_FALSE(s->converged) << MethodName(m);
    // crosscheck runs once per copy-detection round.
    EXPECT_LE(s->iterations, m == Method::kCrosscheck ? 3 : 1) << MethodName(m);
  }
}

TEST(Solve, ThreadCountDoesNotChangeAnyBit) {
  // More questions than one chunk, so threads really split the work.
  const ClaimGraph g = testing::RandomGraph(20, 5000, 11);
  for (Method m : kAllMethods) {
    const Solution one = SolveOrDie(g, m, 1);
    for (int threads : {2, 8}) {
      const Solution many = SolveOrDie(g, m, threads);
      EXPECT_EQ(one.source_reliability, many.source_reliability)
          << MethodName(m);
      EXPECT_EQ(one.group_confidence, many.group_confidence) << MethodName(m);
      EXPECT_EQ(one.group_support, many.group_support) << MethodName(m);
      EXPECT_EQ(one.answer, many.answer) << MethodName(m);
      EXPECT_EQ(one.iterations, many.iterations) << MethodName(m);
      ASSERT_EQ(one.dependencies.size(), many.dependencies.size());
      for (size_t i = 0; i < one.dependencies.size(); ++i) {
        EXPECT_EQ(one.dependencies[i].probability,
                  many.dependencies[i].probability);
        EXPECT_EQ(one.dependencies[i].evidence, many.dependencies[i].evidence);
      }
    }
  }
}

}  // namespace
}  // namespace crosscheck
