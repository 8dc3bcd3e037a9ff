#include "solve/problem.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/container/flat_hash_map.h"

namespace crosscheck::internal {

void ParallelFor(size_t n, size_t chunk, int threads,
                 const std::function<void(size_t, size_t)>& fn) {
  const size_t num_chunks = (n + chunk - 1) / chunk;
  const size_t workers =
      std::min<size_t>(num_chunks, static_cast<size_t>(std::max(threads, 1)));
  if (workers <= 1) {
    for (size_t b = 0; b < n; b += chunk) fn(b, std::min(n, b + chunk));
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t c = next.fetch_add(1); c < num_chunks; c = next.fetch_add(1)) {
      fn(c * chunk, std::min(n, (c + 1) * chunk));
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

namespace {

// Numbers predicates in order of first appearance over the questions, which
// are sorted by text: the numbering depends on content only.
void NumberAttributes(const ClaimGraph& g, Problem* p) {
  absl::flat_hash_map<StringId, uint32_t> ids;
  p->question_attribute.resize(g.questions.size());
  for (size_t q = 0; q < g.questions.size(); ++q) {
    auto [it, inserted] = ids.emplace(g.questions[q].predicate,
                                      static_cast<uint32_t>(ids.size()));
    p->question_attribute[q] = it->second;
  }
  p->num_attributes = static_cast<uint32_t>(ids.size());
}

void BuildVotes(const ClaimGraph& g, Problem* p) {
  const size_t num_groups = g.groups.size();
  p->group_vote_begin.assign(num_groups + 1, 0);
  p->vote_source.reserve(g.claims.size());
  p->vote_group.reserve(g.claims.size());
  for (size_t gi = 0; gi < num_groups; ++gi) {
    const ClaimGraph::Group& group = g.groups[gi];
    p->group_vote_begin[gi] = static_cast<uint32_t>(p->vote_source.size());
    for (uint32_t k = 0; k < group.num_claims; ++k) {
      const uint32_t s = g.claim_source[group.first_claim + k];
      if (k > 0 && s == g.claim_source[group.first_claim + k - 1]) continue;
      p->vote_source.push_back(s);
      p->vote_group.push_back(static_cast<uint32_t>(gi));
    }
  }
  p->group_vote_begin[num_groups] = static_cast<uint32_t>(p->vote_source.size());

  // Distinct sources per question: a source may vote in several groups.
  std::vector<uint32_t> seen(p->num_sources, UINT32_MAX);
  p->question_sources.assign(g.questions.size(), 0);
  for (size_t q = 0; q < g.questions.size(); ++q) {
    const ClaimGraph::Question& question = g.questions[q];
    const uint32_t b = p->group_vote_begin[question.first_group];
    const uint32_t e = p->group_vote_begin[question.first_group + question.num_groups];
    for (uint32_t v = b; v < e; ++v) {
      const uint32_t s = p->vote_source[v];
      if (seen[s] != q) {
        seen[s] = static_cast<uint32_t>(q);
        ++p->question_sources[q];
      }
    }
  }
}

// Source-attribute pairs, numbered in (source, attribute) order.
void BuildSourceAttributes(const ClaimGraph& g, Problem* p) {
  const size_t num_votes = p->vote_source.size();
  const uint64_t na = std::max<uint32_t>(p->num_attributes, 1);
  std::vector<uint64_t> key(num_votes);
  for (size_t v = 0; v < num_votes; ++v) {
    const uint32_t q = g.groups[p->vote_group[v]].question;
    key[v] = p->vote_source[v] * na + p->question_attribute[q];
  }
  const uint64_t dense_size = uint64_t{p->num_sources} * na;
  std::vector<uint32_t> index;
  absl::flat_hash_map<uint64_t, uint32_t> sparse;
  std::vector<uint64_t> used;
  if (dense_size <= (uint64_t{1} << 22)) {
    index.assign(dense_size, UINT32_MAX);
    for (uint64_t k : key) index[k] = 0;
    for (uint64_t k = 0; k < dense_size; ++k) {
      if (index[k] == 0) used.push_back(k);
    }
    for (size_t i = 0; i < used.size(); ++i) index[used[i]] = static_cast<uint32_t>(i);
  } else {
    for (uint64_t k : key) sparse.emplace(k, 0);
    for (const auto& [k, unused] : sparse) used.push_back(k);
    std::sort(used.begin(), used.end());
    for (size_t i = 0; i < used.size(); ++i) sparse[used[i]] = static_cast<uint32_t>(i);
  }
  p->vote_sa.resize(num_votes);
  for (size_t v = 0; v < num_votes; ++v) {
    p->vote_sa[v] = index.empty() ? sparse[key[v]] : index[key[v]];
  }
  p->sa_source.resize(used.size());
  p->source_sa_begin.assign(p->num_sources + 1, 0);
  for (size_t i = 0; i < used.size(); ++i) {
    p->sa_source[i] = static_cast<uint32_t>(used[i] / na);
    ++p->source_sa_begin[p->sa_source[i] + 1];
  }
  for (uint32_t s = 0; s < p->num_sources; ++s) {
    p->source_sa_begin[s + 1] += p->source_sa_begin[s];
  }
  // Counting sort of votes by pair keeps vote order inside each pair.
  p->sa_vote_begin.assign(used.size() + 1, 0);
  for (uint32_t sa : p->vote_sa) ++p->sa_vote_begin[sa + 1];
  for (size_t i = 0; i < used.size(); ++i) p->sa_vote_begin[i + 1] += p->sa_vote_begin[i];
  std::vector<uint32_t> fill(p->sa_vote_begin.begin(), p->sa_vote_begin.end() - 1);
  p->sa_votes.resize(num_votes);
  for (size_t v = 0; v < num_votes; ++v) p->sa_votes[fill[p->vote_sa[v]]++] = static_cast<uint32_t>(v);
  p->source_votes.assign(p->num_sources, 0);
  for (uint32_t s : p->vote_source) ++p->source_votes[s];
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
        if (i == j || g.groups[q.first_group + i].slot == kNotCompared) continue;
        const Relation r = g.relation(q, i, j);
        if (r == Relation::kContradicts) continue;
        p->links.push_back(Link{q.first_group + i, r});
        if (r == Relation::kEqual) ++p->equal_count[target];
      }
    }
  }
  p->link_begin[num_groups] = static_cast<uint32_t>(p->links.size());
}

}  // namespace

Problem BuildProblem(const ClaimGraph& graph) {
  Problem p;
  p.graph = &graph;
  p.num_sources = static_cast<uint32_t>(graph.sources.size());
  NumberAttributes(graph, &p);
  BuildVotes(graph, &p);
  BuildSourceAttributes(graph, &p);
  BuildLinks(graph, &p);
  return p;
}

}  // namespace crosscheck::internal
