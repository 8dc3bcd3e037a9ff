// JSON Lines of documents and claims.
//
// Each non-blank line is one record: an object with "text" is a document,
// one with "object", "attribute" or "value" (names mapped by
// IngestOptions::column_map) a claim. Lines are parsed in place with
// RapidJSON's SAX reader; numbers keep the text they were written with.
#ifndef CROSSCHECK_ENGINE_INGEST_JSONL_READER_H_
#define CROSSCHECK_ENGINE_INGEST_JSONL_READER_H_

#include "absl/strings/string_view.h"
#include "ingest/file_builder.h"

namespace crosscheck::internal {

// Reads JSON Lines `data` into *out and sets its kind: kClaimsJsonl when it
// produced claims and no documents, else kDocumentsJsonl.
void ReadJsonLines(absl::string_view data, FileBuilder* out);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_JSONL_READER_H_
