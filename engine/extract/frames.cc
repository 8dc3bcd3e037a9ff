#include "extract/frames.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"
#include "text/text_rules_impl.h"

namespace crosscheck::extract_internal {
namespace {

absl::string_view Slice(absl::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// A capital stands for its country ("Moscou a livré"), except as a place.
std::string EntityKey(const ExtractRules::Impl& rules, int entity,
                      absl::string_view slot = "") {
  const GazetteerEntry& e = rules.entities[entity];
  if (!e.stands_for.empty() && slot != "place") return Fold(e.stands_for);
  return Fold(e.name);
}

SlotFill EntityFill(const ExtractRules::Impl& rules, absl::string_view text,
                    const std::string& name, const EntityMention& m) {
  SlotFill f;
  f.name = name;
  f.span = m.span;
  f.text = m.demonym ? rules.entities[m.entity].name : std::string(Slice(text, m.span));
  f.key = EntityKey(rules, m.entity, name);
  return f;
}

SlotFill TextFill(absl::string_view text, const std::string& name, Span s) {
  SlotFill f;
  f.name = name;
  f.span = s;
  f.text = std::string(Slice(text, s));
  f.key = Fold(f.text);
  return f;
}

bool StartsUpper(absl::string_view s) {
  size_t i = 0;
  return !s.empty() && text_internal::IsUpperCodePoint(text_internal::NextCodePoint(s, &i));
}

// The date mention of the sentence inside `s`, if any.
const DateMention* DateIn(const SentenceContext& ctx, Span s) {
  for (const DateMention& d : *ctx.dates) {
    if (d.begin >= s.begin && d.end <= s.end) return &d;
  }
  return nullptr;
}

SlotFill DateFill(absl::string_view text, const std::string& name,
                  const DateMention& d) {
  SlotFill f;
  f.name = name;
  f.span = {d.begin, d.end};
  f.text = std::string(Slice(text, f.span));
  f.kind = SlotFill::Kind::kDate;
  f.date = d;
  if (d.resolved) f.key = DateKey(d);
  return f;
}

// Reads group `name` over `s` as the template's type for it; appends the
// fills (a role title may also fill "organisation").
void ReadSlot(const ExtractRules::Impl& rules, const Language& lang,
              const TemplateDef& tmpl, const SentenceContext& ctx,
              const std::string& name, SlotType type, Span s,
              std::vector<SlotFill>* fills) {
  absl::string_view text = ctx.text;
  Span stripped = StripDeterminers(lang, text, s);
  if (stripped.empty()) return;
  switch (type) {
    case SlotType::kEntity: {
      EntityMention m;
      if (FindEntity(rules, lang, text, s, &m)) {
        fills->push_back(EntityFill(rules, text, name, m));
      } else if (StartsUpper(Slice(text, stripped))) {
        fills->push_back(TextFill(text, name, stripped));
      }
      return;
    }
    case SlotType::kPerson:
    case SlotType::kAgent: {
      Span person;
      RoleMention role;
      Span search = s;
      if (FindRole(rules, lang, text, s, &role)) {
        // "le ministre de la Défense, le colonel Sadio Camara": the name
        // after the title.
        if (role.span.end < s.end && role.span.begin <= stripped.begin + 1) {
          search = {role.span.end, s.end};
        }
      }
      if (FindPerson(rules, lang, text, search, &person)) {
        fills->push_back(TextFill(text, name, person));
        return;
      }
      if (type == SlotType::kPerson) return;
      EntityMention m;
      if (FindEntity(rules, lang, text, s, &m) && !m.demonym) {
        fills->push_back(EntityFill(rules, text, name, m));
        return;
      }
      fills->push_back(TextFill(text, name, stripped));
      return;
    }
    case SlotType::kText:
    case SlotType::kModel:
      fills->push_back(TextFill(text, name, stripped));
      return;
    case SlotType::kCount: {
      Count c;
      if (!ParseCount(lang, Slice(text, stripped), &c) &&
          !ParseCount(lang, TrimPhrase(Slice(text, s)), &c)) {
        return;
      }
      SlotFill f = TextFill(text, name, s);
      f.kind = SlotFill::Kind::kCount;
      f.count = c;
      f.key = c.Key();
      fills->push_back(f);
      return;
    }
    case SlotType::kDate:
      if (const DateMention* d = DateIn(ctx, s)) fills->push_back(DateFill(text, name, *d));
      return;
    case SlotType::kItemClass: {
      std::vector<Item> items = ParseItems(rules, lang, text, s);
      if (items.empty()) return;
      SlotFill f = TextFill(text, name, items[0].noun);
      f.key = f.text = rules.classes[items[0].item_class].name;
      fills->push_back(f);
      return;
    }
    case SlotType::kRole: {
      RoleMention role;
      if (!FindRole(rules, lang, text, s, &role)) return;
      SlotFill f = TextFill(text, name, role.span);
      f.key = f.text = role.role;
      fills->push_back(f);
      if (role.has_org && tmpl.Find("organisation") != nullptr) {
        fills->push_back(EntityFill(rules, text, "organisation", role.org));
      }
      return;
    }
    case SlotType::kList: {
      std::vector<std::string> names, keys;
      for (const EntityMention& m : FindEntities(rules, lang, text, s)) {
        std::string key = EntityKey(rules, m.entity);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        names.push_back(m.demonym ? rules.entities[m.entity].name
                                  : std::string(Slice(text, m.span)));
      }
      if (names.empty()) return;
      SlotFill f;
      f.name = name;
      f.span = s;
      f.text = absl::StrJoin(names, ";");
      std::sort(keys.begin(), keys.end());
      f.key = absl::StrJoin(keys, ";");
      fills->push_back(f);
      return;
    }
  }
}

bool Has(const std::vector<SlotFill>& fills, absl::string_view name) {
  return std::any_of(fills.begin(), fills.end(),
                     [&](const SlotFill& f) { return f.name == name; });
}

void AddFills(std::vector<SlotFill> add, std::vector<SlotFill>* fills) {
  for (SlotFill& f : add) {
    if (!Has(*fills, f.name)) fills->push_back(std::move(f));
  }
}

// Reads every named group of a match of `re` (groups[0] is the match).
void ReadGroups(const ExtractRules::Impl& rules, const Language& lang,
                const TemplateDef& tmpl, const SentenceContext& ctx, const RE2& re,
                const std::vector<re2::StringPiece>& groups, Span* items,
                std::vector<SlotFill>* fills) {
  for (const auto& [group_name, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& g = groups[index];
    if (g.data() == nullptr || g.empty()) continue;
    uint32_t b = static_cast<uint32_t>(g.data() - ctx.text.data());
    Span s{b, b + static_cast<uint32_t>(g.size())};
    if (group_name == "items") {
      *items = s;
      continue;
    }
    const SlotType* type = tmpl.Find(group_name);
    if (type == nullptr || Has(*fills, group_name)) continue;
    std::vector<SlotFill> read;
    ReadSlot(rules, lang, tmpl, ctx, group_name, *type, s, &read);
    AddFills(std::move(read), fills);
  }
}

void ApplyContext(const ExtractRules::Impl& rules, const Language& lang,
                  const TemplateDef& tmpl, const SentenceContext& ctx,
                  const ContextPattern& c, Span match, Span* items,
                  std::vector<SlotFill>* fills, std::vector<Span>* matched) {
  Span region = ctx.sentence;
  switch (c.where) {
    case ContextPattern::Where::kMatch: region = match; break;
    case ContextPattern::Where::kBefore: region.end = match.begin; break;
    case ContextPattern::Where::kAfter: region.begin = match.end; break;
    case ContextPattern::Where::kSentence: break;
  }
  std::vector<re2::StringPiece> groups(c.re->NumberOfCapturingGroups() + 1);
  std::vector<re2::StringPiece> chosen;
  re2::StringPiece input(ctx.text.data(), ctx.text.size());
  size_t pos = region.begin;
  while (pos < region.end &&
         c.re->Match(input, pos, region.end, RE2::UNANCHORED, groups.data(),
                     static_cast<int>(groups.size()))) {
    size_t b = groups[0].data() - ctx.text.data();
    size_t e = b + groups[0].size();
    if (e > b && AtWordBoundary(ctx.text, b) && AtWordBoundary(ctx.text, e)) {
      chosen = groups;
      if (!(c.nearest && c.where == ContextPattern::Where::kBefore)) break;
    }
    pos = e > b ? e : b + 1;
  }
  if (chosen.empty()) return;
  uint32_t b = static_cast<uint32_t>(chosen[0].data() - ctx.text.data());
  matched->push_back({b, b + static_cast<uint32_t>(chosen[0].size())});
  ReadGroups(rules, lang, tmpl, ctx, *c.re, chosen, items, fills);
}

// The sentence date closest to `around`, inside it first, then after (up to
// `limit`), then before; none that another slot already holds.
const DateMention* NearestDate(const SentenceContext& ctx, Span around,
                               uint32_t limit, const std::vector<SlotFill>& fills) {
  const DateMention* inside = nullptr;
  const DateMention* after = nullptr;
  const DateMention* before = nullptr;
  for (const DateMention& d : *ctx.dates) {
    Span ds{d.begin, d.end};
    if (std::any_of(fills.begin(), fills.end(), [&](const SlotFill& f) {
          return f.kind == SlotFill::Kind::kDate && Overlaps(f.span, ds);
        })) {
      continue;
    }
    if (d.begin >= around.begin && d.end <= around.end) {
      if (inside == nullptr) inside = &d;
    } else if (d.begin >= around.end) {
      if (after == nullptr && d.end <= limit) after = &d;
    } else if (d.end <= around.begin) {
      before = &d;
    }
  }
  return inside ? inside : after ? after : before;
}

// Per item: the first date after it (before the next item), else the next
// item's, else the match's.
std::vector<const DateMention*> ItemDates(const SentenceContext& ctx,
                                          const std::vector<Item>& items,
                                          uint32_t items_end,
                                          const DateMention* shared) {
  std::vector<const DateMention*> dates(items.size(), nullptr);
  for (size_t k = items.size(); k-- > 0;) {
    uint32_t from = items[k].span.end;
    uint32_t to = k + 1 < items.size() ? items[k + 1].span.begin : items_end;
    for (const DateMention& d : *ctx.dates) {
      if (d.begin >= from && d.end <= to) {
        dates[k] = &d;
        break;
      }
    }
    if (dates[k] == nullptr) dates[k] = k + 1 < items.size() ? dates[k + 1] : shared;
  }
  return dates;
}

bool Complete(const TemplateDef& tmpl, const std::vector<SlotFill>& fills) {
  return std::all_of(tmpl.required.begin(), tmpl.required.end(),
                     [&](const std::string& r) { return Has(fills, r); });
}

bool HasDefault(const TemplateDef& tmpl, absl::string_view slot) {
  return std::find(tmpl.defaults.begin(), tmpl.defaults.end(), slot) != tmpl.defaults.end();
}

// Frames of one match.
void BuildFrames(const ExtractRules::Impl& rules, const Language& lang,
                 const ClaimPattern& p, const SentenceContext& ctx, Span match,
                 const std::vector<re2::StringPiece>& groups,
                 std::vector<FrameDraft>* out) {
  const TemplateDef& tmpl = *p.tmpl;
  std::vector<SlotFill> fills;
  std::vector<Span> context;
  Span items_span;
  ReadGroups(rules, lang, tmpl, ctx, *p.re, groups, &items_span, &fills);
  for (const ContextPattern& c : p.context) {
    ApplyContext(rules, lang, tmpl, ctx, c, match, &items_span, &fills, &context);
  }
  for (const auto& [slot, value] : p.constants) {
    if (Has(fills, slot)) continue;
    SlotFill f;
    f.name = slot;
    f.span = match;
    f.text = value;
    f.key = Fold(value);
    fills.push_back(f);
  }
  // With an enumeration, the statement ends where the enumeration does.
  // An enumeration cut by a clause break ends the statement there.
  std::vector<Item> items;
  uint32_t items_end = ctx.sentence.end;
  if (!items_span.empty()) {
    uint32_t stop = items_span.end;
    items = ParseItems(rules, lang, ctx.text, items_span, &stop);
    if (stop < items_span.end) {
      items_end = stop;
      uint32_t end = items_span.begin;
      for (const Item& item : items) end = std::max(end, item.span.end);
      for (const SlotFill& f : fills) {
        if (f.span.end <= items_end) end = std::max(end, f.span.end);
      }
      if (end > match.begin) match.end = std::min(match.end, end);
    }
  }
  if (HasDefault(tmpl, "place") && tmpl.Find("place") != nullptr && !Has(fills, "place")) {
    for (const EntityMention& m : FindEntities(rules, lang, ctx.text, ctx.sentence)) {
      // A place inside a phrase ("le camp de Tessit") may be the place; one
      // that is a slot's entity ("de Russie") is not, nor one before the
      // statement or past its end.
      bool taken = std::any_of(fills.begin(), fills.end(), [&](const SlotFill& f) {
        const SlotType* type = tmpl.Find(f.name);
        return Overlaps(f.span, m.span) &&
               (type == nullptr || *type != SlotType::kText);
      });
      bool in_context = std::any_of(context.begin(), context.end(), [&](const Span& c) {
        return c.begin <= m.span.begin && m.span.end <= c.end;
      });
      if (!m.demonym && !taken && rules.entities[m.entity].type == "place" &&
          (m.span.begin >= match.begin || in_context) && m.span.begin < items_end) {
        fills.push_back(EntityFill(rules, ctx.text, "place", m));
        break;
      }
    }
  }
  const DateMention* shared = nullptr;
  bool want_date = HasDefault(tmpl, "date") && tmpl.Find(p.date_slot) != nullptr &&
                   !Has(fills, p.date_slot);
  if (want_date) shared = NearestDate(ctx, match, items_end, fills);
  if (items_span.empty()) {
    if (shared != nullptr) fills.push_back(DateFill(ctx.text, p.date_slot, *shared));
    if (!Complete(tmpl, fills)) return;
    out->push_back({&p, match, std::move(fills), std::move(context)});
    return;
  }
  std::vector<const DateMention*> dates = ItemDates(ctx, items, items_end, shared);
  // An origin one item states ("deux hélicoptères russes ... et quatre
  // hélicoptères") is the statement's when no slot names it.
  const Item* origin = nullptr;
  for (const Item& item : items) {
    if (item.has_origin && origin == nullptr) origin = &item;
  }
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    std::vector<SlotFill> f = fills;
    SlotFill cls = TextFill(ctx.text, "item_class", item.noun);
    cls.key = cls.text = rules.classes[item.item_class].name;
    f.push_back(cls);
    if (item.has_count && tmpl.Find("count") != nullptr) {
      SlotFill c = TextFill(ctx.text, "count", item.count_span);
      c.kind = SlotFill::Kind::kCount;
      c.count = item.count;
      c.key = item.count.Key();
      f.push_back(c);
    }
    if (!item.models.empty() && tmpl.Find("model") != nullptr) {
      std::vector<std::string> names;
      for (const Span& m : item.models) names.emplace_back(Slice(ctx.text, m));
      SlotFill m = TextFill(ctx.text, "model", {item.models.front().begin, item.models.back().end});
      m.text = absl::StrJoin(names, ";");
      m.key = Fold(m.text);
      f.push_back(m);
    }
    const Item* from = item.has_origin ? &item : origin;
    if (from != nullptr && !tmpl.item_origin.empty() && !Has(f, tmpl.item_origin)) {
      f.push_back(EntityFill(rules, ctx.text, tmpl.item_origin, from->origin));
    }
    if (want_date && dates[k] != nullptr) f.push_back(DateFill(ctx.text, p.date_slot, *dates[k]));
    if (!Complete(tmpl, f)) continue;
    out->push_back({&p, match, std::move(f), context});
  }
}

}  // namespace

const SlotFill* FrameDraft::Find(absl::string_view name) const {
  for (const SlotFill& f : slots) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

void MatchPattern(const ExtractRules::Impl& rules, const Language& lang,
                  const ClaimPattern& p, const SentenceContext& ctx,
                  std::vector<FrameDraft>* out) {
  std::vector<re2::StringPiece> groups(p.re->NumberOfCapturingGroups() + 1);
  re2::StringPiece input(ctx.text.data(), ctx.text.size());
  size_t pos = ctx.sentence.begin;
  while (pos < ctx.sentence.end &&
         p.re->Match(input, pos, ctx.sentence.end, RE2::UNANCHORED, groups.data(),
                     static_cast<int>(groups.size()))) {
    size_t b = groups[0].data() - ctx.text.data();
    size_t e = b + groups[0].size();
    if (e == b || !AtWordBoundary(ctx.text, b) || !AtWordBoundary(ctx.text, e)) {
      pos = b + 1;
      while (pos < ctx.text.size() && (static_cast<unsigned char>(ctx.text[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    Span match{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    // Trailing spaces and commas are not evidence.
    absl::string_view trimmed = TrimPhrase(Slice(ctx.text, match));
    if (!trimmed.empty()) {
      match.begin = static_cast<uint32_t>(trimmed.data() - ctx.text.data());
      match.end = match.begin + static_cast<uint32_t>(trimmed.size());
    }
    BuildFrames(rules, lang, p, ctx, match, groups, out);
    pos = e;
  }
}

}  // namespace crosscheck::extract_internal
