// Helpers for the value tests: the repository's rules, parsing to keys, and
// small corpora built from claim rows.
#ifndef CROSSCHECK_TESTS_VALUE_VALUE_TEST_SUPPORT_H_
#define CROSSCHECK_TESTS_VALUE_VALUE_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "crosscheck/rules.h"
#include "crosscheck/value.h"

namespace crosscheck::testing {

// The rules/ directory of the source tree, loaded once; fails the test if it
// does not load.
const Rules& RepoRules();

// The canonical key of `raw` parsed as `kind`, "<null>" for a null marker or
// "<invalid>" when it does not parse.
std::string KeyOf(ValueKind kind, absl::string_view raw, ValueStore* store = nullptr);

// A claim row for MakeCorpus.
struct Row {
  const char* source;
  const char* subject;
  const char* predicate;
  const char* raw;
  uint32_t line;  // claims of one line form one record
};

// One file "rows.tsv" whose records are the distinct lines of `rows`, each
// counted as kept, with one claim per row (column = position in the line).
Corpus MakeCorpus(const std::vector<Row>& rows);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_VALUE_VALUE_TEST_SUPPORT_H_
