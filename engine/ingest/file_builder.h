// FileBuilder: what the readers of one input write into, and the one place
// that keeps its InputFile counters consistent.
//
// Each reader (table, JSON Lines, article) turns the bytes of one input into
// a ParsedFile: a Corpus holding exactly that one InputFile (index 0), its
// claims, documents and issues. Records pass through KeepRecord() or
// SkipRecord(), so records == records_kept + records_skipped by
// construction.
#ifndef CROSSCHECK_ENGINE_INGEST_FILE_BUILDER_H_
#define CROSSCHECK_ENGINE_INGEST_FILE_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "crosscheck/ingest.h"

namespace crosscheck::internal {

// A claim that names a document by id ("document" field or column). Ids are
// resolved to Corpus::documents indices once every input is read; `quote`,
// when found in that document's text, sets the claim's evidence span.
struct DocumentRef {
  uint32_t claim = 0;  // index into the file's claims
  std::string id;
  std::string quote;
  InputLocation location;  // of the document cell or field
};

struct ParsedFile {
  Corpus corpus;  // corpus.files.size() == 1
  std::vector<DocumentRef> document_refs;
};

class FileBuilder {
 public:
  // REQUIRES: `options` outlives the builder.
  FileBuilder(std::string path, InputKind kind, uint64_t bytes,
              const IngestOptions& options);
  FileBuilder(const FileBuilder&) = delete;
  FileBuilder& operator=(const FileBuilder&) = delete;

  const IngestOptions& options() const { return options_; }
  const std::string& path() const { return file().path; }
  void set_kind(InputKind kind) { file().kind = kind; }

  StringId Intern(absl::string_view s) { return corpus().strings.Intern(s); }
  // REQUIRES: `id` came from Intern(). The view lives as long as the result.
  absl::string_view Str(StringId id) const {
    return out_.corpus.strings.Get(id);
  }

  // True if `cell` states nothing: empty after trimming ASCII white space, or
  // options().is_null(cell) when set.
  bool IsNull(absl::string_view cell) const;

  // A record that produced claims or a document.
  void KeepRecord();
  // A record that produced nothing: counted and listed as kSkippedRecord.
  // `text` is the record (or the part at fault); the issue keeps an excerpt.
  void SkipRecord(uint32_t line, uint32_t column, std::string reason,
                  absl::string_view text);
  // `count` records skipped because of a file-level issue already listed
  // with AddIssue(); they are counted, not listed one by one.
  void SkipRecordsUnlisted(uint32_t count);
  // Any other issue; does not touch the record counters.
  void AddIssue(IssueKind kind, uint32_t line, uint32_t column,
                std::string reason, absl::string_view text);

  // Reserves room for about `count` claims (capped), so that filling a large
  // file does not copy its claims at every doubling.
  void ReserveClaims(size_t count);
  // Appends a claim located in this file (location.file is set to 0).
  void AddClaim(Claim claim);
  size_t claim_count() const { return out_.corpus.claims.size(); }
  void AddDocument(Document document);
  size_t document_count() const { return out_.corpus.documents.size(); }
  void AddDocumentRef(DocumentRef ref);

  // The result. The builder must not be used afterwards.
  ParsedFile Finish();

 private:
  Corpus& corpus() { return out_.corpus; }
  InputFile& file() { return out_.corpus.files[0]; }
  const InputFile& file() const { return out_.corpus.files[0]; }

  const IngestOptions& options_;
  ParsedFile out_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_FILE_BUILDER_H_
