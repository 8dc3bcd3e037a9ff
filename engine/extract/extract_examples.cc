// The inline examples of the "extract" rule kinds, run by `rules check`.
// Every example is {"in": text, "language": optional, ...expectation}:
//   number_words, count_words   "count": "90" | ">=2" | null (not a count)
//   calendar, date_pattern      "date": "2022-08-09" | null, "published": day
//   lexicon, pattern_macro      "match": true | false (the whole of "in")
//   gazetteer                   "entity": canonical name | null
//   equipment                   "items": [{"item_class", "count", "model"}]
//   role_title                  "role": id | null, "organisation": name (the
//                               title's own body is checked when given)
//   claim_template, claim_pattern
//                               "claims": [{"template", "slots", "modality"}],
//                               all the frames of the rule's template; a
//                               slot given as null must be missing
//   modality_cue                "modality": "reported" | ...
//   quote_speaker               "speaker": name
//   dateline                    "published": "2022-08-09" | null
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "crosscheck/extract.h"
#include "crosscheck/text.h"
#include "extract/dates.h"
#include "extract/extract_rules_impl.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/modality.h"
#include "extract/numbers.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "text/rule_pattern.h"

namespace crosscheck::internal {
namespace {

using extract_internal::Language;

const rapidjson::Value* Member(const rapidjson::Value& v, const char* name) {
  if (!v.IsObject()) return nullptr;
  auto it = v.FindMember(name);
  return it == v.MemberEnd() ? nullptr : &it->value;
}

std::string Str(const rapidjson::Value* v) {
  return v != nullptr && v->IsString() ? std::string(v->GetString(), v->GetStringLength())
                                       : std::string();
}

// The expectation as a string; "null" for null or absent.
std::string Want(const rapidjson::Value& ex, const char* name) {
  const rapidjson::Value* v = Member(ex, name);
  if (v == nullptr || v->IsNull()) return "null";
  if (v->IsBool()) return v->GetBool() ? "true" : "false";
  return Str(v);
}

bool Same(absl::string_view a, absl::string_view b) {
  return extract_internal::Fold(a) == extract_internal::Fold(b);
}

class ExampleRunner {
 public:
  ExampleRunner(const TextRules& text, const ExtractRules& extract)
      : text_(text), extract_(extract), impl_(extract.impl()) {}

  // "" if the example holds, else what went wrong.
  std::string Run(const Rule& rule, const rapidjson::Value& ex);

 private:
  const Language* LanguageFor(const Rule& rule, const rapidjson::Value& ex) const;
  std::string Claims(const Rule& rule, const Language& lang, const std::string& in,
                     const rapidjson::Value& ex);
  std::string Date(const Language& lang, const std::string& rule_id, const std::string& in,
                   const rapidjson::Value& ex);

