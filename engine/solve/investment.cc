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
  std::vector<double> held(p.num_groups());
  std::vector<double> set_held(p.num_sets());
  MethodOutput out;
  out.score.resize(p.num_groups());
  out.confidence.resize(p.num_groups());
  auto believe = [&] {
    for (uint32_t s = 0; s < p.num_sources; ++s) {
      invest[s] = p.source_votes[s] > 0 ? trust[s] / p.source_votes[s] : 0;
    }
    for (uint32_t set = 0; set < p.num_sets(); ++set) {
      double h = 0;
      for (uint32_t v = p.set_begin[set]; v < p.set_begin[set + 1]; ++v) h += invest[p.source(v)];
      set_held[set] = h;
    }
    ParallelFor(g.questions.size(), kQuestionChunk, options.threads,
                [&](size_t qb, size_t qe, int) {
                  for (size_t q = qb; q < qe; ++q) {
                    const ClaimGraph::Question& question = g.questions[q];
                    const uint32_t g0 = question.first_group;
                    const uint32_t g1 = g0 + question.num_groups;
                    double pool = 0;
                    for (uint32_t gi = g0; gi < g1; ++gi) {
                      const double h = set_held[p.group_set[gi]];
                      held[gi] = h;
                      out.score[gi] = std::pow(h, exponent);
                      pool += out.score[gi];
                    }
                    double total = 0;
                    for (uint32_t gi = g0; gi < g1; ++gi) {
                      if (pooled) out.score[gi] = pool > 0 ? held[gi] * out.score[gi] / pool : 0;
                      total += out.score[gi];
                    }
                    for (uint32_t gi = g0; gi < g1; ++gi) {
                      out.confidence[gi] = total > 0 ? out.score[gi] / total : 0;
                    }
                  }
                });
  };
  std::vector<double> returns(p.num_sources);
  std::vector<double> set_returns(p.num_sets());
  while (out.iterations < options.max_iterations) {
    believe();
    ++out.iterations;
    std::fill(returns.begin(), returns.end(), 0.0);
    std::fill(set_returns.begin(), set_returns.end(), 0.0);
    for (uint32_t gi = 0; gi < p.num_groups(); ++gi) {
      if (held[gi] > 0) set_returns[p.group_set[gi]] += out.score[gi] / held[gi];
    }
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
  return out;
}

}  // namespace crosscheck::internal
