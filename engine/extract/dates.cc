#include "extract/dates.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/numbers.h"

namespace crosscheck::extract_internal {
namespace {

using Unit = DateRule::Unit;

int LeadingNumber(absl::string_view s) {
  int n = 0;
  size_t i = 0;
  while (i < s.size() && absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) {
    n = n * 10 + (s[i] - '0');
    if (n > 100000) return 0;
    ++i;
  }
  return i == 0 ? 0 : n;
}

int WeekdayIndex(absl::CivilDay d) {
  switch (absl::GetWeekday(d)) {
    case absl::Weekday::monday: return 0;
    case absl::Weekday::tuesday: return 1;
    case absl::Weekday::wednesday: return 2;
    case absl::Weekday::thursday: return 3;
    case absl::Weekday::friday: return 4;
    case absl::Weekday::saturday: return 5;
    case absl::Weekday::sunday: return 6;
  }
  return 0;
}

bool ValidDay(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  absl::CivilDay day(y, m, d);
  return day.month() == m && day.day() == d;
}

// Reads the groups of one match into `m`; false if they make no date.
bool FillMention(const Language& lang, const DateRule& rule,
                 const std::vector<re2::StringPiece>& groups, DateMention* m) {
  auto group = [&](int index) -> absl::string_view {
    if (index < 0 || groups[index].data() == nullptr) return absl::string_view();
    return absl::string_view(groups[index].data(), groups[index].size());
  };
  if (!group(rule.year).empty()) m->year = LeadingNumber(group(rule.year));
  if (!group(rule.day).empty()) m->day = LeadingNumber(group(rule.day));
  if (!group(rule.month).empty()) {
    absl::string_view month = group(rule.month);
    auto it = lang.months.find(Fold(month));
    m->month = it != lang.months.end() ? it->second : LeadingNumber(month);
    if (m->month < 1 || m->month > 12) return false;
  }
  if (!group(rule.weekday).empty()) {
    auto it = lang.weekdays.find(Fold(group(rule.weekday)));
    if (it == lang.weekdays.end()) return false;
    m->weekday = it->second;
  }
  if (m->day != 0 && (m->month == 0 || m->day > 31)) return false;
  m->relative = rule.relative;
  m->from_previous = rule.from_previous;
  m->present = rule.present;
  if (!group(rule.early).empty()) m->part = DateMention::Part::kEarly;
  if (!group(rule.mid).empty()) m->part = DateMention::Part::kMid;
  m->unit = rule.unit;
  m->amount = rule.amount;
  if (rule.relative && !group(rule.n).empty()) {
    Count n;
    if (!ParseCount(lang, group(rule.n), &n) || n.hedge != Hedge::kExact) return false;
    m->amount = static_cast<int>(rule.amount * n.value);
  }
  return m->year != 0 || m->month != 0 || m->weekday >= 0 || m->relative;
}

void SetDay(absl::CivilDay d, bool inferred, DateMention* m) {
  m->resolved = true;
  m->ry = static_cast<int>(d.year());
  m->rm = d.month();
  m->rd = d.day();
  m->granularity = Granularity::kDay;
  m->inferred = inferred;
}

void SetMonth(int y, int mo, bool inferred, DateMention* m) {
  m->resolved = true;
  m->ry = y;
  m->rm = mo;
  m->rd = 0;
  m->granularity = Granularity::kMonth;
  m->inferred = inferred;
}

void SetYear(int y, bool inferred, DateMention* m) {
  m->resolved = true;
  m->ry = y;
  m->rm = m->rd = 0;
  m->granularity = Granularity::kYear;
  m->inferred = inferred;
}

// `base` moved by the mention's offset, at the precision of its unit; a
// week is loose: the month it falls in ("il y a une semaine").
void SetOffset(absl::CivilDay base, bool inferred, DateMention* m) {
  switch (m->unit) {
    case Unit::kYear:
      SetYear(static_cast<int>(base.year()) + m->amount, inferred, m);
      return;
    case Unit::kMonth: {
      absl::CivilMonth mo = absl::CivilMonth(base) + m->amount;
      SetMonth(static_cast<int>(mo.year()), mo.month(), inferred, m);
      return;
    }
    case Unit::kDay:
      SetDay(base + m->amount, inferred, m);
      return;
    case Unit::kWeek: {
      absl::CivilDay d = base + 7 * m->amount;
      SetMonth(static_cast<int>(d.year()), d.month(), inferred, m);
      return;
    }
  }
}

void ResolveRelative(absl::CivilDay p, bool inferred, bool lower_bound, DateMention* m) {
  // Days and weeks need the publication day itself, not an estimate of it.
  if (m->unit == Unit::kDay && inferred) return;
  if (m->unit == Unit::kWeek && lower_bound) return;
  const bool by_day = m->unit == Unit::kDay || m->unit == Unit::kWeek;
  SetOffset(p, by_day ? false : inferred, m);
}

// A year-less month (and day) against a publication date.
void ResolveYearless(const Publication& pub, DateMention* m) {
  absl::CivilDay p = *pub.day;
  int y = static_cast<int>(p.year());
  int day = m->day != 0 ? m->day : 1;
  auto key = [](int mo, int d) { return mo * 100 + d; };
  int stated = key(m->month, m->day != 0 ? m->day : (m->future ? 31 : 1));
  int published = key(p.month(), p.day());
  if (pub.lower_bound) {
    // The bound decides only dates at or before it, in its own year.
    if (m->future || stated > published) return;
  } else if (m->future) {
    if (key(m->month, m->day != 0 ? m->day : 31) < published) ++y;
  } else if (stated > published) {
    --y;
  }
  if (m->day != 0) {
    if (!ValidDay(y, m->month, day)) return;
    SetDay(absl::CivilDay(y, m->month, day), pub.inferred, m);
  } else {
    SetMonth(y, m->month, pub.inferred, m);
  }
}

void ResolveWeekday(absl::CivilDay p, DateMention* m) {
  int diff = (WeekdayIndex(p) - m->weekday + 7) % 7;
  if (m->future) {
    int ahead = (m->weekday - WeekdayIndex(p) + 7) % 7;
    SetDay(p + (ahead == 0 ? 7 : ahead), false, m);
  } else {
    SetDay(p - diff, false, m);
  }
}

}  // namespace

std::optional<absl::CivilDay> DatelineDay(const Language& lang, absl::string_view text,
                                          const std::vector<int>* cues) {
  if (lang.datelines.empty()) return std::nullopt;
  std::vector<int> rules(lang.dates.size());
  for (size_t i = 0; i < rules.size(); ++i) rules[i] = static_cast<int>(i);
  // The date may follow the cue after spaces and a colon; it is no more
  // than a line's beginning long.
  constexpr size_t kDateBytes = 64;
  re2::StringPiece input(text.data(), text.size());
  std::vector<DateMention> mentions;
  for (size_t k = 0; k < lang.datelines.size(); ++k) {
    if (cues != nullptr && !std::binary_search(cues->begin(), cues->end(), static_cast<int>(k))) {
      continue;
    }
    const DatelineCue& cue = lang.datelines[k];
    re2::StringPiece m;
    size_t pos = 0;
    while (pos < text.size() && cue.re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = m.data() - text.data();
      size_t e = b + m.size();
      pos = e > b ? e : b + 1;
      if (e == b || !AtWordBoundary(text, b)) continue;
      while (e < text.size() && (text[e] == ' ' || text[e] == ':')) ++e;
      mentions.clear();
      FindDates(lang, text, static_cast<uint32_t>(e),
                static_cast<uint32_t>(std::min(text.size(), e + kDateBytes)), rules, &mentions);
      for (const DateMention& d : mentions) {
        if (d.begin != e || d.relative || d.year == 0 || d.month == 0 || d.day == 0 ||
            !ValidDay(d.year, d.month, d.day)) {
          continue;
        }
        return absl::CivilDay(d.year, d.month, d.day);
      }
    }
  }
  return std::nullopt;
}

void FindDates(const Language& lang, absl::string_view text, uint32_t begin,
               uint32_t end, const std::vector<int>& rules,
               std::vector<DateMention>* out) {
  // The spans of every rule's matches first (RE2's DFAs); where they
  // overlap, the rule of higher priority (lower index) wins, then the
  // longer mention. A match is read (its groups, anchored on it: RE2 takes
  // the same groups from the same leftmost-first match either way) only
  // when no mention kept before overlaps it; a match that makes no date is
  // no mention and keeps nothing from the others.
  struct Found {
    uint32_t begin, end;  // trimmed
    uint32_t match_end;   // as matched
    int rule;
  };
  std::vector<Found> found;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  for (int r : rules) {
    const RE2& re = *lang.dates[r].re;
    size_t pos = begin;
    while (pos < end && re.Match(input, pos, end, RE2::UNANCHORED, &whole, 1)) {
      size_t b = whole.data() - text.data();
      size_t e = b + whole.size();
      if (e == b) break;
      while (e > b && absl::ascii_isspace(static_cast<unsigned char>(text[e - 1]))) --e;
      if (!AtWordBoundary(text, b) || !AtWordBoundary(text, e)) {
        pos = b + 1;
        continue;
      }
      found.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                       static_cast<uint32_t>(b + whole.size()), r});
      pos = e;
    }
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  std::vector<DateMention> kept;
  std::vector<re2::StringPiece> groups;
  for (const Found& f : found) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const DateMention& k) {
      return f.begin < k.end && k.begin < f.end;
    });
    if (overlaps) continue;
    const DateRule& rule = lang.dates[f.rule];
    groups.assign(rule.re->NumberOfCapturingGroups() + 1, re2::StringPiece());
    if (!ReadGroups(*rule.re, rule.group_matcher.get(), input, f.begin, f.match_end,
                    groups.data(), static_cast<int>(groups.size()))) {
      continue;  // not reached: the span matched
    }
    DateMention m;
    m.begin = f.begin;
    m.end = f.end;
    m.rule = f.rule;
    if (FillMention(lang, rule, groups, &m)) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const DateMention& a, const DateMention& b) {
    return a.begin < b.begin;
  });
  // The first future-tense cue: dates after it in its clause are future
  // ("It will be recalled that Mali had received …, while two Mi-35M were
  // delivered in March": March is past).
  uint32_t future_at = end, future_end = end;
  Span cue;
  if (lang.future != nullptr && FirstMatch(*lang.future, text, begin, end, &cue)) {
    future_at = cue.begin;
    Span clause_break;
    if (lang.clause_break_re != nullptr &&
        FirstMatch(*lang.clause_break_re, text, cue.end, end, &clause_break)) {
      future_end = clause_break.begin;
    }
  }
  int context_year = 0;
  if (lang.year_re != nullptr) {
    Span year;
    size_t pos = begin;
    while (pos < end && FirstMatch(*lang.year_re, text, pos, end, &year)) {
      pos = year.end;
      int y = LeadingNumber(text.substr(year.begin, year.end - year.begin));
      if (context_year == 0) {
        context_year = y;
      } else if (context_year != y) {
        context_year = -1;
      }
    }
  }
  for (DateMention& m : kept) {
    m.future = future_at < m.begin && m.begin < future_end;
    m.context_year = std::max(context_year, 0);
    out->push_back(m);
  }
}

