// Matching a mention with the actor table and the place hints: name
// evidence first, then what the context adds or takes away.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "resolve/names.h"
#include "resolve/resolve_rules_impl.h"

namespace crosscheck {

using resolve_internal::ActorMatch;
using resolve_internal::MentionContext;
using resolve_internal::PlaceMatch;

namespace {

bool TypesCompatible(EntityType mention, EntityType actor) {
  return mention == EntityType::kOther || mention == actor;
}

// The string evidence that `name` is `alias`: 0 when none, 0.3 when only
// the sound agrees, up to 0.95 for another spelling of the whole name.
double NameEvidence(const resolve_internal::ActorAlias& alias, absl::string_view name,
                    absl::string_view folded, bool article, std::string* why) {
  double s = 0;
  resolve_internal::NameMatch m = resolve_internal::CompareNames(alias.name, name);
  if (folded == alias.folded) {
    s = 0.95;
    *why = absl::StrCat("\"", name, "\" is a listed name of ", alias.name);
  } else if (!m.surname_only && m.score >= 0.9 &&
             (m.relation == SurfaceRelation::kVariant ||
              m.relation == SurfaceRelation::kTransliteration)) {
    s = 0.95;
    *why = absl::StrCat("\"", name, "\": ", m.reason);
  } else if (m.surname_only && m.score >= 0.999) {
    s = 0.8;
    *why = absl::StrCat("\"", name, "\": ", m.reason);
  } else if (m.relation == SurfaceRelation::kMisspelling && m.score >= 0.9) {
    s = m.surname_only ? 0.5 : 0.8;
    *why = absl::StrCat("\"", name, "\": ", m.reason);
  } else if (m.phonetic && m.score > 0) {
    s = 0.3;
    *why = absl::StrCat("\"", name, "\" sounds like ", alias.name);
  }
  const bool alias_article = resolve_internal::HasArticlePrefix(alias.folded);
  if (s > 0.3 && alias_article != article) {
    s = 0.3;
    absl::StrAppend(why, ", but only one of the two has the article \"al\"");
  }
  return s;
}

// What the context says about `actor`: role held at the date, events led,
// organisations of the document.
double ContextEvidence(const resolve_internal::Actor& actor, const MentionContext& c,
                       std::string* why) {
  double s = 0;
  if (!c.role.empty()) {
    bool holds = false, any_role = !actor.roles.empty();
    for (const resolve_internal::ActorRole& r : actor.roles) {
      if (r.role != c.role) continue;
      if (!c.organisation.empty() && !r.organisation.empty() && r.organisation != c.organisation) {
        continue;
      }
      if (!r.held.Overlaps(c.when)) continue;
      holds = true;
      absl::StrAppend(why, "; ", r.role, r.organisation.empty() ? "" : " of ", r.organisation,
                      " at that date per the actor table");
      break;
    }
    if (holds) {
      s += 0.3;
    } else if (any_role) {
      s -= 0.4;
      absl::StrAppend(why, "; the actor table gives no ", c.role, " role at that date");
    }
  }
  if (!c.template_name.empty()) {
    for (const resolve_internal::ActorEvent& e : actor.events) {
      if (e.template_name != c.template_name || !e.when.Overlaps(c.when)) continue;
      bool place_ok = e.place.empty() || c.place.empty() || e.place == c.place;
      if (!place_ok && c.document_entities != nullptr) {
        place_ok = std::binary_search(c.document_entities->begin(), c.document_entities->end(),
                                      e.place);
      }
      if (!place_ok) continue;
      s += 0.4;
      absl::StrAppend(why, "; led the ", e.template_name,
                      e.place.empty() ? "" : " in ", e.place, " at that date per the actor table");
      break;
    }
  }
  if (c.document_entities != nullptr) {
    for (const resolve_internal::ActorRole& r : actor.roles) {
      if (!r.organisation.empty() &&
          std::binary_search(c.document_entities->begin(), c.document_entities->end(),
                             r.organisation)) {
        s += 0.1;
        absl::StrAppend(why, "; the article speaks of ", r.organisation);
        break;
      }
    }
  }
  return s;
}

SurfaceRelation RelationFor(const resolve_internal::Actor& actor, absl::string_view name,
                            absl::string_view folded) {
  if (name == actor.name) return SurfaceRelation::kExact;
  for (size_t i = 1; i < actor.aliases.size(); ++i) {
    if (actor.aliases[i].folded == folded) return actor.aliases[i].relation;
  }
  resolve_internal::NameMatch m = resolve_internal::CompareNames(actor.name, name);
  if (m.relation == SurfaceRelation::kAlias && m.phonetic && !m.surname_only) {
    return SurfaceRelation::kMisspelling;  // decided by context: a garbled name
  }
  if (m.relation == SurfaceRelation::kAlias && m.phonetic && m.score < 0.999) {
    return SurfaceRelation::kMisspelling;
  }
  return m.relation;
}

}  // namespace

bool ResolveRules::Impl::MarksOrganisation(absl::string_view folded) const {
  std::vector<std::string> words;
  size_t start = 0;
  for (size_t i = 0; i <= folded.size(); ++i) {
    if (i == folded.size() || folded[i] == ' ') {
      if (i > start) words.emplace_back(folded.substr(start, i - start));
      start = i + 1;
    }
  }
  if (words.size() >= 2) {
    for (const std::string& a : organisation_articles) {
      if (words[0] == a) return true;
    }
  }
  for (const std::string& w : words) {
    for (const std::string& o : organisation_words) {
      if (w == o) return true;
    }
  }
  return false;
}

ActorMatch ResolveRules::Impl::MatchActor(absl::string_view name, EntityType type,
                                          const MentionContext& context, double floor) const {
  ActorMatch best, second;
  const std::string folded = resolve_internal::FoldName(name);
  const bool article = resolve_internal::HasArticlePrefix(folded);
  if (article && type == EntityType::kPerson) return best;
  std::vector<int> candidates;
  for (const std::string& w : resolve_internal::NameTokens(folded)) {
    auto it = actor_blocks.find(resolve_internal::PhoneticKey(w));
    if (it != actor_blocks.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (int a : candidates) {
    const resolve_internal::Actor& actor = actors[a];
    EntityType mention_type = article ? EntityType::kOrganisation : type;
    if (!TypesCompatible(mention_type, actor.type)) continue;
    double name_score = 0;
    std::string why;
    for (const resolve_internal::ActorAlias& alias : actor.aliases) {
      if (!alias.valid.Overlaps(context.when)) continue;
      std::string w;
      double s = NameEvidence(alias, name, folded, article, &w);
      if (s > name_score) {
        name_score = s;
        why = std::move(w);
      }
    }
    if (name_score <= 0) continue;
    double score = std::min(0.99, name_score + ContextEvidence(actor, context, &why));
    if (score > best.confidence) {
      second = best;
      best = {a, score, SurfaceRelation::kAlias, why};
    } else if (score > second.confidence) {
      second = {a, score, SurfaceRelation::kAlias, why};
    }
  }
  if (best.actor < 0 || best.confidence < floor) return ActorMatch();
  // Two actors about as likely: keep the mention apart.
  if (second.actor >= 0 && best.confidence - second.confidence < 0.1) return ActorMatch();
  best.relation = RelationFor(actors[best.actor], name, folded);
  return best;
}

PlaceMatch ResolveRules::Impl::MatchPlace(absl::string_view name,
                                          const MentionContext& context) const {
  PlaceMatch best;
  for (size_t i = 0; i < places.size(); ++i) {
    const resolve_internal::PlaceHint& hint = places[i];
    resolve_internal::NameMatch m = resolve_internal::CompareNames(hint.name, name);
    if (!m.phonetic || m.surname_only) continue;
    double s = m.relation == SurfaceRelation::kMisspelling ? 0.4 : 0.3;
    std::string why = absl::StrCat("\"", name, "\" sounds like ", hint.name);
    for (const std::string& n : hint.near) {
      if (absl::StrContains(context.sentence, n)) {
        s += 0.2;
        absl::StrAppend(&why, "; the sentence names ", n, ", and ", hint.name, " is near it");
        break;
      }
    }
    for (const std::string& f : hint.features) {
      if (absl::StrContains(context.sentence, f)) {
        s += 0.15;
        absl::StrAppend(&why, "; \"", f, "\" fits ", hint.name);
        break;
      }
    }
    if (s > best.confidence) best = {static_cast<int>(i), s, why};
  }
  if (best.confidence < 0.5) return PlaceMatch();
  return best;
}

}  // namespace crosscheck
