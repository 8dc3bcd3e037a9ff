// The report contract, checked structurally on small reconciled corpora:
// counts add up, every reference resolves, statuses follow the evidence, and
// the bytes do not depend on input order or thread count.
#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "crosscheck/reconcile.h"
#include "crosscheck/report.h"
#include "crosscheck/rules.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;

// Rows of a long-form table: source, object, attribute, value.
const char* const kRows[] = {
    "s1\tbook-1\tpages\t352",  "s2\tbook-1\tpages\t352",  "s3\tbook-1\tpages\t352",
    "s4\tbook-1\tpages\t350",  "s1\tbook-1\tcolor\tred",  "s2\tbook-1\tcolor\tred",
    "s3\tbook-2\tpages\t100",  "s1\tbook-2\tcolor\tblue", "s2\tbook-2\tcolor\tblue",
    "s3\tbook-2\tcolor\tBlue", "s4\tbook-2\tcolor\tgreen"};

std::string Table(std::vector<std::string> rows) {
  return "source\tobject\tattribute\tvalue\n" + absl::StrJoin(rows, "\n") + "\n";
}

std::string Report(const std::vector<std::string>& inputs, ReportFormat format, int threads) {
  ReconcileOptions options;
  options.inputs = inputs;
  options.threads = threads;
  auto r = Reconcile(testing::RepositoryRules(), options);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok()) return "";
  ReportOptions report;
  report.format = format;
  std::ostringstream out;
  EXPECT_TRUE(WriteReport(*r, report, &out).ok());
  return out.str();
}

TEST(JsonReport, CountsAndReferencesHold) {
  testing::TempDir dir;
  std::vector<std::string> rows(std::begin(kRows), std::end(kRows));
  rows.push_back("s5\tbook-3");  // wrong column count: skipped
  std::string path = dir.Write("claims.tsv", Table(rows));
  std::string json = Report({path}, ReportFormat::kJson, 1);
  rapidjson::Document doc;
  ASSERT_TRUE(testing::ParseJson(json, &doc));

  const rapidjson::Value& counts = doc["input"]["counts"];
  EXPECT_EQ(counts["records"].GetUint(), 12u);
  EXPECT_EQ(counts["records_kept"].GetUint() + counts["records_skipped"].GetUint(), 12u);
  EXPECT_EQ(counts["records_skipped"].GetUint(), 1u);
  ASSERT_EQ(doc["input"]["skipped"].Size(), 1u);
  EXPECT_EQ(doc["input"]["skipped"][0]["line"].GetUint(), 13u);

  std::set<std::string> claim_ids;
  size_t claims = 0;
  for (const auto& topic : doc["topics"].GetArray()) {
    for (const auto& c : topic["claims"].GetArray()) {
      EXPECT_TRUE(claim_ids.insert(c["id"].GetString()).second) << "duplicate claim id";
      ++claims;
    }
  }
  EXPECT_EQ(claims, counts["claims"].GetUint());
  for (const auto& topic : doc["topics"].GetArray()) {
    for (const auto& q : topic["questions"].GetArray()) {
      for (const auto& v : q["values"].GetArray()) {
        for (const auto& ref : v["claims"].GetArray()) {
          EXPECT_TRUE(claim_ids.count(ref.GetString())) << ref.GetString();
        }
      }
    }
    for (const auto& e : topic["edges"].GetArray()) {
      EXPECT_TRUE(claim_ids.count(e["from"].GetString()));
      EXPECT_TRUE(claim_ids.count(e["to"].GetString()));
      EXPECT_FALSE(std::string(e["why"].GetString()).empty());
    }
  }
}

// Finds the question `predicate` of topic `object`.
const rapidjson::Value* Question(const rapidjson::Document& doc, const std::string& object,
                                 const std::string& predicate) {
  for (const auto& topic : doc["topics"].GetArray()) {
    if (topic["id"].GetString() != object) continue;
    for (const auto& q : topic["questions"].GetArray()) {
      if (q["predicate"].GetString() == predicate) return &q;
    }
  }
  return nullptr;
}

