// Compiling the pattern kinds of "extract": claim templates, date patterns,
// claim patterns, modality cues and quotation speakers; then the scanners
// and the one prefilter set per language.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/extract_compile.h"
#include "extract/lexicon.h"
#include "internal/stage_rules.h"
#include "text/rule_pattern.h"

namespace crosscheck {

ExtractRules::ExtractRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExtractRules::~ExtractRules() = default;

std::vector<std::string> ExtractRules::languages() const {
  std::vector<std::string> out;
  for (const auto& l : impl_->languages) {
    if (!l.patterns.empty()) out.push_back(l.name);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<ExtractRules>> ExtractRules::FromRules(
    const internal::RuleSet& rules) {
  std::vector<RuleProblem> problems;
  std::unique_ptr<ExtractRules> compiled = internal::CompileExtractRules(rules, &problems);
  if (!problems.empty()) return absl::InvalidArgumentError(problems.front().ToString());
  return compiled;
}

const extract_internal::Language* ExtractRules::Impl::Find(absl::string_view language) const {
  for (const auto& l : languages) {
    if (l.name == language) return &l;
  }
  return nullptr;
}

const extract_internal::TemplateDef* ExtractRules::Impl::Template(absl::string_view name) const {
  auto it = templates.find(std::string(name));
  return it == templates.end() ? nullptr : &it->second;
}

namespace extract_internal {
namespace {

using internal::Rule;
using internal::RuleFields;

// Cuts a final "(?P<name>[^chars]*)" off `pattern` when the characters are
// plain ASCII (no escapes, ranges or classes): *name and *stops receive the
// group's name and characters. Otherwise leaves everything as is.
void SplitTailGroup(std::string* pattern, std::string* name, std::string* stops) {
  static const LazyRE2 kTail = {"\\(\\?P<(\\w+)>\\[\\^([\\x21-\\x2c\\x2e-\\x5a\\x5f-\\x7e]+)\\]\\*\\)$"};
  re2::StringPiece input(*pattern);
  re2::StringPiece groups[3];
  if (!kTail->Match(input, 0, input.size(), RE2::UNANCHORED, groups, 3)) return;
  // A group inside an alternation or a repetition is not a tail.
  absl::string_view head(pattern->data(), groups[0].data() - pattern->data());
  int depth = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\\') {
      ++i;
    } else if (head[i] == '(') {
      ++depth;
    } else if (head[i] == ')') {
      --depth;
    } else if (head[i] == '|' && depth == 0) {
      return;
    } else if (head[i] == '[') {
      while (i + 1 < head.size() && head[i + 1] != ']') i += head[i + 1] == '\\' ? 2 : 1;
      ++i;
    }
  }
  if (depth != 0) return;
  *name = std::string(groups[1]);
  *stops = std::string(groups[2]);
  pattern->resize(head.size());
}

// Whether `pattern` uses ^ or $ outside character classes.
bool Anchors(absl::string_view pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '[') {
      while (i + 1 < pattern.size() && pattern[i + 1] != ']') i += pattern[i + 1] == '\\' ? 2 : 1;
      ++i;
    } else if (pattern[i] == '^' || pattern[i] == '$') {
      return true;
    }
  }
  return false;
}

bool ParseWhere(absl::string_view name, ContextPattern::Where* where) {
  if (name == "match") {
    *where = ContextPattern::Where::kMatch;
  } else if (name == "before") {
    *where = ContextPattern::Where::kBefore;
  } else if (name == "after") {
    *where = ContextPattern::Where::kAfter;
  } else if (name == "sentence") {
    *where = ContextPattern::Where::kSentence;
  } else {
    return false;
  }
  return true;
}

bool ParseUnit(absl::string_view name, DateRule::Unit* unit) {
  if (name == "day") {
    *unit = DateRule::Unit::kDay;
  } else if (name == "week") {
    *unit = DateRule::Unit::kWeek;
  } else if (name == "month") {
    *unit = DateRule::Unit::kMonth;
  } else if (name == "year") {
    *unit = DateRule::Unit::kYear;
  } else {
    return false;
  }
  return true;
}

bool ParseModality(absl::string_view name, Modality* modality) {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kAlleged,
                     Modality::kQuoted, Modality::kDenied}) {
    if (ModalityName(m) == name) {
      *modality = m;
      return true;
    }
  }
  return false;
}