Publication InferPublication(const std::vector<DateMention>& mentions) {
  Publication pub;
  int latest_year = 0;
  for (const DateMention& m : mentions) {
    if (m.year != 0 && !m.future) latest_year = std::max(latest_year, m.year);
  }
  for (const DateMention& m : mentions) {
    if (latest_year == 0 || m.weekday < 0 || m.day == 0 || m.month == 0 || m.year != 0 ||
        m.future) {
      continue;
    }
    for (int y = latest_year; y <= latest_year + 6; ++y) {
      if (!ValidDay(y, m.month, m.day)) continue;
      absl::CivilDay d(y, m.month, m.day);
      if (WeekdayIndex(d) == m.weekday) {
        if (!pub.day || d > *pub.day) pub.day = d;
        break;
      }
    }
  }
  if (pub.day) {
    pub.inferred = pub.lower_bound = true;
    return pub;
  }
  for (const DateMention& m : mentions) {
    if (!m.present || m.year == 0) continue;
    // The last day of the period the expression states, or of its early
    // (first third) or middle part.
    absl::CivilDay end = m.month != 0 ? absl::CivilDay(absl::CivilMonth(m.year, m.month) + 1) - 1
                                      : absl::CivilDay(m.year, 12, 31);
    if (m.part != DateMention::Part::kWhole) {
      int third = m.part == DateMention::Part::kEarly ? 1 : 2;
      end = m.month != 0 ? absl::CivilDay(m.year, m.month, 10 * third)
                         : absl::CivilDay(absl::CivilMonth(m.year, 4 * third + 1)) - 1;
    }
    if (!pub.day || end > *pub.day) pub.day = end;
  }
  pub.inferred = pub.day.has_value();
  if (pub.day) return pub;
  // Bounds: the article comes after the start of every past period it dates
  // with a year, and before the end of every future one.
  for (const DateMention& m : mentions) {
    if (m.year == 0 || m.relative || (m.day != 0 && !ValidDay(m.year, m.month, m.day))) continue;
    absl::CivilDay start(m.year, m.month != 0 ? m.month : 1, m.day != 0 ? m.day : 1);
    absl::CivilDay end = m.day != 0     ? start
                         : m.month != 0 ? absl::CivilDay(absl::CivilMonth(start) + 1) - 1
                                        : absl::CivilDay(m.year, 12, 31);
    if (m.future) {
      if (!pub.latest || end < *pub.latest) pub.latest = end;
    } else if (!pub.earliest || start > *pub.earliest) {
      pub.earliest = start;
    }
  }
  if (!pub.earliest || !pub.latest || *pub.earliest > *pub.latest) {
    pub.earliest.reset();
    pub.latest.reset();
  }
  return pub;
}

