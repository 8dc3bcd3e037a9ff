// Helpers shared by every test area.
#ifndef CROSSCHECK_TESTS_SUPPORT_TEST_SUPPORT_H_
#define CROSSCHECK_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "crosscheck/rules.h"
#include "rapidjson/document.h"

namespace crosscheck::testing {

// A fresh directory under the test's temporary directory, removed with the
// object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `contents` to path()/name (creating subdirectories) and returns
  // the full path.
  std::string Write(absl::string_view name, absl::string_view contents) const;

 private:
  std::string path_;
};

// Whole file contents; fails the current test if it cannot be read.
std::string ReadFileOrDie(const std::string& path);

// Parses `text` into `*doc`; false on a syntax error. Parses a zero-padded
// copy, because RapidJSON's SSE4.2 path reads 16 bytes at a time and may read
// past the end of a plain string.
bool ParseJson(absl::string_view text, rapidjson::Document* doc);

// The source tree (for rules/ and fixtures/).
std::string SourceDir();
// The repository's rule packs, loaded once; fails the current test (and
// aborts) if they do not load.
const Rules& RepositoryRules();
// The public datasets directory ($CROSSCHECK_DATASETS, else ../shared/datasets
// beside the source tree); empty if it is not there. Tests that need it call
// GTEST_SKIP() when empty, so the suite passes from the repository alone.
std::string DatasetsDir();

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_SUPPORT_TEST_SUPPORT_H_
