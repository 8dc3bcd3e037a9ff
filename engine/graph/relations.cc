#include "graph/relations.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace crosscheck::internal {

Relation InverseRelation(Relation r) {
  switch (r) {
    case Relation::kGeneralizes:
      return Relation::kSpecializes;
    case Relation::kSpecializes:
      return Relation::kGeneralizes;
    case Relation::kEqual:
    case Relation::kOverlaps:
    case Relation::kContradicts:
      return r;
  }
  return r;
}

EdgeKind EdgeKindOf(Relation r) {
  switch (r) {
    case Relation::kEqual:
      return EdgeKind::kAgrees;
    case Relation::kContradicts:
      return EdgeKind::kContradicts;
    case Relation::kGeneralizes:
    case Relation::kSpecializes:
    case Relation::kOverlaps:
      return EdgeKind::kCompatible;
  }
  return EdgeKind::kContradicts;
}

uint32_t DistinctSources(const ClaimGraph& graph,
                         const ClaimGraph::Group& group) {
  // Claims of a group are sorted by source, so distinct sources are runs.
  uint32_t count = 0;
  for (uint32_t k = 0; k < group.num_claims; ++k) {
    const uint32_t i = group.first_claim + k;
    if (k == 0 || graph.claim_source[i] != graph.claim_source[i - 1]) ++count;
  }
  return count;
}

std::vector<uint32_t> ChooseComparedGroups(const ClaimGraph& graph,
                                           const ClaimGraph::Group* groups,
                                           uint32_t num_groups) {
  std::vector<uint32_t> chosen(num_groups);
  std::iota(chosen.begin(), chosen.end(), 0);
  if (num_groups <= kMaxComparedGroups) return chosen;
  std::vector<uint32_t> sources(num_groups);
  for (uint32_t i = 0; i < num_groups; ++i) {
    sources[i] = DistinctSources(graph, groups[i]);
  }
  auto better = [&](uint32_t a, uint32_t b) {
    return std::make_tuple(sources[b], groups[b].num_claims, a) <
           std::make_tuple(sources[a], groups[a].num_claims, b);
  };
  std::nth_element(chosen.begin(), chosen.begin() + kMaxComparedGroups,
                   chosen.end(), better);
  chosen.resize(kMaxComparedGroups);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace crosscheck::internal
