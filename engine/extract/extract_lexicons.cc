// Compiling the vocabularies of the "extract" kinds: gazetteer, equipment,
// number words, hedges and quantifiers, calendars, lexicons, role titles,
// and the {macros} patterns are written with.
#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "extract/extract_compile.h"
#include "extract/lexicon.h"
#include "extract/shadow.h"
#include "internal/actor_rule.h"
#include "text/rule_pattern.h"

namespace crosscheck::extract_internal {
namespace {

using internal::ActorRule;
using internal::Rule;
using internal::RuleFields;

// A word: anything but white space, digits and punctuation (a cheap class:
// \p{L} compiles to thousands of ranges in every pattern that names it).
// Marker bytes of shadows (extract/shadow.h) count as word characters.
constexpr char kWordClass[] = "[^\\s\\d.,;:!?()\\[\\]«»\"]+";
// A capital letter of the Latin alphabets.
constexpr char kUpperClass[] = "(?-i:[A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}\\x{152}])";
// A letter of the Latin alphabets, either case.
constexpr char kLetterClass[] =
    "[A-Za-z\\x{AA}\\x{B5}\\x{BA}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}]";
// A word that begins with a small letter.
constexpr char kLowerWord[] =
    "(?-i:[a-z\\x{DF}-\\x{F6}\\x{F8}-\\x{FF}\\x{153}])[^\\s\\d.,;:!?()\\[\\]«»\"]*";

constexpr const char* kExtractKinds[] = {
    "number_words", "count_words",   "calendar",       "date_pattern",
    "lexicon",      "pattern_macro", "gazetteer",      "equipment",
    "role_title",   "claim_template", "claim_pattern", "modality_cue",
    "quote_speaker"};

bool ValidName(absl::string_view name) {
  if (name.empty() || !absl::ascii_islower(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_islower(static_cast<unsigned char>(c)) ||
           absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

// An object of language -> array of strings ("nouns": {"fr": [...]}).
bool LanguageLists(RuleFields* f, const char* field,
                   std::vector<std::pair<std::string, std::vector<std::string>>>* out) {
  const rapidjson::Value* v = f->Find(field);
  if (v == nullptr || !v->IsObject()) {
    f->Problem(v, absl::StrCat("\"", field,
                               "\" must be an object from language to an array of strings"));
    return false;
  }
  for (auto m = v->MemberBegin(); m != v->MemberEnd(); ++m) {
    std::vector<std::string> words;
    if (!m->value.IsArray()) {
      f->Problem(&m->value, "expected an array of strings");
      return false;
    }
    for (const rapidjson::Value& w : m->value.GetArray()) {
      if (!w.IsString() || w.GetStringLength() == 0) {
        f->Problem(&w, "expected a non-empty string");
        return false;
      }
      words.emplace_back(w.GetString(), w.GetStringLength());
    }
    out->emplace_back(m->name.GetString(), std::move(words));
  }
  return true;
}

// An object of word -> number.
bool WordNumbers(RuleFields* f, const char* field, bool required,
                 std::vector<std::pair<std::string, double>>* out) {
  const rapidjson::Value* v = f->Find(field);
  if (v == nullptr) {
    if (required) f->Problem(nullptr, absl::StrCat("missing field \"", field, "\""));
    return !required;
  }
  if (!v->IsObject()) {
    f->Problem(v, absl::StrCat("\"", field, "\" must be an object from word to number"));
    return false;
  }
  for (auto m = v->MemberBegin(); m != v->MemberEnd(); ++m) {
    if (!m->value.IsNumber() || m->value.GetDouble() < 0) {
      f->Problem(&m->value, "expected a number, zero or more");
      return false;
    }
    out->emplace_back(m->name.GetString(), m->value.GetDouble());
  }
  return true;
}

bool NameLists(RuleFields* f, const char* field, size_t expected,
               std::vector<std::vector<std::string>>* out) {
  const rapidjson::Value* v = f->Find(field);
  if (v == nullptr || !v->IsArray() || v->Size() != expected) {
    f->Problem(v, absl::StrCat("\"", field, "\" must be an array of ", expected,
                               " arrays of names"));
    return false;
  }
  for (const rapidjson::Value& names : v->GetArray()) {
    std::vector<std::string> list;
    if (!names.IsArray() || names.Empty()) {
      f->Problem(&names, "expected a non-empty array of names");
      return false;
    }
    for (const rapidjson::Value& n : names.GetArray()) {
      if (!n.IsString() || n.GetStringLength() == 0) {
        f->Problem(&n, "expected a non-empty string");
        return false;
      }
      list.emplace_back(n.GetString(), n.GetStringLength());
    }
    out->push_back(std::move(list));
  }
  return true;
}

bool ParseHedge(absl::string_view name, Hedge* hedge) {
  if (name == "at_least") {
    *hedge = Hedge::kAtLeast;
  } else if (name == "at_most") {
    *hedge = Hedge::kAtMost;
  } else if (name == "about") {
    *hedge = Hedge::kAbout;
  } else {
    return false;
  }
  return true;
}

// ">=2", "<=5", "~10" or "3" as a Count.
bool ParseCountForm(absl::string_view form, Count* c) {
  c->hedge = Hedge::kExact;
  if (absl::ConsumePrefix(&form, ">=")) {
    c->hedge = Hedge::kAtLeast;
  } else if (absl::ConsumePrefix(&form, "<=")) {
    c->hedge = Hedge::kAtMost;
  } else if (absl::ConsumePrefix(&form, "~")) {
    c->hedge = Hedge::kAbout;
  }
  double v;
  if (!absl::SimpleAtod(form, &v) || v < 0) return false;
  c->value = v;
  c->lo = c->hedge == Hedge::kAtMost ? 0 : v;
  c->hi = c->hedge == Hedge::kAtLeast ? std::numeric_limits<double>::infinity() : v;
  c->from_quantifier = true;
  return true;
}

}  // namespace

Language* Compiler::Find(absl::string_view name) {
  for (Language& l : impl_->languages) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

std::vector<Language*> Compiler::LanguagesOf(RuleFields* f) {
  std::string language;
  std::vector<Language*> out;
  if (f->String("language", &language, false)) {
    if (Language* l = Find(language)) out.push_back(l);
    return out;
  }
  for (Language& l : impl_->languages) out.push_back(&l);
  return out;
}

void Compiler::CollectLanguages() {
  std::set<std::string> names;
  for (const char* kind : kExtractKinds) {
    for (const Rule* r : set_.OfKind(kind)) {
      auto language = r->body->FindMember("language");
      if (language != r->body->MemberEnd() && language->value.IsString() &&
          language->value.GetStringLength() > 0) {
        names.insert(language->value.GetString());
      }
      for (const char* field : {"nouns", "titles"}) {
        auto lists = r->body->FindMember(field);
        if (lists == r->body->MemberEnd() || !lists->value.IsObject()) continue;
        for (auto m = lists->value.MemberBegin(); m != lists->value.MemberEnd(); ++m) {
          names.insert(m->name.GetString());
        }
      }
    }
  }
  impl_->languages.clear();
  impl_->languages.resize(names.size());
  size_t i = 0;
  for (const std::string& n : names) {
    impl_->languages[i++].name = n;
    vocab_[n];
  }
}

// The roles of "actor" rules of type person. Their fields are the
// resolution stage's to check; what does not read as expected is skipped.
void Compiler::CompileKnownRoles() {
  // The resolution stage reports the actor rules' problems; this reads the
  // same rules with the same reader and keeps quiet about them.
  std::vector<RuleProblem> reported_elsewhere;
  for (const Rule* r : set_.OfKind("actor")) {
    RuleFields f(*r, &reported_elsewhere);
    ActorRule actor;
    if (!ReadActorRule(&f, &actor)) continue;
    std::vector<std::pair<std::string, std::string>> roles;
    for (const ActorRule::Role& role : actor.roles) {
      if (!role.role.empty() && !role.organisation.empty()) {
        roles.emplace_back(role.role, role.organisation);
      }
    }
    std::vector<std::string> names = {actor.name};
    for (const ActorRule::Alias& a : actor.aliases) {
      if (!a.name.empty()) names.push_back(a.name);
    }
    for (const std::string& name : names) {
      auto& known = impl_->known_roles[Fold(name)];
      known.insert(known.end(), roles.begin(), roles.end());
    }
  }
}

void Compiler::CompileGazetteer() {
  for (const Rule* r : set_.OfKind("gazetteer")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"type", "entries"});
    std::string rule_type;
    f.String("type", &rule_type, false);
    const rapidjson::Value* entries = f.Find("entries");
    if (entries == nullptr || !entries->IsArray()) {
      f.Problem(entries, "\"entries\" must be an array of {\"name\", ...} objects");
      continue;
    }
    for (const rapidjson::Value& e : entries->GetArray()) {
      if (!e.IsObject() || !e.HasMember("name") || !e["name"].IsString()) {
        f.Problem(&e, "an entry must be an object with \"name\", a string");
        continue;
      }
      GazetteerEntry entry;
      entry.name = e["name"].GetString();
      entry.type = rule_type;
      std::vector<std::string> aliases, demonyms;
      bool ok = true;
      for (auto m = e.MemberBegin(); m != e.MemberEnd(); ++m) {
        absl::string_view key(m->name.GetString(), m->name.GetStringLength());
        if (key == "name") continue;
        if (key == "type" || key == "stands_for" || key == "read_as") {
          if (!m->value.IsString()) {
            f.Problem(&m->value, absl::StrCat("\"", key, "\" must be a string"));
            ok = false;
            continue;
          }
          (key == "type" ? entry.type : key == "read_as" ? entry.read_as : entry.stands_for) =
              m->value.GetString();
        } else if (key == "names") {
          if (!m->value.IsObject()) {
            f.Problem(&m->value, "\"names\" must be an object from language to name");
            ok = false;
            continue;
          }
          for (auto n = m->value.MemberBegin(); n != m->value.MemberEnd(); ++n) {
            if (!n->value.IsString()) {
              f.Problem(&n->value, "a name must be a string");
              ok = false;
              continue;
            }
            entry.names.emplace_back(n->name.GetString(), n->value.GetString());
            aliases.emplace_back(n->value.GetString());
          }
        } else if (key == "aliases" || key == "demonyms") {
          std::vector<std::string>& list = key == "aliases" ? aliases : demonyms;
          if (!m->value.IsArray()) {
            f.Problem(&m->value, absl::StrCat("\"", key, "\" must be an array of strings"));
            ok = false;
            continue;
          }
          for (const rapidjson::Value& s : m->value.GetArray()) {
            if (s.IsString() && s.GetStringLength() > 0) {
              list.emplace_back(s.GetString(), s.GetStringLength());
            } else {
              f.Problem(&s, "expected a non-empty string");
              ok = false;
            }
          }
        } else {
          f.Problem(&m->name, absl::StrCat("unknown entry field \"", key,
                                           "\" (expected name, type, aliases, "
                                           "demonyms, stands_for, read_as, names)"));
          ok = false;
        }
      }
      if (entry.type.empty()) {
        f.Problem(&e, "an entry needs a \"type\" (or the rule one)");
        ok = false;
      }
      if (!ok) continue;
      int index = static_cast<int>(impl_->entities.size());
      auto known = std::find(impl_->entity_types.begin(), impl_->entity_types.end(), entry.type);
      if (known == impl_->entity_types.end()) {
        if (impl_->entity_types.size() >= kMaxEntityTypes) {
          f.Problem(&e, absl::StrCat("too many entity types (at most ", kMaxEntityTypes, ")"));
          continue;
        }
        known = impl_->entity_types.insert(impl_->entity_types.end(), entry.type);
      }
      entry.type_index = static_cast<int>(known - impl_->entity_types.begin());
      aliases.insert(aliases.begin(), entry.name);
      for (const std::string& a : aliases) {
        auto [it, inserted] = impl_->entity_names.emplace(Fold(a), index);
        if (!inserted && it->second != index) {
          f.Problem(&e, absl::StrCat("\"", a, "\" already names \"",
                                     impl_->entities[it->second].name, "\""));
          continue;
        }
        names_by_type_[entry.type].push_back(a);
        all_names_.push_back(a);
      }
      for (const std::string& d : demonyms) {
        auto [it, inserted] = impl_->demonyms.emplace(Fold(d), index);
        if (!inserted && it->second != index) {
          f.Problem(&e, absl::StrCat("demonym \"", d, "\" already belongs to \"",
                                     impl_->entities[it->second].name, "\""));
          continue;
        }
        demonym_words_.push_back(d);
      }
      impl_->entities.push_back(std::move(entry));
    }
  }
}

void Compiler::CompileEquipment() {
  for (const Rule* r : set_.OfKind("equipment")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"class", "nouns", "models", "covers", "mass"});
    EquipmentClass cls;
    std::vector<std::pair<std::string, std::vector<std::string>>> nouns;
    std::vector<std::string> models;
    bool have_class = f.String("class", &cls.name);
    f.Bool("mass", &cls.mass, false);
    f.StringArray("models", &models, false);
    if (!have_class || !LanguageLists(&f, "nouns", &nouns) || !f.ok()) continue;
    int index = static_cast<int>(impl_->classes.size());
    for (const std::string& m : models) {
      std::unique_ptr<RE2> re = text_internal::CompileRulePattern(&f, f.Find("models"), m);
      if (re == nullptr) continue;
      cls.models.push_back(std::move(re));
      model_patterns_.push_back(m);
    }
    for (auto& [language, words] : nouns) {
      Language* lang = Find(language);
      for (const std::string& w : words) {
        auto [it, inserted] = lang->nouns.emplace(Fold(w), index);
        if (!inserted && it->second != index) {
          f.Problem(f.Find("nouns"), absl::StrCat("noun \"", w, "\" already belongs to class \"",
                                                  impl_->classes[it->second].name, "\""));
          continue;
        }
        vocab_[language].nouns.push_back(w);
      }
    }
    impl_->classes.push_back(std::move(cls));
  }
  // What a class covers, once every class is known (a class may cover one
  // defined after it).
  auto index_of = [&](const std::string& name) {
    for (size_t k = 0; k < impl_->classes.size(); ++k) {
      if (impl_->classes[k].name == name) return static_cast<int>(k);
    }
    return -1;
  };
  for (const Rule* r : set_.OfKind("equipment")) {
    RuleFields f(*r, problems_);
    std::string name;
    std::vector<std::string> covers;
    if (!f.String("class", &name, false) || !f.StringArray("covers", &covers, false)) continue;
    const int cls = index_of(name);
    for (const std::string& c : covers) {
      const int covered = index_of(c);
      if (covered < 0) {
        f.Problem(f.Find("covers"), absl::StrCat("\"", c, "\" is no equipment class"));
      } else if (cls >= 0) {
        impl_->classes[cls].covers.push_back(covered);
      }
    }
  }
}

void Compiler::CompileVocabularies() {
  for (const Rule* r : set_.OfKind("number_words")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"language", "values", "joiners", "approximate",
                   "approximate_plural", "approximate_tolerance", "decimal_mark"});
    std::string language, decimal = ",";
    f.String("decimal_mark", &decimal, false);
    if (decimal != "," && decimal != ".") {
      f.Problem(f.Find("decimal_mark"), "\"decimal_mark\" is \",\" or \".\"");
      continue;
    }
    std::vector<std::pair<std::string, double>> values, approx, approx_plural;
    std::vector<std::string> joiners;
    double tolerance = 0.2;
    bool have_language = f.String("language", &language);
    bool ok = WordNumbers(&f, "values", true, &values) &&
              WordNumbers(&f, "approximate", false, &approx) &&
              WordNumbers(&f, "approximate_plural", false, &approx_plural);
    f.StringArray("joiners", &joiners, false);
    f.Double("approximate_tolerance", &tolerance, false);
    if (!have_language || !ok || !f.ok()) continue;
    Language* lang = Find(language);
    lang->decimal_mark = decimal[0];
    Vocabulary& v = vocab_[language];
    for (const auto& [word, n] : values) {
      std::string folded = Fold(word);
      lang->number_values[folded] = n;
      lang->max_number_tokens = std::max<size_t>(
          lang->max_number_tokens, std::count(folded.begin(), folded.end(), ' ') + 1);
      (n >= 1000 ? v.scale_words : v.number_words).push_back(word);
    }
    for (const std::string& j : joiners) {
      lang->joiners.insert(Fold(j));
      v.joiners.push_back(j);
    }
    for (const auto& [word, n] : approx) {
      lang->approximate[Fold(word)] = n;
      v.approximate.push_back(word);
    }
    for (const auto& [word, n] : approx_plural) {
      lang->approximate_plural[Fold(word)] = n;
      v.approximate.push_back(word);
    }
    lang->approximate_tolerance = tolerance;
  }
  for (const Rule* r : set_.OfKind("count_words")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"language", "words", "hedge", "count", "tolerance"});
    std::string language, hedge_name, count_form;
    std::vector<std::string> words;
    double tolerance = 0.1;
    bool have_language = f.String("language", &language);
    bool have_words = f.StringArray("words", &words);
    bool have_hedge = f.String("hedge", &hedge_name, false);
    bool have_count = f.String("count", &count_form, false);
    f.Double("tolerance", &tolerance, false);
    if (!have_language || !have_words || !f.ok()) continue;
    if (have_hedge == have_count) {
      f.Problem(nullptr, "a count_words rule needs either \"hedge\" or \"count\"");
      continue;
    }
    Language* lang = Find(language);
    Vocabulary& v = vocab_[language];
    if (have_hedge) {
      Hedge hedge;
      if (!ParseHedge(hedge_name, &hedge)) {
        f.Problem(f.Find("hedge"), absl::StrCat("unknown hedge \"", hedge_name,
                                                "\" (expected at_least, at_most or about)"));
        continue;
      }
      for (const std::string& w : words) {
        lang->hedges.push_back({Fold(w), hedge, tolerance});
        v.hedges.push_back(w);
      }
    } else {
      Count c;
      if (!ParseCountForm(count_form, &c)) {
        f.Problem(f.Find("count"), absl::StrCat("\"", count_form,
                                                "\" is not a count (\"3\", \">=2\", \"<=5\", \"~10\")"));
        continue;
      }
      for (const std::string& w : words) {
        lang->quantifiers.emplace_back(Fold(w), c);
        v.quantifiers.push_back(w);
      }
    }
  }
  for (const Rule* r : set_.OfKind("calendar")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"language", "months", "weekdays", "future"});
    std::string language, future;
    std::vector<std::vector<std::string>> months, weekdays;
    bool have_language = f.String("language", &language);
    bool ok = NameLists(&f, "months", 12, &months) && NameLists(&f, "weekdays", 7, &weekdays);
    bool have_future = f.String("future", &future, false);
    if (!have_language || !ok || !f.ok()) continue;
    Language* lang = Find(language);
    Vocabulary& v = vocab_[language];
    for (size_t m = 0; m < months.size(); ++m) {
      for (const std::string& name : months[m]) {
        lang->months[Fold(name)] = static_cast<int>(m) + 1;
        v.months.push_back(name);
      }
    }
    for (size_t d = 0; d < weekdays.size(); ++d) {
      for (const std::string& name : weekdays[d]) {
        lang->weekdays[Fold(name)] = static_cast<int>(d);
        v.weekdays.push_back(name);
      }
    }
    if (have_future) {
      v.future = future;
      v.future_rule = r;
    }
  }
  for (const Rule* r : set_.OfKind("lexicon")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"name", "language", "words", "value"});
    std::string name, value;
    std::vector<std::string> words;
    bool have_name = f.String("name", &name);
    bool have_words = f.StringArray("words", &words);
    f.String("value", &value, false);
    if (!have_name || !have_words || !f.ok()) continue;
    if (!ValidName(name)) {
      f.Problem(f.Find("name"), "a lexicon name is lower case letters, digits and _");
      continue;
    }
    for (Language* lang : LanguagesOf(&f)) {
      for (const std::string& w : words) {
        lang->lexicons[name].insert(Fold(w));
        vocab_[lang->name].lexicons[name].push_back(w);
        if (!value.empty()) lang->terms[Fold(w)] = value;
      }
    }
  }
}

