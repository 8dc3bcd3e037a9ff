// Small helpers shared by the ingest readers.
#ifndef CROSSCHECK_ENGINE_INGEST_READER_UTIL_H_
#define CROSSCHECK_ENGINE_INGEST_READER_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "crosscheck/ingest.h"

namespace crosscheck::internal {

// The name a canonical field ("source", "timestamp", ...) has in the input:
// options.column_map's entry for it, else the canonical name itself.
absl::string_view FieldName(const IngestOptions& options,
                            absl::string_view canonical);

// True for the provenance fields that fill Claim::as_of: "timestamp",
// "published", "as_of", "date_observed".
bool IsAsOfField(absl::string_view canonical);

// The line and 1-based column of byte `offset` of `text`, whose first byte
// is at column `first_column` of line `first_line`.
void LineColumnAt(absl::string_view text, size_t offset, uint32_t first_line,
                  uint32_t first_column, uint32_t* line, uint32_t* column);

// The calendar date that an ISO-like date starts with: "2022-08-10",
// "2022-08-10T09:00:00Z", "2022-08-10 09:00" (the date as written; a time
// zone does not move it). nullopt if `s` is not such a date or names a day
// that does not exist (2022-02-30).
std::optional<absl::CivilDay> ParseIsoDate(absl::string_view s);

// The last component of `path` ("a/b/c.txt" -> "c.txt"; "-" -> "-").
absl::string_view BaseName(absl::string_view path);

// `text` in single quotes, cut to at most 60 bytes of valid UTF-8, for
// naming input values in issue reasons.
std::string Quote(absl::string_view text);

// "line longer than N bytes".
std::string TooLongReason(absl::string_view what, size_t limit);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_READER_UTIL_H_
