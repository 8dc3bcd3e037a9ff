#include "tests/support/test_support.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace crosscheck::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  const ::testing::TestInfo* info =
      ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? absl::StrCat(info->test_suite_name(), ".", info->name())
                          : "crosscheck";
  fs::path base = fs::temp_directory_path();
  if (const char* t = std::getenv("TEST_TMPDIR"); t && *t) base = t;
  for (int i = 0;; ++i) {
    fs::path p = base / absl::StrCat("crosscheck-", name, "-", ::getpid(), "-", i);
    std::error_code ec;
    if (fs::create_directories(p, ec)) {
      path_ = p.string();
      break;
    }
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::Write(absl::string_view name,
                           absl::string_view contents) const {
  fs::path p = fs::path(path_) / std::string(name);
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  EXPECT_TRUE(out.good()) << "cannot write " << p;
  return p.string();
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool ParseJson(absl::string_view text, rapidjson::Document* doc) {
  std::string padded(text);
  padded.append(16, '\0');
  doc->Parse(padded.c_str(), text.size());
  return !doc->HasParseError();
}

std::string SourceDir() { return CROSSCHECK_SOURCE_DIR; }

const Rules& RepositoryRules() {
  static const Rules* rules = [] {
    absl::StatusOr<std::unique_ptr<Rules>> loaded = Rules::Load(SourceDir() + "/rules");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status();
      std::abort();
    }
    return loaded->release();
  }();
  return *rules;
}

std::string DatasetsDir() {
  std::string dir = CROSSCHECK_DATASETS_DIR;
  if (const char* env = std::getenv("CROSSCHECK_DATASETS"); env && *env) dir = env;
  std::error_code ec;
  return fs::is_directory(dir, ec) ? dir : std::string();
}

}  // namespace crosscheck::testing
