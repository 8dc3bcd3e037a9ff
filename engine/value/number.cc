// Numbers: hedge words, a unit, digit grouping and decimal marks, all from
// the number_format, number_hedge, unit and annotation rules.
#include <cmath>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "value/datetime_format.h"
#include "value/parse.h"
#include "value/text_fold.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// The longest marker of `markers` that starts `*s` (prefix) or ends it
// (suffix); word markers must stand apart from letters. Removes it.
const ValueRules::Impl::HedgeMarker* TakeMarker(
    const std::vector<ValueRules::Impl::HedgeMarker>& markers, bool prefix,
    std::string* s) {
  for (const auto& m : markers) {
    size_t n = m.text.size();
    if (n > s->size() || n == 0) continue;
    size_t at = prefix ? 0 : s->size() - n;
    if (s->compare(at, n, m.text) != 0) continue;
    bool word = IsLetter(m.text[prefix ? n - 1 : 0]);
    if (word) {
      size_t next = prefix ? n : at - 1;
      if ((prefix ? n < s->size() : at > 0) && IsLetter((*s)[next])) continue;
    }
    *s = std::string(TrimSpace(prefix ? absl::string_view(*s).substr(n)
                                      : absl::string_view(*s).substr(0, at)));
    return &m;
  }
  return nullptr;
}

// Parses sign, digit groups and decimals of `s` entirely under `f`.
bool ParseCore(const ValueRules::Impl::NumberFormat& f, absl::string_view s,
               double* value, bool* integer) {
  size_t p = 0;
  bool negative = false;
  if (p < s.size() && (s[p] == '-' || s[p] == '+')) {
    negative = s[p++] == '-';
  } else if (s.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    negative = true;
    p = 3;
  }
  std::string digits;
  size_t group = 0;
  bool grouped = false;
  while (p < s.size()) {
    if (IsDigit(s[p])) {
      digits.push_back(s[p++]);
      ++group;
      continue;
    }
    const std::string* sep = nullptr;
    for (const std::string& g : f.group_separators) {
      if (s.substr(p, g.size()) == g) sep = &g;
    }
    if (sep == nullptr) break;
    // A separator sits between a group of 1-3 digits (3 after the first)
    // and 3 more digits.
    if (group == 0 || group > 3 || (grouped && group != 3)) return false;
    size_t q = p + sep->size();
    if (q + 3 > s.size() || !IsDigit(s[q]) || !IsDigit(s[q + 1]) || !IsDigit(s[q + 2])) {
      return false;
    }
    grouped = true;
    group = 0;
    p = q;
  }
  if (grouped && group != 3) return false;
  *integer = true;
  if (p < s.size() && !f.decimal_mark.empty() &&
      s.substr(p, f.decimal_mark.size()) == f.decimal_mark) {
    p += f.decimal_mark.size();
    size_t start = p;
    std::string frac;
    while (p < s.size() && IsDigit(s[p])) frac.push_back(s[p++]);
    if (p == start) return false;
    *integer = false;
    digits = absl::StrCat(digits.empty() ? "0" : digits, ".", frac);
  }
  if (p != s.size() || digits.empty()) return false;
  *value = std::strtod(digits.c_str(), nullptr) * (negative ? -1 : 1);
  return std::isfinite(*value);
}

}  // namespace

std::string FormatNumber(double x) {
  if (x == 0) return "0";
  for (int precision = 1; precision <= 17; ++precision) {
    std::string s = absl::StrFormat("%.*g", precision, x);
    if (std::strtod(s.c_str(), nullptr) == x) {
      // %g may use an exponent for large round numbers; spell them out.
      if (s.find('e') != std::string::npos && std::fabs(x) < 1e21) {
        s = absl::StrFormat("%.*f", std::max(0, precision - 1 -
                                                    static_cast<int>(std::floor(std::log10(std::fabs(x))))),
                            x);
      }
      return s;
    }
  }
  return absl::StrFormat("%.17g", x);
}

bool ParseNumber(const ValueRules::Impl& rules, absl::string_view raw,
                 ValueStore* store, ValueId* id) {
  Hedge annotated = Hedge::kExact;
  std::string s = FoldLexiconText(rules.StripAnnotations(raw, &annotated));
  const auto* prefix = TakeMarker(rules.hedge_prefixes, true, &s);
  const auto* suffix = TakeMarker(rules.hedge_suffixes, false, &s);
  // The unit is what follows the last digit.
  size_t last_digit = s.find_last_of("0123456789");
  if (last_digit == std::string::npos) return false;
  std::string unit_text(TrimSpace(absl::string_view(s).substr(last_digit + 1)));
  const ValueRules::Impl::Unit* unit = nullptr;
  if (!unit_text.empty()) {
    auto it = rules.units.find(unit_text);
    if (it == rules.units.end()) return false;
    unit = &it->second;
    s.resize(last_digit + 1);
  }
  if (suffix == nullptr) suffix = TakeMarker(rules.hedge_suffixes, false, &s);
  if (prefix != nullptr && suffix != nullptr) return false;
  const auto* marker = prefix != nullptr ? prefix : suffix;

  double n = 0;
  bool integer = false;
  bool parsed = false;
  for (const auto& f : rules.number_formats) {
    if (ParseCore(f, s, &n, &integer)) {
      parsed = true;
      break;
    }
  }
  if (!parsed) return false;

  Value v;
  v.kind = ValueKind::kNumber;
  v.hedge = marker != nullptr ? marker->hedge : annotated;
  if (integer) v.flags |= Value::kInteger;
  double factor = unit != nullptr ? unit->factor : 1;
  double bound = n;
  std::string key;
  switch (v.hedge) {
    case Hedge::kAtLeast:
      if (marker->strict && integer) bound = n + 1;
      v.lo = bound * factor;
      v.hi = kInf;
      key = ">=";
      break;
    case Hedge::kAtMost:
      if (marker->strict && integer) bound = n - 1;
      v.lo = -kInf;
      v.hi = bound * factor;
      key = "<=";
      break;
    case Hedge::kAbout: {
      double half = std::fabs(n) * marker->tolerance;
      v.lo = (n - half) * factor;
      v.hi = (n + half) * factor;
      key = "~";
      break;
    }
    case Hedge::kExact:
    case Hedge::kEstimated:
      v.lo = v.hi = n * factor;
      break;
  }
  absl::StrAppend(&key, FormatNumber(bound * factor));
  if (unit != nullptr) {
    v.unit = static_cast<uint16_t>(store->InternUnit(unit->base));
    bool word = !unit->base.empty() && IsLetter(unit->base[0]);
    absl::StrAppend(&key, word ? " " : "", unit->base);
  }
  v.key = store->InternKey(key);
  *id = store->Add(v);
  return true;
}

}  // namespace crosscheck
