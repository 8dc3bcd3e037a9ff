// accuracy: runs the whole pipeline on the public datasets with every
// solver method and prints accuracy and time.
//
//   accuracy [--datasets DIR (default $CROSSCHECK_DATASETS, else beside the
//   tree)]
//            [--dataset book|population|flight|all]
//            [--methods m1,m2,...] [--threads N] [--max-iterations N]
//            [--misses N] [--perturb]
//
// book        authors of 100 books (truth.tsv), compared as surname sets
// population  308 city populations (truth.csv), exact
// flight      no gold is distributed. The airline sites aa, ua and CO publish
//             the airlines' own data (the source of the original study's gold)
//             and serve as reference for their own flights: the answers are
//             compared with them once with them in the input and once with
//             them left out (the honest number). --perturb then reruns
//             crosscheck under small changes (perturb.h) and prints each.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/accuracy/flight_reference.h"
#include "bench/accuracy/perturb.h"
#include "crosscheck/corpus.h"
#include "crosscheck/evaluate.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "crosscheck/value.h"

namespace crosscheck {
namespace {

struct Flags {
  std::string datasets = CROSSCHECK_DATASETS_DIR;
  std::string dataset = "all";
  std::vector<Method> methods = {Method::kVote,       Method::kTruthFinder,
                                 Method::kInvestment, Method::kPooledInvestment,
                                 Method::kAccu,       Method::kCrosscheck};
  int threads = 1;
  int misses = 0;
  int max_iterations = 100;
  bool perturb = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "accuracy: %s\nusage: accuracy [--datasets DIR] [--dataset "
               "book|population|flight|all] [--methods m1,m2] [--threads N] "
               "[--max-iterations N] [--misses N] [--perturb]\n",
               problem.c_str());
  std::exit(2);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  if (const char* env = std::getenv("CROSSCHECK_DATASETS");
      env != nullptr && *env) {
    f.datasets = env;
  }
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--perturb") {
      f.perturb = true;
      continue;
    }
    if (i + 1 >= argc) Usage("missing value after " + std::string(arg));
    const std::string value = argv[++i];
    if (arg == "--datasets") {
      f.datasets = value;
    } else if (arg == "--dataset") {
      f.dataset = value;
    } else if (arg == "--methods") {
      f.methods.clear();
      for (absl::string_view name : absl::StrSplit(value, ',')) {
        Method m;
        if (!ParseMethod(name, &m))
          Usage("unknown method " + std::string(name));
        f.methods.push_back(m);
      }
    } else if (arg == "--threads") {
      if (!absl::SimpleAtoi(value, &f.threads) || f.threads < 1)
        Usage("bad --threads");
    } else if (arg == "--max-iterations") {
      if (!absl::SimpleAtoi(value, &f.max_iterations) || f.max_iterations < 1) {
        Usage("bad --max-iterations");
      }
    } else if (arg == "--misses") {
      if (!absl::SimpleAtoi(value, &f.misses)) Usage("bad --misses");
    } else {
      Usage("unknown flag " + std::string(arg));
    }
  }
  return f;
}

double Seconds(absl::Time start) {
  return absl::ToDoubleSeconds(absl::Now() - start);
}

// Ingests and types `inputs` into `corpus`; prints the time taken.
bool Load(const Rules& rules, const std::vector<std::string>& inputs,
          Corpus* corpus) {
  const absl::Time start = absl::Now();
  IngestOptions ingest;
  const ValueRules& values = rules.values();
  ingest.is_null = [&values](absl::string_view cell) {
    return values.IsNull(cell);
  };
  absl::Status status = Ingest(inputs, ingest, corpus);
  if (status.ok()) {
    CanonicalizeOrder(corpus);
    status = TypeClaims(rules.values(), TypingOptions(), corpus);
  }
  if (!status.ok()) {
    std::fprintf(stderr, "accuracy: %s\n",
                 std::string(status.message()).c_str());
    return false;
  }
  std::printf("  loaded %zu claims, %zu values in %.2f s\n",
              corpus->claims.size(), corpus->values.size(), Seconds(start));
  return true;
}

bool BuildGraph(const Corpus& corpus, ClaimGraph* graph) {
  const absl::Time start = absl::Now();
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(corpus);
  if (!g.ok()) {
    std::fprintf(stderr, "accuracy: %s\n",
                 std::string(g.status().message()).c_str());
    return false;
  }
  *graph = *std::move(g);
  std::printf("  graph: %zu questions, %zu groups, %zu sources in %.3f s\n",
              graph->questions.size(), graph->groups.size(),
              graph->sources.size(), Seconds(start));
  return true;
}