// "pattern" as a string, or an array of strings joined (for long patterns).
bool PatternField(RuleFields* f, const char* name, std::string* out) {
  const rapidjson::Value* v = f->Find(name);
  if (v != nullptr && v->IsArray()) {
    out->clear();
    for (const rapidjson::Value& part : v->GetArray()) {
      if (!part.IsString()) {
        f->Problem(&part, absl::StrCat("every part of \"", name, "\" must be a string"));
        return false;
      }
      out->append(part.GetString(), part.GetStringLength());
    }
    return true;
  }
  return f->String(name, out);
}

int GroupIndex(const RE2& re, const char* name) {
  auto it = re.NamedCapturingGroups().find(name);
  return it == re.NamedCapturingGroups().end() ? -1 : it->second;
}

// The rules of `kind` that are a language and a pattern (quote_speaker,
// dateline), compiled into `list` of each language as {id, re}; `group`,
// when not null, must be a group of the pattern.
template <typename T>
void CompilePatternList(Compiler* c, const char* kind, std::vector<T> Language::*list,
                        const char* group) {
  for (const Rule* r : c->set().OfKind(kind)) {
    RuleFields f(*r, c->problems());
    f.CheckFields({"language", "pattern"});
    std::string pattern;
    if (!PatternField(&f, "pattern", &pattern) || !f.ok()) continue;
    for (Language* lang : c->LanguagesOf(&f)) {
      T item;
      item.id = r->id;
      item.re = c->Compile(lang, &f, f.Find("pattern"), pattern);
      if (item.re == nullptr) break;
      if (group != nullptr && GroupIndex(*item.re, group) < 0) {
        f.Problem(f.Find("pattern"),
                  absl::StrCat("a ", kind, " pattern needs the group \"", group, "\""));
        break;
      }
      (lang->*list).push_back(std::move(item));
    }
  }
}

}  // namespace

GroupNames NamedGroups(const RE2& re) {
  GroupNames out(re.NamedCapturingGroups().begin(), re.NamedCapturingGroups().end());
  std::sort(out.begin(), out.end());
  return out;
}

bool ParseSlotType(absl::string_view name, SlotType* type) {
  static constexpr std::pair<const char*, SlotType> kTypes[] = {
      {"entity", SlotType::kEntity},      {"person", SlotType::kPerson},
      {"agent", SlotType::kAgent},        {"text", SlotType::kText},
      {"count", SlotType::kCount},        {"date", SlotType::kDate},
      {"item_class", SlotType::kItemClass}, {"model", SlotType::kModel},
      {"role", SlotType::kRole},          {"list", SlotType::kList},
      {"term", SlotType::kTerm},          {"place", SlotType::kPlace},
      {"target", SlotType::kTarget}};
  for (const auto& [n, t] : kTypes) {
    if (name == n) {
      *type = t;
      return true;
    }
  }
  return false;
}

