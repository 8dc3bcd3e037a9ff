// Investment and PooledInvestment: Pasternack & Roth, "Knowing what to
// believe (when you already know something)", COLING 2010.
//
// Sources invest their trust T(s) uniformly in their claims:
//   H(c)  = sum over sources s of c of T(s) / |C_s|
// Investment:        B(c) = H(c)^1.2
// PooledInvestment:  B(c) = H(c) * H(c)^1.4 / sum over claims d of the same
//                    question of H(d)^1.4
// and sources are paid back in proportion to their share of each claim:
//   T'(s) = sum over c in C_s of B(c) * (T(s) / |C_s|) / H(c)
// T starts at 1 and is divided by its maximum after each iteration (the
// answers do not depend on the scale); a claim's confidence is its belief
// divided by the question's total.
#include <algorithm>
#include <cmath>

#include "solve/methods.h"

namespace crosscheck::internal {
namespace {

constexpr double kInvestmentExponent = 1.2;
constexpr double kPooledExponent = 1.4;

}  // namespace

MethodOutput RunInvestment(const Problem& p, const SolveOptions& options,
                           bool pooled) {
  const ClaimGraph& g = *p.graph;
  const double exponent = pooled ? kPooledExponent : kInvestmentExponent;
  std::vector<double> trust(p.num_sources, 1.0);
  std::vector<double> invest(p.num_sources);
  std::vector<double> set_held(p.num_sets());
  // Per shape group (every question of a shape gets the same beliefs).
  std::vector<double> belief(p.shape_first.back()),
      confidence(p.shape_first.back());
  auto believe = [&] {
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      invest[s] = p.source_votes[s] > 0 ? trust[s] / p.source_votes[s] : 0;
    }
    for (uint32_t set = 0; set < p.num_sets(); ++set) {
      double h = 0;
      for (uint32_t v = p.set_begin[set]; v < p.set_begin[set + 1]; ++v)
        h += invest[p.source(v)];
      set_held[set] = h;
    }
    ParallelFor(
        p.num_shapes(), kShapeChunk, options.threads,
        [&](size_t b, size_t e, int) {
          for (size_t shape = b; shape < e; ++shape) {
            const ClaimGraph::Question& question =
                g.questions[p.shape_question[shape]];
            const uint32_t g0 = question.first_group, n = question.num_groups;
            double* bel = &belief[p.shape_first[shape]];
            double pool = 0;
            for (uint32_t i = 0; i < n; ++i) {
              bel[i] = std::pow(set_held[p.group_set[g0 + i]], exponent);
              pool += bel[i];
            }
            double total = 0;
            for (uint32_t i = 0; i < n; ++i) {
              if (pooled)
                bel[i] = pool > 0
                             ? set_held[p.group_set[g0 + i]] * bel[i] / pool
                             : 0;
              total += bel[i];
            }
            for (uint32_t i = 0; i < n; ++i) {
              confidence[p.shape_first[shape] + i] =
                  total > 0 ? bel[i] / total : 0;
            }
          }
        });
  };
  MethodOutput out;
  std::vector<double> returns(p.num_sources);
  std::vector<double> set_returns(p.num_sets());
  while (out.iterations < options.max_iterations) {
    believe();
    ++out.iterations;
    // What each vote set earns per unit invested, in a fixed order.
    std::fill(set_returns.begin(), set_returns.end(), 0.0);
    for (uint32_t shape = 0; shape < p.num_shapes(); ++shape) {
      const ClaimGraph::Question& question =
          g.questions[p.shape_question[shape]];
      for (uint32_t i = 0; i < question.num_groups; ++i) {
        const uint32_t set = p.group_set[question.first_group + i];
        if (set_held[set] > 0) {
          set_returns[set] += belief[p.shape_first[shape] + i] / set_held[set] *
                              p.shape_questions[shape];
        }
      }
    }
    std::fill(returns.begin(), returns.end(), 0.0);
    for (uint32_t set = 0; set < p.num_sets(); ++set) {
      for (uint32_t v = p.set_begin[set]; v < p.set_begin[set + 1]; ++v) {
        returns[p.source(v)] += set_returns[set];
      }
    }
    double top = 0;
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      returns[s] *= invest[s];
      top = std::max(top, returns[s]);
    }
    double delta = 0;
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      const double t = top > 0 ? returns[s] / top : 0;
      delta = std::max(delta, std::abs(t - trust[s]));
      trust[s] = t;
    }
    if (delta <= options.tolerance) {
      out.converged = true;
      break;
    }
  }
  believe();
  out.reliability = trust;
  out.score = SpreadOverQuestions(p, belief);
  out.confidence = SpreadOverQuestions(p, confidence);
  return out;
}

}  // namespace crosscheck::internal
