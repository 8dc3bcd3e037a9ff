// TableScanner: splits CSV and TSV data into records and fields.
//
// CSV follows RFC 4180: a field that starts with '"' is quoted; inside it
// '""' is one quote and separators and line breaks are data, so a record may
// span several lines. Leniencies, as in Python's csv module: text after a
// closing quote is appended to the field ("ab"c -> abc), and a quote inside
// an unquoted field is an ordinary character. TSV (IANA text/tab-separated-
// values) has no quoting: every byte but tab and line breaks is data.
//
// A record whose first line is longer than the limit is reported kTooLong and
// scanning resumes at the next line. A quoted field still open at the end of
// the data, or after `max_record_bytes`, makes its record kUnterminatedQuote;
// scanning then resumes at the line after the record's first line, so one
// stray quote costs one record, not the rest of the file.
#ifndef CROSSCHECK_ENGINE_INGEST_TABLE_SCANNER_H_
#define CROSSCHECK_ENGINE_INGEST_TABLE_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::internal {

struct Field {
  absl::string_view text;  // unquoted and unescaped; a trailing '\r' dropped
  uint32_t line = 0;       // where the field starts (its quote, if quoted)
  uint32_t column = 0;     // 1-based byte column in that line
  uint32_t offset = 0;     // byte offset of the field in Record::raw
};

enum class RecordStatus : uint8_t {
  kOk,
  kTooLong,            // the first line exceeds max_record_bytes
  kUnterminatedQuote,  // error_line/error_column: the opening quote
};

struct Record {
  RecordStatus status = RecordStatus::kOk;
  uint32_t line = 0;      // first line
  absl::string_view raw;  // the record's bytes, without the final line break
  std::vector<Field> fields;  // views valid until the next Next()
  uint32_t error_line = 0;
  uint32_t error_column = 0;
  // True if the scan stopped at the end of the data (not at the limit).
  bool hit_end = false;
};

class TableScanner {
 public:
  // REQUIRES: `data` outlives the scanner. A leading BOM is skipped.
  TableScanner(absl::string_view data, char separator, size_t max_record_bytes);
  TableScanner(const TableScanner&) = delete;
  TableScanner& operator=(const TableScanner&) = delete;

  // Fills *record with the next record that is not blank (blank lines hold
  // only spaces, carriage returns and, in CSV, tabs) and returns true; false
  // at the end of the data.
  bool Next(Record* record);

 private:
  bool IsBlank(absl::string_view line) const;
  // Splits the line [begin, end) that holds no quote (or any line, in TSV).
  void SplitSimple(size_t begin, size_t end, Record* record);
  // Runs the RFC 4180 state machine from `begin`; returns the offset just
  // past the record's line break, or npos if a quote is never closed.
  size_t ScanQuoted(size_t begin, Record* record);

  absl::string_view data_;
  char sep_;
  size_t max_bytes_;
  size_t pos_ = 0;
  uint32_t line_ = 0;  // number of the line at pos_, minus one
  std::string arena_;  // unescaped quoted fields of the current record
  struct Pending {     // a field before its text is materialized
    size_t begin;      // offset in data_, or in arena_ when `in_arena`
    size_t size;
    bool in_arena;
    uint32_t line;
    uint32_t column;
    uint32_t offset;
  };
  std::vector<Pending> pending_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_TABLE_SCANNER_H_
