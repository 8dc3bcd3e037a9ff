// Mentions: the names frames carry in their slots, with the context of the
// frame, and later occurrences of actor names in the text.
#include <algorithm>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "crosscheck/rules.h"
#include "extract/extract_rules_impl.h"
#include "extract/lexicon.h"
#include "resolve/names.h"
#include "resolve/resolve_impl.h"

namespace crosscheck::resolve_internal {
namespace {

using extract_internal::SlotType;

bool NamesEntity(SlotType t) {
  return t == SlotType::kEntity || t == SlotType::kPerson || t == SlotType::kAgent ||
         t == SlotType::kPlace || t == SlotType::kList;
}

// A capital first letter: ASCII, or Latin-1 capitals À..Þ.
bool Capitalized(absl::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return s.size() > 1 && c == 0xC3 && static_cast<unsigned char>(s[1]) >= 0x80 &&
         static_cast<unsigned char>(s[1]) <= 0x9E;
}

EntityType GazetteerType(absl::string_view type) {
  if (type == "country") return EntityType::kCountry;
  if (type == "organisation") return EntityType::kOrganisation;
  return EntityType::kPlace;  // capitals, places, regions
}

MonthRange MonthsOf(const Value& v) {
  auto month = [](double seconds) {
    absl::CivilMonth m = absl::ToCivilMonth(
        absl::FromUnixSeconds(static_cast<int64_t>(seconds)), absl::UTCTimeZone());
    return static_cast<int>(m.year() * 12 + m.month() - 1);
  };
  return {month(v.lo), month(v.hi > v.lo ? v.hi - 1 : v.lo)};
}

MonthRange DocumentMonths(const Document& doc) {
  if (!doc.published) return {};
  int m = static_cast<int>(doc.published->year() * 12 + doc.published->month() - 1);
  return {m, m};
}

// The context every mention of frame `f` shares.
MentionContext FrameContext(const Corpus& corpus, const Frame& f) {
  MentionContext c;
  c.template_name = std::string(corpus.str(f.template_name));
  c.when = DocumentMonths(corpus.documents[f.document]);
  for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
    const FrameSlot& s = corpus.frame_slots[k];
    if (s.value == kNoValue) continue;
    absl::string_view name = corpus.str(s.name);
    absl::string_view key = corpus.values.Key(s.value);
    const Value& v = corpus.values.Get(s.value);
    if (name == "role") c.role = std::string(key);
    if (name == "organisation") c.organisation = std::string(key);
    if (name == "place") c.place = std::string(key);
    if (name == "date" && v.kind == ValueKind::kDateTime && v.has(Value::kHasDate)) {
      c.when = MonthsOf(v);
    }
  }
  return c;
}

void AddFrameMentions(const ExtractRules::Impl& x, const ResolveRules::Impl& r,
                      const Corpus& corpus, uint32_t frame, std::vector<Mention>* out) {
  const Frame& f = corpus.frames[frame];
  const extract_internal::TemplateDef* tmpl = x.Template(corpus.str(f.template_name));
  if (tmpl == nullptr) return;
  const MentionContext context = FrameContext(corpus, f);
  for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
    const FrameSlot& s = corpus.frame_slots[k];
    const SlotType* type = tmpl->Find(std::string(corpus.str(s.name)));
    if (type == nullptr || !NamesEntity(*type) || s.value == kNoValue) continue;
    std::vector<std::string> items;
    if (*type == SlotType::kList) {
      items = absl::StrSplit(corpus.str(s.text), ';', absl::SkipEmpty());
    } else {
      items.emplace_back(corpus.str(s.text));
    }
    for (std::string& item : items) {
      Mention m;
      m.folded = FoldName(item);
      auto gz = x.entity_names.find(extract_internal::Fold(item));
      if (gz != x.entity_names.end()) {
        m.gazetteer = true;
        m.type = GazetteerType(x.entities[gz->second].type);
        m.canonical = x.entities[gz->second].name;
      } else if (!Capitalized(item)) {
        continue;  // a phrase ("rebelles djihadistes"), not a name
      } else if (r.MarksOrganisation(m.folded)) {
        m.type = EntityType::kOrganisation;
      } else if (*type == SlotType::kPerson ||
                 (*type == SlotType::kAgent && NameTokens(m.folded).size() >= 2)) {
        m.type = EntityType::kPerson;
      } else if (*type == SlotType::kPlace) {
        m.type = EntityType::kPlace;
      }
      m.document = f.document;
      m.frame = frame;
      m.slot = *type == SlotType::kList ? kNoSlot : k;
      m.text = std::move(item);
      m.span_begin = s.span_begin;
      m.span_end = s.span_end;
      m.context = context;
      m.context.slot = std::string(corpus.str(s.name));
      if (m.context.slot != "person") m.context.role.clear();
      if (m.type == EntityType::kPlace && !m.gazetteer) {
        const std::string& text = corpus.documents[f.document].text;
        m.context.sentence = FoldName(
            absl::string_view(text).substr(f.sentence_begin, f.sentence_end - f.sentence_begin));
      }
      out->push_back(std::move(m));
    }
  }
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Capitalized word runs of `text` ("Assimi Goïta", "Al-Qaïda", "Koita") that
// lie outside `taken` spans (sorted) and share a phonetic key with an actor.
void AddTextMentions(const ResolveRules::Impl& r, const Document& doc, uint32_t d,
                     const std::vector<std::pair<uint32_t, uint32_t>>& taken,
                     std::vector<Mention>* out) {
  const std::string& t = doc.text;
  size_t i = 0;
  auto in_taken = [&](size_t b, size_t e) {
    for (const auto& [tb, te] : taken) {
      if (b < te && tb < e) return true;
    }
    for (const TextCut& c : doc.cuts) {
      if (b < c.end && c.begin < e) return true;
    }
    return false;
  };
  while (i < t.size()) {
    // A word: letters and inner hyphens; punctuation bytes of UTF-8
    // (E2 80 xx, C2 A0..BF) end it.
    auto word_end = [&](size_t b) {
      size_t e = b;
      while (e < t.size()) {
        unsigned char c = static_cast<unsigned char>(t[e]);
        if (c == 0xE2 || c == 0xC2) break;
        if (IsWordByte(c) || (c == '-' && e > b && e + 1 < t.size() &&
                              IsWordByte(static_cast<unsigned char>(t[e + 1])))) {
          ++e;
        } else {
          break;
        }
      }
      return e;
    };
    size_t e = word_end(i);
    if (e == i) {
      ++i;
      continue;
    }
    if (!Capitalized(absl::string_view(t).substr(i, e - i))) {
      i = e;
      continue;
    }
    size_t run_end = e;
    while (run_end + 1 < t.size() && t[run_end] == ' ') {
      size_t ne = word_end(run_end + 1);
      if (ne == run_end + 1 || !Capitalized(absl::string_view(t).substr(run_end + 1, ne - run_end - 1))) break;
      run_end = ne;
    }
    absl::string_view run = absl::string_view(t).substr(i, run_end - i);
    std::string folded = FoldName(run);
    bool known = false;
    for (const std::string& w : NameTokens(folded)) {
      known = known || r.actor_blocks.contains(PhoneticKey(w));
    }
    if (known && !in_taken(i, run_end)) {
      Mention m;
      m.document = d;
      m.text = std::string(run);
      m.folded = std::move(folded);
      m.span_begin = static_cast<uint32_t>(i);
      m.span_end = static_cast<uint32_t>(run_end);
      m.context.when = DocumentMonths(doc);
      out->push_back(std::move(m));
    }
    i = run_end;
  }
}

// A one-word agent whose word is the surname of a person the same document
// names is that person's surname ("Camara a déclaré").
void PersonsBySurname(std::vector<Mention>* mentions) {
  std::map<std::pair<uint32_t, std::string>, bool> surnames;
  for (const Mention& m : *mentions) {
    if (m.type != EntityType::kPerson) continue;
    std::vector<std::string> words = NameTokens(m.folded);
    if (words.size() >= 2) surnames[{m.document, words.back()}] = true;
  }
  for (Mention& m : *mentions) {
    if (m.type != EntityType::kOther || m.gazetteer) continue;
    std::vector<std::string> words = NameTokens(m.folded);
    if (words.size() == 1 && surnames.count({m.document, words[0]}) > 0) {
      m.type = EntityType::kPerson;
    }
  }
}

}  // namespace

