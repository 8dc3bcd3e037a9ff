// TruthFinder: Yin, Han & Yu, "Truth discovery with multiple conflicting
// information providers on the web", KDD 2007.
//
//   tau(w)   = -ln(1 - t(w))                        trustworthiness score
//   sigma(f) = sum over websites w providing f of tau(w)
//   sigma*(f) = sigma(f) + rho * sum over other facts f' of the same object
//               of imp(f' -> f) * sigma(f')
//   s(f)     = 1 / (1 + exp(-gamma * sigma*(f)))    confidence
//   t(w)     = mean of s(f) over the facts w provides
// with t0 = 0.9, rho = 0.5, gamma = 0.3 as in the paper, and the implication
// imp(f' -> f) = sim(f', f) - 0.5 taken from the relation of f' to f:
// equal 1, specializes (f' implies f) 0.9, generalizes 0.75, overlaps 0.5,
// contradicts 0.
#include <algorithm>
#include <cmath>

#include "solve/methods.h"

namespace crosscheck::internal {
namespace {

constexpr double kInitialTrust = 0.9;
constexpr double kRho = 0.5;
constexpr double kGamma = 0.3;
constexpr double kBaseSimilarity = 0.5;
constexpr double kMaxTrust = 1 - 1e-9;

double Implication(Relation r) {
  switch (r) {
    case Relation::kEqual: return 1.0 - kBaseSimilarity;
    case Relation::kSpecializes: return 0.9 - kBaseSimilarity;
    case Relation::kGeneralizes: return 0.75 - kBaseSimilarity;
    case Relation::kOverlaps: return 0.5 - kBaseSimilarity;
    case Relation::kContradicts: return 0.0 - kBaseSimilarity;
  }
  return 0;
}

}  // namespace

MethodOutput RunTruthFinder(const Problem& p, const SolveOptions& options) {
  const ClaimGraph& g = *p.graph;
  std::vector<double> trust(p.num_sources, kInitialTrust);
  std::vector<double> tau(p.num_sources);
  std::vector<double> sigma(p.num_groups());
  MethodOutput out;
  out.score.resize(p.num_groups());
  out.confidence.resize(p.num_groups());
  auto score = [&] {
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      tau[s] = -std::log(1 - std::min(trust[s], kMaxTrust));
    }
    ParallelFor(g.questions.size(), kQuestionChunk, options.threads,
                [&](size_t qb, size_t qe) {
                  for (size_t q = qb; q < qe; ++q) {
                    const ClaimGraph::Question& question = g.questions[q];
                    const uint32_t g0 = question.first_group;
                    const uint32_t g1 = g0 + question.num_groups;
                    double total = 0;
                    for (uint32_t gi = g0; gi < g1; ++gi) {
                      double s = 0;
                      for (uint32_t v = p.group_vote_begin[gi]; v < p.group_vote_begin[gi + 1]; ++v) {
                        s += tau[p.vote_source[v]];
                      }
                      sigma[gi] = s;
                      total += s;
                    }
                    for (uint32_t gi = g0; gi < g1; ++gi) {
                      // Groups without a link contradict gi.
                      double linked = 0, adjusted = 0;
                      for (uint32_t l = p.link_begin[gi]; l < p.link_begin[gi + 1]; ++l) {
                        const double other = sigma[p.links[l].from];
                        linked += other;
                        adjusted += Implication(p.links[l].relation) * other;
                      }
                      const double contradicting = std::max(0.0, total - sigma[gi] - linked);
                      adjusted += Implication(Relation::kContradicts) * contradicting;
                      out.score[gi] = sigma[gi] + kRho * adjusted;
                      out.confidence[gi] = 1 / (1 + std::exp(-kGamma * out.score[gi]));
                    }
                  }
                });
  };
  std::vector<double> sum(p.num_sources);
  while (out.iterations < options.max_iterations) {
    score();
    ++out.iterations;
    std::fill(sum.begin(), sum.end(), 0.0);
    for (size_t v = 0; v < p.num_votes(); ++v) {
      sum[p.vote_source[v]] += out.confidence[p.vote_group[v]];
    }
    double delta = 0;
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      const double t = p.source_votes[s] > 0 ? sum[s] / p.source_votes[s] : kInitialTrust;
      delta = std::max(delta, std::abs(t - trust[s]));
      trust[s] = t;
    }
    if (delta <= options.tolerance) {
      out.converged = true;
      break;
    }
  }
  score();
  out.reliability = trust;
  return out;
}

}  // namespace crosscheck::internal
