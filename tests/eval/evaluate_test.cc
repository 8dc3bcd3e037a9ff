#include "crosscheck/evaluate.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ScoreModeName, RoundTrips) {
  for (ScoreMode m : {ScoreMode::kExact, ScoreMode::kSurnames}) {
    ScoreMode parsed = ScoreMode::kExact;
    ASSERT_TRUE(ParseScoreMode(ScoreModeName(m), &parsed));
    EXPECT_EQ(parsed, m);
  }
  ScoreMode unchanged = ScoreMode::kSurnames;
  EXPECT_FALSE(ParseScoreMode("names", &unchanged));
  EXPECT_EQ(unchanged, ScoreMode::kSurnames);
}

std::vector<std::string> Describe(const std::vector<GoldEntry>& gold) {
  std::vector<std::string> out;
  for (const GoldEntry& e : gold) {
    out.push_back(e.object + "|" + e.attribute + "|" + e.value + "|" +
                  std::to_string(e.line));
  }
  return out;
}

TEST(ReadGoldTable, ReadsEveryForm) {
  testing::TempDir dir;
  struct Case {
    const char* name;
    const char* contents;
    std::vector<std::string> entries;
  };
  const Case cases[] = {
      {"long.csv",
       "\"object\",\"attribute\",\"value\"\n\"cleveland, "
       "ohio\",\"Population2000\",\"478403\"\n"
       "\"a \"\"b\"\"\",\"x\",\"1\"\r\n",
       {"cleveland, ohio|Population2000|478403|2", "a \"b\"|x|1|3"}},
      {"wide.tsv",
       "object\tauthors\ttitle\n0120455994\taiken, peter ;  allen, m. "
       "david;\t\n\n7\t\tT\n",
       {"0120455994|authors|aiken, peter ;  allen, m. david;|2",
        "7|title|T|4"}},
      {"values.tsv", "Object\tValue\nx\t 5 \n", {"x||5|2"}},
      {"multiline.csv",
       "object,value\n\"two\nlines\",v\nnext,w\n",
       {"two\nlines||v|2", "next||w|4"}},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<GoldEntry>> gold =
        ReadGoldTable(dir.Write(c.name, c.contents));
    ASSERT_TRUE(gold.ok()) << c.name << ": " << gold.status();
    EXPECT_EQ(Describe(*gold), c.entries) << c.name;
  }
}