void Compiler::CompileTemplates() {
  for (const Rule* r : set_.OfKind("claim_template")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"template", "slots", "identity", "required", "defaults", "item_origin", "expand",
                   "drop_alleged", "sentence_cues", "inherit", "share", "groups", "country_default",
                   "describe", "denies", "not_same_as", "event_date", "known_holder",
                   "place_types"});
    TemplateDef t;
    f.StringArray("country_default", &t.country_default, false);
    if (const rapidjson::Value* types = f.Find("place_types")) {
      f.StringArray("place_types", &t.place_types);
      for (const std::string& type : t.place_types) {
        const std::vector<std::string>& known = impl_->entity_types;
        if (std::find(known.begin(), known.end(), type) == known.end()) {
          f.Problem(types,
                    absl::StrCat("\"", type, "\" is no gazetteer type (the gazetteer's groups: ",
                                 absl::StrJoin(known, ", "), ")"));
        }
      }
    }
    bool have_name = f.String("template", &t.name);
    f.StringArray("identity", &t.identity, false);
    f.StringArray("required", &t.required, false);
    f.StringArray("defaults", &t.defaults, false);
    f.String("item_origin", &t.item_origin, false);
    f.StringArray("expand", &t.expand, false);
    f.StringArray("drop_alleged", &t.drop_alleged, false);
    f.StringArray("describe", &t.describe, false);
    f.StringArray("denies", &t.denies, false);
    if (const rapidjson::Value* holder = f.Find("known_holder")) {
      TemplateDef::KnownHolder h;
      bool ok = holder->IsObject();
      for (auto [field, out] : {std::pair{"person", &h.person}, std::pair{"role", &h.role},
                                std::pair{"organisation", &h.organisation}}) {
        ok = ok && holder->HasMember(field) && (*holder)[field].IsString();
        if (ok) *out = (*holder)[field].GetString();
      }
      if (ok) {
        t.known_holder = h;
      } else {
        f.Problem(holder, "\"known_holder\" is {\"person\": slot, \"role\": slot, "
                          "\"organisation\": slot}");
      }
    }
    f.Bool("sentence_cues", &t.sentence_cues, false);
    f.Bool("event_date", &t.event_date, false);
    if (const rapidjson::Value* inherit = f.Find("inherit")) {
      bool ok = inherit->IsArray();
      for (rapidjson::SizeType k = 0; ok && k < inherit->Size(); ++k) {
        const rapidjson::Value& e = (*inherit)[k];
        ok = e.IsObject() && e.HasMember("slot") && e["slot"].IsString() &&
             e.HasMember("from") && e["from"].IsArray();
        if (!ok) break;
        TemplateDef::Inherit in;
        in.slot = e["slot"].GetString();
        for (const rapidjson::Value& from : e["from"].GetArray()) {
          if (from.IsString()) in.from.push_back(from.GetString());
        }
        if (e.HasMember("scope")) {
          ok = e["scope"].IsString() && (std::string(e["scope"].GetString()) == "document" ||
                                         std::string(e["scope"].GetString()) == "sentence");
          in.document = ok && std::string(e["scope"].GetString()) == "document";
        }
        if (ok && e.HasMember("distance")) {
          ok = e["distance"].IsInt() && e["distance"].GetInt() >= 0;
          if (ok) in.distance = e["distance"].GetInt();
        }
        if (ok && e.HasMember("value")) {
          ok = e["value"].IsString();
          if (ok) in.value = e["value"].GetString();
        }
        if (ok && e.HasMember("pick")) {
          const std::string pick = e["pick"].IsString() ? e["pick"].GetString() : "";
          ok = pick == "lead" || pick == "nearest";
          in.lead = pick == "lead";
        }
        if (ok && e.HasMember("replace")) {
          ok = e["replace"].IsString() && std::string(e["replace"].GetString()) == "later";
          in.replace_later = ok;
        }
        if (ok && e.HasMember("completes")) {
          ok = e["completes"].IsBool();
          if (ok) in.completes = e["completes"].GetBool();
        }
        if (ok && e.HasMember("agree")) {
          ok = e["agree"].IsArray();
          for (rapidjson::SizeType a = 0; ok && a < e["agree"].Size(); ++a) {
            ok = e["agree"][a].IsString();
            if (ok) in.agree.push_back(e["agree"][a].GetString());
          }
        }
        if (ok && e.HasMember("when")) {
          ok = e["when"].IsString();
          if (ok) in.when = e["when"].GetString();
          bool known = std::any_of(impl_->languages.begin(), impl_->languages.end(),
                                   [&](const Language& l) { return l.lexicons.count(in.when) > 0; });
          if (ok && !known) {
            f.Problem(&e["when"], absl::StrCat("no language has the lexicon \"", in.when, "\""));
          }
        }
        t.inherit.push_back(std::move(in));
      }
      if (ok && t.inherit.size() > 32) {
        f.Problem(inherit, "a template has at most 32 \"inherit\" rules");
      } else if (!ok) {
        f.Problem(inherit,
                  "\"inherit\" is an array of {\"slot\", \"from\": [templates], "
                  "\"scope\": document|sentence, \"distance\": sentences, "
                  "\"value\": text, \"when\": lexicon, \"pick\": nearest|lead, "
                  "\"agree\": [slots], \"completes\": true|false, "
                  "\"replace\": \"later\"}");
      }
    }
    for (const auto& [field, pairs] :
         {std::pair{"share", &t.share}, std::pair{"not_same_as", &t.not_same_as}}) {
      const rapidjson::Value* v = f.Find(field);
      if (v == nullptr) continue;
      if (!v->IsObject()) {
        f.Problem(v, absl::StrCat("\"", field, "\" is an object from slot to slot"));
        continue;
      }
      for (auto m = v->MemberBegin(); m != v->MemberEnd(); ++m) {
        if (m->value.IsString()) pairs->emplace_back(m->name.GetString(), m->value.GetString());
      }
    }
    if (const rapidjson::Value* groups = f.Find("groups")) {
      if (!groups->IsObject() || !groups->HasMember("lexicon") || !(*groups)["lexicon"].IsString() ||
          !groups->HasMember("slot") || !(*groups)["slot"].IsString()) {
        f.Problem(groups, "\"groups\" is {\"lexicon\": name, \"slot\": slot}");
      } else {
        t.group_lexicon = (*groups)["lexicon"].GetString();
        t.group_slot = (*groups)["slot"].GetString();
        const rapidjson::Value* classes =
            groups->HasMember("classes") ? &(*groups)["classes"] : nullptr;
        const rapidjson::Value* class_slot =
            groups->HasMember("class_slot") ? &(*groups)["class_slot"] : nullptr;
        if ((classes == nullptr) != (class_slot == nullptr) ||
            (classes != nullptr && (!classes->IsObject() || !class_slot->IsString()))) {
          f.Problem(groups, "\"classes\" (an object from lexicon to class) and \"class_slot\" "
                            "(a slot) go together");
        } else if (classes != nullptr) {
          t.class_slot = class_slot->GetString();
          for (auto m = classes->MemberBegin(); m != classes->MemberEnd(); ++m) {
            if (m->value.IsString()) {
              t.group_classes.emplace_back(m->name.GetString(), m->value.GetString());
            }
          }
        }
      }
    }
    const rapidjson::Value* slots = f.Find("slots");
    if (slots == nullptr || !slots->IsObject()) {
      f.Problem(slots, "\"slots\" must be an object from slot name to slot type");
      continue;
    }
    for (auto m = slots->MemberBegin(); m != slots->MemberEnd(); ++m) {
      SlotType type;
      if (!m->value.IsString() || !ParseSlotType(m->value.GetString(), &type)) {
        f.Problem(&m->value, "unknown slot type (expected entity, person, agent, text, "
                             "term, place, target, count, date, item_class, model, role or list)");
        continue;
      }
      t.slots.emplace_back(m->name.GetString(), type);
    }
    if (!have_name || !f.ok()) continue;
    for (const auto* list : {&t.identity, &t.required, &t.defaults, &t.expand, &t.drop_alleged, &t.describe,
                             &t.denies, &t.country_default}) {
      for (const std::string& s : *list) {
        if (t.Find(s) == nullptr) f.Problem(f.Find("slots"), absl::StrCat("\"", s, "\" is not a slot"));
      }
    }
    if (t.known_holder) {
      for (const std::string* slot :
           {&t.known_holder->person, &t.known_holder->role, &t.known_holder->organisation}) {
        if (t.Find(*slot) == nullptr) {
          f.Problem(f.Find("known_holder"), absl::StrCat("\"", *slot, "\" is not a slot"));
        }
      }
    }
    for (const std::string* slot : {&t.item_origin, &t.group_slot, &t.class_slot}) {
      if (!slot->empty() && t.Find(*slot) == nullptr) {
        f.Problem(f.Find(slot == &t.item_origin ? "item_origin" : "groups"),
                  absl::StrCat("\"", *slot, "\" is not a slot"));
      }
    }
    for (const TemplateDef::Inherit& in : t.inherit) {
      if (t.Find(in.slot) == nullptr) {
        f.Problem(f.Find("inherit"), absl::StrCat("\"", in.slot, "\" is not a slot"));
      }
      if (in.completes &&
          std::find(t.required.begin(), t.required.end(), in.slot) == t.required.end()) {
        f.Problem(f.Find("inherit"),
                  absl::StrCat("\"completes\": \"", in.slot, "\" is not a required slot"));
      }
      for (const std::string& slot : in.agree) {
        if (t.Find(slot) == nullptr) {
          f.Problem(f.Find("inherit"), absl::StrCat("\"agree\": \"", slot, "\" is not a slot"));
        }
      }
      const SlotType* type = t.Find(in.slot);
      if (in.replace_later && type != nullptr && *type != SlotType::kDate) {
        f.Problem(f.Find("inherit"),
                  absl::StrCat("\"replace\": \"later\" needs a date slot, not \"", in.slot, "\""));
      }
    }
    for (const auto& [field, pairs] :
         {std::pair{"share", &t.share}, std::pair{"not_same_as", &t.not_same_as}}) {
      for (const auto& [slot, other] : *pairs) {
        if (t.Find(slot) == nullptr || t.Find(other) == nullptr) {
          f.Problem(f.Find(field), absl::StrCat("\"", slot, "\" and \"", other, "\" must be slots"));
        }
      }
    }
    if (impl_->templates.count(t.name) != 0) {
      f.Problem(f.Find("template"), absl::StrCat("template \"", t.name, "\" is defined twice"));
      continue;
    }
    if (f.ok()) impl_->templates[t.name] = std::move(t);
  }
}

