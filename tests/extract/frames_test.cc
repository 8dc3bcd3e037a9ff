// Frames from single French and English sentences: role appositions,
// equipment classes and models, counts per item class, modality, and the
// byte spans of the evidence in the original text.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "crosscheck/extract.h"
#include "gtest/gtest.h"
#include "tests/extract/extraction_helpers.h"

namespace crosscheck::testing {
namespace {

struct FrameCase {
  const char* lang;
  const char* text;
  const char* template_name;
  // Expected frames of that template, in text order: "slot=value" pairs
  // separated by "|"; "modality" and "speaker" are checked like slots, and
  // slots not listed must be absent.
  std::vector<const char*> frames;
};

FrameMap Parse(const std::string& spec) {
  FrameMap m;
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t bar = spec.find('|', pos);
    if (bar == std::string::npos) bar = spec.size();
    std::string pair = spec.substr(pos, bar - pos);
    size_t eq = pair.find('=');
    if (eq != std::string::npos) m[pair.substr(0, eq)] = pair.substr(eq + 1);
    pos = bar + 1;
  }
  if (m.count("modality") == 0) m["modality"] = "asserted";
  return m;
}

// The frame without the fields the table does not state.
FrameMap Comparable(FrameMap m) {
  m.erase("template");
  m.erase("evidence");
  return m;
}

// The frames of template `name` that `text` makes, published on `day`.
std::vector<FrameMap> FramesOf(const std::string& text, const std::string& lang, absl::CivilDay day,
                               const std::string& name) {
  return Frames(ExtractOne(text, lang, day), name);
}

void ExpectFrames(const std::vector<FrameCase>& cases) {
  for (const FrameCase& c : cases) {
    Corpus corpus = ExtractOne(c.text, c.lang, absl::CivilDay(2022, 8, 10));
    std::vector<FrameMap> got = Frames(corpus, c.template_name);
    ASSERT_EQ(got.size(), c.frames.size()) << c.text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(Comparable(got[i]), Parse(c.frames[i])) << c.text << " #" << i;
    }
  }
}

TEST(FramesTest, RolesFromAppositions) {
  ExpectFrames({
      {"fr", "Le ministre malien de la Défense, Sadio Kamara, a accueilli les appareils.", "role",
       {"person=Sadio Kamara|role=defence_minister|organisation=Mali"}},
      // No country in the text: the actor rules know whose president he is.
      {"fr", "Le président de transition Assimi Goïta a salué l'arrivée des avions.", "role",
       {"person=Assimi Goïta|role=president|organisation=Mali"}},
      {"fr",
       "Le chef d'état-major de l'armée de l'air, le colonel Alou Boï Diarra, était présent.",
       "role", {"person=Alou Boï Diarra|role=chief_of_staff|organisation=armée de l'air"}},
      {"fr", "La ministre française des Armées, Florence Parly, a annoncé le retrait.", "role",
       {"person=Florence Parly|role=defence_minister|organisation=France"}},
      {"fr", "Le Premier ministre Choguel Maïga a dénoncé un abandon en plein vol.", "role",
       {"person=Choguel Maïga|role=prime_minister"}},
      {"en", "Russian Foreign Minister Sergei Lavrov arrived in Bamako.", "role",
       {"person=Sergei Lavrov|role=foreign_minister|organisation=Russia"}},
  });
}

TEST(FramesTest, EquipmentClassesModelsAndCounts) {
  ExpectFrames({
      {"fr", "La Russie a livré au Mali deux hélicoptères Mi-24P.", "delivery",
       {"supplier=Russie|recipient=Mali|item_class=helicopter|count=2|model=Mi-24P"}},
      // One claim per item class; each model goes with its own noun.
      {"fr",
       "Bamako a réceptionné quatre avions de combat Su-25 et un avion d'entraînement L-39 "
       "fournis par Moscou.",
       "delivery",
       {"recipient=Bamako|supplier=Moscou|item_class=jet|count=4|model=Su-25",
        "recipient=Bamako|supplier=Moscou|item_class=jet|count=1|model=L-39"}},
      {"fr", "Le Mali a reçu de la Russie des radars de surveillance aérienne.", "delivery",
       {"recipient=Mali|supplier=Russie|item_class=radar|count=>=2"}},
      // The origin names the supplier; the model after it still belongs to
      // the drones.
      {"fr", "L'armée malienne a reçu des drones turcs Bayraktar TB2.", "delivery",
       {"recipient=Mali|supplier=Turquie|item_class=drone|count=>=2|model=Bayraktar TB2"}},
      // "un lot d'armes" has no count; "armes et munitions" is one claim.
      {"fr", "La Russie a fourni au Mali un lot d'armes et de munitions.", "delivery",
       {"supplier=Russie|recipient=Mali|item_class=weapons"}},
      {"fr", "Moscou a livré à Bamako plusieurs véhicules blindés.", "delivery",
       {"supplier=Moscou|recipient=Bamako|item_class=vehicle|count=>=2"}},
      // A lot of jets or helicopters holds at least two; a lot of aircraft
      // is a total of unknown size.
      {"en", "Russia handed Mali a fresh batch of warplanes and an attack helicopter.", "delivery",
       {"supplier=Russia|recipient=Mali|item_class=jet|count=>=2",
        "supplier=Russia|recipient=Mali|item_class=helicopter|count=1"}},
      {"fr", "Le Mali a réceptionné un nouveau lot d'avions de combat et d'hélicoptères russes.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=jet|count=>=2",
        "recipient=Mali|supplier=Russie|item_class=helicopter|count=>=2"}},
      {"fr", "Le Mali a réceptionné un nouveau lot d'aéronefs russes.", "delivery",
       {"recipient=Mali|supplier=Russie|item_class=aircraft"}},
      // A breakdown adds models to the total of the same class.
      {"fr",
       "Le Mali a reçu cinq avions de combat de la Russie, dont deux Sukhoi-25 et trois L-39.",
       "delivery", {"recipient=Mali|supplier=Russie|item_class=jet|count=5|model=Sukhoi-25;L-39"}},
      {"en", "Russia delivered four Mi-171 helicopters to Mali on Tuesday.", "delivery",
       {"supplier=Russia|recipient=Mali|item_class=helicopter|count=4|model=Mi-171|date=2022-08-09"}},
  });
}