  const TextRules& text_;
  const ExtractRules& extract_;
  const ExtractRules::Impl& impl_;
};

const Language* ExampleRunner::LanguageFor(const Rule& rule, const rapidjson::Value& ex) const {
  std::string name = Str(Member(*rule.body, "language"));
  if (name.empty()) name = Str(Member(ex, "language"));
  if (name.empty()) return impl_.languages.empty() ? nullptr : &impl_.languages.front();
  return impl_.Find(name);
}

std::string ExampleRunner::Date(const Language& lang, const std::string& rule_id,
                                const std::string& in, const rapidjson::Value& ex) {
  std::vector<int> all(lang.dates.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  std::vector<extract_internal::DateMention> mentions;
  extract_internal::FindDates(lang, in, 0, static_cast<uint32_t>(in.size()), all, &mentions);
  extract_internal::Publication pub;
  std::string published = Str(Member(ex, "published"));
  absl::CivilDay day;
  if (!published.empty()) {
    if (!absl::ParseCivilTime(published, &day)) return "bad \"published\" (want YYYY-MM-DD)";
    pub.day = day;
  }
  if (mentions.empty()) return "null";
  // In order, as in a document; the mention this rule made, else the first.
  extract_internal::PreviousDates last;
  for (extract_internal::DateMention& m : mentions) {
    extract_internal::ResolveInOrder(pub, &m, &last);
  }
  const extract_internal::DateMention* shown = &mentions.front();
  for (const extract_internal::DateMention& m : mentions) {
    if (lang.dates[m.rule].id == rule_id) {
      shown = &m;
      break;
    }
  }
  return shown->resolved ? extract_internal::DateKey(*shown) : "null";
}

std::string ExampleRunner::Claims(const Rule& rule, const Language& lang,
                                  const std::string& in, const rapidjson::Value& ex) {
  Corpus corpus;
  Document doc;
  doc.id = corpus.strings.Intern("example");
  doc.lang = corpus.strings.Intern(lang.name);
  doc.text = in;
  std::string published = Str(Member(ex, "published"));
  absl::CivilDay day;
  if (!published.empty()) {
    if (!absl::ParseCivilTime(published, &day)) return "bad \"published\" (want YYYY-MM-DD)";
    doc.published = day;
  }
  corpus.documents.push_back(std::move(doc));
  ExtractDocuments(text_, extract_, ExtractOptions(), &corpus);
  std::string tmpl = Str(Member(*rule.body, "template"));
  std::vector<const Frame*> frames;
  for (const Frame& f : corpus.frames) {
    if (corpus.str(f.template_name) == tmpl) frames.push_back(&f);
  }
  const rapidjson::Value* claims = Member(ex, "claims");
  if (claims == nullptr || !claims->IsArray()) return "the example needs \"claims\", an array";
  auto describe = [&](const Frame& f) {
    std::vector<std::string> parts;
    for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
      const FrameSlot& s = corpus.frame_slots[k];
      std::string shown(corpus.str(s.text));
      if (s.value != kNoValue && corpus.values.Get(s.value).kind != ValueKind::kText) {
        shown = std::string(corpus.values.Key(s.value));
      }
      parts.push_back(absl::StrCat(corpus.str(s.name), "=", shown));
    }
    return absl::StrCat("{", absl::StrJoin(parts, ", "), " ", ModalityName(f.modality), "}");
  };
  std::vector<bool> used(frames.size(), false);
  for (const rapidjson::Value& want : claims->GetArray()) {
    const rapidjson::Value* slots = Member(want, "slots");
    std::string modality = Str(Member(want, "modality"));
    bool found = false;
    for (size_t k = 0; k < frames.size() && !found; ++k) {
      if (used[k]) continue;
      const Frame& f = *frames[k];
      if (!modality.empty() && ModalityName(f.modality) != modality) continue;
      bool all = true;
      for (auto m = slots ? slots->MemberBegin() : rapidjson::Value::ConstMemberIterator();
           slots && m != slots->MemberEnd() && all; ++m) {
        // A null slot is one the frame must not have.
        bool slot_ok = m->value.IsNull();
        for (uint32_t s = f.slots_begin; s < f.slots_end; ++s) {
          const FrameSlot& fs = corpus.frame_slots[s];
          if (corpus.str(fs.name) != m->name.GetString()) continue;
          if (m->value.IsNull()) {
            slot_ok = false;
            break;
          }
          std::string want_value = Str(&m->value);
          slot_ok = Same(corpus.str(fs.text), want_value) ||
                    (fs.value != kNoValue && Same(corpus.values.Key(fs.value), want_value));
        }
        all = slot_ok;
      }
      if (all) used[k] = found = true;
    }
    if (!found) {
      std::vector<std::string> got;
      for (const Frame* f : frames) got.push_back(describe(*f));
      return absl::StrCat("no ", tmpl, " frame matches expected claim ",
                          want.IsObject() && slots ? "with the given slots" : "",
                          "; got [", absl::StrJoin(got, "; "), "]");
    }
  }
  if (frames.size() != claims->Size()) {
    std::vector<std::string> got;
    for (const Frame* f : frames) got.push_back(describe(*f));
    return absl::StrCat("expected ", claims->Size(), " ", tmpl, " frames, got ",
                        frames.size(), ": [", absl::StrJoin(got, "; "), "]");
  }
  return "";
}

std::string ExampleRunner::Run(const Rule& rule, const rapidjson::Value& ex) {
  std::string in = Str(Member(ex, "in"));
  if (Member(ex, "in") == nullptr || !Member(ex, "in")->IsString()) {
    return "an example must be an object with \"in\", a string";
  }
  const Language* lang = LanguageFor(rule, ex);
  if (lang == nullptr) return "no such language for this example";
  const std::string& kind = rule.kind;
  std::string want, got;
  if (kind == "number_words" || kind == "count_words") {
    want = Want(ex, "count");
    extract_internal::Count c;
    got = extract_internal::ParseCount(*lang, in, &c) ? c.Key() : "null";
  } else if (kind == "calendar" || kind == "date_pattern") {
    want = Want(ex, "date");
    got = Date(*lang, rule.id, in, ex);
  } else if (kind == "lexicon" || kind == "pattern_macro") {
    want = Want(ex, "match");
    auto it = lang->macros.find(Str(Member(*rule.body, "name")));
    if (it == lang->macros.end()) return "the macro did not compile";
    RE2 re(it->second, text_internal::RulePatternOptions());
    got = RE2::FullMatch(in, re) ? "true" : "false";
  } else if (kind == "gazetteer") {
    want = Want(ex, "entity");
    extract_internal::EntityMention m;
    got = extract_internal::FindEntity(impl_, *lang, in, {0, static_cast<uint32_t>(in.size())}, &m)
              ? impl_.entities[m.entity].name
              : "null";
  } else if (kind == "equipment") {
    const rapidjson::Value* items = Member(ex, "items");
    if (items == nullptr || !items->IsArray()) return "the example needs \"items\", an array";
    std::vector<std::string> w, g;
    for (const rapidjson::Value& i : items->GetArray()) {
      w.push_back(absl::StrCat(Str(Member(i, "item_class")), "/", Str(Member(i, "count")), "/",
                               Str(Member(i, "model"))));
    }
    for (const auto& item : extract_internal::ParseItems(
             impl_, *lang, in, {0, static_cast<uint32_t>(in.size())})) {
      std::vector<std::string> models;
      for (const auto& m : item.models) models.push_back(in.substr(m.begin, m.end - m.begin));
      g.push_back(absl::StrCat(impl_.classes[item.item_class].name, "/",
                               item.has_count ? item.count.Key() : "", "/",
                               absl::StrJoin(models, ";")));
    }
    want = absl::StrJoin(w, ", ");
    got = absl::StrJoin(g, ", ");
  } else if (kind == "role_title") {
    want = absl::StrCat(Want(ex, "role"), " ", Want(ex, "organisation"));
    extract_internal::RoleMention r;
    bool found = extract_internal::FindRole(impl_, *lang, in,
                                            {0, static_cast<uint32_t>(in.size())}, &r);
    // The country the title names, else the body it names itself when the
    // example says which that should be.
    std::string organisation = "null";
    if (r.has_org) {
      organisation = impl_.entities[r.org.entity].name;
    } else if (Member(ex, "organisation") != nullptr && !r.organisation.empty()) {
      organisation = r.organisation;
    }
    got = found ? absl::StrCat(r.role, " ", organisation) : "null null";
  } else if (kind == "claim_template" || kind == "claim_pattern") {
    return Claims(rule, *lang, in, ex);
  } else if (kind == "modality_cue") {
    want = Want(ex, "modality");
    std::vector<int> all(lang->cues.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    extract_internal::Span whole{0, static_cast<uint32_t>(in.size())};
    got = std::string(ModalityName(
        extract_internal::StatementModality(*lang, in, whole, {whole}, all)));
  } else if (kind == "dateline") {
    want = Want(ex, "published");
    std::optional<absl::CivilDay> day = extract_internal::DatelineDay(*lang, in);
    got = day ? absl::FormatCivilTime(*day) : "null";
  } else {  // quote_speaker
    want = Want(ex, "speaker");
    std::vector<extract_internal::Span> quotes = extract_internal::FindQuotations(in);
    got = quotes.empty() ? "null" : extract_internal::FindSpeaker(*lang, in, quotes.front());
    if (got.empty()) got = "null";
  }
  if (kind == "lexicon" || kind == "pattern_macro" ? want == got : Same(want, got)) return "";
  return absl::StrCat("example \"", in.substr(0, 60), in.size() > 60 ? "...\"" : "\"",
                      ": expected ", want, ", got ", got);
}

}  // namespace

void RunExtractExamples(const RuleSet& set, const TextRules& text,
                        const ExtractRules& compiled, size_t* examples,
                        std::vector<RuleProblem>* failed) {
  ExampleRunner runner(text, compiled);
  for (const char* kind :
       {"number_words", "count_words", "calendar", "date_pattern", "lexicon",
        "pattern_macro", "gazetteer", "equipment", "role_title", "claim_template",
        "claim_pattern", "modality_cue", "quote_speaker", "dateline"}) {
    for (const Rule* r : set.OfKind(kind)) {
      for (const rapidjson::Value& ex : (*r->body)["examples"].GetArray()) {
        ++*examples;
        std::string error = runner.Run(*r, ex);
        if (!error.empty()) failed->push_back(RuleSet::ProblemAt(*r, ex, error));
      }
    }
  }
}

}  // namespace crosscheck::internal
