// The inline examples of the "text" rule kinds, run by `rules check`:
//   boilerplate       {"in": text, "cut": [each cut, as in the input]}
//   abbreviations     {"in": text, "sentences": [each sentence]}
//   char_map          {"in": text, "out": normalized text}
//   language_profile  {"in": text, "language": "fr"}
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "text/text_rules_impl.h"

namespace crosscheck::internal {
namespace {

bool GetString(const rapidjson::Value& ex, const char* name, std::string* out) {
  if (!ex.IsObject()) return false;
  auto it = ex.FindMember(name);
  if (it == ex.MemberEnd() || !it->value.IsString()) return false;
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

bool GetStrings(const rapidjson::Value& ex, const char* name,
                std::vector<std::string>* out) {
  if (!ex.IsObject()) return false;
  auto it = ex.FindMember(name);
  if (it == ex.MemberEnd() || !it->value.IsArray()) return false;
  out->clear();
  for (const rapidjson::Value& v : it->value.GetArray()) {
    if (!v.IsString()) return false;
    out->emplace_back(v.GetString(), v.GetStringLength());
  }
  return true;
}

std::string Quoted(const std::vector<std::string>& items) {
  return absl::StrCat("[", absl::StrJoin(items, ", ", [](std::string* o, const std::string& s) {
                        absl::StrAppend(o, "\"", s, "\"");
                      }), "]");
}

// Runs one example; returns "" if it holds, else what went wrong.
std::string RunOne(const Rule& rule, const TextRules& rules,
                   const rapidjson::Value& ex, PreparedText* prepared) {
  std::string in;
  if (!GetString(ex, "in", &in)) return "an example must be an object with \"in\", a string";
  std::string language;
  GetString(ex, "language", &language);
  std::vector<std::string> want, got;
  std::string want_text;
  if (rule.kind == "boilerplate") {
    if (!GetStrings(ex, "cut", &want)) return "a boilerplate example needs \"cut\", an array of strings";
    PrepareText(rules, in, "und", prepared);
    for (const TextCutRange& c : prepared->cuts) {
      got.push_back(in.substr(c.orig_begin, c.orig_end - c.orig_begin));
    }
  } else if (rule.kind == "abbreviations") {
    if (!GetStrings(ex, "sentences", &want)) return "an abbreviations example needs \"sentences\", an array of strings";
    PrepareText(rules, in, "und", prepared);
    for (const SentenceRange& s : prepared->sentences) {
      got.emplace_back(prepared->Text(s.begin, s.end));
    }
  } else if (rule.kind == "char_map") {
    if (!GetString(ex, "out", &want_text)) return "a char_map example needs \"out\", a string";
    PrepareText(rules, in, "und", prepared);
    want = {want_text};
    got = {prepared->text};
  } else {
    if (!GetString(ex, "language", &want_text)) return "a language_profile example needs \"language\"";
    want = {want_text};
    got = {DetectLanguage(rules, in)};
  }
  if (want == got) return "";
  return absl::StrCat("example \"", in.substr(0, 60), in.size() > 60 ? "...\"" : "\"",
                      ": expected ", Quoted(want), ", got ", Quoted(got));
}

}  // namespace

void RunTextExamples(const RuleSet& set, const TextRules& compiled,
                     size_t* examples, std::vector<RuleProblem>* failed) {
  PreparedText prepared;
  for (const char* kind : {"boilerplate", "abbreviations", "char_map", "language_profile"}) {
    for (const Rule* r : set.OfKind(kind)) {
      for (const rapidjson::Value& ex : (*r->body)["examples"].GetArray()) {
        ++*examples;
        std::string error = RunOne(*r, compiled, ex, &prepared);
        if (!error.empty()) failed->push_back(RuleSet::ProblemAt(*r, ex, error));
      }
    }
  }
}

}  // namespace crosscheck::internal
