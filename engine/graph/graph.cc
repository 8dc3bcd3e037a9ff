// BuildClaimGraph. Memory that is touched for the first time is the main cost
// of building a graph over millions of claims (page faults), so the builder
// keeps few temporaries: a canonical corpus is walked in place, questions are
// runs of it, and the CSR is built in place from the edge arrays.
#include "crosscheck/graph.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "graph/memory.h"
#include "graph/relations.h"

namespace crosscheck {

absl::string_view EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kAgrees:
      return "agrees";
    case EdgeKind::kCompatible:
      return "compatible";
    case EdgeKind::kContradicts:
      return "contradicts";
  }
  return "unknown";
}

namespace {

constexpr uint32_t kUnranked = UINT32_MAX;

absl::Status CheckClaims(const Corpus& corpus) {
  const size_t num_strings = corpus.strings.size();
  for (size_t i = 0; i < corpus.claims.size(); ++i) {
    const Claim& c = corpus.claims[i];
    const char* problem = nullptr;
    if (c.value == kNoValue || c.value >= corpus.values.size()) {
      problem = "has no typed value";
    } else if (c.source >= num_strings || c.subject >= num_strings ||
               c.predicate >= num_strings) {
      problem = "lacks a source, subject or predicate";
    }
    if (problem == nullptr) continue;
    const std::string file = c.location.file < corpus.files.size()
                                 ? corpus.files[c.location.file].path
                                 : std::string("?");
    return absl::InvalidArgumentError(
        absl::StrCat(file, ":", c.location.line, ":", c.location.column,
                     ": claim ", i, " ", problem));
  }
  return absl::OkStatus();
}

// Text order of (subject, predicate).
bool QuestionLess(const Corpus& corpus, const Claim& a, const Claim& b) {
  const absl::string_view sa = corpus.strings.Get(a.subject);
  const absl::string_view sb = corpus.strings.Get(b.subject);
  if (sa != sb) return sa < sb;
  return corpus.strings.Get(a.predicate) < corpus.strings.Get(b.predicate);
}

bool SameQuestion(const Claim& a, const Claim& b) {
  return a.subject == b.subject && a.predicate == b.predicate;
}

// Claim indices ordered by question, or empty if the corpus already is (the
// canonical order CanonicalizeOrder gives).
std::vector<uint32_t> QuestionOrder(const Corpus& corpus) {
  const std::vector<Claim>& claims = corpus.claims;
  bool sorted = true;
  for (size_t i = 1; i < claims.size() && sorted; ++i) {
    if (!SameQuestion(claims[i - 1], claims[i])) {
      sorted = QuestionLess(corpus, claims[i - 1], claims[i]);
    }
  }
  std::vector<uint32_t> order;
  if (sorted) return order;
  order.resize(claims.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return QuestionLess(corpus, claims[a], claims[b]);
  });
  return order;
}

// Total order on values by content: key text first, as graph.h promises.
bool ValueLess(const ValueStore& store, ValueId a, ValueId b) {
  if (a == b) return false;
  const absl::string_view ka = store.Key(a), kb = store.Key(b);
  if (ka != kb) return ka < kb;
  const Value& x = store.Get(a);
  const Value& y = store.Get(b);
  const auto tx = std::make_tuple(x.kind, x.hedge, x.granularity, x.flags,
                                  x.utc_offset_minutes, x.lo, x.hi);
  const auto ty = std::make_tuple(y.kind, y.hedge, y.granularity, y.flags,
                                  y.utc_offset_minutes, y.lo, y.hi);
  if (tx != ty) return tx < ty;
  const absl::string_view ux = store.unit(x.unit), uy = store.unit(y.unit);
  if (ux != uy) return ux < uy;
  return a < b;
}

// Maps every value to the representative of its (kind, key) class: values
// that differ only in how they were obtained (a year taken from context, an
// "(Estimated)" mark) print the same and must not split a group. The
// representative is the least value in ValueLess order, so it does not depend
// on ValueId assignment.
std::vector<ValueId> CanonicalValues(const ValueStore& store) {
  std::vector<ValueId> canonical(store.size());
  absl::flat_hash_map<std::pair<ValueKind, uint32_t>, ValueId> first;
  for (ValueId v = 0; v < store.size(); ++v) {
    auto [it, inserted] = first.try_emplace({store.Get(v).kind, store.Get(v).key}, v);
    if (!inserted && ValueLess(store, v, it->second)) it->second = v;
  }
  for (ValueId v = 0; v < store.size(); ++v) {
    canonical[v] = first.at({store.Get(v).kind, store.Get(v).key});
  }
  return canonical;
}

class Builder {
 public:
  explicit Builder(const Corpus& corpus)
      : corpus_(corpus),
        value_slot_(corpus.values.size(), kUnranked),
        canonical_(CanonicalValues(corpus.values)) {}

