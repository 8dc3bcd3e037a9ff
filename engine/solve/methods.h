// The truth-discovery methods behind Solve(). Each reads a flattened Problem
// and returns per-source reliability, per-group confidence, and the per-group
// score the answer of each question maximizes (see PickAnswer).
#ifndef CROSSCHECK_ENGINE_SOLVE_METHODS_H_
#define CROSSCHECK_ENGINE_SOLVE_METHODS_H_

#include <cstdint>
#include <vector>

#include "crosscheck/solve.h"
#include "solve/problem.h"

namespace crosscheck::internal {

struct MethodOutput {
  std::vector<double> reliability;  // per source, [0, 1]
  std::vector<double> confidence;   // per group, [0, 1]
  std::vector<double> score;        // per group; the answer maximizes it
  // Per vote, its independence in [0, 1]; empty when every vote counts 1.
  std::vector<float> vote_weight;
  int iterations = 0;
  bool converged = false;
  std::vector<SourceDependence> dependencies;
};

// The answer of question `q`: the group of highest score; on an exact tie
// a value over a denial, then the more precise of the two (one specializes
// the other), else the one of lower index (value key text order).
uint32_t PickAnswer(const Problem& p, uint32_t q,
                    const std::vector<double>& score);

MethodOutput RunVote(const Problem& p, const SolveOptions& options);
MethodOutput RunTruthFinder(const Problem& p, const SolveOptions& options);
MethodOutput RunInvestment(const Problem& p, const SolveOptions& options,
                           bool pooled);
MethodOutput RunAccu(const Problem& p, const SolveOptions& options);
MethodOutput RunCrosscheck(const Problem& p, const SolveOptions& options);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_METHODS_H_