std::vector<Mention> CollectMentions(const Rules& rules, const Corpus& corpus,
                                     DocumentEntities* document_entities) {
  const ExtractRules::Impl& x = rules.extract().impl();
  const ResolveRules::Impl& r = rules.resolve().impl();
  std::vector<Mention> out;
  for (uint32_t f = 0; f < corpus.frames.size(); ++f) AddFrameMentions(x, r, corpus, f, &out);
  PersonsBySurname(&out);
  document_entities->assign(corpus.documents.size(), {});
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> taken(corpus.documents.size());
  for (const Mention& m : out) {
    (*document_entities)[m.document].push_back(m.folded);
    if (!m.context.organisation.empty()) {
      (*document_entities)[m.document].push_back(m.context.organisation);
    }
    taken[m.document].emplace_back(m.span_begin, m.span_end);
  }
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    std::vector<std::string>& names = (*document_entities)[d];
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    if (!taken[d].empty() || !corpus.documents[d].text.empty()) {
      AddTextMentions(r, corpus.documents[d], d, taken[d], &out);
    }
  }
  for (Mention& m : out) m.context.document_entities = &(*document_entities)[m.document];
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    if (a.document != b.document) return a.document < b.document;
    if (a.span_begin != b.span_begin) return a.span_begin < b.span_begin;
    if (a.span_end != b.span_end) return a.span_end < b.span_end;
    if (a.frame != b.frame) return a.frame < b.frame;
    if (a.slot != b.slot) return a.slot < b.slot;
    return a.text < b.text;
  });
  return out;
}

}  // namespace crosscheck::resolve_internal