void Compiler::CompileDates() {
  for (Language& lang : impl_->languages) {
    Vocabulary& v = vocab_[lang.name];
    if (v.future_rule != nullptr) {
      RuleFields f(*v.future_rule, problems_);
      lang.future = Compile(&lang, &f, f.Find("future"), v.future);
    }
  }
  for (const Rule* r : set_.OfKind("date_pattern")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"language", "pattern", "relative", "present"});
    bool present = false;
    f.Bool("present", &present, false);
    std::string pattern;
    if (!PatternField(&f, "pattern", &pattern) || !f.ok()) continue;
    DateRule proto;
    proto.id = r->id;
    const rapidjson::Value* relative = f.Find("relative");
    if (relative != nullptr) {
      if (!relative->IsObject() || !relative->HasMember("unit") ||
          !(*relative)["unit"].IsString() ||
          !ParseUnit((*relative)["unit"].GetString(), &proto.unit) ||
          !relative->HasMember("amount") || !(*relative)["amount"].IsInt()) {
        f.Problem(relative, "\"relative\" must be {\"unit\": day|week|month|year, "
                            "\"amount\": integer}");
        continue;
      }
      proto.relative = true;
      proto.amount = (*relative)["amount"].GetInt();
      if (relative->HasMember("from")) {
        const rapidjson::Value& v = (*relative)["from"];
        const std::string from = v.IsString() ? v.GetString() : "";
        if (from != "publication" && from != "previous") {
          f.Problem(relative, "\"relative\".\"from\" must be \"publication\" or \"previous\"");
          continue;
        }
        proto.from_previous = from == "previous";
      }
    }
    for (Language* lang : LanguagesOf(&f)) {
      DateRule rule;
      rule.id = proto.id;
      rule.relative = proto.relative;
      rule.unit = proto.unit;
      rule.amount = proto.amount;
      rule.from_previous = proto.from_previous;
      rule.present = present;
      rule.re = Compile(lang, &f, f.Find("pattern"), pattern);
      if (rule.re == nullptr) break;
      rule.group_matcher = GroupMatcher::For(*rule.re);
      rule.day = GroupIndex(*rule.re, "day");
      rule.month = GroupIndex(*rule.re, "month");
      rule.year = GroupIndex(*rule.re, "year");
      rule.weekday = GroupIndex(*rule.re, "weekday");
      rule.n = GroupIndex(*rule.re, "n");
      rule.early = GroupIndex(*rule.re, "early");
      rule.mid = GroupIndex(*rule.re, "mid");
      if (!rule.relative && rule.day < 0 && rule.month < 0 && rule.year < 0 &&
          rule.weekday < 0) {
        f.Problem(f.Find("pattern"), "a date pattern needs a group day, month, year or "
                                     "weekday, or \"relative\"");
        break;
      }
      lang->dates.push_back(std::move(rule));
    }
  }
  for (Language& lang : impl_->languages) {
    std::vector<std::string> parts;
    for (const DateRule& d : lang.dates) parts.push_back(StripNamedGroups(d.re->pattern()));
    lang.macros["date"] = parts.empty() ? "[^\\s\\S]" : "(?:" + absl::StrJoin(parts, ")|(?:") + ")";
  }
}