TEST(JsonReport, StatusesFollowTheEvidence) {
  testing::TempDir dir;
  std::string path = dir.Write("claims.tsv", Table({std::begin(kRows), std::end(kRows)}));
  std::string json = Report({path}, ReportFormat::kJson, 1);
  rapidjson::Document doc;
  ASSERT_TRUE(testing::ParseJson(json, &doc));

  const rapidjson::Value* pages = Question(doc, "book-1", "pages");
  ASSERT_NE(pages, nullptr);
  EXPECT_STREQ((*pages)["status"].GetString(), "conflict");
  EXPECT_STREQ((*pages)["answer"].GetString(), "352");
  const rapidjson::Value* color = Question(doc, "book-1", "color");
  ASSERT_NE(color, nullptr);
  EXPECT_STREQ((*color)["status"].GetString(), "agreed");
  const rapidjson::Value* single = Question(doc, "book-2", "pages");
  ASSERT_NE(single, nullptr);
  EXPECT_STREQ((*single)["status"].GetString(), "single_source");
  // "Blue" and "blue" are one text value.
  const rapidjson::Value* blue = Question(doc, "book-2", "color");
  ASSERT_NE(blue, nullptr);
  EXPECT_EQ((*blue)["values"].Size(), 2u);
  EXPECT_STREQ((*blue)["answer"].GetString(), "blue");

  bool found_conflict = false;
  for (const auto& topic : doc["topics"].GetArray()) {
    for (const auto& c : topic["conflicts"].GetArray()) {
      if (std::string(c["subject"].GetString()) == "book-1") {
        found_conflict = true;
        EXPECT_GT(c["margin"].GetDouble(), 0.0);
        EXPECT_THAT(c["why"].GetString(), HasSubstr("350"));
      }
    }
  }
  EXPECT_TRUE(found_conflict);
}

TEST(Report, BytesDoNotDependOnInputOrderOrThreads) {
  testing::TempDir dir;
  std::vector<std::string> rows(std::begin(kRows), std::end(kRows));
  std::string a = dir.Write("a/claims.tsv", Table({rows.begin(), rows.begin() + 5}));
  std::string b = dir.Write("b/claims.tsv", Table({rows.begin() + 5, rows.end()}));
  std::string reference = Report({a, b}, ReportFormat::kJson, 1);
  ASSERT_FALSE(reference.empty());
  EXPECT_EQ(Report({b, a}, ReportFormat::kJson, 1), reference);
  EXPECT_EQ(Report({a, b}, ReportFormat::kJson, 4), reference);

  // Shuffled rows inside files too: only line numbers may change, so compare
  // the answers table, which carries no locations.
  std::string answers = Report({a, b}, ReportFormat::kAnswers, 1);
  std::mt19937 rng(11);
  for (int trial = 0; trial < 5; ++trial) {
    std::shuffle(rows.begin(), rows.end(), rng);
    std::string c = dir.Write(absl::StrCat("c", trial, ".tsv"), Table(rows));
    EXPECT_EQ(Report({c}, ReportFormat::kAnswers, 2), answers) << "trial " << trial;
  }
}

TEST(Report, PeopleFormatsShowTheSameAnswers) {
  testing::TempDir dir;
  std::string path = dir.Write("claims.tsv", Table({std::begin(kRows), std::end(kRows)}));
  std::string md = Report({path}, ReportFormat::kMarkdown, 1);
  std::string html = Report({path}, ReportFormat::kHtml, 1);
  std::string answers = Report({path}, ReportFormat::kAnswers, 1);
  std::vector<std::string> lines = absl::StrSplit(answers, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 5u);  // header + 4 questions
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells = absl::StrSplit(lines[i], '\t');
    EXPECT_THAT(md, HasSubstr(absl::StrCat("| ", cells[2], " |"))) << cells[2];
    EXPECT_THAT(html, HasSubstr(absl::StrCat("<td>", cells[2], "</td>"))) << cells[2];
  }
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(md, HasSubstr("## Sources"));
}

