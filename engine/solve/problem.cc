#include "solve/problem.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/types/span.h"
#include "graph/memory.h"

namespace crosscheck::internal {

int Workers(size_t n, size_t chunk, int threads) {
  const size_t num_chunks = (n + chunk - 1) / chunk;
  return static_cast<int>(std::max<size_t>(
      1,
      std::min<size_t>(num_chunks, static_cast<size_t>(std::max(threads, 1)))));
}

void ParallelFor(size_t n, size_t chunk, int threads,
                 const std::function<void(size_t, size_t, int)>& fn) {
  const size_t num_chunks = (n + chunk - 1) / chunk;
  const int workers = Workers(n, chunk, threads);
  if (workers <= 1) {
    for (size_t b = 0; b < n; b += chunk) fn(b, std::min(n, b + chunk), 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t c = next.fetch_add(1); c < num_chunks; c = next.fetch_add(1)) {
      fn(c * chunk, std::min(n, (c + 1) * chunk), worker);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (int t = 1; t < workers; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
}

ExactSums::ExactSums(size_t size, int workers)
    : size_(size),
      workers_(workers),
      sums_(size * static_cast<size_t>(workers), 0) {}

std::vector<double> ExactSums::Collect() {
  std::vector<double> out(size_);
  for (size_t i = 0; i < size_; ++i) {
    int64_t total = 0;
    for (int w = 0; w < workers_; ++w) {
      int64_t& s = sums_[static_cast<size_t>(w) * size_ + i];
      total += s;
      s = 0;
    }
    out[i] = static_cast<double>(total) / kScale;
  }
  return out;
}

namespace {

// Hashes and compares spans of keys stored in one growing array.
template <typename T>
struct SpanKey {
  const std::vector<T>* store;
  uint32_t begin;
  uint32_t size;

  absl::Span<const T> span() const {
    return absl::MakeConstSpan(store->data() + begin, size);
  }
  template <typename H>
  friend H AbslHashValue(H h, const SpanKey& k) {
    return H::combine(std::move(h), k.span());
  }
  friend bool operator==(const SpanKey& a, const SpanKey& b) {
    return a.span() == b.span();
  }
};
using SetKey = SpanKey<uint64_t>;

// Numbers each question's predicate in question order (questions are sorted
// by text, so the numbering depends on content only).
std::vector<uint32_t> NumberAttributes(const ClaimGraph& g, uint64_t* count) {
  absl::flat_hash_map<StringId, uint32_t> ids;
  std::vector<uint32_t> attribute(g.questions.size());
  for (size_t q = 0; q < g.questions.size(); ++q) {
    attribute[q] =
        ids.emplace(g.questions[q].predicate, static_cast<uint32_t>(ids.size()))
            .first->second;
  }
  *count = std::max<size_t>(ids.size(), 1);
  return attribute;
}

// Vote sets, first as spans of pair keys (source * attributes + attribute).
// Returns the keys of all sets, concatenated.
std::vector<uint64_t> BuildSets(const ClaimGraph& g,
                                const std::vector<uint32_t>& attribute,
                                uint64_t num_attributes, Problem* p) {
  std::vector<uint64_t> keys;
  ReserveLarge(&keys, g.claims.size());
  absl::flat_hash_map<SetKey, uint32_t> sets;
  p->group_set.resize(g.groups.size());
  p->set_begin.push_back(0);
  for (size_t gi = 0; gi < g.groups.size(); ++gi) {
    const ClaimGraph::Group& group = g.groups[gi];
    const uint32_t begin = static_cast<uint32_t>(keys.size());
    for (uint32_t k = 0; k < group.num_claims; ++k) {
      const uint32_t s = g.claim_source[group.first_claim + k];
      if (k > 0 && s == g.claim_source[group.first_claim + k - 1]) continue;
      keys.push_back(s * num_attributes + attribute[group.question]);
    }
    const SetKey key{&keys, begin, static_cast<uint32_t>(keys.size() - begin)};
    auto [it, inserted] =
        sets.emplace(key, static_cast<uint32_t>(p->set_groups.size()));
    if (inserted) {
      p->set_groups.push_back(0);
      p->set_begin.push_back(static_cast<uint32_t>(keys.size()));
    } else {
      keys.resize(begin);
    }
    p->group_set[gi] = it->second;
    ++p->set_groups[it->second];
  }
  return keys;
}

// Numbers the pair keys in order, which is (source, attribute) order, and
// fills vote_sa and the per-pair tables.
void NumberPairs(const std::vector<uint64_t>& keys, uint64_t num_attributes,
                 Problem* p) {
  std::vector<uint64_t> used(keys);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  p->vote_sa.resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    p->vote_sa[i] = static_cast<uint32_t>(
        std::lower_bound(used.begin(), used.end(), keys[i]) - used.begin());
  }
  p->sa_source.resize(used.size());
  p->source_sa_begin.assign(p->num_sources + 1, 0);
  for (size_t i = 0; i < used.size(); ++i) {
    p->sa_source[i] = static_cast<uint32_t>(used[i] / num_attributes);
    ++p->source_sa_begin[p->sa_source[i] + 1];
  }
  for (uint32_t s = 0; s < p->num_sources; ++s) {
    p->source_sa_begin[s + 1] += p->source_sa_begin[s];
  }
}

void CountVotes(const ClaimGraph& g, Problem* p) {
  std::vector<uint32_t> seen(p->num_sources, UINT32_MAX);
  p->question_sources.assign(g.questions.size(), 0);
  p->set_contested_groups.assign(p->num_sets(), 0);
  for (uint32_t q = 0; q < g.questions.size(); ++q) {
    const ClaimGraph::Question& question = g.questions[q];
    for (uint32_t gi = question.first_group;
         gi < question.first_group + question.num_groups; ++gi) {
      for (uint32_t v = p->vote_begin(gi); v < p->vote_end(gi); ++v) {
        const uint32_t s = p->source(v);
        if (seen[s] != q) {
          seen[s] = q;
          ++p->question_sources[q];
        }
      }
    }
    if (p->question_sources[q] < 2) continue;
    for (uint32_t gi = question.first_group;
         gi < question.first_group + question.num_groups; ++gi) {
      ++p->set_contested_groups[p->group_set[gi]];
    }
  }
  p->sa_votes.assign(p->sa_source.size(), 0);
  p->sa_contested_votes.assign(p->sa_source.size(), 0);
  for (uint32_t set = 0; set < p->num_sets(); ++set) {
    for (uint32_t v = p->set_begin[set]; v < p->set_begin[set + 1]; ++v) {
      p->sa_votes[p->vote_sa[v]] += p->set_groups[set];
      p->sa_contested_votes[p->vote_sa[v]] += p->set_contested_groups[set];
    }
  }
  p->source_votes.assign(p->num_sources, 0);
  for (size_t k = 0; k < p->sa_source.size(); ++k) {
    p->source_votes[p->sa_source[k]] += p->sa_votes[k];
  }
}

void BuildLinks(const ClaimGraph& g, Problem* p) {
  const size_t num_groups = g.groups.size();
  p->link_begin.assign(num_groups + 1, 0);
  p->equal_count.assign(num_groups, 1);
  for (const ClaimGraph::Question& q : g.questions) {
    for (uint32_t j = 0; j < q.num_groups; ++j) {
      const uint32_t target = q.first_group + j;
      p->link_begin[target] = static_cast<uint32_t>(p->links.size());
      if (g.groups[target].slot == kNotCompared) continue;
      for (uint32_t i = 0; i < q.num_groups; ++i) {
        if (i == j || g.groups[q.first_group + i].slot == kNotCompared)
          continue;
        const Relation r = g.relation(q, i, j);
        if (r == Relation::kContradicts) continue;
        p->links.push_back(Link{q.first_group + i, r});
        if (r == Relation::kEqual) ++p->equal_count[target];
      }
    }
  }
  p->link_begin[num_groups] = static_cast<uint32_t>(p->links.size());
}

// Groups questions by shape: a question's key lists, per group, its vote
// set, equal count and links (source local index, relation).
void BuildShapes(const ClaimGraph& g, Problem* p) {
  std::vector<uint32_t> keys;
  absl::flat_hash_map<SpanKey<uint32_t>, uint32_t> shapes;
  p->question_shape.resize(g.questions.size());
  p->shape_first.push_back(0);
  for (uint32_t q = 0; q < g.questions.size(); ++q) {
    const ClaimGraph::Question& question = g.questions[q];
    const uint32_t begin = static_cast<uint32_t>(keys.size());
    keys.push_back(question.num_groups);
    for (uint32_t gi = question.first_group;
         gi < question.first_group + question.num_groups; ++gi) {
      keys.push_back(p->group_set[gi]);
      keys.push_back(p->equal_count[gi]);
      keys.push_back(p->link_begin[gi + 1] - p->link_begin[gi]);
      for (uint32_t l = p->link_begin[gi]; l < p->link_begin[gi + 1]; ++l) {
        keys.push_back(p->links[l].from - question.first_group);
        keys.push_back(static_cast<uint32_t>(p->links[l].relation));
      }
    }
    const SpanKey<uint32_t> key{&keys, begin,
                                static_cast<uint32_t>(keys.size() - begin)};
    auto [it, inserted] =
        shapes.emplace(key, static_cast<uint32_t>(p->shape_question.size()));
    if (inserted) {
      p->shape_question.push_back(q);
      p->shape_questions.push_back(0);
      p->shape_first.push_back(p->shape_first.back() + question.num_groups);
    } else {
      keys.resize(begin);
    }
    p->question_shape[q] = it->second;
    ++p->shape_questions[it->second];
  }
}

}  // namespace

std::vector<double> SpreadOverQuestions(const Problem& p,
                                        const std::vector<double>& by_shape) {
  std::vector<double> out;
  ReserveLarge(&out, p.num_groups());
  out.resize(p.num_groups());
  const ClaimGraph& g = *p.graph;
  for (uint32_t q = 0; q < g.questions.size(); ++q) {
    const uint32_t first = p.shape_first[p.question_shape[q]];
    std::copy_n(by_shape.begin() + first, g.questions[q].num_groups,
                out.begin() + g.questions[q].first_group);
  }
  return out;
}

Problem BuildProblem(const ClaimGraph& graph) {
  Problem p;
  p.graph = &graph;
  p.num_sources = static_cast<uint32_t>(graph.sources.size());
  uint64_t num_attributes = 1;
  const std::vector<uint32_t> attribute =
      NumberAttributes(graph, &num_attributes);
  const std::vector<uint64_t> keys =
      BuildSets(graph, attribute, num_attributes, &p);
  NumberPairs(keys, num_attributes, &p);
  CountVotes(graph, &p);
  BuildLinks(graph, &p);
  BuildShapes(graph, &p);
  return p;
}

}  // namespace crosscheck::internal