void Compiler::CompileClaimPatterns() {
  for (const Rule* r : set_.OfKind("claim_pattern")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"template", "language", "trigger", "pattern", "context", "set", "date_slot",
                   "defaults", "modality", "nested"});
    std::vector<std::string> defaults;
    bool has_defaults = f.StringArray("defaults", &defaults, false);
    std::string template_name, trigger, pattern, date_slot = "date";
    bool have_template = f.String("template", &template_name);
    bool have_trigger = f.String("trigger", &trigger);
    bool have_pattern = PatternField(&f, "pattern", &pattern);
    f.String("date_slot", &date_slot, false);
    bool nested = false;
    f.Bool("nested", &nested, false);
    std::string modality_name;
    Modality modality = Modality::kAsserted;
    if (f.String("modality", &modality_name, false) &&
        (!ParseModality(modality_name, &modality) ||
         (modality != Modality::kReported && modality != Modality::kAlleged))) {
      f.Problem(f.Find("modality"), "a claim pattern's \"modality\" must be reported or alleged");
      continue;
    }
    if (!have_template || !have_trigger || !have_pattern || !f.ok()) continue;
    const TemplateDef* tmpl = impl_->Template(template_name);
    if (tmpl == nullptr) {
      f.Problem(f.Find("template"), absl::StrCat("unknown template \"", template_name,
                                                 "\" (define it with a claim_template rule)"));
      continue;
    }
    std::vector<std::pair<std::string, std::string>> constants;
    if (const rapidjson::Value* set = f.Find("set")) {
      if (!set->IsObject()) {
        f.Problem(set, "\"set\" must be an object from slot to value");
        continue;
      }
      for (auto m = set->MemberBegin(); m != set->MemberEnd(); ++m) {
        if (!m->value.IsString() || tmpl->Find(m->name.GetString()) == nullptr) {
          f.Problem(&m->name, "\"set\" entries name a slot of the template and give a string");
          continue;
        }
        constants.emplace_back(m->name.GetString(), m->value.GetString());
      }
    }
    const rapidjson::Value* context = f.Find("context");
    if (context != nullptr && !context->IsArray()) {
      f.Problem(context, "\"context\" must be an array of {\"pattern\", \"where\"}");
      continue;
    }
    for (Language* lang : LanguagesOf(&f)) {
      ClaimPattern p;
      p.id = r->id;
      p.priority = r->priority;
      p.tmpl = tmpl;
      p.constants = constants;
      p.date_slot = date_slot;
      p.modality = modality;
      p.nested = nested;
      p.has_defaults = has_defaults;
      p.defaults = defaults;
      std::string tail_name, head = pattern;
      SplitTailGroup(&head, &tail_name, &p.tail.stops);
      p.re = Compile(lang, &f, f.Find("pattern"), head, /*shadow=*/true);
      if (p.re == nullptr) break;
      p.group_matcher = GroupMatcher::For(*p.re);
      p.groups = NamedGroups(*p.re);
      if (!tail_name.empty()) {
        p.tail.index = p.re->NumberOfCapturingGroups() + 1;
        p.groups.emplace_back(tail_name, p.tail.index);
        std::sort(p.groups.begin(), p.groups.end());
      }
      auto check_groups = [&](const GroupNames& groups, const rapidjson::Value* at) {
        for (const auto& [name, index] : groups) {
          if (name != "items" && name != "groups" && tmpl->Find(name) == nullptr) {
            f.Problem(at, absl::StrCat("group \"", name, "\" is not a slot of template \"",
                                       tmpl->name, "\" (nor \"items\" or \"groups\")"));
          }
        }
      };
      check_groups(p.groups, f.Find("pattern"));
      bool ok = true;
      for (rapidjson::SizeType ci = 0; context != nullptr && ci < context->Size(); ++ci) {
        const rapidjson::Value& c = (*context)[ci];
        ContextPattern cp;
        std::string where = "sentence";
        if (!c.IsObject() || !c.HasMember("pattern") || !c["pattern"].IsString() ||
            (c.HasMember("where") && (!c["where"].IsString() ||
                                      !ParseWhere(c["where"].GetString(), &cp.where)))) {
          f.Problem(&c, "a context entry is {\"pattern\": ..., \"where\": "
                        "match|before|after|sentence, \"nearest\": bool}");
          ok = false;
          break;
        }
        cp.nearest = c.HasMember("nearest") && c["nearest"].IsBool() && c["nearest"].GetBool();
        cp.re = Compile(lang, &f, &c["pattern"], c["pattern"].GetString(), /*shadow=*/true);
        if (cp.re == nullptr) {
          ok = false;
          break;
        }
        cp.group_matcher = GroupMatcher::For(*cp.re);
        cp.groups = NamedGroups(*cp.re);
        check_groups(cp.groups, &c["pattern"]);
        p.context.push_back(std::move(cp));
      }
      if (!ok) break;
      std::string expanded, error;
      if (!text_internal::CheckNoCountedRepetition(trigger, &error) ||
          !Expand(lang, trigger, &expanded, &error)) {
        f.Problem(f.Find("trigger"), error);
        break;
      }
      RE2 trigger_re(expanded, text_internal::RulePatternOptions());
      if (!trigger_re.ok()) {
        f.Problem(f.Find("trigger"), absl::StrCat("invalid trigger: ", trigger_re.error()));
        break;
      }
      lang->patterns.push_back(std::move(p));
      lang->triggers.push_back(std::move(expanded));
    }
  }
}

