// Date-time values: parsing a cell with the datetime_format rules, the
// canonical ISO 8601 key, and completing a time-only or year-less value from
// a reference date.
#ifndef CROSSCHECK_ENGINE_VALUE_DATETIME_H_
#define CROSSCHECK_ENGINE_VALUE_DATETIME_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

#include "absl/strings/string_view.h"
#include "crosscheck/value.h"
#include "value/datetime_format.h"

namespace crosscheck {

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int64_t days, int* year, int* month, int* day);

// The year that stands for "no year" in year-less values (a leap year, so
// that "Feb 29" is representable).
inline constexpr int kYearlessYear = 2000;

// Remembers, per text shape (digits replaced by '0'), which formats cannot
// match any text of that shape, so that a corpus of many distinct times in
// few formats tries one or two formats per cell. Results are the same as
// without it. Not thread-safe: one per typing run.
struct DateTimeShapeCache {
  absl::flat_hash_map<std::string, std::vector<bool>> excluded;
};

// Strips annotations, then tries every datetime_format rule by priority.
// Returns false if none matches or the date does not exist (Feb 30).
// On success `*value` holds everything but the key. `cache` may be null.
bool ParseDateTime(const ValueRules::Impl& rules, absl::string_view raw,
                   Value* value, DateTimeShapeCache* cache = nullptr);

// The canonical key of a date-time value: "2011-12-01T13:55-05:00",
// "2011-12-01T13:55", "2011-12-01", "2011-12", "2011", "T13:55",
// "--12-05T13:55" (year not stated).
std::string DateTimeKey(const Value& v);

// `v` (time-only or year-less) completed with the date `ref_days`: a time
// takes the whole date; a year-less date takes the year that puts it nearest
// to the reference (an arrival "Dec 02" of a 2011-12-01 flight stays
// 2011-12-02; "Jan 01" next to 2011-12-31 becomes 2012). Sets kYearInferred.
// REQUIRES: v is a date-time without kHasDate, or with kYearMissing.
Value CompleteDateTime(const Value& v, int64_t ref_days);

// True if `v` needs a date from context.
inline bool NeedsDate(const Value& v) {
  return v.kind == ValueKind::kDateTime &&
         (!v.has(Value::kHasDate) || v.has(Value::kYearMissing));
}

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_DATETIME_H_
