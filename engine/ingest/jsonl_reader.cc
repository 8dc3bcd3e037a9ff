#include "ingest/jsonl_reader.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ingest/json_fields.h"
#include "ingest/line_reader.h"
#include "ingest/reader_util.h"
#include "ingest/utf8.h"

namespace crosscheck::internal {
namespace {

class JsonLinesReader {
 public:
  explicit JsonLinesReader(FileBuilder* out)
      : options_(out->options()), out_(out) {}

  void Read(absl::string_view data);

 private:
  void ReadLine(const Line& line);
  void ReadDocument(const Line& line, const JsonField& text);
  void ReadClaim(const Line& line);
  // Interns source, object and attribute into ids[0..2]; false (and the
  // record skipped) if one is missing, empty or not a string.
  bool ClaimNames(const Line& line, StringId ids[3]);
  // The value field and its text; nullptr (and the record skipped) if it is
  // missing, null, empty, an array or an object.
  const JsonField* ClaimValue(const Line& line, absl::string_view* raw);
  // A string or number field as valid UTF-8 text; empty if absent or null.
  // Sets *ok to false (and leaves it otherwise) if it has another type.
  absl::string_view Text(const JsonField* field, bool* ok);
  absl::string_view Text(const JsonField* field) {
    bool ok = true;
    return Text(field, &ok);
  }
  // A metadata field of a kept document: invalid types become kSkippedValue.
  StringId Metadata(const Line& line, absl::string_view key);
  void NoteRepair(const Line& line);

