// The title of an article whose first line is boilerplate comes from the
// cleaned text; other titles are left alone.
#include <string>

#include "crosscheck/extract.h"
#include "gtest/gtest.h"
#include "tests/extract/extraction_helpers.h"

namespace crosscheck::testing {
namespace {

Corpus ExtractTitled(const std::string& title, const std::string& text) {
  Corpus corpus;
  Document doc;
  doc.id = corpus.strings.Intern("article.txt");
  doc.source = doc.id;
  doc.title = title;
  doc.text = text;
  doc.lang = corpus.strings.Intern("fr");
  corpus.documents.push_back(std::move(doc));
  EXPECT_TRUE(ExtractClaims(PackRules(), ExtractOptions(), &corpus).ok());
  return corpus;
}

struct TitleCase {
  const char* title;
  const char* text;
  const char* want;
};

TEST(TitleFromCleanText, TakesTheFirstHeadingOfTheCleanedText) {
  const TitleCase cases[] = {
      // A social prompt: the next line that reads as a heading.
      {"Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater de l'actualité malienne",
       "\nCoopération militaire: l’axe Bamako-Moscou se renforce\n\nLe Mali a reçu des avions.\n",
       "Coopération militaire: l’axe Bamako-Moscou se renforce"},
      // The first kept line is a paragraph, not a heading: no title.
      {"Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater de l'actualité malienne",
       "\nLe gouvernement militaire malien a reçu plusieurs avions de combat et hélicoptères de la "
       "Russie, qui se positionne pour combler un vide politique, alors que les forces françaises "
       "et européennes sont en train de se retirer du pays.\n",
       ""},
      // A title that is not boilerplate stays.
      {"Bamako réceptionne de nouveaux appareils", "\nSuivez-nous sur Facebook et Twitter\nTexte.\n",
       "Bamako réceptionne de nouveaux appareils"},
  };
  for (const TitleCase& c : cases) {
    Corpus corpus = ExtractTitled(c.title, c.text);
    EXPECT_EQ(corpus.documents[0].title, c.want) << c.title;
  }
}

}  // namespace
}  // namespace crosscheck::testing