TEST(FramesTest, ItemsTotalsAndBreakdowns) {
  ExpectFrames({
      // Models before their noun, qualifiers between: one item each.
      {"en", "Russia delivered L-39, Su-25 and Su-24 attack jets to Mali.", "delivery",
       {"supplier=Russia|recipient=Mali|item_class=jet|count=>=2|model=L-39;Su-25;Su-24"}},
      {"en",
       "Mali received L-39 Albatros training and combat jets and one Sukhoi Su-25 ground attack "
       "aircraft from Russia.",
       "delivery",
       {"recipient=Mali|supplier=Russia|item_class=jet|count=>=2|model=L-39 Albatros",
        "recipient=Mali|supplier=Russia|item_class=jet|count=1|model=Sukhoi Su-25"}},
      {"fr", "Le Mali a reçu de la Russie des avions d'entraînement et d'attaque L-39.", "delivery",
       {"recipient=Mali|supplier=Russie|item_class=jet|count=>=2|model=L-39"}},
      // A total before its breakdown has every model of it; the items of
      // other classes keep their own claims, with their own evidence.
      {"fr",
       "Huit appareils ont été livrés au Mali par la Russie : quatre avions de combat L-39, "
       "deux avions de combat Su-25 et deux hélicoptères de transport Mi-8.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=aircraft|count=8|model=L-39;Su-25;Mi-8",
        "recipient=Mali|supplier=Russie|item_class=jet|count=4|model=L-39",
        "recipient=Mali|supplier=Russie|item_class=jet|count=2|model=Su-25",
        "recipient=Mali|supplier=Russie|item_class=helicopter|count=2|model=Mi-8"}},
      {"en", "Moscow has sent Mali at least ten aircraft, including Mi-171 and Mi-35M helicopters.",
       "delivery",
       {"supplier=Moscow|recipient=Mali|item_class=aircraft|count=>=10|model=Mi-171;Mi-35M",
        "supplier=Moscow|recipient=Mali|item_class=helicopter|count=>=2|model=Mi-171;Mi-35M"}},
      // A demonym, or a compound of one, just before the items names
      // their origin; a dash may follow the count of a numbers list.
      {"en", "Russian-supplied jets and a helicopter were unveiled in Bamako on Tuesday.",
       "delivery",
       {"supplier=Russia|recipient=Mali|place=Bamako|item_class=jet|count=>=2|date=2022-08-09",
        "supplier=Russia|recipient=Mali|place=Bamako|item_class=helicopter|count=1|"
        "date=2022-08-09"}},
      {"en",
       "At Gao airport, where two Russian-made Mi-8 helicopters were unveiled, the mood was "
       "festive.",
       "delivery", {"supplier=Russia|item_class=helicopter|count=2|model=Mi-8|place=Gao airport"}},
      {"en", "4 — Mi-171 transport helicopters flown in from Russia on 30 September 2021.",
       "delivery",
       {"supplier=Russia|item_class=helicopter|count=4|model=Mi-171|date=2021-09-30"}},
      {"fr", "30 mars 2022 — 2 hélicoptères d'attaque Mi-35M, remis à l'armée malienne.",
       "delivery",
       {"recipient=Mali|item_class=helicopter|count=2|model=Mi-35M|date=2022-03-30"}},
      // "101" names the base; it counts nothing.
      {"en",
       "Mali took delivery of a Russian batch at Air Base 101 - L-39 jets and a Mi-24 "
       "helicopter.",
       "delivery",
       {"recipient=Mali|place=Air Base 101|item_class=jet|count=>=2|model=L-39",
        "recipient=Mali|place=Air Base 101|item_class=helicopter|count=1|model=Mi-24"}},
  });
}

TEST(FramesTest, Modality) {
  ExpectFrames({
      {"fr", "Selon une source sécuritaire, la Russie a livré trois hélicoptères au Mali.",
       "delivery",
       {"supplier=Russie|recipient=Mali|item_class=helicopter|count=3|modality=reported"}},
      {"fr", "La Russie aurait livré trois hélicoptères au Mali.", "delivery",
       {"supplier=Russie|recipient=Mali|item_class=helicopter|count=3|modality=reported"}},
      {"fr",
       "« Le Mali a reçu cinq avions de combat de la Russie », a déclaré le colonel Sadio Camara.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=jet|count=5|modality=quoted|speaker=Sadio "
        "Camara"}},
      {"fr", "Le Mali n'a jamais reçu d'hélicoptères de la Russie.", "delivery",
       {"recipient=Mali|supplier=Russie|item_class=helicopter|count=>=2|modality=denied"}},
      {"fr", "Des djihadistes présumés ont attaqué dimanche le camp de Tessit.", "attack",
       {"perpetrator=djihadistes|target=camp|place=Tessit|date=2022-08-07|"
        "modality=alleged"}},
      // The victims of an active verb are its object, not its subject.
      {"fr", "Des terroristes ont tué douze civils près de Ségou.", "casualties",
       {"perpetrator=terroristes|victims=civils|count=12|place=Ségou"}},
      {"en", "According to the army, at least 17 soldiers were killed in Tessit.", "casualties",
       {"victims=soldiers|count=>=17|place=Tessit|modality=reported"}},
  });
}

TEST(FramesTest, NothingFromBoilerplateOrComments) {
  Corpus corpus = ExtractOne(
      "La Russie a livré deux hélicoptères au Mali.\n"
      "Lire aussi : la Russie a livré quatre avions de combat au Mali\n"
      "Laisser un commentaire\n"
      "Le Mali a reçu dix drones de la Turquie, écrit un lecteur.\n",
      "fr", absl::CivilDay(2022, 8, 10));
  std::vector<FrameMap> got = Frames(corpus, "delivery");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["count"], "2");
  EXPECT_FALSE(corpus.documents[0].cuts.empty());
}

// The subject of a claim is its event: a date stated but unresolved
// ("Mardi" without a publication date) is one day of that document, no
// other document's undated statement; without any date the subject is the
// undated one, shared across documents.
TEST(FramesTest, UnresolvedDatesKeySubjectsToTheirDocument) {
  const char* kText = "Mardi, le Mali a reçu deux hélicoptères de combat de la Russie.";
  Corpus unresolved = ExtractOne(kText, "fr");
  ASSERT_FALSE(unresolved.claims.empty());
  EXPECT_EQ(unresolved.str(unresolved.claims[0].subject),
            "delivery|russie|mali|helicopter|mardi in article.txt");
  Corpus resolved = ExtractOne(kText, "fr", absl::CivilDay(2022, 8, 10));
  ASSERT_FALSE(resolved.claims.empty());
  EXPECT_EQ(resolved.str(resolved.claims[0].subject), "delivery|russie|mali|helicopter|2022-08");
  Corpus undated = ExtractOne("Le Mali a reçu deux hélicoptères de combat de la Russie.", "fr");
  ASSERT_FALSE(undated.claims.empty());
  EXPECT_EQ(undated.str(undated.claims[0].subject), "delivery|russie|mali|helicopter|");
  for (const Corpus* c : {&unresolved, &resolved, &undated}) {
    EXPECT_EQ(FrameSubject(PackRules().extract(), *c, c->frames[0]),
              c->str(c->claims[0].subject));
  }
}

