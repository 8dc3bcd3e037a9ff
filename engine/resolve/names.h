// Name comparison for entity resolution: folding, edit distances, a phonetic
// key fit for French and transliterated names, and a token-aligned score.
//
// The score says how alike two names are as strings, and how they differ
// (accents, a transliteration, a likely misspelling). It never decides a
// merge alone: "Qaida" folds to the same key as "Al-Qaïda" and shares its
// phonetic key with "Goïta". Clustering (cluster.cc) weighs it with type,
// role, event and co-occurrence evidence.
#ifndef CROSSCHECK_ENGINE_RESOLVE_NAMES_H_
#define CROSSCHECK_ENGINE_RESOLVE_NAMES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/resolve.h"

namespace crosscheck::resolve_internal {

// Lower case, accents removed, punctuation and apostrophes as spaces
// ("Al-Qaïda" -> "al qaida", "N'Daw" -> "n daw"). Valid UTF-8 out.
std::string FoldName(absl::string_view name);

// The words of a folded name without name particles that carry no identity
// ("al", "el", "de", "du", "la", "le", "ben", "von", "van").
std::vector<std::string> NameTokens(absl::string_view folded);

// True if the first word of `folded` is an article that marks an
// organisation name in Arabic transcriptions ("al qaida", "el mourabitoune").
bool HasArticlePrefix(absl::string_view folded);

// Optimal string alignment distance (Damerau-Levenshtein with adjacent
// transpositions, each substring edited once), on bytes.
int DamerauDistance(absl::string_view a, absl::string_view b);

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
double JaroWinkler(absl::string_view a, absl::string_view b);

// A phonetic key of one folded word, for French and for names transliterated
// from Russian or Arabic into French or English: digraphs first (ch/sh/sch ->
// S, ph -> F, ou/oo/u -> U, qu/q/c(hard)/k/g(hard) -> K, dj/j/g(soft) -> J,
// kh -> K, y -> I), voiced and voiceless pairs merged (b/p, d/t, v/f, z/s),
// vowels after the first letter dropped, silent final s/x removed, repeats
// collapsed. "camara" and "kamara" -> "KMR"; "choigou" and "shoigu" -> "SK".
std::string PhoneticKey(absl::string_view folded_word);

// The transliteration normal form of a folded word: spellings that differ
// only by transliteration convention become equal ("choigou" and "shoigu" ->
// "shoigu", "ievkourov" and "yevkurov" -> "yevkurov", "goyta" stays).
std::string TransliterationForm(absl::string_view folded_word);

// How two names compare as strings.
struct NameMatch {
  double score = 0;  // 0..1; 1 for names that fold to the same words
  // How `b` is written relative to `a`.
  SurfaceRelation relation = SurfaceRelation::kExact;
  bool phonetic = false;      // every aligned word has the same phonetic key
  bool surname_only = false;  // one side is a single word matching the other's last
  int edits = 0;              // Damerau edits summed over aligned words
  std::string reason;         // one line: "one letter differs (k/c)"
};

// Compares name `b` with name `a` (raw text): folds both, aligns the words
// of the shorter name with words of the longer one (the last word with the
// last word, so that "Kamara" aligns with "Sadio Camara"), and scores each
// pair by Jaro-Winkler, with full credit for equal transliteration forms.
// Words that do not align make the score 0.
NameMatch CompareNames(absl::string_view a, absl::string_view b);

// The relation of a surface form to the canonical name it was resolved to,
// for the report: exact, variant (case or accents), transliteration,
// misspelling (a small edit), alias (anything else, e.g. a table alias).
SurfaceRelation RelationOf(absl::string_view canonical, absl::string_view surface);

}  // namespace crosscheck::resolve_internal

#endif  // CROSSCHECK_ENGINE_RESOLVE_NAMES_H_
