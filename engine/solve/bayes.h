// The Bayesian methods: ACCU (Dong, Berti-Equille & Srivastava, VLDB 2009)
// and crosscheck, which extends it with per-attribute accuracy, support
// between compatible values and copy detection.
//
// Each iteration, with A the accuracy of a source (or source-attribute pair)
// and n the number of false values a question is assumed to have:
//   vote count     tau = ln(n) + ln(A / (1 - A))
//   group score    E(g) = sum over the sources stating g of w * tau, where w
//                  is the source's independence weight (1 without copying)
//   compatible     K(g) = E(g) + sum over groups h related to g of
//                  alpha(relation of h to g) * E(h)
//   probability    p(g) = exp(K(g)) / Z / eq(g), Z = sum over value classes
//                  (groups kEqual to one another) of exp(K) plus one for each
//                  of the n + 1 - classes values nobody stated
//   truth          P(g) = sum of p(h) over the groups h that g equals or
//                  generalizes: the probability that g's value is true
//   credit         p of g's class + coarse_credit * p of the groups g
//                  strictly generalizes
//   accuracy       A(s) = (sum of credits + source_prior * A0) /
//                         (votes + source_prior), over all votes or only
//                         those in contested questions; per attribute,
//                  A(s, a) = (credits + attribute_prior * A(s)) /
//                            (votes + attribute_prior)
// Accuracies stay in [min_accuracy, max_accuracy]; iterations stop when no
// A(s) moves by more than the tolerance. With copy detection, crosscheck
// first judges copying on agreement alone (every source at A0), iterates to
// round_tolerance, judges again with what it learned (up to copy_rounds
// times, stopping early when the dependent pairs do not change), and ends
// with a run to the caller's tolerance.
#ifndef CROSSCHECK_ENGINE_SOLVE_BAYES_H_
#define CROSSCHECK_ENGINE_SOLVE_BAYES_H_

#include "crosscheck/solve.h"
#include "solve/copy_detection.h"
#include "solve/methods.h"
#include "solve/problem.h"
#include "solve/raw_copies.h"

namespace crosscheck::internal {

struct BayesParams {
  double false_values = 100;      // n
  double initial_accuracy = 0.8;  // A0
  double min_accuracy = 0.01;
  double max_accuracy = 0.99;
  double source_prior = 0;  // pseudo-votes of A0 in A(s)
  // Learn accuracies only from questions at least two sources answer: with
  // one source, a value's probability follows from the source's accuracy
  // alone, so such votes only echo it (and slow convergence to a crawl).
  bool contested_only = false;
  bool per_attribute = false;
  double attribute_prior = 5;  // pseudo-votes of A(s) in A(s, a)
  bool compatible_support = false;
  double coarse_support = 0.5;    // alpha(kGeneralizes): h includes g
  double overlap_support = 0.25;  // alpha(kOverlaps)
  double coarse_credit = 0.5;
  bool copy_detection = false;
  int copy_rounds = 2;  // detections after the first, on learned accuracies
  // Convergence tolerance of the runs between two copy detections.
  double round_tolerance = 1e-2;
  CopyParams copy;
  // Adds the truth-independent evidence of raw_copies.h to every copy
  // detection (requires copy_detection).
  bool raw_copies = false;
  RawCopyParams raw;
};

// The parameters of the `accu` and `crosscheck` methods.
BayesParams AccuParams();
BayesParams CrosscheckParams();

MethodOutput RunBayes(const Problem& p, const SolveOptions& options,
                      const BayesParams& params);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_BAYES_H_