void Compiler::CompileRoleTitles() {
  for (const Rule* r : set_.OfKind("role_title")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"role", "titles", "organisation"});
    std::string role, organisation;
    std::vector<std::pair<std::string, std::vector<std::string>>> titles;
    bool have_role = f.String("role", &role);
    // The body the titles name: one name, or one per language ("armée de
    // l'air" in French reports, "air force" in English ones), the first
    // listed giving the key claims of every language share.
    absl::flat_hash_map<std::string, std::string> per_language;
    const rapidjson::Value* org = f.Find("organisation");
    if (org != nullptr && org->IsObject()) {
      for (auto m = org->MemberBegin(); m != org->MemberEnd(); ++m) {
        if (!m->value.IsString() || m->value.GetStringLength() == 0) {
          f.Problem(&m->value, "expected a non-empty string");
          continue;
        }
        per_language[m->name.GetString()] = m->value.GetString();
        if (organisation.empty()) organisation = m->value.GetString();
      }
    } else {
      f.String("organisation", &organisation, false);
    }
    if (!have_role || !LanguageLists(&f, "titles", &titles) || !f.ok()) continue;
    const std::string key = Fold(organisation);
    for (auto& [language, list] : titles) {
      auto named = per_language.find(language);
      const std::string& body = named != per_language.end() ? named->second : organisation;
      for (const std::string& t : list) {
        vocab_[language].titles.push_back({role, body, key, t, r});
      }
    }
  }
}

