#include "cli/command_line.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/cli/run_args.h"
#include "tests/support/test_support.h"

namespace crosscheck::cli {
namespace {

using ::testing::HasSubstr;

struct UsageCase {
  std::vector<std::string> args;
  const char* message;  // substring of the usage error
};

const UsageCase kUsageErrors[] = {
    {{}, "no command given"},
    {{"frobnicate"}, "unknown command \"frobnicate\""},
    {{"reconcile"}, "needs at least one INPUT"},
    {{"reconcile", "x", "--format", "xml"}, "--format must be json, md, html or answers"},
    {{"reconcile", "x", "--method=nope"}, "unknown --method \"nope\""},
    {{"reconcile", "x", "--map", "source"}, "--map takes NAME=VALUE"},
    {{"reconcile", "x", "--map", "=col"}, "--map takes NAME=VALUE"},
    {{"reconcile", "x", "--type", "authors=people"}, "kind must be text, number"},
    {{"reconcile", "x", "--threads", "0"}, "--threads must be a whole number"},
    {{"reconcile", "x", "--threads"}, "--threads needs a value"},
    {{"reconcile", "x", "--bogus"}, "unknown flag --bogus"},
    {{"rules"}, "usage: crosscheck rules check"},
    {{"rules", "check", "a", "b"}, "usage: crosscheck rules check"},
    {{"score", "x"}, "score needs --gold FILE"},
    {{"score", "x", "--gold", "g.tsv", "--mode", "fuzzy"}, "--mode must be exact or surnames"},
    {{"reconcile", "x", "--gold", "g.tsv"}, "--gold and --mode belong to crosscheck score"},
};

TEST(ParseCommandLine, UsageErrors) {
  for (const UsageCase& c : kUsageErrors) {
    absl::StatusOr<Command> command = ParseCommandLine(c.args);
    ASSERT_FALSE(command.ok()) << ::testing::PrintToString(c.args);
    EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(command.status().message()), HasSubstr(c.message));
  }
}

TEST(ParseCommandLine, ReconcileFlags) {
  absl::StatusOr<Command> c = ParseCommandLine(
      {"reconcile", "a.tsv", "-", "--format=answers", "-o", "out.tsv", "--map",
       "source=SourceID", "--type", "authors=names", "--threads", "2", "--method",
       "pooled-investment", "--rules", "my-rules", "--quiet", "--", "-odd-name"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->kind, Command::kReconcile);
  EXPECT_EQ(c->inputs, (std::vector<std::string>{"a.tsv", "-", "-odd-name"}));
  EXPECT_EQ(c->format, ReportFormat::kAnswers);
  EXPECT_EQ(c->output, "out.tsv");
  EXPECT_EQ(c->reconcile.ingest.column_map.at("source"), "SourceID");
  EXPECT_EQ(c->reconcile.typing.kinds.at("authors"), ValueKind::kNameList);
  EXPECT_EQ(c->reconcile.threads, 2);
  EXPECT_EQ(c->reconcile.solve.method, Method::kPooledInvestment);
  EXPECT_EQ(c->rules_dir, "my-rules");
  EXPECT_TRUE(c->quiet);
}

TEST(Run, HelpAndVersion) {
  std::string out, err;
  EXPECT_EQ(RunArgs({"--help"}, &out, &err), kExitOk);
  EXPECT_THAT(out, HasSubstr("crosscheck reconcile INPUT..."));
  EXPECT_EQ(RunArgs({"--version"}, &out, &err), kExitOk);
  EXPECT_THAT(out, HasSubstr("crosscheck "));
}

TEST(Run, MissingInputIsAnInputErrorNamingIt) {
  std::string out, err;
  EXPECT_EQ(RunArgs({"reconcile", "/no/such/claims.tsv", "--rules", RulesDir()}, &out, &err),
            kExitInputError);
  EXPECT_THAT(err, HasSubstr("/no/such/claims.tsv"));
  EXPECT_EQ(out, "");
}

TEST(Run, BrokenRulesAreAnInputErrorWithPosition) {
  testing::TempDir dir;
  dir.Write("rules/bad.json", "{\"pack\": \"p\",\n \"rules\": [}");
  std::string table = dir.Write("t.tsv", "source\tobject\tattribute\tvalue\ns\to\ta\tv\n");
  std::string out, err;
  EXPECT_EQ(RunArgs({"reconcile", table, "--rules", dir.path() + "/rules"}, &out, &err),
            kExitInputError);
  EXPECT_THAT(err, HasSubstr("bad.json:2:12: invalid JSON"));

  EXPECT_EQ(RunArgs({"rules", "check", dir.path() + "/rules"}, &out, &err), kExitInputError);
  EXPECT_THAT(out, HasSubstr("bad.json:2:12"));
  EXPECT_THAT(out, HasSubstr("1 problems"));
}

TEST(Run, RulesCheckOnTheRepositoryRulesIsClean) {
  std::string out, err;
  EXPECT_EQ(RunArgs({"rules", "check", RulesDir()}, &out, &err), kExitOk) << out << err;
  EXPECT_THAT(out, HasSubstr("0 problems, 0 failing examples"));
}

TEST(Run, ReconcileWritesAJsonReportToAFile) {
  testing::TempDir dir;
  std::string table = dir.Write(
      "t.tsv",
      "source\tobject\tattribute\tvalue\n"
      "a\tbook-1\tpages\t352\n"
      "b\tbook-1\tpages\t352\n"
      "c\tbook-1\tpages\t350\n");
  std::string report = dir.path() + "/report.json";
  std::string out, err;
  ASSERT_EQ(RunArgs({"reconcile", table, "--rules", RulesDir(), "-o", report}, &out, &err),
            kExitOk)
      << err;
  EXPECT_EQ(out, "");
  rapidjson::Document doc;
  std::string text = testing::ReadFileOrDie(report);
  ASSERT_TRUE(testing::ParseJson(text, &doc));
  EXPECT_EQ(doc["input"]["counts"]["claims"].GetUint(), 3u);
  EXPECT_STREQ(doc["topics"][0]["questions"][0]["answer"].GetString(), "352");
}

TEST(Run, ReconcileReadsStandardInputAndWritesAnswers) {
  std::istringstream in(
      "source,object,attribute,value\n"
      "a,x,color,red\n"
      "b,x,color,red\n");
  absl::StatusOr<Command> c = ParseCommandLine(
      {"reconcile", "-", "--rules", RulesDir(), "--format", "answers"});
  ASSERT_TRUE(c.ok());
  c->reconcile.ingest.stdin_stream = &in;
  std::ostringstream out, err;
  ASSERT_EQ(cli::Run(*c, out, err), kExitOk) << err.str();
  std::vector<std::string> lines = absl::StrSplit(out.str(), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u) << out.str();
  EXPECT_EQ(lines[0], "object\tattribute\tvalue\tconfidence\tstatus");
  std::vector<std::string> cells = absl::StrSplit(lines[1], '\t');
  ASSERT_EQ(cells.size(), 5u);
  EXPECT_EQ(cells[0], "x");
  EXPECT_EQ(cells[1], "color");
  EXPECT_EQ(cells[2], "red");
  double confidence = 0;
  EXPECT_TRUE(absl::SimpleAtod(cells[3], &confidence));
  EXPECT_GT(confidence, 0.5);
  EXPECT_LE(confidence, 1.0);
  EXPECT_EQ(cells[4], "agreed");
}

TEST(Run, ScoreComparesAnswersWithAGoldTable) {
  testing::TempDir dir;
  std::string table = dir.Write(
      "books.tsv",
      "source\tobject\tauthors\n"
      "a\tisbn-1\tKnuth, Donald E.\n"
      "b\tisbn-1\tDonald E. Knuth\n"
      "c\tisbn-1\tGraham, Ronald\n"
      "a\tisbn-2\tAho, Alfred; Ullman, Jeffrey\n");
  std::string gold = dir.Write("truth.tsv",
                               "object\tauthors\n"
                               "isbn-1\tknuth, donald\n"
                               "isbn-2\taho, a; sethi, r; ullman, j\n"
                               "isbn-3\tnobody, n\n");
  std::string out, err;
  ASSERT_EQ(RunArgs({"score", table, "--gold", gold, "--mode", "surnames", "--rules", RulesDir()},
                    &out, &err),
            kExitOk)
      << err;
  EXPECT_THAT(out, HasSubstr("accuracy\t0.5000\n"));
  EXPECT_THAT(out, HasSubstr("correct\t1\nevaluated\t2\nwithout_question\t1\n"));
  EXPECT_THAT(out, HasSubstr("\tisbn-2\tauthors\t"));

  EXPECT_EQ(RunArgs({"score", table, "--gold", dir.path() + "/missing.tsv", "--rules", RulesDir()},
                    &out, &err),
            kExitInputError);
  EXPECT_THAT(err, HasSubstr("missing.tsv"));
}

}  // namespace
}  // namespace crosscheck::cli
