#include "tests/extract/article_fixture.h"

#include <algorithm>
#include <filesystem>

#include "absl/strings/str_split.h"
#include "crosscheck/ingest.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/support/test_support.h"

namespace crosscheck::testing {
namespace fs = std::filesystem;

void AddArticles(const std::string& dir, Corpus* corpus) {
  IngestOptions options;
  absl::Status read = Ingest({dir}, options, corpus);
  ASSERT_TRUE(read.ok()) << read;
}

std::string FileName(const Corpus& corpus, const Document& doc) {
  return fs::path(std::string(corpus.str(doc.id))).filename().string();
}

std::vector<ExpectedClaim> ReadExpectedClaims(const std::string& path) {
  std::vector<ExpectedClaim> out;
  std::string data = ReadFileOrDie(path);
  int number = 0;
  for (absl::string_view line : absl::StrSplit(data, '\n', absl::SkipWhitespace())) {
    ++number;
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("slots")) {
      ADD_FAILURE() << path << ":" << number << ": not an expected claim";
      continue;
    }
    ExpectedClaim c;
    c.document = d["document"].GetString();
    c.template_name = d["template"].GetString();
    c.evidence = d["evidence"].GetString();
    c.modality = d.HasMember("modality") ? d["modality"].GetString() : "asserted";
    for (auto m = d["slots"].MemberBegin(); m != d["slots"].MemberEnd(); ++m) {
      c.slots[m->name.GetString()] = m->value.IsString() ? m->value.GetString() : "";
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> CorporaWithExpectedClaims() {
  std::vector<std::string> out;
  fs::path root = fs::path(SourceDir()) / "fixtures";
  for (const auto& entry : fs::directory_iterator(root)) {
    if (fs::exists(entry.path() / "expected_claims.jsonl")) {
      out.push_back(entry.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace crosscheck::testing
