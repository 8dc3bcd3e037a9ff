// Truth discovery: estimates how reliable each source is and how likely each
// value is, iterating between the two until they settle.
//
// Methods, selectable so users can compare them on their data (formulas in
// engine/solve/: bayes.h, truthfinder.cc, investment.cc):
//   crosscheck        the default. ACCU-family Bayesian: a value's score sums
//                     its sources' vote counts ln(n A / (1 - A)), with A the
//                     accuracy of the source on the question's attribute
//                     (shrunk toward its overall accuracy); values that
//                     include it (coarser, or a subset of a name list) add
//                     part of their score, equal values all of theirs.
//                     Sources that copy one another (Dong et al. 2009: many
//                     shared values, above all shared false ones, and few
//                     differences) count close to one voice. Accuracy is
//                     learned from questions at least two sources answer.
//   vote              majority of distinct sources
//   truthfinder       Yin, Han & Yu, KDD 2007, implication from relations
//   investment        Pasternack & Roth, COLING 2010
//   pooled-investment Pasternack & Roth, COLING 2010
//   accu              Dong, Berti-Equille & Srivastava, VLDB 2009 (no copying)
// Every method is deterministic: the same graph gives bit-identical results
// for any thread count (work is split in fixed chunks and sums are exact).
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

// The same for every method:
//   kSingleSource  exactly one distinct source states values for the question
//   kConflict      two or more sources, and two values that contradict each
//                  other are stated by different sources (two contradicting
//                  values stated only by one and the same source do not count)
//   kAgreed        two or more sources and no such pair: every value is
//                  equal to or compatible with every other one stated by
//                  another source
enum class QuestionStatus : uint8_t {
  kAgreed,
  kConflict,
  kSingleSource,
};
absl::string_view QuestionStatusName(QuestionStatus status);

// How time relates the values of a question (rules of kind `over_time`,
// rules/common/time.json), set by Reconcile after solving:
//   kTimeless  values are statements of one fact at one time (the default)
//   kGrows     a cumulative figure (a death toll): a later-dated report that
//              states a higher figure supersedes the earlier, lower ones
//   kObserved  each value is a time the fact was seen to hold (the date of a
//              role): distinct values never contradict each other
enum class TimeBehaviour : uint8_t { kTimeless, kGrows, kObserved };
// "timeless", "grows", "observed".
absl::string_view TimeBehaviourName(TimeBehaviour behaviour);

// SourceDependence::on of a virtual origin.
inline constexpr uint32_t kVirtualOrigin = UINT32_MAX;

// A likely copying relation between two sources (crosscheck only).
struct SourceDependence {
  uint32_t source = 0;     // index into ClaimGraph::sources: the likely copier,
                           // the one of the pair with fewer values
  // The source it likely copies from, or kVirtualOrigin when that is a wire
  // agency its documents name but that is no source of the corpus.
  uint32_t on = 0;
  std::string origin;      // the agency's name when on == kVirtualOrigin
  double probability = 0;  // posterior probability of dependence, >= 0.9
  // One line: "same value on 9812 of 10020 shared questions (97.9%), 312 of
  // them likely false"; "shares 6 of 9 sentences with afp/2022-08-10; marked
  // (AFP)".
  std::string evidence;
};

struct SolveOptions {
  Method method = Method::kCrosscheck;
  // Per run: crosscheck runs once per copy-detection round (at most 3), so
  // Solution::iterations can exceed this.
  int max_iterations = 100;
  // Converged when no source reliability moves by more than this in one
  // iteration (crosscheck: in its last run).
  double tolerance = 1e-6;
  int threads = 1;
  // crosscheck only: dependences known before solving (documents that share
  // sentences or name a wire agency, see engine/solve/document_copies.h),
  // merged into those the solver detects: a pair found by both gets
  // probability 1 - (1 - p1)(1 - p2) and both evidence texts.
  std::vector<SourceDependence> known_dependences;
};

struct Solution {
  Method method = Method::kCrosscheck;
  int iterations = 0;  // summed over crosscheck's runs
  bool converged = false;
  // Per ClaimGraph::sources, in [0, 1]: the accuracy (accu, crosscheck), the
  // trustworthiness (truthfinder), the trust divided by the largest
  // (investment methods), or the share of the source's values that are
  // answers (vote).
  std::vector<double> source_reliability;
  // Per group, in [0, 1]: how likely the value is true. crosscheck counts a
  // value true when a more precise value it includes is, so "at least 4" is
  // at least as likely as "6". vote: the value's share of the question's
  // votes; investment methods: its share of the question's belief.
  std::vector<double> group_confidence;
  // Per group: the distinct sources stating the value, each counted by its
  // reliability (vote: 1) times its independence weight (crosscheck: below
  // 1 for sources that copy another source stating the same value).
  std::vector<double> group_support;
  // Per question, the global index of the answer group: the group the method
  // scores highest; on an exact tie the more precise of two related values,
  // else the first in value key text order.
  std::vector<uint32_t> answer;
  std::vector<QuestionStatus> status;  // per question
  // Sorted by (source, on, origin); empty for every method but crosscheck.
  std::vector<SourceDependence> dependencies;
  // Filled by Reconcile after Solve (empty when Solve ran alone): per
  // question its TimeBehaviour, and per group 1 when a later-dated report
  // superseded the value (kGrows questions only). A superseded value makes
  // no conflict; `answer` and `status` already take time into account.
  std::vector<TimeBehaviour> question_time;
  std::vector<uint8_t> superseded;
};

// Solves `graph` (whose values live in `values`). InvalidArgument for options
// out of range (max_iterations < 1, threads < 1, tolerance < 0 or NaN).
absl::StatusOr<Solution> Solve(const ClaimGraph& graph,
                               const ValueStore& values,
                               const SolveOptions& options);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_SOLVE_H_
