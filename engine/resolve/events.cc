// Event coreference: frames of one template with the same participants are
// one event when their dates agree at the month; a frame whose date is
// missing or coarser joins the one dated event it can be, and only then.
// Totals ("au moins quatre hélicoptères" without a date) never join.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "crosscheck/rules.h"
#include "extract/extract_rules_impl.h"
#include "resolve/resolve_impl.h"

namespace crosscheck::resolve_internal {
namespace {

using extract_internal::SlotType;

struct FrameKey {
  std::string participants;  // template|identity keys other than dates
  std::string month;         // "2022-08", or "" when the date is coarser or absent
  std::string year;          // "2022", or ""
  std::string place;
  bool total = false;  // an undated count stated as a lower bound
  int named = 0;        // identity slots other than dates with a value
};

FrameKey KeyOf(const extract_internal::TemplateDef& tmpl, const Corpus& corpus, const Frame& f) {
  FrameKey k;
  k.participants = tmpl.name;
  auto value_of = [&](absl::string_view slot) -> ValueId {
    const FrameSlot* s = corpus.Slot(f, slot);
    return s == nullptr ? kNoValue : s->value;
  };
  bool dated = false;
  for (const std::string& slot : tmpl.identity) {
    const SlotType* type = tmpl.Find(slot);
    ValueId v = value_of(slot);
    std::string key = v == kNoValue ? "" : std::string(corpus.values.Key(v));
    if (type != nullptr && *type == SlotType::kDate) {
      dated = !key.empty();
      if (key.size() >= 7) k.month = key.substr(0, 7);
      if (key.size() >= 4) k.year = key.substr(0, 4);
      continue;
    }
    if (!key.empty()) ++k.named;
    absl::StrAppend(&k.participants, "|", key);
  }
  ValueId place = value_of("place");
  if (place != kNoValue) k.place = std::string(corpus.values.Key(place));
  ValueId count = value_of("count");
  if (!dated && count != kNoValue && corpus.values.Get(count).hedge == Hedge::kAtLeast) {
    k.total = true;
  }
  return k;
}

bool PlacesCompatible(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || absl::StrContains(a, b) || absl::StrContains(b, a);
}

// A place that is not a whole country.
bool SpecificPlace(const ExtractRules::Impl& x, const std::string& place) {
  if (place.empty()) return false;
  auto it = x.entity_names.find(place);
  return it == x.entity_names.end() || x.entities[it->second].type != "country";
}

}  // namespace

void GroupEvents(const Rules& rules, Corpus* corpus, std::vector<EventGroup>* events) {
  const ExtractRules::Impl& x = rules.extract().impl();
  std::vector<FrameKey> keys(corpus->frames.size());
  std::vector<bool> has_template(corpus->frames.size(), false);
  // participants -> month -> frames
  std::map<std::string, std::map<std::string, std::vector<uint32_t>>> dated;
  for (uint32_t f = 0; f < corpus->frames.size(); ++f) {
    const extract_internal::TemplateDef* tmpl = x.Template(corpus->str(corpus->frames[f].template_name));
    if (tmpl == nullptr) continue;
    has_template[f] = true;
    keys[f] = KeyOf(*tmpl, *corpus, corpus->frames[f]);
    if (!keys[f].month.empty()) dated[keys[f].participants][keys[f].month].push_back(f);
  }
  std::vector<StringId> frame_subject(corpus->frames.size(), kNoString);
  for (const Claim& c : corpus->claims) {
    if (c.frame != kNoFrame && frame_subject[c.frame] == kNoString) frame_subject[c.frame] = c.subject;
  }
  // Frames that join a dated event: the only month they can be.
  std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> joined;
  std::vector<StringId> subject(corpus->frames.size(), kNoString);
  for (uint32_t f = 0; f < corpus->frames.size(); ++f) {
    const FrameKey& k = keys[f];
    // Too little to tell which event: a total; fewer than three named
    // participants unless a place more precise than a country names where
    // ("France deployed in Mali" is many events, "the attack at Tessit" one).
    if (!has_template[f] || !k.month.empty() || k.total) continue;
    if (k.named < 3 && !(k.named >= 2 && SpecificPlace(x, k.place))) continue;
    auto it = dated.find(k.participants);
    if (it == dated.end()) continue;
    std::vector<std::string> months;
    for (const auto& [month, frames] : it->second) {
      if (!k.year.empty() && month.substr(0, 4) != k.year) continue;
      bool place_ok = std::all_of(frames.begin(), frames.end(), [&](uint32_t g) {
        return PlacesCompatible(keys[g].place, k.place);
      });
      if (place_ok) months.push_back(month);
    }
    if (months.size() != 1) continue;
    const std::vector<uint32_t>& target = it->second[months[0]];
    joined[{k.participants, months[0]}].push_back(f);
    subject[f] = frame_subject[target[0]];  // the dated frames' subject
  }
  for (Claim& c : corpus->claims) {
    if (c.frame != kNoFrame && subject[c.frame] != kNoString) c.subject = subject[c.frame];
  }
  for (const auto& [participants, months] : dated) {
    for (const auto& [month, frames] : months) {
      std::vector<uint32_t> all = frames;
      auto j = joined.find({participants, month});
      size_t added = j == joined.end() ? 0 : j->second.size();
      if (added > 0) all.insert(all.end(), j->second.begin(), j->second.end());
      std::set<uint32_t> documents;
      for (uint32_t f : all) documents.insert(corpus->frames[f].document);
      if (documents.size() < 2) continue;
      std::sort(all.begin(), all.end());
      EventGroup g;
      g.frames = std::move(all);
      g.subject = std::string(corpus->str(frame_subject[frames[0]]));
      g.why = absl::StrCat(documents.size(), " articles, same participants, dated ", month,
                           added > 0 ? absl::StrCat("; ", added,
                                                    " statement(s) without a finer date join "
                                                    "the only event they can be")
                                     : "");
      events->push_back(std::move(g));
    }
  }
  std::sort(events->begin(), events->end(),
            [](const EventGroup& a, const EventGroup& b) { return a.subject < b.subject; });
}

}  // namespace crosscheck::resolve_internal
