#include "tests/solve/graph_maker.h"

#include <algorithm>
#include <map>

#include "graph/relations.h"

namespace crosscheck::testing {

ClaimGraph MakeGraph(uint32_t num_sources,
                     const std::vector<QuestionSpec>& questions) {
  ClaimGraph g;
  for (uint32_t s = 0; s < num_sources; ++s) g.sources.push_back(s);
  uint32_t next_claim = 0;
  for (uint32_t qi = 0; qi < questions.size(); ++qi) {
    const QuestionSpec& spec = questions[qi];
    ClaimGraph::Question q;
    q.subject = qi;
    q.predicate = spec.predicate;
    q.first_group = static_cast<uint32_t>(g.groups.size());
    q.num_groups = static_cast<uint32_t>(spec.groups.size());
    q.num_compared = q.num_groups;
    q.first_relation = g.relations.size();
    for (uint32_t i = 0; i < spec.groups.size(); ++i) {
      std::vector<uint32_t> sources = spec.groups[i];
      std::sort(sources.begin(), sources.end());
      ClaimGraph::Group group;
      group.value = static_cast<ValueId>(g.groups.size());
      group.question = qi;
      group.first_claim = static_cast<uint32_t>(g.claims.size());
      group.num_claims = static_cast<uint32_t>(sources.size());
      group.slot = i;
      g.groups.push_back(group);
      for (uint32_t s : sources) {
        g.claims.push_back(next_claim++);
        g.claim_source.push_back(s);
      }
    }
    const uint32_t n = q.num_groups;
    g.relations.resize(g.relations.size() + size_t{n} * n,
                       Relation::kContradicts);
    Relation* m = &g.relations[q.first_relation];
    for (uint32_t i = 0; i < n; ++i) m[i * n + i] = Relation::kEqual;
    for (const RelationSpec& r : spec.relations) {
      m[r.a * n + r.b] = r.relation;
      m[r.b * n + r.a] = internal::InverseRelation(r.relation);
    }
    g.questions.push_back(q);
  }
  return g;
}

ClaimGraph RandomGraph(uint32_t num_sources, uint32_t num_questions,
                       uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> accuracy(num_sources);
  for (double& a : accuracy) a = 0.5 + 0.45 * unit(rng);
  constexpr uint32_t kCoarse = 5;  // value 5 includes values 0 and 1
  std::vector<QuestionSpec> specs;
  for (uint32_t q = 0; q < num_questions; ++q) {
    std::map<uint32_t, std::vector<uint32_t>> by_value;
    uint32_t original = 0;
    bool has_original = false;
    for (uint32_t s = 0; s < num_sources; ++s) {
      if (unit(rng) > 0.6) continue;
      uint32_t v = unit(rng) < accuracy[s] ? 0 : 1 + rng() % 4;
      if (unit(rng) < 0.1) v = kCoarse;
      // Sources 0 and 1 copy source 2 most of the time.
      if (s == 2) {
        original = v;
        has_original = true;
      }
      by_value[v].push_back(s);
    }
    if (by_value.empty()) by_value[0].push_back(rng() % num_sources);
    if (has_original) {
      for (uint32_t copier = 0; copier < 2; ++copier) {
        if (unit(rng) < 0.9) {
          for (auto& [v, sources] : by_value) {
            sources.erase(std::remove(sources.begin(), sources.end(), copier),
                          sources.end());
          }
          by_value[original].push_back(copier);
        }
      }
    }
    QuestionSpec spec;
    spec.predicate = q % 3;
    std::vector<uint32_t> values;
    for (auto& [v, sources] : by_value) {
      if (sources.empty()) continue;
      values.push_back(v);
      spec.groups.push_back(sources);
    }
    for (uint32_t i = 0; i < values.size(); ++i) {
      for (uint32_t j = 0; j < values.size(); ++j) {
        if (values[i] == kCoarse && values[j] <= 1) {
          spec.relations.push_back({i, j, Relation::kGeneralizes});
        }
      }
    }
    specs.push_back(std::move(spec));
  }
  return MakeGraph(num_sources, specs);
}

}  // namespace crosscheck::testing