// A page without a publication date in its metadata that states one in its
// dateline is dated by it, and its weekdays resolve against that day; a
// date the article reports is no dateline.
// A French page without a publication date, dated `day` by its dateline.
Corpus DatedByDateline(const std::string& text, absl::CivilDay day) {
  Corpus corpus = ExtractOne(text, "fr");
  EXPECT_EQ(corpus.documents.size(), 1u);
  if (corpus.documents.size() != 1) return corpus;
  EXPECT_EQ(corpus.documents[0].published, day) << text;
  EXPECT_TRUE(corpus.documents[0].published_inferred) << text;
  EXPECT_TRUE(corpus.documents[0].published_dateline) << text;
  return corpus;
}

TEST(FramesTest, DatelineDatesThePage) {
  Corpus dated = DatedByDateline(
      "Par la rédaction\nPublié le 11 août 2022 à 18h05\n\n"
      "Mardi, le Mali a reçu deux hélicoptères de combat de la Russie.",
      absl::CivilDay(2022, 8, 11));
  std::vector<FrameMap> frames = Frames(dated, "delivery");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["date"], "2022-08-09");

  Corpus reported = ExtractOne(
      "Dans un communiqué publié le 9 août 2022, l'armée a confirmé la livraison. "
      "Mardi, le Mali a reçu deux hélicoptères de combat de la Russie.",
      "fr");
  EXPECT_FALSE(reported.documents[0].published_dateline);
  frames = Frames(reported, "delivery");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].count("date") ? frames[0]["date"] : "", "Mardi");
}

// The dateline dates a page whatever cue states it and whether or not the
// page makes claims; the cue of higher priority wins.
TEST(FramesTest, DatelineOfAnyCueDatesThePage) {
  DatedByDateline("Par la rédaction\nMis à jour le 12 août 2022\n\nIl faisait beau à Bamako.",
                  absl::CivilDay(2022, 8, 12));
  Corpus both = DatedByDateline(
      "Publié le 11 août 2022\nMis à jour le 12 août 2022\n\n"
      "Mardi, le Mali a reçu deux hélicoptères de combat de la Russie.",
      absl::CivilDay(2022, 8, 11));
  EXPECT_EQ(Frames(both, "delivery").size(), 1u);

  // A wire dateline: the city heading a paragraph, then the date.
  Corpus wire = DatedByDateline(
      "Goïta investi\n\nBamako, 7 juin 2021. Le colonel Assimi Goïta a prêté serment ce lundi "
      "comme président de la transition.",
      absl::CivilDay(2021, 6, 7));
  std::vector<FrameMap> roles = Frames(wire, "role");
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0]["date"], "2021-06-07");

  Corpus none = ExtractOne("Il faisait beau à Bamako le 12 août 2022.", "fr");
  EXPECT_FALSE(none.documents[0].published_dateline);
}

// A date written after a comma and just before an item is that item's; the
// items before the comma keep the statement's date.
TEST(FramesTest, ADateBeforeAnItemIsItsOwn) {
  ExpectFrames({
      {"fr",
       "En avril, le Mali a reçu deux hélicoptères Mi-24P et un radar de la Russie, et en "
       "septembre de l'année passée quatre hélicoptères Mi-171.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=helicopter|count=2|model=Mi-24P|date=2022-04",
        "recipient=Mali|supplier=Russie|item_class=radar|count=1|date=2022-04",
        "recipient=Mali|supplier=Russie|item_class=helicopter|count=4|model=Mi-171|date=2021-09"}},
      {"en",
       "In April, Mali received two Mi-24P helicopters and a radar from Russia, and in September "
       "2021 four Mi-171 helicopters.",
       "delivery",
       {"recipient=Mali|supplier=Russia|item_class=helicopter|count=2|model=Mi-24P|date=2022-04",
        "recipient=Mali|supplier=Russia|item_class=radar|count=1|date=2022-04",
        "recipient=Mali|supplier=Russia|item_class=helicopter|count=4|model=Mi-171|date=2021-09"}},
  });
}

// A place or target read as written is never a date the sentence states.
TEST(FramesTest, NoPlaceOrTargetIsADate) {
  ExpectFrames({
      {"en", "The first, four Mi-171 helicopters, landed in September 2021.", "delivery",
       {"item_class=helicopter|count=4|model=Mi-171|date=2021-09"}},
  });
}

// A toll's date is the event's: the day a report was published or a toll
// announced is not it.
TEST(FramesTest, ATollIsNotDatedByItsReport) {
  std::vector<FrameMap> reported =
      FramesOf("Le précédent bilan, publié lundi par l'armée, faisait état de 17 soldats tués.",
               "fr", absl::CivilDay(2022, 8, 10), "casualties");
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].count("date"), 0u) << reported[0]["date"];
  std::vector<FrameMap> dated = FramesOf("Dix-sept soldats ont été tués lundi dans une attaque.",
                                         "fr", absl::CivilDay(2022, 8, 10), "casualties");
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0]["date"], "2022-08-08");
  // A report word a few words before the date, or a pair of them.
  for (const char* text :
       {"Un communiqué diffusé dans la nuit de lundi évoquait 17 soldats tués.",
        "Le bilan rendu public mercredi soir fait état de 42 soldats tués."}) {
    std::vector<FrameMap> far = FramesOf(text, "fr", absl::CivilDay(2022, 8, 12), "casualties");
    ASSERT_EQ(far.size(), 1u) << text;
    EXPECT_EQ(far[0].count("date"), 0u) << text << " " << far[0]["date"];
  }
}

