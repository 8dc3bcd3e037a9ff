// The claim graph flattened for the solvers: one vote per (group, distinct
// source), each vote naming a source-attribute pair, plus the compatible
// links between groups. Arrays are few and dense: on large inputs, touching
// fresh memory costs more than the arithmetic.
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
inline constexpr size_t kQuestionChunk = 2048;
// Question shapes (see Problem) are processed in chunks of this many.
inline constexpr size_t kShapeChunk = 256;

// Calls fn(begin, end, worker) for consecutive chunks [begin, end) of [0, n),
// each at most `chunk` long, on up to `threads` threads; `worker` is in
// [0, Workers(n, chunk, threads)). fn must only write state owned by its
// chunk or by its worker; then the result does not depend on `threads`.
void ParallelFor(size_t n, size_t chunk, int threads,
                 const std::function<void(size_t, size_t, int)>& fn);
int Workers(size_t n, size_t chunk, int threads);

// Sums of non-negative values that do not depend on the order of addition:
// values are added as fixed-point integers (2^-36 resolution), so each
// worker can accumulate its share and the shares can be merged in any order.
// REQUIRES: every sum stays below 2^27.
class ExactSums {
 public:
  ExactSums(size_t size, int workers);
  void Add(int worker, size_t i, double x) {
    sums_[static_cast<size_t>(worker) * size_ + i] +=
        static_cast<int64_t>(x * kScale + 0.5);
  }
  // Sum of everything added at i by any worker; resets all sums to zero.
  std::vector<double> Collect();

 private:
  static constexpr double kScale = 68719476736.0;  // 2^36
  size_t size_;
  int workers_;
  std::vector<int64_t> sums_;
};

// A group h related to the link's target group g other than by kContradicts.
struct Link {
  uint32_t from = 0;                     // global group index h
  Relation relation = Relation::kEqual;  // relation of h's value to g's
};

struct Problem {
  const ClaimGraph* graph = nullptr;
  uint32_t num_sources = 0;

  // The votes of group g, one per distinct source stating it, are the
  // entries vote_sa[vote_begin(g) .. vote_end(g)) of its vote set, in source
  // order; each names the source-attribute pair of its source and the
  // question's predicate. Groups stated by the same sources on the same
  // attribute share a set (sources that copy one another make such groups
  // common), so work per vote is done once per set.
  std::vector<uint32_t> group_set;
  std::vector<uint32_t> set_begin;  // num_sets + 1 entries
  std::vector<uint32_t> vote_sa;
  std::vector<uint32_t> set_groups;            // groups using each set
  std::vector<uint32_t> set_contested_groups;  // ... in contested questions

  // Source-attribute pairs, ordered by (source, attribute); the pairs of
  // source s are [source_sa_begin[s], source_sa_begin[s + 1]).
  std::vector<uint32_t> sa_source;
  std::vector<uint32_t> sa_votes;  // number of votes per pair, over all groups
  // Votes per pair in questions that at least two sources answer.
  std::vector<uint32_t> sa_contested_votes;
  std::vector<uint32_t> source_sa_begin;
  std::vector<uint32_t> source_votes;  // number of votes per source

  // Distinct sources that answer each question.
  std::vector<uint32_t> question_sources;

  // Question shapes: questions whose groups have the same vote sets, the
  // same links and equal counts, in the same order, get the same scores, so
  // the iterative methods solve one question per shape (a few thousand
  // shapes cover Flight's 200,000 questions). Shape s's groups take
  // [shape_first[s], shape_first[s + 1]) in per-shape group arrays.
  std::vector<uint32_t> question_shape;
  std::vector<uint32_t> shape_question;   // the first question of each shape
  std::vector<uint32_t> shape_questions;  // questions of each shape
  std::vector<uint32_t> shape_first;

  // Links into group g: links[link_begin[g] .. link_begin[g + 1]).
  std::vector<uint32_t> link_begin;
  std::vector<Link> links;
  // Groups whose value is kEqual to g's, g included (>= 1).
  std::vector<uint32_t> equal_count;

  size_t num_groups() const { return group_set.size(); }
  size_t num_shapes() const { return shape_question.size(); }
  size_t num_sets() const { return set_groups.size(); }
  size_t num_votes() const { return vote_sa.size(); }  // over all sets
  size_t num_questions() const { return graph->questions.size(); }
  uint32_t vote_begin(uint32_t g) const { return set_begin[group_set[g]]; }
  uint32_t vote_end(uint32_t g) const { return set_begin[group_set[g] + 1]; }
  uint32_t num_votes(uint32_t g) const { return vote_end(g) - vote_begin(g); }
  uint32_t source(uint32_t vote) const { return sa_source[vote_sa[vote]]; }
};

// Spreads per-shape group values (indexed from shape_first) over every
// question of each shape: the result has one value per graph group.
std::vector<double> SpreadOverQuestions(const Problem& p,
                                        const std::vector<double>& by_shape);

// Flattens `graph`. Linear in claims plus the compared relations.
Problem BuildProblem(const ClaimGraph& graph);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_PROBLEM_H_
