#include "ingest/input_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/support/test_support.h"

namespace crosscheck::internal {
namespace {

using crosscheck::testing::TempDir;

TEST(KindForPathTest, Extensions) {
  const std::pair<const char*, std::optional<InputKind>> kCases[] = {
      {"a.txt", InputKind::kArticle},
      {"dir.v2/A.TXT", InputKind::kArticle},
      {"x.jsonl", InputKind::kDocumentsJsonl},
      {"x.ndjson", InputKind::kDocumentsJsonl},
      {"x.csv", InputKind::kClaimsCsv},
      {"x.Tsv", InputKind::kClaimsTsv},
      {"x.json", std::nullopt},
      {"x.md", InputKind::kArticle},
      {"x.Markdown", InputKind::kArticle},
      {"page.html", InputKind::kArticleHtml},
      {"page.HTM", InputKind::kArticleHtml},
      {"x.pdf", std::nullopt},
      {"README", std::nullopt},
      {"dir.csv/README", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [path, kind] : kCases) {
    EXPECT_EQ(KindForPath(path), kind) << path;
  }
}

TEST(SniffKindTest, Content) {
  IngestOptions options;
  const std::pair<const char*, InputKind> kCases[] = {
      {"{\"text\":\"x\"}\n", InputKind::kDocumentsJsonl},
      {"\xEF\xBB\xBF  \n {\"a\":1}", InputKind::kDocumentsJsonl},
      {"source\tobject\tgate\n", InputKind::kClaimsTsv},
      {"\n\nsource,object,gate\n", InputKind::kClaimsCsv},
      {"\"Source\",\"OBJECT\",x\n", InputKind::kClaimsCsv},
      {"Hello, world\nBody\n", InputKind::kArticle},
      {"A title\nsource,object\n", InputKind::kArticle},
      {"", InputKind::kArticle},
      {"\n <!DOCTYPE html><html>", InputKind::kArticleHtml},
      {"<HTML lang=fr>", InputKind::kArticleHtml},
      {"<p>a fragment</p>", InputKind::kArticle},
  };
  for (const auto& [data, kind] : kCases) {
    EXPECT_EQ(SniffKind(data, options), kind) << data;
  }
  options.column_map["source"] = "site";
  EXPECT_EQ(SniffKind("site,object,x\n", options), InputKind::kClaimsCsv);
  EXPECT_EQ(SniffKind("source,object,x\n", options), InputKind::kArticle);
}

std::vector<std::string> Paths(const std::vector<InputSource>& sources) {
  std::vector<std::string> out;
  for (const InputSource& s : sources) out.push_back(s.path);
  return out;
}

TEST(ResolveInputsTest, DirectoriesAreExpandedInByteOrder) {
  TempDir dir;
  const std::string root = dir.path() + "/in";
  dir.Write("in/b.tsv", "x");
  dir.Write("in/c.txt", "x");
  dir.Write("in/sub/d.jsonl", "x");
  dir.Write("in/Z.CSV", "x");
  dir.Write("in/notes.pdf", "x");
  dir.Write("in/b-2.tsv", "x");
  auto sources = ResolveInputs({root});
  ASSERT_TRUE(sources.ok()) << sources.status();
  // '-' (0x2D) < '.' (0x2E) and 'Z' (0x5A) < 'b' (0x62).
  EXPECT_EQ(Paths(*sources),
            (std::vector<std::string>{root + "/Z.CSV", root + "/b-2.tsv",
                                      root + "/b.tsv", root + "/c.txt",
                                      root + "/notes.pdf", root + "/sub/d.jsonl"}));
  EXPECT_EQ((*sources)[4].kind, InputKind::kUnsupported);
  EXPECT_EQ((*sources)[5].kind, InputKind::kDocumentsJsonl);
  EXPECT_EQ((*sources)[0].bytes, 1u);
}

TEST(ResolveInputsTest, EachFileOnce) {
  TempDir dir;
  const std::string a = dir.Write("in/a.csv", "x");
  const std::string b = dir.Write("b.csv", "x");
  auto sources = ResolveInputs({b, "-", dir.path() + "/in", b, "-"});
  ASSERT_TRUE(sources.ok()) << sources.status();
  EXPECT_EQ(Paths(*sources), (std::vector<std::string>{b, "-", a}));
  EXPECT_TRUE((*sources)[1].is_stdin);

  // Two paths to one file: the byte-smallest is kept, in either order
  // ('.' sorts before 'a').
  const std::string alias = dir.path() + "/in/../in/a.csv";
  for (const auto& inputs : {std::vector<std::string>{a, alias},
                             std::vector<std::string>{alias, a}}) {
    auto once = ResolveInputs(inputs);
    ASSERT_TRUE(once.ok());
    EXPECT_EQ(Paths(*once), std::vector<std::string>{alias});
  }
}

TEST(ResolveInputsTest, Errors) {
  TempDir dir;
  const std::string pdf = dir.Write("notes.pdf", "x");
  const std::string listed = dir.Write("d/notes.pdf", "x");

  auto missing = ResolveInputs({dir.path() + "/nope.tsv"});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("nope.tsv"),
            absl::string_view::npos);

  auto unsupported = ResolveInputs({pdf});
  EXPECT_EQ(unsupported.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(unsupported.status().message().find(pdf), absl::string_view::npos);

  // Unsupported files inside directories are kept, to be listed as skipped.
  auto kept = ResolveInputs({dir.path() + "/d"});
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(Paths(*kept), std::vector<std::string>{listed});
  EXPECT_EQ((*kept)[0].kind, InputKind::kUnsupported);
  EXPECT_NE(UnsupportedReason(listed).find("a .pdf file"), std::string::npos);
}

TEST(ResolveInputsTest, UnreadableDirectory) {
  TempDir dir;
  dir.Write("locked/inner/a.csv", "x");
  const std::string locked = dir.path() + "/locked/inner";
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  const absl::Status status = crosscheck::testing::RunUnprivileged(
      [&] { return ResolveInputs({dir.path() + "/locked"}).status(); });
  ::chmod(locked.c_str(), 0755);
  if (status.code() == absl::StatusCode::kFailedPrecondition) {
    GTEST_SKIP() << status;
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_NE(status.message().find(locked), absl::string_view::npos);
}

TEST(ReadWholeFileTest, ReadsWholeFiles) {
  TempDir dir;
  const std::string big(3 << 20, 'q');
  const std::string path = dir.Write("a.csv", big);
  std::string buffer = "old contents";
  auto data = ReadWholeFile(path, &buffer);
  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_EQ(*data, big);
  // A smaller file reuses the buffer.
  const size_t size = buffer.size();
  data = ReadWholeFile(dir.Write("b.csv", "small"), &buffer);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "small");
  EXPECT_EQ(buffer.size(), size);
  data = ReadWholeFile(dir.Write("e.csv", ""), &buffer);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "");
  EXPECT_EQ(ReadWholeFile(dir.path() + "/none.csv", &buffer).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(ReadWholeFileTest, PermissionDenied) {
  TempDir dir;
  const std::string path = dir.Write("a.csv", "x");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  const absl::Status status = crosscheck::testing::RunUnprivileged([&] {
    std::string data;
    return ReadWholeFile(path, &data).status();
  });
  if (status.code() == absl::StatusCode::kFailedPrecondition) {
    GTEST_SKIP() << status;
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_NE(status.message().find(path), absl::string_view::npos);
}

TEST(ReadWholeStreamTest, ReadsEverything) {
  std::istringstream in(std::string(200000, 'z') + "end");
  const std::string data = ReadWholeStream(in);
  EXPECT_EQ(data.size(), 200003u);
  EXPECT_EQ(data.substr(data.size() - 3), "end");
}

}  // namespace
}  // namespace crosscheck::internal
