#include "tests/extract/article_fixture.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/support/test_support.h"

namespace crosscheck::testing {
namespace fs = std::filesystem;

void AddArticle(const std::string& name, const std::string& contents, Corpus* corpus) {
  Document doc;
  doc.id = corpus->strings.Intern(name);
  doc.source = doc.id;
  absl::string_view rest = contents;
  uint32_t line = 1;
  auto next_line = [&](absl::string_view* out) {
    if (rest.empty()) return false;
    size_t nl = rest.find('\n');
    *out = rest.substr(0, nl);
    rest = nl == absl::string_view::npos ? absl::string_view() : rest.substr(nl + 1);
    ++line;
    return true;
  };
  absl::string_view l;
  if (absl::StartsWith(rest, "---\n")) {
    next_line(&l);
    while (next_line(&l) && absl::StripAsciiWhitespace(l) != "---") {
      size_t colon = l.find(':');
      if (colon == absl::string_view::npos) continue;
      std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(l.substr(0, colon)));
      absl::string_view value = absl::StripAsciiWhitespace(l.substr(colon + 1));
      if (key == "source") doc.source = corpus->strings.Intern(value);
      if (key == "lang") doc.lang = corpus->strings.Intern(value);
      if (key == "published" || key == "date") {
        doc.published_raw = corpus->strings.Intern(value);
        absl::CivilDay day;
        if (value.size() >= 10 && absl::ParseCivilTime(value.substr(0, 10), &day)) {
          doc.published = day;
        }
      }
    }
  }
  while (next_line(&l)) {
    if (absl::StripAsciiWhitespace(l).empty()) continue;
    doc.title = std::string(absl::StripAsciiWhitespace(l));
    break;
  }
  doc.text = std::string(rest);
  doc.text_first_line = line;
  corpus->documents.push_back(std::move(doc));
}

void AddArticles(const std::string& dir, Corpus* corpus) {
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& p : paths) {
    AddArticle(fs::path(p).filename().string(), ReadFileOrDie(p), corpus);
  }
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
