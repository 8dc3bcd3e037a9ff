#include "extract/lexicon.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "re2/re2.h"
#include "text/text_rules_impl.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace crosscheck::extract_internal {
namespace {

bool IsAsciiWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c));
}

// The code point before text[pos].
uint32_t PrevCodePoint(absl::string_view text, size_t pos) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c < 0 ? 0 : static_cast<uint32_t>(c);
}

// Appends characters to *out with white space and "-" runs as one space,
// none at the start or the end.
class Collapser {
 public:
  explicit Collapser(std::string* out) : out_(out) {}
  void Add(char c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-') {
      space_ = true;
      return;
    }
    if (space_ && !out_->empty()) out_->push_back(' ');
    space_ = false;
    out_->push_back(c);
  }
  void Add(absl::string_view s) {
    for (char c : s) Add(c);
  }

 private:
  std::string* out_;
  bool space_ = true;  // drops leading spaces
};

// Fold before collapsing: lower case, NFD without non-spacing marks, the
// apostrophes and hyphens mapped.
std::string FoldWithIcu(absl::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower();
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018) c = '\'';
    if (c == 0x2010 || c == 0x2011 || c == 0x2013) c = '-';
    kept.append(c);
  }
  std::string utf8;
  kept.toUTF8String(utf8);
  return utf8;
}

// Latin letters and general punctuation, whose folds do not depend on their
// neighbours: FoldWithIcu of a string of them is the folds of its code
// points, one after the other. Each is computed once.
constexpr UChar32 kLatinEnd = 0x250;
constexpr UChar32 kPunctuationBegin = 0x2000, kPunctuationEnd = 0x2070;

const std::string* TableFold(UChar32 c) {
  static const std::vector<std::string>* table = [] {
    auto* t = new std::vector<std::string>(kLatinEnd + (kPunctuationEnd - kPunctuationBegin));
    auto fill = [&](UChar32 from, UChar32 to, size_t at) {
      for (UChar32 cp = from; cp < to; ++cp) {
        std::string utf8;
        icu::UnicodeString(cp).toUTF8String(utf8);
        (*t)[at + (cp - from)] = FoldWithIcu(utf8);
      }
    };
    fill(0, kLatinEnd, 0);
    fill(kPunctuationBegin, kPunctuationEnd, kLatinEnd);
    return t;
  }();
  if (c >= 0 && c < kLatinEnd) return &(*table)[c];
  if (c >= kPunctuationBegin && c < kPunctuationEnd) {
    return &(*table)[kLatinEnd + (c - kPunctuationBegin)];
  }
  return nullptr;
}

}  // namespace

std::string Fold(absl::string_view s) {
  // One pass, written in place (on the stack for the words and names most
  // folds are of): ASCII bytes fold to themselves lower-cased, as the table
  // has them, other code points through the table. The output is no longer
  // than the input but for table folds longer than their code point, which
  // move it to a larger buffer.
  char small[64];
  std::string large;
  char* out = small;
  size_t capacity = sizeof(small);
  if (s.size() > capacity) {
    large.resize(s.size());
    out = large.data();
    capacity = large.size();
  }
  size_t len = 0;
  bool space = true;  // drops leading spaces
  auto add = [&](char c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-') {
      space = true;
      return;
    }
    if (space && len > 0) out[len++] = ' ';
    space = false;
    out[len++] = c;
  };
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (bytes[i] < 0x80) {
      add(absl::ascii_tolower(bytes[i++]));
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    const std::string* f = TableFold(c);
    if (f == nullptr) {  // another script, or invalid UTF-8
      std::string whole;
      Collapser collapse(&whole);
      collapse.Add(FoldWithIcu(s));
      return whole;
    }
    if (len + 2 * f->size() > capacity) {
      std::string grown(out, len);
      grown.resize(len + 2 * f->size() + (n - i));
      large = std::move(grown);
      out = large.data();
      capacity = large.size();
    }
    for (char fc : *f) add(fc);
  }
  return std::string(out, len);
}

