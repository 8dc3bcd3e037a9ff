// Extraction against the hand-written expected claims of every fixture
// corpus that has them. The scores of every corpus are printed; the
// corpora must stay at or above the floors below (what extraction reaches
// today), so that a rule change that loses claims fails here. Set
// CROSSCHECK_SHOW_MISSES=<corpus> to list the missed and unexpected claims.
#include <cstdlib>
#include <iostream>
#include <string>

#include "crosscheck/extract.h"
#include "crosscheck/rules.h"
#include "gtest/gtest.h"
#include "tests/extract/article_fixture.h"
#include "tests/extract/claim_scorer.h"
#include "tests/support/test_support.h"

namespace crosscheck::testing {
namespace {

struct Floor {
  const char* corpus;
  const char* template_name;  // "" for all templates together
  double precision;
  double recall;
};

// Floors of claim-level precision and recall, just under what extraction
// reaches today: seeds 41 of 51 extracted claims match and 41 of 69 expected
// ones are found (all 12 deliveries); mali-fr 109/174 and 109/216; mali-fr2
// 20/25 and 20/27; mali-en 36/57 and 36/80. mali-fr3 (32/44, 32/48) and
// mali-en2 (17/27, 17/33) were written before the rule changes they were
// scored with first (15/36 and 8/24 then), and mali-fr4 (26/40, 26/63) and
// mali-en3 (25/46, 25/62) likewise (6/32 and 11/32 then), to measure
// generalisation. mali-en's precision fell when "completed its withdrawal"
// and "the last French soldiers left the base at Gao" came to be read in 07:
// one takes Gao for its place and the other lacks the date of the sentence
// before. mali-fr5 (15/39, 15/77 when written) and mali-en4 (12/27, 12/77)
// were written and scored without changing any rule, after mali-fr4 and
// mali-en3 had been used to fix rules; their misses were then fixed by
// general rules (26/52, 26/77 and 28/42, 28/77 now). mali-fr6 (5/36, 5/77
// when written) and mali-en5 (10/38, 10/74) were written and scored the same
// way after mali-fr5 and mali-en4, in registers none of the others has
// (transcripts, live blogs, written questions, correction notices); no rule
// was written from their text until a third round used their misses
// (19/45, 19/77 and 19/43, 19/74 now). mali-fr7 and mali-en6 were written
// after that round without reading the rules: 16/45, 16/90 and 12/43,
// 12/97 when added (the third round's rules changed neither: 16/44 and
// 12/42 with the rules before it); a fourth round then used their misses.
// mali-fr8 and mali-en7, written after that without reading the rules,
// are held out: 18/57, 18/88 and 22/53, 22/103 when added (17/54 and
// 21/48 with the rules before the fourth round), 21/60, 21/88 and 23/53,
// 23/103 after the general fixes that followed (casualty wordings, capitals
// inherited as states), none drawn from their text; 21/60 and 27/57 after
// a fifth round of fixes drawn from the used corpora's misses by kind (the
// floors of the corpora it moved were raised to just under their new
// scores). A sixth round used the misses of mali-fr8 and mali-en7 (24/56,
// 24/88 and 30/56, 30/103 after it); mali-fr9 and mali-en8, written
// after that without reading the rules, are held out: 21/72, 21/131 and
// 17/54, 17/110 with the rules before the sixth round, 21/69 and 17/54
// after it. A seventh round used their misses by kind (footnote calls,
// Wagner identified by others, fronted dates before targets, verb-first
// deliveries, announced withdrawals): 33/78 and 22/58 after it; mali-fr's
// deployment precision fell to 11/18, its nested identification of Wagner
// having no place where the article names Mali and Russia as often.
// mali-fr10 and mali-en9, written after the sixth round without reading
// the rules, are held out: 25/60, 25/129 and 26/70, 26/126 with the rules
// before the seventh round, 27/62 and 26/71 after it, 28/65 and 27/74
// after an eighth (Tessit and delivery wordings from the used corpora's
// misses). The eighth round lowered mali-en8's precision: "They were
// followed, on 30 March 2022, by two Mi-35M attack helicopters and a
// surveillance radar" is read with the right count, model and date, but
// without the supplier the excerpt never names and with the place of the
// delivery before it; of its tolls told as reported or revised ("reported
// 17 soldiers and 4 civilians killed", "revised the toll to 42 soldiers
// killed"), three lack the perpetrator the annotators carried over from the
// attack and two take the date of a 2021 ambush the article recalls (23/66
// after the round). Models shared by the statements of one delivery,
// report-dated tolls, claimed attacks and "six months later" moved the
// used corpora and left the held-out pair at 28/65 and 27/74. mali-fr11 and
// mali-en10, written after that without reading the rules, keep to the
// everyday registers of mainstream outlets: 45/83, 45/115 and 46/88,
// 46/138 with the rules of the eighth round; a ninth round uses them
// (51/91 and 57/100 after it, 60/105 and 67/111 after the wordings that
// followed: coups that bring someone to power, agreements signed
// "between", visits "effectuées", listed deliveries).
// Its instructors read as the country that sends them ("n'évoque que des
// « instructeurs » russes": Russie, as the later corpora write it) cost
// the seeds a point of precision: they keep "instructeurs russes". So do
// mali-fr4 (whose "des instructeurs russes s'y installaient" is read with
// its place in Mali, not Tombouctou) and mali-fr5 (whose annotators list
// no claim for "que Bamako présente comme des « instructeurs russes »",
// where the seeds' list one): 35/44 and 40/56. mali-fr6 then gained a
// restated delivery its annotators do not list ("deux Mi-35M ont été
// acheminés", read once statements already read stopped hiding the rest of
// their sentence): 29/51.
constexpr Floor kFloors[] = {
    {"seeds", "", 0.78, 0.58},
    {"seeds", "delivery", 1.0, 1.0},
    {"seeds", "role", 0.65, 0.6},
    {"seeds", "withdrawal", 0.95, 0.45},
    {"mali-fr", "", 0.78, 0.66},
    {"mali-fr", "attack", 0.3, 0.28},
    {"mali-fr", "deployment", 0.60, 0.43},
    {"mali-fr", "withdrawal", 0.5, 0.35},
    {"mali-fr", "delivery", 0.87, 0.73},
    {"mali-fr", "role", 0.72, 0.64},
    {"mali-fr2", "", 0.87, 0.84},
    {"mali-fr3", "", 0.83, 0.79},
    {"mali-fr3", "attack", 0.75, 0.75},
    {"mali-en", "", 0.82, 0.68},
    {"mali-en", "delivery", 0.86, 0.77},
    {"mali-en2", "", 0.80, 0.66},
    {"mali-en3", "", 0.62, 0.49},
    {"mali-fr4", "", 0.79, 0.55},
    {"mali-fr5", "", 0.71, 0.51},
    {"mali-en4", "", 0.78, 0.48},
    {"mali-fr6", "", 0.56, 0.37},
    {"mali-en5", "", 0.66, 0.49},
    {"mali-fr7", "", 0.51, 0.39},
    {"mali-en6", "", 0.51, 0.34},
    {"mali-fr8", "", 0.47, 0.32},
    {"mali-en7", "", 0.56, 0.33},
    {"mali-fr9", "", 0.42, 0.25},
    {"mali-en8", "", 0.33, 0.19},
    {"mali-fr10", "", 0.42, 0.20},
    {"mali-en9", "", 0.35, 0.20},
    {"mali-fr11", "", 0.56, 0.51},
    {"mali-en10", "", 0.59, 0.48},
};

class GoldenExtraction : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = Rules::Load(SourceDir() + "/rules");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    rules_ = loaded->release();
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }
  static Rules* rules_;
};