void Compiler::CompileCues() {
  for (const Rule* r : set_.OfKind("modality_cue")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"language", "modality", "pattern", "scope", "except"});
    std::string modality, pattern, scope = "sentence";
    std::vector<std::string> except;
    f.String("scope", &scope, false);
    f.StringArray("except", &except, false);
    bool have_modality = f.String("modality", &modality);
    bool have_pattern = PatternField(&f, "pattern", &pattern);
    if (!have_modality || !have_pattern || !f.ok()) continue;
    ModalityCue cue;
    if (!ParseModality(modality, &cue.modality) || cue.modality == Modality::kAsserted ||
        cue.modality == Modality::kQuoted) {
      f.Problem(f.Find("modality"), "\"modality\" must be reported, alleged or denied");
      continue;
    }
    if (scope != "sentence" && scope != "statement" && scope != "rebuttal") {
      f.Problem(f.Find("scope"), "\"scope\" must be sentence, statement or rebuttal");
      continue;
    }
    if (scope == "rebuttal" && cue.modality != Modality::kDenied) {
      f.Problem(f.Find("modality"), "a rebuttal's modality is denied");
      continue;
    }
    for (Language* lang : LanguagesOf(&f)) {
      ModalityCue c;
      c.id = r->id;
      c.modality = cue.modality;
      c.statement = scope == "statement";
      c.rebuttal = scope == "rebuttal";
      c.except = except;
      c.re = Compile(lang, &f, f.Find("pattern"), pattern);
      if (c.re == nullptr) break;
      lang->cues.push_back(std::move(c));
    }
  }
  CompilePatternList(this, "quote_speaker", &Language::speakers, "speaker");
  CompilePatternList(this, "dateline", &Language::datelines, nullptr);
}