TEST(ReadGoldTable, ReportsProblemsWithTheirPlace) {
  testing::TempDir dir;
  struct Case {
    const char* name;
    const char* contents;
    absl::StatusCode code;
    const char* where;
  };
  const Case cases[] = {
      {"noobject.tsv", "id\tvalue\nx\t1\n", absl::StatusCode::kInvalidArgument,
       "noobject.tsv:1:1"},
      {"cells.tsv", "object\tvalue\nx\t1\ny\t2\t3\n",
       absl::StatusCode::kInvalidArgument, "cells.tsv:3:1"},
      {"quote.csv", "object,value\nx,\"open\n",
       absl::StatusCode::kInvalidArgument, "quote.csv:2:3"},
      {"empty.csv", "", absl::StatusCode::kInvalidArgument, "empty.csv:1:1"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<GoldEntry>> gold =
        ReadGoldTable(dir.Write(c.name, c.contents));
    EXPECT_EQ(gold.status().code(), c.code) << c.name;
    EXPECT_THAT(std::string(gold.status().message()), HasSubstr(c.where))
        << c.name;
  }
  EXPECT_EQ(ReadGoldTable(dir.path() + "/absent.tsv").status().code(),
            absl::StatusCode::kNotFound);
}

// A typed corpus, its graph and a majority-vote solution.
class Scored : public ::testing::Test {
 protected:
  struct Row {
    const char* source;
    const char* object;
    const char* attribute;
    const char* value;
  };

  void Build(const std::vector<Row>& rows) {
    absl::StatusOr<std::unique_ptr<Rules>> rules =
        Rules::Load(testing::SourceDir() + "/rules");
    ASSERT_TRUE(rules.ok()) << rules.status();
    rules_ = *std::move(rules);
    corpus_.files.push_back(InputFile{"rows.tsv", InputKind::kClaimsTsv});
    uint32_t line = 2;
    for (const Row& r : rows) {
      Claim c;
      c.source = corpus_.strings.Intern(r.source);
      c.subject = corpus_.strings.Intern(r.object);
      c.predicate = corpus_.strings.Intern(r.attribute);
      c.raw_value = corpus_.strings.Intern(r.value);
      c.location = {0, line++, 1};
      corpus_.claims.push_back(c);
    }
    CanonicalizeOrder(&corpus_);
    TypingOptions typing;
    typing.kinds["authors"] = ValueKind::kNameList;
    typing.kinds["population"] = ValueKind::kNumber;
    ASSERT_TRUE(TypeClaims(rules_->values(), typing, &corpus_).ok());
    absl::StatusOr<ClaimGraph> g = BuildClaimGraph(corpus_);
    ASSERT_TRUE(g.ok()) << g.status();
    graph_ = *std::move(g);
    SolveOptions options;
    options.method = Method::kVote;
    absl::StatusOr<Solution> s = Solve(graph_, corpus_.values, options);
    ASSERT_TRUE(s.ok());
    solution_ = *std::move(s);
  }

  ScoreResult Score(const std::vector<GoldEntry>& gold, ScoreMode mode) {
    return ScoreAnswers(corpus_, graph_, solution_, rules_->values(), gold,
                        mode);
  }

  std::unique_ptr<Rules> rules_;
  Corpus corpus_;
  ClaimGraph graph_;
  Solution solution_;
};

TEST_F(Scored, ExactComparesCanonicalKeysOfTypedGoldValues) {
  Build({{"a", "city", "population", "1,000"},
         {"b", "city", "population", "1000"},
         {"c", "city", "population", "2000"},
         {"a", "town", "population", "50"}});
  const ScoreResult r = Score({{"city", "population", "1000", 2},
                               {"town", "population", "51", 3},
                               {"village", "population", "7", 4},
                               {"town", "population", "fifty-one", 5}},
                              ScoreMode::kExact);
  EXPECT_EQ(r.gold, 4u);
  EXPECT_EQ(r.evaluated, 3u);
  EXPECT_EQ(r.correct, 1u);
  EXPECT_EQ(r.missing, 1u);
  EXPECT_DOUBLE_EQ(r.accuracy, 1.0 / 3);
  ASSERT_EQ(r.misses.size(), 3u);
  EXPECT_EQ(r.misses[0].gold.line, 3u);
  EXPECT_EQ(r.misses[0].answer, "50");
  EXPECT_THAT(r.misses[0].reason, HasSubstr("gold is 51"));
  EXPECT_EQ(r.misses[1].answer, "");
  EXPECT_THAT(r.misses[1].reason, HasSubstr("no question"));
  EXPECT_THAT(r.misses[2].reason, HasSubstr("does not type as number"));
}

TEST_F(Scored, SurnamesIgnoreGivenNamesOrderAndFormat) {
  Build({{"a", "0201", "authors", "Knuth, Donald E.; Graham, Ronald"},
         {"b", "0201", "authors", "Knuth, Donald E.; Graham, Ronald"},
         {"c", "0202", "authors", "Knuth"}});
  const ScoreResult r =
      Score({{"0201", "authors", "graham, r. l.; knuth, d.;", 2},
             {"0202", "", "knuth, donald; graham, ronald;", 3}},
            ScoreMode::kSurnames);
  EXPECT_EQ(r.evaluated, 2u);
  EXPECT_EQ(r.correct, 1u);
  ASSERT_EQ(r.misses.size(), 1u);
  EXPECT_EQ(r.misses[0].gold.object, "0202");
  EXPECT_THAT(r.misses[0].reason, HasSubstr("wrong answer"));
}

TEST_F(Scored, AnObjectWithSeveralQuestionsNeedsTheAttribute) {
  Build({{"a", "city", "population", "10"}, {"a", "city", "area", "3"}});
  const ScoreResult r = Score({{"city", "", "10", 2}}, ScoreMode::kExact);
  EXPECT_EQ(r.missing, 1u);
  EXPECT_THAT(r.misses[0].reason, HasSubstr("several questions"));
}

}  // namespace
}  // namespace crosscheck
