// Compiling the "text" rule kinds.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "text/rule_pattern.h"
#include "text/text_rules_impl.h"

namespace crosscheck {

absl::StatusOr<std::unique_ptr<TextRules>> TextRules::FromRules(
    const internal::RuleSet& rules) {
  std::vector<RuleProblem> problems;
  std::unique_ptr<TextRules> compiled = internal::CompileTextRules(rules, &problems);
  if (!problems.empty()) {
    return absl::InvalidArgumentError(problems.front().ToString());
  }
  return compiled;
}

namespace internal {
namespace {

using Impl = TextRules::Impl;

bool ParseAction(absl::string_view name, Impl::Action* action) {
  if (name == "line") {
    *action = Impl::Action::kLine;
  } else if (name == "tail") {
    *action = Impl::Action::kTail;
  } else if (name == "comments_before") {
    *action = Impl::Action::kCommentsBefore;
  } else if (name == "teaser") {
    *action = Impl::Action::kTeaser;
  } else {
    return false;
  }
  return true;
}

void CompileBoilerplate(const Rule& rule, Impl* impl,
                        std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"pattern", "action", "max_line_bytes", "language"});
  Impl::Boilerplate b;
  b.id = rule.id;
  std::string pattern, action, language;
  bool have_pattern = f.String("pattern", &pattern);
  bool have_action = f.String("action", &action);
  f.String("language", &language, false);
  int64_t max_line = 200;
  if (f.Int("max_line_bytes", &max_line, false) && (max_line < 1 || max_line > 100000)) {
    f.Problem(f.Find("max_line_bytes"), "\"max_line_bytes\" must be between 1 and 100000");
  }
  if (!have_pattern || !have_action || !f.ok()) return;
  if (!ParseAction(action, &b.action)) {
    f.Problem(f.Find("action"),
              absl::StrCat("unknown action \"", action,
                           "\" (expected line, tail, comments_before or teaser)"));
    return;
  }
  b.max_line_bytes = static_cast<uint32_t>(max_line);
  b.pattern = text_internal::CompileRulePattern(&f, f.Find("pattern"), pattern);
  if (b.pattern == nullptr) return;
  impl->boilerplate.push_back(std::move(b));
}

void CompileAbbreviations(const Rule& rule, Impl* impl,
                          std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"words", "sentence_final", "language"});
  std::vector<std::string> words;
  std::string language;
  bool final_ok = false;
  f.String("language", &language, false);
  f.Bool("sentence_final", &final_ok, false);
  if (!f.StringArray("words", &words) || !f.ok()) return;
  for (const std::string& w : words) {
    absl::string_view word = w;
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.empty() || word.find(' ') != absl::string_view::npos) {
      f.Problem(f.Find("words"),
                absl::StrCat("abbreviation \"", w, "\" must be one word"));
      continue;
    }
    impl->abbreviations[std::string(word)] = final_ok;
  }
}

void CompileCharMap(const Rule& rule, Impl* impl,
                    std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"map"});
  const rapidjson::Value* map = f.Find("map");
  if (map == nullptr || !map->IsObject()) {
    f.Problem(map, "\"map\" must be an object from one character to its replacement");
    return;
  }
  for (auto m = map->MemberBegin(); m != map->MemberEnd(); ++m) {
    absl::string_view from(m->name.GetString(), m->name.GetStringLength());
    size_t i = 0;
    uint32_t c = from.empty() ? 0 : text_internal::NextCodePoint(from, &i);
    if (from.empty() || i != from.size() || c < 0x80) {
      f.Problem(&m->name, absl::StrCat("\"", from,
                                       "\" must be one non-ASCII character"));
      continue;
    }
    if (!m->value.IsString()) {
      f.Problem(&m->value, "a replacement must be a string");
      continue;
    }
    impl->char_map[c] = std::string(m->value.GetString(), m->value.GetStringLength());
  }
}

void CompileProfile(const Rule& rule, Impl* impl,
                    std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"language", "stop_words"});
  Impl::Profile p;
  std::vector<std::string> words;
  bool have_language = f.String("language", &p.language);
  bool have_words = f.StringArray("stop_words", &words);
  if (!have_language || !have_words || !f.ok()) return;
  for (std::string& w : words) p.stop_words.insert(absl::AsciiStrToLower(w));
  for (Impl::Profile& existing : impl->profiles) {
    if (existing.language == p.language) {
      existing.stop_words.insert(p.stop_words.begin(), p.stop_words.end());
      return;
    }
  }
  impl->profiles.push_back(std::move(p));
}

}  // namespace

std::unique_ptr<TextRules> CompileTextRules(const RuleSet& set,
                                            std::vector<RuleProblem>* problems) {
  auto impl = std::make_unique<Impl>();
  for (const Rule* r : set.OfKind("boilerplate")) CompileBoilerplate(*r, impl.get(), problems);
  for (const Rule* r : set.OfKind("abbreviations")) CompileAbbreviations(*r, impl.get(), problems);
  for (const Rule* r : set.OfKind("char_map")) CompileCharMap(*r, impl.get(), problems);
  for (const Rule* r : set.OfKind("language_profile")) CompileProfile(*r, impl.get(), problems);
  std::sort(impl->profiles.begin(), impl->profiles.end(),
            [](const Impl::Profile& a, const Impl::Profile& b) {
              return a.language < b.language;
            });
  if (!impl->boilerplate.empty()) {
    impl->boilerplate_set = std::make_unique<RE2::Set>(
        text_internal::RulePatternOptions(), RE2::UNANCHORED);
    for (const Impl::Boilerplate& b : impl->boilerplate) {
      impl->boilerplate_set->Add(b.pattern->pattern(), nullptr);
    }
    if (!impl->boilerplate_set->Compile()) {
      problems->push_back({"", 0, 0, "",
                           "the boilerplate patterns together exceed the "
                           "pattern-set memory budget"});
      impl->boilerplate_set.reset();
    } else {
      std::vector<std::string> alternatives;
      for (const Impl::Boilerplate& b : impl->boilerplate) {
        alternatives.push_back(absl::StrCat("(?:", b.pattern->pattern(), ")"));
      }
      auto any = std::make_unique<RE2>(absl::StrJoin(alternatives, "|"),
                                       text_internal::RulePatternOptions());
      if (any->ok()) impl->boilerplate_any = std::move(any);
    }
  }
  return std::make_unique<TextRules>(std::move(impl));
}

}  // namespace internal
}  // namespace crosscheck
