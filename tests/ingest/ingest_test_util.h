// Helpers for the ingest tests: run one reader over a string, render claims
// and issues as text, and check the accounting invariants.
#ifndef CROSSCHECK_TESTS_INGEST_INGEST_TEST_UTIL_H_
#define CROSSCHECK_TESTS_INGEST_INGEST_TEST_UTIL_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "crosscheck/ingest.h"
#include "ingest/file_builder.h"

namespace crosscheck::testing {

// Expected record counters of one file.
struct Counts {
  uint32_t records = 0;
  uint32_t kept = 0;
  uint32_t skipped = 0;
};
void ExpectCounts(const InputFile& file, const Counts& expected);

// Runs the reader for `kind` over `data` as if read from `path`.
internal::ParsedFile ReadAs(InputKind kind, absl::string_view data,
                            const IngestOptions& options = IngestOptions(),
                            const std::string& path = "in");

// "source|subject|predicate|value@line:col" for each claim, in order; a
// claim with as_of appends " as_of=...".
std::vector<std::string> ClaimStrings(const Corpus& corpus);

// "kind@line:col: reason" for each issue, in order.
std::vector<std::string> IssueStrings(const Corpus& corpus);

// Expects `actual` (from IssueStrings) to match `expected` one to one, where
// each expected entry is "kind@line:col: reason substring".
void ExpectIssues(const std::vector<std::string>& actual,
                  const std::vector<std::string>& expected);

// Checks, for every file: records == records_kept + records_skipped; the
// claims and documents counters match the corpus; every kSkippedRecord issue
// on a line (line > 0) is one skipped record, and skipped records are only
// left unlisted when the file has a file-level (line 0) kSkippedRecord issue;
// every issue's reason and excerpt are valid UTF-8, excerpts 80 bytes at most.
void ExpectCountersAddUp(const Corpus& corpus);

// Runs `f` without the power to read files regardless of their permissions:
// directly for an ordinary user; for root, in a child process that has
// switched to the user "nobody" (uid 65534), returning the child's status.
// FailedPrecondition if privileges cannot be dropped (then callers skip).
absl::Status RunUnprivileged(const std::function<absl::Status()>& f);

// Files, documents, claims and issues as text, for comparing corpora
// independently of string ids.
std::string DescribeCorpus(const Corpus& corpus);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_INGEST_INGEST_TEST_UTIL_H_
