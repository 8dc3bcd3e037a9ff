#include "crosscheck/graph.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "graph/relations.h"

namespace crosscheck {

absl::string_view EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kAgrees: return "agrees";
    case EdgeKind::kCompatible: return "compatible";
    case EdgeKind::kContradicts: return "contradicts";
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
    if (problem != nullptr) {
      const std::string file = c.location.file < corpus.files.size()
                                   ? corpus.files[c.location.file].path
                                   : std::string("?");
      return absl::InvalidArgumentError(absl::StrCat(
          file, ":", c.location.line, ":", c.location.column, ": claim ", i,
          " ", problem));
    }
  }
  return absl::OkStatus();
}

// rank[id] = text order of string `id` among the distinct values `field`
// takes over the claims; kUnranked for strings it never takes.
template <typename Field>
std::vector<uint32_t> RankStrings(const Corpus& corpus, Field field,
                                  std::vector<StringId>* sorted_ids) {
  std::vector<uint32_t> rank(corpus.strings.size(), kUnranked);
  std::vector<StringId>& ids = *sorted_ids;
  ids.clear();
  for (const Claim& c : corpus.claims) {
    const StringId id = field(c);
    if (rank[id] == kUnranked) {
      rank[id] = 0;
      ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end(), [&](StringId a, StringId b) {
    return corpus.strings.Get(a) < corpus.strings.Get(b);
  });
  for (uint32_t i = 0; i < ids.size(); ++i) rank[ids[i]] = i;
  return rank;
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

// Claim indices ordered by question (subject, predicate text). Canonical
// corpora are already in this order, which is checked in one pass.
std::vector<uint32_t> OrderByQuestion(const std::vector<uint64_t>& key) {
  std::vector<uint32_t> order(key.size());
  std::iota(order.begin(), order.end(), 0);
  if (!std::is_sorted(key.begin(), key.end())) {
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
  }
  return order;
}

class Builder {
 public:
  explicit Builder(const Corpus& corpus)
      : corpus_(corpus), value_slot_(corpus.values.size(), kUnranked) {}

  ClaimGraph Build() {
    std::vector<StringId> subjects, predicates;
    const std::vector<uint32_t> subject_rank = RankStrings(
        corpus_, [](const Claim& c) { return c.subject; }, &subjects);
    const std::vector<uint32_t> predicate_rank = RankStrings(
        corpus_, [](const Claim& c) { return c.predicate; }, &predicates);
    source_rank_ = RankStrings(
        corpus_, [](const Claim& c) { return c.source; }, &g_.sources);

    const size_t n = corpus_.claims.size();
    std::vector<uint64_t> key(n);
    for (size_t i = 0; i < n; ++i) {
      const Claim& c = corpus_.claims[i];
      key[i] = (uint64_t{subject_rank[c.subject]} << 32) |
               predicate_rank[c.predicate];
    }
    std::vector<uint32_t> order = OrderByQuestion(key);
    g_.claims.reserve(n);
    g_.claim_source.reserve(n);
    for (size_t b = 0; b < n;) {
      size_t e = b + 1;
      while (e < n && key[order[e]] == key[order[b]]) ++e;
      AddQuestion(&order[b], &order[e]);
      b = e;
    }
    BuildCsr();
    return std::move(g_);
  }

 private:
  void AddQuestion(uint32_t* begin, uint32_t* end);
  void AddRelations(ClaimGraph::Question* q);
  void BuildCsr();

  const Corpus& corpus_;
  ClaimGraph g_;
  std::vector<uint32_t> source_rank_;
  std::vector<uint32_t> value_slot_;  // scratch: local group of a value
  std::vector<ValueId> distinct_;     // scratch
};

void Builder::AddQuestion(uint32_t* begin, uint32_t* end) {
  const ValueStore& store = corpus_.values;
  distinct_.clear();
  for (uint32_t* it = begin; it != end; ++it) {
    const ValueId v = corpus_.claims[*it].value;
    if (value_slot_[v] == kUnranked) {
      value_slot_[v] = 0;
      distinct_.push_back(v);
    }
  }
  std::sort(distinct_.begin(), distinct_.end(), [&](ValueId a, ValueId b) {
    return ValueLess(store, a, b);
  });
  for (uint32_t i = 0; i < distinct_.size(); ++i) value_slot_[distinct_[i]] = i;
  std::sort(begin, end, [&](uint32_t a, uint32_t b) {
    const Claim& x = corpus_.claims[a];
    const Claim& y = corpus_.claims[b];
    return std::make_tuple(value_slot_[x.value], source_rank_[x.source], a) <
           std::make_tuple(value_slot_[y.value], source_rank_[y.source], b);
  });

  const Claim& first = corpus_.claims[*begin];
  ClaimGraph::Question q;
  q.subject = first.subject;
  q.predicate = first.predicate;
  q.first_group = static_cast<uint32_t>(g_.groups.size());
  q.num_groups = static_cast<uint32_t>(distinct_.size());
  const uint32_t question_index = static_cast<uint32_t>(g_.questions.size());
  for (uint32_t* it = begin; it != end; ++it) {
    const Claim& c = corpus_.claims[*it];
    const uint32_t local = value_slot_[c.value];
    if (g_.groups.size() == q.first_group + local) {
      ClaimGraph::Group group;
      group.value = c.value;
      group.question = question_index;
      group.first_claim = static_cast<uint32_t>(g_.claims.size());
      g_.groups.push_back(group);
    }
    ++g_.groups.back().num_claims;
    g_.claims.push_back(*it);
    g_.claim_source.push_back(source_rank_[c.source]);
  }
  for (ValueId v : distinct_) value_slot_[v] = kUnranked;
  AddRelations(&q);
  g_.questions.push_back(q);
}

void Builder::AddRelations(ClaimGraph::Question* q) {
  ClaimGraph::Group* groups = &g_.groups[q->first_group];
  const std::vector<uint32_t> compared =
      internal::ChooseComparedGroups(g_, groups, q->num_groups);
  q->num_compared = static_cast<uint32_t>(compared.size());
  q->first_relation = g_.relations.size();
  for (uint32_t s = 0; s < compared.size(); ++s) groups[compared[s]].slot = s;
  const size_t m = compared.size();
  g_.relations.resize(g_.relations.size() + m * m, Relation::kEqual);
  Relation* matrix = &g_.relations[q->first_relation];
  for (size_t i = 0; i < m; ++i) {
    const ValueId vi = groups[compared[i]].value;
    for (size_t j = i + 1; j < m; ++j) {
      const Relation r = Compare(corpus_.values, vi, groups[compared[j]].value);
      matrix[i * m + j] = r;
      matrix[j * m + i] = internal::InverseRelation(r);
    }
  }
}

void Builder::BuildCsr() {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<ClaimEdge> props;
  edges.reserve(g_.claims.size());
  props.reserve(g_.claims.size());
  for (const ClaimGraph::Group& group : g_.groups) {
    const uint32_t head = g_.claims[group.first_claim];
    for (uint32_t k = 1; k < group.num_claims; ++k) {
      edges.emplace_back(g_.claims[group.first_claim + k], head);
      props.push_back(ClaimEdge{EdgeKind::kAgrees, Relation::kEqual});
    }
  }
  for (const ClaimGraph::Question& q : g_.questions) {
    for (uint32_t i = 0; i < q.num_groups; ++i) {
      const ClaimGraph::Group& gi = g_.groups[q.first_group + i];
      if (gi.slot == kNotCompared) continue;
      for (uint32_t j = i + 1; j < q.num_groups; ++j) {
        const ClaimGraph::Group& gj = g_.groups[q.first_group + j];
        if (gj.slot == kNotCompared) continue;
        const Relation r = g_.relation(q, i, j);
        edges.emplace_back(g_.claims[gi.first_claim], g_.claims[gj.first_claim]);
        props.push_back(ClaimEdge{internal::EdgeKindOf(r), r});
      }
    }
  }
  g_.graph = ClaimCsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(),
                           edges.end(), props.begin(),
                           static_cast<uint32_t>(corpus_.claims.size()));
}

}  // namespace

absl::StatusOr<ClaimGraph> BuildClaimGraph(const Corpus& corpus) {
  absl::Status status = CheckClaims(corpus);
  if (!status.ok()) return status;
  return Builder(corpus).Build();
}

}  // namespace crosscheck
