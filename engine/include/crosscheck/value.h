// Typed values: what a claim's raw string means, and how two values relate.
//
// Raw cells are typed by rules (rules/values/*.json: null markers, number and
// date-time formats, units, time zones, code prefixes, name-list separators,
// attribute kind hints), never by code special cases. Every typed value is an
// interval or a canonical key, so that comparison is by type:
//   numbers and counts   closed interval [lo, hi] ("au moins 4" = [4, inf))
//   date-times           local seconds since 1970-01-01T00:00 as [lo, hi) at
//                        the stated granularity, plus a UTC offset when known
//   codes                canonical upper-case key ("Gate D5" -> "D5")
//   name lists           set of persons (surname, given names)
//   text                 NFKC, case- and accent-folded key
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_VALUE_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_VALUE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

struct Corpus;
namespace internal {
class RuleSet;
}  // namespace internal

using ValueId = uint32_t;
inline constexpr ValueId kNoValue = UINT32_MAX;

enum class ValueKind : uint8_t { kText, kNumber, kDateTime, kCode, kNameList };
// "text", "number", "datetime", "code", "names".
absl::string_view ValueKindName(ValueKind kind);
// Inverse of ValueKindName; false if `name` is not a kind.
bool ParseValueKind(absl::string_view name, ValueKind* kind);

// How a number was stated. The interval [lo, hi] already encodes the hedge;
// the hedge is kept to explain comparisons in words.
enum class Hedge : uint8_t {
  kExact,     // "4"
  kAtLeast,   // "au moins 4", "plus de 4", "plusieurs" (= at least 2)
  kAtMost,    // "jusqu'à 4", "moins de 4"
  kAbout,     // "environ 10", "une dizaine"
  kEstimated  // a scraped value marked "(Estimated)"
};
absl::string_view HedgeName(Hedge hedge);

// Finest field a date-time states. kTimeOfDay values carry no date.
enum class Granularity : uint8_t { kNone, kYear, kMonth, kDay, kMinute, kSecond };
absl::string_view GranularityName(Granularity granularity);

struct Value {
  enum Flags : uint8_t {
    kHasDate = 1 << 0,       // date-times: a calendar date is known
    kHasTime = 1 << 1,       // date-times: a time of day is known
    kHasUtcOffset = 1 << 2,  // date-times: utc_offset_minutes is meaningful
    kInteger = 1 << 3,       // numbers: stated without a fractional part
    kYearInferred = 1 << 4,  // date-times: year (or date) taken from context
    // date-times: month and day stated without a year ("Dec 05"); lo/hi
    // are those of the same date in 2000 and the key reads "--12-05".
    // TypeClaims completes such values from context where it can.
    kYearMissing = 1 << 5,
    // A denial: the statement that the value is false ("not wagner"), made
    // by ValueStore::AddDenial from a denied claim's value. Fields and
    // interval are those of the value denied; the key reads "not <key>".
    kDenied = 1 << 6,
  };

  ValueKind kind = ValueKind::kText;
  Hedge hedge = Hedge::kExact;
  Granularity granularity = Granularity::kNone;
  uint8_t flags = 0;
  int16_t utc_offset_minutes = 0;
  uint16_t unit = 0;  // index into ValueStore units, 0 = no unit
  // Numbers: [lo, hi]. Date-times: [lo, hi) in local seconds; time-of-day
  // values (no kHasDate) count seconds from midnight; year-less values
  // (kYearMissing) are placed in the year 2000.
  double lo = 0;
  double hi = 0;
  // Canonical key (ValueStore::key()): equal values have equal keys, and the
  // key is what reports print ("2011-12-01T13:55-05:00", ">=4", "D5").
  uint32_t key = 0;
  // kNameList: index into ValueStore name lists.
  uint32_t list = 0;

  bool has(Flags f) const { return (flags & f) != 0; }
};

// A person in a name list. Both fields are folded (lower case, no accents);
// `given` holds given names or initials as written, space-separated
// ("donald e"), empty when only the surname is known.
struct PersonName {
  std::string surname;
  std::string given;
};

