#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"
#include "tests/value/value_test_support.h"

namespace crosscheck {
namespace {

using testing::KeyOf;

struct Case {
  const char* in;
  const char* key;
};

// Every format seen in the Flight files (2011-12), with the key checked by
// hand: ISO 8601 in the stated local time, offset where stated.
constexpr Case kFlightFormats[] = {
    {"12/01/2011 01:55 PM", "2011-12-01T13:55"},
    {"12/1/2011 2:07PM EST", "2011-12-01T14:07-05:00"},
    {"12/1/11 2:06 PM (-05:00)", "2011-12-01T14:06-05:00"},
    {"12/9/11 9:45 AM (+01:00)", "2011-12-09T09:45+01:00"},
    {"2011-12-01 1:17 PM", "2011-12-01T13:17"},
    {"1:55pDec 8", "--12-08T13:55"},
    {"11:05aJan 2", "--01-02T11:05"},
    {"Dec 01 - 1:55pm", "--12-01T13:55"},
    {"Dec 05 - 12:00noon", "--12-05T12:00"},
    {"Dec 30 - 12:00midnight", "--12-30T00:00"},
    {"Dec 27 - 11:44pm*", "--12-27T23:44"},
    {"2:07 PMDec 01", "--12-01T14:07"},
    {"6:20 PM, Dec 05", "--12-05T18:20"},
    {"9:20 PM, Dec 29&nbsp(Estimated)", "--12-29T21:20"},
    {"Thu., Dec.08, 2011 1:55 p.m.", "2011-12-08T13:55"},
    {"Fri., Dec.09, 2011 10:05 a.m.", "2011-12-09T10:05"},
    {"06:20 PM  Mon 05-Dec-2011", "2011-12-05T18:20"},
    {"12:12 PM  Thu 08-Dec-2011 (Runway)", "2011-12-08T12:12"},
    {"2011-12-05 08:36AM MST", "2011-12-05T08:36-07:00"},
    {"2011-12-01 05:20PM CST", "2011-12-01T17:20-06:00"},
    {"3:00P 12-05-11", "2011-12-05T15:00"},
    {"2011-12-05  3:01P", "2011-12-05T15:01"},
    {"2011-12-28  10:51A", "2011-12-28T10:51"},
    {"2011-12-05 Mon  16:17", "2011-12-05T16:17"},
    {"2011-12-05 13:52 ", "2011-12-05T13:52"},
    {"2011-12-05 1:17 pm", "2011-12-05T13:17"},
    {"Mon, Dec 5 6:20 PM", "--12-05T18:20"},
    {"Wed, Dec 7 5:39 PM            On Time", "--12-07T17:39"},
    {"Wed, Dec 28 11:57 AM            Delayed", "--12-28T11:57"},
    {"2011-12-01 1:17 PM (Estimated)", "2011-12-01T13:17"},
    {"2011-12-01 1:17 PM (Estimated runway)", "2011-12-01T13:17"},
    {"2011-12-08 9:27 AM (runway)", "2011-12-08T09:27"},
    {"December 05, 2011               01:55 PM    ", "2011-12-05T13:55"},
    {"December 30, 2011     ", "2011-12-30"},
    {"2011-12-02 12/1 6:00 AM", "2011-12-02T06:00"},
    {"Dec 05 - Contact Airline", "<null>"},
    {"Dec 10 - Not Available", "<null>"},
    {"2011-12-30 Cancelled", "<null>"},
    {"Mon, Jan 2 Pending will update at9:21 PM", "<invalid>"},
};

TEST(DateTime, EveryFlightFormat) {
  for (const Case& c : kFlightFormats) {
    EXPECT_EQ(KeyOf(ValueKind::kDateTime, c.in), c.key) << c.in;
  }
}

constexpr Case kOther[] = {
    {"2011-12-01", "2011-12-01"},
    {"25 juin 2019", "2019-06-25"},
    {"3 févr. 2020", "2020-02-03"},
    {"15 AOÛT 2021", "2021-08-15"},
    {"avril 2022", "2022-04"},
    {"2019", "2019"},
    {"13:55", "T13:55"},
    {"1:55 PM", "T13:55"},
    {"2011-12-01T13:55:07-05:00", "2011-12-01T13:55:07-05:00"},
    {"2012-02-29", "2012-02-29"},
    {"2011-02-29", "<invalid>"},
    {"12/32/2011", "<invalid>"},
    {"13:55 PM", "<invalid>"},
    {"2011-12-05 08:36AM XYZ", "<invalid>"},
    {"yesterday", "<invalid>"},
};

TEST(DateTime, DatesAloneTimesAloneAndRejects) {
  for (const Case& c : kOther) EXPECT_EQ(KeyOf(ValueKind::kDateTime, c.in), c.key) << c.in;
}

TEST(DateTime, GranularityFlagsAndInterval) {
  ValueStore store;
  auto parse = [&](const char* raw) {
    auto id = ParseValue(testing::RepoRules().values(), ValueKind::kDateTime, raw, &store);
    EXPECT_TRUE(id.ok()) << raw;
    return store.Get(*id);
  };
  Value month = parse("avril 2022");
  EXPECT_EQ(month.granularity, Granularity::kMonth);
  EXPECT_TRUE(month.has(Value::kHasDate));
  EXPECT_FALSE(month.has(Value::kHasTime));
  EXPECT_EQ(month.hi - month.lo, 30 * 86400.0);  // April has 30 days
  Value zoned = parse("12/1/2011 2:07PM EST");
  EXPECT_EQ(zoned.granularity, Granularity::kMinute);
  EXPECT_TRUE(zoned.has(Value::kHasUtcOffset));
  EXPECT_EQ(zoned.utc_offset_minutes, -300);
  EXPECT_EQ(zoned.lo, (15309 * 86400.0) + 14 * 3600 + 7 * 60);  // 2011-12-01 is day 15309
  EXPECT_EQ(zoned.hi - zoned.lo, 60);
  Value estimated = parse("2011-12-01 1:17 PM (Estimated)");
  EXPECT_EQ(estimated.hedge, Hedge::kEstimated);
  Value yearless = parse("6:20 PM, Dec 05");
  EXPECT_TRUE(yearless.has(Value::kYearMissing));
  Value time = parse("13:55");
  EXPECT_FALSE(time.has(Value::kHasDate));
  EXPECT_EQ(time.lo, 13 * 3600 + 55 * 60);
}

// Every non-null time cell of the Flight files parses.
TEST(DateTime, AllFlightTimeCellsParse) {
  std::string dir = testing::DatasetsDir();
  if (dir.empty() || !std::filesystem::is_directory(dir + "/flight")) {
    GTEST_SKIP() << "Flight dataset not present";
  }
  const ValueRules& rules = testing::RepoRules().values();
  absl::flat_hash_set<std::string> seen, failed;
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/flight")) {
    if (e.path().extension() != ".tsv") continue;
    ++files;
    std::string text = testing::ReadFileOrDie(e.path().string());
    for (absl::string_view row : absl::StrSplit(text, '\n')) {
      std::vector<absl::string_view> cells = absl::StrSplit(row, '\t');
      if (cells.size() != 8 || cells[0] == "source") continue;
      for (int i : {2, 3, 5, 6}) {
        std::string cell(cells[i]);
        if (!seen.insert(cell).second) continue;
        ValueStore store;
        auto id = ParseValue(rules, ValueKind::kDateTime, cell, &store);
        if (!id.ok() && !absl::IsNotFound(id.status())) failed.insert(cell);
      }
    }
  }
  EXPECT_EQ(files, 31u);
  // The one cell that states no time but a promise to update.
  EXPECT_LE(failed.size(), 1u);
  for (const std::string& f : failed) {
    EXPECT_EQ(f, "Mon, Jan 2 Pending will update at9:21 PM");
  }
}

}  // namespace
}  // namespace crosscheck
