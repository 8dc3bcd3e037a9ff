#include "ingest/file_builder.h"

#include <algorithm>
#include <utility>

#include "ingest/line_reader.h"
#include "ingest/memory.h"
#include "ingest/utf8.h"

namespace crosscheck::internal {

FileBuilder::FileBuilder(std::string path, InputKind kind, uint64_t bytes,
                         const IngestOptions& options)
    : options_(options) {
  InputFile file;
  file.path = std::move(path);
  file.kind = kind;
  file.bytes = bytes;
  out_.corpus.files.push_back(std::move(file));
}

bool FileBuilder::IsNull(absl::string_view cell) const {
  // Most cells start with a visible byte: then they are not blank.
  if (cell.empty() || (IsAsciiSpace(cell.front()) && TrimAscii(cell).empty())) {
    return true;
  }
  return options_.is_null && options_.is_null(cell);
}

void FileBuilder::KeepRecord() {
  ++file().records;
  ++file().records_kept;
}

void FileBuilder::SkipRecord(uint32_t line, uint32_t column, std::string reason,
                             absl::string_view text) {
  ++file().records;
  ++file().records_skipped;
  AddIssue(IssueKind::kSkippedRecord, line, column, std::move(reason), text);
}

void FileBuilder::SkipRecordsUnlisted(uint32_t count) {
  file().records += count;
  file().records_skipped += count;
}

void FileBuilder::AddIssue(IssueKind kind, uint32_t line, uint32_t column,
                           std::string reason, absl::string_view text) {
  InputIssue issue;
  issue.kind = kind;
  issue.location = InputLocation{0, line, column};
  issue.reason = std::move(reason);
  issue.excerpt = Utf8Excerpt(text);
  corpus().issues.push_back(std::move(issue));
}

void FileBuilder::ReserveClaims(size_t count) {
  // Past this, doubling is cheap relative to parsing.
  constexpr size_t kMaxReserve = size_t{1} << 22;
  std::vector<Claim>& claims = corpus().claims;
  claims.reserve(std::min(count, kMaxReserve));
  AdviseHugePages(claims.data(), claims.capacity() * sizeof(Claim));
}

void FileBuilder::AddClaim(Claim claim) {
  claim.location.file = 0;
  corpus().claims.push_back(claim);
  ++file().claims;
}

void FileBuilder::AddDocument(Document document) {
  document.location.file = 0;
  corpus().documents.push_back(std::move(document));
  ++file().documents;
}

void FileBuilder::AddDocumentRef(DocumentRef ref) {
  ref.location.file = 0;
  out_.document_refs.push_back(std::move(ref));
}

ParsedFile FileBuilder::Finish() { return std::move(out_); }

}  // namespace crosscheck::internal
