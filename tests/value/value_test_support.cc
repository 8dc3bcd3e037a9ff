#include "tests/value/value_test_support.h"

#include <memory>
#include <set>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck::testing {

const Rules& RepoRules() {
  static const Rules* rules = [] {
    absl::StatusOr<std::unique_ptr<Rules>> loaded = Rules::Load(SourceDir() + "/rules");
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  if (rules == nullptr) std::abort();
  return *rules;
}

std::string KeyOf(ValueKind kind, absl::string_view raw, ValueStore* store) {
  ValueStore local;
  if (store == nullptr) store = &local;
  absl::StatusOr<ValueId> id = ParseValue(RepoRules().values(), kind, raw, store);
  if (id.ok()) return std::string(store->Key(*id));
  return absl::IsNotFound(id.status()) ? "<null>" : "<invalid>";
}

Corpus MakeCorpus(const std::vector<Row>& rows) {
  Corpus corpus;
  InputFile file;
  file.path = "rows.tsv";
  file.kind = InputKind::kClaimsTsv;
  std::set<uint32_t> lines;
  uint32_t column = 0;
  uint32_t last_line = 0;
  for (const Row& r : rows) {
    lines.insert(r.line);
    column = r.line == last_line ? column + 1 : 1;
    last_line = r.line;
    Claim c;
    c.source = corpus.strings.Intern(r.source);
    c.subject = corpus.strings.Intern(r.subject);
    c.predicate = corpus.strings.Intern(r.predicate);
    c.raw_value = corpus.strings.Intern(r.raw);
    c.location = {0, r.line, column};
    corpus.claims.push_back(c);
  }
  file.records = file.records_kept = static_cast<uint32_t>(lines.size());
  file.claims = static_cast<uint32_t>(rows.size());
  corpus.files.push_back(file);
  return corpus;
}

}  // namespace crosscheck::testing
