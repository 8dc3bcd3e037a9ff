// Claim tables: CSV and TSV with a header row.
//
// Header names match case-insensitively after trimming ASCII white space;
// IngestOptions::column_map renames the canonical ones. A table is in long
// form when it has both `attribute` and `value` columns (one claim per row),
// otherwise in wide form: every column that is not source, object or a
// provenance column is an attribute (one claim per non-null cell). See
// crosscheck/ingest.h for the rules on skipped rows and file-level issues.
#ifndef CROSSCHECK_ENGINE_INGEST_TABLE_READER_H_
#define CROSSCHECK_ENGINE_INGEST_TABLE_READER_H_

#include "absl/strings/string_view.h"
#include "ingest/file_builder.h"

namespace crosscheck::internal {

// Reads the table `data` (separator ',' for CSV, '\t' for TSV) into *out.
void ReadTable(absl::string_view data, char separator, FileBuilder* out);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_TABLE_READER_H_
