#include "extract/mentions.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"

namespace crosscheck::extract_internal {
namespace {

absl::string_view Slice(absl::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

size_t NextCharStart(absl::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

}  // namespace

std::vector<std::string> GapWords(absl::string_view text, uint32_t begin, uint32_t end) {
  std::vector<std::string> words;
  if (end <= begin) return words;
  // Spaces and hyphens alone, the usual gap between two words, fold to
  // nothing.
  absl::string_view raw = text.substr(begin, end - begin);
  if (std::all_of(raw.begin(), raw.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
      })) {
    return words;
  }
  std::string gap;
  for (char c : raw) {
    if (c == ',') {
      gap += " , ";
    } else {
      gap.push_back(c);
    }
  }
  std::string folded = Fold(gap);
  for (absl::string_view w : absl::StrSplit(folded, ' ', absl::SkipEmpty())) {
    words.emplace_back(w);
  }
  return words;
}

namespace {

bool AllIn(const std::vector<std::string>& words,
           std::initializer_list<absl::string_view> allowed) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(allowed.begin(), allowed.end(), w) != allowed.end();
  });
}

uint32_t ItemEnd(const Item& item) {
  uint32_t end = item.noun.end;
  for (const Span& m : item.models) end = std::max(end, m.end);
  return end;
}

// A number that ends a place's name ("Air Base 101", "la base 101") counts
// nothing: the word before it is capitalised or a facility.
bool NamesAPlace(const Language& lang, absl::string_view text, uint32_t floor, Span number) {
  absl::string_view digits = Slice(text, number);
  if (digits.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(digits.front()))) {
    return false;
  }
  uint32_t end = number.begin;
  while (end > floor && text[end - 1] == ' ') --end;
  uint32_t begin = end;
  while (begin > floor && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
  if (begin == end) return false;
  absl::string_view word = text.substr(begin, end - begin);
  if (absl::ascii_isupper(static_cast<unsigned char>(word.front())) && begin > floor) return true;
  return InLexicon(lang, "facility", Fold(word));
}

// The count written just before `start` (premodifiers and "de" aside),
// after `floor`.
bool CountBefore(const Language& lang, absl::string_view text,
                 const std::vector<Span>& counts, uint32_t floor, uint32_t start,
                 Count* count, Span* where) {
  for (auto it = counts.rbegin(); it != counts.rend(); ++it) {
    if (it->end > start || it->begin < floor) continue;
    if (NamesAPlace(lang, text, floor, *it)) return false;
    std::vector<std::string> gap = GapWords(text, it->end, start);
    // "four Russian Mi-171 helicopters": a demonym may stand between, and
    // so may a compound of one ("two Russian-made Mi-8", whose parts
    // GapWords splits); "42 de nos soldats": so may a determiner of the
    // counted lot.
    auto demonym = [&](absl::string_view w) {
      return lang.demonym_re != nullptr &&
             RE2::FullMatch(re2::StringPiece(w.data(), w.size()), *lang.demonym_re);
    };
    absl::string_view raw = Slice(text, {it->end, start});
    bool compound = false;  // a hyphen inside a word
    for (size_t h = raw.find('-'); h != absl::string_view::npos; h = raw.find('-', h + 1)) {
      if (h > 0 && h + 1 < raw.size() && raw[h - 1] != ' ' && raw[h + 1] != ' ') compound = true;
    }
    bool ok = true;
    for (size_t k = 0; ok && k < gap.size(); ++k) {
      const std::string& w = gap[k];
      ok = w == "de" || w == "d'" || w == "of" || InLexicon(lang, "item_premodifier", w) ||
           InLexicon(lang, "count_partitive", w) || demonym(w) ||
           (compound && k > 0 && demonym(gap[k - 1]));
    }
    if (!ok || !ParseCount(lang, Slice(text, *it), count)) return false;
    *where = *it;
    return true;
  }
  return false;
}

void AttachCount(const Language& lang, absl::string_view text,
                 const std::vector<Span>& counts, uint32_t floor, Item* item) {
  item->has_count = CountBefore(lang, text, counts, floor, item->start, &item->count,
                                &item->count_span);
}

// The word before `pos` (after `floor`), folded, premodifiers skipped;
// "of" when the item is the content of a container ("un lot d'armes").
std::string WordBefore(const Language& lang, absl::string_view text, uint32_t floor,
                       uint32_t pos) {
  std::vector<std::string> words = GapWords(text, floor, pos);
  while (!words.empty() && InLexicon(lang, "item_premodifier", words.back())) words.pop_back();
  if (words.size() >= 2 && (words.back() == "de" || words.back() == "d'" || words.back() == "of") &&
      InLexicon(lang, "container", words[words.size() - 2])) {
    return "of";
  }
  return words.empty() ? std::string() : words.back();
}

