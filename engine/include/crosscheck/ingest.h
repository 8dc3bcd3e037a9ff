// Ingest: reads inputs of every supported kind into a Corpus.
//
//   path.txt                article; first non-empty line is the title; an
//                           optional front matter block between "---" lines
//                           gives source, url, published, lang, topic
//   path.jsonl / .ndjson    JSON Lines; a line with "text" is a document, a
//                           line with "object", "attribute", "value" a claim
//   path.csv / path.tsv     claim table with a header row: long form
//                           (source, object, attribute, value) or wide form
//                           (source, object, then one column per attribute)
//   directory               every file above inside it, recursively, in
//                           byte order of their paths
//   -                       standard input; its kind is sniffed from content
//
// Bad data never stops a run: every record becomes claims or a document, or
// is listed in Corpus::issues with its file, line, column and reason.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_INGEST_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_INGEST_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "crosscheck/corpus.h"

namespace crosscheck {

struct IngestOptions {
  // Canonical field -> column name in the input: {"source": "SourceID"}
  // (command line: --map source=SourceID). Applies to tables and JSON claims.
  absl::flat_hash_map<std::string, std::string> column_map;
  // Table columns that are provenance, not attributes, in wide tables. The
  // first one present also fills Claim::as_of when named "timestamp",
  // "published", "as_of" or "date_observed".
  std::vector<std::string> provenance_columns = {
      "timestamp", "published", "as_of", "date_observed", "url", "document",
      "quote"};
  // A line longer than this is skipped ("line longer than N bytes").
  size_t max_line_bytes = size_t{1} << 20;
  // True for cells that are no claim (empty, "n/a", ...). Unset: only cells
  // that are empty after trimming ASCII white space are null.
  std::function<bool(absl::string_view)> is_null;
  // Read for the input "-". Unset: std::cin.
  std::istream* stdin_stream = nullptr;
  // Files are parsed on up to this many threads; the result is identical for
  // any value.
  int threads = 1;
};

// Appends every input to `*corpus`. NotFound for a path that does not exist,
// PermissionDenied for one that cannot be read, InvalidArgument for a path of
// an unsupported kind given explicitly (inside directories such files are
// ignored); each message names the path. Problems inside files are not
// errors: they are recorded in corpus->issues and the run goes on.
absl::Status Ingest(const std::vector<std::string>& inputs,
                    const IngestOptions& options, Corpus* corpus);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_INGEST_H_
