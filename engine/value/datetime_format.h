// The date-time format mini-language of datetime_format rules, compiled to a
// small matcher (no regular expression runs per cell).
//
//   %Y  year, 4 digits            %y  year, 2 digits (pivot from the rules)
//   %m  month, 1-2 digits         %b  month name (month_names lexicons; %B same)
//   %d  day, 1-2 digits (%e same) %a  weekday name (weekday_names; %A same)
//   %H  hour 0-23, 1-2 digits     %I  hour 1-12, 1-2 digits (needs %p)
//   %M  minute, 2 digits          %S  second, 2 digits
//   %p  day period (day_periods lexicon: AM, p.m., a, noon...; %P same)
//   %Z  zone abbreviation (time_zone table: EST -> -05:00)
//   %z  numeric offset: -05:00, -0500, +01
//   %*X matches field X and ignores it (scanf's assignment suppression)
//   %%  a literal '%'
//   ' ' any run of white space, possibly empty (space, tab, no-break space)
//   any other byte: itself, ASCII case-insensitively
//
// Numeric fields take the whole run of digits and fail if it is longer than
// the field allows. A name (%b, %a) must end at a non-letter and may carry an
// abbreviation dot ("Dec.", "févr.") unless the format itself writes the dot
// next. Lexicon fields try the longest entry first and fall back to shorter
// ones. White space may trail the matched text.
#ifndef CROSSCHECK_ENGINE_VALUE_DATETIME_FORMAT_H_
#define CROSSCHECK_ENGINE_VALUE_DATETIME_FORMAT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/value.h"

namespace crosscheck {

inline constexpr int kNoOffset = -100000;

// What a format match read. Unknown fields keep their defaults.
struct DateTimeFields {
  int year = -1;
  int month = 0;
  int day = 0;
  int hour = -1;  // 0-23 once the day period is applied
  int minute = -1;
  int second = -1;
  int period = -1;  // 0 am, 1 pm, -1 not stated
  int offset_minutes = kNoOffset;
};

struct DateTimeFormat {
  enum class Op : uint8_t {
    kLiteral, kSpace, kYear4, kYear2, kMonth, kMonthName, kDay, kWeekday,
    kHour24, kHour12, kMinute, kSecond, kPeriod, kZone, kOffset
  };
  struct Step {
    Op op = Op::kLiteral;
    bool skip = false;
    std::string literal;  // kLiteral: folded bytes
  };
  std::string rule_id;
  std::string text;
  std::vector<Step> steps;
  // What the first byte of a matching text can be: digit, letter, other.
  bool first_digit = false;
  bool first_letter = false;
  bool first_other = false;
};

// Compiles `format`. On failure returns false and sets `*error` to a message
// naming the offending directive and its byte offset.
bool CompileDateTimeFormat(absl::string_view format, DateTimeFormat* out,
                           std::string* error);

// Matches all of `text` (leading white space already removed) against `f`,
// reading names from `rules`. The hour is still 12-hour when %I matched:
// callers apply `period`. On failure, `*value_dependent` (if not null) tells
// whether a digit's value decided it (month 13); otherwise every text of the
// same shape (same bytes, any digits in place of digits) fails too.
bool MatchDateTimeFormat(const DateTimeFormat& f, const ValueRules::Impl& rules,
                         absl::string_view text, DateTimeFields* out,
                         bool* value_dependent = nullptr);

// Lower-cases ASCII letters and Latin-1 capitals in UTF-8 ("É" -> "é"), the
// folding every date-time lexicon uses.
std::string FoldLexiconText(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_DATETIME_FORMAT_H_
