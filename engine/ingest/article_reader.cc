#include "ingest/article_reader.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "ingest/line_reader.h"
#include "ingest/reader_util.h"
#include "ingest/utf8.h"

namespace crosscheck::internal {
namespace {

struct FrontMatter {
  std::string id, source, url, published, lang, topic, title;
  bool present = false;
};

bool IsDelimiter(absl::string_view line) { return TrimAscii(line) == "---"; }

// "value", 'value' -> value.
absl::string_view Unquote(absl::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') &&
      v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return v;
}

class ArticleReader {
 public:
  ArticleReader(absl::string_view data, FileBuilder* out)
      : data_(data), out_(out) {}

  void Read();

 private:
  // Returns false if the article was skipped for an over-long line.
  bool CheckLineLengths();
  // Reads the front matter if the cursor is at one; the cursor ends after it.
  void ReadFrontMatter(LineCursor* cursor);
  // Sets the title and the text that follows it; false if there is no title.
  bool TakeTitleAndText(LineCursor* cursor, Document* doc);
  // Adds the kRepaired issue for the first invalid byte, at data_[bad].
  void NoteRepair(size_t bad);
  void SetKey(const Line& line, absl::string_view key, absl::string_view value);
  StringId Meta(const std::string& value) {
    return value.empty() ? kNoString : out_->Intern(value);
  }

  absl::string_view data_;
  FileBuilder* out_;
  FrontMatter meta_;
};

void ArticleReader::Read() {
  const absl::string_view body = StripBom(data_);
  if (TrimAscii(body).empty()) {
    absl::string_view reason =
        body.empty() ? "empty file" : "empty file: only blank lines";
    out_->AddIssue(IssueKind::kSkippedRecord, 0, 0, std::string(reason), "");
    return;
  }
  if (!CheckLineLengths()) return;
  const size_t bad = FindInvalidUtf8(data_);
  const std::string repaired =
      bad == absl::string_view::npos ? std::string() : RepairUtf8(data_);
  LineCursor cursor(bad == absl::string_view::npos ? data_ : repaired);
  ReadFrontMatter(&cursor);
  Document doc;
  if (!TakeTitleAndText(&cursor, &doc)) {
    out_->SkipRecord(1, 0, "no title: nothing follows the front matter",
                     cursor.data());
    return;
  }
  doc.id = meta_.id.empty() ? out_->Intern(out_->path()) : Meta(meta_.id);
  doc.source = meta_.source.empty() ? out_->Intern(BaseName(out_->path()))
                                    : Meta(meta_.source);
  doc.url = Meta(meta_.url);
  doc.lang = Meta(meta_.lang);
  doc.topic = Meta(meta_.topic);
  doc.published_raw = Meta(meta_.published);
  if (!meta_.published.empty()) doc.published = ParseIsoDate(meta_.published);
  doc.location = InputLocation{0, 1, 0};
  out_->AddDocument(std::move(doc));
  out_->KeepRecord();
  if (bad != absl::string_view::npos) NoteRepair(bad);
}

bool ArticleReader::TakeTitleAndText(LineCursor* cursor, Document* doc) {
  const absl::string_view data = cursor->data();
  Line line;
  if (!meta_.title.empty()) {
    doc->title = meta_.title;
    if (cursor->Next(&line)) {
      doc->text = std::string(data.substr(line.offset));
      doc->text_first_line = line.number;
    }
    return true;
  }
  while (cursor->Next(&line)) {
    if (IsBlankLine(line.text)) continue;
    doc->title = std::string(TrimAscii(line.text));
    // The text starts past the '\r' and '\n' that end the title line.
    const size_t newline = data.find('\n', line.offset + line.text.size());
    if (newline != absl::string_view::npos) {
      doc->text = std::string(data.substr(newline + 1));
    }
    doc->text_first_line = line.number + 1;
    return true;
  }
  return false;
}

void ArticleReader::NoteRepair(size_t bad) {
  const absl::string_view text = StripBom(data_);
  const size_t offset = bad - (data_.size() - text.size());
  uint32_t bad_line, bad_column;
  LineColumnAt(text, offset, 1, 1, &bad_line, &bad_column);
  out_->AddIssue(IssueKind::kRepaired, bad_line, bad_column,
                 "invalid UTF-8 replaced with U+FFFD",
                 text.substr(offset - (bad_column - 1)));
}

bool ArticleReader::CheckLineLengths() {
  const size_t limit = out_->options().max_line_bytes;
  LineCursor cursor(data_);
  Line line;
  while (cursor.Next(&line)) {
    if (line.text.size() <= limit) continue;
    out_->SkipRecord(line.number, 0, TooLongReason("line", limit), line.text);
    return false;
  }
  return true;
}

void ArticleReader::ReadFrontMatter(LineCursor* cursor) {
  LineCursor probe = *cursor;
  Line line;
  if (!probe.Next(&line) || !IsDelimiter(line.text)) return;
  // Find the closing line first: without one, there is no front matter.
  LineCursor scan = probe;
  bool closed = false;
  while (scan.Next(&line)) {
    if (IsDelimiter(line.text)) {
      closed = true;
      break;
    }
  }
  if (!closed) {
    out_->AddIssue(IssueKind::kSkippedValue, 1, 0,
                   "front matter opened on line 1 is not closed by '---'; "
                   "the file is read as text",
                   "---");
    return;
  }
  meta_.present = true;
  while (probe.Next(&line) && !IsDelimiter(line.text)) {
    const absl::string_view text = TrimAscii(line.text);
    if (text.empty() || text.front() == '#') continue;
    const size_t colon = text.find(':');
    if (colon == absl::string_view::npos) {
      out_->AddIssue(IssueKind::kSkippedValue, line.number, 0,
                     "front matter line is not 'key: value'; ignored",
                     line.text);
      continue;
    }
    SetKey(line, TrimAscii(text.substr(0, colon)),
           Unquote(TrimAscii(text.substr(colon + 1))));
  }
  *cursor = probe;
}

void ArticleReader::SetKey(const Line& line, absl::string_view key,
                           absl::string_view value) {
  const std::string k = absl::AsciiStrToLower(key);
  std::string* slot = nullptr;
  if (k == "source") slot = &meta_.source;
  if (k == "url") slot = &meta_.url;
  if (k == "published" || k == "date") slot = &meta_.published;
  if (k == "lang") slot = &meta_.lang;
  if (k == "topic") slot = &meta_.topic;
  if (k == "id") slot = &meta_.id;
  if (k == "title") slot = &meta_.title;
  if (slot == nullptr) {
    out_->AddIssue(
        IssueKind::kSkippedValue, line.number, 1,
        absl::StrCat("unknown front matter key ", Quote(key), "; ignored"),
        line.text);
    return;
  }
  *slot = std::string(value);
  if (slot == &meta_.published && !value.empty() && !ParseIsoDate(value)) {
    out_->AddIssue(IssueKind::kSkippedValue, line.number, 0,
                   absl::StrCat("published date ", Quote(value),
                                " is not an ISO date; the date is unknown"),
                   line.text);
  }
}

}  // namespace

void ReadArticle(absl::string_view data, FileBuilder* out) {
  ArticleReader(data, out).Read();
}

}  // namespace crosscheck::internal
