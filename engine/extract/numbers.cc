#include "extract/numbers.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "extract/lexicon.h"

namespace crosscheck::extract_internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

// Digits with thousands groups (" ", and the mark that is not the decimal
// mark) and a decimal part, as tokens: "1 000" comes as {"1", "000"}.
// Consumes from tokens[*i].
bool TakeDigits(const Language& lang, const std::vector<absl::string_view>& tokens, size_t* i,
                double* value) {
  absl::string_view t = tokens[*i];
  const char decimal = lang.decimal_mark;
  const char group = decimal == ',' ? '.' : ',';
  std::string digits;
  std::string frac;
  size_t p = 0;
  while (p < t.size()) {
    char c = t[p];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c == group && p + 4 <= t.size() && AllDigits(t.substr(p + 1, 3)) &&
               (p + 4 == t.size() || !absl::ascii_isdigit(static_cast<unsigned char>(t[p + 4])))) {
      // a thousands group: "1.000", "1,000"
    } else if (c == decimal && p + 1 < t.size() && frac.empty()) {
      frac = std::string(t.substr(p + 1));
      if (!AllDigits(frac)) return false;
      break;
    } else {
      return false;
    }
    ++p;
  }
  if (digits.empty()) return false;
  ++*i;
  // "1 000 000": groups of three digits written apart.
  while (frac.empty() && *i < tokens.size() && tokens[*i].size() == 3 &&
         AllDigits(tokens[*i]) && digits.size() <= 3) {
    digits += std::string(tokens[*i]);
    ++*i;
  }
  *value = std::strtod((digits + (frac.empty() ? "" : "." + frac)).c_str(), nullptr);
  return true;
}

// Number words from tokens[*i]: units and tens add, "cent" multiplies what
// precedes it, "mille" and larger multiply and close a group.
bool TakeWords(const Language& lang, const std::vector<absl::string_view>& tokens,
               size_t* i, double* value) {
  double total = 0, current = 0;
  bool any = false;
  size_t end = *i;  // after the last number word
  while (*i < tokens.size()) {
    if (any && lang.joiners.contains(tokens[*i])) {
      ++*i;  // "vingt et un"
      continue;
    }
    // Longest entry first: "quatre vingt" before "quatre".
    bool found = false;
    for (size_t n = std::min(lang.max_number_tokens, tokens.size() - *i); n >= 1; --n) {
      std::string key(tokens[*i]);
      for (size_t k = 1; k < n; ++k) absl::StrAppend(&key, " ", tokens[*i + k]);
      auto it = lang.number_values.find(key);
      if (it == lang.number_values.end()) continue;
      double v = it->second;
      if (v >= 1000) {
        total += (current == 0 ? 1 : current) * v;
        current = 0;
      } else if (v == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        current += v;
      }
      *i += n;
      end = *i;
      found = any = true;
      break;
    }
    if (!found) break;
  }
  *i = end;
  *value = total + current;
  return any;
}

// A multiplier word after digits: "1,5 million".
void TakeScale(const Language& lang, const std::vector<absl::string_view>& tokens,
               size_t* i, double* value) {
  if (*i >= tokens.size()) return;
  auto it = lang.number_values.find(tokens[*i]);
  if (it != lang.number_values.end() && it->second >= 1000) {
    *value *= it->second;
    ++*i;
  }
}

}  // namespace

std::string FormatCountNumber(double n) {
  if (n == std::floor(n) && std::fabs(n) < 1e15) {
    return absl::StrFormat("%.0f", n);
  }
  return absl::StrFormat("%g", n);
}

std::string Count::Key() const {
  switch (hedge) {
    case Hedge::kAtLeast: return ">=" + FormatCountNumber(value);
    case Hedge::kAtMost: return "<=" + FormatCountNumber(value);
    case Hedge::kAbout: return "~" + FormatCountNumber(value);
    case Hedge::kExact:
    case Hedge::kEstimated: break;
  }
  return FormatCountNumber(value);
}