void Compiler::BuildScanners() {
  for (Language& lang : impl_->languages) {
    auto scanner = [&](const char* macro) -> std::unique_ptr<RE2> {
      std::string expansion;
      if (!Macro(&lang, macro, &expansion) || expansion == "[^\\s\\S]") return nullptr;
      auto re = std::make_unique<RE2>(expansion, text_internal::RulePatternOptions());
      if (!re->ok()) {
        problems_->push_back({"", 0, 0, "",
                              absl::StrCat("language \"", lang.name, "\": {", macro,
                                           "} does not compile: ", re->error())});
        return nullptr;
      }
      return re;
    };
    lang.count_re = scanner("count");
    lang.noun_re = scanner("equipment");
    lang.model_re = scanner("model");
    lang.entity_re = scanner("entity");
    lang.demonym_re = scanner("demonym");
    lang.role_re = scanner("role_title");
    lang.year_re = scanner("year");
    std::string unused;
    if (Macro(&lang, "person", &unused)) lang.person_re = scanner("person");
    if (Macro(&lang, "clause_break", &unused)) lang.clause_break_re = scanner("clause_break");
    if (Macro(&lang, "item_breakdown", &unused)) lang.breakdown_re = scanner("item_breakdown");
    std::vector<std::string> names;
    for (const auto& [name, words] : lang.lexicons) names.push_back(name);
    std::sort(names.begin(), names.end());  // problems in a stable order
    for (const std::string& name : names) {
      if (std::unique_ptr<RE2> re = scanner(name.c_str())) lang.lexicon_re[name] = std::move(re);
    }
    std::sort(lang.hedges.begin(), lang.hedges.end(), [](const HedgeWord& a, const HedgeWord& b) {
      return a.folded.size() != b.folded.size() ? a.folded.size() > b.folded.size()
                                                : a.folded < b.folded;
    });
    std::sort(lang.quantifiers.begin(), lang.quantifiers.end(), [](const auto& a, const auto& b) {
      return a.first.size() != b.first.size() ? a.first.size() > b.first.size()
                                              : a.first < b.first;
    });
  }
}

