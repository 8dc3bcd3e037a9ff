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
//
// Pathological questions (a free-text attribute with thousands of distinct
// values) would make pairwise comparison quadratic. A question compares at
// most kMaxComparedGroups of its groups: those stated by the most distinct
// sources (then the most claims, then key text). Every other group of it is
// taken to contradict every group but itself, without calling Compare(), and
// gets no compatible/contradicts edges. Distinct values of a question usually
// do disagree, and the answer comes from the best-supported groups anyway.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_GRAPH_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_GRAPH_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "crosscheck/corpus.h"
#include "crosscheck/value.h"

namespace crosscheck {

// kAgrees: same value group, or two groups whose values are kEqual (the
// same value written differently, e.g. the same instant in two time zones).
// kCompatible: any other relation but kContradicts.
enum class EdgeKind : uint8_t { kAgrees, kCompatible, kContradicts };
// "agrees", "compatible", "contradicts".
absl::string_view EdgeKindName(EdgeKind kind);

// Upper bound on the groups of one question that are compared pairwise.
inline constexpr uint32_t kMaxComparedGroups = 128;
inline constexpr uint32_t kNotCompared = UINT32_MAX;

struct ClaimEdge {
  EdgeKind kind = EdgeKind::kAgrees;
  Relation relation =
      Relation::kEqual;  // of the source vertex's value to the target's
};

using ClaimCsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       ClaimEdge, boost::no_property, uint32_t,
                                       uint32_t>;

struct ClaimGraph {
  struct Question {
    StringId subject = kNoString;
    StringId predicate = kNoString;
    uint32_t first_group = 0;  // groups [first_group, first_group + num_groups)
    uint32_t num_groups = 0;
    // Groups that were compared: min(num_groups, kMaxComparedGroups).
    uint32_t num_compared = 0;
    uint64_t first_relation = 0;  // num_compared^2 entries in `relations`
  };
  struct Group {
    ValueId value = kNoValue;
    uint32_t question = 0;
    // Entries [first_claim, first_claim + num_claims) of `claims` and
    // `claim_source`.
    uint32_t first_claim = 0;
    uint32_t num_claims = 0;
    // Row/column of this group in its question's relation matrix, or
    // kNotCompared. Equal to the group's local index when num_groups <=
    // kMaxComparedGroups.
    uint32_t slot = kNotCompared;
    // The value is a denial ("not wagner", Value::kDenied): at equal
    // confidence, an answer prefers a value to a denial.
    bool denial = false;
  };

  std::vector<Question> questions;  // sorted by (subject, predicate) text
  // By question, then by value key text (values with equal keys by their
  // content). Claims of a group are sorted by source name, then corpus index.
  std::vector<Group> groups;
  std::vector<uint32_t> claims;  // corpus claim indices, grouped
  // Parallel to `claims`: index into `sources`.
  std::vector<uint32_t> claim_source;
  // Parallel to `claims`: the claim's raw value string as written
  // (Claim::raw_value). Equal ids mean byte-identical strings; ids depend on
  // input order, so they are compared, never ordered. Copy detection reads
  // it; empty for graphs not built by BuildClaimGraph (then no raw-string
  // evidence is used).
  std::vector<StringId> claim_raw;
  std::vector<StringId> sources;  // distinct sources, sorted by name
  // Row-major per question, indexed by slot: relations[q.first_relation +
  // slot_i * q.num_compared + slot_j] is the relation of group i's value to
  // group j's. Use relation() rather than indexing directly.
  std::vector<Relation> relations;
  // Vertices are corpus claim indices (every claim of the corpus). Edges:
  // each group member but the first -> the group's first claim (kAgrees,
  // kEqual); for compared groups i < j of a question, first claim of i ->
  // first claim of j with the relation of i to j (one edge per pair).
  ClaimCsrGraph graph;

  // Relation of group i's value to group j's, i and j local to `q`: kEqual
  // when i == j, kContradicts when either group was not compared.
  Relation relation(const Question& q, uint32_t i, uint32_t j) const {
    if (i == j) return Relation::kEqual;
    const uint32_t si = groups[q.first_group + i].slot;
    const uint32_t sj = groups[q.first_group + j].slot;
    if (si == kNotCompared || sj == kNotCompared) return Relation::kContradicts;
    return relations[q.first_relation + uint64_t{si} * q.num_compared + sj];
  }
};

// Builds the graph over every claim of `corpus`. REQUIRES: claims are typed
// (TypeClaims) and in canonical order (CanonicalizeOrder); the result then
// does not depend on input order. InvalidArgument if a claim is untyped (or
// its value is not in corpus.values) or lacks a source, subject or predicate.
absl::StatusOr<ClaimGraph> BuildClaimGraph(const Corpus& corpus);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_GRAPH_H_
