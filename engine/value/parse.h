// Parsing one raw cell per value kind, with the compiled rules. Each parser
// adds the typed value to the store and returns its id; none of them treats
// null markers (ParseRaw does, first).
#ifndef CROSSCHECK_ENGINE_VALUE_PARSE_H_
#define CROSSCHECK_ENGINE_VALUE_PARSE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/value.h"

namespace crosscheck {

enum class ParseResult : uint8_t { kOk, kNull, kInvalid };

struct DateTimeShapeCache;

// Null check, then the parser of `kind`. `cache` (may be null) speeds up
// date-times over many cells.
ParseResult ParseRaw(const ValueRules::Impl& rules, ValueKind kind,
                     absl::string_view raw, ValueStore* store, ValueId* id,
                     DateTimeShapeCache* cache = nullptr);

// "not a date-time: 'Contact Airline'" (the excerpt cut to 60 bytes).
std::string NotAKindReason(ValueKind kind, absl::string_view raw);

bool ParseNumber(const ValueRules::Impl& rules, absl::string_view raw,
                 ValueStore* store, ValueId* id);
bool ParseDateTimeValue(const ValueRules::Impl& rules, absl::string_view raw,
                        ValueStore* store, ValueId* id,
                        DateTimeShapeCache* cache = nullptr);
bool ParseCode(const ValueRules::Impl& rules, absl::string_view raw,
               ValueStore* store, ValueId* id);
bool ParseText(absl::string_view raw, ValueStore* store, ValueId* id);
bool ParseNameList(const ValueRules::Impl& rules, absl::string_view raw,
                   ValueStore* store, ValueId* id);

// The number printed the shortest way that reads back the same ("4", "4.5",
// "1234567", "0.001").
std::string FormatNumber(double x);

// Adds a date-time value, computing its key. Used by parsing and completion.
ValueId AddDateTime(const Value& v, ValueStore* store);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_PARSE_H_