Rules* GoldenExtraction::rules_ = nullptr;

TEST_F(GoldenExtraction, EveryCorpusScoresAtLeastItsFloor) {
  std::vector<std::string> corpora = CorporaWithExpectedClaims();
  ASSERT_FALSE(corpora.empty());
  const char* show = std::getenv("CROSSCHECK_SHOW_MISSES");
  for (const std::string& name : corpora) {
    std::string dir = SourceDir() + "/fixtures/" + name;
    Corpus corpus;
    AddArticles(dir + "/input", &corpus);
    ASSERT_TRUE(ExtractClaims(*rules_, ExtractOptions(), &corpus).ok());
    CorpusScore score = ScoreExtraction(corpus, ReadExpectedClaims(dir + "/expected_claims.jsonl"));
    std::cout << FormatScore(name, score);
    if (show != nullptr && name == show) {
      for (const std::string& m : score.missed) std::cout << "  MISSED " << m << "\n";
      for (const std::string& u : score.unexpected) std::cout << "  EXTRA  " << u << "\n";
    }
    for (const Floor& f : kFloors) {
      if (name != f.corpus) continue;
      std::string t = f.template_name;
      const Score& s = t.empty() ? score.total : score.by_template[t];
      EXPECT_GE(s.precision(), f.precision) << name << " " << t;
      EXPECT_GE(s.recall(), f.recall) << name << " " << t;
    }
  }
}

}  // namespace
}  // namespace crosscheck::testing
