// Plain-text articles (.txt): one file, one document.
//
// Optional front matter: a first line "---", then "key: value" lines, then a
// line "---". Known keys (case-insensitive): source, url, published (or
// date), lang, topic, id, title. Values are trimmed and may be quoted. The
// title is the front matter's, else the first non-blank line after the front
// matter, and the text is what follows that line, bytes as read (after UTF-8
// repair; CR bytes of CRLF files are kept).
#ifndef CROSSCHECK_ENGINE_INGEST_ARTICLE_READER_H_
#define CROSSCHECK_ENGINE_INGEST_ARTICLE_READER_H_

#include "absl/strings/string_view.h"
#include "ingest/file_builder.h"

namespace crosscheck::internal {

// Reads the article `data` into *out as one record.
void ReadArticle(absl::string_view data, FileBuilder* out);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_ARTICLE_READER_H_