void Compiler::AddRoleTitle(Language* lang, const RawTitle& title) {
  // Literal parts tolerate accents and spacing; the first macro captures the
  // organisation. The loose form, for the {role_title} macro, stands any
  // word (a demonym) or capitalized name (a country) for the macros, so that
  // the macro stays small; FindRole checks the exact form.
  std::string regex, loose;
  bool captured = false;
  absl::string_view t = title.title;
  while (!t.empty()) {
    size_t open = t.find('{');
    size_t close = open == absl::string_view::npos ? open : t.find('}', open);
    if (open == absl::string_view::npos || close == absl::string_view::npos) {
      regex += PhraseRegex(t);
      loose += PhraseRegex(t);
      break;
    }
    regex += PhraseRegex(t.substr(0, open));
    loose += PhraseRegex(t.substr(0, open));
    std::string expansion;
    absl::string_view name = t.substr(open + 1, close - open - 1);
    RuleFields f(*title.rule, problems_);
    if (!Macro(lang, name, &expansion)) {
      f.Problem(f.Find("titles"), absl::StrCat("title \"", title.title,
                                               "\": unknown macro {", name, "}"));
      return;
    }
    absl::StrAppend(&regex, captured ? "(?:" : "(?P<org>", expansion, ")");
    // Markers stand for names and demonyms on shadows (extract/shadow.h).
    absl::StrAppend(&loose, name == "demonym"
                                ? kWordClass
                                : "(?:" + std::string(kUpperClass) + "[^\\s\\d.,;:!?()\\[\\]«»\"]*(?:[\\s-]+(?:(?i:de|du|la|l')\\s*)?" +
                                      std::string(kUpperClass) + "[^\\s\\d.,;:!?()\\[\\]«»\"]*)*|[\\x10-\\x1d]\\x1f*)");
    captured = true;
    t.remove_prefix(close + 1);
  }
  RoleTitle rt;
  rt.rule_id = title.rule->id;
  rt.role = title.role;
  rt.organisation = title.organisation;
  rt.organisation_key = title.organisation_key;
  rt.loose = loose;
  rt.re = std::make_unique<RE2>("(?i)" + regex, text_internal::RulePatternOptions());
  if (!rt.re->ok()) {
    RuleFields f(*title.rule, problems_);
    f.Problem(f.Find("titles"), absl::StrCat("title \"", title.title, "\": ", rt.re->error()));
    return;
  }
  lang->roles.push_back(std::move(rt));
}

