// Counts in text: digits and number words ("quarante-deux", "vingt et un",
// "quatre-vingt-dix", "deux cents"), approximate nouns ("une dizaine",
// "des centaines"), quantifiers ("plusieurs") and hedges ("au moins").
#ifndef CROSSCHECK_ENGINE_EXTRACT_NUMBERS_H_
#define CROSSCHECK_ENGINE_EXTRACT_NUMBERS_H_

#include "absl/strings/string_view.h"
#include "extract/extract_rules_impl.h"

namespace crosscheck::extract_internal {

// Parses all of `text` as a count under `lang`'s number_words and
// count_words. False if some of it is not part of a count.
bool ParseCount(const Language& lang, absl::string_view text, Count* count);

// The number `n` written the shortest way ("4", "1.5", "1000000").
std::string FormatCountNumber(double n);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_NUMBERS_H_
