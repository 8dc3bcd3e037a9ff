// Clustering mentions into entities: actors first (the table knows them),
// then the remaining names by blocks of phonetic keys, with a sorted window
// inside each block so that work stays linear in the number of names.
#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "extract/lexicon.h"
#include "resolve/names.h"
#include "resolve/resolve_impl.h"

namespace crosscheck::resolve_internal {
namespace {

constexpr double kListFloor = 0.6;   // resolved occurrences are listed from here
constexpr double kMergeFloor = 0.85;  // two unknown names merge from here
constexpr size_t kWindow = 8;         // neighbours compared inside a block

// The mentions of one (type, folded name), not resolved to an actor.
struct Node {
  EntityType type = EntityType::kOther;
  std::string folded;
  bool gazetteer = false;
  std::string canonical;  // gazetteer entry name, else empty
  std::vector<uint32_t> mentions;
  std::vector<std::string> roles;      // "role|organisation", sorted
  std::vector<uint32_t> documents;     // sorted
  size_t words = 0;
};

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller index stays the root: results do not depend on merge order.
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

bool Intersect(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

bool Intersect(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// The evidence that nodes a and b are one entity (0 when none), and why.
double PairScore(const Node& a, const Node& b, const std::vector<Mention>& mentions,
                 std::string* why) {
  if (a.type != b.type || a.gazetteer || b.gazetteer || a.type == EntityType::kOther) return 0;
  const std::string& ta = mentions[a.mentions[0]].text;
  const std::string& tb = mentions[b.mentions[0]].text;
  NameMatch m = CompareNames(ta, tb);
  double s = 0;
  if (!m.surname_only && m.score >= 0.9 &&
      (m.relation == SurfaceRelation::kVariant || m.relation == SurfaceRelation::kTransliteration)) {
    s = 0.95;
  } else if (!m.surname_only && m.score >= 0.9 && m.relation == SurfaceRelation::kMisspelling) {
    s = 0.8;
  } else if (m.surname_only && m.score >= 0.999) {
    s = Intersect(a.documents, b.documents) ? 0.9 : 0.7;
  }
  if (s == 0) return 0;
  *why = absl::StrCat("\"", tb, "\" and \"", ta, "\": ", m.reason);
  if (!a.roles.empty() && !b.roles.empty()) {
    if (Intersect(a.roles, b.roles)) {
      s += 0.2;
      absl::StrAppend(why, "; same role");
    } else {
      s -= 0.3;
      absl::StrAppend(why, "; different roles");
    }
  }
  if (m.surname_only && s < 0.9) return 0;
  return s;
}

std::vector<Node> BuildNodes(const std::vector<Mention>& mentions) {
  std::map<std::pair<EntityType, std::string>, Node> by_name;
  for (uint32_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.entity >= 0 || m.frame == kNoFrame) continue;
    // Gazetteer names group by their entry ("Groupe Wagner" is Wagner).
    const std::string folded = m.gazetteer ? FoldName(m.canonical) : m.folded;
    Node& n = by_name[{m.type, folded}];
    n.type = m.type;
    n.folded = folded;
    n.canonical = m.canonical;
    n.gazetteer = n.gazetteer || m.gazetteer;
    n.mentions.push_back(i);
    if (!m.context.role.empty()) {
      n.roles.push_back(absl::StrCat(m.context.role, "|", m.context.organisation));
    }
    n.documents.push_back(m.document);
  }
  std::vector<Node> nodes;
  nodes.reserve(by_name.size());
  for (auto& [key, n] : by_name) {
    std::sort(n.roles.begin(), n.roles.end());
    n.roles.erase(std::unique(n.roles.begin(), n.roles.end()), n.roles.end());
    std::sort(n.documents.begin(), n.documents.end());
    n.documents.erase(std::unique(n.documents.begin(), n.documents.end()), n.documents.end());
    n.words = NameTokens(n.folded).size();
    nodes.push_back(std::move(n));
  }
  return nodes;
}

// Blocks of node indices: the phonetic key of a person's last word, of every
// word of other names. Each block sorted by folded name.
std::vector<std::vector<uint32_t>> Blocks(const std::vector<Node>& nodes) {
  std::map<std::string, std::vector<uint32_t>> blocks;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    if (n.gazetteer || n.type == EntityType::kOther) continue;
    std::vector<std::string> words = NameTokens(n.folded);
    if (words.empty()) continue;
    if (n.type == EntityType::kPerson) {
      blocks[absl::StrCat("p:", PhoneticKey(words.back()))].push_back(i);
    } else {
      for (const std::string& w : words) blocks[absl::StrCat("o:", PhoneticKey(w))].push_back(i);
    }
  }
  std::vector<std::vector<uint32_t>> out;
  for (auto& [key, block] : blocks) {
    if (block.size() > 1) out.push_back(std::move(block));
  }
  return out;
}

void ResolveToActors(const ResolveRules::Impl& rules, std::vector<Mention>* mentions,
                     std::vector<Entity>* entities, std::vector<int>* actor_entity,
                     std::map<std::string, int>* place_entity) {
  for (Mention& m : *mentions) {
    if (m.gazetteer) continue;
    if (m.type == EntityType::kPlace) {
      PlaceMatch p = rules.MatchPlace(m.text, m.context);
      if (p.hint < 0) continue;
      const PlaceHint& hint = rules.places[p.hint];
      auto [it, inserted] = place_entity->emplace(hint.name, static_cast<int>(entities->size()));
      if (inserted) {
        Entity e;
        e.canonical = hint.name;
        e.type = EntityType::kPlace;
        entities->push_back(std::move(e));
      }
      m.entity = it->second;
      m.confidence = p.confidence;
      NameMatch nm = CompareNames(hint.name, m.text);
      m.relation = nm.phonetic ? SurfaceRelation::kMisspelling : SurfaceRelation::kAlias;
      m.evidence = p.evidence;
      continue;
    }
    ActorMatch a = rules.MatchActor(m.text, m.type, m.context, kListFloor);
    if (a.actor < 0) continue;
    int& e = (*actor_entity)[a.actor];
    if (e < 0) {
      e = static_cast<int>(entities->size());
      Entity entity;
      entity.canonical = rules.actors[a.actor].name;
      entity.type = rules.actors[a.actor].type;
      entities->push_back(std::move(entity));
    }
    m.entity = e;
    m.confidence = a.confidence;
    m.relation = a.relation;
    m.evidence = a.evidence;
  }
}

}  // namespace

std::vector<Entity> ClusterMentions(const ResolveRules::Impl& rules,
                                    std::vector<Mention>* mentions, ResolveStats* stats) {
  std::vector<Entity> entities;
  std::vector<int> actor_entity(rules.actors.size(), -1);
  std::map<std::string, int> place_entity;
  ResolveToActors(rules, mentions, &entities, &actor_entity, &place_entity);

  std::vector<Node> nodes = BuildNodes(*mentions);
  UnionFind uf(nodes.size());
  std::vector<std::string> merge_why(nodes.size());
  std::vector<double> merge_score(nodes.size(), 1.0);
  for (const std::vector<uint32_t>& block : Blocks(nodes)) {
    std::vector<uint32_t> sorted = block;
    std::sort(sorted.begin(), sorted.end(),
              [&](uint32_t a, uint32_t b) { return nodes[a].folded < nodes[b].folded; });
    for (size_t i = 0; i < sorted.size(); ++i) {
      // A surname alone merges only with the one full name it can be.
      uint32_t surname_target = UINT32_MAX;
      int surname_candidates = 0;
      for (size_t j = (i > kWindow ? i - kWindow : 0); j < std::min(sorted.size(), i + kWindow + 1); ++j) {
        if (j == i) continue;
        const Node& a = nodes[sorted[i]];
        const Node& b = nodes[sorted[j]];
        ++stats->candidate_pairs;
        std::string why;
        double s = PairScore(b, a, *mentions, &why);
        if (s < kMergeFloor) continue;
        if (a.words == 1 && b.words > 1) {
          ++surname_candidates;
          surname_target = sorted[j];
          merge_why[sorted[i]] = why;
          merge_score[sorted[i]] = std::min(1.0, s);
          continue;
        }
        if (b.words == 1 && a.words > 1) continue;  // decided from the surname's side
        if (j < i) continue;  // each pair once
        uint32_t lo = std::min(sorted[i], sorted[j]), hi = std::max(sorted[i], sorted[j]);
        if (uf.Find(lo) != uf.Find(hi)) ++stats->merges;
        uf.Union(lo, hi);
        // The later name (by text) carries the evidence.
        uint32_t later = nodes[lo].folded < nodes[hi].folded ? hi : lo;
        merge_why[later] = why;
        merge_score[later] = std::min(1.0, s);
      }
      if (surname_candidates == 1) {
        if (uf.Find(sorted[i]) != uf.Find(surname_target)) ++stats->merges;
        uf.Union(sorted[i], surname_target);
      } else if (surname_candidates > 1) {
        merge_why[sorted[i]].clear();
        merge_score[sorted[i]] = 1.0;
      }
    }
  }

  // Components become entities: the canonical name is the most frequent
  // longest form (ties by text).
  std::map<uint32_t, std::vector<uint32_t>> components;
  for (uint32_t i = 0; i < nodes.size(); ++i) components[uf.Find(i)].push_back(i);
  for (const auto& [root, members] : components) {
    uint32_t best = members[0];
    for (uint32_t n : members) {
      const Node& a = nodes[n];
      const Node& b = nodes[best];
      if (std::make_tuple(a.words, a.mentions.size(), b.folded) >
          std::make_tuple(b.words, b.mentions.size(), a.folded)) {
        best = n;
      }
    }
    Entity e;
    e.canonical = nodes[best].gazetteer ? nodes[best].canonical
                                        : (*mentions)[nodes[best].mentions[0]].text;
    e.type = nodes[best].type;
    const int index = static_cast<int>(entities.size());
    for (uint32_t n : members) {
      for (uint32_t mi : nodes[n].mentions) {
        Mention& m = (*mentions)[mi];
        m.entity = index;
        m.confidence = n == best ? 1.0 : merge_score[n];
        m.relation = RelationOf(e.canonical, m.text);
        // A name the gazetteer lists ("Russia", "Moscow" for Russie, Moscou)
        // is an alias of its entry, however close it is to the entry's name.
        if (m.gazetteer && m.relation != SurfaceRelation::kExact &&
            m.relation != SurfaceRelation::kVariant) {
          m.relation = SurfaceRelation::kAlias;
        } else if (m.relation == SurfaceRelation::kAlias &&
                   CompareNames(e.canonical, m.text).phonetic) {
          m.relation = SurfaceRelation::kMisspelling;
        }
        m.evidence = n == best ? "" : merge_why[n];
      }
    }
    entities.push_back(std::move(e));
  }
  for (Entity& e : entities) e.key = extract_internal::Fold(e.canonical);
  return entities;
}

}  // namespace crosscheck::resolve_internal