void Compiler::BuildMacros() {
  for (const Rule* r : set_.OfKind("pattern_macro")) {
    RuleFields f(*r, problems_);
    f.CheckFields({"name", "language", "pattern"});
    std::string name, pattern, error;
    bool have_name = f.String("name", &name);
    bool have_pattern = f.String("pattern", &pattern);
    if (!have_name || !have_pattern || !f.ok()) continue;
    if (!ValidName(name)) {
      f.Problem(f.Find("name"), "a macro name is lower case letters, digits and _");
      continue;
    }
    if (!text_internal::CheckNoCountedRepetition(pattern, &error)) {
      f.Problem(f.Find("pattern"), error);
      continue;
    }
    for (Language* lang : LanguagesOf(&f)) {
      vocab_[lang->name].macros[name] = {pattern, r, false};
    }
  }
  for (Language& lang : impl_->languages) {
    Vocabulary& v = vocab_[lang.name];
    auto& m = lang.macros;
    std::string words = AlternationRegex(v.number_words, true);
    std::string joiner = v.joiners.empty() ? "" : "\\s+" + AlternationRegex(v.joiners, true) + "\\s+|";
    std::string scale = v.scale_words.empty() ? "" : "(?:\\s+" + AlternationRegex(v.scale_words, true) + ")?";
    std::string digits = "\\d+(?:[ .]\\d\\d\\d)*(?:[.,]\\d+)?" + scale;
    m["number"] = v.number_words.empty()
                      ? digits
                      : absl::StrCat(digits, "|", words, "(?:(?:", joiner,
                                     "\\s*-\\s*|\\s+)", words, ")*", scale);
    m["hedge"] = AlternationRegex(v.hedges, true);
    m["quantifier"] = AlternationRegex(v.quantifiers, true);
    m["approximate"] = AlternationRegex(v.approximate, true);
    std::string core = v.quantifiers.empty() ? "(?:" + m["number"] + ")"
                                             : "(?:" + m["number"] + "|" + m["quantifier"] + ")";
    std::string approx = v.approximate.empty() ? "" : "(?:\\s+" + m["approximate"] + ")?";
    m["count"] = (v.hedges.empty() ? "" : "(?:" + m["hedge"] + "\\s+)?") + core + approx;
    m["month"] = AlternationRegex(v.months, true);
    m["weekday"] = AlternationRegex(v.weekdays, true);
    m["year"] = "(?:1[89]|20)\\d\\d";
    m["equipment"] = AlternationRegex(v.nouns, true);
    std::string models;
    std::vector<std::string> sorted_models = model_patterns_;
    std::stable_sort(sorted_models.begin(), sorted_models.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& p : sorted_models) {
      absl::StrAppend(&models, models.empty() ? "" : "|", "(?:", p, ")");
    }
    m["model"] = models.empty() ? "[^\\s\\S]" : models;
    for (const char* type : {"country", "organisation", "place", "capital", "region"}) {
      m[type] = AlternationRegex(names_by_type_[type], true);
    }
    m["entity"] = AlternationRegex(all_names_, true);
    m["demonym"] = AlternationRegex(demonym_words_, true);
    for (const auto& [name, list] : v.lexicons) m[name] = AlternationRegex(list, true);
    // Empty alternations match nothing.
    for (auto& [name, regex] : m) {
      if (regex == "(?i:)" || regex == "(?:)") regex = "[^\\s\\S]";
    }
    for (const RawTitle& t : v.titles) AddRoleTitle(&lang, t);
    if (!lang.roles.empty()) {
      auto set = std::make_unique<RE2::Set>(text_internal::RulePatternOptions(), RE2::ANCHOR_START);
      bool ok = true;
      for (const RoleTitle& rt : lang.roles) ok = ok && set->Add(rt.re->pattern(), nullptr) >= 0;
      if (ok && set->Compile()) lang.role_set = std::move(set);
    }
    std::vector<std::string> title_regexes;
    for (const RoleTitle& rt : lang.roles) title_regexes.push_back(rt.loose);
    std::sort(title_regexes.begin(), title_regexes.end(),
              [](const std::string& a, const std::string& b) {
                return a.size() != b.size() ? a.size() > b.size() : a < b;
              });
    // A word; on shadows a marked name or demonym counts as one too.
    m["w"] = kWordClass;
    m["upper"] = kUpperClass;
    m["lw"] = kLowerWord;
    m["letter"] = kLetterClass;
    m["role_title"] = title_regexes.empty()
                          ? "[^\\s\\S]"
                          : "(?i:(?:" + absl::StrJoin(title_regexes, ")|(?:") + "))";
  }
}