// A singular victim after "au" or "un" is one; after "le" it refers back.
// Deaths named by a noun, and a toll "put at" its groups.
TEST(FramesTest, ASingularVictimCountsOneUnlessItRefersBack) {
  ExpectFrames({
      {"fr", "Une minute de silence a été observée en hommage au soldat tué le 2 mai à Boni.",
       "casualties", {"victims=soldat|count=1|date=2022-05-02|place=Boni"}},
      {"fr", "Le soldat a perdu la vie.", "casualties", {}},
      {"fr", "L'armée a annoncé la mort de douze soldats et de trois civils.", "casualties",
       {"victims=soldats|count=12|modality=reported",
        "victims=civils|count=3|modality=reported"}},
      {"en", "The army put the dead at 12 soldiers and three civilians.", "casualties",
       {"victims=soldiers|count=12", "victims=civilians|count=3"}},
  });
}

// A sentence that states nothing but a day dates the next sentence's
// statements when that one has no date; a year is background.
TEST(FramesTest, ADayAloneLeadsIntoTheNextSentence) {
  ExpectFrames({
      {"fr",
       "Deux jours plus tard, mardi, l'ambiance avait changé. À Gao, l'armée a réceptionné deux "
       "hélicoptères Mi-8 venus de Russie.",
       "delivery",
       {"supplier=Russie|item_class=helicopter|count=2|model=Mi-8|date=2022-08-09"}},
      {"fr",
       "En 2018, la situation était autre. À Gao, l'armée a réceptionné deux hélicoptères Mi-8 "
       "venus de Russie.",
       "delivery",
       {"supplier=Russie|item_class=helicopter|count=2|model=Mi-8"}},
  });
}

// A capital standing for its state lends the state to a sentence that
// names neither; the sentence that writes the capital keeps it.
TEST(FramesTest, AnInheritedCapitalIsItsState) {
  ExpectFrames({
      {"fr",
       "Moscou a livré deux hélicoptères Mi-8 au Mali en mai. Quatre avions de combat L-39 ont été "
       "réceptionnés à Gao le 3 juin.",
       "delivery",
       {"supplier=Moscou|recipient=Mali|item_class=helicopter|count=2|model=Mi-8|date=2022-05|"
        "place=Gao",
        "supplier=Russie|recipient=Mali|item_class=jet|count=4|model=L-39|place=Gao|"
        "date=2022-06-03"}},
  });
}

// Each date of a series makes its own statement; a span does not.
TEST(FramesTest, EachDateOfASeriesIsAStatement) {
  ExpectFrames({
      {"en",
       "Captain Ibrahim Traoré, who led coups in January 2022 and September 2022, met the "
       "envoy.",
       "takeover",
       {"actor=Ibrahim Traoré|manner=coup|date=2022-01",
        "actor=Ibrahim Traoré|manner=coup|date=2022-09"}},
      {"fr", "Le Burkina a connu les coups d'État de janvier 2022 puis de septembre 2022.",
       "takeover",
       {"manner=coup|date=2022-01", "manner=coup|date=2022-09"}},
  });
  std::vector<FrameMap> span =
      FramesOf("Between January 2022 and June 2022, Russia delivered four helicopters to Mali.",
               "en", absl::CivilDay(2022, 8, 10), "delivery");
  ASSERT_EQ(span.size(), 1u);
}

// A rebuttal rejects the statement just before it: that statement keeps
// its own modality and a denied copy follows it. What the sentence says
// before that statement, and the next sentence, are not denied.
TEST(FramesTest, ARebuttalDeniesTheStatementBeforeIt) {
  ExpectFrames({
      {"fr",
       "La situation a changé avec le retrait de la force Barkhane du Mali et l'arrivée, selon "
       "les capitales occidentales, de mercenaires du groupe russe Wagner au Mali, ce que la "
       "junte conteste.",
       "deployment",
       {"actor=Wagner|place=Mali|modality=reported", "actor=Wagner|place=Mali|modality=denied"}},
      {"fr",
       "La situation a changé avec le retrait de la force Barkhane du Mali et l'arrivée, selon "
       "les capitales occidentales, de mercenaires du groupe russe Wagner au Mali, ce que la "
       "junte conteste.",
       "withdrawal",
       {"actor=Barkhane|place=Mali|modality=reported"}},
      {"en",
       "Western governments accuse Mali of bringing in mercenaries from Russia's Wagner Group, "
       "which Bamako denies. French troops are deployed in Niger.",
       "deployment",
       {"actor=Wagner|place=Mali|modality=reported", "actor=Wagner|place=Mali|modality=denied",
        "actor=France|place=Niger"}},
      // A rebuttal of its own rejects every statement of the sentence before;
      // its own sentence is no denial ("ne reconnaît que": not "dément").
      {"fr",
       "Des instructeurs russes seraient arrivés au Mali en décembre 2021. La junte dément et "
       "ne reconnaît que la présence de conseillers militaires russes.",
       "deployment",
       {"actor=instructeurs russes|place=Mali|date=2021-12|modality=reported",
        "actor=instructeurs russes|place=Mali|date=2021-12|modality=denied",
        "actor=conseillers militaires russes|place=Mali"}},
      // A rebuttal may go on past what it rejects, or name it by anaphora.
      {"en",
       "Wagner Group personnel began deploying to Mali in December 2021. Bamako disputes this, "
       "calling the Russians mere instructors.",
       "deployment",
       {"actor=Wagner|place=Mali|date=2021-12",
        "actor=Wagner|place=Mali|date=2021-12|modality=denied"}},
      {"en",
       "Wagner Group personnel began deploying to Mali in December 2021. The transitional "
       "authorities have consistently denied hiring the group.",
       "deployment",
       {"actor=Wagner|place=Mali|date=2021-12",
        "actor=Wagner|place=Mali|date=2021-12|modality=denied"}},
      // "denied that …" states a claim of its own: no rebuttal.
      {"en",
       "Wagner Group personnel began deploying to Mali in December 2021. The junta denied that "
       "Russian troops are deployed in Mali.",
       "deployment",
       {"actor=Wagner|place=Mali|date=2021-12", "actor=Russia|place=Mali|modality=denied"}},
      {"fr",
       "En décembre 2021, la France a condamné l'arrivée de mercenaires de Wagner au Mali, que les "
       "autorités maliennes ont contesté.",
       "deployment",
       {"actor=Wagner|place=Mali|date=2021-12",
        "actor=Wagner|place=Mali|date=2021-12|modality=denied"}},
  });
}

