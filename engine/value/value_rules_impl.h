// The compiled form of the "values" rule kinds, shared by the typing code.
// Every table here comes from rules/values/*.json; the code that reads them
// (number.cc, datetime.cc, name_list.cc, ...) holds no language data.
#ifndef CROSSCHECK_ENGINE_VALUE_VALUE_RULES_IMPL_H_
#define CROSSCHECK_ENGINE_VALUE_VALUE_RULES_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "crosscheck/value.h"
#include "re2/re2.h"
#include "value/datetime_format.h"

namespace crosscheck {

// A word or phrase of a lexicon with the value it stands for. Lexicons are
// kept longest entry first, so that a prefix match takes "december" before
// "dec".
struct LexiconEntry {
  std::string text;  // folded: ASCII and Latin-1 letters lower-cased
  int value = 0;
};

struct ValueRules::Impl {
  // null_markers: folded (ASCII lower case, trimmed) cells that state nothing.
  absl::flat_hash_set<std::string> null_markers;
  // null_pattern: full-match patterns (case-insensitive) over the trimmed cell.
  std::vector<std::unique_ptr<RE2>> null_patterns;

  // attribute_kind: the first pattern (by priority) that fully matches an
  // attribute name gives its kind.
  struct AttributeKind {
    std::string rule_id;
    std::unique_ptr<RE2> pattern;
    ValueKind kind;
  };
  std::vector<AttributeKind> attribute_kinds;

  // number_format: digit grouping and decimal mark, tried by priority.
  struct NumberFormat {
    std::string rule_id;
    std::vector<std::string> group_separators;
    std::string decimal_mark;
  };
  std::vector<NumberFormat> number_formats;

  // number_hedge: words before or after a number that make it an interval.
  struct HedgeMarker {
    std::string text;  // folded
    Hedge hedge = Hedge::kExact;
    bool strict = false;  // "more than 4": an integer bound moves by one
    double tolerance = 0;  // kAbout: relative half-width
  };
  std::vector<HedgeMarker> hedge_prefixes;  // longest first
  std::vector<HedgeMarker> hedge_suffixes;  // longest first

  // unit: alias -> base unit and factor to it.
  struct Unit {
    std::string base;
    double factor = 1;
  };
  absl::flat_hash_map<std::string, Unit> units;  // folded alias -> unit
  size_t longest_unit_alias = 0;

  // annotation: trailing markers removed from date-times and numbers,
  // longest first; `hedge` is kEstimated for "(Estimated)".
  struct Annotation {
    std::string text;  // folded
    Hedge hedge = Hedge::kExact;
  };
  std::vector<Annotation> annotations;

  // Date-time lexicons and tables, longest entry first.
  std::vector<LexiconEntry> months;      // value 1..12
  std::vector<LexiconEntry> weekdays;    // value 1..7, Monday first
  std::vector<LexiconEntry> day_periods;  // value 0 = am, 1 = pm
  absl::flat_hash_map<std::string, int> time_zones;  // upper case -> minutes
  int two_digit_year_pivot = 70;  // yy < pivot -> 20yy, else 19yy

  // datetime_format: compiled formats, by priority.
  std::vector<DateTimeFormat> datetime_formats;

  // code_format: prefixes removed (RE2, anchored at the start), characters
  // removed, then upper case.
  std::vector<std::unique_ptr<RE2>> code_prefixes;
  std::string code_removed_chars;

  // Name lists.
  std::vector<std::string> name_separators;   // folded, matched as tokens
  absl::flat_hash_set<std::string> name_affixes;  // folded tokens dropped
  absl::flat_hash_set<std::string> given_names;   // folded
  absl::flat_hash_set<std::string> surname_particles;  // folded

  // The kind rules assign to `attribute`, or false when no rule matches.
  bool KindOf(absl::string_view attribute, ValueKind* kind) const;
  // True if `trimmed` matches a null marker or null pattern.
  bool IsNullTrimmed(absl::string_view trimmed) const;
  // `s` without surrounding white space and trailing annotations; sets
  // `*hedge` to the strongest hedge an annotation carried.
  absl::string_view StripAnnotations(absl::string_view s, Hedge* hedge) const;
};

// ASCII white space trimmed, ASCII letters lower-cased.
std::string FoldCell(absl::string_view cell);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_VALUE_RULES_IMPL_H_