// French marks the plural on the first word ("avions de combat"), English
// on the last ("fighter jets").
bool IsPlural(absl::string_view folded_noun) {
  absl::string_view first = folded_noun.substr(0, folded_noun.find(' '));
  absl::string_view last = folded_noun.substr(folded_noun.rfind(' ') + 1);
  auto plural = [](absl::string_view w) { return !w.empty() && (w.back() == 's' || w.back() == 'x'); };
  return plural(first) || plural(last);
}

// re.Match(text, pos, end, UNANCHORED) for the span of the first match, or
// what `memo` (optional: ScanMemo::For(re, text)) answers for it.
bool Search(const RE2& re, absl::string_view text, size_t pos, size_t end, Span* found,
            ScanMemo::Scanner* memo) {
  if (memo != nullptr) return memo->Match(pos, end, found);
  re2::StringPiece m;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, end, RE2::UNANCHORED, &m, 1)) {
    return false;
  }
  found->begin = static_cast<uint32_t>(m.data() - text.data());
  found->end = found->begin + static_cast<uint32_t>(m.size());
  return true;
}

// The next match of `re` in text[*pos, span.end) at word boundaries; *pos
// moves past it. FindAll is this until it fails. `memo` (optional) is
// ScanMemo::For(re, text).
bool FindNext(const RE2& re, absl::string_view text, Span span, size_t* pos, Span* out,
              ScanMemo::Scanner* memo) {
  Span found;
  auto match = [&] { return Search(re, text, *pos, span.end, &found, memo); };
  while (*pos < span.end && match()) {
    size_t b = found.begin;
    size_t e = found.end;
    if (e == b || !AtWordBoundary(text, b) || !AtWordBoundary(text, e)) {
      *pos = NextCharStart(text, b);
      continue;
    }
    *out = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    *pos = e;
    return true;
  }
  *pos = span.end;
  return false;
}

thread_local ScanMemo* current_memo = nullptr;

}  // namespace

ScanMemo::Scope::Scope(ScanMemo* memo, absl::string_view text) : previous_(current_memo) {
  memo->text_ = text;
  memo->used_ = 0;
  current_memo = memo;
}

ScanMemo::Scope::~Scope() { current_memo = previous_; }

ScanMemo::Scanner* ScanMemo::For(const RE2& re, absl::string_view text) {
  ScanMemo* memo = current_memo;
  if (memo == nullptr || memo->text_.data() != text.data() ||
      memo->text_.size() != text.size()) {
    return nullptr;
  }
  for (size_t k = 0; k < memo->used_; ++k) {
    if (memo->scanners_[k]->re_ == &re) return memo->scanners_[k].get();
  }
  if (memo->used_ == memo->scanners_.size()) {
    memo->scanners_.push_back(std::make_unique<Scanner>());
  }
  Scanner* s = memo->scanners_[memo->used_++].get();
  s->re_ = &re;
  s->text_ = text;
  s->searches_.clear();
  return s;
}

bool ScanMemo::Scanner::Match(size_t pos, size_t end, Span* m) {
  for (const Search& s : searches_) {
    if (pos < s.pos || end > s.end) continue;
    if (!s.found) return false;
    if (pos > s.m.begin) continue;
    if (s.m.begin >= end) return false;
    if (s.m.end <= end) {
      *m = s.m;
      return true;
    }
  }
  re2::StringPiece input(text_.data(), text_.size());
  re2::StringPiece found;
  Search s;
  s.pos = static_cast<uint32_t>(pos);
  s.end = static_cast<uint32_t>(end);
  s.found = re_->Match(input, pos, end, RE2::UNANCHORED, &found, 1);
  if (s.found) {
    s.m.begin = static_cast<uint32_t>(found.data() - text_.data());
    s.m.end = s.m.begin + static_cast<uint32_t>(found.size());
    *m = s.m;
  }
  searches_.push_back(s);
  return s.found;
}

bool InLexicon(const Language& lang, const char* name, absl::string_view folded) {
  auto it = lang.lexicons.find(name);
  return it != lang.lexicons.end() && it->second.contains(folded);
}

