#include "ingest/table_reader.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ingest/line_reader.h"
#include "ingest/reader_util.h"
#include "ingest/table_scanner.h"
#include "ingest/utf8.h"

namespace crosscheck::internal {
namespace {

constexpr absl::string_view kRoles[] = {"source", "object", "attribute",
                                        "value"};
enum Role { kSource, kObject, kAttribute, kValue, kRoleCount };
constexpr size_t kMaxNamesListed = 20;

// Which column holds what. Column indices, -1 when absent.
struct Layout {
  size_t columns = 0;
  int role[kRoleCount] = {-1, -1, -1, -1};
  int as_of = -1;
  int document = -1;
  int quote = -1;
  bool long_form = false;
  std::vector<std::pair<int, StringId>> attributes;  // wide form
};

std::string ColumnList(const std::vector<std::string>& names) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < names.size() && i < kMaxNamesListed; ++i) {
    shown.push_back(names[i].empty() ? "(empty)" : Utf8Excerpt(names[i], 40));
  }
  if (names.size() > kMaxNamesListed) shown.push_back("...");
  return absl::StrJoin(shown, ", ");
}

class TableReader {
 public:
  TableReader(absl::string_view data, char separator, FileBuilder* out)
      : scanner_(data, separator, out->options().max_line_bytes),
        empty_(StripBom(data).empty()),
        options_(out->options()),
        out_(out) {}

  void Read();

 private:
  // Fills layout_ from the header; on a fatal problem returns its reason.
  std::string AnalyzeHeader(const Record& header);
  // Assigns roles and provenance columns; returns the other columns.
  std::vector<int> ClassifyColumns(const Record& header,
                                   const std::vector<std::string>& names);
  void FindAsOfColumn(const std::vector<std::string>& names);
  // Long or wide form; the reason the file is unusable, or "".
  std::string ChooseForm(const Record& header,
                         const std::vector<std::string>& names,
                         const std::vector<int>& others);
  void ReadRow(const Record& row);
  void SkipBadRecord(const Record& record);
  // Views of the row's cells, repaired into repaired_ when not valid UTF-8.
  // Returns false (and skips the row) if it has the wrong column count.
  bool PrepareCells(const Record& row);
  void EmitClaims(const Record& row, StringId source, StringId object);
  // Interns `s`, reusing the id of the previous call with the same `cache`
  // when the text is the same: consecutive rows often repeat a cell (rows
  // of one flight from several sites), and a compare is cheaper than a
  // hash lookup.
  struct LastCell {
    absl::string_view text;  // the pool's copy
    StringId id = kNoString;
  };
  StringId InternCached(absl::string_view s, LastCell* cache);

  TableScanner scanner_;
  const bool empty_;
  const IngestOptions& options_;
  FileBuilder* out_;
  Layout layout_;
  std::vector<absl::string_view> cells_;
  std::vector<std::string> repaired_;
  LastCell last_source_, last_object_;
  std::vector<LastCell> last_cells_;  // per column
  bool row_repaired_ = false;
  uint32_t repair_line_ = 0, repair_column_ = 0;
};

void TableReader::Read() {
  Record record;
  if (!scanner_.Next(&record)) {
    out_->AddIssue(IssueKind::kSkippedRecord, 0, 0,
                   empty_ ? "empty file" : "empty file: only blank lines", "");
    return;
  }
  std::string fatal;
  if (record.status == RecordStatus::kTooLong) {
    fatal = absl::StrCat("unusable header: ",
                         TooLongReason("line", options_.max_line_bytes));
  } else if (record.status == RecordStatus::kUnterminatedQuote) {
    fatal = "unusable header: unterminated quoted field";
  } else {
    fatal = AnalyzeHeader(record);
  }
  if (!fatal.empty()) {
    // A file-level issue (line 0): the rows are counted, not listed.
    out_->AddIssue(IssueKind::kSkippedRecord, 0, 0, std::move(fatal),
                   record.raw);
    uint32_t rows = 0;
    while (scanner_.Next(&record)) ++rows;
    out_->SkipRecordsUnlisted(rows);
    return;
  }
  bool any_row = false;
  while (scanner_.Next(&record)) {
    any_row = true;
    if (record.status != RecordStatus::kOk) {
      SkipBadRecord(record);
    } else {
      ReadRow(record);
    }
  }
  if (!any_row) {
    out_->AddIssue(IssueKind::kSkippedRecord, 0, 0, "no data rows", "");
  }
}