bool ParseCount(const Language& lang, absl::string_view text, Count* count) {
  std::string folded = Fold(text);
  std::vector<absl::string_view> tokens =
      absl::StrSplit(folded, absl::ByAnyChar(" "), absl::SkipEmpty());
  if (tokens.empty()) return false;
  size_t i = 0;
  // Hedge: the longest hedge phrase the tokens start with.
  const HedgeWord* hedge = nullptr;
  for (const HedgeWord& h : lang.hedges) {
    absl::string_view f = h.folded;
    if (absl::string_view(folded).substr(0, f.size()) == f &&
        (folded.size() == f.size() || folded[f.size()] == ' ')) {
      hedge = &h;
      i = std::count(f.begin(), f.end(), ' ') + 1;
      break;
    }
  }
  if (hedge != nullptr && i == tokens.size()) {  // "some" alone: a quantifier
    hedge = nullptr;
    i = 0;
  }
  Count c;
  bool have_number = false;
  const Count* quantifier = nullptr;
  double n = 0;
  if (i < tokens.size()) {
    if (AllDigits(tokens[i].substr(0, 1)) && TakeDigits(lang, tokens, &i, &n)) {
      TakeScale(lang, tokens, &i, &n);
      have_number = true;
    } else if (TakeWords(lang, tokens, &i, &n)) {
      have_number = true;
    } else {
      absl::string_view rest = absl::string_view(folded).substr(
          std::min(folded.size(), static_cast<size_t>(tokens[i].data() - folded.data())));
      for (const auto& [phrase, q] : lang.quantifiers) {
        if (rest.substr(0, phrase.size()) == phrase &&
            (rest.size() == phrase.size() || rest[phrase.size()] == ' ')) {
          quantifier = &q;
          i += std::count(phrase.begin(), phrase.end(), ' ') + 1;
          break;
        }
      }
    }
  }
  // Approximate noun: "dizaine", "centaines".
  double approx = 0;
  bool approx_plural = false;
  if (i < tokens.size()) {
    std::string word(tokens[i]);
    if (auto it = lang.approximate.find(word); it != lang.approximate.end()) {
      approx = it->second;
    } else if (auto p = lang.approximate_plural.find(word); p != lang.approximate_plural.end()) {
      approx = p->second;
      approx_plural = true;
    }
    if (approx > 0) ++i;
  }
  if (i < tokens.size()) return false;
  if (approx > 0) {
    if (have_number) {
      c.value = n * approx;
      c.hedge = Hedge::kAbout;
    } else if (quantifier != nullptr || approx_plural) {
      c.value = (quantifier != nullptr ? quantifier->value : 2) * approx;
      c.hedge = Hedge::kAtLeast;
      c.from_quantifier = true;
    } else {
      c.value = approx;
      c.hedge = Hedge::kAbout;
    }
  } else if (have_number) {
    c.value = n;
  } else if (quantifier != nullptr) {
    c = *quantifier;
  } else {
    return false;
  }
  double tolerance = approx > 0 ? lang.approximate_tolerance : 0;
  if (hedge != nullptr) {
    c.hedge = hedge->hedge;
    if (hedge->hedge == Hedge::kAbout) tolerance = hedge->tolerance;
  }
  switch (c.hedge) {
    case Hedge::kAtLeast:
      c.lo = c.value;
      c.hi = kInf;
      break;
    case Hedge::kAtMost:
      c.lo = 0;
      c.hi = c.value;
      break;
    case Hedge::kAbout:
      c.lo = c.value * (1 - tolerance);
      c.hi = c.value * (1 + tolerance);
      break;
    case Hedge::kExact:
    case Hedge::kEstimated:
      c.lo = c.hi = c.value;
      break;
  }
  *count = c;
  return true;
}

}  // namespace crosscheck::extract_internal
