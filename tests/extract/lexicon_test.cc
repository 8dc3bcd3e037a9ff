// Fold: lower case, accents removed, apostrophes and hyphens unified, white
// space collapsed; Latin text through its table, other scripts through ICU.
#include <string>

#include "extract/lexicon.h"
#include "gtest/gtest.h"

namespace crosscheck::testing {
namespace {

using extract_internal::Fold;

struct FoldCase {
  const char* in;
  const char* want;
};

constexpr FoldCase kFolds[] = {
    {"Quatre-Vingt-Dix", "quatre vingt dix"},
    {"  ÉTAT-MAJOR \n", "etat major"},
    {"Forces armées maliennes", "forces armees maliennes"},
    {"Côte d\u2019Ivoire", "cote d'ivoire"},
    {"Ångström", "angstrom"},
    {"Goïta", "goita"},
    {"Œuvre", "\u0153uvre"},           // a ligature, not decomposed
    {"Straße", "stra\u00dfe"},         // no upper case to fold
    {"Mi\u201124P", "mi 24p"},         // a non-breaking hyphen
    {"«Wagner»", "\u00abwagner\u00bb"},
    {"\u0130stanbul", "istanbul"},     // i with its dot above dropped
    {"ΟΔΟΣ", "\u03bf\u03b4\u03bf\u03c2"},  // Greek, with its final sigma
    {"Ελλάδα", "\u03b5\u03bb\u03bb\u03b1\u03b4\u03b1"},
    {"caf\xC3", "caf\xEF\xBF\xBD"},    // invalid UTF-8 reads as U+FFFD
};

TEST(FoldTest, Table) {
  for (const FoldCase& c : kFolds) {
    EXPECT_EQ(Fold(c.in), c.want) << c.in;
  }
}

}  // namespace
}  // namespace crosscheck::testing