std::string TableReader::AnalyzeHeader(const Record& header) {
  std::vector<std::string> names;
  for (const Field& f : header.fields) {
    names.push_back(RepairUtf8(TrimAscii(f.text)));
  }
  if (!IsValidUtf8(header.raw)) {
    out_->AddIssue(IssueKind::kRepaired, header.line, 0,
                   "invalid UTF-8 in the header replaced with U+FFFD",
                   header.raw);
  }
  layout_.columns = names.size();
  last_cells_.resize(names.size());
  const std::vector<int> others = ClassifyColumns(header, names);
  FindAsOfColumn(names);
  return ChooseForm(header, names, others);
}

std::vector<int> TableReader::ClassifyColumns(
    const Record& header, const std::vector<std::string>& names) {
  std::vector<int> others;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    const int col = static_cast<int>(i);
    auto ignore = [&](absl::string_view why) {
      out_->AddIssue(
          IssueKind::kSkippedValue, header.fields[i].line,
          header.fields[i].column,
          absl::StrCat("column ", i + 1, " ", why, "; its cells are ignored"),
          name);
    };
    bool matched = false;
    for (int r = 0; r < kRoleCount && !matched; ++r) {
      if (!absl::EqualsIgnoreCase(name, FieldName(options_, kRoles[r]))) {
        continue;
      }
      matched = true;
      if (layout_.role[r] >= 0) {
        ignore(absl::StrCat("repeats the '", kRoles[r], "' column"));
      } else {
        layout_.role[r] = col;
      }
    }
    for (const std::string& p : options_.provenance_columns) {
      if (matched) break;
      if (!absl::EqualsIgnoreCase(name, FieldName(options_, p))) continue;
      matched = true;
      if (p == "document" && layout_.document < 0) layout_.document = col;
      if (p == "quote" && layout_.quote < 0) layout_.quote = col;
    }
    if (matched) continue;
    if (name.empty()) {
      ignore("has no name");
    } else {
      others.push_back(col);
    }
  }
  return others;
}

void TableReader::FindAsOfColumn(const std::vector<std::string>& names) {
  // The order of provenance_columns decides, not the order of the header.
  for (const std::string& p : options_.provenance_columns) {
    if (!IsAsOfField(p)) continue;
    for (size_t i = 0; i < names.size(); ++i) {
      if (absl::EqualsIgnoreCase(names[i], FieldName(options_, p))) {
        layout_.as_of = static_cast<int>(i);
        return;
      }
    }
  }
}

std::string TableReader::ChooseForm(const Record& header,
                                    const std::vector<std::string>& names,
                                    const std::vector<int>& others) {
  for (int r : {kSource, kObject}) {
    if (layout_.role[r] >= 0) continue;
    return absl::StrCat("missing column '", FieldName(options_, kRoles[r]),
                        "' (columns: ", ColumnList(names), "); use --map ",
                        kRoles[r], "=NAME to name the column that holds it");
  }
  const bool has_attribute = layout_.role[kAttribute] >= 0;
  const bool has_value = layout_.role[kValue] >= 0;
  if (has_attribute != has_value) {
    const Role missing = has_attribute ? kValue : kAttribute;
    return absl::StrCat("missing column '",
                        FieldName(options_, kRoles[missing]),
                        "' for long form (columns: ", ColumnList(names),
                        "); use --map ", kRoles[missing], "=NAME");
  }
  layout_.long_form = has_attribute;
  if (layout_.long_form) {
    std::vector<std::string> unused;
    for (int col : others) unused.push_back(names[col]);
    if (!unused.empty()) {
      out_->AddIssue(
          IssueKind::kSkippedValue, header.line, 0,
          absl::StrCat("columns not used in long form: ", ColumnList(unused)),
          header.raw);
    }
    return "";
  }
  for (int col : others) {
    layout_.attributes.emplace_back(col, out_->Intern(names[col]));
  }
  if (layout_.attributes.empty()) {
    return absl::StrCat("no attribute columns (columns: ", ColumnList(names),
                        "); a wide table needs source, object and one column "
                        "per attribute, a long table attribute and value");
  }
  return "";
}

void TableReader::SkipBadRecord(const Record& record) {
  const size_t limit = options_.max_line_bytes;
  if (record.status == RecordStatus::kTooLong) {
    const bool one_line = record.raw.size() > limit;
    out_->SkipRecord(record.line, 0,
                     TooLongReason(one_line ? "line" : "record", limit),
                     record.raw);
    return;
  }
  std::string reason =
      record.hit_end
          ? "unterminated quoted field: no closing quote before the end of "
            "the file"
          : absl::StrCat("unterminated quoted field: no closing quote within ",
                         limit, " bytes");
  out_->SkipRecord(record.error_line, record.error_column, std::move(reason),
                   record.raw);
}

