// Dates: absolute, partial, weekdays and relative expressions, resolved
// against a publication date or the text alone, French and English.
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "extract/dates.h"
#include "gtest/gtest.h"
#include "tests/extract/extraction_helpers.h"

namespace crosscheck::testing {
namespace {

using extract_internal::DateMention;
using extract_internal::Publication;

std::vector<DateMention> Mentions(const std::string& lang_name, const std::string& text) {
  const extract_internal::Language& lang = PackLanguage(lang_name);
  std::vector<int> rules(lang.dates.size());
  std::iota(rules.begin(), rules.end(), 0);
  std::vector<DateMention> out;
  extract_internal::FindDates(lang, text, 0, static_cast<uint32_t>(text.size()), rules, &out);
  return out;
}

// The first date of `text` resolved against `pub`: its key, "unresolved",
// or "none" when no date is found. *mention receives what matched.
std::string FirstDate(const std::string& lang, const std::string& text,
                      const Publication& pub, std::string* mention = nullptr,
                      bool* inferred = nullptr) {
  std::vector<DateMention> all = Mentions(lang, text);
  if (all.empty()) return "none";
  DateMention m = all.front();
  if (mention != nullptr) *mention = text.substr(m.begin, m.end - m.begin);
  extract_internal::ResolveDate(pub, &m);
  if (inferred != nullptr) *inferred = m.inferred;
  return m.resolved ? extract_internal::DateKey(m) : "unresolved";
}

Publication PublishedOn(int y, int m, int d) {
  Publication pub;
  pub.day = absl::CivilDay(y, m, d);
  return pub;
}

struct DateCase {
  const char* lang;
  const char* text;
  const char* mention;  // the words read as the date
  const char* key;
};

// Published on Wednesday 10 August 2022.
constexpr DateCase kPublished[] = {
    {"fr", "L'armée a reçu mardi deux avions.", "mardi", "2022-08-09"},
    {"fr", "Mercredi, le ministre a parlé.", "Mercredi", "2022-08-10"},
    {"fr", "Dimanche (7 août), des soldats ont été tués.", "Dimanche (7 août)", "2022-08-07"},
    {"fr", "L'accord a été signé le 25 juin 2019 à Moscou.", "le 25 juin 2019", "2019-06-25"},
    {"fr", "Le vendredi 1er octobre 2021, les appareils sont arrivés.",
     "vendredi 1er octobre 2021", "2021-10-01"},
    {"fr", "Les livraisons ont eu lieu en avril.", "en avril", "2022-04"},
    {"fr", "Les livraisons ont eu lieu en septembre.", "en septembre", "2021-09"},
    {"fr", "Ils sont arrivés en septembre 2021.", "septembre 2021", "2021-09"},
    {"fr", "Les hélicoptères sont arrivés début juin.", "début juin", "2022-06"},
    {"fr", "Le contingent est parti fin 2021.", "fin 2021", "2021"},
    {"fr", "Le pays a reçu des radars l'année dernière.", "l'année dernière", "2021"},
    {"fr", "Le camp a été attaqué il y a deux ans.", "il y a deux ans", "2020"},
    {"fr", "La force est présente depuis août 2020.", "août 2020", "2020-08"},
    {"fr", "Le ministre se rendra à Moscou jeudi.", "jeudi", "2022-08-11"},
    {"en", "The army received two aircraft on Tuesday.", "Tuesday", "2022-08-09"},
    {"en", "The deal was signed on June 25, 2019.", "June 25, 2019", "2019-06-25"},
    {"en", "The helicopters arrived in April.", "in April", "2022-04"},
    {"en", "The radars were delivered last year.", "last year", "2021"},
};

TEST(ResolveDateTest, AgainstThePublicationDate) {
  for (const DateCase& c : kPublished) {
    std::string mention;
    std::string key = FirstDate(c.lang, c.text, PublishedOn(2022, 8, 10), &mention);
    EXPECT_EQ(key, c.key) << c.text;
    EXPECT_EQ(mention, c.mention) << c.text;
  }
}

struct UndatedCase {
  const char* text;
  const char* key;
  bool inferred;
};

// No publication date: only what the sentence itself fixes.
constexpr UndatedCase kUndated[] = {
    {"L'armée a reçu mardi deux avions.", "unresolved", false},
    {"Les livraisons ont eu lieu en avril.", "unresolved", false},
    {"L'accord a été signé le 25 juin 2019 à Moscou.", "2019-06-25", false},
    {"Le 3 mars, les avions commandés en 2021 sont arrivés.", "2021-03-03", true},
    {"Le pays a reçu des radars l'année dernière.", "unresolved", false},
};

TEST(ResolveDateTest, WithoutPublicationNothingIsInvented) {
  for (const UndatedCase& c : kUndated) {
    bool inferred = false;
    EXPECT_EQ(FirstDate("fr", c.text, Publication(), nullptr, &inferred), c.key) << c.text;
    EXPECT_EQ(inferred, c.inferred) << c.text;
  }
}

TEST(InferPublicationTest, WeekdayAndDayBoundThePublication) {
  // 7 August is a Sunday in 2022 (and in 2016, before the year the text
  // names): the article is from 7 August 2022 or later.
  std::vector<DateMention> m =
      Mentions("fr", "Dimanche (7 août), l'armée a annoncé la mort de soldats arrivés en 2021.");
  Publication pub = extract_internal::InferPublication(m);
  ASSERT_TRUE(pub.day.has_value());
  EXPECT_EQ(*pub.day, absl::CivilDay(2022, 8, 7));
  EXPECT_TRUE(pub.inferred);
  EXPECT_TRUE(pub.lower_bound);
}

TEST(InferPublicationTest, PastAndFutureYearsBoundThePublication) {
  // Published between April and December 2022: February is 2022-02 and two
  // years ago 2020 whatever the day; July could be 2021 or 2022.
  const char* sentences[] = {
      "En avril 2022, le Mali a reçu des radars.",
      "En février, la France a annoncé son retrait.",
      "Le coup d'État a eu lieu il y a deux ans.",
      "D'ici fin 2022, des exercices auront lieu.",
      "En juillet, la base a été attaquée.",
  };
  std::vector<DateMention> all;
  for (const char* s : sentences) {
    std::vector<DateMention> m = Mentions("fr", s);
    ASSERT_EQ(m.size(), 1u) << s;
    all.push_back(m[0]);
  }
  Publication pub = extract_internal::InferPublication(all);
  EXPECT_FALSE(pub.day.has_value());
  ASSERT_TRUE(pub.earliest.has_value() && pub.latest.has_value());
  EXPECT_EQ(*pub.earliest, absl::CivilDay(2022, 4, 1));
  EXPECT_EQ(*pub.latest, absl::CivilDay(2022, 12, 31));
  const char* keys[] = {"2022-04", "2022-02", "2020", "2022", "unresolved"};
  for (size_t i = 0; i < all.size(); ++i) {
    DateMention m = all[i];
    extract_internal::ResolveDate(pub, &m);
    EXPECT_EQ(m.resolved ? extract_internal::DateKey(m) : "unresolved", keys[i]) << sentences[i];
    if (i == 1 || i == 2) {
      EXPECT_TRUE(m.inferred) << sentences[i];
    }
  }
}

// "En ce début d'année 2023" is written by April 2023: an August without a
// year is the last one before, not August 2023.
TEST(InferPublicationTest, APresentPeriodAndItsPartEstimateThePublication) {
  struct Case {
    const char* text;
    absl::CivilDay day;
  } cases[] = {
      {"En ce début d'année 2023, la Russie est le premier partenaire du Mali.",
       absl::CivilDay(2023, 4, 30)},
      {"En ce milieu d'année 2023, rien n'a changé.", absl::CivilDay(2023, 8, 31)},
      {"En ce début de mois de mars 2023, rien n'a changé.", absl::CivilDay(2023, 3, 10)},
      {"En ce mois de mars 2023, rien n'a changé.", absl::CivilDay(2023, 3, 31)},
      {"En ce 2023 finissant, rien n'a changé.", absl::CivilDay(2023, 12, 31)},
  };
  for (const Case& c : cases) {
    Publication pub = extract_internal::InferPublication(Mentions("fr", c.text));
    ASSERT_TRUE(pub.day.has_value()) << c.text;
    EXPECT_EQ(*pub.day, c.day) << c.text;
    EXPECT_TRUE(pub.inferred && !pub.lower_bound) << c.text;
  }
  Corpus undated = ExtractOne(
      "En ce début d'année 2023, la Russie s'est imposée au Mali. Le 9 août, l'armée de l'air a "
      "reçu cinq avions de combat.",
      "fr");
  std::vector<FrameMap> frames = Frames(undated, "delivery");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["date"], "2022-08-09");
}

TEST(InferPublicationTest, NoBoundNoDate) {
  EXPECT_FALSE(extract_internal::InferPublication(Mentions("fr", "L'armée a reçu mardi deux avions."))
                   .day.has_value());
  EXPECT_FALSE(extract_internal::InferPublication(Mentions("fr", "Dimanche (7 août), rien."))
                   .day.has_value());
}

TEST(InferPublicationTest, ExtractionMarksTheDocument) {
  Corpus undated = ExtractOne(
      "Dimanche (7 août), l'armée malienne a annoncé que quatre soldats avaient été tués en 2022.", "fr");
  ASSERT_TRUE(undated.documents[0].published.has_value());
  EXPECT_EQ(*undated.documents[0].published, absl::CivilDay(2022, 8, 7));
  EXPECT_TRUE(undated.documents[0].published_inferred);

  Corpus dated = ExtractOne("Mardi, le Mali a reçu deux hélicoptères de la Russie.", "fr",
                            absl::CivilDay(2022, 8, 10));
  EXPECT_FALSE(dated.documents[0].published_inferred);
  std::vector<FrameMap> frames = Frames(dated, "delivery");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["date"], "2022-08-09");
}

}  // namespace
}  // namespace crosscheck::testing