// A statement read by one pattern does not hide the next one in its
// sentence from another, and an enumeration that opens its statement after a
// clause naming no equipment starts the statement ("since late 2021, the most
// recent on January 19, when Su-25 jets … were handed over": January 19).
// A future-tense cue ("It will be recalled") makes future only the dates of
// its own clause.
TEST(FramesTest, AStatementReadDoesNotHideTheNextOne) {
  ExpectFrames({
      {"en",
       "It will be recalled that Mali had on September 30, 2021, received four Mi-171 "
       "helicopters from Russia, while two Mi-35M attack helicopters were delivered in March "
       "this year.",
       "delivery",
       {"supplier=Russia|recipient=Mali|item_class=helicopter|model=Mi-171|count=4|date=2021-09-30",
        "item_class=helicopter|model=Mi-35M|count=2|date=2022-03|supplier=Russia|recipient=Mali"}},
      {"en",
       "Moscow has delivered military aircraft to Mali since late 2021, the most recent on "
       "January 19, when Su-25 jets were handed over in Bamako.",
       "delivery",
       {"supplier=Moscow|recipient=Mali|item_class=aircraft|date=2021|place=Bamako|model=Su-25",
        "supplier=Moscow|recipient=Mali|item_class=jet|count=>=2|model=Su-25|date=2022-01-19|"
        "place=Bamako"}},
  });
}

// The claims of a denied statement deny their values ("not wagner"), so
// that reconciliation counts them against those values; a denied toll
// speaks to its count alone. The reported statement keeps its values.
TEST(FramesTest, ADeniedStatementsClaimsDenyTheirValues) {
  struct Case {
    const char* text;
    std::vector<std::string> claims;  // "modality predicate=value", in order
  };
  const Case cases[] = {
      {"Des instructeurs russes seraient arrivés au Mali en décembre 2021. La junte dément.",
       {"reported actor=instructeurs russes", "reported place=mali", "reported date=2021-12",
        "denied actor=not instructeurs russes", "denied place=not mali",
        "denied date=not 2021-12"}},
      {"Les djihadistes ont tué plus de cent soldats à Tessit, ce que l'armée dément.",
       {"asserted perpetrator=djihadistes", "asserted place=tessit", "asserted count=>=100",
        "denied count=not >=100"}},
  };
  for (const Case& c : cases) {
    const Corpus corpus = ExtractOne(c.text, "fr", absl::CivilDay(2022, 8, 9));
    std::vector<std::string> got;
    for (const Claim& claim : corpus.claims) {
      const Frame& f = corpus.frames[claim.frame];
      if (corpus.str(f.template_name) != "deployment" &&
          corpus.str(f.template_name) != "casualties") {
        continue;
      }
      got.push_back(absl::StrCat(ModalityName(claim.modality), " ", corpus.str(claim.predicate),
                                 "=", corpus.values.Key(claim.value)));
    }
    EXPECT_EQ(got, c.claims) << c.text;
  }
}

// A role whose title names no country takes the organisation the actor
// rules give the person for that role, not the country the article names
// most; a person they do not know still takes that country.
TEST(FramesTest, AKnownPersonsRoleTakesTheirOrganisation) {
  ExpectFrames({
      {"fr",
       "La Russie a livré deux hélicoptères russes au Mali. Moscou et la Russie s'en "
       "félicitent. Le président de la Transition, le colonel Assimi Goïta, a remercié la "
       "Russie. Le ministre de la Défense, Boubacar Traoré, était présent.",
       "role",
       {"person=Assimi Goïta|role=president|organisation=Mali",
        "person=Boubacar Traoré|role=defence_minister|organisation=Russie"}},
  });
}

// "le groupe", "the group" is the organisation an earlier frame of the
// template named; without one the statement has no actor and no frame.
TEST(FramesTest, TheGroupIsTheOrganisationNamedBefore) {
  ExpectFrames({
      {"fr",
       "Des instructeurs russes sont déployés au Mali. Les Occidentaux dénoncent le déploiement "
       "du groupe Wagner au Mali. La junte nie toute présence du groupe au Mali.",
       "deployment",
       {"actor=instructeurs russes|place=Mali", "actor=Wagner|place=Mali",
        "actor=Wagner|place=Mali|modality=denied"}},
      {"en", "The junta denies the group's presence in Mali.", "deployment", {}},
  });
}

// With no earlier frame to name it, "la force" is the organisation named
// last before it in its sentence or the one before; not further back.
TEST(FramesTest, TheForceIsTheOrganisationNamedJustBefore) {
  ExpectFrames({
      {"fr",
       "Le retrait de Barkhane s'est fait par étapes : la force a remis aux FAMa l'emprise de "
       "Gossi.",
       "withdrawal", {"actor=Barkhane|place=Gossi"}},
      {"fr",
       "Les habitants de Gao ont vu partir Barkhane. La force a remis aux FAMa l'emprise de Gao.",
       "withdrawal", {"actor=Barkhane|place=Gao"}},
      {"fr",
       "Barkhane est là depuis 2014. Les habitants attendent. La force a remis aux FAMa "
       "l'emprise de Gao.",
       "withdrawal", {}},
  });
}

// Models named in a later sentence fill the model slot of the claim of
// their class; the aircraft that carried a delivery is no model of it, and
// a sentence that states its own delivery keeps its models.
TEST(FramesTest, ModelsNamedLaterFillTheClaimOfTheirClass) {
  ExpectFrames({
      {"en",
       "Mali received five fighter jets and one attack helicopter from Russia on Tuesday. The "
       "jets are L-39 Albatros and Su-25 models and the helicopter a Mi-24P.",
       "delivery",
       {"recipient=Mali|supplier=Russia|item_class=jet|count=5|date=2022-08-09|"
        "model=L-39 Albatros;Su-25",
        "recipient=Mali|supplier=Russia|item_class=helicopter|count=1|date=2022-08-09|"
        "model=Mi-24P"}},
      {"fr",
       "Le Mali a reçu huit aéronefs de Russie mardi. Ils ont été acheminés à bord d'un Antonov "
       "An-124.",
       "delivery", {"recipient=Mali|supplier=Russie|item_class=aircraft|count=8|date=2022-08-09"}},
      // A total of aircraft covers the jets and helicopters named after it.
      {"fr",
       "Le Mali a reçu huit aéronefs de Russie mardi. Il s'agit d'avions L-39 et Su-25 et "
       "d'hélicoptères Mi-8.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=aircraft|count=8|date=2022-08-09|"
        "model=L-39;Su-25;Mi-8"}},
  });
}

