// Text helpers shared by the extract rule compiler and the matchers:
// folding for lexicon look-ups, literal phrases as tolerant patterns, {name}
// macro expansion, and word boundaries.
#ifndef CROSSCHECK_ENGINE_EXTRACT_LEXICON_H_
#define CROSSCHECK_ENGINE_EXTRACT_LEXICON_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::extract_internal {

// Lower case, accents removed, "-" and white space runs as one space, ’ as
// ', trimmed: "Quatre-Vingt-Dix" -> "quatre vingt dix".
std::string Fold(absl::string_view s);

// A literal phrase as a pattern that tolerates what writers vary: accented
// letters also match their base letter, spaces match any white space, a
// hyphen matches a hyphen or a space. Case is left to the caller's (?i).
std::string PhraseRegex(absl::string_view phrase);

// `phrases` as one alternation, longest first (so that RE2's leftmost-first
// choice is the longest phrase), wrapped as "(?i:...)" when `fold_case`.
std::string AlternationRegex(const std::vector<std::string>& phrases,
                             bool fold_case);

// Replaces each {name} of `pattern` (outside character classes, not
// escaped) by "(?:" + lookup(name) + ")". lookup returns false for an
// unknown name; then *error names it and the result is false.
bool ExpandMacros(absl::string_view pattern,
                  const std::function<bool(absl::string_view, std::string*)>& lookup,
                  std::string* out, std::string* error);

// "(?P<x>...)" groups become "(?:...)".
std::string StripNamedGroups(absl::string_view pattern);

// True when text[pos] starts a word or text[pos - 1] ends one, i.e. pos is
// not inside a word (letters and digits of any script).
bool AtWordBoundary(absl::string_view text, size_t pos);

// Text without leading and trailing white space and punctuation ", ; :".
absl::string_view TrimPhrase(absl::string_view s);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_LEXICON_H_
