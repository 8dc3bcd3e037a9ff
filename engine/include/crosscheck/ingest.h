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
//
// Records and accounting. A record is a table row, a JSON line or an
// article; blank lines are not records (in TSV, lines of spaces only, as a
// line of tabs is a row of empty cells; elsewhere spaces and tabs). For
// every file, records == records_kept + records_skipped. A skipped record is
// one kSkippedRecord issue on its line, except when the whole file is
// unusable: then one file-level issue (line 0) says why and the rows are
// counted as skipped without being listed. Other file-level issues (line 0,
// kSkippedRecord, no records): "empty file" (also for blank-only files) and
// "no data rows" (a header alone).
//
// Locations. Lines are 1-based; columns are 1-based bytes in their line
// (after a byte order mark on line 1), 0 when the issue is about a whole
// line. A claim points at its cell (the opening quote of a quoted CSV cell)
// or, in JSON Lines, at the first byte of its value. All claims of a record
// carry the record's first line, so (file, line) tells records apart; when
// a quoted CSV cell spans lines, later cells of the row are located by their
// byte offset from the start of that first line. Issues point at the exact
// line and column. Excerpts are at most 80 bytes of valid UTF-8.
//
// Text. Invalid UTF-8 is repaired (each maximal ill-formed subpart becomes
// U+FFFD) and the record kept, with one kRepaired issue at the first bad
// byte. A line longer than max_line_bytes is skipped ("line longer than N
// bytes") and reading goes on with the next line; in an article it skips the
// article. The line is never copied. CRLF and LF read alike; a UTF-8 BOM is
// ignored.
//
// Tables. Header names match case-insensitively after trimming; column_map
// renames canonical fields (source, object, attribute, value and the
// provenance columns). Long form needs attribute and value; wide form makes
// every other column an attribute, except provenance columns. source and
// object are required: a missing one makes the file unusable (the issue
// names it, lists the columns seen and suggests --map). A row with the wrong
// number of cells is skipped ("expected 8 columns, found 7"), as is one with
// an empty source or object cell, or no value ("no values: every attribute
// cell is empty or null"; long form: "no value: ..."). Source, object and
// attribute names are trimmed; values are kept as written. Columns that are
// repeated, unnamed, or unused in long form are listed as kSkippedValue
// issues on the header line. CSV follows RFC 4180; text after a closing
// quote is appended to the cell, and a quote inside an unquoted cell is a
// character. A quoted cell still open at the end of the file (or after
// max_line_bytes) skips its record, and reading resumes at the next line.
// TSV has no quoting.
//
// JSON Lines. A malformed line is skipped with RapidJSON's message and
// column. Documents need "text" (a string); "id" defaults to "path:line" and
// "source" to the file name; metadata of another type is ignored with a
// kSkippedValue issue. Claims need source, object, attribute and value
// (after column_map); values are strings, numbers (text as written) or
// booleans; null or empty values skip the record, arrays and objects too.
// A repeated key keeps its last value. The file is kClaimsJsonl when it
// produced claims and no documents, else kDocumentsJsonl.
//
// Articles. Front matter keys (case-insensitive): source, url, published or
// date, lang, topic, id, title; values are trimmed and may be quoted; "#"
// lines are comments. Unknown keys and lines that are not "key: value" are
// ignored with a kSkippedValue issue; a front matter that is never closed is
// read as text (with an issue). Without metadata, source is the file name
// and id the path. The title is the front matter's, else the first non-blank
// line; Document::text is every byte after the title line (after the front
// matter when it gives the title), CRs included.
//
// Dates. "published" is kept as written in published_raw; an ISO-like date
// ("2022-08-10", "2022-08-10T09:00:00Z", "2022-08-10 09:00") sets
// Document::published to the calendar day as written. Anything else leaves
// it unset, with a kSkippedValue issue; no date is ever guessed here.
//
// Provenance. Claim::as_of comes from the first of provenance_columns, in
// list order, that fills it and is not null. A "document" cell or field
// links the claim to the document with that id (among the documents of the
// same Ingest call; with duplicate ids, the first by path and line), and a
// "quote" found in that document's text sets the claim's span. An unknown
// document or a quote not found is a kSkippedValue issue; the claim is kept.
// "url" and a quote without a document are accepted and not stored.
//
// Paths. Each file is read once: the same file reached twice (directly,
// through a directory, or by another path) keeps its byte-smallest path, and
// "-" given twice is read once. Inside directories, unsupported files are
// ignored and symbolic links to directories are not followed. Standard input
// is sniffed: JSON Lines if its first non-space byte is '{', TSV if its first
// non-blank line has a tab, CSV if it has a comma and names the source and
// object columns, else an article (source and id "-").
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
  // True for cells that are no claim (empty, "n/a", ...); called with the
  // cell as written. Cells empty after trimming ASCII white space are null
  // whether or not it is set.
  std::function<bool(absl::string_view)> is_null;
  // Read for the input "-". Unset: std::cin.
  std::istream* stdin_stream = nullptr;
  // Files are parsed on up to this many threads; the result is identical for
  // any value.
  int threads = 1;
};

// Appends every input to `*corpus`, files in input order (a directory's in
// byte order of paths); the result is identical for any thread count.
// NotFound for a path that does not exist, PermissionDenied for one that
// cannot be read, InvalidArgument for a path of an unsupported kind given
// explicitly (inside directories such files are ignored) or for a
// column_map key that names no canonical field; each message names the path
// or key. On error *corpus is unchanged. Problems inside files are not
// errors: they are recorded in corpus->issues and the run goes on.
absl::Status Ingest(const std::vector<std::string>& inputs,
                    const IngestOptions& options, Corpus* corpus);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_INGEST_H_