// A delivery told in several statements ("quatre hélicoptères", "les
// appareils, de type Mi-171", "les quatre hélicoptères ont été acquis")
// has the models any of them names, for the statements of their class that
// agree on its date, recipient and supplier; a delivery of another date
// keeps none.
TEST(FramesTest, TheStatementsOfOneDeliveryShareItsModels) {
  ExpectFrames({
      {"fr",
       "Le Mali a reçu quatre hélicoptères mardi. Les appareils, de type Mi-171, ont été "
       "réceptionnés à Bamako. Les quatre hélicoptères ont été acquis auprès de la Russie.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=helicopter|count=4|date=2022-08-09|"
        "place=Bamako|model=Mi-171",
        "recipient=Mali|supplier=Russie|item_class=aircraft|count=>=2|date=2022-08-09|"
        "place=Bamako|model=Mi-171",
        "recipient=Mali|supplier=Russie|item_class=helicopter|count=4|date=2022-08-09|"
        "place=Bamako|model=Mi-171"}},
      {"fr",
       "Le Mali a reçu mardi deux hélicoptères Mi-171 de la Russie. En avril, il avait reçu "
       "deux hélicoptères de la Russie.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=helicopter|count=2|model=Mi-171|"
        "date=2022-08-09",
        "recipient=Mali|supplier=Russie|item_class=helicopter|count=2|date=2022-04"}},
      {"fr",
       "Le Mali a reçu mardi deux hélicoptères Mi-171 et deux avions de combat de la Russie. "
       "Les avions de combat ont été acquis auprès de la Russie.",
       "delivery",
       {"recipient=Mali|supplier=Russie|item_class=helicopter|count=2|model=Mi-171|"
        "date=2022-08-09",
        "recipient=Mali|supplier=Russie|item_class=jet|count=2|date=2022-08-09",
        "recipient=Mali|supplier=Russie|item_class=jet|date=2022-08-09"}},
      // English adds a plural "s" to designations: "the two L-39s".
      {"en",
       "Mali received two jets from Russia on Tuesday. The Russian Federation also delivered "
       "the two L-39s to Mali on Tuesday.",
       "delivery",
       {"recipient=Mali|supplier=Russia|item_class=jet|count=2|date=2022-08-09|model=L-39",
        "recipient=Mali|supplier=Russian Federation|item_class=jet|count=2|date=2022-08-09|"
        "model=L-39"}},
  });
}

// A toll at the place of an attack the article reports, dated in its
// sentence after the attack, is dated by the attack: the later date is
// that of a report ("Ce mercredi, …"). A toll elsewhere, or dated by a
// month that holds the attack, keeps its own date.
TEST(FramesTest, ATollAfterTheAttackAtItsPlaceIsTheAttacks) {
  ExpectFrames({
      {"fr",
       "Dimanche, des jihadistes ont attaqué le camp militaire de Tessit. Ce mercredi, "
       "quarante-deux soldats tombés à Tessit ont été inhumés à Gao.",
       "casualties",
       {"place=Tessit|victims=soldats|count=42|event=attack|date=2022-08-07|"
        "perpetrator=jihadistes"}},
      {"en",
       "Jihadists attacked the army camp at Tessit on Sunday. On Wednesday, the toll stood at 42 "
       "soldiers killed at Tessit.",
       "casualties",
       {"place=Tessit|victims=soldiers|count=42|event=attack|date=2022-08-07|"
        "perpetrator=Jihadists"}},
      {"fr",
       "Dimanche, des jihadistes ont attaqué le camp militaire de Tessit. Mardi, trois soldats "
       "ont été tués à Gao.",
       "casualties",
       {"place=Gao|victims=soldats|count=3|event=attack|date=2022-08-09"}},
      {"fr",
       "Dimanche, des jihadistes ont attaqué le camp militaire de Tessit. En août, 42 soldats "
       "sont morts à Tessit.",
       "casualties",
       {"place=Tessit|victims=soldats|count=42|event=attack|date=2022-08"}},
  });
}

// "Six mois plus tard" counts months from the date before it and dates
// what follows it: the statement it ends does not take it.
TEST(FramesTest, ADateCountedFromThePreviousOneDatesWhatFollows) {
  ExpectFrames({
      {"fr",
       "Quatre hélicoptères sont arrivés en septembre 2021. Six mois plus tard, le Mali a reçu "
       "deux Mi-35M.",
       "delivery",
       {"item_class=helicopter|count=4|date=2021-09|recipient=Mali",
        "recipient=Mali|item_class=helicopter|count=2|model=Mi-35M|date=2022-03"}},
      {"en",
       "Four Mi-171 helicopters were delivered to Mali in September 2021. Six months later came "
       "two Mi-35M attack helicopters.",
       "delivery",
       {"recipient=Mali|item_class=helicopter|count=4|model=Mi-171|date=2021-09",
        "item_class=helicopter|count=2|model=Mi-35M|date=2022-03|recipient=Mali"}},
      {"fr",
       "Le colonel Assimi Goïta avait pris la tête du putsch d'août 2020 contre le président "
       "Ibrahim Boubacar Keïta avant d'écarter, neuf mois plus tard, les autorités civiles.",
       "role",
       {"person=Ibrahim Boubacar Keïta|role=president|date=2020-08|organisation=Mali"}},
  });
}

// A person who receives the visitor or stands by the president at the
// event the article leads with holds the role on the event's date.
TEST(FramesTest, APersonAtTheLeadEventHoldsTheRoleOnItsDate) {
  ExpectFrames({
      {"fr",
       "Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé mardi à Bamako. "
       "Il a été reçu par le président de la transition, le colonel Assimi Goïta.",
       "role",
       {"person=Sergueï Lavrov|role=foreign_minister|organisation=Russie|date=2022-08-09",
        "person=Assimi Goïta|role=president|organisation=Mali|date=2022-08-09"}},
      {"fr",
       "Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé mardi à Bamako. "
       "Le président de la transition, le colonel Assimi Goïta, prépare un remaniement.",
       "role",
       {"person=Sergueï Lavrov|role=foreign_minister|organisation=Russie|date=2022-08-09",
        "person=Assimi Goïta|role=president|organisation=Mali"}},
  });
}

// A pronoun names no one, alone or inside a phrase read as the actor:
// such a phrase is a clause ("nine years after they were deployed").
TEST(FramesTest, APhraseWithAPronounIsNoActor) {
  ExpectFrames({
      {"en", "The troops left in August, nine years after they were first deployed.",
       "deployment", {}},
      {"fr", "Il s'est rendu à Moscou.", "visit", {}},
      {"en", "French troops were first deployed in Mali in 2013.", "deployment",
       {"actor=France|place=Mali|date=2013"}},
  });
}