void Compiler::BuildPrefilters() {
  for (Language& lang : impl_->languages) {
    auto set = std::make_unique<RE2::Set>(text_internal::RulePatternOptions(), RE2::UNANCHORED);
    std::vector<PrefilterTarget> targets;
    for (size_t p = 0; p < lang.triggers.size(); ++p) {
      if (set->Add(lang.triggers[p], nullptr) < 0) continue;
      targets.push_back({PrefilterTarget::Kind::kClaim, static_cast<uint32_t>(p)});
    }
    for (size_t d = 0; d < lang.dates.size(); ++d) {
      if (set->Add(lang.dates[d].re->pattern(), nullptr) < 0) continue;
      targets.push_back({PrefilterTarget::Kind::kDate, static_cast<uint32_t>(d)});
    }
    for (size_t c = 0; c < lang.cues.size(); ++c) {
      if (set->Add(lang.cues[c].re->pattern(), nullptr) < 0) continue;
      targets.push_back({PrefilterTarget::Kind::kCue, static_cast<uint32_t>(c)});
    }
    if (!targets.empty() && set->Compile()) lang.prefilter = std::move(set);
    lang.targets = std::move(targets);
    if (lang.targets.empty()) continue;
    if (lang.prefilter == nullptr) {
      problems_->push_back({"", 0, 0, "",
                            absl::StrCat("language \"", lang.name,
                                         "\": the prefilter set exceeds its memory budget")});
      continue;
    }
    auto filter = std::make_unique<RE2::Set>(text_internal::RulePatternOptions(), RE2::UNANCHORED);
    bool usable = !lang.triggers.empty();
    for (const std::string& trigger : lang.triggers) {
      usable = usable && !Anchors(trigger) && filter->Add(trigger, nullptr) >= 0;
    }
    if (!usable) continue;
    // The dateline cues in the same pass; a filter they cannot join is
    // kept without them.
    auto with_datelines = std::make_unique<RE2::Set>(text_internal::RulePatternOptions(),
                                                     RE2::UNANCHORED);
    bool datelines = !lang.datelines.empty();
    for (const std::string& trigger : lang.triggers) {
      datelines = datelines && with_datelines->Add(trigger, nullptr) >= 0;
    }
    for (const DatelineCue& cue : lang.datelines) {
      datelines = datelines && with_datelines->Add(cue.re->pattern(), nullptr) >= 0;
    }
    if (datelines && with_datelines->Compile()) {
      lang.document_filter = std::move(with_datelines);
      lang.filter_datelines = true;
    } else if (filter->Compile()) {
      lang.document_filter = std::move(filter);
    }
  }
}

}  // namespace extract_internal

namespace internal {

std::unique_ptr<ExtractRules> CompileExtractRules(const RuleSet& set,
                                                  std::vector<RuleProblem>* problems) {
  auto impl = std::make_unique<ExtractRules::Impl>();
  extract_internal::Compiler c(set, impl.get(), problems);
  c.CollectLanguages();
  c.CompileGazetteer();
  c.CompileKnownRoles();
  c.CompileEquipment();
  c.CompileVocabularies();
  c.CompileTemplates();  // after the lexicons its "when" names
  c.CompileRoleTitles();
  c.BuildMacros();
  c.CompileDates();
  c.BuildShadowMacros();
  c.CompileClaimPatterns();
  c.CompileCues();
  c.BuildScanners();
  c.BuildPrefilters();
  // Patterns run in priority order, ties by id (OfKind's order already).
  return std::make_unique<ExtractRules>(std::move(impl));
}

}  // namespace internal
}  // namespace crosscheck
