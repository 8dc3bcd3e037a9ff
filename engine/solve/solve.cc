#include "crosscheck/solve.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "solve/methods.h"
#include "solve/problem.h"

namespace crosscheck {
namespace {

struct MethodEntry {
  Method method;
  absl::string_view name;
};

constexpr MethodEntry kMethods[] = {
    {Method::kCrosscheck, "crosscheck"},
    {Method::kVote, "vote"},
    {Method::kTruthFinder, "truthfinder"},
    {Method::kInvestment, "investment"},
    {Method::kPooledInvestment, "pooled-investment"},
    {Method::kAccu, "accu"},
};

internal::MethodOutput Run(const internal::Problem& p,
                           const SolveOptions& options) {
  switch (options.method) {
    case Method::kVote:
      return internal::RunVote(p, options);
    case Method::kTruthFinder:
      return internal::RunTruthFinder(p, options);
    case Method::kInvestment:
      return internal::RunInvestment(p, options, false);
    case Method::kPooledInvestment:
      return internal::RunInvestment(p, options, true);
    case Method::kAccu:
      return internal::RunAccu(p, options);
    case Method::kCrosscheck:
      break;
  }
  return internal::RunCrosscheck(p, options);
}

// True if two groups contradict each other and are stated by different
// sources (two groups that only one and the same source states do not).
bool InConflict(const internal::Problem& p, const ClaimGraph::Question& q) {
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    const uint32_t gi = q.first_group + i;
    const uint32_t bi = p.vote_begin(gi), ni = p.num_votes(gi);
    for (uint32_t j = i + 1; j < q.num_groups; ++j) {
      if (p.graph->relation(q, i, j) != Relation::kContradicts) continue;
      const uint32_t gj = q.first_group + j;
      const uint32_t bj = p.vote_begin(gj), nj = p.num_votes(gj);
      if (ni > 1 || nj > 1 || p.source(bi) != p.source(bj)) return true;
    }
  }
  return false;
}

QuestionStatus StatusOf(const internal::Problem& p, uint32_t q) {
  if (p.question_sources[q] <= 1) return QuestionStatus::kSingleSource;
  return InConflict(p, p.graph->questions[q]) ? QuestionStatus::kConflict
                                              : QuestionStatus::kAgreed;
}

}  // namespace

namespace internal {

uint32_t PickAnswer(const Problem& p, uint32_t q,
                    const std::vector<double>& score) {
  const ClaimGraph::Question& question = p.graph->questions[q];
  uint32_t best = 0;
  for (uint32_t i = 1; i < question.num_groups; ++i) {
    const double si = score[question.first_group + i];
    const double sb = score[question.first_group + best];
    const ClaimGraph::Group& gi = p.graph->groups[question.first_group + i];
    const ClaimGraph::Group& gb = p.graph->groups[question.first_group + best];
    const bool tie_wins = gi.denial != gb.denial
                              ? gb.denial
                              : p.graph->relation(question, i, best) == Relation::kSpecializes;
    if (si > sb || (si == sb && tie_wins)) {
      best = i;
    }
  }
  return question.first_group + best;
}

}  // namespace internal

absl::string_view MethodName(Method method) {
  for (const MethodEntry& e : kMethods) {
    if (e.method == method) return e.name;
  }
  return "unknown";
}

bool ParseMethod(absl::string_view name, Method* method) {
  for (const MethodEntry& e : kMethods) {
    if (e.name == name) {
      *method = e.method;
      return true;
    }
  }
  return false;
}

absl::string_view QuestionStatusName(QuestionStatus status) {
  switch (status) {
    case QuestionStatus::kAgreed:
      return "agreed";
    case QuestionStatus::kConflict:
      return "conflict";
    case QuestionStatus::kSingleSource:
      return "single_source";
  }
  return "unknown";
}

absl::StatusOr<Solution> Solve(const ClaimGraph& graph,
                               const ValueStore& values,
                               const SolveOptions& options) {
  if (options.max_iterations < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_iterations must be at least 1, got ", options.max_iterations));
  }
  if (options.threads < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("threads must be at least 1, got ", options.threads));
  }
  if (!(options.tolerance >= 0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("tolerance must be at least 0, got ", options.tolerance));
  }
  const internal::Problem p = internal::BuildProblem(graph);
  internal::MethodOutput out = Run(p, options);

  Solution s;
  s.method = options.method;
  s.iterations = out.iterations;
  s.converged = out.converged;
  s.group_confidence = std::move(out.confidence);
  s.group_support.assign(p.num_groups(), 0.0);
  const bool counts = options.method == Method::kVote;
  for (uint32_t g = 0; g < p.num_groups(); ++g) {
    double support = 0;
    for (uint32_t v = p.vote_begin(g); v < p.vote_end(g); ++v) {
      const double w = out.vote_weight.empty() ? 1.0 : out.vote_weight[v];
      support += counts ? w : w * out.reliability[p.source(v)];
    }
    s.group_support[g] = support;
  }
  s.source_reliability = std::move(out.reliability);
  s.answer.resize(graph.questions.size());
  s.status.resize(graph.questions.size());
  for (uint32_t q = 0; q < graph.questions.size(); ++q) {
    s.answer[q] = internal::PickAnswer(p, q, out.score);
    s.status[q] = StatusOf(p, q);
  }
  s.dependencies = std::move(out.dependencies);
  return s;
}

}  // namespace crosscheck
