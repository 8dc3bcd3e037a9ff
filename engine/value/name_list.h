// Person-name lists ("Knuth, Donald E.; Patashnik, Oren", "Stuart J. Russell
// Peter Norvig", "By (author) Lientz, Bennet P. By (author) Rea, Kathryn P.").
//
// The cell is split at name_separator rules and parenthesized remarks; each
// piece is read as "Last, First" pairs, a "Last, First Last, First" chain, or
// "First Last" names, using initials and the given_names lexicon to find
// where one person ends. When the split is unclear the piece stays one
// person: a missed split costs less than a wrong one.
#ifndef CROSSCHECK_ENGINE_VALUE_NAME_LIST_H_
#define CROSSCHECK_ENGINE_VALUE_NAME_LIST_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/value.h"

namespace crosscheck {

// The persons of `raw`, folded, duplicates merged, sorted by surname then
// given names. Empty if no person was found.
std::vector<PersonName> ParseNames(const ValueRules::Impl& rules,
                                   absl::string_view raw);

// "knuth, donald e; patashnik, oren" (a person without given names is just
// the surname).
std::string NameListKey(const std::vector<PersonName>& persons);

// Same person: equal surnames with compatible given names ("donald e" ~ "d",
// "" ~ anything), or the same words with surname and given names swapped.
bool SamePerson(const PersonName& a, const PersonName& b);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_NAME_LIST_H_
