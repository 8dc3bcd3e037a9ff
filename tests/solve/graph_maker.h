// Builds ClaimGraphs by hand for solver tests: questions of value groups, each
// group the list of sources stating it, with pairwise relations.
#ifndef CROSSCHECK_TESTS_SOLVE_GRAPH_MAKER_H_
#define CROSSCHECK_TESTS_SOLVE_GRAPH_MAKER_H_

#include <cstdint>
#include <random>
#include <vector>

#include "crosscheck/graph.h"

namespace crosscheck::testing {

struct RelationSpec {
  uint32_t a = 0;  // local group indices
  uint32_t b = 0;
  Relation relation = Relation::kContradicts;  // of a's value to b's
};

struct QuestionSpec {
  std::vector<std::vector<uint32_t>> groups;  // sources of each group
  std::vector<RelationSpec> relations;        // unlisted pairs contradict
  uint32_t predicate = 0;                     // attribute number
};

// Sources are numbered 0 .. num_sources - 1; every group gets a distinct
// ValueId and every claim a distinct corpus index. Source and predicate
// StringIds are their numbers (the solver never reads strings).
ClaimGraph MakeGraph(uint32_t num_sources,
                     const std::vector<QuestionSpec>& questions);

// A random graph: `num_questions` questions answered by random subsets of
// `num_sources` sources of varying accuracy, with some compatible pairs and
// some sources copying others. Same seed, same graph.
ClaimGraph RandomGraph(uint32_t num_sources, uint32_t num_questions,
                       uint32_t seed);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_SOLVE_GRAPH_MAKER_H_
