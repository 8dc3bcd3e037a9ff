// Accuracy floors on the public datasets, when they are present (set
// CROSSCHECK_DATASETS); skipped otherwise. The floors sit a few points below
// what the methods score, so that a change that loses accuracy fails here.
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "crosscheck/evaluate.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

struct Dataset {
  std::unique_ptr<Rules> rules;
  Corpus corpus;
  ClaimGraph graph;
  std::vector<GoldEntry> gold;
};

// Ingests, types and builds the graph of `claims`, and reads `truth`.
std::unique_ptr<Dataset> Load(const std::string& claims,
                              const std::string& truth) {
  auto d = std::make_unique<Dataset>();
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::Load(testing::SourceDir() + "/rules");
  EXPECT_TRUE(rules.ok()) << rules.status();
  if (!rules.ok()) return nullptr;
  d->rules = *std::move(rules);
  IngestOptions ingest;
  const ValueRules& values = d->rules->values();
  ingest.is_null = [&values](absl::string_view cell) {
    return values.IsNull(cell);
  };
  EXPECT_TRUE(Ingest({claims}, ingest, &d->corpus).ok());
  CanonicalizeOrder(&d->corpus);
  EXPECT_TRUE(TypeClaims(values, TypingOptions(), &d->corpus).ok());
  absl::StatusOr<ClaimGraph> graph = BuildClaimGraph(d->corpus);
  EXPECT_TRUE(graph.ok()) << graph.status();
  if (!graph.ok()) return nullptr;
  d->graph = *std::move(graph);
  absl::StatusOr<std::vector<GoldEntry>> gold = ReadGoldTable(truth);
  EXPECT_TRUE(gold.ok()) << gold.status();
  if (!gold.ok()) return nullptr;
  d->gold = *std::move(gold);
  return d;
}

double Accuracy(const Dataset& d, Method method, ScoreMode mode) {
  SolveOptions options;
  options.method = method;
  absl::StatusOr<Solution> s = Solve(d.graph, d.corpus.values, options);
  EXPECT_TRUE(s.ok()) << s.status();
  if (!s.ok()) return 0;
  const ScoreResult r =
      ScoreAnswers(d.corpus, d.graph, *s, d.rules->values(), d.gold, mode);
  return r.accuracy;
}

struct Floor {
  Method method;
  double accuracy;
};

TEST(DatasetAccuracy, BookAuthors) {
  const std::string dir = testing::DatasetsDir();
  if (dir.empty())
    GTEST_SKIP() << "datasets not found; set CROSSCHECK_DATASETS";
  std::unique_ptr<Dataset> d =
      Load(dir + "/book/claims.tsv", dir + "/book/truth.tsv");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->gold.size(), 100u);
  // The target for the default method is 0.85.
  const Floor floors[] = {{Method::kCrosscheck, 0.90},
                          {Method::kVote, 0.80},
                          {Method::kAccu, 0.78},
                          {Method::kTruthFinder, 0.75},
                          {Method::kPooledInvestment, 0.85}};
  for (const Floor& f : floors) {
    EXPECT_GE(Accuracy(*d, f.method, ScoreMode::kSurnames), f.accuracy)
        << MethodName(f.method);
  }
}

TEST(DatasetAccuracy, PopulationValues) {
  const std::string dir = testing::DatasetsDir();
  if (dir.empty())
    GTEST_SKIP() << "datasets not found; set CROSSCHECK_DATASETS";
  std::unique_ptr<Dataset> d =
      Load(dir + "/population/claims.csv", dir + "/population/truth.csv");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->gold.size(), 308u);
  const Floor floors[] = {{Method::kCrosscheck, 0.80},
                          {Method::kVote, 0.75},
                          {Method::kAccu, 0.80},
                          {Method::kTruthFinder, 0.80}};
  for (const Floor& f : floors) {
    EXPECT_GE(Accuracy(*d, f.method, ScoreMode::kExact), f.accuracy)
        << MethodName(f.method);
  }
}

}  // namespace
}  // namespace crosscheck