bool TableReader::PrepareCells(const Record& row) {
  if (row.fields.size() != layout_.columns) {
    out_->SkipRecord(row.line, 0,
                     absl::StrCat("expected ", layout_.columns,
                                  " columns, found ", row.fields.size()),
                     row.raw);
    return false;
  }
  cells_.resize(row.fields.size());
  const size_t bad = FindInvalidUtf8(row.raw);
  row_repaired_ = bad != absl::string_view::npos;
  if (!row_repaired_) {
    for (size_t i = 0; i < row.fields.size(); ++i)
      cells_[i] = row.fields[i].text;
    return true;
  }
  LineColumnAt(row.raw, bad, row.line, 1, &repair_line_, &repair_column_);
  repaired_.resize(row.fields.size());
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const absl::string_view text = row.fields[i].text;
    if (IsValidUtf8(text)) {
      cells_[i] = text;
    } else {
      repaired_[i] = RepairUtf8(text);
      cells_[i] = repaired_[i];
    }
  }
  return true;
}

StringId TableReader::InternCached(absl::string_view s, LastCell* cache) {
  if (cache->id != kNoString && s == cache->text) return cache->id;
  cache->id = out_->Intern(s);
  // The cell may live in a scratch buffer; the pool's copy stays valid.
  cache->text = out_->Str(cache->id);
  return cache->id;
}

void TableReader::ReadRow(const Record& row) {
  if (!PrepareCells(row)) return;
  absl::string_view names[2];
  for (int r : {kSource, kObject}) {
    names[r] = TrimAscii(cells_[layout_.role[r]]);
    if (!names[r].empty()) continue;
    const Field& f = row.fields[layout_.role[r]];
    out_->SkipRecord(f.line, f.column,
                     absl::StrCat("empty '", kRoles[r], "' cell"), row.raw);
    return;
  }
  EmitClaims(row, InternCached(names[kSource], &last_source_),
             InternCached(names[kObject], &last_object_));
}

void TableReader::EmitClaims(const Record& row, StringId source,
                             StringId object) {
  Claim claim;
  claim.source = source;
  claim.subject = object;
  if (layout_.as_of >= 0 && !out_->IsNull(cells_[layout_.as_of])) {
    claim.as_of = out_->Intern(TrimAscii(cells_[layout_.as_of]));
  }
  const size_t first_claim = out_->claim_count();
  auto add = [&](int col, StringId predicate) {
    const Field& f = row.fields[col];
    claim.predicate = predicate;
    claim.raw_value = InternCached(cells_[col], &last_cells_[col]);
    // All claims of a row share its first line, so later stages can tell
    // records apart by (file, line); the column counts bytes from the start
    // of that line even when a quoted cell before it spans lines.
    claim.location = InputLocation{0, row.line, f.offset + 1};
    out_->AddClaim(claim);
  };
  if (layout_.long_form) {
    const int attr_col = layout_.role[kAttribute];
    const absl::string_view attribute = TrimAscii(cells_[attr_col]);
    if (attribute.empty()) {
      const Field& f = row.fields[attr_col];
      out_->SkipRecord(f.line, f.column, "empty 'attribute' cell", row.raw);
      return;
    }
    if (out_->IsNull(cells_[layout_.role[kValue]])) {
      out_->SkipRecord(row.line, 0, "no value: the value cell is empty or null",
                       row.raw);
      return;
    }
    add(layout_.role[kValue], out_->Intern(attribute));
  } else {
    for (const auto& [col, predicate] : layout_.attributes) {
      if (!out_->IsNull(cells_[col])) add(col, predicate);
    }
    if (out_->claim_count() == first_claim) {
      out_->SkipRecord(row.line, 0,
                       "no values: every attribute cell is empty or null",
                       row.raw);
      return;
    }
  }
  out_->KeepRecord();
  if (row_repaired_) {
    out_->AddIssue(IssueKind::kRepaired, repair_line_, repair_column_,
                   "invalid UTF-8 replaced with U+FFFD", row.raw);
  }
  const bool has_document =
      layout_.document >= 0 && !out_->IsNull(cells_[layout_.document]);
  if (!has_document) return;
  const Field& f = row.fields[layout_.document];
  for (size_t i = first_claim; i < out_->claim_count(); ++i) {
    DocumentRef ref;
    ref.claim = static_cast<uint32_t>(i);
    ref.id = std::string(TrimAscii(cells_[layout_.document]));
    if (layout_.quote >= 0 && !out_->IsNull(cells_[layout_.quote])) {
      ref.quote = std::string(cells_[layout_.quote]);
    }
    ref.location = InputLocation{0, f.line, f.column};
    out_->AddDocumentRef(std::move(ref));
  }
}

}  // namespace

void ReadTable(absl::string_view data, char separator, FileBuilder* out) {
  // Scraped tables hold a claim per 20 to 40 bytes; over-reserving costs
  // address space only.
  out->ReserveClaims(data.size() / 16);
  TableReader(data, separator, out).Read();
}

}  // namespace crosscheck::internal