  ClaimGraph Build();

 private:
  void RankSources();
  void AddQuestion();
  void GroupMembers();
  void AddRelations(ClaimGraph::Question* q);
  void AddEdges();

  const Claim& claim(uint32_t i) const { return corpus_.claims[i]; }
  // Claims whose values have the same kind and key are one group.
  ValueId value_of(uint32_t i) const { return canonical_[claim(i).value]; }
  uint32_t slot_of(uint32_t i) const { return value_slot_[value_of(i)]; }
  uint32_t source_of(uint32_t i) const { return source_rank_[claim(i).source]; }
  uint32_t head(const ClaimGraph::Group& group) const {
    return g_.claims[group.first_claim];
  }

  const Corpus& corpus_;
  ClaimGraph g_;
  std::vector<uint32_t> source_rank_;  // by StringId
  std::vector<uint32_t> value_slot_;   // by ValueId: local group, scratch
  std::vector<ValueId> canonical_;     // by ValueId: the group's value
  // The current question: its claims in corpus order, then grouped.
  std::vector<uint32_t> members_;
  std::vector<uint32_t> grouped_;
  std::vector<ValueId> distinct_;
  std::vector<uint32_t> bucket_;
  std::vector<ValueId> compared_values_;
  std::vector<uint32_t> edge_sources_;
  std::vector<uint32_t> edge_targets_;
  std::vector<ClaimEdge> edge_props_;
};

ClaimGraph Builder::Build() {
  RankSources();
  const std::vector<uint32_t> order = QuestionOrder(corpus_);
  const bool sorted = order.empty();
  const size_t n = corpus_.claims.size();
  auto index = [&](size_t k) {
    return sorted ? static_cast<uint32_t>(k) : order[k];
  };
  internal::ReserveLarge(&g_.claims, n);
  internal::ReserveLarge(&g_.claim_source, n);
  internal::ReserveLarge(&g_.claim_raw, n);
  internal::ReserveLarge(&g_.groups, n);
  internal::ReserveLarge(&g_.relations, 2 * n);
  internal::ReserveLarge(&g_.questions, n / 4);
  for (size_t b = 0; b < n;) {
    size_t e = b + 1;
    while (e < n && SameQuestion(claim(index(b)), claim(index(e)))) ++e;
    members_.clear();
    for (size_t k = b; k < e; ++k) members_.push_back(index(k));
    AddQuestion();
    b = e;
  }
  AddEdges();
  // Builds in place: the target and property arrays become the graph's.
  g_.graph = ClaimCsrGraph(boost::construct_inplace_from_sources_and_targets,
                           edge_sources_, edge_targets_, edge_props_,
                           static_cast<uint32_t>(n));
  return std::move(g_);
}

void Builder::RankSources() {
  source_rank_.assign(corpus_.strings.size(), kUnranked);
  std::vector<StringId>& ids = g_.sources;
  for (const Claim& c : corpus_.claims) {
    if (source_rank_[c.source] == kUnranked) {
      source_rank_[c.source] = 0;
      ids.push_back(c.source);
    }
  }
  std::sort(ids.begin(), ids.end(), [&](StringId a, StringId b) {
    return corpus_.strings.Get(a) < corpus_.strings.Get(b);
  });
  for (uint32_t i = 0; i < ids.size(); ++i) source_rank_[ids[i]] = i;
}

// Orders members_ into grouped_ by (local group, source rank, claim index).
// Claims of a canonical corpus are sorted by source within a question, so a
// stable bucketing by group suffices; anything else is sorted.
void Builder::GroupMembers() {
  bucket_.assign(distinct_.size() + 1, 0);
  bool by_source = true;
  for (size_t k = 0; k < members_.size(); ++k) {
    ++bucket_[slot_of(members_[k]) + 1];
    if (k > 0) {
      by_source &= std::make_pair(source_of(members_[k - 1]), members_[k - 1]) <
                   std::make_pair(source_of(members_[k]), members_[k]);
    }
  }
  grouped_.resize(members_.size());
  if (!by_source) {
    grouped_ = members_;
    std::sort(grouped_.begin(), grouped_.end(), [&](uint32_t a, uint32_t b) {
      return std::make_tuple(slot_of(a), source_of(a), a) <
             std::make_tuple(slot_of(b), source_of(b), b);
    });
    return;
  }
  for (size_t i = 1; i < bucket_.size(); ++i) bucket_[i] += bucket_[i - 1];
  for (uint32_t m : members_) grouped_[bucket_[slot_of(m)]++] = m;
}

