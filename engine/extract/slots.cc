#include "extract/slots.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"
#include "text/text_rules_impl.h"

namespace crosscheck::extract_internal {
namespace {

absl::string_view Slice(absl::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

bool StartsUpper(absl::string_view s) {
  size_t i = 0;
  return !s.empty() && text_internal::IsUpperCodePoint(text_internal::NextCodePoint(s, &i));
}

// Whether a word of `s` is a name or a number ("de Bamako", "101").
bool NamesSomething(absl::string_view s) {
  for (absl::string_view word : absl::StrSplit(s, absl::ByAnyChar(" -'’"), absl::SkipEmpty())) {
    if (StartsUpper(word) || absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) return true;
  }
  return false;
}

}  // namespace

std::string EntityKey(const ExtractRules::Impl& rules, int entity, absl::string_view slot) {
  const GazetteerEntry& e = rules.entities[entity];
  if (!e.read_as.empty()) return Fold(e.read_as);
  if (!e.stands_for.empty() && slot != "place") return Fold(e.stands_for);
  return Fold(e.name);
}

std::string EntityName(const ExtractRules::Impl& rules, int entity, absl::string_view language) {
  const GazetteerEntry& e = rules.entities[entity];
  std::string name = e.read_as.empty() ? e.name : e.read_as;
  if (!e.read_as.empty()) {
    auto it = rules.entity_names.find(Fold(e.read_as));
    if (it != rules.entity_names.end()) return EntityName(rules, it->second, language);
  }
  for (const auto& [lang, n] : e.names) {
    if (lang == language) return n;
  }
  return name;
}

SlotFill SlotReader::Entity(const std::string& name, const EntityMention& m) const {
  SlotFill f;
  f.name = name;
  f.span = m.span;
  const GazetteerEntry& e = rules_.entities[m.entity];
  f.text = !e.read_as.empty() || m.demonym ? EntityName(rules_, m.entity, lang_.name)
                                           : std::string(Slice(ctx_.text, m.span));
  // An organisation written with its kind ("la société Wagner", "la force
  // Barkhane") is named by its name as written; places and countries keep
  // their long form ("Fédération de Russie").
  if (!m.demonym && e.read_as.empty() && e.type == "organisation" &&
      f.text.size() > e.name.size()) {
    absl::string_view tail = absl::string_view(f.text).substr(f.text.size() - e.name.size());
    const char before = f.text[f.text.size() - e.name.size() - 1];
    if ((before == ' ' || before == '\'') && Fold(tail) == Fold(e.name)) {
      f.text = std::string(tail);
    } else {
      // English puts the kind after the name ("the Wagner Group").
      absl::string_view head = absl::string_view(f.text).substr(0, e.name.size());
      absl::string_view kind = absl::string_view(f.text).substr(e.name.size());
      if (kind.size() > 1 && kind[0] == ' ' && kind.find(' ', 1) == absl::string_view::npos &&
          Fold(head) == Fold(e.name)) {
        f.text = std::string(head);
      }
    }
  }
  f.key = EntityKey(rules_, m.entity, name);
  f.entity = m.entity;
  return f;
}

SlotFill SlotReader::Text(const std::string& name, Span s) const {
  SlotFill f;
  f.name = name;
  f.span = s;
  f.text = std::string(Slice(ctx_.text, s));
  f.key = Fold(f.text);
  return f;
}

SlotFill DateFill(const std::string& name, const DateMention& d, absl::string_view text) {
  SlotFill f;
  f.name = name;
  f.span = {d.begin, d.end};
  f.text = std::string(text.substr(d.begin, d.end - d.begin));
  f.kind = SlotFill::Kind::kDate;
  f.date = d;
  if (d.resolved) f.key = DateKey(d);
  return f;
}

SlotFill SlotReader::Date(const std::string& name, const DateMention& d) const {
  return DateFill(name, d, ctx_.text);
}

const DateMention* SlotReader::DateIn(Span s) const {
  for (const DateMention& d : *ctx_.dates) {
    if (d.begin >= s.begin && d.end <= s.end) return &d;
  }
  return nullptr;
}

namespace {

// `span` without the match of `re` (and the spaces after it) that opens it.
Span SkipLeading(const RE2* re, absl::string_view text, Span span) {
  if (re == nullptr) return span;
  std::vector<Span> found = FindAll(*re, text, span);
  if (found.empty() || found.front().begin != span.begin) return span;
  span.begin = found.front().end;
  while (span.begin < span.end && text[span.begin] == ' ') ++span.begin;
  return span;
}

}  // namespace

void SlotReader::ReadAgent(const std::string& name, SlotType type, Span s, Span stripped,
                           bool all, std::vector<SlotFill>* out) const {
  absl::string_view text = ctx_.text;
  // A count that opens the phrase is no name ("Around 300 British personnel").
  const Span counted = SkipLeading(lang_.count_re.get(), text, stripped);
  // Persons: each name, skipping the titles before them ("le ministre de
  // la Défense, le colonel Sadio Camara").
  Span search = counted.begin > s.begin ? Span{counted.begin, s.end} : s;
  size_t before = out->size();
  while (!search.empty()) {
    Span person;
    if (!FindPerson(rules_, lang_, text, search, &person)) break;
    out->push_back(Text(name, person));
    if (!all) return;
    search.begin = person.end;
  }
  if (out->size() > before || type == SlotType::kPerson) return;
  for (const EntityMention& m : ctx_.mentions->EntitiesIn(s)) {
    if (m.demonym) continue;
    out->push_back(Entity(name, m));
    if (!all) return;
  }
  if (out->size() > before) return;
  // A nationality adjective alone ("des « instructeurs » russes", "Russian
  // instructors" read as "russes", "Russian") gives its country; a noun of
  // nationality ("les Russes présents au Mali", "the Russians") names
  // people and stays as written.
  const std::vector<EntityMention> named = ctx_.mentions->EntitiesIn(stripped);
  const absl::string_view word = Slice(text, stripped);
  const bool adjective =
      !word.empty() && (!StartsUpper(word) || (word.back() != 's' && word.back() != 'S'));
  if (adjective && named.size() == 1 && named.front().demonym &&
      named.front().span.begin == stripped.begin && named.front().span.end == stripped.end) {
    out->push_back(Entity(name, named.front()));
    return;
  }
  // A country's armed forces ("les militaires français") stand for it.
  // The phrase must be headed by the forces, a count aside ("quelque 2 400
  // militaires français", not "deux responsables militaires maliens").
  auto forces = lang_.lexicon_re.find("armed_forces");
  // English puts the demonym first ("French troops").
  const Span head = SkipLeading(lang_.demonym_re.get(), text, counted);
  std::vector<Span> force_words;
  if (forces != lang_.lexicon_re.end()) force_words = FindAll(*forces->second, text, head);
  if (!force_words.empty() && force_words.front().begin == head.begin) {
    if (!named.empty()) {
      out->push_back(Entity(name, named.front()));
      return;
    }
  }
  // A pronoun ("Il s'est rendu à Moscou") names no one, and a phrase with
  // one is a clause, not a name ("nine years after they were deployed").
  if (InLexicon(lang_, "pronoun", Fold(Slice(text, stripped)))) return;
  for (absl::string_view w : absl::StrSplit(Slice(text, stripped), ' ', absl::SkipEmpty())) {
    if (InLexicon(lang_, "pronoun", Fold(w))) return;
  }
  out->push_back(Text(name, stripped));
}

// Whether coordination `c` joins two capitalised words, inside a name
// ("the Malian Defence and Security Forces", "Défense et Anciens
// combattants"), rather than two targets.
bool SlotReader::InName(Span c) const {
  const absl::string_view text = ctx_.text;
  uint32_t end = c.begin;
  while (end > ctx_.sentence.begin && text[end - 1] == ' ') --end;
  uint32_t begin = end;
  while (begin > ctx_.sentence.begin && text[begin - 1] != ' ') --begin;
  uint32_t next = c.end;
  while (next < ctx_.sentence.end && text[next] == ' ') ++next;
  return begin < end && next < ctx_.sentence.end && StartsUpper(text.substr(begin, end - begin)) &&
         StartsUpper(text.substr(next, ctx_.sentence.end - next));
}

// Whether a date of the sentence covers the start of `s`.
bool SlotReader::StartsWithDate(Span s) const {
  return std::any_of(ctx_.dates->begin(), ctx_.dates->end(),
                     [&](const DateMention& d) { return d.begin <= s.begin && s.begin < d.end; });
}

// Whether text[s] is a date of the sentence with at most one short word
// before it ("On 7 August 2022", "Le 7 août 2022", "Mardi").
bool SlotReader::DateOnly(Span s) const {
  const absl::string_view text = ctx_.text;
  for (const DateMention& d : *ctx_.dates) {
    if (d.begin < s.begin || d.end > s.end) continue;
    if (!TrimPhrase(Slice(text, {d.end, s.end})).empty()) continue;
    const absl::string_view before = TrimPhrase(Slice(text, {s.begin, d.begin}));
    if (before.size() <= 3 && before.find(' ') == absl::string_view::npos) return true;
  }
  return false;
}

// A target: up to the first comma, quotes and a trailing place removed
// ("le camp militaire de Tessit" -> "camp militaire"); with `all`, each of
// the phrases joined by "et" or commas.
void SlotReader::ReadTarget(const std::string& name, Span s, bool all,
                            std::vector<SlotFill>* out) const {
  absl::string_view text = ctx_.text;
  std::vector<Span> parts;
  auto coordination = lang_.lexicon_re.find("coordination");
  if (all && coordination != lang_.lexicon_re.end()) {
    uint32_t from = s.begin;
    for (const Span& c : FindAll(*coordination->second, text, s)) {
      if (InName(c)) continue;
      parts.push_back({from, c.begin});
      from = c.end;
    }
    parts.push_back({from, s.end});
  } else {
    parts.push_back(s);
  }
  for (Span part : parts) {
    // A date fronted before the target is no target: "On 7 August 2022,
    // the camp of … at Tessit was attacked".
    for (size_t comma; (comma = Slice(text, part).find(',')) != absl::string_view::npos;) {
      const Span lead{part.begin, part.begin + static_cast<uint32_t>(comma)};
      if (!DateOnly(lead)) break;
      part.begin = lead.end + 1;
    }
    size_t comma = Slice(text, part).find(',');
    if (comma != absl::string_view::npos) part.end = part.begin + static_cast<uint32_t>(comma);
    Span t = StripDeterminers(lang_, text, part);
    if (t.empty() || StartsWithDate(t)) continue;
    // Quotation marks around the target are not part of it.
    auto strip_quotes = [&](Span* x) {
      for (bool changed = true; changed && !x->empty();) {
        changed = false;
        absl::string_view v = Slice(text, *x);
        if (absl::StartsWith(v, "\xC2\xAB") || absl::StartsWith(v, "\"")) {
          x->begin += absl::StartsWith(v, "\"") ? 1 : 2;
          changed = true;
        }
        v = Slice(text, *x);
        if (absl::EndsWith(v, "\xC2\xBB") || absl::EndsWith(v, "\"")) {
          x->end -= absl::EndsWith(v, "\"") ? 1 : 2;
          changed = true;
        }
        absl::string_view trimmed = TrimPhrase(Slice(text, *x));
        x->begin = static_cast<uint32_t>(trimmed.data() - text.data());
        x->end = x->begin + static_cast<uint32_t>(trimmed.size());
      }
    };
    strip_quotes(&t);
    t = StripDeterminers(lang_, text, t);
    // A place at the end, after a preposition, is the place, not the target;
    // a target that is only a place is no target.
    bool only_place = false;
    auto preposition = lang_.lexicon_re.find("place_preposition");
    for (const EntityMention& m : ctx_.mentions->EntitiesIn(t)) {
      const std::string& type = rules_.entities[m.entity].type;
      if (m.demonym || (type != "place" && type != "capital") || m.span.end != t.end) continue;
      if (m.span.begin == t.begin) only_place = true;
      if (preposition == lang_.lexicon_re.end()) continue;
      for (const Span& prep : FindAll(*preposition->second, text, {t.begin, m.span.begin})) {
        absl::string_view gap = Slice(text, {prep.end, m.span.begin});
        if (prep.begin > t.begin && TrimPhrase(gap).empty()) t.end = prep.begin;
      }
    }
    // A place in front is the place too: "the Tessit camp", "Kati military
    // camp".
    for (const EntityMention& m : ctx_.mentions->EntitiesIn(t)) {
      const std::string& type = rules_.entities[m.entity].type;
      if (m.demonym || (type != "place" && type != "capital") || m.span.begin != t.begin ||
          m.span.end >= t.end) {
        continue;
      }
      if (tmpl_.Find("place") != nullptr) out->push_back(Entity("place", m));
      t.begin = m.span.end;
      break;
    }
    Span place = UnknownPlaceAfterFacility(t);
    if (!place.empty()) {
      t.end = place.begin;
      t = StripPreposition(t);
      if (tmpl_.Find("place") != nullptr) out->push_back(Text("place", place));
    }
    absl::string_view trimmed = TrimPhrase(Slice(text, t));
    if (trimmed.empty() || only_place) continue;
    t.begin = static_cast<uint32_t>(trimmed.data() - text.data());
    t.end = t.begin + static_cast<uint32_t>(trimmed.size());
    out->push_back(Text(name, t));
  }
}

// "la base militaire de Gadi": a capitalized name the gazetteer does not know,
// after a place preposition that follows a facility, is a place.
Span SlotReader::UnknownPlaceAfterFacility(Span t) const {
  absl::string_view text = ctx_.text;
  auto preposition = lang_.lexicon_re.find("place_preposition");
  auto facility = lang_.lexicon_re.find("facility");
  if (preposition == lang_.lexicon_re.end() || facility == lang_.lexicon_re.end()) return {};
  std::vector<Span> preps = FindAll(*preposition->second, text, t);
  if (preps.empty() || FindAll(*facility->second, text, {t.begin, preps.back().begin}).empty()) {
    return {};
  }
  Span name{preps.back().end, t.end};
  absl::string_view rest = TrimPhrase(Slice(text, name));
  if (rest.empty() || rest.size() > 40) return {};
  for (absl::string_view word : absl::StrSplit(rest, ' ', absl::SkipEmpty())) {
    if (!StartsUpper(word)) return {};
  }
  if (!ctx_.mentions->EntitiesIn(name).empty()) return {};
  name.begin = static_cast<uint32_t>(rest.data() - text.data());
  name.end = name.begin + static_cast<uint32_t>(rest.size());
  return name;
}

// `t` without a place preposition at its end.
Span SlotReader::StripPreposition(Span t) const {
  absl::string_view text = ctx_.text;
  auto preposition = lang_.lexicon_re.find("place_preposition");
  if (preposition == lang_.lexicon_re.end()) return t;
  std::vector<Span> preps = FindAll(*preposition->second, text, t);
  if (!preps.empty() && TrimPhrase(Slice(text, {preps.back().end, t.end})).empty()) {
    t.end = preps.back().begin;
  }
  return t;
}

uint32_t SlotReader::EndBeforeDate(uint32_t from, uint32_t end) const {
  uint32_t cut = end;
  for (const DateMention& d : *ctx_.dates) {
    if (from <= d.begin && d.begin < cut) cut = d.begin;
  }
  if (cut == end) return end;
  absl::string_view text = ctx_.text;
  for (;;) {
    while (cut > from && text[cut - 1] == ' ') --cut;
    uint32_t word = cut;
    while (word > from && text[word - 1] != ' ') --word;
    if (word == cut || !InLexicon(lang_, "date_preposition", Fold(Slice(text, {word, cut})))) {
      return cut;
    }
    cut = word;
  }
}

void SlotReader::Read(const std::string& name, SlotType type, Span s, bool all,
                      std::vector<SlotFill>* out) const {
  absl::string_view text = ctx_.text;
  Span stripped = StripDeterminers(lang_, text, s);
  if (stripped.empty()) return;
  // A target may follow a fronted date ("Le 7 août 2022, le camp de
  // Tessit a été attaqué"): ReadTarget skips it.
  if (type == SlotType::kTarget) {
    ReadTarget(name, s, all, out);
    return;
  }
  // A place or a name read as written does not begin with a date: "landed
  // in September 2021", "the attack on Sunday afternoon". (Lists and agents
  // read the names inside their span.)
  const bool as_written =
      type == SlotType::kPlace || type == SlotType::kEntity || type == SlotType::kText;
  if (as_written && StartsWithDate(stripped)) return;
  // "le groupe", "the group": the organisation named before; "le pays",
  // "the country": the country the article is about (document_pass.cc).
  const std::string phrase = Fold(Slice(text, stripped));
  const bool actor = (type == SlotType::kAgent || type == SlotType::kEntity) &&
                     InLexicon(lang_, "actor_anaphor", phrase);
  const bool country = !actor && (type == SlotType::kPlace || type == SlotType::kEntity) &&
                       InLexicon(lang_, "country_anaphor", phrase);
  if (actor || country) {
    SlotFill f = Text(name, stripped);
    f.key.clear();
    f.actor_anaphor = actor;
    f.country_anaphor = country;
    out->push_back(std::move(f));
    return;
  }
  if (type == SlotType::kPlace) {
    // A facility keeps its whole name ("aéroport international de Bamako");
    // anything else is read as an entity.
    auto facility = lang_.lexicon_re.find("facility");
    if (facility != lang_.lexicon_re.end()) {
      std::vector<Span> at = FindAll(*facility->second, text, stripped);
      if (!at.empty()) {
        // "Bamako airport": a name just before the facility is part of it.
        uint32_t begin = at.front().begin;
        for (const EntityMention& m : ctx_.mentions->EntitiesIn(stripped)) {
          absl::string_view gap = Slice(text, {m.span.end, begin});
          if (m.span.end <= begin && (TrimPhrase(gap).empty() || gap == "'s " || gap == "’s ")) {
            begin = m.span.begin;
          }
        }
        // The name ends where a date begins ("Bamako airport on 19
        // January"), with the word that brings the date.
        const uint32_t end = EndBeforeDate(at.front().end, stripped.end);
        // A facility names a place with a name or number ("l'aéroport de
        // Bamako", "base 101"), not alone ("the centre of the country").
        if (begin == at.front().begin && !NamesSomething(Slice(text, {at.front().end, end}))) {
          return;
        }
        out->push_back(Text(name, {begin, end}));
        return;
      }
    }
    type = SlotType::kEntity;
  }
  switch (type) {
    case SlotType::kPlace:
    case SlotType::kEntity: {
      if (all) {
        size_t before = out->size();
        std::vector<std::string> keys;
        for (const EntityMention& m : ctx_.mentions->EntitiesIn(s)) {
          SlotFill f = Entity(name, m);
          if (std::find(keys.begin(), keys.end(), f.key) != keys.end()) continue;
          keys.push_back(f.key);
          out->push_back(std::move(f));
        }
        if (out->size() > before) return;
      } else {
        EntityMention m;
        if (ctx_.mentions->EntityIn(s, &m)) {
          out->push_back(Entity(name, m));
          return;
        }
      }
      if (StartsUpper(Slice(text, stripped))) out->push_back(Text(name, stripped));
      return;
    }
    case SlotType::kPerson:
    case SlotType::kAgent:
      // The modality keeps the allegation; the agent is the noun.
      stripped = StripLexiconWords(lang_, "allegation", text, stripped);
      ReadAgent(name, type, s, stripped, all, out);
      return;
    case SlotType::kTarget:
    case SlotType::kText:
    case SlotType::kModel:
      out->push_back(Text(name, stripped));
      return;
    case SlotType::kTerm: {
      SlotFill f = Text(name, stripped);
      std::string folded = Fold(f.text);
      auto it = lang_.terms.find(folded);
      for (absl::string_view word : absl::StrSplit(folded, ' ')) {
        if (it != lang_.terms.end()) break;
        it = lang_.terms.find(word);
      }
      if (it != lang_.terms.end()) f.key = f.text = it->second;
      out->push_back(std::move(f));
      return;
    }
    case SlotType::kCount: {
      Count c;
      if (!ParseCount(lang_, Slice(text, stripped), &c) &&
          !ParseCount(lang_, TrimPhrase(Slice(text, s)), &c)) {
        return;
      }
      SlotFill f = Text(name, s);
      f.kind = SlotFill::Kind::kCount;
      f.count = c;
      f.key = c.Key();
      out->push_back(std::move(f));
      return;
    }
    case SlotType::kDate:
      if (const DateMention* d = DateIn(s)) out->push_back(Date(name, *d));
      return;
    case SlotType::kItemClass: {
      std::vector<Item> items = ParseItems(rules_, lang_, text, s);
      if (items.empty()) return;
      SlotFill f = Text(name, items[0].noun);
      f.key = f.text = rules_.classes[items[0].item_class].name;
      out->push_back(std::move(f));
      return;
    }
    case SlotType::kRole: {
      RoleMention role;
      if (!ctx_.mentions->RoleIn(s, &role)) return;
      SlotFill f = Text(name, role.span);
      f.key = f.text = role.role;
      out->push_back(std::move(f));
      if (tmpl_.Find("organisation") == nullptr) return;
      if (role.has_org) {
        out->push_back(Entity("organisation", role.org));
      } else if (!role.organisation.empty()) {
        SlotFill org = Text("organisation", role.span);
        org.text = role.organisation;
        org.key = role.organisation_key;
        out->push_back(std::move(org));
      }
      return;
    }
    case SlotType::kList: {
      std::vector<std::string> names, keys;
      for (const EntityMention& m : ctx_.mentions->EntitiesIn(s)) {
        std::string key = EntityKey(rules_, m.entity, name);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        names.push_back(m.demonym ? EntityName(rules_, m.entity, lang_.name)
                                  : std::string(Slice(text, m.span)));
      }
      if (names.empty()) return;
      SlotFill f;
      f.name = name;
      f.span = s;
      f.text = absl::StrJoin(names, ";");  // in the order written
      std::sort(keys.begin(), keys.end());
      f.key = absl::StrJoin(keys, ";");
      out->push_back(std::move(f));
      return;
    }
  }
}

}  // namespace crosscheck::extract_internal
