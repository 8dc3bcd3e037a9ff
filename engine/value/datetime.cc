#include "value/datetime.h"

#include <cstdlib>

#include "absl/strings/str_format.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

constexpr int64_t kDay = 86400;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Applies the day period and checks the calendar. False for "Feb 30",
// "13:00 PM" and the like.
bool Normalize(DateTimeFields* f) {
  if (f->period >= 0 && f->hour >= 0) {
    f->hour = f->hour % 12 + (f->period == 1 ? 12 : 0);
  }
  if (f->day > 0) {
    int y = f->year >= 0 ? f->year : kYearlessYear;
    if (f->month <= 0 || f->day > DaysInMonth(y, f->month)) return false;
  }
  return true;
}

void Build(const DateTimeFields& f, Hedge hedge, Value* v) {
  *v = Value();
  v->kind = ValueKind::kDateTime;
  v->hedge = hedge;
  int64_t tod = 0;
  int64_t tod_span = 0;
  if (f.hour >= 0) {
    v->flags |= Value::kHasTime;
    tod = f.hour * 3600 + f.minute * 60 + (f.second >= 0 ? f.second : 0);
    tod_span = f.second >= 0 ? 1 : 60;
    v->granularity = f.second >= 0 ? Granularity::kSecond : Granularity::kMinute;
    if (f.offset_minutes != kNoOffset) {
      v->flags |= Value::kHasUtcOffset;
      v->utc_offset_minutes = static_cast<int16_t>(f.offset_minutes);
    }
  }
  if (f.year < 0 && f.month <= 0) {  // time of day only
    v->lo = static_cast<double>(tod);
    v->hi = static_cast<double>(tod + tod_span);
    return;
  }
  v->flags |= Value::kHasDate;
  int year = f.year;
  if (year < 0) {
    v->flags |= Value::kYearMissing;
    year = kYearlessYear;
  }
  int month = f.month > 0 ? f.month : 1;
  int day = f.day > 0 ? f.day : 1;
  int64_t start = DaysFromCivil(year, month, day) * kDay;
  int64_t end;
  if (f.hour >= 0) {
    start += tod;
    end = start + tod_span;
  } else if (f.day > 0) {
    v->granularity = Granularity::kDay;
    end = start + kDay;
  } else if (f.month > 0) {
    v->granularity = Granularity::kMonth;
    end = DaysFromCivil(month == 12 ? year + 1 : year, month % 12 + 1, 1) * kDay;
  } else {
    v->granularity = Granularity::kYear;
    end = DaysFromCivil(year + 1, 1, 1) * kDay;
  }
  v->lo = static_cast<double>(start);
  v->hi = static_cast<double>(end);
}

void Append2(int64_t n, std::string* out) {
  out->push_back(static_cast<char>('0' + n / 10 % 10));
  out->push_back(static_cast<char>('0' + n % 10));
}

void AppendTime(int64_t secs, const Value& v, std::string* out) {
  int64_t tod = ((secs % kDay) + kDay) % kDay;
  out->push_back('T');
  Append2(tod / 3600, out);
  out->push_back(':');
  Append2(tod / 60 % 60, out);
  if (v.granularity == Granularity::kSecond) {
    out->push_back(':');
    Append2(tod % 60, out);
  }
  if (v.has(Value::kHasUtcOffset)) {
    int off = v.utc_offset_minutes;
    out->push_back(off < 0 ? '-' : '+');
    Append2(std::abs(off) / 60, out);
    out->push_back(':');
    Append2(std::abs(off) % 60, out);
  }
}

}  // namespace

int64_t DaysFromCivil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* year, int* month, int* day) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (*month <= 2));
}

bool ParseDateTime(const ValueRules::Impl& rules, absl::string_view raw,
                   Value* value, DateTimeShapeCache* cache) {
  Hedge hedge = Hedge::kExact;
  absl::string_view s = rules.StripAnnotations(raw, &hedge);
  if (s.empty()) return false;
  std::vector<bool>* excluded = nullptr;
  if (cache != nullptr) {
    std::string shape(s);
    for (char& c : shape) {
      if (c >= '0' && c <= '9') c = '0';
    }
    excluded = &cache->excluded[shape];
    excluded->resize(rules.datetime_formats.size(), false);
  }
  for (size_t i = 0; i < rules.datetime_formats.size(); ++i) {
    if (excluded != nullptr && (*excluded)[i]) continue;
    DateTimeFields fields;
    bool value_dependent = false;
    if (!MatchDateTimeFormat(rules.datetime_formats[i], rules, s, &fields, &value_dependent)) {
      if (excluded != nullptr && !value_dependent) (*excluded)[i] = true;
      continue;
    }
    if (!Normalize(&fields)) continue;
    Build(fields, hedge, value);
    return true;
  }
  return false;
}

std::string DateTimeKey(const Value& v) {
  std::string out;
  const int64_t lo = static_cast<int64_t>(v.lo);
  if (!v.has(Value::kHasDate)) {
    AppendTime(lo, v, &out);
    return out;
  }
  int y, m, d;
  CivilFromDays(FloorDiv(lo, kDay), &y, &m, &d);
  out.reserve(24);
  if (v.has(Value::kYearMissing)) {
    out.append("--");
    Append2(m, &out);
    out.push_back('-');
    Append2(d, &out);
  } else {
    Append2(y / 100, &out);
    Append2(y % 100, &out);
    if (v.granularity >= Granularity::kMonth) {
      out.push_back('-');
      Append2(m, &out);
    }
    if (v.granularity >= Granularity::kDay) {
      out.push_back('-');
      Append2(d, &out);
    }
  }
  if (v.has(Value::kHasTime)) AppendTime(lo, v, &out);
  return out;
}

Value CompleteDateTime(const Value& v, int64_t ref_days) {
  Value out = v;
  const int64_t lo = static_cast<int64_t>(v.lo);
  const int64_t span = static_cast<int64_t>(v.hi) - lo;
  int64_t start;
  if (!v.has(Value::kHasDate)) {
    start = ref_days * kDay + lo;
  } else {
    int y, m, d;
    CivilFromDays(FloorDiv(lo, kDay), &y, &m, &d);
    int64_t tod = lo - FloorDiv(lo, kDay) * kDay;
    int ry, rm, rd;
    CivilFromDays(ref_days, &ry, &rm, &rd);
    int64_t best = 0;
    bool found = false;
    for (int cy = ry - 1; cy <= ry + 1; ++cy) {
      if (d > DaysInMonth(cy, m)) continue;
      int64_t days = DaysFromCivil(cy, m, d);
      if (!found || std::llabs(days - ref_days) < std::llabs(best - ref_days)) {
        best = days;
        found = true;
      }
    }
    if (!found) return v;  // Feb 29 with no leap year near: keep as stated
    start = best * kDay + tod;
  }
  out.lo = static_cast<double>(start);
  out.hi = static_cast<double>(start + span);
  out.flags = static_cast<uint8_t>((out.flags | Value::kHasDate | Value::kYearInferred) &
                                   ~Value::kYearMissing);
  return out;
}

}  // namespace crosscheck
