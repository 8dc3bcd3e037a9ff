#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"
#include "tests/value/value_test_support.h"
#include "value/name_list.h"
#include "value/text_fold.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

// Surnames of `raw` as the Book gold writes them, space-separated, sorted.
std::string Surnames(absl::string_view raw) {
  std::set<std::string> out;
  for (const PersonName& p : ParseNames(testing::RepoRules().values().impl(), raw)) {
    out.insert(FoldText(p.surname));
  }
  return absl::StrJoin(out, "|");
}

struct Case {
  const char* in;
  const char* surnames;  // checked by hand against the text
};

constexpr Case kCases[] = {
    {"Knuth, Donald E.", "knuth"},
    {"Donald E. Knuth", "knuth"},
    {"KNUTH", "knuth"},
    {"Ajay Gupta; Scott Laliberte", "gupta|laliberte"},
    {"Pruitt, John Adlin, Tamara", "adlin|pruitt"},
    {"Carter, Eric Lippert, Eric", "carter|lippert"},
    {"Ford, William; Topp, William; Topp, William R.", "ford|topp"},
    {"De Clercq, Jan", "de clercq"},
    {"Shasha, Dennis; Bonnet, Philippe", "bonnet|shasha"},
    {"Carter, Eric Lippert, Eric", "carter|lippert"},
    {"By (author) Lientz, Bennet P. By (author) Rea, Kathryn P.", "lientz|rea"},
    {"By (author) Holtzblatt, Karen By (author) Wendell, Jessamyn Burns By (author) Wood, Shelley",
     "holtzblatt|wendell|wood"},
    {"Harrington, Jan L. (Marist College, New York, USA)", "harrington"},
    {"Sandeep Chatterjee, James Webber", "chatterjee|webber"},
    {"Mel, H. X./ Baker, Doris M./ Burnett, St", "baker|burnett|mel"},
    {"Redman, Thomas C. (Author) Daugherty, Mike (Author) Daugherty, Michael (Author)",
     "daugherty|redman"},
    {"Witten, I.H.", "witten"},
    {"Yuen, P.K.Lau, Vincent", "lau|yuen"},
    {"Plaszczak, Pawel, and Wellner, Richard, Jr.", "plaszczak|wellner"},
    {"Stuart J. Russell Peter Norvig", "norvig|russell"},
    {"AIKEN, PETER ALLEN, M.D.", "aiken|allen"},
    {"M. Ben-Ari", "ben ari"},
    {"O'Leary, Timothy J.; O'Leary, Linda I.", "o leary"},
    {"Ron Goldman, Richard P. Gabriel", "gabriel|goldman"},
    {"M. David Allen, Peter Aiken", "aiken|allen"},  // "Allen" is also a given name
    {"HUSTON, STEPHEN D. JOHNSON, JAMES SYYID, UMAR", "huston|johnson|syyid"},
    {"Elliotte R. Harold", "harold"},
    {"Langr Jeff", "langr"},
    {"Erich Gamma &amp; Richard Helm", "gamma|helm"},
    {"Przybylski, Steven A.,", "przybylski"},
    {"Jessamyn Burns Wood", "wood"},  // no given name known: no split
    {"0", ""},
};

TEST(NameList, Surnames) {
  for (const Case& c : kCases) EXPECT_EQ(Surnames(c.in), c.surnames) << c.in;
}

TEST(NameList, KeysAreSortedAndFolded) {
  EXPECT_EQ(testing::KeyOf(ValueKind::kNameList, "Patashnik, Oren; Knuth, Donald E.; Graham, Ronald"),
            "graham, ronald; knuth, donald e; patashnik, oren");
  EXPECT_EQ(testing::KeyOf(ValueKind::kNameList, "Stéphane Ducasse"), "ducasse, stephane");
  EXPECT_EQ(testing::KeyOf(ValueKind::kNameList, "Not Available"), "<null>");
  EXPECT_EQ(testing::KeyOf(ValueKind::kNameList, "0"), "<invalid>");
}

TEST(NameList, SamePerson) {
  struct Pair {
    PersonName a, b;
    bool same;
  };
  const Pair pairs[] = {
      {{"knuth", "donald e"}, {"knuth", "d e"}, true},
      {{"knuth", "donald e"}, {"knuth", ""}, true},
      {{"knuth", "donald"}, {"knuth", "donald ervin"}, true},
      {{"knuth", "donald"}, {"knuth", "ronald"}, false},
      {{"langr", "jeff"}, {"jeff", "langr"}, true},  // swapped
      {{"topp", "william"}, {"ford", "william"}, false},
  };
  for (const Pair& p : pairs) {
    EXPECT_EQ(SamePerson(p.a, p.b), p.same) << p.a.surname << ", " << p.a.given << " vs "
                                           << p.b.surname << ", " << p.b.given;
  }
}

// Book gold: 100 books with their authors' surnames. Over every claim of
// those books, how often the parsed surname set equals the gold set; and
// over the claims whose text names every gold surname, how often we parse
// them right.
TEST(NameList, BookGoldSurnameAccuracy) {
  std::string dir = testing::DatasetsDir();
  if (dir.empty() || !std::filesystem::exists(dir + "/book/truth.tsv")) {
    GTEST_SKIP() << "Book dataset not present";
  }
  absl::flat_hash_map<std::string, std::string> gold;
  std::string truth = testing::ReadFileOrDie(dir + "/book/truth.tsv");
  for (absl::string_view line : absl::StrSplit(truth, '\n', absl::SkipEmpty())) {
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    if (f.size() != 2 || f[0] == "object") continue;
    std::set<std::string> names;
    for (absl::string_view person : absl::StrSplit(f[1], ';', absl::SkipWhitespace())) {
      std::string surname = FoldText(person.substr(0, person.find(',')));
      if (!surname.empty()) names.insert(surname);
    }
    gold[std::string(f[0])] = absl::StrJoin(names, "|");
  }
  ASSERT_EQ(gold.size(), 100u);
  const ValueRules& rules = testing::RepoRules().values();
  size_t claims = 0, right = 0, containing = 0, containing_right = 0;
  std::string data = testing::ReadFileOrDie(dir + "/book/claims.tsv");
  for (absl::string_view line : absl::StrSplit(data, '\n', absl::SkipEmpty())) {
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    if (f.size() != 4) continue;
    auto it = gold.find(std::string(f[1]));
    if (it == gold.end() || rules.IsNull(f[3])) continue;
    ++claims;
    bool ok = Surnames(f[3]) == it->second;
    right += ok;
    std::string text = " " + FoldText(DecodeHtmlEntities(f[3])) + " ";
    bool all = true;
    for (absl::string_view s : absl::StrSplit(it->second, '|')) {
      all &= text.find(" " + std::string(s) + " ") != std::string::npos;
    }
    if (all && !ok && std::getenv("CROSSCHECK_SHOW_MISSES")) {
      std::printf("MISS %s => %s (gold %s)\n", std::string(f[3]).c_str(), Surnames(f[3]).c_str(),
                  it->second.c_str());
    }
    if (all) {
      ++containing;
      containing_right += ok;
    }
  }
  double share = static_cast<double>(right) / claims;
  double share_containing = static_cast<double>(containing_right) / containing;
  std::printf("book: %zu claims, surname sets right %.4f; %zu name every gold author, right %.4f\n",
              claims, share, containing, share_containing);
  EXPECT_GT(share, 0.70);
  EXPECT_GT(share_containing, 0.95);
}

}  // namespace
}  // namespace crosscheck
