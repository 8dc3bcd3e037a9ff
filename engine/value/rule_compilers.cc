// Compilers for the "values" kinds other than date-time lexicons and formats
// (datetime_rules.cc). Each validates its fields through RuleFields, so a
// broken rule is reported at its file:line:col and left out.
#include "value/rule_compilers.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "value/datetime_format.h"
#include "value/text_fold.h"

namespace crosscheck::internal {
namespace {

bool ParseHedgeName(absl::string_view name, Hedge* hedge) {
  for (Hedge h : {Hedge::kExact, Hedge::kAtLeast, Hedge::kAtMost, Hedge::kAbout,
                  Hedge::kEstimated}) {
    if (HedgeName(h) == name) {
      *hedge = h;
      return true;
    }
  }
  return false;
}

// True if `pattern` has a counted repetition ("x{2}", "x{1,200}").
bool HasCountedRepetition(absl::string_view pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] == '{' && absl::ascii_isdigit(static_cast<unsigned char>(pattern[i + 1]))) {
      return true;
    }
  }
  return false;
}

// Reads a required non-empty array of strings, each folded with `fold`.
bool Strings(RuleFields* f, const char* name, std::vector<std::string>* out,
             std::string (*fold)(absl::string_view), bool required = true) {
  std::vector<std::string> raw;
  if (!f->StringArray(name, &raw, required)) return false;
  out->clear();
  for (std::string& s : raw) {
    std::string folded = fold(s);
    if (folded.empty()) {
      f->Problem(f->Find(name), absl::StrCat("\"", name, "\" holds an empty entry"));
      return false;
    }
    out->push_back(std::move(folded));
  }
  return true;
}

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }
std::string Verbatim(absl::string_view s) { return std::string(s); }
std::string BareLower(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::unique_ptr<RE2> CompilePattern(RuleFields* f, const char* field,
                                    const std::string& pattern,
                                    bool case_sensitive) {
  if (HasCountedRepetition(pattern)) {
    f->Problem(f->Find(field),
               "counted repetitions such as {1,200} are refused (they blow up "
               "RE2 memory); use * or +");
    return nullptr;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(case_sensitive);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    f->Problem(f->Find(field), absl::StrCat("invalid pattern: ", re->error()));
    return nullptr;
  }
  return re;
}

void CompileNullMarkers(const Rule& rule, ValueRules::Impl* impl,
                        std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"values"});
  std::vector<std::string> values;
  if (!Strings(&f, "values", &values, FoldCell) || !f.ok()) return;
  for (std::string& v : values) impl->null_markers.insert(std::move(v));
}

void CompileNullPattern(const Rule& rule, ValueRules::Impl* impl,
                        std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"pattern"});
  std::string pattern;
  if (!f.String("pattern", &pattern) || !f.ok()) return;
  auto re = CompilePattern(&f, "pattern", pattern, /*case_sensitive=*/false);
  if (re != nullptr) impl->null_patterns.push_back(std::move(re));
}

void CompileAttributeKind(const Rule& rule, ValueRules::Impl* impl,
                          std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"attribute", "value_kind"});
  std::string pattern, kind_name;
  bool have_pattern = f.String("attribute", &pattern);
  bool have_kind = f.String("value_kind", &kind_name);
  if (!have_pattern || !have_kind || !f.ok()) return;
  ValueKind kind;
  if (!ParseValueKind(kind_name, &kind)) {
    f.Problem(f.Find("value_kind"),
              absl::StrCat("unknown value kind \"", kind_name,
                           "\" (expected text, number, datetime, code or names)"));
    return;
  }
  auto re = CompilePattern(&f, "attribute", pattern, /*case_sensitive=*/false);
  if (re != nullptr) impl->attribute_kinds.push_back({rule.id, std::move(re), kind});
}

void CompileNumberFormat(const Rule& rule, ValueRules::Impl* impl,
                         std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"group_separators", "decimal_mark"});
  ValueRules::Impl::NumberFormat format;
  format.rule_id = rule.id;
  bool ok = Strings(&f, "group_separators", &format.group_separators, Verbatim);
  ok &= f.String("decimal_mark", &format.decimal_mark);
  if (!ok || !f.ok()) return;
  for (const std::string& g : format.group_separators) {
    if (g == format.decimal_mark) {
      f.Problem(f.Find("decimal_mark"),
                absl::StrCat("\"", g, "\" cannot both group digits and mark decimals"));
      return;
    }
  }
  impl->number_formats.push_back(std::move(format));
}

