// How two values of one question relate, and why, in words.
//
// Numbers and date-times compare as intervals: containment generalizes,
// intersection overlaps, disjoint contradicts. Date-times compare at the
// coarser granularity ("2011-12" includes "2011-12-05"); a time without a
// date, or a date without a year, is placed in the other value's frame and
// then generalizes it when they agree; the same instant stated with two
// offsets is equal; a value without offset generalizes the same local time
// with one. Estimated values compare as if stated exactly: an estimate that
// matches the time is the same answer, one that misses contradicts it.
// Name lists compare as sets of persons (name_list.h's SamePerson).
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "value/datetime.h"
#include "value/name_list.h"
#include "value/parse.h"

namespace crosscheck {
namespace {

constexpr double kDaySeconds = 86400;

bool Near(double x, double y) {
  if (x == y) return true;
  if (std::isinf(x) || std::isinf(y)) return false;
  return std::fabs(x - y) <= 1e-9 * std::max(std::fabs(x), std::fabs(y));
}

Relation Intervals(double alo, double ahi, double blo, double bhi, bool closed) {
  bool lo_eq = Near(alo, blo), hi_eq = Near(ahi, bhi);
  if (lo_eq && hi_eq) return Relation::kEqual;
  bool a_has_b = (lo_eq || alo < blo) && (hi_eq || bhi < ahi);
  bool b_has_a = (lo_eq || blo < alo) && (hi_eq || ahi < bhi);
  if (a_has_b) return Relation::kGeneralizes;
  if (b_has_a) return Relation::kSpecializes;
  bool meet = closed ? (alo <= bhi && blo <= ahi) : (alo < bhi && blo < ahi);
  return meet ? Relation::kOverlaps : Relation::kContradicts;
}

Relation Flip(Relation r) {
  if (r == Relation::kGeneralizes) return Relation::kSpecializes;
  if (r == Relation::kSpecializes) return Relation::kGeneralizes;
  return r;
}

Relation Numbers(const Value& a, const Value& b) {
  if (a.unit != 0 && b.unit != 0 && a.unit != b.unit) return Relation::kContradicts;
  return Intervals(a.lo, a.hi, b.lo, b.hi, /*closed=*/true);
}

// Start of `v` in UTC seconds when both values state an offset, else local.
double Shift(const Value& v, bool utc) {
  return utc ? -60.0 * v.utc_offset_minutes : 0.0;
}

// A less precise `a` (no date, or no year) relates to `b` once placed in
// its frame: agreeing means it generalizes.
Relation Loose(Relation placed) {
  if (placed == Relation::kEqual || placed == Relation::kGeneralizes) {
    return Relation::kGeneralizes;
  }
  return placed == Relation::kSpecializes ? Relation::kOverlaps : placed;
}

Relation TimeOfDay(const Value& a, const Value& b) {
  // REQUIRES: a has no date.
  if (!b.has(Value::kHasTime)) return Relation::kOverlaps;
  bool utc = a.has(Value::kHasUtcOffset) && b.has(Value::kHasUtcOffset);
  auto tod = [](double x) { return x - std::floor(x / kDaySeconds) * kDaySeconds; };
  double alo = tod(a.lo + Shift(a, utc));
  double blo = tod(b.lo + Shift(b, utc));
  Relation r = Intervals(alo, alo + (a.hi - a.lo), blo, blo + (b.hi - b.lo), false);
  return b.has(Value::kHasDate) ? Loose(r) : r;
}

Relation DateTimes(const Value& a, const Value& b) {
  if (!a.has(Value::kHasDate)) return TimeOfDay(a, b);
  if (!b.has(Value::kHasDate)) return Flip(TimeOfDay(b, a));
  bool ya = a.has(Value::kYearMissing), yb = b.has(Value::kYearMissing);
  if (ya != yb) {
    const Value& loose = ya ? a : b;
    const Value& full = ya ? b : a;
    Value placed = CompleteDateTime(loose, static_cast<int64_t>(std::floor(full.lo / kDaySeconds)));
    placed.flags = static_cast<uint8_t>(placed.flags & ~Value::kYearInferred);
    Relation r = Loose(DateTimes(placed, full));
    return ya ? r : Flip(r);
  }
  bool oa = a.has(Value::kHasUtcOffset), ob = b.has(Value::kHasUtcOffset);
  bool utc = oa && ob;
  Relation r = Intervals(a.lo + Shift(a, utc), a.hi + Shift(a, utc), b.lo + Shift(b, utc),
                         b.hi + Shift(b, utc), /*closed=*/false);
  if (r == Relation::kEqual && oa != ob) {
    return oa ? Relation::kSpecializes : Relation::kGeneralizes;
  }
  return r;
}

Relation NameLists(const ValueStore& store, const Value& a, const Value& b,
                   size_t* matched) {
  const auto& x = store.name_list(a.list);
  const auto& y = store.name_list(b.list);
  std::vector<bool> used(y.size(), false);
  size_t m = 0;
  for (const PersonName& p : x) {
    for (size_t j = 0; j < y.size(); ++j) {
      if (!used[j] && SamePerson(p, y[j])) {
        used[j] = true;
        ++m;
        break;
      }
    }
  }
  if (matched != nullptr) *matched = m;
  if (m == x.size() && m == y.size()) return Relation::kEqual;
  if (m == x.size()) return Relation::kGeneralizes;
  if (m == y.size()) return Relation::kSpecializes;
  return m > 0 ? Relation::kOverlaps : Relation::kContradicts;
}

std::string DescribeNumber(const ValueStore& store, const Value& v) {
  std::string key(store.key(v.key));
  size_t skip = (key[0] == '>' || key[0] == '<') ? 2 : key[0] == '~' ? 1 : 0;
  absl::string_view number = absl::string_view(key).substr(skip);
  switch (v.hedge) {
    case Hedge::kAtLeast: return absl::StrCat("at least ", number);
    case Hedge::kAtMost: return absl::StrCat("at most ", number);
    case Hedge::kAbout: return absl::StrCat("about ", number);
    case Hedge::kEstimated: return absl::StrCat(number, " (estimated)");
    case Hedge::kExact: break;
  }
  return std::string(number);
}

std::string Apart(double seconds) {
  int64_t minutes = static_cast<int64_t>(std::llround(std::fabs(seconds) / 60));
  int64_t days = minutes / 1440, hours = minutes / 60 % 24, mins = minutes % 60;
  std::string out;
  auto part = [&out](int64_t n, const char* unit) {
    if (n == 0) return;
    absl::StrAppend(&out, out.empty() ? "" : " ", n, " ", unit, n == 1 ? "" : "s");
  };
  part(days, "day");
  part(hours, "hour");
  part(mins, "minute");
  return out.empty() ? "less than a minute" : out;
}

std::string DescribeDateTime(const ValueStore& store, const Value& v, bool time_only) {
  std::string key(store.key(v.key));
  size_t t = key.find('T');
  std::string out = time_only && t != std::string::npos ? key.substr(t + 1) : key;
  if (v.hedge == Hedge::kEstimated) absl::StrAppend(&out, " (estimated)");
  return out;
}

std::string ExplainDateTimes(const ValueStore& store, const Value& a, const Value& b,
                             Relation r) {
  std::string ka(store.key(a.key)), kb(store.key(b.key));
  bool same_day = a.has(Value::kHasTime) && b.has(Value::kHasTime) &&
                  ka.find('T') == kb.find('T') && ka.substr(0, ka.find('T')) == kb.substr(0, kb.find('T'));
  std::string da = DescribeDateTime(store, a, same_day);
  std::string db = DescribeDateTime(store, b, same_day);
  switch (r) {
    case Relation::kEqual:
      return ka == kb ? absl::StrCat("same time: ", da) : absl::StrCat("same instant: ", da, " = ", db);
    case Relation::kGeneralizes: return absl::StrCat(da, " includes ", db);
    case Relation::kSpecializes: return absl::StrCat(da, " is within ", db);
    case Relation::kOverlaps: return absl::StrCat(da, " and ", db, " can both hold");
    case Relation::kContradicts: break;
  }
  bool comparable = a.has(Value::kHasTime) && b.has(Value::kHasTime) &&
                    a.has(Value::kHasDate) == b.has(Value::kHasDate) &&
                    !a.has(Value::kYearMissing) && !b.has(Value::kYearMissing);
  if (!comparable) return absl::StrCat(da, " vs ", db);
  bool utc = a.has(Value::kHasUtcOffset) && b.has(Value::kHasUtcOffset);
  double diff = (a.lo + Shift(a, utc)) - (b.lo + Shift(b, utc));
  return absl::StrCat(da, " vs ", db, ", ", Apart(diff), " apart");
}

std::string ExplainNames(const ValueStore& store, const Value& a, const Value& b,
                         Relation r) {
  size_t m = 0;
  NameLists(store, a, b, &m);
  size_t na = store.name_list(a.list).size(), nb = store.name_list(b.list).size();
  auto authors = [](size_t n) { return absl::StrCat(n, n == 1 ? " author" : " authors"); };
  switch (r) {
    case Relation::kEqual: return absl::StrCat("same ", authors(na));
    case Relation::kGeneralizes: return absl::StrCat("names ", m, " of the ", authors(nb));
    case Relation::kSpecializes:
      return absl::StrCat("names all ", authors(nb), " and ", na - m, " more");
    case Relation::kOverlaps:
      return absl::StrCat(authors(m), " in common; ", na - m, " named only here, ", nb - m,
                          " only there");
    case Relation::kContradicts: break;
  }
  return absl::StrCat("no author in common (", store.key(a.key), " vs ", store.key(b.key), ")");
}

// At least one of `a`, `b` is a denial. "not X" rules out X and whatever X
// includes (X generalizes it); any other value, and any other denial, can
// hold with it.
Relation CompareDenials(const ValueStore& store, ValueId a, ValueId b) {
  const bool deny_a = store.Get(a).has(Value::kDenied);
  const bool deny_b = store.Get(b).has(Value::kDenied);
  const Relation r = Compare(store, store.Affirmed(a), store.Affirmed(b));
  if (deny_a && deny_b) return r == Relation::kEqual ? Relation::kEqual : Relation::kOverlaps;
  const bool rules_out = r == Relation::kEqual ||
                         r == (deny_a ? Relation::kGeneralizes : Relation::kSpecializes);
  return rules_out ? Relation::kContradicts : Relation::kOverlaps;
}

}  // namespace

Relation Compare(const ValueStore& store, ValueId a, ValueId b) {
  if (a == b) return Relation::kEqual;
  const Value& x = store.Get(a);
  const Value& y = store.Get(b);
  if (x.has(Value::kDenied) || y.has(Value::kDenied)) return CompareDenials(store, a, b);
  if (x.kind != y.kind) return Relation::kContradicts;
  switch (x.kind) {
    case ValueKind::kNumber: return Numbers(x, y);
    case ValueKind::kDateTime: return DateTimes(x, y);
    case ValueKind::kNameList: return NameLists(store, x, y, nullptr);
    case ValueKind::kText:
    case ValueKind::kCode: break;
  }
  return x.key == y.key ? Relation::kEqual : Relation::kContradicts;
}

std::string ExplainRelation(const ValueStore& store, ValueId a, ValueId b,
                            Relation relation) {
  const Value& x = store.Get(a);
  const Value& y = store.Get(b);
  if (x.kind != y.kind) {
    return absl::StrCat(ValueKindName(x.kind), " '", store.key(x.key), "' vs ",
                        ValueKindName(y.kind), " '", store.key(y.key), "'");
  }
  if (x.has(Value::kDenied) || y.has(Value::kDenied)) {
    const absl::string_view ka = store.key(x.key), kb = store.key(y.key);
    if (relation == Relation::kEqual) return absl::StrCat("same value: ", ka);
    if (relation == Relation::kContradicts) return absl::StrCat(ka, " vs ", kb);
    return absl::StrCat(ka, " and ", kb, " can both hold");
  }
  if (x.kind == ValueKind::kDateTime) return ExplainDateTimes(store, x, y, relation);
  if (x.kind == ValueKind::kNameList) return ExplainNames(store, x, y, relation);
  std::string da, db;
  if (x.kind == ValueKind::kNumber) {
    da = DescribeNumber(store, x);
    db = DescribeNumber(store, y);
  } else {
    da = std::string(store.key(x.key));
    db = std::string(store.key(y.key));
  }
  switch (relation) {
    case Relation::kEqual: return absl::StrCat("same value: ", da);
    case Relation::kGeneralizes: return absl::StrCat(da, " includes ", db);
    case Relation::kSpecializes: return absl::StrCat(da, " is within ", db);
    case Relation::kOverlaps: return absl::StrCat(da, " and ", db, " overlap");
    case Relation::kContradicts: break;
  }
  return absl::StrCat(da, " vs ", db);
}

}  // namespace crosscheck
