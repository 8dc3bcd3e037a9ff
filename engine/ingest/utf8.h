// UTF-8 validation and repair for ingest.
//
// Validation follows RFC 3629: overlong forms, surrogates (U+D800..U+DFFF) and
// code points above U+10FFFF are invalid. Repair replaces each maximal
// subpart of an ill-formed sequence with U+FFFD (the practice of Unicode
// chapter 3 and the WHATWG decoder), so "\xE2\x82" becomes one U+FFFD and
// "\xFF\xFE" two. ASCII runs are checked eight bytes at a time.
#ifndef CROSSCHECK_ENGINE_INGEST_UTF8_H_
#define CROSSCHECK_ENGINE_INGEST_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck::internal {

// The encoding of U+FFFD REPLACEMENT CHARACTER.
inline constexpr absl::string_view kReplacementChar = "\xEF\xBF\xBD";

// Offset of the first byte of the first ill-formed sequence in `s`, or
// absl::string_view::npos if `s` is valid UTF-8.
size_t FindInvalidUtf8(absl::string_view s);

inline bool IsValidUtf8(absl::string_view s) {
  return FindInvalidUtf8(s) == absl::string_view::npos;
}

// Appends `s` to `*out`, replacing each maximal ill-formed subpart with
// U+FFFD. Returns the number of replacements made.
size_t AppendRepairedUtf8(absl::string_view s, std::string* out);

// `s` with invalid sequences replaced (a copy even when `s` is valid).
std::string RepairUtf8(absl::string_view s);

// At most `max_bytes` bytes of `s` as valid UTF-8, for issue excerpts: repairs
// invalid sequences, then cuts at a character boundary so no character is
// split. Never longer than `max_bytes`.
std::string Utf8Excerpt(absl::string_view s, size_t max_bytes = 80);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_UTF8_H_