void Compiler::BuildShadowMacros() {
  for (Language& lang : impl_->languages) {
    // Every pattern macro, expanded once for plain text (problems surface
    // even for macros no pattern uses).
    std::vector<std::string> names;
    for (const auto& [name, raw] : vocab_[lang.name].macros) names.push_back(name);
    for (const std::string& name : names) {
      std::string unused;
      Macro(&lang, name, &unused);
    }
    auto& m = lang.shadow_macros;
    m["w"] = kWordClass;  // markers are word characters here
    const int types = static_cast<int>(impl_->entity_types.size());
    for (int t = 0; t < types; ++t) {
      m[impl_->entity_types[t]] = MarkerPattern(static_cast<char>(kFirstTypeMarker + t));
    }
    m["entity"] = AnyEntityMarkerPattern(types);
    m["demonym"] = MarkerPattern(kDemonymMarker);
    m["date"] = MarkerPattern(kDateMarker);
    m["role_title"] = MarkerPattern(kRoleMarker);
    // A date where an adverb may stand ("a reçu mardi deux hélicoptères");
    // an {adverb} pattern macro reads its own {date} as the marker too.
    std::string adverb;
    if (Macro(&lang, "adverb", &adverb, /*shadow=*/true)) {
      m["adverb"] = "(?:" + adverb + "|" + MarkerPattern(kDateMarker) + ")";
    }
  }
}

