// The claim graph flattened for the solvers: one vote per (group, distinct
// source), source-attribute pairs, a source-major index of votes for
// order-fixed reductions, and the compatible links between groups.
#ifndef CROSSCHECK_ENGINE_SOLVE_PROBLEM_H_
#define CROSSCHECK_ENGINE_SOLVE_PROBLEM_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "crosscheck/graph.h"
#include "crosscheck/value.h"

namespace crosscheck::internal {

// Questions are processed in chunks of this many, whatever the thread count,
// so that every per-question result is computed the same way.
inline constexpr size_t kQuestionChunk = 1024;

// Calls fn(begin, end) for consecutive chunks [begin, end) of [0, n), each at
// most `chunk` long, on up to `threads` threads. fn must only write state
// owned by its chunk; then the result does not depend on `threads`.
void ParallelFor(size_t n, size_t chunk, int threads,
                 const std::function<void(size_t, size_t)>& fn);

// A group h related to the link's target group g other than by kContradicts.
struct Link {
  uint32_t from = 0;  // global group index h
  Relation relation = Relation::kEqual;  // relation of h's value to g's
};

struct Problem {
  const ClaimGraph* graph = nullptr;
  uint32_t num_sources = 0;
  uint32_t num_attributes = 0;

  // Votes of group g: [group_vote_begin[g], group_vote_begin[g + 1]), one per
  // distinct source, in source order.
  std::vector<uint32_t> group_vote_begin;
  std::vector<uint32_t> vote_source;
  std::vector<uint32_t> vote_group;
  std::vector<uint32_t> vote_sa;  // source-attribute pair of the vote

  // Attribute (predicate) of each question, numbered in question order.
  std::vector<uint32_t> question_attribute;
  // Distinct sources that answer each question.
  std::vector<uint32_t> question_sources;

  // Source-attribute pairs, ordered by (source, attribute); the pairs of
  // source s are [source_sa_begin[s], source_sa_begin[s + 1]).
  std::vector<uint32_t> sa_source;
  std::vector<uint32_t> source_sa_begin;
  // Votes of pair k, in vote order: sa_votes[sa_vote_begin[k] ...].
  std::vector<uint32_t> sa_vote_begin;
  std::vector<uint32_t> sa_votes;
  std::vector<uint32_t> source_votes;  // number of votes per source

  // Links into group g: links[link_begin[g] .. link_begin[g + 1]).
  std::vector<uint32_t> link_begin;
  std::vector<Link> links;
  // Groups whose value is kEqual to g's, g included (>= 1).
  std::vector<uint32_t> equal_count;

  size_t num_groups() const { return group_vote_begin.size() - 1; }
  size_t num_votes() const { return vote_source.size(); }
};

// Flattens `graph`. Linear in claims plus the compared relations.
Problem BuildProblem(const ClaimGraph& graph);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_PROBLEM_H_
