// `crosscheck extract`: flags, and the statements it writes for articles.
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "cli/command_line.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/cli/run_args.h"
#include "tests/support/test_support.h"

namespace crosscheck::cli {
namespace {

using ::testing::HasSubstr;

TEST(ExtractCommand, Flags) {
  absl::StatusOr<Command> c =
      ParseCommandLine({"extract", "a.txt", "b/", "--format=json", "--rules", "r", "-o", "x.json"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->kind, Command::kExtract);
  EXPECT_EQ(c->inputs, (std::vector<std::string>{"a.txt", "b/"}));
  EXPECT_EQ(c->extract_format, ExtractionFormat::kJson);
  EXPECT_EQ(c->rules_dir, "r");
  EXPECT_EQ(c->output, "x.json");

  struct Bad {
    std::vector<std::string> args;
    const char* message;
  } const kBad[] = {
      {{"extract"}, "extract needs at least one INPUT"},
      {{"extract", "a.txt", "--format", "md"}, "--format must be jsonl or json for extract"},
      {{"extract", "a.txt", "--method", "vote"}, "--method does not apply to extract"},
  };
  for (const Bad& b : kBad) {
    absl::StatusOr<Command> bad = ParseCommandLine(b.args);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(bad.status().message()), HasSubstr(b.message));
  }
}

TEST(ExtractCommand, WritesOneStatementPerLineWithItsEvidence) {
  testing::TempDir dir;
  const std::string article =
      "---\npublished: 2022-08-11\nlang: fr\n---\nLivraison\n\n"
      "Mardi, le Mali a re\xC3\xA7u cinq jets militaires et un h\xC3\xA9licopt\xC3\xA8re de combat de Russie.\n"
      "Suivez-nous sur Facebook\n";
  std::string path = dir.Write("a.txt", article);
  std::string out, err;
  ASSERT_EQ(RunArgs({"extract", path, "--rules", RulesDir()}, &out, &err), kExitOk) << err;
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u) << out;
  std::vector<std::string> classes;
  for (const std::string& line : lines) {
    rapidjson::Document d;
    ASSERT_FALSE(d.Parse(line.data(), line.size()).HasParseError()) << line;
    EXPECT_STREQ(d["template"].GetString(), "delivery");
    EXPECT_STREQ(d["slots"]["recipient"].GetString(), "Mali");
    EXPECT_STREQ(d["slots"]["supplier"].GetString(), "Russie");
    EXPECT_STREQ(d["slots"]["date"].GetString(), "2022-08-09");
    classes.push_back(d["slots"]["item_class"].GetString());
    // The evidence is the article's text at the span.
    std::string evidence = d["evidence"].GetString();
    EXPECT_THAT(evidence, HasSubstr("le Mali a re\xC3\xA7u cinq jets"));
    EXPECT_EQ(d["claims"].Size(), d["slots"].MemberCount());
  }
  EXPECT_EQ(classes, (std::vector<std::string>{"jet", "helicopter"}));
}

TEST(ExtractCommand, JsonGroupsByDocumentWithTheCuts) {
  std::string out, err;
  ASSERT_EQ(RunArgs({"extract", testing::SourceDir() + "/fixtures/seeds/input", "--format", "json",
                     "--rules", RulesDir()},
                    &out, &err),
            kExitOk)
      << err;
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(out.data(), out.size()).HasParseError());
  const rapidjson::Value& docs = d["documents"];
  ASSERT_EQ(docs.Size(), 5u);
  // Seed 001 is dated from its text: "dimanche (7 août)" after December 2021.
  const rapidjson::Value& seed1 = docs[1];
  EXPECT_STREQ(seed1["published"].GetString(), "2022-08-07");
  EXPECT_TRUE(seed1["published_inferred"].GetBool());
  EXPECT_GT(seed1["cut_bytes"].GetUint64(), 300u);
  EXPECT_GT(seed1["frames"].Size(), 5u);
  // Seed 004 has nothing to cut.
  EXPECT_EQ(docs[4]["cuts"].Size(), 0u);
}

TEST(ExtractCommand, ReconcileTurnsArticlesIntoClaims) {
  std::string report = testing::TempDir().path() + "-report.json";
  std::string out, err;
  ASSERT_EQ(RunArgs({"reconcile", testing::SourceDir() + "/fixtures/seeds/input", "--rules",
                     RulesDir(), "--quiet"},
                    &out, &err),
            kExitOk)
      << err;
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(out.data(), out.size()).HasParseError());
  EXPECT_GT(d["input"]["counts"]["claims"].GetUint(), 100u) << out.substr(0, 400);
}

}  // namespace
}  // namespace crosscheck::cli