bool SolveTimed(const ClaimGraph& graph, const Corpus& corpus, Method method,
                const Flags& f, Solution* solution, double* seconds) {
  SolveOptions options;
  options.method = method;
  options.threads = f.threads;
  options.max_iterations = f.max_iterations;
  const absl::Time start = absl::Now();
  absl::StatusOr<Solution> s = Solve(graph, corpus.values, options);
  *seconds = Seconds(start);
  if (!s.ok()) {
    std::fprintf(stderr, "accuracy: %s\n",
                 std::string(s.status().message()).c_str());
    return false;
  }
  *solution = *std::move(s);
  return true;
}

void PrintLine(absl::string_view label, Method method, size_t correct,
               size_t evaluated, const Solution& s, double seconds) {
  std::printf(
      "  %-10s %-18s accuracy %.4f (%zu/%zu)  solve %.3f s, %d iterations%s\n",
      std::string(label).c_str(), std::string(MethodName(method)).c_str(),
      evaluated ? static_cast<double>(correct) / evaluated : 0.0, correct,
      evaluated, seconds, s.iterations, s.converged ? "" : " (not converged)");
}

int RunGold(const Flags& f, const Rules& rules, absl::string_view name,
            const std::string& claims, const std::string& truth,
            ScoreMode mode) {
  std::printf("%s\n", std::string(name).c_str());
  Corpus corpus;
  ClaimGraph graph;
  if (!Load(rules, {claims}, &corpus) || !BuildGraph(corpus, &graph)) return 1;
  absl::StatusOr<std::vector<GoldEntry>> gold = ReadGoldTable(truth);
  if (!gold.ok()) {
    std::fprintf(stderr, "accuracy: %s\n",
                 std::string(gold.status().message()).c_str());
    return 1;
  }
  for (Method m : f.methods) {
    Solution s;
    double seconds = 0;
    if (!SolveTimed(graph, corpus, m, f, &s, &seconds)) return 1;
    const ScoreResult r =
        ScoreAnswers(corpus, graph, s, rules.values(), *gold, mode);
    PrintLine(name, m, r.correct, r.evaluated, s, seconds);
    for (int i = 0; i < f.misses && i < static_cast<int>(r.misses.size());
         ++i) {
      const ScoreMiss& miss = r.misses[i];
      std::printf("    miss %s: got '%s', %s\n", miss.gold.object.c_str(),
                  miss.answer.c_str(), miss.reason.c_str());
    }
  }
  return 0;
}

int RunFlight(const Flags& f, const Rules& rules) {
  std::printf(
      "flight (reference: the airlines' own sites for their flights)\n");
  Corpus corpus;
  if (!Load(rules, {f.datasets + "/flight"}, &corpus)) return 1;
  const std::vector<FlightReference> refs = CollectFlightReferences(corpus);
  std::printf("  %zu reference values\n", refs.size());
  for (bool leave_out : {false, true}) {
    if (leave_out) RemoveReferenceSources(&corpus);
    ClaimGraph graph;
    if (!BuildGraph(corpus, &graph)) return 1;
    for (Method m : f.methods) {
      Solution s;
      double seconds = 0;
      if (!SolveTimed(graph, corpus, m, f, &s, &seconds)) return 1;
      const FlightScore score = ScoreFlight(corpus, graph, s, refs);
      PrintLine(leave_out ? "left-out" : "included", m, score.correct,
                score.evaluated, s, seconds);
      std::printf("    %s; %zu answers state a UTC offset\n",
                  score.by_attribute.c_str(), score.with_offset);
    }
  }
  if (f.perturb) {
    Corpus full;
    if (!Load(rules, {f.datasets + "/flight"}, &full)) return 1;
    return RunPerturbations(CollectFlightReferences(full), f.threads, &full);
  }
  return 0;
}

int Main(int argc, char** argv) {
  const Flags f = ParseFlags(argc, argv);
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::Load(DefaultRulesDir());
  if (!rules.ok()) {
    std::fprintf(stderr, "accuracy: %s\n",
                 std::string(rules.status().message()).c_str());
    return 1;
  }
  const std::string d = f.datasets;
  int rc = 0;
  if (f.dataset == "all" || f.dataset == "book") {
    rc |= RunGold(f, **rules, "book", d + "/book/claims.tsv",
                  d + "/book/truth.tsv", ScoreMode::kSurnames);
  }
  if (f.dataset == "all" || f.dataset == "population") {
    rc |= RunGold(f, **rules, "population", d + "/population/claims.csv",
                  d + "/population/truth.csv", ScoreMode::kExact);
  }
  if (f.dataset == "all" || f.dataset == "flight") rc |= RunFlight(f, **rules);
  return rc;
}

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) { return crosscheck::Main(argc, argv); }
