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
  std::vector<double> set_sigma(p.num_sets());
  MethodOutput out;
  out.score.resize(p.num_groups());
  out.confidence.resize(p.num_groups());
  const int workers = Workers(g.questions.size(), kQuestionChunk, options.threads);
  ExactSums sums(p.num_sets(), workers);
  auto score = [&](bool accumulate) {
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      tau[s] = -std::log(1 - std::min(trust[s], kMaxTrust));
    }
    for (uint32_t set = 0; set < p.num_sets(); ++set) {
      double sum = 0;
      for (uint32_t v = p.set_begin[set]; v < p.set_begin[set + 1]; ++v) sum += tau[p.source(v)];
      set_sigma[set] = sum;
    }
    ParallelFor(g.questions.size(), kQuestionChunk, options.threads,
                [&](size_t qb, size_t qe, int worker) {
                  for (size_t q = qb; q < qe; ++q) {
                    const ClaimGraph::Question& question = g.questions[q];
                    const uint32_t g0 = question.first_group;
                    const uint32_t g1 = g0 + question.num_groups;
                    double total = 0;
                    for (uint32_t gi = g0; gi < g1; ++gi) {
                      sigma[gi] = set_sigma[p.group_set[gi]];
                      total += sigma[gi];
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
                      if (accumulate) sums.Add(worker, p.group_set[gi], out.confidence[gi]);
                    }
                  }
                });
  };
  while (out.iterations < options.max_iterations) {
    score(/*accumulate=*/true);
    ++out.iterations;
    const std::vector<double> set_sum = sums.Collect();
    std::vector<double> sum(p.num_sources, 0.0);
    for (uint32_t set = 0; set < p.num_sets(); ++set) {
      for (uint32_t v = p.set_begin[set]; v < p.set_begin[set + 1]; ++v) {
        sum[p.source(v)] += set_sum[set];
      }
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
  score(/*accumulate=*/false);
  out.reliability = trust;
  return out;
}

}  // namespace crosscheck::internal
