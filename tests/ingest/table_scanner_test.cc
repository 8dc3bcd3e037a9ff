#include "ingest/table_scanner.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace crosscheck::internal {
namespace {

// Renders every record as "line:[field@line:col|...]" or "line:TOO_LONG" /
// "line:OPEN@line:col", one per entry.
std::vector<std::string> Scan(absl::string_view data, char sep,
                              size_t max_bytes = 1 << 20) {
  TableScanner scanner(data, sep, max_bytes);
  Record record;
  std::vector<std::string> out;
  while (scanner.Next(&record)) {
    switch (record.status) {
      case RecordStatus::kTooLong:
        out.push_back(absl::StrCat(record.line, ":TOO_LONG"));
        continue;
      case RecordStatus::kUnterminatedQuote:
        out.push_back(absl::StrCat(record.line, ":OPEN@", record.error_line,
                                   ":", record.error_column,
                                   record.hit_end ? ":EOF" : ":LIMIT"));
        continue;
      case RecordStatus::kOk:
        break;
    }
    std::vector<std::string> fields;
    for (const Field& f : record.fields) {
      fields.push_back(absl::StrCat(f.text, "@", f.line, ":", f.column));
    }
    out.push_back(
        absl::StrCat(record.line, ":[", absl::StrJoin(fields, "|"), "]"));
  }
  return out;
}

using V = std::vector<std::string>;

struct Case {
  const char* name;
  char sep;
  const char* data;
  V expected;
};

const Case kCases[] = {
    {"tsv", '\t', "a\tb\n1\t2\n", {"1:[a@1:1|b@1:3]", "2:[1@2:1|2@2:3]"}},
    {"tsv empty cells", '\t', "\t\tx", {"1:[@1:1|@1:2|x@1:3]"}},
    {"tsv quotes are data", '\t', "\"a\"\tb\"c", {"1:[\"a\"@1:1|b\"c@1:5]"}},
    {"tsv crlf",
     '\t',
     "a\tb\r\nc\td\r\n",
     {"1:[a@1:1|b@1:3]", "2:[c@2:1|d@2:3]"}},
    {"tsv blank lines skipped",
     '\t',
     "a\n\n  \r\nb\n",
     {"1:[a@1:1]", "4:[b@4:1]"}},
    {"tsv tabs-only line is a row", '\t', "\t\n", {"1:[@1:1|@1:2]"}},
    {"csv plain", ',', "a,b,c\n", {"1:[a@1:1|b@1:3|c@1:5]"}},
    {"csv trailing comma", ',', "a,\n", {"1:[a@1:1|@1:3]"}},
    {"csv quoted", ',', "\"a,b\",c\n", {"1:[a,b@1:1|c@1:7]"}},
    {"csv doubled quote",
     ',',
     "\"say \"\"hi\"\"\",x",
     {"1:[say \"hi\"@1:1|x@1:14]"}},
    {"csv empty quoted", ',', "\"\",x", {"1:[@1:1|x@1:4]"}},
    {"csv embedded newline",
     ',',
     "\"a\nb\",c\nd,e\n",
     {"1:[a\nb@1:1|c@2:4]", "3:[d@3:1|e@3:3]"}},
    {"csv embedded crlf kept",
     ',',
     "\"a\r\nb\",c\r\n",
     {"1:[a\r\nb@1:1|c@2:4]"}},
    {"csv quoted last field crlf",
     ',',
     "a,\"b\"\r\nc,d\r\n",
     {"1:[a@1:1|b@1:3]", "2:[c@2:1|d@2:3]"}},
    {"csv text after closing quote", ',', "\"ab\"c,d", {"1:[abc@1:1|d@1:7]"}},
    {"csv quote inside unquoted field",
     ',',
     "ab\"c,\"d\"",
     {"1:[ab\"c@1:1|d@1:6]"}},
    {"csv tab-only line is blank", ',', " \t\nx\n", {"2:[x@2:1]"}},
    {"csv unterminated at eof",
     ',',
     "a,b\n\"c,d\ne,f\n",
     {"1:[a@1:1|b@1:3]", "2:OPEN@2:1:EOF", "3:[e@3:1|f@3:3]"}},
    {"csv unterminated in later field", ',', "x,\"open\n", {"1:OPEN@1:3:EOF"}},
    {"csv no final newline", ',', "a,\"b\"", {"1:[a@1:1|b@1:3]"}},
    {"bom", ',', "\xEF\xBB\xBFsource,object\n", {"1:[source@1:1|object@1:8]"}},
};

TEST(TableScannerTest, Cases) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Scan(c.data, c.sep), c.expected);
  }
}

TEST(TableScannerTest, OverLongLineIsSkippedAndScanningGoesOn) {
  const std::string data = "a,b\n" + std::string(100, 'x') + "\nc,d\n";
  EXPECT_EQ(Scan(data, ',', 50),
            (V{"1:[a@1:1|b@1:3]", "2:TOO_LONG", "3:[c@3:1|d@3:3]"}));
  EXPECT_EQ(Scan(data, '\t', 50),
            (V{"1:[a,b@1:1]", "2:TOO_LONG", "3:[c,d@3:1]"}));
}

TEST(TableScannerTest, QuoteOpenPastTheLimitResumesAtNextLine) {
  // The quoted field would close on line 4, after more than 20 bytes.
  const std::string data = "\"" + std::string(10, 'a') + "\n" +
                           std::string(10, 'b') + "\n" + "c,d\n" + "e\"\n";
  EXPECT_EQ(Scan(data, ',', 20), (V{"1:OPEN@1:1:LIMIT", "2:[bbbbbbbbbb@2:1]",
                                    "3:[c@3:1|d@3:3]", "4:[e\"@4:1]"}));
}

TEST(TableScannerTest, RecordSpanningLinesReportsItsRawBytes) {
  TableScanner scanner("\"a\nb\",c\r\nnext", ',', 1 << 20);
  Record record;
  ASSERT_TRUE(scanner.Next(&record));
  EXPECT_EQ(record.raw, "\"a\nb\",c");
  ASSERT_EQ(record.fields.size(), 2u);
  EXPECT_EQ(record.fields[1].offset, 6u);
  EXPECT_EQ(record.raw.substr(record.fields[1].offset, 1), "c");
  ASSERT_TRUE(scanner.Next(&record));
  EXPECT_EQ(record.line, 3u);
  EXPECT_EQ(record.raw, "next");
  EXPECT_FALSE(scanner.Next(&record));
}

}  // namespace
}  // namespace crosscheck::internal