void CompileNumberHedge(const Rule& rule, ValueRules::Impl* impl,
                        std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"hedge", "prefixes", "suffixes", "strict", "tolerance"});
  std::string hedge_name;
  std::vector<std::string> prefixes, suffixes;
  bool strict = false;
  double tolerance = 0;
  bool ok = f.String("hedge", &hedge_name);
  Strings(&f, "prefixes", &prefixes, FoldLexiconText, /*required=*/false);
  Strings(&f, "suffixes", &suffixes, FoldLexiconText, /*required=*/false);
  f.Bool("strict", &strict, /*required=*/false);
  f.Double("tolerance", &tolerance, /*required=*/false);
  if (!ok || !f.ok()) return;
  Hedge hedge;
  if (!ParseHedgeName(hedge_name, &hedge) || hedge == Hedge::kExact ||
      hedge == Hedge::kEstimated) {
    f.Problem(f.Find("hedge"), absl::StrCat("unknown number hedge \"", hedge_name,
                                            "\" (expected at_least, at_most or about)"));
    return;
  }
  if (prefixes.empty() && suffixes.empty()) {
    f.Problem(nullptr, "a number_hedge needs \"prefixes\" or \"suffixes\"");
    return;
  }
  if ((hedge == Hedge::kAbout) != (f.Find("tolerance") != nullptr) ||
      tolerance < 0 || tolerance >= 1) {
    f.Problem(f.Find("tolerance"),
              "\"tolerance\" (0 <= t < 1, relative) is required for \"about\" "
              "and only for it");
    return;
  }
  for (auto& p : prefixes) impl->hedge_prefixes.push_back({std::move(p), hedge, strict, tolerance});
  for (auto& s : suffixes) impl->hedge_suffixes.push_back({std::move(s), hedge, strict, tolerance});
}

void CompileUnit(const Rule& rule, ValueRules::Impl* impl,
                 std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"base", "factor", "aliases"});
  std::string base;
  double factor = 1;
  std::vector<std::string> aliases;
  bool ok = f.String("base", &base);
  ok &= f.Double("factor", &factor);
  ok &= Strings(&f, "aliases", &aliases, FoldLexiconText);
  if (!ok || !f.ok()) return;
  if (!(factor > 0)) {
    f.Problem(f.Find("factor"), "\"factor\" must be positive");
    return;
  }
  for (const std::string& a : aliases) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(a.back()))) {
      f.Problem(f.Find("aliases"), absl::StrCat("unit alias \"", a, "\" ends with a digit"));
      return;
    }
    if (!impl->units.emplace(a, ValueRules::Impl::Unit{base, factor}).second) continue;
    impl->longest_unit_alias = std::max(impl->longest_unit_alias, a.size());
  }
}

void CompileAnnotation(const Rule& rule, ValueRules::Impl* impl,
                       std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"markers", "hedge"});
  std::vector<std::string> markers;
  std::string hedge_name = "exact";
  bool ok = Strings(&f, "markers", &markers, Lower);
  f.String("hedge", &hedge_name, /*required=*/false);
  if (!ok || !f.ok()) return;
  Hedge hedge;
  if (!ParseHedgeName(hedge_name, &hedge) ||
      (hedge != Hedge::kExact && hedge != Hedge::kEstimated)) {
    f.Problem(f.Find("hedge"), absl::StrCat("unknown annotation hedge \"", hedge_name,
                                            "\" (expected exact or estimated)"));
    return;
  }
  for (auto& m : markers) impl->annotations.push_back({std::move(m), hedge});
}

void CompileCodeFormat(const Rule& rule, ValueRules::Impl* impl,
                       std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"strip_prefixes", "remove"});
  std::vector<std::string> prefixes;
  std::string remove;
  f.StringArray("strip_prefixes", &prefixes, /*required=*/false);
  f.String("remove", &remove, /*required=*/false);
  if (!f.ok()) return;
  std::vector<std::unique_ptr<RE2>> compiled;
  for (const std::string& p : prefixes) {
    auto re = CompilePattern(&f, "strip_prefixes", p, /*case_sensitive=*/false);
    if (re == nullptr) return;
    compiled.push_back(std::move(re));
  }
  for (auto& re : compiled) impl->code_prefixes.push_back(std::move(re));
  impl->code_removed_chars += remove;
}

void CompileNameSeparators(const Rule& rule, ValueRules::Impl* impl,
                           std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"separators"});
  std::vector<std::string> separators;
  if (!Strings(&f, "separators", &separators, BareLower) || !f.ok()) return;
  for (const std::string& s : separators) {
    if (s == "," || s == "(" || s == "[") {
      f.Problem(f.Find("separators"),
                absl::StrCat("\"", s, "\" is part of the name grammar, not a separator"));
      return;
    }
  }
  for (auto& s : separators) impl->name_separators.push_back(std::move(s));
}

void CompileNameAffixes(const Rule& rule, ValueRules::Impl* impl,
                        std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"affixes"});
  std::vector<std::string> affixes;
  if (!Strings(&f, "affixes", &affixes, BareLower) || !f.ok()) return;
  for (auto& a : affixes) impl->name_affixes.insert(std::move(a));
}

void CompileGivenNames(const Rule& rule, ValueRules::Impl* impl,
                       std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"names"});
  std::vector<std::string> names;
  if (!Strings(&f, "names", &names, FoldText) || !f.ok()) return;
  for (auto& n : names) impl->given_names.insert(std::move(n));
}

void CompileSurnameParticles(const Rule& rule, ValueRules::Impl* impl,
                             std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"particles"});
  std::vector<std::string> particles;
  if (!Strings(&f, "particles", &particles, FoldText) || !f.ok()) return;
  for (auto& p : particles) impl->surname_particles.insert(std::move(p));
}

}  // namespace crosscheck::internal
