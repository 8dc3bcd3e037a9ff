// Claim graph construction and solver iterations, on generated corpora of
// several sizes and, when the datasets are present, on Flight (~2.8M claims).
// Items are claims: graph builds count each claim once, solves count each
// claim once per iteration run.
#include <cmath>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "crosscheck/value.h"

namespace crosscheck {
namespace {

// A Flight-like corpus: `questions` questions over 38 sources, each answered
// by ~13 sources; sources have accuracies from 0.5 to 0.98, a group of six
// copies one original, and one source in ten states a coarser value ("at
// least") that includes the truth.
Corpus GeneratedCorpus(int questions) {
  constexpr int kSources = 38;
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> unit(0, 1);
  Corpus c;
  std::vector<StringId> sources;
  std::vector<double> accuracy;
  for (int s = 0; s < kSources; ++s) {
    sources.push_back(c.strings.Intern(absl::StrCat("source", s)));
    accuracy.push_back(0.5 + 0.48 * unit(rng));
  }
  const StringId predicates[] = {c.strings.Intern("arrival"),
                                 c.strings.Intern("departure")};
  auto number = [&](double lo, double hi) {
    Value v;
    v.kind = ValueKind::kNumber;
    v.lo = lo;
    v.hi = hi;
    v.hedge = hi > lo ? Hedge::kAtLeast : Hedge::kExact;
    v.key =
        c.values.InternKey(hi > lo ? absl::StrCat(">=", lo) : absl::StrCat(lo));
    return c.values.Add(v);
  };
  for (int q = 0; q < questions; ++q) {
    const StringId subject = c.strings.Intern(absl::StrCat("object", q / 2));
    const double truth = 600 + q % 600;
    ValueId original = kNoValue;
    for (int s = 0; s < kSources; ++s) {
      if (unit(rng) > 0.34) continue;
      ValueId v;
      if (s >= 1 && s <= 6 && original != kNoValue) {
        v = original;  // sources 1-6 copy source 0
      } else if (unit(rng) < 0.1) {
        v = number(truth - 30, truth + 30);
      } else {
        const double x =
            unit(rng) < accuracy[s] ? truth : truth + 1 + rng() % 20;
        v = number(x, x);
      }
      if (s == 0) original = v;
      Claim claim;
      claim.source = sources[s];
      claim.subject = subject;
      claim.predicate = predicates[q % 2];
      claim.raw_value = c.strings.Intern(c.values.Key(v));
      claim.value = v;
      c.claims.push_back(claim);
    }
  }
  CanonicalizeOrder(&c);
  return c;
}

const Corpus& Generated(int questions) {
  static auto* cache =
      new std::vector<std::pair<int, std::unique_ptr<Corpus>>>();
  for (auto& [n, corpus] : *cache) {
    if (n == questions) return *corpus;
  }
  cache->emplace_back(questions,
                      std::make_unique<Corpus>(GeneratedCorpus(questions)));
  return *cache->back().second;
}

// Flight, ingested and typed once; null if the datasets are absent.
const Corpus* Flight() {
  static const Corpus* flight = []() -> const Corpus* {
    const char* env = std::getenv("CROSSCHECK_DATASETS");
    const std::string dir =
        absl::StrCat(env && *env ? env : CROSSCHECK_DATASETS_DIR, "/flight");
    absl::StatusOr<std::unique_ptr<Rules>> rules =
        Rules::Load(DefaultRulesDir());
    if (!rules.ok()) return nullptr;
    auto corpus = std::make_unique<Corpus>();
    IngestOptions options;
    const ValueRules& values = (*rules)->values();
    options.is_null = [&values](absl::string_view cell) {
      return values.IsNull(cell);
    };
    if (!Ingest({dir}, options, corpus.get()).ok() || corpus->claims.empty())
      return nullptr;
    CanonicalizeOrder(corpus.get());
    if (!TypeClaims((*rules)->values(), TypingOptions(), corpus.get()).ok())
      return nullptr;
    return corpus.release();
  }();
  return flight;
}

const ClaimGraph& FlightGraph() {
  static const ClaimGraph* graph = new ClaimGraph(*BuildClaimGraph(*Flight()));
  return *graph;
}

void BuildGraph(benchmark::State& state, const Corpus& corpus) {
  for (auto _ : state) {
    absl::StatusOr<ClaimGraph> g = BuildClaimGraph(corpus);
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(corpus.claims.size()));
}

void SolveGraph(benchmark::State& state, const ClaimGraph& graph,
                const ValueStore& values, Method method, int max_iterations,
                int threads) {
  SolveOptions options;
  options.method = method;
  options.max_iterations = max_iterations;
  options.threads = threads;
  int64_t iterations = 0;
  for (auto _ : state) {
    absl::StatusOr<Solution> s = Solve(graph, values, options);
    iterations += s->iterations;
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(iterations *
                          static_cast<int64_t>(graph.claims.size()));
  state.counters["iterations"] =
      benchmark::Counter(static_cast<double>(iterations) / state.iterations());
}

void BM_BuildClaimGraph(benchmark::State& state) {
  BuildGraph(state, Generated(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_BuildClaimGraph)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// One iteration of a method (crosscheck: one per copy-detection round).
// Every method, as benchmark arguments.
const std::vector<int64_t> kAllMethods = {
    static_cast<int>(Method::kCrosscheck),  static_cast<int>(Method::kVote),
    static_cast<int>(Method::kTruthFinder), static_cast<int>(Method::kInvestment),
    static_cast<int>(Method::kPooledInvestment), static_cast<int>(Method::kAccu)};

void BM_SolveIteration(benchmark::State& state) {
  const Corpus& corpus = Generated(static_cast<int>(state.range(1)));
  const ClaimGraph graph = *BuildClaimGraph(corpus);
  SolveGraph(state, graph, corpus.values, static_cast<Method>(state.range(0)),
             1, 1);
}
BENCHMARK(BM_SolveIteration)
    ->ArgsProduct({kAllMethods,
                   {10000, 100000}})
    ->Unit(benchmark::kMillisecond);

void BM_FlightBuildClaimGraph(benchmark::State& state) {
  if (Flight() == nullptr)
    return state.SkipWithError("flight dataset not found");
  BuildGraph(state, *Flight());
}
BENCHMARK(BM_FlightBuildClaimGraph)->Unit(benchmark::kMillisecond);

// A whole solve to convergence on Flight, per method; arg 1 = threads.
void BM_FlightSolve(benchmark::State& state) {
  if (Flight() == nullptr)
    return state.SkipWithError("flight dataset not found");
  SolveGraph(state, FlightGraph(), Flight()->values,
             static_cast<Method>(state.range(0)), 100,
             static_cast<int>(state.range(1)));
}
BENCHMARK(BM_FlightSolve)
    ->ArgsProduct({kAllMethods,
                   {1, 2}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck
