// Copy detection between sources, after Dong, Berti-Equille & Srivastava,
// "Integrating conflicting data: the role of source dependence", VLDB 2009.
//
// Two independent sources agree on a true value with probability
// (1-e1)(1-e2) and on the same false value with probability e1*e2/n (e = error
// rate, n = number of false values); a copier repeats its original's value
// with probability c. Sharing many values, above all false (rare) ones, and
// rarely differing is therefore evidence of copying; the posterior follows by
// Bayes from the prior probability of dependence.
//
// Two departures from the paper. The questions two sources share are not
// independent draws (sources fail together on a day, for an airline), so
// the log-likelihood ratio counts its mean over at most max_evidence
// questions: without this every pair of large sources looks dependent. And
// the prior of each pair is the truth-independent posterior of
// raw_copies.h when it has one (what the pair writes verbatim and covers),
// so that the verdict rests on evidence that does not depend on first
// getting the truth right.
#ifndef CROSSCHECK_ENGINE_SOLVE_COPY_DETECTION_H_
#define CROSSCHECK_ENGINE_SOLVE_COPY_DETECTION_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "crosscheck/solve.h"
#include "solve/problem.h"
#include "solve/raw_copies.h"

namespace crosscheck::internal {

struct CopyParams {
  // P(two sources are dependent) a priori, for pairs without raw evidence.
  double prior = 0.2;
  // c: share of a copier's values it copies. A copier's vote keeps 1 - c P
  // of its weight: at 0.9 a group of copiers counts little more than one
  // voice (0.8 left Flight's copy groups outvoting independent sources).
  double copy_rate = 0.9;
  double false_values = 100;     // n
  double min_probability = 0.9;  // dependences below this are ignored
  // Groups less likely false than this add nothing to the false-value counts.
  double min_false = 1e-3;
  double max_evidence = 50;  // questions of evidence counted at most
};

class CopyDetector {
 public:
  // Counts, once, for every pair of sources the questions both answer and
  // the values both state. Linear in sum over questions of sources^2.
  CopyDetector(const Problem& p, const CopyParams& params);
  ~CopyDetector();

  // Likely dependences given per-source accuracy, per-group probability of
  // being true (null: every shared value counts as true) and raw evidence
  // (null or without the pair: the prior), sorted by (source, on). `source`
  // is the likely copier: the pair member with fewer votes (then lower
  // accuracy, then higher index). The evidence text leads with the raw
  // evidence when there is some.
  std::vector<SourceDependence> Detect(const std::vector<double>& accuracy,
                                       const std::vector<double>* truth,
                                       const RawCopies* raw);

  // Per-vote independence weights: within a group, votes are taken by
  // decreasing accuracy (then source index) and each is multiplied by
  // (1 - c * P(dependence)) for every earlier vote of a source it depends on.
  // Empty when there are no dependences (every vote counts 1).
  std::vector<float> Weights(const std::vector<SourceDependence>& deps,
                             const std::vector<double>& accuracy,
                             int threads) const;

 private:
  class PairTable;
  const Problem& p_;
  CopyParams params_;
  std::unique_ptr<PairTable> pairs_;
};

// `detected` with `known` merged in: a pair of sources in both (either
// direction) takes known's direction, gets probability
// 1 - (1 - p1)(1 - p2) and evidence "known; detected"; the rest of `known`
// (virtual origins included) is added. Sorted by (source, on, origin).
std::vector<SourceDependence> MergeDependences(
    std::vector<SourceDependence> detected,
    const std::vector<SourceDependence>& known);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_COPY_DETECTION_H_
