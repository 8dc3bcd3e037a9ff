// HTML articles (.html, .htm, .xhtml): one file, one document, as saved
// from a news site.
//
// The document's text is the article's visible text: the content of its
// <article> elements when it has any (else of <body>), without markup,
// scripts, styles, forms and embedded media, with block elements (p, div,
// h1-h6, li, br, ...) as line breaks and paragraph breaks, white space
// collapsed as a browser does, and character references decoded. Metadata
// comes from the page:
//   title      the first <h1> of the text, else og:title, else <title>;
//   published  article:published_time, datePublished, date or pubdate
//              metas, else the first <time datetime>;
//   lang       <html lang> ("fr-FR" -> "fr");
//   source     og:site_name, else the host of the canonical URL, else the
//              file name;
//   url        <link rel="canonical">, else og:url.
// A page in another charset than UTF-8 (declared by <meta charset> or
// http-equiv) is converted; bytes that are not valid in it are repaired.
// Lines of the text map back to the input lines they were read from
// (Document::text_lines).
#ifndef CROSSCHECK_ENGINE_INGEST_HTML_READER_H_
#define CROSSCHECK_ENGINE_INGEST_HTML_READER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "ingest/file_builder.h"

namespace crosscheck::internal {

// Reads the HTML page `data` into *out as one record: a document, or a
// skipped record when the page has no text.
void ReadHtmlArticle(absl::string_view data, FileBuilder* out);

// The character set a page declares in its first bytes (lower case), or
// empty.
std::string DeclaredCharset(absl::string_view data);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_HTML_READER_H_