std::vector<Span> FindAll(const RE2& re, absl::string_view text, Span span) {
  std::vector<Span> out;
  size_t pos = span.begin;
  Span s;
  ScanMemo::Scanner* memo = ScanMemo::For(re, text);
  while (FindNext(re, text, span, &pos, &s, memo)) out.push_back(s);
  return out;
}

bool FirstMatch(const RE2& re, absl::string_view text, size_t pos, size_t end, Span* m) {
  return Search(re, text, pos, end, m, ScanMemo::For(re, text));
}

bool FindsAny(const RE2& re, absl::string_view text, Span span) {
  size_t pos = span.begin;
  Span s;
  return FindNext(re, text, span, &pos, &s, ScanMemo::For(re, text));
}

bool FindEntity(const ExtractRules::Impl& rules, const Language& lang,
                absl::string_view text, Span span, EntityMention* out) {
  Span s;
  size_t pos = span.begin;
  ScanMemo::Scanner* memo =
      lang.entity_re != nullptr ? ScanMemo::For(*lang.entity_re, text) : nullptr;
  while (lang.entity_re != nullptr && FindNext(*lang.entity_re, text, span, &pos, &s, memo)) {
    auto it = rules.entity_names.find(Fold(Slice(text, s)));
    if (it == rules.entity_names.end()) continue;
    *out = {s, it->second, false};
    return true;
  }
  pos = span.begin;
  memo = lang.demonym_re != nullptr ? ScanMemo::For(*lang.demonym_re, text) : nullptr;
  while (lang.demonym_re != nullptr && FindNext(*lang.demonym_re, text, span, &pos, &s, memo)) {
    auto it = rules.demonyms.find(Fold(Slice(text, s)));
    if (it == rules.demonyms.end()) continue;
    *out = {s, it->second, true};
    return true;
  }
  return false;
}

