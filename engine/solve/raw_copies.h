// Copy evidence that does not depend on knowing the truth: what two sources
// write, byte for byte, and what they cover.
//
// Independent sources that state the same value usually write it their own
// way ("12/1/2011 2:07PM EST", "2011-12-01 2:07 PM"); sources fed by one
// another repeat each other's strings verbatim, formatting quirks included.
// For every question that both sources of a pair and at least one third
// source answer, let pi be the share of the other sources that write the
// raw string the pair shares (smoothed: (n - 2 + 1/2) / (N - 1) for n of the
// N sources). Independent sources share it with probability about pi, a
// copier with probability c + (1 - c) pi; a question where they write
// nothing in common counts 1 - c for copying. The mean log-likelihood ratio
// per question, times at most kMaxEvidence questions (the questions of one
// pair are not independent draws: formats are habits), moves a prior that
// grows with the overlap of the objects the two sources cover.
#ifndef CROSSCHECK_ENGINE_SOLVE_RAW_COPIES_H_
#define CROSSCHECK_ENGINE_SOLVE_RAW_COPIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/solve.h"
#include "solve/problem.h"

namespace crosscheck::internal {

struct RawCopyParams {
  double copy_rate = 0.8;  // c
  // Prior P(dependent) for pairs with no object in common and for pairs
  // covering exactly the same objects; linear in the Jaccard overlap between.
  double prior_disjoint = 0.05;
  double prior_same_objects = 0.5;
  // Questions of evidence counted at most (see above).
  double max_evidence = 50;
  // A shared raw string is "rare" when fewer than this share of the other
  // sources write it.
  double rare_share = 0.5;
};

// What one pair of sources (a < b, indices into ClaimGraph::sources) shares.
struct RawPairEvidence {
  uint32_t a = 0;
  uint32_t b = 0;
  uint32_t compared = 0;         // questions both and a third source answer
  uint32_t identical = 0;        // ... where both write a byte-identical string
  uint32_t rare = 0;             // ... that is rare among the other sources
  uint32_t common_subjects = 0;  // subjects both state something about
  uint32_t union_subjects = 0;   // subjects either states something about
  double log_odds = 0;  // of dependence, given this evidence and the prior
};

// The evidence of every pair of sources that answer a question together with
// a third source. Empty when the graph has no raw strings
// (ClaimGraph::claim_raw empty). Deterministic: log-likelihoods are summed in
// fixed point.
class RawCopies {
 public:
  RawCopies() = default;
  RawCopies(const Problem& p, const RawCopyParams& params);

  // The pair's evidence (in either order), or null if there is none.
  const RawPairEvidence* Find(uint32_t a, uint32_t b) const;
  // Sorted by (a, b).
  const std::vector<RawPairEvidence>& pairs() const { return pairs_; }

 private:
  std::vector<RawPairEvidence> pairs_;
};

// "70,594 identical raw values of 70,728 compared, 69,100 of them rare;
// 1,203 of 1,210 subjects in common".
std::string RawEvidenceText(const RawPairEvidence& e);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_RAW_COPIES_H_
