#include "extract/frames.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"
#include "extract/slots.h"

namespace crosscheck::extract_internal {
namespace {

// Where a search of the sentence from `pos` starts. Patterns open with
// "(?:^|\s)" to start at a word; at the sentence's start that reads the
// space before it (RE2's ^ is the whole text's start), as it reads the
// text's start in a rule example.
size_t SearchStart(const SentenceContext& ctx, size_t pos) {
  if (pos == ctx.sentence.begin && pos > 0 && absl::ascii_isspace(ctx.shadow[pos - 1])) --pos;
  return pos;
}

absl::string_view Slice(absl::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

bool Has(const std::vector<SlotFill>& fills, absl::string_view name) {
  return std::any_of(fills.begin(), fills.end(),
                     [&](const SlotFill& f) { return f.name == name; });
}

// A copy of `fills` with room for `more` (no reallocation as a frame's
// own slots are added).
std::vector<SlotFill> CopyWithRoom(const std::vector<SlotFill>& fills, size_t more) {
  std::vector<SlotFill> out;
  out.reserve(fills.size() + more);
  out.insert(out.end(), fills.begin(), fills.end());
  return out;
}

bool Listed(const std::vector<std::string>& list, absl::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// The fills of one match: one value per slot, except the first expandable
// slot that names several values ("alternatives"), which makes one frame
// per value.
struct Fills {
  std::vector<SlotFill> one;
  std::vector<SlotFill> alternatives;
  std::vector<Span> context;
  Span items;
  Span groups;

  bool Has(absl::string_view name) const {
    return extract_internal::Has(one, name) ||
           (!alternatives.empty() && alternatives.front().name == name);
  }
};

class FrameBuilder {
 public:
  FrameBuilder(const ExtractRules::Impl& rules, const Language& lang, const ClaimPattern& p,
               const SentenceContext& ctx)
      : rules_(rules), lang_(lang), p_(p), tmpl_(*p.tmpl), ctx_(ctx),
        reader_(rules, lang, tmpl_, ctx) {}

  void Build(Span match, const std::vector<re2::StringPiece>& groups,
             std::vector<FrameDraft>* out);

 private:
  void ReadGroups(const GroupNames& names, const std::vector<re2::StringPiece>& groups, Span source,
                  Fills* fills) const;
  void ApplyContext(const ContextPattern& c, Span match, Fills* fills) const;
  void ReturnLentNames(Fills* fills) const;
  void AddPlace(Span match, uint32_t limit, Fills* fills) const;
  void AddBreakdown(Span match, std::vector<Item>* items) const;
  const DateMention* SeriesDate(const std::vector<SlotFill>& slots) const;
  const DateMention* NearestDate(Span around, uint32_t limit, const Fills& fills) const;
  // Whether the word before `d` (past "le", "on", ...) says a report was
  // made then: "publié lundi", "announced on Monday".
  bool ReportDate(const DateMention& d) const;
  std::vector<const DateMention*> ItemDates(const std::vector<Item>& items, uint32_t end,
                                            const DateMention* shared) const;
  void Emit(Span match, std::vector<SlotFill> slots, const Fills& fills, bool definite_plural,
            std::vector<FrameDraft>* out) const;
  // The class the template gives the group's noun, or null.
  const std::string* GroupClass(const Group& g) const;
  // FrameDraft::inherit_when for this sentence, computed once.
  uint32_t InheritWhen() const;

  const ExtractRules::Impl& rules_;
  const Language& lang_;
  const ClaimPattern& p_;
  const TemplateDef& tmpl_;
  const SentenceContext& ctx_;
  SlotReader reader_;
  mutable std::optional<uint32_t> inherit_when_;
};

void FrameBuilder::ReadGroups(const GroupNames& names, const std::vector<re2::StringPiece>& groups,
                              Span source, Fills* fills) const {
  for (const auto& [name, index] : names) {
    const re2::StringPiece& g = groups[index];
    if (g.data() == nullptr || g.empty()) continue;
    uint32_t b = static_cast<uint32_t>(g.data() - ctx_.shadow.data());
    Span s{b, b + static_cast<uint32_t>(g.size())};
    if (name == "items") {
      fills->items = s;
      continue;
    }
    if (name == "groups") {
      fills->groups = s;
      continue;
    }
    const SlotType* type = tmpl_.Find(name);
    if (type == nullptr) continue;
    std::vector<SlotFill> read;
    bool expandable = Listed(tmpl_.expand, name) && fills->alternatives.empty();
    if (fills->Has(name)) {
      // A list read again accumulates ("signé ... avec la Russie").
      auto it = std::find_if(fills->one.begin(), fills->one.end(),
                             [&](const SlotFill& f) { return f.name == name; });
      if (*type != SlotType::kList || it == fills->one.end()) continue;
      reader_.Read(name, *type, s, false, &read);
      if (!read.empty() && it->key.find(read[0].key) == std::string::npos) {
        // In the order written.
        it->text = read[0].span.begin < it->span.begin ? read[0].text + ";" + it->text
                                                       : it->text + ";" + read[0].text;
        it->span = {std::min(it->span.begin, read[0].span.begin),
                    std::max(it->span.end, read[0].span.end)};
        std::vector<std::string> keys = absl::StrSplit(it->key + ";" + read[0].key, ';');
        std::sort(keys.begin(), keys.end());
        it->key = absl::StrJoin(keys, ";");
      }
      continue;
    }
    reader_.Read(name, *type, s, expandable, &read);
    // Fills of other slots read on the way (a role's organisation, the place
    // after a target) are no alternatives.
    std::vector<SlotFill> own;
    for (SlotFill& f : read) {
      f.source = source;
      f.group = s;
      if (f.name == name) {
        own.push_back(std::move(f));
      } else if (!fills->Has(f.name)) {
        fills->one.push_back(std::move(f));
      }
    }
    read = std::move(own);
    if (expandable && read.size() > 1) {
      fills->alternatives = std::move(read);
      continue;
    }
    for (SlotFill& f : read) {
      if (!fills->Has(f.name)) fills->one.push_back(std::move(f));
    }
  }
}

void FrameBuilder::ApplyContext(const ContextPattern& c, Span match, Fills* fills) const {
  Span region = ctx_.sentence;
  switch (c.where) {
    case ContextPattern::Where::kMatch: region = match; break;
    case ContextPattern::Where::kBefore: region.end = match.begin; break;
    case ContextPattern::Where::kAfter: region.begin = match.end; break;
    case ContextPattern::Where::kSentence: break;
  }
  // Spans first (RE2's leftmost-first match does not depend on the groups
  // asked for), then the groups of the chosen match, read from its start.
  re2::StringPiece input(ctx_.shadow.data(), ctx_.shadow.size());
  re2::StringPiece m;
  size_t pos = SearchStart(ctx_, region.begin);
  size_t chosen_begin = 0, chosen_end = 0;
  bool found = false;
  while (pos < region.end && c.re->Match(input, pos, region.end, RE2::UNANCHORED, &m, 1)) {
    size_t b = m.data() - ctx_.shadow.data();
    size_t e = b + m.size();
    if (e > b && AtWordBoundary(ctx_.text, b) && AtWordBoundary(ctx_.text, e)) {
      chosen_begin = b;
      chosen_end = e;
      found = true;
      if (!(c.nearest && c.where == ContextPattern::Where::kBefore)) break;
    }
    pos = e > b ? e : b + 1;
  }
  if (!found) return;
  std::vector<re2::StringPiece> chosen(c.re->NumberOfCapturingGroups() + 1);
  if (!ReadContextGroups(c, input, chosen_begin, chosen_end, region.end, chosen.data(),
                         static_cast<int>(chosen.size()))) {
    return;  // not reached: the span matched from there
  }
  uint32_t b = static_cast<uint32_t>(chosen[0].data() - ctx_.shadow.data());
  Span source{b, b + static_cast<uint32_t>(chosen[0].size())};
  fills->context.push_back(source);
  ReadGroups(c.groups, chosen, source, fills);
}

// A gazetteer place of the statement: inside a phrase ("le camp de Tessit")
// it may be the place; as a slot's entity ("de Russie"), before the
// statement, past `limit`, as the origin of the goods ("the second
// delivery from Moscow") or as a capital standing for the state that
// supplies ("Russia has supplied hardware: Moscow has sent ...") it is not;
// an origin, a country included ("shipped from Russia"), names the
// template's item_origin (the supplier) when no slot does.
void FrameBuilder::AddPlace(Span match, uint32_t limit, Fills* fills) const {
  auto origin = [&](const EntityMention& m) {
    constexpr uint32_t kBack = 40;  // bytes: the few words an origin phrase takes
    uint32_t from =
        m.span.begin > ctx_.sentence.begin + kBack ? m.span.begin - kBack : ctx_.sentence.begin;
    while (from < m.span.begin && (static_cast<unsigned char>(ctx_.text[from]) & 0xC0) == 0x80) {
      ++from;  // not inside a character
    }
    std::vector<std::string> words = GapWords(ctx_.text, from, m.span.begin);
    std::string tail;
    for (size_t k = 0; k < 3 && k < words.size(); ++k) {
      const std::string& w = words[words.size() - 1 - k];
      tail = k == 0 ? w : absl::StrCat(w, " ", tail);
      if (InLexicon(lang_, "origin", tail)) return true;
    }
    return false;
  };
  for (const EntityMention& m : ctx_.mentions->entities) {
    const std::string& kind = rules_.entities[m.entity].type;
    const bool country = kind == "country";
    const bool place = Listed(tmpl_.place_types, kind);
    if (m.demonym || (!place && !country) || m.span.begin >= limit) continue;
    bool taken = std::any_of(fills->one.begin(), fills->one.end(), [&](const SlotFill& f) {
      const SlotType* type = tmpl_.Find(f.name);
      return Overlaps(f.span, m.span) &&
             (type == nullptr || (*type != SlotType::kText && *type != SlotType::kTarget));
    });
    bool in_context = std::any_of(fills->context.begin(), fills->context.end(),
                                  [&](const Span& c) {
                                    return c.begin <= m.span.begin && m.span.end <= c.end;
                                  });
    const int state = kind == "capital" ? CountryOf(rules_, m.entity) : -1;
    bool stands_for_origin =
        state >= 0 && std::any_of(fills->one.begin(), fills->one.end(), [&](const SlotFill& f) {
          return f.name == tmpl_.item_origin && CountryOf(rules_, f.entity) == state;
        });
    if (taken || stands_for_origin || (m.span.begin < match.begin && !in_context)) continue;
    if (origin(m)) {
      if (!tmpl_.item_origin.empty() && !fills->Has(tmpl_.item_origin)) {
        fills->one.push_back(reader_.Entity(tmpl_.item_origin, m));
      }
      continue;
    }
    if (!place) continue;  // a country may be an origin ("shipped from Russia"), no place
    // A country or region is the statement's place when it follows the
    // statement at once ("tués au Mali", "died in the Sahel"); further on it
    // is more often part of a name or of another clause ("blamed the
    // Islamic State in the Sahel").
    const bool locality = kind == "place" || kind == "capital";
    if (!locality && m.span.begin >= match.end) {
      std::vector<std::string> gap = GapWords(ctx_.text, match.end, m.span.begin);
      if (gap.size() > 2 || Listed(gap, ",")) continue;
    }
    fills->one.push_back(reader_.Entity("place", m));
    return;
  }
}

// The sentence date closest to `around`: inside it, else after it (up to
// `limit`, and not one counted from the date before it), else before it;
// none that a date slot already holds.
const DateMention* FrameBuilder::NearestDate(Span around, uint32_t limit,
                                             const Fills& fills) const {
  const DateMention* inside = nullptr;
  const DateMention* after = nullptr;
  const DateMention* before = nullptr;
  for (const DateMention& d : *ctx_.dates) {
    Span ds{d.begin, d.end};
    if (std::any_of(fills.one.begin(), fills.one.end(), [&](const SlotFill& f) {
          return f.kind == SlotFill::Kind::kDate && Overlaps(f.span, ds);
        })) {
      continue;
    }
    if (tmpl_.event_date && ReportDate(d)) continue;
    if (d.begin >= around.begin && d.end <= around.end) {
      if (inside == nullptr) inside = &d;
    } else if (d.begin >= around.end) {
      // A date counted from the one before ("neuf mois plus tard, …")
      // dates what follows it.
      if (after == nullptr && d.end <= limit && !d.from_previous) after = &d;
    } else if (d.end <= around.begin) {
      before = &d;
    }
  }
  return inside ? inside : after ? after : before;
}

bool FrameBuilder::ReportDate(const DateMention& d) const {
  auto words = lang_.lexicons.find("report_word");
  if (words == lang_.lexicons.end()) return false;
  auto known = [&](const std::string& w) { return words->second.contains(w); };
  // The clause's words before the date, last first, at most six: a report
  // word or pair among them ("publié le", "rendu public mercredi soir",
  // "diffusé dans la nuit du 8 au 9 août") makes the date the report's.
  absl::string_view before = ctx_.text.substr(ctx_.sentence.begin, d.begin - ctx_.sentence.begin);
  size_t clause = before.find_last_of(",;:(");
  if (clause != absl::string_view::npos) before.remove_prefix(clause + 1);
  std::vector<absl::string_view> written = absl::StrSplit(before, ' ', absl::SkipEmpty());
  std::vector<std::string> seen;  // folded, last first
  for (size_t k = written.size(); k-- > 0 && seen.size() < 6;) seen.push_back(Fold(written[k]));
  for (size_t k = 0; k < seen.size(); ++k) {
    if (known(seen[k])) return true;
    if (k + 1 < seen.size() && known(absl::StrCat(seen[k + 1], " ", seen[k]))) return true;
  }
  return false;
}

// Per item: the first date after it (before the next item), else the next
// item's, else the statement's.
std::vector<const DateMention*> FrameBuilder::ItemDates(const std::vector<Item>& items,
                                                        uint32_t end,
                                                        const DateMention* shared) const {
  std::vector<const DateMention*> dates(items.size(), nullptr);
  std::vector<bool> from_shared(items.size(), false);
  // A date past a comma and just before an item is that item's ("deux
  // Mi-24P et un radar, et en septembre quatre Mi-171"), not the one's
  // before the comma.
  std::vector<const DateMention*> preposed(items.size(), nullptr);
  std::vector<uint32_t> comma_before(items.size(), 0);
  for (size_t k = 1; k < items.size(); ++k) {
    uint32_t from = items[k - 1].span.end;
    size_t comma = ctx_.text.substr(from, items[k].span.begin - from).rfind(',');
    if (comma == absl::string_view::npos) continue;
    comma_before[k] = from + static_cast<uint32_t>(comma);
    for (const DateMention& d : *ctx_.dates) {
      if (d.begin < comma_before[k] || d.end > items[k].span.begin) continue;
      absl::string_view rest = ctx_.text.substr(d.end, items[k].span.begin - d.end);
      if (std::count(rest.begin(), rest.end(), ' ') <= 4) {
        preposed[k] = &d;
        break;
      }
    }
  }
  for (size_t k = items.size(); k-- > 0;) {
    uint32_t from = items[k].span.end;
    uint32_t to = k + 1 < items.size() ? items[k + 1].span.begin : end;
    if (k + 1 == items.size()) {  // a date past a comma is another clause's
      size_t comma = ctx_.text.substr(from, to - from).find(',');
      if (comma != absl::string_view::npos) to = from + static_cast<uint32_t>(comma);
    } else if (preposed[k + 1] != nullptr) {
      to = comma_before[k + 1];
    }
    for (const DateMention& d : *ctx_.dates) {
      if (d.begin >= from && d.end <= to) {
        dates[k] = &d;
        break;
      }
    }
    if (dates[k] == nullptr) dates[k] = preposed[k];
    // Items joined without a comma share the next one's date; past a
    // comma ("celle, en avril, de deux ..., et celle de quatre ... en
    // septembre") the statement's date applies.
    bool joined = k + 1 < items.size() &&
                  ctx_.text.substr(from, items[k + 1].span.begin - from).find(',') ==
                      absl::string_view::npos;
    if (dates[k] == nullptr) {
      dates[k] = joined ? dates[k + 1] : shared;
      from_shared[k] = joined ? from_shared[k + 1] : true;
    }
  }
  // The statement's date, when a later item holds it ("En septembre 2021,
  // Moscou a fourni quatre Mi-171, puis deux Mi-35 en mars 2022") or it
  // stands just before a later item, is not the date of the items before
  // that one: they take the last date written before them, or none.
  for (size_t k = 0; k < items.size(); ++k) {
    bool later = false;
    for (size_t j = k + 1; from_shared[k] && dates[k] != nullptr && j < items.size(); ++j) {
      later = later || dates[k]->begin >= items[j].span.end || dates[k] == preposed[j];
    }
    if (!later) continue;
    const DateMention* before = nullptr;
    for (const DateMention& d : *ctx_.dates) {
      if (d.end <= items[k].span.begin) before = &d;
    }
    dates[k] = before;
  }
  return dates;
}

void FrameBuilder::Emit(Span match, std::vector<SlotFill> slots, const Fills& fills,
                        bool definite_plural, std::vector<FrameDraft>* out) const {
  auto emit_one = [&](std::vector<SlotFill> s) {
    bool complete = std::all_of(tmpl_.required.begin(), tmpl_.required.end(),
                                [&](const std::string& r) { return Has(s, r); });
    if (!complete && s.empty()) return;
    FrameDraft d;
    d.lender = !complete;
    d.pattern = &p_;
    d.span = match;
    d.slots = std::move(s);
    d.context = fills.context;
    d.definite_plural = definite_plural;
    d.inherit_when = InheritWhen();
    out->push_back(std::move(d));
  };
  // "who led coups in August 2020 and May 2021": one statement for each
  // date of a series (lexicon "date_series" joins them).
  std::vector<std::vector<SlotFill>> dated;
  dated.push_back(std::move(slots));
  for (const DateMention* next = SeriesDate(dated.back()); next != nullptr && dated.size() < 8;
       next = SeriesDate(dated.back())) {
    std::vector<SlotFill> copy = dated.back();
    for (SlotFill& f : copy) {
      if (f.kind == SlotFill::Kind::kDate && f.name == p_.date_slot) {
        f = reader_.Date(f.name, *next);
      }
    }
    dated.push_back(std::move(copy));
  }
  for (std::vector<SlotFill>& one : dated) {
    if (fills.alternatives.empty()) {
      emit_one(std::move(one));
      continue;
    }
    for (const SlotFill& alt : fills.alternatives) {
      std::vector<SlotFill> s = CopyWithRoom(one, 1);
      s.push_back(alt);
      emit_one(std::move(s));
    }
  }
}

const DateMention* FrameBuilder::SeriesDate(const std::vector<SlotFill>& slots) const {
  const SlotFill* date = nullptr;
  for (const SlotFill& f : slots) {
    if (f.kind == SlotFill::Kind::kDate && f.name == p_.date_slot) date = &f;
  }
  if (date == nullptr) return nullptr;
  auto series = lang_.lexicons.find("date_series");
  if (series == lang_.lexicons.end()) return nullptr;
  for (const DateMention& d : *ctx_.dates) {
    if (d.begin < date->span.end || d.end > ctx_.sentence.end) continue;
    std::vector<std::string> gap = GapWords(ctx_.text, date->span.end, d.begin);
    gap.erase(std::remove(gap.begin(), gap.end(), ","), gap.end());
    if (gap.empty() || !series->second.contains(absl::StrJoin(gap, " "))) return nullptr;
    // "between December 2021 and June 2022" is one span, not a series.
    std::vector<std::string> before =
        GapWords(ctx_.text, ctx_.sentence.begin, date->span.begin);
    if (!before.empty() && InLexicon(lang_, "date_span_start", before.back())) return nullptr;
    return &d;
  }
  return nullptr;
}

uint32_t FrameBuilder::InheritWhen() const {
  if (inherit_when_.has_value()) return *inherit_when_;
  uint32_t mask = 0;
  for (size_t k = 0; k < tmpl_.inherit.size(); ++k) {
    const std::string& when = tmpl_.inherit[k].when;
    if (when.empty()) continue;
    auto scanner = lang_.lexicon_re.find(when);
    if (scanner != lang_.lexicon_re.end() &&
        FindsAny(*scanner->second, ctx_.text, ctx_.sentence)) {
      mask |= uint32_t{1} << k;
    }
  }
  inherit_when_ = mask;
  return mask;
}

const std::string* FrameBuilder::GroupClass(const Group& g) const {
  if (tmpl_.class_slot.empty()) return nullptr;
  const std::string noun = Fold(Slice(ctx_.text, g.noun));
  for (const auto& [lexicon, cls] : tmpl_.group_classes) {
    auto it = lang_.lexicons.find(lexicon);
    if (it != lang_.lexicons.end() && it->second.contains(noun)) {
      return &cls;
    }
  }
  return nullptr;
}

// A role group that matched more than its title ("président Ibrahim" for
// the title "président") lent the person's first names: give them back.
void FrameBuilder::ReturnLentNames(Fills* fills) const {
  auto role = std::find_if(fills->one.begin(), fills->one.end(),
                           [](const SlotFill& f) { return f.name == "role"; });
  auto person = std::find_if(fills->one.begin(), fills->one.end(),
                             [](const SlotFill& f) { return f.name == "person"; });
  if (role == fills->one.end() || person == fills->one.end() || role->group.end <= role->span.end ||
      person->span.begin < role->group.end) {
    return;
  }
  Span lent{role->span.end, person->span.end};
  while (lent.begin < lent.end && (ctx_.text[lent.begin] == ' ' || ctx_.text[lent.begin] == ',')) {
    ++lent.begin;
  }
  Span name;
  if (FindPerson(rules_, lang_, ctx_.text, lent, &name) && name.end == person->span.end) {
    *person = reader_.Text("person", name);
  }
}

void FrameBuilder::AddBreakdown(Span match, std::vector<Item>* items) const {
  absl::string_view rest = Slice(ctx_.text, {match.end, ctx_.sentence.end});
  size_t colon = rest.find(':');
  if (colon == absl::string_view::npos) return;
  uint32_t begin = match.end + static_cast<uint32_t>(colon) + 1;
  // The colon closes this statement only if no other items come before it.
  if (!ParseItems(rules_, lang_, ctx_.text, {match.end, begin - 1}).empty()) return;
  std::vector<Item> details = ParseItems(rules_, lang_, ctx_.text, {begin, ctx_.sentence.end});
  // Only counted or named items make a breakdown, not a comment on the lot.
  if (details.empty() || !std::all_of(details.begin(), details.end(), [](const Item& d) {
        return (d.has_count && !d.implicit_count) || !d.models.empty();
      })) {
    return;
  }
  Item& total = items->front();
  bool modelled = !total.models.empty();
  for (const Item& d : details) {
    if (!modelled) total.models.insert(total.models.end(), d.models.begin(), d.models.end());
  }
  // Details of the total's own class are its models, not claims.
  int cls = total.item_class;
  for (Item& d : details) {
    if (d.item_class != cls) items->push_back(std::move(d));
  }
}

void FrameBuilder::Build(Span match, const std::vector<re2::StringPiece>& groups,
                         std::vector<FrameDraft>* out) {
  Fills fills;
  fills.one.reserve(8);
  ReadGroups(p_.groups, groups, Span(), &fills);
  ReturnLentNames(&fills);
  for (const ContextPattern& c : p_.context) ApplyContext(c, match, &fills);
  for (const auto& [slot, value] : p_.constants) {
    if (fills.Has(slot)) continue;
    SlotFill f = reader_.Text(slot, match);
    f.text = value;
    f.key = Fold(value);
    fills.one.push_back(f);
  }
  // An enumeration cut by a clause break ends the statement there.
  std::vector<Item> items;
  uint32_t limit = ctx_.sentence.end;
  if (!fills.items.empty()) {
    uint32_t stop = fills.items.end, start = fills.items.begin;
    items = ParseItems(rules_, lang_, ctx_.text, fills.items, &stop, &start);
    // Items that open the statement, after a clause that names none ("since
    // late 2021, the most recent on January 19, when Su-25 jets … were
    // handed over"): the statement starts with them.
    if (start > fills.items.begin && fills.items.begin <= match.begin && !items.empty()) {
      const Item& first = items.front();
      const uint32_t b =
          first.has_count && !first.implicit_count ? first.count_span.begin : first.start;
      if (b > match.begin && b < match.end) match.begin = b;
    }
    if (stop < fills.items.end) {
      limit = stop;
      uint32_t end = fills.items.begin;
      for (const Item& item : items) end = std::max(end, item.span.end);
      for (const SlotFill& f : fills.one) {
        if (f.span.end <= limit) end = std::max(end, f.span.end);
      }
      if (end > match.begin) match.end = std::min(match.end, end);
    }
  }
  // "Eight aircraft were delivered to Mali: four L-39 jets, two Su-25 jets
  // and two Mi-8 helicopters": a breakdown after a colon that follows the
  // statement details its lone total.
  size_t first_detail = items.size();
  if (items.size() == 1 && limit == ctx_.sentence.end) AddBreakdown(match, &items);
  std::vector<Group> counted;
  if (!fills.groups.empty()) counted = ParseGroups(lang_, tmpl_.group_lexicon, ctx_.text, fills.groups);
  const std::vector<std::string>& defaults = p_.has_defaults ? p_.defaults : tmpl_.defaults;
  if (Listed(defaults, "place") && tmpl_.Find("place") != nullptr && !fills.Has("place")) {
    AddPlace(match, limit, &fills);
  }
  const DateMention* shared = nullptr;
  bool want_date = Listed(defaults, "date") && tmpl_.Find(p_.date_slot) != nullptr &&
                   !fills.Has(p_.date_slot);
  if (want_date) shared = NearestDate(match, limit, fills);
  if (!counted.empty()) {
    for (const Group& g : counted) {
      std::vector<SlotFill> s = CopyWithRoom(fills.one, 4);
      if (!Has(s, tmpl_.group_slot)) s.push_back(reader_.Text(tmpl_.group_slot, g.phrase));
      if (const std::string* cls = GroupClass(g); cls != nullptr && !Has(s, tmpl_.class_slot)) {
        SlotFill c = reader_.Text(tmpl_.class_slot, g.noun);
        c.text = c.key = *cls;
        s.push_back(c);
      }
      if (g.has_count && !Has(s, "count")) {
        SlotFill c = reader_.Text("count", g.count_span);
        c.kind = SlotFill::Kind::kCount;
        c.count = g.count;
        c.key = g.count.Key();
        s.push_back(c);
      }
      if (shared != nullptr) s.push_back(reader_.Date(p_.date_slot, *shared));
      Emit(match, std::move(s), fills, false, out);
    }
    return;
  }
  // Items that are a person ("le chef de la diplomatie malienne a été reçu
  // à Moscou") make a visit, not a statement about things: nothing to lend.
  RoleMention role;
  if (items.empty() && !fills.items.empty() && ctx_.mentions->RoleIn(fills.items, &role)) return;
  if (items.empty()) {  // without items to read, a frame or a lender as it is
    std::vector<SlotFill> s = CopyWithRoom(fills.one, 1);
    if (shared != nullptr) s.push_back(reader_.Date(p_.date_slot, *shared));
    Emit(match, std::move(s), fills, false, out);
    return;
  }
  std::vector<const DateMention*> dates = ItemDates(items, limit, shared);
  // An origin one item states ("deux hélicoptères russes ... et quatre
  // hélicoptères") is the statement's when no slot names it.
  const Item* origin = nullptr;
  for (const Item& item : items) {
    if (item.has_origin && origin == nullptr) origin = &item;
  }
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    std::vector<SlotFill> s = CopyWithRoom(fills.one, 5);
    SlotFill cls = reader_.Text("item_class", item.noun);
    cls.key = cls.text = rules_.classes[item.item_class].name;
    s.push_back(cls);
    if (item.has_count && tmpl_.Find("count") != nullptr) {
      SlotFill c = reader_.Text("count", item.count_span);
      c.kind = SlotFill::Kind::kCount;
      c.count = item.count;
      c.key = item.count.Key();
      s.push_back(c);
    }
    if (!item.models.empty() && tmpl_.Find("model") != nullptr) {
      std::vector<std::string> names;
      for (const Span& m : item.models) names.emplace_back(Slice(ctx_.text, m));
      SlotFill m = reader_.Text("model", {item.models.front().begin, item.models.back().end});
      m.text = absl::StrJoin(names, ";");
      m.key = Fold(m.text);
      s.push_back(m);
    }
    const Item* from = item.has_origin ? &item : origin;
    if (from != nullptr && !tmpl_.item_origin.empty() && !Has(s, tmpl_.item_origin)) {
      s.push_back(reader_.Entity(tmpl_.item_origin, from->origin));
    }
    if (want_date && dates[k] != nullptr) s.push_back(reader_.Date(p_.date_slot, *dates[k]));
    Emit(k >= first_detail ? item.span : match, std::move(s), fills, item.definite_plural, out);
  }
}

}  // namespace

const SlotFill* FrameDraft::Find(absl::string_view name) const {
  for (const SlotFill& f : slots) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

SlotFill* FrameDraft::Find(absl::string_view name) {
  for (SlotFill& f : slots) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::atomic<bool> check_group_matcher{false};
std::atomic<int> group_matcher_mismatches{0};

namespace {

// The groups of the match of input[begin, end): read by `matcher` when
// there is one, else by `re2_groups` (RE2's reading of the same match).
template <typename Re2Groups>
bool ReadSpanGroups(const GroupMatcher* matcher, re2::StringPiece input, size_t begin,
                    size_t end, re2::StringPiece* groups, int n, Re2Groups re2_groups) {
  if (matcher == nullptr) return re2_groups(groups);
  const bool found =
      matcher->Match(absl::string_view(input.data(), input.size()), begin, end, groups, n);
  if (check_group_matcher.load(std::memory_order_relaxed)) {
    std::vector<re2::StringPiece> expected(n);
    const bool re2_found = re2_groups(expected.data());
    bool same = found == re2_found;
    for (int k = 0; same && found && k < n; ++k) {
      same = groups[k].data() == expected[k].data() && groups[k].size() == expected[k].size();
    }
    if (!same) group_matcher_mismatches.fetch_add(1, std::memory_order_relaxed);
    return found;
  }
  // RE2 matched the span, so a miss here is the matcher's (text RE2 reads
  // otherwise, such as invalid UTF-8): RE2 reads it.
  return found || re2_groups(groups);
}

}  // namespace

bool ReadGroups(const RE2& re, const GroupMatcher* matcher, re2::StringPiece input,
                size_t begin, size_t end, re2::StringPiece* groups, int n) {
  return ReadSpanGroups(matcher, input, begin, end, groups, n, [&](re2::StringPiece* out) {
    return re.Match(input, begin, end, RE2::ANCHOR_BOTH, out, n);
  });
}

bool ReadContextGroups(const ContextPattern& c, re2::StringPiece input, size_t begin, size_t end,
                       size_t limit, re2::StringPiece* groups, int n) {
  // The match from `begin` ends at `end`, and the path of highest priority
  // overall is that of highest priority among those ending there: the
  // groups of the span are the match's.
  return ReadSpanGroups(c.group_matcher.get(), input, begin, end, groups, n,
                        [&](re2::StringPiece* out) {
                          return c.re->Match(input, begin, limit, RE2::ANCHOR_START, out, n);
                        });
}

void MatchPattern(const ExtractRules::Impl& rules, const Language& lang,
                  const ClaimPattern& p, const SentenceContext& ctx,
                  std::vector<FrameDraft>* out) {
  int n = p.re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(n + (p.tail.index >= 0 ? 1 : 0));
  re2::StringPiece input(ctx.shadow.data(), ctx.shadow.size());
  FrameBuilder builder(rules, lang, p, ctx);
  const size_t earlier = out->size();
  // The latest end of the frames of the template already read that `pick`
  // accepts (0: none). The caller drops every draft over such a frame (see
  // Frames in extract.cc); the search goes on after it.
  auto end_of_read = [&](auto pick) {
    uint32_t end = 0;
    for (size_t k = 0; k < earlier; ++k) {
      const FrameDraft& d = (*out)[k];
      if (!d.lender && Compete(*d.pattern, p) && pick(d.span)) end = std::max(end, d.span.end);
    }
    return end;
  };
  // The span first (RE2's DFAs), the groups only for a match that is read:
  // the groups come from the same leftmost-first match, anchored on it.
  re2::StringPiece whole;
  size_t pos = SearchStart(ctx, ctx.sentence.begin);
  while (pos < ctx.sentence.end &&
         p.re->Match(input, pos, ctx.sentence.end, RE2::UNANCHORED, &whole, 1)) {
    size_t b = whole.data() - ctx.shadow.data();
    size_t re_end = b + whole.size();
    size_t e = re_end;
    if (p.tail.index >= 0) {
      while (e < ctx.sentence.end && p.tail.stops.find(ctx.shadow[e]) == std::string::npos) ++e;
    }
    if (e == b || !AtWordBoundary(ctx.text, b) || !AtWordBoundary(ctx.text, e)) {
      pos = b + 1;
      while (pos < ctx.text.size() && (static_cast<unsigned char>(ctx.text[pos]) & 0xC0) == 0x80) {
        ++pos;
      }
      continue;
    }
    Span match{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    // Surrounding spaces and punctuation are not evidence.
    absl::string_view trimmed = TrimPhrase(Slice(ctx.text, match));
    if (!trimmed.empty()) {
      match.begin = static_cast<uint32_t>(trimmed.data() - ctx.text.data());
      match.end = match.begin + static_cast<uint32_t>(trimmed.size());
    }
    pos = e;
    // Build keeps a non-empty span within the match. A match that starts in
    // a statement already read may hold another after it ("received four
    // Mi-171 helicopters from Russia, while two Mi-35M … were delivered in
    // March"): the search resumes where that statement ends.
    if (const uint32_t end =
            end_of_read([&](Span d) { return d.begin <= match.begin && match.begin < d.end; })) {
      pos = std::max<size_t>(end, b + 1);
      continue;
    }
    if (n > 1 && !ReadGroups(*p.re, p.group_matcher.get(), input, b, re_end, groups.data(), n)) {
      continue;  // not reached: the span matched
    }
    groups[0] = whole;
    if (p.tail.index >= 0) {
      groups[p.tail.index] = re2::StringPiece(ctx.shadow.data() + re_end, e - re_end);
    }
    builder.Build(match, groups, out);
    // A match over a statement already read, beyond it ("Mali had received
    // four Mi-171 helicopters from Russia, while two Mi-35M helicopters were
    // delivered in March" for a passive pattern): what follows that
    // statement is searched again.
    if (const uint32_t end =
            end_of_read([&](Span d) { return match.begin < d.begin && d.end < match.end; })) {
      pos = std::max<size_t>(end, b + 1);
    }
  }
}

}  // namespace crosscheck::extract_internal