std::vector<EntityMention> FindEntities(const ExtractRules::Impl& rules,
                                        const Language& lang,
                                        absl::string_view text, Span span) {
  std::vector<EntityMention> out;
  if (lang.entity_re != nullptr) {
    for (const Span& s : FindAll(*lang.entity_re, text, span)) {
      auto it = rules.entity_names.find(Fold(Slice(text, s)));
      if (it != rules.entity_names.end()) out.push_back({s, it->second, false});
    }
  }
  if (lang.demonym_re != nullptr) {
    for (const Span& s : FindAll(*lang.demonym_re, text, span)) {
      auto it = rules.demonyms.find(Fold(Slice(text, s)));
      bool inside = std::any_of(out.begin(), out.end(), [&](const EntityMention& e) {
        return s.begin < e.span.end && e.span.begin < s.end;
      });
      if (it != rules.demonyms.end() && !inside) out.push_back({s, it->second, true});
    }
  }
  std::sort(out.begin(), out.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

bool FindPerson(const ExtractRules::Impl& rules, const Language& lang,
                absl::string_view text, Span span, Span* out) {
  if (lang.person_re == nullptr) return false;
  // The candidates one at a time: the first that is a person ends the search.
  size_t next = span.begin;
  ScanMemo::Scanner* memo = ScanMemo::For(*lang.person_re, text);
  Span s;
  if (!FindNext(*lang.person_re, text, span, &next, &s, memo)) return false;
  // The titles and the gazetteer names of the span, scanned for once a
  // candidate needs them.
  std::vector<Span> roles, names;
  bool have_names = false;
  if (lang.role_re != nullptr) roles = FindAll(*lang.role_re, text, span);
  auto not_a_name = [&](absl::string_view word) {
    std::string folded = Fold(word);
    return rules.entity_names.contains(folded) || rules.demonyms.contains(folded) ||
           InLexicon(lang, "det", folded) || InLexicon(lang, "not_a_name", folded);
  };
  do {
    // A title written in capitals before the name ("Deputy Defence Minister
    // Yunus-Bek Yevkurov") is cut off.
    for (const Span& r : roles) {
      if (r.begin <= s.begin + 1 && r.end > s.begin && r.end < s.end) {
        s.begin = r.end;
        while (s.begin < s.end && (text[s.begin] == ' ' || text[s.begin] == ',')) ++s.begin;
      }
    }
    // Leading words that are no name ("Le", "Dans", "Mali") are dropped.
    while (!s.empty()) {
      absl::string_view rest = Slice(text, s);
      size_t word = rest.find(' ');
      if (word == absl::string_view::npos) word = rest.size();
      if (!not_a_name(rest.substr(0, word))) break;
      s.begin += static_cast<uint32_t>(std::min(rest.size(), word + 1));
    }
    Count number;
    if (s.empty() || not_a_name(Slice(text, s)) || ParseCount(lang, Slice(text, s), &number)) {
      continue;
    }
    auto overlaps = [&](const Span& r) { return s.begin < r.end && r.begin < s.end; };
    if (std::any_of(roles.begin(), roles.end(), overlaps)) continue;
    // Names of the gazetteer ("État islamique au Grand Sahara") are no persons.
    if (!have_names && lang.entity_re != nullptr) names = FindAll(*lang.entity_re, text, span);
    have_names = true;
    if (std::any_of(names.begin(), names.end(), overlaps)) continue;
    *out = s;
    return true;
  } while (FindNext(*lang.person_re, text, span, &next, &s, memo));
  return false;
}

bool FindRole(const ExtractRules::Impl& rules, const Language& lang,
              absl::string_view text, Span span, RoleMention* out) {
  if (lang.role_re == nullptr) return false;
  std::vector<re2::StringPiece> groups;
  re2::StringPiece input(text.data(), text.size());
  size_t pos = span.begin;
  Span s;
  ScanMemo::Scanner* memo = ScanMemo::For(*lang.role_re, text);
  while (FindNext(*lang.role_re, text, span, &pos, &s, memo)) {
    // The longest exact title at the first word of the loosely matched span
    // where one starts ("met President" holds the title "President").
    const RoleTitle* best = nullptr;
    std::vector<re2::StringPiece> best_groups;
    std::vector<int> starting;
    for (uint32_t at = s.begin; at < s.end && best == nullptr; ++at) {
      if (!AtWordBoundary(text, at) || text[at] == ' ') continue;
      starting.clear();
      if (lang.role_set != nullptr) {
        lang.role_set->Match(re2::StringPiece(text.data() + at, span.end - at), &starting);
        if (starting.empty()) continue;
        std::sort(starting.begin(), starting.end());
      } else {
        for (size_t k = 0; k < lang.roles.size(); ++k) starting.push_back(static_cast<int>(k));
      }
      for (int k : starting) {
        const RoleTitle& r = lang.roles[k];
        groups.assign(r.re->NumberOfCapturingGroups() + 1, re2::StringPiece());
        // The exact title may run past the loose match ("président de" for
        // "président de transition").
        if (!r.re->Match(input, at, span.end, RE2::ANCHOR_START, groups.data(),
                         static_cast<int>(groups.size()))) {
          continue;
        }
        size_t end = groups[0].data() - text.data() + groups[0].size();
        if (!AtWordBoundary(text, end)) continue;
        if (best == nullptr || groups[0].size() > best_groups[0].size()) {
          best = &r;
          best_groups = groups;
        }
      }
    }
    if (best == nullptr) continue;
    uint32_t begin = static_cast<uint32_t>(best_groups[0].data() - text.data());
    out->span = {begin, begin + static_cast<uint32_t>(best_groups[0].size())};
    out->role = best->role;
    out->organisation = best->organisation;
    out->organisation_key = best->organisation_key;
    out->has_org = false;
    for (size_t g = 1; g < best_groups.size(); ++g) {
      if (best_groups[g].data() == nullptr) continue;
      uint32_t b = static_cast<uint32_t>(best_groups[g].data() - text.data());
      Span org{b, b + static_cast<uint32_t>(best_groups[g].size())};
      out->has_org = FindEntity(rules, lang, text, org, &out->org);
      if (out->has_org) break;
    }
    return true;
  }
  return false;
}

void SentenceMentions::Find(const ExtractRules::Impl& rules, const Language& lang,
                            absl::string_view text, Span sentence) {
  entities = FindEntities(rules, lang, text, sentence);
  roles.clear();
  Span rest = sentence;
  RoleMention role;
  while (!rest.empty() && FindRole(rules, lang, text, rest, &role)) {
    roles.push_back(role);
    rest.begin = role.span.end;
  }
}

std::vector<EntityMention> SentenceMentions::EntitiesIn(Span span) const {
  std::vector<EntityMention> out;
  for (const EntityMention& m : entities) {
    if (span.begin <= m.span.begin && m.span.end <= span.end) out.push_back(m);
  }
  return out;
}

bool SentenceMentions::EntityIn(Span span, EntityMention* out) const {
  for (bool demonym : {false, true}) {
    for (const EntityMention& m : entities) {
      if (m.demonym == demonym && span.begin <= m.span.begin && m.span.end <= span.end) {
        *out = m;
        return true;
      }
    }
  }
  return false;
}

bool SentenceMentions::RoleIn(Span span, RoleMention* out) const {
  for (const RoleMention& r : roles) {
    if (span.begin <= r.span.begin && r.span.end <= span.end) {
      *out = r;
      return true;
    }
  }
  return false;
}

std::vector<Item> ParseItems(const ExtractRules::Impl& rules, const Language& lang,
                             absl::string_view text, Span span, uint32_t* end, uint32_t* start) {
  std::vector<Item> items;
  if (lang.clause_break_re != nullptr) {
    // The items end at the first clause break; but a clause before the
    // break that names no equipment is not where they are ("Mali got them,
    // while two Mi-35M helicopters … were delivered"): they start after it.
    std::vector<Span> breaks = FindAll(*lang.clause_break_re, text, span);
    for (const Span& b : breaks) {
      const Span before{span.begin, b.begin};
      const bool named = (lang.noun_re != nullptr && FindsAny(*lang.noun_re, text, before)) ||
                         (lang.model_re != nullptr && FindsAny(*lang.model_re, text, before));
      if (named) {
        span.end = b.begin;
        break;
      }
      span.begin = b.end;
    }
  }
  if (end != nullptr) *end = span.end;
  if (start != nullptr) *start = span.begin;
  if (span.empty()) return items;
  // Nouns and models, in text order; a model right after an item of its
  // class ("hélicoptère Mi-24P", "jets L-39 et Sukhoi-25") belongs to it.
  std::vector<std::pair<Span, bool>> heads;  // (span, is_model)
  if (lang.noun_re != nullptr) {
    for (const Span& s : FindAll(*lang.noun_re, text, span)) heads.push_back({s, false});
  }
  if (lang.model_re != nullptr) {
    for (const Span& s : FindModels(lang, text, span)) heads.push_back({s, true});
  }
  std::sort(heads.begin(), heads.end(), [](const auto& a, const auto& b) {
    return a.first.begin < b.first.begin;
  });
  // Words that only qualify one item between its parts ("d'attaque" in
  // "avions d'entraînement et d'attaque L-39", "training and combat" in
  // "L-39 Albatros training and combat jets"): a few, with no comma, no
  // determiner and no count among them.
  auto qualifiers_only = [&](uint32_t from, uint32_t to) {
    std::vector<std::string> gap = GapWords(text, from, to);
    if (gap.empty()) return true;
    if (gap.size() > 3) return false;
    for (const std::string& w : gap) {
      if (w == "," || InLexicon(lang, "det", w)) return false;
    }
    return lang.count_re == nullptr || !FindsAny(*lang.count_re, text, {from, to});
  };
  for (const auto& [s, is_model] : heads) {
    int cls = -1;
    if (is_model) {
      cls = ModelClass(rules, Slice(text, s));
    } else if (auto it = lang.nouns.find(Fold(Slice(text, s))); it != lang.nouns.end()) {
      cls = it->second;
    }
    if (cls < 0) continue;
    if (is_model && !items.empty()) {
      std::vector<std::string> gap = GapWords(text, ItemEnd(items.back()), s.begin);
      gap.erase(std::remove(gap.begin(), gap.end(), ","), gap.end());
      std::string joined = absl::StrJoin(gap, " ");
      // "appareils, de type Mi-171" names the model of the item before,
      // whatever class the model has, and so do "drones turcs Bayraktar
      // TB2"; "jets L-39 et Sukhoi-25" two models.
      bool introduced = gap.empty() || InLexicon(lang, "model_intro", joined) ||
                        std::all_of(gap.begin(), gap.end(), [&](const std::string& w) {
                          return InLexicon(lang, "item_premodifier", w) ||
                                 rules.demonyms.count(Fold(w)) != 0;
                        });
      bool listed = items.back().item_class == cls && !items.back().models.empty() &&
                    AllIn(gap, {"et", "and", "ou", "or"});
      bool qualified = items.back().item_class == cls && items.back().models.empty() &&
                       qualifiers_only(ItemEnd(items.back()), s.begin);
      if (introduced || listed || qualified) {
        items.back().models.push_back(s);
        continue;
      }
    }
    // "Mi-35 attack helicopters", "L-39, Su-25 and Su-24 attack jets": the
    // noun names the models' item.
    if (!is_model && !items.empty() && items.back().item_class == cls &&
        !items.back().models.empty() &&
        items.back().noun.begin == items.back().models.front().begin &&
        qualifiers_only(ItemEnd(items.back()), s.begin)) {
      items.back().noun = s;
      continue;
    }
    Item item;
    item.noun = s;
    item.start = s.begin;
    item.item_class = cls;
    if (is_model) item.models.push_back(s);
    items.push_back(item);
  }
  if (items.empty()) return items;  // nothing for counts or breakdowns to read
  // Counts written before each item.
  std::vector<Span> counts;
  if (lang.count_re != nullptr) counts = FindAll(*lang.count_re, text, span);
  // "171" in "Mi-171" is no count.
  counts.erase(std::remove_if(counts.begin(), counts.end(),
                              [&](const Span& c) {
                                return std::any_of(items.begin(), items.end(), [&](const Item& it) {
                                  return std::any_of(it.models.begin(), it.models.end(), [&](const Span& m) {
                                    return c.begin < m.end && m.begin < c.end;
                                  });
                                });
                              }),
               counts.end());
  uint32_t floor = span.begin;
  bool in_container = false;  // "un lot d'avions et d'hélicoptères"
  for (Item& item : items) {
    AttachCount(lang, text, counts, floor, &item);
    std::string before = WordBefore(lang, text, floor, item.start);
    if (!item.has_count && in_container &&
        AllIn(GapWords(text, floor, item.start), {"et", ",", "and", "de", "d'", "of"})) {
      before = "of";
    }
    in_container = before == "of";
    const EquipmentClass& cls = rules.classes[item.item_class];
    if (!item.has_count && IsPlural(Fold(Slice(text, item.noun)))) {
      // A bare plural is at least two; after a definite article it refers
      // back, unless it is the first mention (decided per document). In a
      // lot ("un lot d'avions de combat", "a batch of warplanes") it counts
      // as well, unless its class covers others or is counted by the lot:
      // "un lot d'aéronefs" is a total the article may give or not, "un lot
      // d'armes" a quantity.
      if (InLexicon(lang, "first_mention", before)) {
        item.definite_plural = true;
      } else if (!InLexicon(lang, "definite", before) &&
                 (before != "of" || (cls.covers.empty() && !cls.mass))) {
        item.has_count = true;
        item.count.value = item.count.lo = 2;
        item.count.hi = std::numeric_limits<double>::infinity();
        item.count.hedge = Hedge::kAtLeast;
        item.count.from_quantifier = true;
        item.count_span = item.noun;
        item.implicit_count = true;
      }
    }
    floor = ItemEnd(item);
  }
  // A breakdown ("dont plusieurs jets L-39") adds models to the items it
  // details instead of adding items; a single item has none to take.
  std::vector<Span> cues;
  if (lang.breakdown_re != nullptr && items.size() > 1) {
    cues = FindAll(*lang.breakdown_re, text, span);
  }
  // A dash, a colon or an opening bracket after the first item details it
  // too ("cinq avions de combat - des L-39 et des Su-25 -", "un lot
  // d'aéronefs : des avions L-39, un chasseur Su-25").
  if (items.size() > 1) {
    absl::string_view rest = Slice(text, {ItemEnd(items.front()), span.end});
    for (absl::string_view mark : {" - ", " (", ":"}) {
      size_t at = rest.find(mark);
      if (at != absl::string_view::npos) {
        uint32_t b = ItemEnd(items.front()) + static_cast<uint32_t>(at);
        cues.push_back({b, b + static_cast<uint32_t>(mark.size())});
      }
    }
    std::sort(cues.begin(), cues.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  }
  if (!cues.empty()) {
    uint32_t cue = cues.front().begin;
    std::vector<Item> merged;
    for (Item& item : items) {
      Item* target = nullptr;
      if (item.start > cue) {
        for (Item& m : merged) {
          if (m.start < cue && m.item_class == item.item_class) target = &m;
        }
      }
      if (target == nullptr) {
        merged.push_back(item);
        continue;
      }
      for (const Span& m : item.models) target->models.push_back(m);
    }
    items = std::move(merged);
    // A lone total before the breakdown ("un lot d'aéronefs : des avions
    // L-39, un chasseur Su-25", "ten aircraft, including Mi-171 helicopters")
    // has every model of the breakdown, whose items keep their own claims.
    Item& total = items.front();
    if (total.start < cue && total.models.empty() && items.size() > 1 &&
        items[1].start > cue) {
      for (size_t k = 1; k < items.size(); ++k) {
        for (const Span& m : items[k].models) total.models.push_back(m);
      }
    }
  }
  std::vector<Item> kept;
  for (size_t k = 0; k < items.size(); ++k) {
    Item& item = items[k];
    // "livraison d'armes de deux hélicoptères": "armes" only heads the list.
    if ((!item.has_count || item.implicit_count) && item.models.empty() && k + 1 < items.size()) {
      const Item& next = items[k + 1];
      uint32_t next_begin = next.has_count && !next.implicit_count ? next.count_span.begin : next.start;
      std::vector<std::string> gap = GapWords(text, item.noun.end, next_begin);
      if (gap.size() == 1 && (gap[0] == "de" || gap[0] == "d'" || gap[0] == "of")) continue;
    }
    // "plusieurs avions de combat et hélicoptères": the quantifier also
    // counts the bare plural that follows.
    if (!item.has_count && !kept.empty() && kept.back().has_count &&
        kept.back().count.from_quantifier) {
      std::vector<std::string> gap = GapWords(text, ItemEnd(kept.back()), item.start);
      if (!gap.empty() && AllIn(gap, {"et", ",", "and"})) {
        item.has_count = true;
        item.count = kept.back().count;
      }
    }
    // "armes et munitions": one item of the class.
    if (!kept.empty() && kept.back().item_class == item.item_class) {
      uint32_t begin = item.has_count && !item.implicit_count ? item.count_span.begin : item.start;
      std::vector<std::string> gap = GapWords(text, ItemEnd(kept.back()), begin);
      if (AllIn(gap, {"et", ",", "and", "de", "d'", "of"}) &&
          (!item.has_count || item.count.from_quantifier)) {
        for (const Span& m : item.models) kept.back().models.push_back(m);
        continue;
      }
    }
    kept.push_back(item);
  }
  // The first demonym of the gazetteer in text[range], at most `gap` words
  // after the range's start.
  auto demonym_in = [&](Span range, size_t gap, EntityMention* out) {
    if (lang.demonym_re == nullptr || range.empty()) return false;
    for (const Span& d : FindAll(*lang.demonym_re, text, range)) {
      if (gap != SIZE_MAX && GapWords(text, range.begin, d.begin).size() > gap) return false;
      auto it = rules.demonyms.find(Fold(Slice(text, d)));
      if (it == rules.demonyms.end()) continue;
      *out = {d, it->second, true};
      return true;
    }
    return false;
  };
  // Origins: a demonym between an item's count and the item ("four Russian
  // Mi-171 helicopters"), just after the noun ("drones turcs Bayraktar TB2")
  // or after the item ("hélicoptères Mi-17 russes").
  for (size_t k = 0; k < kept.size(); ++k) {
    Item& item = kept[k];
    if (item.has_count && !item.implicit_count) {
      item.has_origin = demonym_in({item.count_span.end, item.start}, SIZE_MAX, &item.origin);
    } else {
      // "Russian jets", "Russian-supplied jets": a demonym just before.
      const uint32_t from = k > 0 ? ItemEnd(kept[k - 1]) : span.begin;
      EntityMention last;
      bool found = false;
      if (lang.demonym_re != nullptr && from < item.start) {
        for (const Span& d : FindAll(*lang.demonym_re, text, {from, item.start})) {
          auto it = rules.demonyms.find(Fold(Slice(text, d)));
          if (it != rules.demonyms.end()) {
            last = {d, it->second, true};
            found = true;
          }
        }
      }
      if (found) {
        absl::string_view between = Slice(text, {last.span.end, item.start});
        size_t space = between.find(' ');
        bool adjacent = absl::StripAsciiWhitespace(between).empty() ||
                        (between.front() == '-' && space != absl::string_view::npos &&
                         absl::StripAsciiWhitespace(between.substr(space)).empty());
        if (adjacent) {
          item.has_origin = true;
          item.origin = last;
        }
      }
    }
    const uint32_t to = k + 1 < kept.size() ? kept[k + 1].start : span.end;
    for (uint32_t from : {item.noun.end, ItemEnd(item)}) {
      if (!item.has_origin) item.has_origin = demonym_in({from, to}, 2, &item.origin);
    }
    item.span = {item.has_count ? item.count_span.begin : item.start, ItemEnd(item)};
  }
  return kept;
}

std::vector<Group> ParseGroups(const Language& lang, const std::string& lexicon,
                               absl::string_view text, Span span) {
  std::vector<Group> groups;
  auto scanner = lang.lexicon_re.find(lexicon);
  if (scanner == lang.lexicon_re.end()) return groups;
  if (lang.clause_break_re != nullptr) {
    std::vector<Span> breaks = FindAll(*lang.clause_break_re, text, span);
    if (!breaks.empty()) span.end = breaks.front().begin;
  }
  std::vector<Span> nouns = FindAll(*scanner->second, text, span);
  if (nouns.empty()) return groups;
  std::vector<Span> counts;
  if (lang.count_re != nullptr) counts = FindAll(*lang.count_re, text, span);
  uint32_t floor = span.begin;
  for (const Span& noun : nouns) {
    Group g;
    g.noun = g.phrase = noun;
    g.has_count = CountBefore(lang, text, counts, floor, noun.begin, &g.count, &g.count_span);
    // "au soldat français tué": one, by a determiner of lexicon
    // "singular_det" before a singular noun ("le soldat" refers back).
    if (!g.has_count && !IsPlural(Fold(Slice(text, noun)))) {
      std::vector<std::string> before = GapWords(text, floor, noun.begin);
      if (!before.empty() && InLexicon(lang, "singular_det", before.back())) {
        g.has_count = true;
        g.count.value = g.count.lo = g.count.hi = 1;
        g.count_span = noun;
      }
    }
    if (lang.demonym_re != nullptr) {
      std::vector<Span> after = FindAll(*lang.demonym_re, text, {noun.end, span.end});
      if (!after.empty() && GapWords(text, noun.end, after.front().begin).empty()) {
        g.phrase.end = after.front().end;
      }
    }
    floor = g.phrase.end;
    groups.push_back(g);
  }
  return groups;
}

Span StripDeterminers(const Language& lang, absl::string_view text, Span span) {
  absl::string_view s = TrimPhrase(Slice(text, span));
  span.begin = static_cast<uint32_t>(s.data() - text.data());
  span.end = span.begin + static_cast<uint32_t>(s.size());
  while (!span.empty()) {
    absl::string_view rest = Slice(text, span);
    size_t word_end = 0;
    while (word_end < rest.size() && rest[word_end] != ' ' && rest[word_end] != '\'') ++word_end;
    if (word_end < rest.size() && rest[word_end] == '\'') ++word_end;  // "l'"
    std::string word = Fold(rest.substr(0, word_end));
    if (word_end == rest.size() || !InLexicon(lang, "det", word)) break;
    span.begin += static_cast<uint32_t>(word_end);
    while (span.begin < span.end && text[span.begin] == ' ') ++span.begin;
  }
  return span;
}

Span StripLexiconWords(const Language& lang, const char* lexicon, absl::string_view text,
                       Span span) {
  auto word_end = [&](uint32_t from) {
    while (from < span.end && text[from] != ' ') ++from;
    return from;
  };
  while (!span.empty()) {
    uint32_t e = word_end(span.begin);
    if (e == span.end || !InLexicon(lang, lexicon, Fold(Slice(text, {span.begin, e})))) break;
    span.begin = e;
    while (span.begin < span.end && text[span.begin] == ' ') ++span.begin;
  }
  while (!span.empty()) {
    uint32_t b = span.end;
    while (b > span.begin && text[b - 1] != ' ') --b;
    if (b == span.begin || !InLexicon(lang, lexicon, Fold(Slice(text, {b, span.end})))) break;
    span.end = b;
    while (span.end > span.begin && text[span.end - 1] == ' ') --span.end;
  }
  return span;
}

std::vector<Span> FindModels(const Language& lang, absl::string_view text, Span span) {
  std::vector<Span> found = FindAll(*lang.model_re, text, span);
  for (Span& m : found) {
    // Designations end in a digit or a capital: "Mi-24P", "Su-25SM".
    const auto before = [&] { return static_cast<unsigned char>(text[m.end - 2]); };
    if (m.end - m.begin > 2 && text[m.end - 1] == 's' &&
        (absl::ascii_isdigit(before()) || absl::ascii_isupper(before()))) {
      --m.end;
    }
  }
  return found;
}

int ModelClass(const ExtractRules::Impl& rules, absl::string_view model) {
  re2::StringPiece m(model.data(), model.size());
  for (size_t c = 0; c < rules.classes.size(); ++c) {
    for (const auto& re : rules.classes[c].models) {
      if (RE2::FullMatch(m, *re)) return static_cast<int>(c);
    }
  }
  return -1;
}

}  // namespace crosscheck::extract_internal
