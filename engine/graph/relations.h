// Helpers of the graph builder that tests exercise directly.
#ifndef CROSSCHECK_ENGINE_GRAPH_RELATIONS_H_
#define CROSSCHECK_ENGINE_GRAPH_RELATIONS_H_

#include <cstdint>
#include <vector>

#include "crosscheck/graph.h"
#include "crosscheck/value.h"

namespace crosscheck::internal {

// The relation of b to a, given the relation `r` of a to b.
Relation InverseRelation(Relation r);

// The edge kind that stands for relation `r` between two groups.
EdgeKind EdgeKindOf(Relation r);

// Local indices, ascending, of the groups of one question that are compared
// pairwise: all of them up to kMaxComparedGroups, else the kMaxComparedGroups
// stated by the most distinct sources (then most claims, then lower index).
// `groups` points at the question's `num_groups` groups inside `graph`, whose
// claims and claim_source are filled.
std::vector<uint32_t> ChooseComparedGroups(const ClaimGraph& graph,
                                           const ClaimGraph::Group* groups,
                                           uint32_t num_groups);

// Number of distinct sources among the claims of `group`.
uint32_t DistinctSources(const ClaimGraph& graph,
                         const ClaimGraph::Group& group);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_GRAPH_RELATIONS_H_