// How value `a` relates to value `b` of the same question.
enum class Relation : uint8_t {
  kEqual,        // same value at the precision both state
  kGeneralizes,  // a is less precise and includes b ("at least 4" vs "6")
  kSpecializes,  // a is more precise and is included in b
  kOverlaps,     // neither includes the other, but both can be true
  kContradicts,  // cannot both be true
};
absl::string_view RelationName(Relation relation);
// True for every relation but kContradicts.
inline bool Compatible(Relation r) { return r != Relation::kContradicts; }

// Owns typed values, deduplicated: identical values get the same id, so claims
// with the same ValueId agree. Movable, not copyable.
class ValueStore {
 public:
  ValueStore();
  ValueStore(ValueStore&&) noexcept;
  ValueStore& operator=(ValueStore&&) noexcept;
  ~ValueStore();

  // Returns the id of `v`, adding it if no identical value exists.
  ValueId Add(const Value& v);
  // REQUIRES: id < size().
  const Value& Get(ValueId id) const { return values_[id]; }
  size_t size() const { return values_.size(); }

  // The denial of `id` (Value::kDenied), added once per value; a denial's
  // denial is the value itself. REQUIRES: id < size().
  ValueId AddDenial(ValueId id);
  // The value a denial denies; any other value is returned as is.
  ValueId Affirmed(ValueId id) const;

  // Canonical keys and units are interned strings.
  uint32_t InternKey(absl::string_view key);
  absl::string_view key(uint32_t key) const;
  absl::string_view Key(ValueId id) const { return key(Get(id).key); }
  uint32_t InternUnit(absl::string_view unit);
  absl::string_view unit(uint16_t unit) const;

  // Returns the index of `names`, adding it unless an identical list (same
  // persons in the same order) was added before.
  uint32_t AddNameList(std::vector<PersonName> names);
  const std::vector<PersonName>& name_list(uint32_t list) const;

 private:
  struct Impl;
  std::vector<Value> values_;
  std::unique_ptr<Impl> impl_;
};

// Relation of `a` to `b`; values of different kinds contradict. A denial
// ("not X") contradicts X and every value X includes; it is compatible
// (kOverlaps) with other values and other denials.
Relation Compare(const ValueStore& store, ValueId a, ValueId b);

// One line that says why `a` and `b` relate as `relation`, for reports:
// "13:55 vs 14:07, 12 minutes apart", "at least 4 includes 6".
std::string ExplainRelation(const ValueStore& store, ValueId a, ValueId b,
                            Relation relation);

// Compiled value rules (rules kinds listed in engine/rules/rule_kinds.cc).
// Immutable after construction; safe to share between threads.
class ValueRules {
 public:
  // Builds from the `values` kinds of a loaded rule set. InvalidArgument with
  // "file:line:col: message" for a rule that is malformed.
  static absl::StatusOr<std::unique_ptr<ValueRules>> FromRules(
      const internal::RuleSet& rules);
  ~ValueRules();

  // True if `cell` (untrimmed) is empty or a null marker ("n/a", "-", ...).
  bool IsNull(absl::string_view cell) const;

  // The compiled form is private to the engine (engine/value/).
  struct Impl;
  explicit ValueRules(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct TypingOptions {
  // Attribute name -> kind, overriding rule hints and detection ("--type").
  absl::flat_hash_map<std::string, ValueKind> kinds;
};

// Types every claim of `corpus` whose value is kNoValue, filling
// corpus->values. The kind of each predicate comes from `options`, then from
// attribute-kind rules, then from the values themselves. A value that does not
// parse as its predicate's kind is removed and listed as kSkippedValue (and a
// record left without claims as kSkippedRecord), keeping the file counters
// consistent. Time-only or year-less date-times take their date from the
// other values of the same subject when they agree on one (kYearInferred).
// Deterministic: depends only on the claims, not their order.
absl::Status TypeClaims(const ValueRules& rules, const TypingOptions& options,
                        Corpus* corpus);

// Parses one raw string as `kind`, for tests and the `rules check` examples.
// InvalidArgument if it does not parse; NotFound if it is a null marker.
absl::StatusOr<ValueId> ParseValue(const ValueRules& rules, ValueKind kind,
                                   absl::string_view raw, ValueStore* store);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_VALUE_H_
