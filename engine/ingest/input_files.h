// Turning the inputs of Ingest() into the list of files to read, reading
// them, and sniffing the kind of standard input.
#ifndef CROSSCHECK_ENGINE_INGEST_INPUT_FILES_H_
#define CROSSCHECK_ENGINE_INGEST_INPUT_FILES_H_

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "crosscheck/ingest.h"
#include "ingest/file_builder.h"

namespace crosscheck::internal {

struct InputSource {
  std::string path;                      // "-" for standard input
  InputKind kind = InputKind::kArticle;  // by extension; stdin: sniffed later
  bool is_stdin = false;
  uint64_t bytes = 0;  // size when resolved (0 for stdin)
};

// The kind a file name's extension stands for (case-insensitive: .txt,
// .text, .md, .markdown articles; .html, .htm, .xhtml pages; .jsonl,
// .ndjson; .csv; .tsv), or nullopt.
std::optional<InputKind> KindForPath(absl::string_view path);

// Why a file of kind kUnsupported is skipped: "not an input kind crosscheck
// reads (a .pdf file; expected ...)".
std::string UnsupportedReason(absl::string_view path);

// Expands `inputs` in order: a file as given, a directory as its regular
// files (recursively; symbolic links to directories are not followed) in
// byte order of their paths, those of no known kind as kUnsupported (they
// are listed as skipped, never read), "-" as standard input. A file reached twice
// (the same path, or another path to the same inode) or "-" given twice is
// kept once, at its first position, under the byte-smallest of its paths.
// NotFound / PermissionDenied naming the path; InvalidArgument for a file
// of an unsupported kind named explicitly.
absl::StatusOr<std::vector<InputSource>> ResolveInputs(
    const std::vector<std::string>& inputs);

// The whole file, read into *buffer (reused: it grows when needed and is
// never shrunk, so a buffer kept across files is filled with zeros once).
// The view is valid until *buffer changes. NotFound or PermissionDenied
// naming `path`; other failures carry absl::ErrnoToStatusCode(errno).
absl::StatusOr<absl::string_view> ReadWholeFile(const std::string& path,
                                                std::string* buffer);

// Everything left in `in`.
std::string ReadWholeStream(std::istream& in);

// The kind of standard input from its first bytes: JSON Lines if the first
// non-space byte is '{'; an HTML page if it opens with <!DOCTYPE html> or
// <html>; TSV if the first non-blank line has a tab; CSV if it
// has a comma and names the source and object columns (after column_map);
// otherwise an article.
InputKind SniffKind(absl::string_view data, const IngestOptions& options);

// Parses `data`, the whole content of the input at `path`, as `kind` with the
// reader for that kind. Never fails: problems become issues of the file.
ParsedFile ParseData(InputKind kind, absl::string_view data,
                     const std::string& path, const IngestOptions& options);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_INPUT_FILES_H_
