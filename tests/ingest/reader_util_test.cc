#include "ingest/reader_util.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace crosscheck::internal {
namespace {

TEST(ParseIsoDateTest, Formats) {
  const std::pair<const char*, std::optional<absl::CivilDay>> kCases[] = {
      {"2022-08-10", absl::CivilDay(2022, 8, 10)},
      {"2022-08-10T09:00:00Z", absl::CivilDay(2022, 8, 10)},
      {"2022-08-10t09:00", absl::CivilDay(2022, 8, 10)},
      {"2022-08-10 09:00", absl::CivilDay(2022, 8, 10)},
      // The day as written, not moved to UTC.
      {"2022-08-10T23:30:00-05:00", absl::CivilDay(2022, 8, 10)},
      {"2024-02-29", absl::CivilDay(2024, 2, 29)},
      {"2023-02-29", std::nullopt},
      {"2022-02-30", std::nullopt},
      {"2022-13-01", std::nullopt},
      {"2022-00-10", std::nullopt},
      {"2022-8-10", std::nullopt},
      {"10/08/2022", std::nullopt},
      {"2022-08-10x", std::nullopt},
      {"2022-08", std::nullopt},
      {"", std::nullopt},
      {"yesterday", std::nullopt},
  };
  for (const auto& [text, day] : kCases) {
    EXPECT_EQ(ParseIsoDate(text), day) << text;
  }
}

TEST(ReaderUtilTest, BaseName) {
  EXPECT_EQ(BaseName("a/b/c.txt"), "c.txt");
  EXPECT_EQ(BaseName("c.txt"), "c.txt");
  EXPECT_EQ(BaseName("/abs/d/"), "d");
  EXPECT_EQ(BaseName("-"), "-");
}

TEST(ReaderUtilTest, LineColumnAt) {
  uint32_t line, column;
  LineColumnAt("ab\ncd\ne", 4, 7, 3, &line, &column);
  EXPECT_EQ(line, 8u);
  EXPECT_EQ(column, 2u);
  LineColumnAt("ab\ncd", 1, 7, 3, &line, &column);
  EXPECT_EQ(line, 7u);
  EXPECT_EQ(column, 4u);
}

TEST(ReaderUtilTest, QuoteCutsLongValues) {
  EXPECT_EQ(Quote("short"), "'short'");
  const std::string quoted = Quote(std::string(200, 'k'));
  EXPECT_EQ(quoted, "'" + std::string(60, 'k') + "...'");
  EXPECT_EQ(Quote("caf\xE9"), "'caf\xEF\xBF\xBD'");
}

TEST(ReaderUtilTest, FieldNameFollowsColumnMap) {
  IngestOptions options;
  options.column_map["source"] = "SourceID";
  EXPECT_EQ(FieldName(options, "source"), "SourceID");
  EXPECT_EQ(FieldName(options, "object"), "object");
  EXPECT_TRUE(IsAsOfField("timestamp"));
  EXPECT_TRUE(IsAsOfField("date_observed"));
  EXPECT_FALSE(IsAsOfField("url"));
}

}  // namespace
}  // namespace crosscheck::internal
