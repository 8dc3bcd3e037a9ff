// The claim graph: which claims answer the same question, and how their
// values relate.
//
// A question is what several claims answer; for tables it is (subject,
// predicate). Inside a question, claims whose typed values are identical form
// a value group; groups relate pairwise by Relation (crosscheck/value.h).
// Claims are the vertices of a Boost compressed_sparse_row_graph whose edges
// say `agrees` (same group; each member is linked to the group's first claim,
// so agreement costs linear space), `compatible` or `contradicts` (between the
// first claims of two groups). The solver reads the flat arrays beside it.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_GRAPH_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_GRAPH_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "crosscheck/corpus.h"
#include "crosscheck/value.h"

namespace crosscheck {

enum class EdgeKind : uint8_t { kAgrees, kCompatible, kContradicts };
absl::string_view EdgeKindName(EdgeKind kind);

struct ClaimEdge {
  EdgeKind kind = EdgeKind::kAgrees;
  Relation relation = Relation::kEqual;  // of the source vertex's value to the target's
};

using ClaimCsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       ClaimEdge, boost::no_property,
                                       uint32_t, uint32_t>;

struct ClaimGraph {
  struct Question {
    StringId subject = kNoString;
    StringId predicate = kNoString;
    uint32_t first_group = 0;  // groups [first_group, first_group + num_groups)
    uint32_t num_groups = 0;
    uint64_t first_relation = 0;  // num_groups^2 entries in `relations`
  };
  struct Group {
    ValueId value = kNoValue;
    uint32_t question = 0;
    uint32_t first_claim = 0;  // entries [first_claim, first_claim + num_claims)
    uint32_t num_claims = 0;   // of `claims` / `claim_source`
  };

  std::vector<Question> questions;  // sorted by (subject, predicate) text
  std::vector<Group> groups;        // by question, then by value key text
  std::vector<uint32_t> claims;     // corpus claim indices, grouped
  std::vector<uint32_t> claim_source;  // parallel to `claims`: index into sources
  std::vector<StringId> sources;       // distinct sources, sorted by name
  // Row-major per question: relations[q.first_relation + i * q.num_groups + j]
  // is the relation of group i's value to group j's (i, j local to q).
  std::vector<Relation> relations;
  ClaimCsrGraph graph;  // vertices are corpus claim indices

  Relation relation(const Question& q, uint32_t i, uint32_t j) const {
    return relations[q.first_relation + uint64_t{i} * q.num_groups + j];
  }
};

// Builds the graph over every typed claim of `corpus`. REQUIRES: claims are
// typed (TypeClaims) and in canonical order (CanonicalizeOrder); the result
// then does not depend on input order. InvalidArgument if a claim is untyped.
absl::StatusOr<ClaimGraph> BuildClaimGraph(const Corpus& corpus);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_GRAPH_H_