void Builder::AddQuestion() {
  const ValueStore& store = corpus_.values;
  distinct_.clear();
  for (uint32_t m : members_) {
    const ValueId v = value_of(m);
    if (value_slot_[v] == kUnranked) {
      value_slot_[v] = 0;
      distinct_.push_back(v);
    }
  }
  if (distinct_.size() > 1) {
    std::sort(distinct_.begin(), distinct_.end(),
              [&](ValueId a, ValueId b) { return ValueLess(store, a, b); });
  }
  for (uint32_t i = 0; i < distinct_.size(); ++i) value_slot_[distinct_[i]] = i;
  GroupMembers();

  ClaimGraph::Question q;
  q.subject = claim(members_[0]).subject;
  q.predicate = claim(members_[0]).predicate;
  q.first_group = static_cast<uint32_t>(g_.groups.size());
  q.num_groups = static_cast<uint32_t>(distinct_.size());
  const uint32_t question_index = static_cast<uint32_t>(g_.questions.size());
  for (uint32_t m : grouped_) {
    if (g_.groups.size() == q.first_group + slot_of(m)) {
      ClaimGraph::Group group;
      group.value = value_of(m);
      group.denial = corpus_.values.Get(group.value).has(Value::kDenied);
      group.question = question_index;
      group.first_claim = static_cast<uint32_t>(g_.claims.size());
      g_.groups.push_back(group);
    }
    ++g_.groups.back().num_claims;
    g_.claims.push_back(m);
    g_.claim_source.push_back(source_of(m));
    g_.claim_raw.push_back(claim(m).raw_value);
  }
  for (ValueId v : distinct_) value_slot_[v] = kUnranked;
  AddRelations(&q);
  g_.questions.push_back(q);
}

void Builder::AddRelations(ClaimGraph::Question* q) {
  ClaimGraph::Group* groups = &g_.groups[q->first_group];
  q->first_relation = g_.relations.size();
  if (q->num_groups <= kMaxComparedGroups) {
    q->num_compared = q->num_groups;
    for (uint32_t i = 0; i < q->num_groups; ++i) groups[i].slot = i;
  } else {
    const std::vector<uint32_t> compared =
        internal::ChooseComparedGroups(g_, groups, q->num_groups);
    q->num_compared = static_cast<uint32_t>(compared.size());
    for (uint32_t s = 0; s < compared.size(); ++s) groups[compared[s]].slot = s;
  }
  const size_t m = q->num_compared;
  g_.relations.resize(g_.relations.size() + m * m, Relation::kEqual);
  if (m < 2) return;
  // Slots follow group order, so compared groups are visited in slot order.
  compared_values_.clear();
  for (uint32_t i = 0; i < q->num_groups; ++i) {
    if (groups[i].slot != kNotCompared)
      compared_values_.push_back(groups[i].value);
  }
  Relation* matrix = &g_.relations[q->first_relation];
  for (size_t i = 0; i < m; ++i) {
    for (size_t j = i + 1; j < m; ++j) {
      const Relation r =
          Compare(corpus_.values, compared_values_[i], compared_values_[j]);
      matrix[i * m + j] = r;
      matrix[j * m + i] = internal::InverseRelation(r);
    }
  }
}

// Fills the edge arrays, counted first so that they are allocated once:
// each member to its group's first claim, and each compared group's first
// claim to that of every later compared group.
void Builder::AddEdges() {
  size_t count = g_.claims.size() - g_.groups.size();
  for (const ClaimGraph::Question& q : g_.questions) {
    count +=
        uint64_t{q.num_compared} * (q.num_compared - (q.num_compared > 0)) / 2;
  }
  internal::ReserveLarge(&edge_sources_, count);
  internal::ReserveLarge(&edge_targets_, count);
  internal::ReserveLarge(&edge_props_, count);
  for (const ClaimGraph::Question& q : g_.questions) {
    for (uint32_t i = 0; i < q.num_groups; ++i) {
      const ClaimGraph::Group& group = g_.groups[q.first_group + i];
      for (uint32_t k = 1; k < group.num_claims; ++k) {
        edge_sources_.push_back(g_.claims[group.first_claim + k]);
        edge_targets_.push_back(head(group));
        edge_props_.push_back(ClaimEdge{EdgeKind::kAgrees, Relation::kEqual});
      }
      if (group.slot == kNotCompared) continue;
      for (uint32_t j = i + 1; j < q.num_groups; ++j) {
        const ClaimGraph::Group& other = g_.groups[q.first_group + j];
        if (other.slot == kNotCompared) continue;
        const Relation r = g_.relation(q, i, j);
        edge_sources_.push_back(head(group));
        edge_targets_.push_back(head(other));
        edge_props_.push_back(ClaimEdge{internal::EdgeKindOf(r), r});
      }
    }
  }
}

}  // namespace

absl::StatusOr<ClaimGraph> BuildClaimGraph(const Corpus& corpus) {
  absl::Status status = CheckClaims(corpus);
  if (!status.ok()) return status;
  return Builder(corpus).Build();
}

}  // namespace crosscheck