// A person placed at the event the article leads with ("a assisté à la
// cérémonie") holds the role on that event's date, not on the date of a
// delivery mentioned since; without such words the role stays undated.
TEST(FramesTest, ARoleAtTheCeremonyTakesTheLeadEventsDate) {
  ExpectFrames({
      {"fr",
       "L'armée malienne a reçu mardi deux hélicoptères russes. Elle avait reçu en avril un "
       "radar. L'ambassadeur de Russie, Igor Gromyko, a assisté à la cérémonie.",
       "role", {"person=Igor Gromyko|role=ambassador|organisation=Russie|date=2022-08-09"}},
      {"fr",
       "L'armée malienne a reçu mardi deux hélicoptères russes. Elle avait reçu en avril un "
       "radar. L'ambassadeur de Russie, Igor Gromyko, a salué le partenariat.",
       "role", {"person=Igor Gromyko|role=ambassador|organisation=Russie"}},
      {"en",
       "Mali received two Russian helicopters on Tuesday. The Russian ambassador, Igor "
       "Gromyko, attended the ceremony.",
       "role", {"person=Igor Gromyko|role=ambassador|organisation=Russia|date=2022-08-09"}},
  });
}

// A facility's name ends where a date begins, with the word that brings
// it: the date is the date slot's, not part of the place.
TEST(FramesTest, APlaceEndsBeforeItsDate) {
  ExpectFrames({
      {"en", "The Su-25 jets landed at Bamako airport on 19 January.", "delivery",
       {"item_class=jet|model=Su-25|count=>=2|place=Bamako airport|date=2022-01-19|"
        "recipient=Mali"}},
      {"fr", "Les avions L-39 ont atterri à l'aéroport de Bamako le 19 janvier.", "delivery",
       {"item_class=aircraft|model=L-39|count=>=2|place=aéroport de Bamako|date=2022-01-19|"
        "recipient=Mali"}},
  });
}

// A title that names its body names it in the article's language; the
// claims of both languages share one key.
TEST(FramesTest, ATitlesOwnBodyIsNamedInTheArticlesLanguage) {
  ExpectFrames({
      {"en", "The Chief of Staff of the Air Force, General Alou Boï Diarra, spoke.", "role",
       {"person=Alou Boï Diarra|role=chief_of_staff|organisation=air force"}},
      {"fr", "Le chef d'état-major de l'armée de l'air, le général Alou Boï Diarra, a parlé.",
       "role", {"person=Alou Boï Diarra|role=chief_of_staff|organisation=armée de l'air"}},
  });
}

// A statement without a date takes the nearest one before it; a later
// frame lends only when none before does, even if it is nearer: "after the
// delivery of 19 January" recalls another event.
TEST(FramesTest, AnEarlierFrameDatesBeforeALaterOne) {
  std::vector<FrameMap> frames = FramesOf(
      "Mali's air force took delivery of new Russian aircraft on Thursday. The ceremony "
      "was attended by officers. According to the army, it received two Su-25 jets. "
      "This is the second delivery this year, after the delivery of eight aircraft on "
      "19 January.",
      "en", absl::CivilDay(2023, 3, 10), "delivery");
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[1]["model"], "Su-25");
  EXPECT_EQ(frames[1]["date"], "2023-03-09");
  EXPECT_EQ(frames[2]["date"], "2023-01-19");
  // With nothing before, the later frame lends.
  std::vector<FrameMap> later = FramesOf(
      "According to the army, Mali received two Su-25 jets. The delivery of the jets "
      "took place on Thursday at Air Base 101.",
      "en", absl::CivilDay(2023, 3, 10), "delivery");
  ASSERT_GE(later.size(), 1u);
  EXPECT_EQ(later[0]["date"], "2023-03-09");
}

// "The handover came two days after 17 soldiers were killed": the toll is
// two days before the handover, the last day the text stated; without such
// a day it has no date.
TEST(FramesTest, AnEventCountedFromTheDayBefore) {
  std::vector<FrameMap> dated = FramesOf(
      "Mali's armed forces on Tuesday received several warplanes from Russia. The "
      "handover came two days after 17 soldiers were killed in an attack on an army post "
      "in Tessit.",
      "en", absl::CivilDay(2022, 8, 10), "casualties");
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0]["date"], "2022-08-07");
  std::vector<FrameMap> fr = FramesOf(
      "L'armée a réceptionné mardi cinq avions. Cette livraison intervient deux jours "
      "après l'attaque de Tessit, où 42 soldats ont été tués.",
      "fr", absl::CivilDay(2022, 8, 11), "casualties");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0]["date"], "2022-08-07");
  std::vector<FrameMap> undated =
      FramesOf("The handover came two days after 17 soldiers were killed in Tessit.", "en",
               absl::CivilDay(2022, 8, 10), "casualties");
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].count("date"), 0u) << undated[0]["date"];
}

// An attack statement without a target takes that of the attack at the
// same place and date, however far before; one elsewhere lends nothing.
TEST(FramesTest, AnAttackTakesTheTargetOfTheSameAttack) {
  const char* kText =
      "Dix-sept soldats ont été tués dimanche dans une attaque contre un camp de l'armée à Tessit. "
      "Neuf soldats sont portés disparus. Trente-trois ont été blessés. L'armée affirme avoir tué "
      "vingt assaillants. L'attaque a été menée par des combattants de l'État islamique au Grand "
      "Sahara, selon l'armée.";
  std::vector<FrameMap> frames = FramesOf(kText, "fr", absl::CivilDay(2022, 8, 9), "attack");
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[1]["perpetrator"], "État islamique au Grand Sahara");
  EXPECT_EQ(frames[1]["target"], "camp de l'armée");
  std::vector<FrameMap> elsewhere = FramesOf(
      "Le 22 juillet, une attaque a visé le camp de Kati. L'attaque de Tessit, dimanche, a "
      "été menée par l'État islamique au Grand Sahara.",
      "fr", absl::CivilDay(2022, 8, 9), "attack");
  ASSERT_EQ(elsewhere.size(), 2u);
  EXPECT_EQ(elsewhere[1]["place"], "Tessit");
  EXPECT_EQ(elsewhere[1].count("target"), 0u) << elsewhere[1]["target"];
}