  const IngestOptions& options_;
  FileBuilder* out_;
  JsonFieldParser parser_;
  std::vector<JsonField> fields_;
  std::deque<std::string> repaired_;  // texts repaired on the current line
  uint32_t repair_column_ = 0;        // first repaired value, if any
  size_t first_bad_ = absl::string_view::npos;  // in the current line
};

void JsonLinesReader::Read(absl::string_view data) {
  if (StripBom(data).empty()) {
    out_->AddIssue(IssueKind::kSkippedRecord, 0, 0, "empty file", "");
    return;
  }
  LineCursor cursor(data);
  Line line;
  bool any = false;
  while (cursor.Next(&line)) {
    if (IsBlankLine(line.text)) continue;
    any = true;
    ReadLine(line);
  }
  if (!any) {
    out_->AddIssue(IssueKind::kSkippedRecord, 0, 0,
                   "empty file: only blank lines", "");
  }
}

void JsonLinesReader::ReadLine(const Line& line) {
  if (line.text.size() > options_.max_line_bytes) {
    out_->SkipRecord(line.number, 0,
                     TooLongReason("line", options_.max_line_bytes), line.text);
    return;
  }
  std::string error;
  uint32_t column = 0;
  if (!parser_.Parse(line.text, &fields_, &error, &column)) {
    out_->SkipRecord(line.number, column, std::move(error), line.text);
    return;
  }
  repaired_.clear();
  repair_column_ = 0;
  first_bad_ = FindInvalidUtf8(line.text);
  if (const JsonField* text = FindField(fields_, "text")) {
    ReadDocument(line, *text);
    return;
  }
  for (absl::string_view name : {"object", "attribute", "value"}) {
    if (FindField(fields_, FieldName(options_, name)) != nullptr) {
      ReadClaim(line);
      return;
    }
  }
  out_->SkipRecord(line.number, 0,
                   "neither a document (no 'text') nor a claim (no 'object', "
                   "'attribute' or 'value')",
                   line.text);
}

absl::string_view JsonLinesReader::Text(const JsonField* field, bool* ok) {
  if (field == nullptr || field->type == JsonType::kNull) return "";
  if (field->type != JsonType::kString && field->type != JsonType::kNumber) {
    *ok = false;
    return "";
  }
  if (IsValidUtf8(field->text)) return field->text;
  if (repair_column_ == 0) repair_column_ = field->column;
  repaired_.push_back(RepairUtf8(field->text));
  return repaired_.back();
}

StringId JsonLinesReader::Metadata(const Line& line, absl::string_view key) {
  const JsonField* field = FindField(fields_, key);
  bool ok = true;
  const absl::string_view text = TrimAscii(Text(field, &ok));
  if (!ok) {
    out_->AddIssue(
        IssueKind::kSkippedValue, line.number, field->column,
        absl::StrCat("field '", key, "' is ", JsonTypeName(field->type),
                     ", not a string; ignored"),
        line.text);
  }
  return text.empty() ? kNoString : out_->Intern(text);
}

void JsonLinesReader::NoteRepair(const Line& line) {
  if (first_bad_ == absl::string_view::npos && repaired_.empty()) return;
  const uint32_t column = first_bad_ != absl::string_view::npos
                              ? static_cast<uint32_t>(first_bad_ + 1)
                              : repair_column_;
  out_->AddIssue(IssueKind::kRepaired, line.number, column,
                 "invalid UTF-8 replaced with U+FFFD", line.text);
}

void JsonLinesReader::ReadDocument(const Line& line, const JsonField& text) {
  if (text.type != JsonType::kString) {
    out_->SkipRecord(line.number, text.column,
                     absl::StrCat("field 'text' is ", JsonTypeName(text.type),
                                  ", not a string"),
                     line.text);
    return;
  }
  Document doc;
  doc.text = std::string(Text(&text));
  doc.id = Metadata(line, "id");
  if (doc.id == kNoString) {
    doc.id = out_->Intern(absl::StrCat(out_->path(), ":", line.number));
  }
  doc.source = Metadata(line, "source");
  if (doc.source == kNoString)
    doc.source = out_->Intern(BaseName(out_->path()));
  doc.url = Metadata(line, "url");
  doc.lang = Metadata(line, "lang");
  doc.topic = Metadata(line, "topic");
  doc.published_raw = Metadata(line, "published");
  if (doc.published_raw != kNoString) {
    const absl::string_view raw = out_->Str(doc.published_raw);
    doc.published = ParseIsoDate(raw);
    if (!doc.published) {
      const JsonField* f = FindField(fields_, "published");
      out_->AddIssue(IssueKind::kSkippedValue, line.number, f->column,
                     absl::StrCat("published date ", Quote(raw),
                                  " is not an ISO date; the date is unknown"),
                     line.text);
    }
  }
  const StringId title = Metadata(line, "title");
  if (title != kNoString) doc.title = std::string(out_->Str(title));
  doc.location = InputLocation{0, line.number, 0};
  doc.text_first_line = line.number;
  out_->AddDocument(std::move(doc));
  out_->KeepRecord();
  NoteRepair(line);
}

bool JsonLinesReader::ClaimNames(const Line& line, StringId ids[3]) {
  constexpr absl::string_view kNames[] = {"source", "object", "attribute"};
  for (int i = 0; i < 3; ++i) {
    const absl::string_view name = FieldName(options_, kNames[i]);
    const JsonField* field = FindField(fields_, name);
    bool ok = true;
    const absl::string_view text = TrimAscii(Text(field, &ok));
    if (field != nullptr && ok && !text.empty()) {
      ids[i] = out_->Intern(text);
      continue;
    }
    std::string reason;
    if (field == nullptr) {
      reason = absl::StrCat("missing field '", name, "'");
    } else if (ok) {
      reason = absl::StrCat("field '", name, "' is empty or null");
    } else {
      reason = absl::StrCat("field '", name, "' is ", JsonTypeName(field->type),
                            ", not a string");
    }
    out_->SkipRecord(line.number, field ? field->column : 0, std::move(reason),
                     line.text);
    return false;
  }
  return true;
}

const JsonField* JsonLinesReader::ClaimValue(const Line& line,
                                             absl::string_view* raw) {
  const absl::string_view name = FieldName(options_, "value");
  const JsonField* value = FindField(fields_, name);
  if (value == nullptr) {
    out_->SkipRecord(line.number, 0, absl::StrCat("missing field '", name, "'"),
                     line.text);
    return nullptr;
  }
  if (value->type == JsonType::kArray || value->type == JsonType::kObject) {
    out_->SkipRecord(line.number, value->column,
                     absl::StrCat("value is ", JsonTypeName(value->type),
                                  ", not a string, number or boolean"),
                     line.text);
    return nullptr;
  }
  *raw = value->type == JsonType::kBool ? value->text : Text(value);
  if (out_->IsNull(*raw)) {
    out_->SkipRecord(line.number, value->column,
                     "no value: the value is empty or null", line.text);
    return nullptr;
  }
  return value;
}

void JsonLinesReader::ReadClaim(const Line& line) {
  StringId ids[3];
  if (!ClaimNames(line, ids)) return;
  absl::string_view raw;
  const JsonField* value = ClaimValue(line, &raw);
  if (value == nullptr) return;
  Claim claim;
  claim.source = ids[0];
  claim.subject = ids[1];
  claim.predicate = ids[2];
  claim.raw_value = out_->Intern(raw);
  claim.location = InputLocation{0, line.number, value->column};
  for (const std::string& p : options_.provenance_columns) {
    if (!IsAsOfField(p)) continue;
    const absl::string_view as_of =
        TrimAscii(Text(FindField(fields_, FieldName(options_, p))));
    if (!as_of.empty() && !out_->IsNull(as_of)) {
      claim.as_of = out_->Intern(as_of);
      break;
    }
  }
  const uint32_t index = static_cast<uint32_t>(out_->claim_count());
  out_->AddClaim(claim);
  out_->KeepRecord();
  const JsonField* document =
      FindField(fields_, FieldName(options_, "document"));
  const absl::string_view document_id = TrimAscii(Text(document));
  if (!document_id.empty()) {
    DocumentRef ref;
    ref.claim = index;
    ref.id = std::string(document_id);
    ref.quote =
        std::string(Text(FindField(fields_, FieldName(options_, "quote"))));
    ref.location = InputLocation{0, line.number, document->column};
    out_->AddDocumentRef(std::move(ref));
  }
  NoteRepair(line);
}

}  // namespace

void ReadJsonLines(absl::string_view data, FileBuilder* out) {
  JsonLinesReader(out).Read(data);
  out->set_kind(out->document_count() == 0 && out->claim_count() > 0
                    ? InputKind::kClaimsJsonl
                    : InputKind::kDocumentsJsonl);
}

}  // namespace crosscheck::internal
