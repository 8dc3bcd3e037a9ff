#include "resolve/names.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "value/text_fold.h"

namespace crosscheck::resolve_internal {
namespace {

bool IsVowel(char c) { return c != 0 && std::strchr("aeiouy", c) != nullptr; }
bool IsFront(char c) { return c == 'e' || c == 'i' || c == 'y'; }

bool StartsWith(absl::string_view s, size_t i, const char* prefix) {
  return s.substr(i, std::strlen(prefix)) == prefix;
}

// The phonetic code of the letters at w[i]; *advance receives how many bytes
// they take. 0 means silent (a vowel after the first letter, an "h").
char CodeAt(absl::string_view w, size_t i, size_t* advance) {
  const char c = w[i];
  const char next = i + 1 < w.size() ? w[i + 1] : 0;
  const char next2 = i + 2 < w.size() ? w[i + 2] : 0;
  struct Digraph {
    const char* text;
    char code;
  };
  static constexpr Digraph kDigraphs[] = {
      {"sch", 'S'}, {"tch", 'S'}, {"ch", 'S'}, {"sh", 'S'}, {"ph", 'F'},
      {"kh", 'K'},  {"th", 'T'},  {"dj", 'J'}, {"zh", 'J'}, {"qu", 'K'},
      {"ts", 'S'},  {"tz", 'S'},  {"ck", 'K'},
  };
  for (const Digraph& d : kDigraphs) {
    if (StartsWith(w, i, d.text)) {
      *advance = std::strlen(d.text);
      return d.code;
    }
  }
  *advance = 1;
  if (c == 'g' && next == 'u' && IsFront(next2)) {
    *advance = 2;
    return 'K';
  }
  switch (c) {
    case 'c':
      return IsFront(next) ? 'S' : 'K';
    case 'g':  // hard in Russian and Arabic transcriptions ("Sergei")
    case 'q':
    case 'k':
    case 'x':
      return 'K';
    case 'j':
      return 'J';
    case 'b':
    case 'p':
      return 'P';
    case 'd':
    case 't':
      return 'T';
    case 'v':
    case 'f':
    case 'w':
      return 'F';
    case 's':
    case 'z':
      return 'S';
    case 'h':
      return 0;
    case 'l':
      return 'L';
    case 'r':
      return 'R';
    case 'm':
      return 'M';
    case 'n':
      return 'N';
    default:
      break;
  }
  if (IsVowel(c)) return i == 0 ? 'A' : 0;
  return c;  // digits, bytes of non-Latin letters: kept as they are
}

void ReplaceAll(std::string* s, absl::string_view from, absl::string_view to) {
  std::string out;
  out.reserve(s->size());
  size_t i = 0;
  while (i < s->size()) {
    if (absl::string_view(*s).substr(i, from.size()) == from) {
      out.append(to.data(), to.size());
      i += from.size();
    } else {
      out.push_back((*s)[i++]);
    }
  }
  *s = std::move(out);
}

constexpr const char* kParticles[] = {"al", "el", "de", "du", "des", "la", "le",
                                      "ben", "bin", "ibn", "von", "van", "d", "l"};

bool IsParticle(absl::string_view w) {
  for (const char* p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// Edits a word of `length` bytes can take and still read as a misspelling.
int MisspellingBudget(size_t length) { return length >= 8 ? 2 : 1; }

// One aligned word pair.
struct WordPair {
  double score = 0;
  int edits = 0;
  bool equal = false;
  bool transliteration = false;
  bool phonetic = false;
};

WordPair CompareWords(const std::string& a, const std::string& b) {
  WordPair p;
  if (a == b) {
    p.score = 1;
    p.equal = p.phonetic = true;
    return p;
  }
  p.edits = DamerauDistance(a, b);
  p.phonetic = PhoneticKey(a) == PhoneticKey(b);
  if (TransliterationForm(a) == TransliterationForm(b)) {
    p.score = 1;
    p.transliteration = true;
    return p;
  }
  p.score = JaroWinkler(a, b);
  // A one-letter slip that keeps the sound reads as the same word.
  if (p.phonetic && p.edits <= MisspellingBudget(std::max(a.size(), b.size()))) {
    p.score = std::max(p.score, 0.9);
  }
  return p;
}

}  // namespace

std::string FoldName(absl::string_view name) { return FoldText(name); }

std::vector<std::string> NameTokens(absl::string_view folded) {
  std::vector<std::string> out;
  for (absl::string_view w : absl::StrSplit(folded, ' ', absl::SkipEmpty())) {
    if (!IsParticle(w)) out.emplace_back(w);
  }
  return out;
}

bool HasArticlePrefix(absl::string_view folded) {
  std::vector<absl::string_view> words = absl::StrSplit(folded, ' ', absl::SkipEmpty());
  return words.size() >= 2 && (words[0] == "al" || words[0] == "el");
}

int DamerauDistance(absl::string_view a, absl::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, prev2[j - 2] + 1);
      }
      cur[j] = best;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

double JaroWinkler(absl::string_view a, absl::string_view b) {
  if (a.empty() && b.empty()) return 1;
  if (a.empty() || b.empty()) return 0;
  const size_t window = std::max(a.size(), b.size()) / 2;
  const size_t reach = window > 0 ? window - 1 : 0;
  std::vector<bool> used_a(a.size(), false), used_b(b.size(), false);
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > reach ? i - reach : 0;
    size_t hi = std::min(b.size(), i + reach + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (used_b[j] || a[i] != b[j]) continue;
      used_a[i] = used_b[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!used_a[i]) continue;
    while (!used_b[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + prefix * 0.1 * (1 - jaro);
}

std::string PhoneticKey(absl::string_view folded_word) {
  std::string w(folded_word);
  // A leading "y" before a vowel is the vowel "i" ("Yevkurov", "Ievkourov").
  if (w.size() > 1 && w[0] == 'y' && IsVowel(w[1])) w[0] = 'i';
  std::string key;
  for (size_t i = 0; i < w.size();) {
    size_t advance = 1;
    char code = CodeAt(w, i, &advance);
    if (code != 0 && (key.empty() || key.back() != code)) key.push_back(code);
    i += advance;
  }
  const char last = w.empty() ? 0 : w.back();
  if ((last == 's' || last == 'x') && key.size() > 2 && key.back() == (last == 's' ? 'S' : 'K')) {
    key.pop_back();
  }
  return key;
}

std::string TransliterationForm(absl::string_view folded_word) {
  std::string w(folded_word);
  ReplaceAll(&w, "sch", "sh");
  ReplaceAll(&w, "tch", "ch");
  ReplaceAll(&w, "ch", "sh");
  ReplaceAll(&w, "ou", "u");
  ReplaceAll(&w, "kh", "h");
  ReplaceAll(&w, "dj", "j");
  ReplaceAll(&w, "gue", "ge");
  ReplaceAll(&w, "gui", "gi");
  if (w.size() > 1 && w[0] == 'i' && IsVowel(w[1])) w[0] = 'y';
  if (w.size() > 3 && w.back() == 'e') w.pop_back();  // French mute e
  return w;
}

NameMatch CompareNames(absl::string_view a, absl::string_view b) {
  NameMatch m;
  const std::string fa = FoldName(a), fb = FoldName(b);
  std::vector<std::string> ta = NameTokens(fa), tb = NameTokens(fb);
  if (ta.empty() || tb.empty()) {
    m.relation = SurfaceRelation::kAlias;
    m.reason = "nothing to compare";
    return m;
  }
  const bool a_longer = ta.size() >= tb.size();
  const std::vector<std::string>& longer = a_longer ? ta : tb;
  const std::vector<std::string>& shorter = a_longer ? tb : ta;
  m.surname_only = shorter.size() == 1 && longer.size() > 1;
  std::vector<WordPair> pairs;
  for (size_t i = 0; i < shorter.size(); ++i) {
    const size_t j = i + 1 == shorter.size() ? longer.size() - 1 : i;
    pairs.push_back(CompareWords(longer[j], shorter[i]));
  }
  bool all_equal = true, all_translit = true, all_phonetic = true, small_edits = true;
  double sum = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const WordPair& p = pairs[i];
    sum += p.score;
    m.edits += p.edits;
    all_equal &= p.equal;
    all_translit &= p.equal || p.transliteration;
    all_phonetic &= p.phonetic;
    const size_t len = std::max(shorter[i].size(), size_t{4});
    small_edits &= p.equal || p.edits <= MisspellingBudget(len);
  }
  m.phonetic = all_phonetic;
  m.score = sum / pairs.size();
  if (shorter.size() != longer.size() && !m.surname_only) m.score *= 0.9;
  if (all_equal) {
    m.relation = a == b                     ? SurfaceRelation::kExact
                 : m.surname_only           ? SurfaceRelation::kAlias
                 : ta.size() != tb.size()   ? SurfaceRelation::kAlias
                 : fa == fb || ta == tb     ? SurfaceRelation::kVariant
                                            : SurfaceRelation::kAlias;
    m.reason = m.relation == SurfaceRelation::kVariant ? "the same words up to case, accents or particles"
               : m.surname_only                         ? "the surname alone"
                                                        : "the same words";
  } else if (all_translit) {
    m.relation = SurfaceRelation::kTransliteration;
    m.reason = "the same name in another transliteration";
  } else if (small_edits) {
    m.relation = SurfaceRelation::kMisspelling;
    m.reason = absl::StrCat(m.edits, m.edits == 1 ? " letter differs" : " letters differ",
                            m.phonetic ? ", same sound" : "");
  } else {
    m.relation = SurfaceRelation::kAlias;
    m.reason = m.phonetic ? "different spelling, same sound" : "different names";
  }
  return m;
}

SurfaceRelation RelationOf(absl::string_view canonical, absl::string_view surface) {
  if (canonical == surface) return SurfaceRelation::kExact;
  NameMatch m = CompareNames(canonical, surface);
  return m.score > 0 ? m.relation : SurfaceRelation::kAlias;
}

}  // namespace crosscheck::resolve_internal
