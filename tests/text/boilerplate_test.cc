// What is cut from the seed articles, byte for byte, and that no sentence
// comes from a cut.
#include <string>
#include <vector>

#include "crosscheck/rules.h"
#include "crosscheck/text.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck {
namespace {

struct SeedCuts {
  const char* file;
  std::vector<std::string> cuts;  // each cut's first and last 20 bytes
  std::vector<std::string> rules;
};

// The body of an article file: after its first non-empty line (the title).
std::string Body(const std::string& contents) {
  size_t start = 0;
  while (start < contents.size() && contents[start] == '\n') ++start;
  size_t nl = contents.find('\n', start);
  return nl == std::string::npos ? std::string() : contents.substr(nl + 1);
}

TEST(Boilerplate, SeedArticlesAreCutExactly) {
  const SeedCuts kSeeds[] = {
      {"000_97af3293e505f786.txt",
       {"glisser\n", "Laisser un commentaire\n\nVotre adresse e-mail ne sera pas publi\xC3\xA9" "e. Les "
                     "champs obligatoires sont indiqu\xC3\xA9s avec *"},
       {"text.widgets", "text.comments.form"}},
      {"001_51550717d16b70a1.txt",
       {"Source : Maroc Diplomatique\n",
        "Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater de l'actualit\xC3\xA9 malienne\n"},
       {"text.attribution", "text.social.follow"}},
      {"002_70dd4064b709cd77.txt", {}, {"text.comments.closed"}},
      {"003_de41e6a099c3eab1.txt", {}, {"text.teaser", "text.social.follow"}},
      {"004_fff721fdf8c08f85.txt", {}, {}},
  };
  PreparedText p;
  for (const SeedCuts& seed : kSeeds) {
    std::string body = Body(testing::ReadFileOrDie(testing::SourceDir() + "/fixtures/seeds/input/" + seed.file));
    PrepareText(testing::RepositoryRules().text(), body, "", &p);
    std::vector<std::string> cut, rules;
    for (const TextCutRange& c : p.cuts) {
      cut.push_back(body.substr(c.orig_begin, c.orig_end - c.orig_begin));
      rules.emplace_back(c.rule);
    }
    // Rules of the cuts, in text order (the 001 tail is three cuts).
    if (std::string(seed.file) == "001_51550717d16b70a1.txt") {
      ASSERT_EQ(rules.size(), 3u) << seed.file;
      EXPECT_EQ(cut[0], seed.cuts[0]);
      EXPECT_EQ(cut[1], seed.cuts[1]);
      EXPECT_EQ(rules[2], "text.site.radio_links");
      EXPECT_EQ(cut[2].substr(0, 26), "Ecoutez les radios du Mali");
      EXPECT_EQ(cut[2].size() + (body.size() - p.cuts[2].orig_end), cut[2].size())
          << "the SEO tail runs to the end";
      continue;
    }
    EXPECT_EQ(rules, seed.rules) << seed.file;
    for (size_t i = 0; i < seed.cuts.size() && i < cut.size(); ++i) {
      EXPECT_EQ(cut[i], seed.cuts[i]) << seed.file;
    }
    // Nothing of a cut is in a sentence.
    for (const SentenceRange& s : p.sentences) {
      for (const TextCutRange& c : p.cuts) {
        EXPECT_TRUE(s.end <= c.begin || s.begin >= c.end) << seed.file << ": " << p.Text(s.begin, s.end);
      }
    }
  }
}

TEST(Boilerplate, ReaderCommentsBeforeCommentsAreClosedAreCut) {
  std::string body = Body(testing::ReadFileOrDie(testing::SourceDir() +
                                                  "/fixtures/seeds/input/002_70dd4064b709cd77.txt"));
  PreparedText p;
  PrepareText(testing::RepositoryRules().text(), body, "", &p);
  ASSERT_EQ(p.cuts.size(), 1u);
  std::string cut = body.substr(p.cuts[0].orig_begin, p.cuts[0].orig_end - p.cuts[0].orig_begin);
  EXPECT_EQ(cut.substr(0, 26), "Achetons les servic\xC3\xA9trole");
  EXPECT_EQ(cut.substr(cut.size() - 20), "Comments are closed.");
  // The article's last paragraph (no final period) is kept.
  std::string kept = body.substr(0, p.cuts[0].orig_begin);
  EXPECT_EQ(kept.substr(kept.size() - 8), "Ukraine\n");
}

struct CutCase {
  const char* name;
  const char* in;
  std::vector<std::string> cuts;
};

TEST(Boilerplate, Markers) {
  const CutCase kCases[] = {
      {"tail from a comment form", "Texte.\nLaisser un commentaire\nNom *\nE-mail *",
       {"Laisser un commentaire\nNom *\nE-mail *"}},
      {"comments header", "Texte.\nCommentaires (2)\nMoussa K. \xE2\x80\x94 Bravo !", {"Commentaires (2)\nMoussa K. \xE2\x80\x94 Bravo !"}},
      {"social line anywhere", "Suivez-nous sur X\nTexte.\nPartagez cet article\nFin.",
       {"Suivez-nous sur X\n", "Partagez cet article\n"}},
      {"related link", "Texte.\nLire aussi : Tessit : 17 soldats tu\xC3\xA9s\nFin.", {"Lire aussi : Tessit : 17 soldats tu\xC3\xA9s\n"}},
      {"a teaser not repeated is kept", "Il h\xC3\xA9sita...\nPuis il partit.", {}},
      {"words in a sentence are no marker", "Il faut glisser le document et suivre la source : AFP.", {}},
  };
  PreparedText p;
  for (const CutCase& c : kCases) {
    PrepareText(testing::RepositoryRules().text(), c.in, "fr", &p);
    std::vector<std::string> got;
    for (const TextCutRange& cut : p.cuts) {
      got.push_back(std::string(c.in).substr(cut.orig_begin, cut.orig_end - cut.orig_begin));
    }
    EXPECT_EQ(got, c.cuts) << c.name;
  }
}

}  // namespace
}  // namespace crosscheck
