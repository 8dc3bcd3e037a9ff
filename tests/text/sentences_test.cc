// Sentence splitting: abbreviations, initials, quotes, numbers, models.
#include <string>
#include <vector>

#include "crosscheck/rules.h"
#include "crosscheck/text.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

struct SplitCase {
  const char* in;
  std::vector<std::string> sentences;
};

TEST(Sentences, Split) {
  const SplitCase kCases[] = {
      {"M. Diop est arriv\xC3\xA9. Il repart demain.", {"M. Diop est arriv\xC3\xA9.", "Il repart demain."}},
      {"Le col. Diarra et le G\xC3\xA9n. Traor\xC3\xA9 sont l\xC3\xA0. Mme Ba aussi.",
       {"Le col. Diarra et le G\xC3\xA9n. Traor\xC3\xA9 sont l\xC3\xA0.", "Mme Ba aussi."}},
      {"Des drones, des radars, etc. Le reste suit.", {"Des drones, des radars, etc.", "Le reste suit."}},
      {"Des drones, etc. et des radars.", {"Des drones, etc. et des radars."}},
      {"Il a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Nous ne montrons qu'une partie. \xC2\xBB Puis il est parti.",
       {"Il a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Nous ne montrons qu'une partie. \xC2\xBB", "Puis il est parti."}},
      {"Le Mali a re\xC3\xA7u 3.5 millions. J. Blinken est venu.",
       {"Le Mali a re\xC3\xA7u 3.5 millions.", "J. Blinken est venu."}},
      {"Un L-39. Puis un Su-25.", {"Un L-39.", "Puis un Su-25."}},
      {"Pourquoi ? Parce que ! Voil\xC3\xA0...", {"Pourquoi ?", "Parce que !", "Voil\xC3\xA0..."}},
      {"Premier paragraphe sans point\nSecond paragraphe.", {"Premier paragraphe sans point", "Second paragraphe."}},
      {"Col. Assimi Goita took power. Mr. Diop spoke.", {"Col. Assimi Goita took power.", "Mr. Diop spoke."}},
      // Note calls after the period end the sentence with it; brackets
      // inside a sentence are no note call.
      {"They left.[7] We stayed.[12] Then [a] came.", {"They left.[7]", "We stayed.[12]", "Then [a] came."}},
      {"Voir le rapport.[1234] Fin.", {"Voir le rapport.[1234] Fin."}},
  };
  PreparedText p;
  for (const SplitCase& c : kCases) {
    PrepareText(testing::RepositoryRules().text(), c.in, "fr", &p);
    std::vector<std::string> got;
    for (const SentenceRange& s : p.sentences) got.emplace_back(p.Text(s.begin, s.end));
    EXPECT_EQ(got, c.sentences) << c.in;
  }
}

TEST(Sentences, MapBackToTheInput) {
  const std::string in = "Il a dit\xC2\xA0: \xC2\xAB\xC2\xA0Non.\xC2\xA0\xC2\xBB L\xE2\x80\x99" "arm\xC3\xA9" "e suit.";
  PreparedText p;
  PrepareText(testing::RepositoryRules().text(), in, "fr", &p);
  ASSERT_EQ(p.sentences.size(), 2u);
  EXPECT_EQ(in.substr(p.OriginalBegin(p.sentences[0]), p.OriginalEnd(p.sentences[0]) - p.OriginalBegin(p.sentences[0])),
            "Il a dit\xC2\xA0: \xC2\xAB\xC2\xA0Non.\xC2\xA0\xC2\xBB");
  EXPECT_EQ(in.substr(p.OriginalBegin(p.sentences[1])), "L\xE2\x80\x99" "arm\xC3\xA9" "e suit.");
}

}  // namespace
}  // namespace crosscheck
