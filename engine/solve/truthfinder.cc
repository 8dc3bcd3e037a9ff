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
    case Relation::kEqual:
      return 1.0 - kBaseSimilarity;
    case Relation::kSpecializes:
      return 0.9 - kBaseSimilarity;
    case Relation::kGeneralizes:
      return 0.75 - kBaseSimilarity;
    case Relation::kOverlaps:
      return 0.5 - kBaseSimilarity;
    case Relation::kContradicts:
      return 0.0 - kBaseSimilarity;
  }
  return 0;
}

}  // namespace

MethodOutput RunTruthFinder(const Problem& p, const SolveOptions& options) {
  const ClaimGraph& g = *p.graph;
  std::vector<double> trust(p.num_sources, kInitialTrust);
  std::vector<double> tau(p.num_sources);
  std::vector<double> set_sigma(p.num_sets());
  // Per shape group (every question of a shape scores alike).
  std::vector<double> score(p.shape_first.back()),
      confidence(p.shape_first.back());
  const int workers = Workers(p.num_shapes(), kShapeChunk, options.threads);
  ExactSums sums(p.num_sets(), workers);
  std::vector<std::vector<double>> sigma(workers);
  auto score_shapes = [&](bool accumulate) {
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      tau[s] = -std::log(1 - std::min(trust[s], kMaxTrust));
    }
    for (uint32_t set = 0; set < p.num_sets(); ++set) {
      double sum = 0;
      for (uint32_t v = p.set_begin[set]; v < p.set_begin[set + 1]; ++v)
        sum += tau[p.source(v)];
      set_sigma[set] = sum;
    }
    ParallelFor(
        p.num_shapes(), kShapeChunk, options.threads,
        [&](size_t b, size_t e, int worker) {
          std::vector<double>& sg = sigma[worker];
          for (size_t shape = b; shape < e; ++shape) {
            const ClaimGraph::Question& question =
                g.questions[p.shape_question[shape]];
            const uint32_t g0 = question.first_group, n = question.num_groups;
            const uint32_t first = p.shape_first[shape];
            sg.resize(n);
            double total = 0;
            for (uint32_t i = 0; i < n; ++i) {
              sg[i] = set_sigma[p.group_set[g0 + i]];
              total += sg[i];
            }
            for (uint32_t i = 0; i < n; ++i) {
              // Groups without a link contradict this one.
              double linked = 0, adjusted = 0;
              for (uint32_t l = p.link_begin[g0 + i];
                   l < p.link_begin[g0 + i + 1]; ++l) {
                const double other = sg[p.links[l].from - g0];
                linked += other;
                adjusted += Implication(p.links[l].relation) * other;
              }
              const double contradicting =
                  std::max(0.0, total - sg[i] - linked);
              adjusted += Implication(Relation::kContradicts) * contradicting;
              score[first + i] = sg[i] + kRho * adjusted;
              confidence[first + i] =
                  1 / (1 + std::exp(-kGamma * score[first + i]));
              if (accumulate) {
                sums.Add(worker, p.group_set[g0 + i],
                         confidence[first + i] * p.shape_questions[shape]);
              }
            }
          }
        });
  };
  MethodOutput out;
  while (out.iterations < options.max_iterations) {
    score_shapes(/*accumulate=*/true);
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
      const double t =
          p.source_votes[s] > 0 ? sum[s] / p.source_votes[s] : kInitialTrust;
      delta = std::max(delta, std::abs(t - trust[s]));
      trust[s] = t;
    }
    if (delta <= options.tolerance) {
      out.converged = true;
      break;
    }
  }
  score_shapes(/*accumulate=*/false);
  out.reliability = trust;
  out.score = SpreadOverQuestions(p, score);
  out.confidence = SpreadOverQuestions(p, confidence);
  return out;
}

}  // namespace crosscheck::internal
