// The compiled form of the "resolve" rule kinds:
//   actor                a known entity: canonical name, type, aliases (with
//                        their relation and validity), roles held over time,
//                        events it led
//   organisation_marker  words and articles that make a name an organisation
//   place_hint           a place and the cues that point to it ("Gadi", a
//                        military base at the edge of Bamako, is Kati)
#ifndef CROSSCHECK_ENGINE_RESOLVE_RESOLVE_RULES_IMPL_H_
#define CROSSCHECK_ENGINE_RESOLVE_RESOLVE_RULES_IMPL_H_

#include <climits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "crosscheck/resolve.h"

namespace crosscheck {
namespace resolve_internal {

// Months since year 0 (year * 12 + month - 1): validity bounds and dates.
struct MonthRange {
  int lo = INT_MIN;
  int hi = INT_MAX;
  bool Overlaps(const MonthRange& o) const { return lo <= o.hi && o.lo <= hi; }
  bool bounded() const { return lo != INT_MIN || hi != INT_MAX; }
};
// Parses "YYYY" (the whole year) or "YYYY-MM"; false otherwise.
bool ParseMonthRange(absl::string_view text, MonthRange* out);

struct ActorAlias {
  std::string name;
  std::string folded;
  SurfaceRelation relation = SurfaceRelation::kAlias;
  MonthRange valid;
};

struct ActorRole {
  std::string role;          // "defence_minister"
  std::string organisation;  // folded ("mali")
  MonthRange held;
};

struct ActorEvent {
  std::string template_name;  // "takeover"
  std::string place;          // folded country or place, may be empty
  MonthRange when;
};

struct Actor {
  std::string id;  // the rule id
  std::string name;
  std::string folded;
  EntityType type = EntityType::kPerson;
  std::vector<ActorAlias> aliases;  // the canonical name first
  std::vector<ActorRole> roles;
  std::vector<ActorEvent> events;
};

struct PlaceHint {
  std::string id;
  std::string name;    // the gazetteer place it points to ("Kati")
  std::string folded;
  std::vector<std::string> near;      // folded places close by ("bamako")
  std::vector<std::string> features;  // folded phrases ("base militaire")
};

// What the text around a mention says, for matching it with an actor.
struct MentionContext {
  std::string template_name;  // the frame's template, or empty
  std::string slot;           // the slot the mention fills
  std::string role;           // the role the same frame gives it, if any
  std::string organisation;   // folded organisation of that role
  std::string place;          // folded place of the frame, if any
  MonthRange when;            // the frame's date, else the document's month
  // Folded names of the entities the document's frames name, sorted; not
  // owned.
  const std::vector<std::string>* document_entities = nullptr;
  std::string sentence;  // folded sentence holding the mention (places only)
};

// A candidate actor for a mention, with the evidence weighed.
struct ActorMatch {
  int actor = -1;
  double confidence = 0;
  SurfaceRelation relation = SurfaceRelation::kAlias;
  std::string evidence;
};

// A candidate place for a name the gazetteer does not know.
struct PlaceMatch {
  int hint = -1;
  double confidence = 0;
  std::string evidence;
};

}  // namespace resolve_internal

struct ResolveRules::Impl {
  std::vector<resolve_internal::Actor> actors;  // by id
  // Phonetic key of each word of every actor name and alias -> actors.
  absl::flat_hash_map<std::string, std::vector<int>> actor_blocks;
  std::vector<std::string> organisation_words;     // folded
  std::vector<std::string> organisation_articles;  // folded ("al")
  std::vector<resolve_internal::PlaceHint> places;

  // True if `folded` reads as an organisation name: it starts with an
  // article ("al qaida") or holds an organisation word ("groupe").
  bool MarksOrganisation(absl::string_view folded) const;
  // The best actor for mention `name` of type `type` in `context`, or
  // actor -1 when none reaches `floor`.
  resolve_internal::ActorMatch MatchActor(
      absl::string_view name, EntityType type,
      const resolve_internal::MentionContext& context, double floor) const;
  // The place a name unknown to the gazetteer most likely is, or hint -1.
  resolve_internal::PlaceMatch MatchPlace(
      absl::string_view name, const resolve_internal::MentionContext& context) const;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_RESOLVE_RESOLVE_RULES_IMPL_H_
