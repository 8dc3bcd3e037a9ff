#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "value/rule_compilers.h"
#include "value/text_fold.h"
#include "value/value_rules_impl.h"

namespace crosscheck {

std::string FoldCell(absl::string_view cell) {
  return absl::AsciiStrToLower(TrimSpace(cell));
}

bool ValueRules::Impl::KindOf(absl::string_view attribute, ValueKind* kind) const {
  for (const AttributeKind& a : attribute_kinds) {
    if (RE2::FullMatch(re2::StringPiece(attribute.data(), attribute.size()),
                       *a.pattern)) {
      *kind = a.kind;
      return true;
    }
  }
  return false;
}

bool ValueRules::Impl::IsNullTrimmed(absl::string_view trimmed) const {
  if (trimmed.empty()) return true;
  if (null_markers.contains(absl::AsciiStrToLower(trimmed))) return true;
  re2::StringPiece piece(trimmed.data(), trimmed.size());
  for (const auto& p : null_patterns) {
    if (RE2::FullMatch(piece, *p)) return true;
  }
  return false;
}

absl::string_view ValueRules::Impl::StripAnnotations(absl::string_view s,
                                                     Hedge* hedge) const {
  s = TrimSpace(s);
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (const Annotation& a : annotations) {
      if (a.text.size() > s.size()) continue;
      absl::string_view tail = s.substr(s.size() - a.text.size());
      bool same = std::equal(tail.begin(), tail.end(), a.text.begin(), [](char x, char y) {
        return absl::ascii_tolower(static_cast<unsigned char>(x)) == y;
      });
      if (!same) continue;
      s = TrimSpace(s.substr(0, s.size() - a.text.size()));
      if (a.hedge != Hedge::kExact) *hedge = a.hedge;
      again = true;
      break;
    }
  }
  return s;
}

ValueRules::ValueRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ValueRules::~ValueRules() = default;

bool ValueRules::IsNull(absl::string_view cell) const {
  return impl_->IsNullTrimmed(TrimSpace(cell));
}

absl::StatusOr<std::unique_ptr<ValueRules>> ValueRules::FromRules(
    const internal::RuleSet& rules) {
  std::vector<RuleProblem> problems;
  std::unique_ptr<ValueRules> compiled = internal::CompileValueRules(rules, &problems);
  if (!problems.empty()) {
    return absl::InvalidArgumentError(problems.front().ToString());
  }
  return compiled;
}

namespace internal {

const std::vector<ValueRuleKind>& ValueRuleKinds() {
  using K = ValueKind;
  static const auto* kinds = new std::vector<ValueRuleKind>{
      {"null_markers", CompileNullMarkers, K::kText, false},
      {"null_pattern", CompileNullPattern, K::kText, false},
      {"attribute_kind", CompileAttributeKind, K::kText, true},
      {"number_format", CompileNumberFormat, K::kNumber, false},
      {"number_hedge", CompileNumberHedge, K::kNumber, false},
      {"unit", CompileUnit, K::kNumber, false},
      {"annotation", CompileAnnotation, K::kDateTime, false},
      {"month_names", CompileMonthNames, K::kDateTime, false},
      {"weekday_names", CompileWeekdayNames, K::kDateTime, false},
      {"day_periods", CompileDayPeriods, K::kDateTime, false},
      {"time_zone", CompileTimeZones, K::kDateTime, false},
      {"datetime_format", CompileDateTimeFormatRule, K::kDateTime, false},
      {"code_format", CompileCodeFormat, K::kCode, false},
      {"name_separators", CompileNameSeparators, K::kNameList, false},
      {"name_affixes", CompileNameAffixes, K::kNameList, false},
      {"given_names", CompileGivenNames, K::kNameList, false},
      {"surname_particles", CompileSurnameParticles, K::kNameList, false},
  };
  return *kinds;
}

void SortLexicon(std::vector<LexiconEntry>* lexicon) {
  std::vector<LexiconEntry> unique;
  for (LexiconEntry& e : *lexicon) {
    bool seen = std::any_of(unique.begin(), unique.end(),
                            [&](const LexiconEntry& u) { return u.text == e.text; });
    if (!seen && !e.text.empty()) unique.push_back(std::move(e));
  }
  std::stable_sort(unique.begin(), unique.end(),
                   [](const LexiconEntry& a, const LexiconEntry& b) {
                     if (a.text.size() != b.text.size()) return a.text.size() > b.text.size();
                     return a.text < b.text;
                   });
  *lexicon = std::move(unique);
}

std::unique_ptr<ValueRules> CompileValueRules(const RuleSet& set,
                                              std::vector<RuleProblem>* problems) {
  auto impl = std::make_unique<ValueRules::Impl>();
  for (const ValueRuleKind& kind : ValueRuleKinds()) {
    for (const Rule* r : set.OfKind(kind.name)) kind.compile(*r, impl.get(), problems);
  }
  SortLexicon(&impl->months);
  SortLexicon(&impl->weekdays);
  SortLexicon(&impl->day_periods);
  auto longest_first = [](const auto& a, const auto& b) {
    if (a.text.size() != b.text.size()) return a.text.size() > b.text.size();
    return a.text < b.text;
  };
  std::stable_sort(impl->hedge_prefixes.begin(), impl->hedge_prefixes.end(), longest_first);
  std::stable_sort(impl->hedge_suffixes.begin(), impl->hedge_suffixes.end(), longest_first);
  std::stable_sort(impl->annotations.begin(), impl->annotations.end(), longest_first);
  return std::unique_ptr<ValueRules>(new ValueRules(std::move(impl)));
}

}  // namespace internal
}  // namespace crosscheck