void ResolveDate(const Publication& pub, DateMention* m) {
  m->resolved = false;
  if (!pub.day && pub.earliest && pub.latest && m->year == 0) {
    Publication first, last;
    first.day = pub.earliest;
    last.day = pub.latest;
    DateMention a = *m, b = *m;
    ResolveDate(first, &a);
    ResolveDate(last, &b);
    if (a.resolved && b.resolved && a.granularity == b.granularity && DateKey(a) == DateKey(b)) {
      *m = a;
      m->inferred = true;
      return;
    }
  }
  if (m->relative) {
    if (pub.day) ResolveRelative(*pub.day, pub.inferred, pub.lower_bound, m);
    return;
  }
  if (m->year != 0) {
    if (m->day != 0 && ValidDay(m->year, m->month, m->day)) {
      SetDay(absl::CivilDay(m->year, m->month, m->day), false, m);
    } else if (m->month != 0 && m->day == 0) {
      SetMonth(m->year, m->month, false, m);
    } else if (m->month == 0) {
      SetYear(m->year, false, m);
    }
    return;
  }
  if (m->month != 0) {
    if (pub.day) {
      ResolveYearless(pub, m);
    } else if (m->context_year > 0) {
      if (m->day != 0 && ValidDay(m->context_year, m->month, m->day)) {
        SetDay(absl::CivilDay(m->context_year, m->month, m->day), true, m);
      } else if (m->day == 0) {
        SetMonth(m->context_year, m->month, true, m);
      }
    }
    return;
  }
  if (m->weekday >= 0 && pub.day && !pub.inferred) ResolveWeekday(*pub.day, m);
}