std::string PhraseRegex(absl::string_view phrase) {
  std::string out;
  size_t i = 0;
  bool space = false;
  while (i < phrase.size()) {
    size_t start = i;
    uint32_t c = text_internal::NextCodePoint(phrase, &i);
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space) {
      out += "\\s+";
      space = false;
    }
    if (c == '-') {
      out += "(?:\\s*-\\s*|\\s+)";
    } else if (c == '\'' || c == 0x2019) {
      out += "'\\s*";
    } else if (c < 0x80) {
      out += RE2::QuoteMeta(re2::StringPiece(phrase.data() + start, 1));
    } else {
      std::string base = Fold(phrase.substr(start, i - start));
      std::string self(phrase.substr(start, i - start));
      if (base.size() == 1 && absl::ascii_isalpha(static_cast<unsigned char>(base[0]))) {
        out += "[" + self + base + "]";
      } else {
        out += self;
      }
    }
  }
  if (space && !out.empty()) out += "\\s+";
  return out;
}

std::string AlternationRegex(const std::vector<std::string>& phrases,
                             bool fold_case) {
  std::vector<std::string> sorted = phrases;
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a < b;
  });
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  // Phrases that begin or end with an ASCII letter or digit get \b there,
  // so that "cent" does not match the start of "centaine" inside a longer
  // pattern (RE2's \b knows ASCII only; other edges are left open).
  auto ascii_word = [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); };
  std::string out = fold_case ? "(?i:" : "(?:";
  for (size_t k = 0; k < sorted.size(); ++k) {
    if (k > 0) out += "|";
    const std::string& p = sorted[k];
    if (!p.empty() && ascii_word(p.front())) out += "\\b";
    out += PhraseRegex(p);
    if (!p.empty() && ascii_word(p.back())) out += "\\b";
  }
  out += ")";
  return out;
}

bool ExpandMacros(absl::string_view pattern,
                  const std::function<bool(absl::string_view, std::string*)>& lookup,
                  std::string* out, std::string* error) {
  out->clear();
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out->append(pattern.data() + i, 2);
      ++i;
      // "\p{Lu}": the braces belong to the escape.
      if ((pattern[i] == 'p' || pattern[i] == 'P') && i + 1 < pattern.size() &&
          pattern[i + 1] == '{') {
        size_t close = pattern.find('}', i);
        if (close == absl::string_view::npos) close = pattern.size() - 1;
        out->append(pattern.data() + i + 1, close - i);
        i = close;
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out->push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out->push_back(c);
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out->push_back(pattern[++i]);
      continue;
    }
    if (c == '{') {
      size_t j = i + 1;
      while (j < pattern.size() &&
             (IsAsciiWordChar(pattern[j]) || pattern[j] == '_')) {
        ++j;
      }
      if (j > i + 1 && j < pattern.size() && pattern[j] == '}' &&
          absl::ascii_islower(static_cast<unsigned char>(pattern[i + 1]))) {
        absl::string_view name = pattern.substr(i + 1, j - i - 1);
        std::string expansion;
        if (!lookup(name, &expansion)) {
          *error = "unknown macro {" + std::string(name) + "}";
          return false;
        }
        out->append("(?:").append(expansion).append(")");
        i = j;
        continue;
      }
    }
    out->push_back(c);
  }
  return true;
}

std::string StripNamedGroups(absl::string_view pattern) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out.append(pattern.data() + i, 2);
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (pattern.substr(i, 4) == "(?P<") {
      size_t close = pattern.find('>', i);
      if (close != absl::string_view::npos) {
        out += "(?:";
        i = close;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

bool AtWordBoundary(absl::string_view text, size_t pos) {
  if (pos == 0 || pos >= text.size()) return true;
  size_t i = pos;
  uint32_t here = text_internal::NextCodePoint(text, &i);
  uint32_t before = PrevCodePoint(text, pos);
  return !text_internal::IsWordCodePoint(here) ||
         !text_internal::IsWordCodePoint(before);
}

absl::string_view TrimPhrase(absl::string_view s) {
  auto junk = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';' || c == ':';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace crosscheck::extract_internal
