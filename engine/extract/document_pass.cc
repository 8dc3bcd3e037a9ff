// What the frames of one document tell each other: a slot a sentence leaves
// empty may be given elsewhere in the article (the supplier of "Les avions
// ont été reçus" is in the sentence before; the date of the casualties is
// the attack's), a person's organisation is the same in every role frame,
// and "les avions de combat" counts as a plural only at its first mention.
#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/slots.h"

namespace crosscheck::extract_internal {

namespace {

bool Listed(const std::vector<std::string>& list, absl::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// Whether `f` holds a value of its own (not inherited) for `slot`.
const SlotFill* Own(const FrameDraft& f, absl::string_view slot) {
  const SlotFill* s = f.Find(slot);
  if (s == nullptr || s->inherited || s->key.empty()) return nullptr;
  return s;
}

void FirstMentionCounts(std::vector<FrameDraft>* frames) {
  std::vector<std::string> seen;
  for (FrameDraft& f : *frames) {
    const SlotFill* cls = f.Find("item_class");
    if (cls == nullptr || f.lender) continue;
    bool first = !Listed(seen, cls->key);
    if (first) seen.push_back(cls->key);
    if (!f.definite_plural || !first || f.Find("count") != nullptr ||
        f.pattern->tmpl->Find("count") == nullptr) {
      continue;
    }
    SlotFill c = *cls;
    c.name = "count";
    c.kind = SlotFill::Kind::kCount;
    c.count.value = c.count.lo = 2;
    c.count.hi = std::numeric_limits<double>::infinity();
    c.count.hedge = Hedge::kAtLeast;
    c.count.from_quantifier = true;
    c.key = c.count.Key();
    f.slots.push_back(c);
  }
}

void Share(std::vector<FrameDraft>* frames) {
  for (FrameDraft& f : *frames) {
    if (f.lender) continue;
    for (const auto& [slot, key] : f.pattern->tmpl->share) {
      const SlotFill* k = f.Find(key);
      if (f.Find(slot) != nullptr || k == nullptr) continue;
      for (const FrameDraft& other : *frames) {
        if (&other == &f || other.lender || other.pattern->tmpl != f.pattern->tmpl) continue;
        const SlotFill* ok = other.Find(key);
        const SlotFill* value = Own(other, slot);
        if (ok == nullptr || value == nullptr || ok->key != k->key) continue;
        SlotFill copy = *value;
        copy.inherited = true;
        f.slots.push_back(copy);
        break;
      }
    }
  }
}

// Whether `lender` states its own value for one of `slots` and `f` holds
// another ("l'attaque de Kati" lends no date to a toll at Tessit).
bool Disagrees(const FrameDraft& f, const FrameDraft& lender,
               const std::vector<std::string>& slots) {
  for (const std::string& slot : slots) {
    const SlotFill* mine = f.Find(slot);
    const SlotFill* theirs = Own(lender, slot);
    if (mine != nullptr && theirs != nullptr && !mine->key.empty() && mine->key != theirs->key) {
      return true;
    }
  }
  return false;
}

// Whether `s` holds a resolved date.
bool Dated(const SlotFill& s) { return s.kind == SlotFill::Kind::kDate && s.date.resolved; }

// Whether date `a` begins after date `b` ends ("2022-08-10" after
// "2022-08-07"; "2022-08" is not after "2022-08-07").
bool After(const SlotFill& a, const SlotFill& b) {
  double a_lo, a_hi, b_lo, b_hi;
  DateInterval(a.date, &a_lo, &a_hi);
  DateInterval(b.date, &b_lo, &b_hi);
  return a_lo >= b_hi;
}

// Whether lender `f` may become a claim by inheriting its missing required
// slots: its template says so, it states a value of its own, and no frame
// of its template reads its sentence (there it lends to that frame).
bool Completable(const std::vector<FrameDraft>& frames, const FrameDraft& f) {
  const std::vector<TemplateDef::Inherit>& inherits = f.pattern->tmpl->inherit;
  if (std::none_of(inherits.begin(), inherits.end(),
                   [](const TemplateDef::Inherit& in) { return in.completes; })) {
    return false;
  }
  if (std::none_of(f.slots.begin(), f.slots.end(),
                   [](const SlotFill& s) { return !s.inherited && !s.key.empty(); })) {
    return false;
  }
  return std::none_of(frames.begin(), frames.end(), [&](const FrameDraft& o) {
    return &o != &f && !o.lender && o.sentence == f.sentence && o.pattern->tmpl == f.pattern->tmpl;
  });
}

// Values a frame takes from others read as plain names ("Russie" for
// "Fédération de Russie" stated elsewhere). Frames are completed in text
// order, so a value passes on along a chain of frames.
void Inherit(const ExtractRules::Impl& rules, absl::string_view language,
             std::vector<FrameDraft>* frames) {
  const size_t n = frames->size();
  for (size_t i = 0; i < n; ++i) {
    FrameDraft& f = (*frames)[i];
    const std::vector<TemplateDef::Inherit>& inherits = f.pattern->tmpl->inherit;
    if (f.lender && !Completable(*frames, f)) continue;
    for (size_t k = 0; k < inherits.size(); ++k) {
      const TemplateDef::Inherit& in = inherits[k];
      if (f.lender && !in.completes) continue;
      // A date of the frame's own that a lender's earlier date may replace.
      const SlotFill* own = f.Find(in.slot);
      if (own != nullptr && !(in.replace_later && !own->inherited && Dated(*own))) continue;
      if (!in.when.empty() && (f.inherit_when & (uint32_t{1} << k)) == 0) continue;
      // Same sentence first, then the nearest frame before, then after.
      const SlotFill* best = nullptr;
      size_t best_rank = std::numeric_limits<size_t>::max();
      size_t best_sentence = f.sentence;
      bool found = false;
      for (size_t j = 0; j < n; ++j) {
        const FrameDraft& o = (*frames)[j];
        if (j == i || !Listed(in.from, o.pattern->tmpl->name)) continue;
        size_t apart = o.sentence > f.sentence ? o.sentence - f.sentence : f.sentence - o.sentence;
        if (in.distance >= 0 && apart > static_cast<size_t>(in.distance)) continue;
        if (o.sentence != f.sentence && !in.document) continue;
        if (!in.value.empty()) {  // the existence of such a frame sets the value
          found = true;
          break;
        }
        const SlotFill* value = o.Find(in.slot);
        // Later frames lend only what they state themselves.
        const bool lends = value != nullptr && !value->key.empty() && !(j > i && value->inherited);
        if (in.lead) {  // the article's first such frame, or nothing
          if (!o.lender && lends) best = value;
          if (!o.lender) break;
          continue;
        }
        if (!lends || Disagrees(f, o, in.agree)) continue;
        constexpr size_t kAfter = size_t{1} << 32;
        size_t rank = o.sentence == f.sentence  ? 0
                      : o.sentence < f.sentence ? apart
                                                : kAfter + apart;
        if (rank < best_rank) {
          best_rank = rank;
          best = value;
          best_sentence = o.sentence;
        }
      }
      if (own != nullptr) {
        if (found || best == nullptr || !Dated(*best) || !After(*own, *best)) continue;
        f.slots.erase(f.slots.begin() + (own - f.slots.data()));
      }
      SlotFill copy;
      if (found) {
        copy.name = in.slot;
        copy.span = f.span;
        copy.text = in.value;
        copy.key = Fold(in.value);
      } else if (best != nullptr) {
        copy = *best;
        if (copy.entity >= 0 && best_sentence != f.sentence) {
          // A capital standing for its state ("Moscou a livré ...") lends
          // the state to a sentence that names neither; a place stays a
          // place.
          const SlotType* type = f.pattern->tmpl->Find(in.slot);
          const int country =
              rules.entities[copy.entity].type == "capital" && type != nullptr &&
                      *type != SlotType::kPlace
                  ? CountryOf(rules, copy.entity)
                  : -1;
          copy.text = EntityName(rules, country >= 0 ? country : copy.entity, language);
        }
      } else {
        continue;
      }
      copy.inherited = true;
      f.slots.push_back(copy);
      if (f.lender) {
        const std::vector<std::string>& required = f.pattern->tmpl->required;
        f.lender = !std::all_of(required.begin(), required.end(),
                                [&](const std::string& r) { return f.Find(r) != nullptr; });
      }
    }
  }
}

// Whether frames `a` and `b` name the same gazetteer entity in a slot other
// than `except` (two roles of one country).
bool ShareEntity(const FrameDraft& a, const FrameDraft& b, const std::string& except) {
  for (const SlotFill& s : a.slots) {
    if (s.name == except || s.entity < 0) continue;
    const SlotFill* t = b.Find(s.name);
    if (t != nullptr && t->entity == s.entity) return true;
  }
  return false;
}

// A slot valued "counterpart" ("son homologue russe") takes the value that
// slot has in the nearest other frame of the same template in the sentence,
// else before it; a counterpart is of another country or body, so frames
// that share an entity with it are passed over.
void Counterparts(std::vector<FrameDraft>* frames) {
  for (size_t i = 0; i < frames->size(); ++i) {
    FrameDraft& f = (*frames)[i];
    for (SlotFill& slot : f.slots) {
      if (slot.key != "counterpart") continue;
      const SlotFill* best = nullptr;
      for (size_t j = 0; j < frames->size(); ++j) {
        const FrameDraft& o = (*frames)[j];
        if (j == i || o.pattern->tmpl != f.pattern->tmpl || o.sentence > f.sentence ||
            ShareEntity(f, o, slot.name)) {
          continue;
        }
        const SlotFill* v = o.Find(slot.name);
        if (v == nullptr || v->key == "counterpart") continue;
        if (best == nullptr || o.sentence == f.sentence || j < i) best = v;
        if (o.sentence == f.sentence) break;
      }
      if (best == nullptr) continue;
      slot.key = best->key;
      slot.text = best->text;
    }
  }
}

}  // namespace

int CountryOf(const ExtractRules::Impl& rules, int entity) {
  if (entity < 0) return -1;
  const GazetteerEntry& e = rules.entities[entity];
  const std::string& country = !e.read_as.empty()     ? e.read_as
                               : !e.stands_for.empty() ? e.stands_for
                                                       : e.name;
  auto it = rules.entity_names.find(Fold(country));
  if (it == rules.entity_names.end() || rules.entities[it->second].type != "country") return -1;
  return it->second;
}

// The document's leading country that no slot of `f` but its place names:
// a delivery's recipient is not its supplier, though it may be the country
// of the place ("à Bamako"). -1 when two such countries tie.
int DefaultCountry(const ExtractRules::Impl& rules, const std::vector<CountryCount>& countries,
                   const FrameDraft& f) {
  const CountryCount* first = nullptr;
  for (const CountryCount& c : countries) {
    bool named = std::any_of(f.slots.begin(), f.slots.end(), [&](const SlotFill& s) {
      return s.name != "place" && CountryOf(rules, s.entity) == c.entity;
    });
    if (named) continue;
    if (first == nullptr) {
      first = &c;
    } else {
      return c.count < first->count ? first->entity : -1;
    }
  }
  return first == nullptr ? -1 : first->entity;
}

// The organisation the actor rules give `f`'s person for its role, if they
// agree on one ("" otherwise).
std::string KnownOrganisation(const ExtractRules::Impl& rules, const FrameDraft& f) {
  const TemplateDef::KnownHolder& h = *f.pattern->tmpl->known_holder;
  const SlotFill* person = f.Find(h.person);
  const SlotFill* role = f.Find(h.role);
  if (person == nullptr || role == nullptr) return "";
  auto known = rules.known_roles.find(person->key);
  if (known == rules.known_roles.end()) return "";
  std::string out;
  for (const auto& [r, organisation] : known->second) {
    if (r != role->key) continue;
    if (!out.empty() && out != organisation) return "";
    out = organisation;
  }
  return out;
}

void CountryDefaults(const ExtractRules::Impl& rules, absl::string_view language,
                     const std::vector<CountryCount>& countries,
                     std::vector<FrameDraft>* frames) {
  for (FrameDraft& f : *frames) {
    if (f.lender) continue;
    const std::optional<TemplateDef::KnownHolder>& holder = f.pattern->tmpl->known_holder;
    if (holder && f.Find(holder->organisation) == nullptr) {
      const std::string organisation = KnownOrganisation(rules, f);
      if (!organisation.empty()) {
        SlotFill fill;
        fill.name = holder->organisation;
        fill.span = f.span;
        auto entity = rules.entity_names.find(Fold(organisation));
        fill.entity = entity == rules.entity_names.end() ? -1 : entity->second;
        fill.text = fill.entity < 0 ? organisation : EntityName(rules, fill.entity, language);
        fill.key = Fold(fill.text);
        fill.inherited = true;
        f.slots.push_back(fill);
      }
    }
    for (size_t k = 0; k < f.slots.size();) {
      SlotFill& s = f.slots[k];
      int country = s.country_anaphor ? DefaultCountry(rules, countries, f) : -1;
      if (!s.country_anaphor) {
        ++k;
      } else if (country < 0) {
        f.slots.erase(f.slots.begin() + k);
      } else {
        s.text = EntityName(rules, country, language);
        s.key = Fold(s.text);
        s.entity = country;
        s.country_anaphor = false;
        ++k;
      }
    }
    for (const std::string& slot : f.pattern->tmpl->country_default) {
      if (f.Find(slot) != nullptr) continue;
      int country = DefaultCountry(rules, countries, f);
      if (country < 0) continue;
      SlotFill fill;
      fill.name = slot;
      fill.span = f.span;
      fill.text = EntityName(rules, country, language);
      fill.key = Fold(fill.text);
      fill.entity = country;
      fill.inherited = true;
      f.slots.push_back(fill);
    }
  }
}

namespace {

// Slots that name the country of a slot they must differ from are dropped.
void DropSameCountry(const ExtractRules::Impl& rules, std::vector<FrameDraft>* frames) {
  for (FrameDraft& f : *frames) {
    for (const auto& [slot, other] : f.pattern->tmpl->not_same_as) {
      const SlotFill* a = f.Find(slot);
      const SlotFill* b = f.Find(other);
      if (a == nullptr || b == nullptr) continue;
      int country = CountryOf(rules, a->entity);
      if (a->key != b->key && (country < 0 || country != CountryOf(rules, b->entity))) continue;
      f.slots.erase(f.slots.begin() + (a - f.slots.data()));
    }
  }
}

// The last organisation named before `before` in sentence `sentence`, else
// in the sentence before it, or null.
const EntityMention* OrganisationBefore(const ExtractRules::Impl& rules,
                                        const SentenceEntities& entities, size_t sentence,
                                        uint32_t before) {
  for (size_t back = 0; back < 2 && back <= sentence; ++back) {
    const size_t i = sentence - back;
    if (i >= entities.size()) continue;
    const EntityMention* last = nullptr;
    for (const EntityMention& m : entities[i]) {
      if (!m.demonym && m.span.end <= before && rules.entities[m.entity].type == "organisation") {
        last = &m;
      }
    }
    if (last != nullptr) return last;
  }
  return nullptr;
}

// "le groupe", "the group", "la force" names the organisation the nearest
// earlier frame of the template names in that slot; with no such frame, the
// organisation named last before it in its sentence or the one before ("Le
// retrait de Barkhane s'est fait par étapes : la force a remis ..."); with
// neither the slot is dropped.
void ResolveActorAnaphors(const ExtractRules::Impl& rules, absl::string_view language,
                          const SentenceEntities& entities, std::vector<FrameDraft>* frames) {
  for (size_t i = 0; i < frames->size(); ++i) {
    FrameDraft& f = (*frames)[i];
    for (size_t k = 0; k < f.slots.size();) {
      SlotFill& s = f.slots[k];
      if (!s.actor_anaphor) {
        ++k;
        continue;
      }
      const SlotFill* named = nullptr;
      for (size_t j = i; j-- > 0 && named == nullptr;) {
        const FrameDraft& e = (*frames)[j];
        const SlotFill* other = e.pattern->tmpl == f.pattern->tmpl ? e.Find(s.name) : nullptr;
        if (other != nullptr && !other->actor_anaphor && other->entity >= 0 &&
            rules.entities[other->entity].type == "organisation") {
          named = other;
        }
      }
      std::string text, key;
      int entity = -1;
      if (named != nullptr) {
        text = named->text;
        key = named->key;
        entity = named->entity;
      } else if (const EntityMention* m =
                     OrganisationBefore(rules, entities, f.sentence, s.span.begin)) {
        text = EntityName(rules, m->entity, language);
        key = Fold(text);
        entity = m->entity;
      } else {
        const std::vector<std::string>& required = f.pattern->tmpl->required;
        f.lender =
            f.lender || std::find(required.begin(), required.end(), s.name) != required.end();
        f.slots.erase(f.slots.begin() + k);
        continue;
      }
      s.text = std::move(text);
      s.key = std::move(key);
      s.entity = entity;
      s.actor_anaphor = false;
      s.inherited = true;
      ++k;
    }
  }
}

}  // namespace

void CompleteDocumentFrames(const ExtractRules::Impl& rules, absl::string_view language,
                            const std::vector<CountryCount>& countries,
                            const SentenceEntities& entities, std::vector<FrameDraft>* frames) {
  ResolveActorAnaphors(rules, language, entities, frames);
  DropSameCountry(rules, frames);
  FirstMentionCounts(frames);
  Share(frames);
  Inherit(rules, language, frames);
  CountryDefaults(rules, language, countries, frames);
  Counterparts(frames);  // after the defaults, which tell the countries apart
}

}  // namespace crosscheck::extract_internal