void ResolveInOrder(const Publication& pub, DateMention* m, PreviousDates* last) {
  if (!m->from_previous) {
    ResolveDate(pub, m);
    if (m->resolved && m->granularity == Granularity::kDay) last->day = *m;
    if (m->resolved && m->granularity != Granularity::kYear) last->month = *m;
    return;
  }
  m->resolved = false;
  // Months and years count from the last month or day, days and weeks from
  // the last day.
  const bool by_month = m->unit == DateRule::Unit::kMonth || m->unit == DateRule::Unit::kYear;
  const std::optional<DateMention>& from = by_month ? last->month : last->day;
  if (!from.has_value()) return;
  SetOffset(absl::CivilDay(from->ry, from->rm, from->rd == 0 ? 1 : from->rd), from->inferred, m);
}

std::string DateKey(const DateMention& m) {
  switch (m.granularity) {
    case Granularity::kDay: return absl::StrFormat("%04d-%02d-%02d", m.ry, m.rm, m.rd);
    case Granularity::kMonth: return absl::StrFormat("%04d-%02d", m.ry, m.rm);
    default: return absl::StrFormat("%04d", m.ry);
  }
}

void DateInterval(const DateMention& m, double* lo, double* hi) {
  constexpr double kDaySeconds = 86400;
  absl::CivilDay epoch(1970, 1, 1);
  absl::CivilDay start(m.ry, m.rm == 0 ? 1 : m.rm, m.rd == 0 ? 1 : m.rd);
  absl::CivilDay stop;
  if (m.granularity == Granularity::kDay) {
    stop = start + 1;
  } else if (m.granularity == Granularity::kMonth) {
    stop = absl::CivilDay(absl::CivilMonth(start) + 1);
  } else {
    stop = absl::CivilDay(absl::CivilYear(start) + 1);
  }
  *lo = static_cast<double>(start - epoch) * kDaySeconds;
  *hi = static_cast<double>(stop - epoch) * kDaySeconds;
}

}  // namespace crosscheck::extract_internal
