// Truth discovery: estimates how reliable each source is and how likely each
// value is, iterating between the two until they settle.
//
// Methods, selectable so users can compare them on their data:
//   crosscheck        the default: per-source accuracy (Bayesian, ACCU family)
//                     where compatible values lend each other support
//   vote              majority of distinct sources
//   truthfinder       Yin, Han & Yu, KDD 2007
//   investment        Pasternack & Roth, COLING 2010
//   pooled-investment Pasternack & Roth, COLING 2010
//   accu              Dong, Berti-Equille & Srivastava, VLDB 2009 (no copying)
// Every method is deterministic: the same graph gives bit-identical results
// for any thread count.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_SOLVE_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_SOLVE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crosscheck/graph.h"
#include "crosscheck/value.h"

namespace crosscheck {

enum class Method : uint8_t {
  kCrosscheck,
  kVote,
  kTruthFinder,
  kInvestment,
  kPooledInvestment,
  kAccu,
};
absl::string_view MethodName(Method method);
// Inverse of MethodName; false if `name` is not a method.
bool ParseMethod(absl::string_view name, Method* method);

enum class QuestionStatus : uint8_t {
  kAgreed,        // every value stated is compatible with the answer
  kConflict,      // incompatible values have support from different sources
  kSingleSource,  // one source answers the question
};
absl::string_view QuestionStatusName(QuestionStatus status);

struct SolveOptions {
  Method method = Method::kCrosscheck;
  int max_iterations = 100;
  // Converged when no source reliability moves by more than this.
  double tolerance = 1e-6;
  int threads = 1;
};

struct SourceDependence {
  uint32_t source = 0;  // index into ClaimGraph::sources
  uint32_t on = 0;      // the source it likely copies from
  double probability = 0;
  std::string evidence;  // one line: shared values, shared rare values, ...
};

struct Solution {
  Method method = Method::kCrosscheck;
  int iterations = 0;
  bool converged = false;
  std::vector<double> source_reliability;  // per ClaimGraph::sources, in [0, 1]
  std::vector<double> group_confidence;    // per group: P(value is true), [0, 1]
  std::vector<double> group_support;       // per group: weighted source support
  std::vector<uint32_t> answer;            // per question: global group index
  std::vector<QuestionStatus> status;      // per question
  std::vector<SourceDependence> dependencies;
};

// Solves `graph` (whose values live in `values`). InvalidArgument for options
// out of range (max_iterations < 1, threads < 1).
absl::StatusOr<Solution> Solve(const ClaimGraph& graph, const ValueStore& values,
                               const SolveOptions& options);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_SOLVE_H_