bool Compiler::Macro(Language* lang, absl::string_view name, std::string* out, bool shadow) {
  auto& cache = shadow ? lang->shadow_macros : lang->macros;
  auto it = cache.find(name);
  if (it != cache.end()) {
    *out = it->second;
    return true;
  }
  Vocabulary& v = vocab_[lang->name];
  auto raw = v.macros.find(std::string(name));
  if (raw == v.macros.end()) {
    // Lexicons and other built-ins read the same on shadows.
    if (!shadow) return false;
    return Macro(lang, name, out, false);
  }
  bool& expanding = shadow ? raw->second.expanding_shadow : raw->second.expanding;
  if (expanding) return false;
  expanding = true;
  std::string expanded, error;
  bool ok = Expand(lang, raw->second.pattern, &expanded, &error, shadow);
  expanding = false;
  if (!ok) {
    if (!shadow) {
      RuleFields f(*raw->second.rule, problems_);
      f.Problem(f.Find("pattern"), error);
    }
    return false;
  }
  expanded = StripNamedGroups(expanded);
  cache[std::string(name)] = expanded;
  *out = expanded;
  return true;
}

bool Compiler::Expand(Language* lang, absl::string_view pattern, std::string* out,
                      std::string* error, bool shadow) {
  return ExpandMacros(
      pattern,
      [&](absl::string_view name, std::string* expansion) {
        return Macro(lang, name, expansion, shadow);
      },
      out, error);
}

std::unique_ptr<RE2> Compiler::Compile(Language* lang, RuleFields* f,
                                       const rapidjson::Value* at,
                                       const std::string& pattern, bool shadow) {
  std::string error;
  if (!text_internal::CheckNoCountedRepetition(pattern, &error)) {
    f->Problem(at, error);
    return nullptr;
  }
  std::string expanded;
  if (!Expand(lang, pattern, &expanded, &error, shadow)) {
    f->Problem(at, absl::StrCat(error, " (language \"", lang->name, "\")"));
    return nullptr;
  }
  auto re = std::make_unique<RE2>(expanded, text_internal::RulePatternOptions());
  if (!re->ok()) {
    f->Problem(at, absl::StrCat("invalid pattern: ", re->error()));
    return nullptr;
  }
  return re;
}

}  // namespace crosscheck::extract_internal
