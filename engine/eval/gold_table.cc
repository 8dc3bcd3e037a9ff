// ReadGoldTable: a small CSV/TSV reader for gold tables.
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "crosscheck/evaluate.h"

namespace crosscheck {
namespace {

using Row = std::vector<std::string>;

// Splits one CSV record starting at `*pos` of `text` (quoted fields may span
// lines). Returns false with `*error_column` set on an unterminated quote.
bool NextCsvRecord(absl::string_view text, size_t* pos, Row* row,
                   uint32_t* lines, uint32_t* error_column) {
  row->assign(1, std::string());
  size_t i = *pos;
  const size_t line_start = i;
  *lines = 1;
  while (i < text.size()) {
    const char ch = text[i];
    if (ch == '"' && row->back().empty()) {
      const size_t open = i;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          *error_column = static_cast<uint32_t>(open - line_start + 1);
          return false;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            row->back().push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++*lines;
        row->back().push_back(text[i++]);
      }
      continue;
    }
    if (ch == ',') {
      row->emplace_back();
    } else if (ch == '\n') {
      ++i;
      break;
    } else if (ch != '\r') {
      row->back().push_back(ch);
    }
    ++i;
  }
  *pos = i;
  return true;
}

absl::StatusOr<std::vector<Row>> ReadRows(const std::string& path,
                                          std::vector<uint32_t>* row_lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(absl::StrCat(path, ": cannot open gold table"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const bool csv = absl::EndsWithIgnoreCase(path, ".csv");
  std::vector<Row> rows;
  uint32_t line = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    Row row;
    uint32_t lines = 1, column = 0;
    if (csv) {
      if (!NextCsvRecord(text, &pos, &row, &lines, &column)) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", line, ":", column, ": unterminated quote"));
      }
    } else {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      absl::string_view record(text.data() + pos, end - pos);
      if (absl::EndsWith(record, "\r")) record.remove_suffix(1);
      row = absl::StrSplit(record, '\t');
      pos = end + 1;
    }
    if (!(row.size() == 1 && absl::StripAsciiWhitespace(row[0]).empty())) {
      rows.push_back(std::move(row));
      row_lines->push_back(line);
    }
    line += lines;
  }
  return rows;
}

}  // namespace

absl::StatusOr<std::vector<GoldEntry>> ReadGoldTable(const std::string& path) {
  std::vector<uint32_t> lines;
  absl::StatusOr<std::vector<Row>> rows = ReadRows(path, &lines);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: no header row"));
  }
  const Row& names = (*rows)[0];
  Row header = names;
  int object = -1, attribute = -1, value = -1;
  for (size_t c = 0; c < header.size(); ++c) {
    header[c] = absl::AsciiStrToLower(absl::StripAsciiWhitespace(header[c]));
    if (header[c] == "object") object = static_cast<int>(c);
    if (header[c] == "attribute") attribute = static_cast<int>(c);
    if (header[c] == "value") value = static_cast<int>(c);
  }
  if (object < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", lines[0], ":1: header has no 'object' column"));
  }
  const bool long_form = value >= 0;
  std::vector<GoldEntry> out;
  for (size_t r = 1; r < rows->size(); ++r) {
    const Row& row = (*rows)[r];
    if (row.size() != header.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", lines[r], ":1: expected ", header.size(),
                       " cells, found ", row.size()));
    }
    auto cell = [&](int c) {
      return std::string(absl::StripAsciiWhitespace(row[c]));
    };
    for (size_t c = 0; c < row.size(); ++c) {
      const int ci = static_cast<int>(c);
      if (ci == object || ci == attribute) continue;
      if (long_form && ci != value) continue;
      GoldEntry e{cell(object), "", cell(ci), lines[r]};
      if (e.value.empty()) continue;
      e.attribute = long_form
                        ? (attribute >= 0 ? cell(attribute) : "")
                        : std::string(absl::StripAsciiWhitespace(names[c]));
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace crosscheck
