// Sentence splitting and language detection over normalized text.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "text/text_rules_impl.h"

namespace crosscheck {
namespace text_internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }

constexpr absl::string_view kCloseGuillemet = "\xC2\xBB";  // »
constexpr absl::string_view kOpenGuillemet = "\xC2\xAB";   // «

// After terminal punctuation ending at `j`: closing quotes and brackets that
// belong to the sentence, French style (" »") included. Returns the new end.
size_t SkipClosers(absl::string_view t, size_t j, size_t end) {
  while (j < end) {
    if (t[j] == ')' || t[j] == ']' || t[j] == '"' || t[j] == '\'') {
      ++j;
      continue;
    }
    // A note call after the period belongs to the sentence: "them.[7] We".
    size_t digits = j + 1;
    while (digits < end && digits - j <= 3 && absl::ascii_isdigit(t[digits])) ++digits;
    if (t[j] == '[' && digits > j + 1 && digits < end && t[digits] == ']') {
      j = digits + 1;
      continue;
    }
    size_t k = j;
    while (k < end && t[k] == ' ') ++k;
    if (t.substr(k, 2) == kCloseGuillemet) {
      j = k + 2;
      continue;
    }
    break;
  }
  return j;
}

// True if a sentence may start at t[k]: a capital, a digit, an opening
// quote or bracket, or a dash.
bool StartsSentence(absl::string_view t, size_t k) {
  char c = t[k];
  if (c == '"' || c == '(' || c == '[' || c == '-' || c == '\'') return true;
  if (t.substr(k, 2) == kOpenGuillemet) return true;
  if (c >= '0' && c <= '9') return true;
  size_t i = k;
  return IsUpperCodePoint(NextCodePoint(t, &i));
}

// The word that ends just before t[period] (letters, digits, inner periods
// and hyphens).
absl::string_view WordBefore(absl::string_view t, size_t begin, size_t period) {
  size_t w = period;
  while (w > begin) {
    unsigned char c = static_cast<unsigned char>(t[w - 1]);
    if (c >= 0x80 || absl::ascii_isalnum(c) || c == '-' || c == '.') {
      --w;
    } else {
      break;
    }
  }
  return t.substr(w, period - w);
}

// True if the period at t[period] does not end a sentence although a
// capitalized word follows: a title abbreviation or an initial.
bool KeepsSentence(const TextRules::Impl& rules, absl::string_view t,
                   size_t begin, size_t period) {
  absl::string_view word = WordBefore(t, begin, period);
  if (word.empty()) return false;
  auto it = rules.abbreviations.find(word);
  if (it != rules.abbreviations.end()) return !it->second;
  size_t i = 0;
  uint32_t first = NextCodePoint(word, &i);
  if (i == word.size() && IsUpperCodePoint(first)) return true;  // "J."
  std::string lower(word);
  lower[0] = absl::ascii_tolower(static_cast<unsigned char>(lower[0]));
  it = rules.abbreviations.find(lower);
  return it != rules.abbreviations.end() && !it->second;
}

bool HasWord(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsWordCodePoint(NextCodePoint(s, &i))) return true;
  }
  return false;
}

void Emit(absl::string_view t, size_t begin, size_t end,
          std::vector<SentenceRange>* out) {
  while (begin < end && IsSpace(t[begin])) ++begin;
  while (end > begin && IsSpace(t[end - 1])) --end;
  if (end > begin && HasWord(t.substr(begin, end - begin))) {
    out->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }
}

}  // namespace

void SplitSentences(const TextRules::Impl& rules, absl::string_view t,
                    uint32_t begin, uint32_t end,
                    std::vector<SentenceRange>* out) {
  size_t start = begin;
  size_t i = begin;
  while (i < end) {
    if (!IsTerminal(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && IsTerminal(t[j])) ++j;
    j = SkipClosers(t, j, end);
    if (j < end && !IsSpace(t[j])) {  // "3.5", "L-39.", "a.m."
      i = j;
      continue;
    }
    size_t k = j;
    while (k < end && IsSpace(t[k])) ++k;
    if (k < end) {
      bool single_period = t[i] == '.' && (i + 1 == end || !IsTerminal(t[i + 1]));
      if (!StartsSentence(t, k) ||
          (single_period && KeepsSentence(rules, t, start, i))) {
        i = j;
        continue;
      }
    }
    Emit(t, start, j, out);
    start = k;
    i = k;
  }
  Emit(t, start, end, out);
}

}  // namespace text_internal

std::string DetectLanguage(const TextRules& rules,
                           absl::string_view normalized_text) {
  const TextRules::Impl& impl = rules.impl();
  if (impl.profiles.empty()) return "";
  absl::string_view t = normalized_text.substr(0, 16 * 1024);
  std::vector<int> hits(impl.profiles.size(), 0);
  // Words are lower-cased into `word`; longer ones are no stop words.
  char word[32];
  size_t length = 0;
  bool too_long = false;
  auto count = [&] {
    if (length > 0 && !too_long) {
      absl::string_view w(word, length);
      for (size_t p = 0; p < impl.profiles.size(); ++p) {
        hits[p] += impl.profiles[p].stop_words.contains(w);
      }
    }
    length = 0;
    too_long = false;
  };
  // Enough evidence ends the scan early: one language with 24 stop words
  // and three times as many as any other.
  auto decided = [&] {
    int top = 0, rest = 0;
    for (int h : hits) {
      rest = std::max(rest, std::min(top, h));
      top = std::max(top, h);
    }
    return top >= 24 && top >= 3 * rest;
  };
  size_t i = 0;
  size_t chars = 0;
  while (i < t.size()) {
    if (++chars % 64 == 0 && decided()) break;
    size_t start = i;
    uint32_t c = text_internal::NextCodePoint(t, &i);
    bool in_word = text_internal::IsWordCodePoint(c) || c == '\'';
    if (in_word) {
      if (length + (i - start) <= sizeof(word)) {
        for (size_t k = start; k < i; ++k) word[length++] = absl::ascii_tolower(t[k]);
      } else {
        too_long = true;
      }
      if (c == '\'') count();  // "l'" and "d'" are words of their own
      if (i < t.size()) continue;
    }
    count();
  }
  size_t best = 0;
  int second = 0;
  for (size_t p = 1; p < hits.size(); ++p) {
    if (hits[p] > hits[best]) {
      second = hits[best];
      best = p;
    } else {
      second = std::max(second, hits[p]);
    }
  }
  if (hits[best] < 3 || hits[best] * 2 < second * 3) return "";
  return impl.profiles[best].language;
}

}  // namespace crosscheck
