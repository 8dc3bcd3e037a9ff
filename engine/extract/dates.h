// Dates in sentences: absolute ("le 25 juin 2019"), partial ("en avril",
// "fin 2022"), weekdays ("mardi", "dimanche (7 août)") and relative
// expressions ("l'année dernière", "il y a deux ans"), resolved against the
// publication date, which is inferred from the text when the metadata has
// none and the text bounds it.
#ifndef CROSSCHECK_ENGINE_EXTRACT_DATES_H_
#define CROSSCHECK_ENGINE_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "crosscheck/value.h"
#include "extract/extract_rules_impl.h"

namespace crosscheck::extract_internal {

struct DateMention {
  uint32_t begin = 0;  // normalized text offsets
  uint32_t end = 0;
  int rule = -1;       // index into Language::dates
  // As stated; 0 (weekday: -1) when absent.
  int year = 0, month = 0, day = 0, weekday = -1;
  bool relative = false;
  bool from_previous = false;  // DateRule::from_previous
  DateRule::Unit unit = DateRule::Unit::kYear;
  int amount = 0;
  bool future = false;  // a future-tense verb stands before it in the sentence
  bool present = false;  // it states when the article is written
  // The part of the period it states: the whole, or its early or middle
  // part ("en ce début d'année 2023").
  enum class Part : uint8_t { kWhole, kEarly, kMid } part = Part::kWhole;
  int context_year = 0;  // the one year the sentence names, if any

  // Set by ResolveDate.
  bool resolved = false;
  int ry = 0, rm = 0, rd = 0;
  Granularity granularity = Granularity::kNone;
  bool inferred = false;  // from an inferred publication date or context year
};

struct Publication {
  std::optional<absl::CivilDay> day;
  bool inferred = false;  // `day` was read from the text, not the metadata
  // With `inferred`: whether `day` is only a lower bound (a past weekday and
  // date) rather than an estimate (a "present" expression).
  bool lower_bound = false;
  // Without `day`: the days the text bounds the publication to, when it
  // states a past date with its year ("En avril 2022, le Mali a accepté")
  // and a future one ("D'ici fin 2022"). A date resolves when it resolves
  // the same way against both.
  std::optional<absl::CivilDay> earliest, latest;
};

// Appends the date mentions of sentence text[begin, end): every match of the
// date rules in `rules` (indices into lang.dates); where they overlap, the
// mention of the rule of higher priority (lower index) wins, then the longer.
void FindDates(const Language& lang, absl::string_view text, uint32_t begin,
               uint32_t end, const std::vector<int>& rules,
               std::vector<DateMention>* out);

// The publication date the mentions bound: a weekday named with its day and
// month but no year ("dimanche (7 août)") falls on that weekday only in some
// years; the first such year from the latest explicit year of the text
// (within six years) dates it, and the latest of those dates is a lower
// bound of the publication. Without such a pair, a "present" expression
// gives an estimate: the end of the period it states ("en ce mois d'août
// 2022": 31 August), or of the early or middle part it names ("En ce début
// d'année 2023": 30 April). Otherwise no day: the article stays undated, though past and
// future dates with their years may still bound it (earliest, latest).
Publication InferPublication(const std::vector<DateMention>& mentions);

// Resolves `m` against `pub`: explicit years as stated; year-less dates and
// weekdays to the most recent such date on or before publication (the next
// one for the future tense); relative expressions by their offset. With an
// inferred publication (a lower bound) only what the bound decides is
// resolved, and marked inferred. With bounds only, what resolves the same
// way at both bounds is resolved, and marked inferred. Otherwise a year-less
// date takes the sentence's one year when it names one, or stays unresolved.
void ResolveDate(const Publication& pub, DateMention* m);

// The last mentions of a text resolved to a day, and to a month or a day.
struct PreviousDates {
  std::optional<DateMention> day;
  std::optional<DateMention> month;
};

// ResolveDate for the mentions of a text in order, `last` starting empty.
// A mention whose offset counts from the previous date takes it plus the
// offset: days from the last day ("two days after"), weeks from it to the
// month they fall in, months and years from the last month or day ("six
// months later": September 2021 gives March 2022). Without such a date it
// stays unresolved (and the extractor drops it: its words are no date).
void ResolveInOrder(const Publication& pub, DateMention* m, PreviousDates* last);

// The publication day the page's own dateline states: the first date with
// its day, month and year that starts where a dateline cue of `lang` ends
// ("Publié le 9 août 2022 à 18h05", "Published: 2022-08-09"), trying the
// cues in priority order; none when no cue is followed by such a date.
// `cues` (optional) lists, in order, the indices into lang.datelines of the
// cues the text matches at all; the others are not searched for.
std::optional<absl::CivilDay> DatelineDay(const Language& lang, absl::string_view text,
                                          const std::vector<int>* cues = nullptr);

// "2022-08-09", "2022-08" or "2022". REQUIRES: m.resolved.
std::string DateKey(const DateMention& m);

// [lo, hi) in seconds since 1970-01-01 of a resolved mention.
void DateInterval(const DateMention& m, double* lo, double* hi);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_DATES_H_