TEST(JsonReport, DocumentsSayWhatWasCutAndWhere) {
  testing::TempDir dir;
  const std::string body =
      "Le Mali a reçu quatre hélicoptères de la Russie mardi à Bamako.\n\n"
      "Laisser un commentaire\n"
      "Votre adresse e-mail ne sera pas publiée.\n"
      "Moussa : le Mali a reçu vingt hélicoptères !\n";
  std::string path = dir.Write("article.txt",
                               "---\nsource: example.ml\npublished: 2022-08-10\n---\n"
                               "Livraison d'hélicoptères\n" + body);
  std::string json = Report({path}, ReportFormat::kJson, 1);
  rapidjson::Document d;
  ASSERT_TRUE(testing::ParseJson(json, &d)) << json;
  const rapidjson::Value* doc = nullptr;
  for (const auto& t : d["topics"].GetArray()) {
    if (t["documents"].Size() > 0) doc = &t["documents"][0];
  }
  ASSERT_NE(doc, nullptr);
  const rapidjson::Value& cuts = (*doc)["cuts"];
  ASSERT_EQ(cuts.Size(), 1u);
  // The comment form and the reader comment after it go; the article stays.
  EXPECT_EQ(std::string(cuts[0]["excerpt"].GetString()).rfind("Laisser un commentaire", 0), 0u);
  EXPECT_EQ(cuts[0]["span"][1].GetUint64(), (*doc)["bytes"].GetUint64());
  EXPECT_EQ((*doc)["cut_bytes"].GetUint64(),
            cuts[0]["span"][1].GetUint64() - cuts[0]["span"][0].GetUint64());
  EXPECT_THAT(json, HasSubstr("\"value\": \"4\""));  // the article is read
  EXPECT_THAT(json, ::testing::Not(HasSubstr("\"value\": \"20\"")));  // the comment is not
  EXPECT_THAT(Report({path}, ReportFormat::kMarkdown, 1), HasSubstr("bytes cut as boilerplate"));
  // The account quotes the article's words for each answer.
  bool quoted = false;
  for (const auto& t : d["topics"].GetArray()) {
    for (const auto& a : t["account"].GetArray()) {
      quoted = quoted || (a.HasMember("quote") &&
                          absl::StrContains(a["quote"].GetString(), "quatre hélicoptères"));
    }
  }
  EXPECT_TRUE(quoted);
}

TEST(JsonReport, LikelyMisspellingsAreConflictsAndListedNamesAreNot) {
  const std::string fixture = testing::SourceDir() + "/fixtures/names-hard/input/";
  std::string json = Report({fixture + "a_livraison_kamara.txt", fixture + "b_livraison_camara.txt",
                             fixture + "d_shoigu_en.txt"},
                            ReportFormat::kJson, 1);
  rapidjson::Document d;
  ASSERT_TRUE(testing::ParseJson(json, &d)) << json;
  std::vector<std::string> written;
  for (const auto& t : d["topics"].GetArray()) {
    for (const auto& c : t["conflicts"].GetArray()) {
      if (std::string(c["kind"].GetString()) != "misspelling") continue;
      written.emplace_back(c["written"].GetString());
      EXPECT_EQ(std::string(c["entity"].GetString()), "Sadio Camara");
      EXPECT_THAT(c["why"].GetString(), HasSubstr("defence_minister"));
    }
  }
  // The minister's misspelling is a finding; "Russia" in the English article
  // is the gazetteer's English name of Russie, not a misspelling.
  ASSERT_FALSE(written.empty());
  for (const std::string& w : written) EXPECT_EQ(w, "Sadio Kamara");
  EXPECT_THAT(Report({fixture + "a_livraison_kamara.txt", fixture + "b_livraison_camara.txt"},
                     ReportFormat::kMarkdown, 1),
              HasSubstr("| Sadio Camara | person | \"Sadio Kamara\" (misspelling) |"));
}

TEST(JsonReport, ArticlesSharingADatedEventAreOneTopic) {
  // a and b tell of the same delivery of 2022-08-09; f of an attack, c of
  // the coup: neither shares a dated event with the others.
  const std::string fixture = testing::SourceDir() + "/fixtures/names-hard/input/";
  std::string json = Report({fixture + "f_gadi.txt", fixture + "b_livraison_camara.txt",
                             fixture + "c_regime_qaida.txt", fixture + "a_livraison_kamara.txt"},
                            ReportFormat::kJson, 1);
  rapidjson::Document d;
  ASSERT_TRUE(testing::ParseJson(json, &d)) << json;
  std::vector<std::vector<std::string>> groups;
  for (const auto& t : d["topics"].GetArray()) {
    std::vector<std::string> names;
    for (const auto& doc : t["documents"].GetArray()) {
      std::string id = doc["id"].GetString();
      names.push_back(id.substr(id.rfind('/') + 1, 1));
    }
    groups.push_back(names);
    if (names.size() == 2) {
      // Named after its first article, labelled by the one with most claims.
      EXPECT_THAT(t["id"].GetString(), ::testing::EndsWith("a_livraison_kamara.txt"));
      bool delivery = false;
      for (const auto& q : t["questions"].GetArray()) {
        delivery = delivery || absl::StartsWith(q["subject"].GetString(), "delivery|");
      }
      EXPECT_TRUE(delivery);
    }
  }
  using V = std::vector<std::string>;
  EXPECT_THAT(groups, ::testing::UnorderedElementsAre(V{"a", "b"}, V{"c"}, V{"f"}));
}

}  // namespace
}  // namespace crosscheck
