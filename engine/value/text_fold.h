// Unicode folding shared by text keys and person names.
#ifndef CROSSCHECK_ENGINE_VALUE_TEXT_FOLD_H_
#define CROSSCHECK_ENGINE_VALUE_TEXT_FOLD_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck {

// The text key of `s`: NFKC (ICU), case-folded, accents removed, every run of
// punctuation, symbols and white space collapsed to one space, trimmed.
// Invalid UTF-8 bytes become U+FFFD. "  Élan-Vital!! " -> "elan vital".
std::string FoldText(absl::string_view s);

// Replaces HTML character references ("&amp;", "&#233;", "&#xE9;",
// "&eacute;", "&Eacute;", "&rsquo;"; the ';' may be missing, as browsers
// allow) with the characters they name; unknown references stay as written,
// and numbers that name no character become U+FFFD.
std::string DecodeHtmlEntities(absl::string_view s);

// ASCII white space and no-break spaces removed from both ends.
absl::string_view TrimSpace(absl::string_view s);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_TEXT_FOLD_H_