// A toll names the perpetrator of the attack at its place and date.
TEST(FramesTest, ATollTakesThePerpetratorOfItsAttack) {
  std::vector<FrameMap> same = FramesOf(
      "Le camp de Tessit a été attaqué dimanche par l'État islamique au Grand Sahara. Le "
      "gouvernement a annoncé mercredi que 42 soldats avaient été tués.",
      "fr", absl::CivilDay(2022, 8, 12), "casualties");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0]["perpetrator"].rfind("État islamique", 0), 0u) << same[0]["perpetrator"];
  std::vector<FrameMap> elsewhere = FramesOf(
      "Le 22 juillet, le JNIM a attaqué le camp de Kati. Dimanche, 42 soldats ont été tués "
      "à Tessit.",
      "fr", absl::CivilDay(2022, 8, 12), "casualties");
  ASSERT_EQ(elsewhere.size(), 1u);
  EXPECT_EQ(elsewhere[0].count("perpetrator"), 0u) << elsewhere[0]["perpetrator"];
}

// A place the goods come from is their supplier, not the place of the
// delivery; so is the capital of the state that supplies them.
TEST(FramesTest, APlaceGoodsComeFromIsTheirSupplier) {
  ExpectFrames({
      {"en",
       "It is the second delivery from Moscow this year, after two Mi-35 helicopters were handed "
       "over in April.",
       "delivery", {"supplier=Moscow|item_class=helicopter|count=2|model=Mi-35|date=2022-04"}},
      // So is a country, which no default then makes the recipient too.
      {"en", "Four Mi-171 helicopters shipped from Russia were unloaded on Thursday.", "delivery",
       {"supplier=Russia|item_class=helicopter|count=4|model=Mi-171|date=2022-08-04"}},
      // The capital of the supplying state stands for it.
      {"en",
       "Russia has also supplied hardware: in the space of a year, Moscow has sent Mali at least "
       "ten aircraft.",
       "delivery", {"supplier=Russia|recipient=Mali|item_class=aircraft|count=>=10"}},
  });
}

// A toll takes the date of its own attack, not of the nearest one: an
// attack elsewhere is another event.
TEST(FramesTest, ATollTakesTheDateOfTheAttackAtItsPlace) {
  ExpectFrames({
      {"fr",
       "L'attaque de Tessit a eu lieu dimanche. Le camp de Kati avait été attaqué le 22 juillet. "
       "Quarante-deux soldats ont été tués à Tessit.",
       "casualties", {"place=Tessit|victims=soldats|count=42|event=attack|date=2022-08-07"}},
      {"en",
       "The attack on Tessit took place on Sunday. The Kati camp had been attacked on 22 July. "
       "Forty-two soldiers were killed in Tessit.",
       "casualties", {"place=Tessit|victims=soldiers|count=42|event=attack|date=2022-08-07"}},
  });
}

// A statement that refers back to a withdrawal and adds when it was
// announced is a claim of its own, about the withdrawal it refers to.
TEST(FramesTest, ABackReferenceThatAddsADateIsAClaim) {
  ExpectFrames({
      {"fr",
       "Les derniers soldats français ont quitté le Mali lundi. "
       "Ce retrait avait été annoncé le 17 février par Emmanuel Macron.",
       "withdrawal",
       {"actor=France|place=Mali|date=2022-08-08|announced=2022-02-17",
        "actor=France|place=Mali|announced=2022-02-17"}},
      {"en",
       "The last French soldiers left Mali on Monday. "
       "President Emmanuel Macron announced the departure on 17 February.",
       "withdrawal",
       {"actor=France|place=Mali|date=2022-08-08|announced=2022-02-17",
        "actor=France|place=Mali|announced=2022-02-17"}},
      // Where a frame reads the sentence, the back-reference only lends.
      {"fr",
       "Les derniers soldats français ont quitté le Mali lundi, au terme d'un retrait annoncé "
       "en février.",
       "withdrawal", {"actor=France|place=Mali|date=2022-08-08|announced=2022-02"}},
      // Without a withdrawal before it, it names no one.
      {"fr", "Le retrait avait été annoncé le 17 février.", "withdrawal", {}},
  });
}

TEST(FramesTest, EvidenceSpansAreOriginalBytes) {
  // Typographic apostrophes, guillemets and non-breaking spaces are
  // normalized for matching; spans still point into the text as written.
  std::string text =
      "Mardi, l\u2019arm\u00e9e malienne a re\u00e7u de la Russie deux h\u00e9licopt\u00e8res "
      "Mi-24P \u00e0 l\u2019a\u00e9roport de Bamako.\n"
      "\u00ab\u00a0Ils sont op\u00e9rationnels\u00a0\u00bb, a dit le ministre de la D\u00e9fense, "
      "Sadio Camara.";
  Corpus corpus = ExtractOne(text, "fr", absl::CivilDay(2022, 8, 10));
  ASSERT_FALSE(corpus.frames.empty());
  for (const Frame& f : corpus.frames) {
    ASSERT_LE(f.span_end, text.size());
    ASSERT_LE(f.sentence_begin, f.span_begin);
    ASSERT_LE(f.span_end, f.sentence_end);
    for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
      const FrameSlot& s = corpus.frame_slots[k];
      EXPECT_LE(s.span_begin, s.span_end);
      EXPECT_LE(s.span_end, text.size());
    }
  }
  std::vector<FrameMap> deliveries = Frames(corpus, "delivery");
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0]["evidence"],
            "l\u2019arm\u00e9e malienne a re\u00e7u de la Russie deux h\u00e9licopt\u00e8res "
            "Mi-24P \u00e0 l\u2019a\u00e9roport de Bamako");
  EXPECT_EQ(deliveries[0]["place"], "a\u00e9roport de Bamako");
  EXPECT_EQ(deliveries[0]["date"], "2022-08-09");
  std::vector<FrameMap> roles = Frames(corpus, "role");
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0]["evidence"], "ministre de la D\u00e9fense, Sadio Camara");
  // Every claim of a frame carries the frame's evidence and document.
  for (const Claim& c : corpus.claims) {
    ASSERT_NE(c.frame, kNoFrame);
    EXPECT_EQ(c.document, 0u);
    EXPECT_EQ(c.span_begin, corpus.frames[c.frame].span_begin);
    EXPECT_EQ(c.span_end, corpus.frames[c.frame].span_end);
  }
}

}  // namespace
}  // namespace crosscheck::testing
