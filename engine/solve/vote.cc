// Majority vote: every distinct source stating a value is one vote.
#include "solve/methods.h"

namespace crosscheck::internal {

MethodOutput RunVote(const Problem& p, const SolveOptions& options) {
  const ClaimGraph& g = *p.graph;
  MethodOutput out;
  out.score.resize(p.num_groups());
  out.confidence.resize(p.num_groups());
  ParallelFor(g.questions.size(), kQuestionChunk, options.threads,
              [&](size_t qb, size_t qe, int) {
                for (size_t q = qb; q < qe; ++q) {
                  const ClaimGraph::Question& question = g.questions[q];
                  const uint32_t g0 = question.first_group;
                  const uint32_t g1 = g0 + question.num_groups;
                  double total = 0;
                  for (uint32_t gi = g0; gi < g1; ++gi)
                    total += p.num_votes(gi);
                  for (uint32_t gi = g0; gi < g1; ++gi) {
                    const double votes = p.num_votes(gi);
                    out.score[gi] = votes;
                    out.confidence[gi] = votes / total;
                  }
                }
              });
  // A source's reliability: the share of its votes that went to answers.
  std::vector<char> is_answer(p.num_groups(), 0);
  for (uint32_t q = 0; q < g.questions.size(); ++q) {
    is_answer[PickAnswer(p, q, out.score)] = 1;
  }
  std::vector<double> hits(p.num_sources, 0.0);
  for (uint32_t gi = 0; gi < p.num_groups(); ++gi) {
    if (!is_answer[gi]) continue;
    for (uint32_t v = p.vote_begin(gi); v < p.vote_end(gi); ++v) {
      hits[p.source(v)] += 1;
    }
  }
  out.reliability.resize(p.num_sources);
  for (uint32_t s = 0; s < p.num_sources; ++s) {
    out.reliability[s] =
        p.source_votes[s] > 0 ? hits[s] / p.source_votes[s] : 0;
  }
  out.iterations = 1;
  out.converged = true;
  return out;
}

}  // namespace crosscheck::internal
