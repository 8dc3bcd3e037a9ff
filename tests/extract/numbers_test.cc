// Counts: number words, approximate nouns, hedges and quantifiers, French
// and English, through the packs under rules/.
#include <cmath>
#include <limits>
#include <string>

#include "extract/numbers.h"
#include "gtest/gtest.h"
#include "tests/extract/extraction_helpers.h"

namespace crosscheck::testing {
namespace {

using extract_internal::Count;
using extract_internal::ParseCount;

struct CountCase {
  const char* lang;
  const char* text;
  const char* key;  // nullptr: not a count
};

constexpr CountCase kCounts[] = {
    // French number words and their compounds.
    {"fr", "quarante-deux", "42"},
    {"fr", "vingt et un", "21"},
    {"fr", "soixante et onze", "71"},
    {"fr", "quatre-vingt-dix", "90"},
    {"fr", "quatre-vingts", "80"},
    {"fr", "quatre-vingt-dix-neuf", "99"},
    {"fr", "deux cents", "200"},
    {"fr", "deux cent cinquante", "250"},
    {"fr", "mille deux cents", "1200"},
    {"fr", "un", "1"},
    {"fr", "une", "1"},
    {"fr", "12", "12"},
    {"fr", "2 500", "2500"},
    // Approximate nouns.
    {"fr", "une dizaine", "~10"},
    {"fr", "une vingtaine", "~20"},
    {"fr", "une centaine", "~100"},
    {"fr", "des centaines", ">=200"},
    {"fr", "plusieurs dizaines", ">=20"},
    // Hedges.
    {"fr", "au moins quatre", ">=4"},
    {"fr", "au minimum 30", ">=30"},
    {"fr", "plus de 40", ">=40"},
    {"fr", "près de cinquante", "~50"},
    {"fr", "environ 300", "~300"},
    {"fr", "quelque 400", "~400"},
    {"fr", "jusqu'à 1 000", "<=1000"},
    {"fr", "moins de dix", "<=10"},
    // Quantifiers: at least two.
    {"fr", "plusieurs", ">=2"},
    {"fr", "des", ">=2"},
    // Not counts.
    {"fr", "deuxième", nullptr},
    {"fr", "troisième", nullptr},
    {"fr", "vingt et", nullptr},
    {"fr", "hélicoptères", nullptr},
    // English.
    {"en", "forty-two", "42"},
    {"en", "twenty-one", "21"},
    {"en", "two hundred", "200"},
    {"en", "three thousand five hundred", "3500"},
    {"en", "a dozen", "~12"},
    {"en", "dozens", ">=24"},
    {"en", "at least four", ">=4"},
    {"en", "more than 40", ">=40"},
    {"en", "about 300", "~300"},
    {"en", "nearly fifty", "~50"},
    {"en", "up to 1,000", "<=1000"},
    {"en", "several", ">=2"},
    {"en", "second", nullptr},
};

TEST(ParseCountTest, ReadsEveryFormOfCount) {
  for (const CountCase& c : kCounts) {
    Count count;
    bool ok = ParseCount(PackLanguage(c.lang), c.text, &count);
    if (c.key == nullptr) {
      EXPECT_FALSE(ok) << c.lang << " \"" << c.text << "\" read as " << count.Key();
      continue;
    }
    ASSERT_TRUE(ok) << c.lang << " \"" << c.text << "\"";
    EXPECT_EQ(count.Key(), c.key) << c.lang << " \"" << c.text << "\"";
  }
}

struct IntervalCase {
  const char* text;
  double lo, hi;
};

constexpr double kInf = std::numeric_limits<double>::infinity();

// The interval of each hedge: approximate nouns take the pack's 20 %,
// "environ" its 10 %.
constexpr IntervalCase kIntervals[] = {
    {"quatre", 4, 4},
    {"au moins quatre", 4, kInf},
    {"jusqu'à 300", 0, 300},
    {"une dizaine", 8, 12},
    {"environ 50", 45, 55},
    {"plusieurs", 2, kInf},
};

TEST(ParseCountTest, HedgesMakeIntervals) {
  for (const IntervalCase& c : kIntervals) {
    Count count;
    ASSERT_TRUE(ParseCount(PackLanguage("fr"), c.text, &count)) << c.text;
    EXPECT_NEAR(count.lo, c.lo, 1e-9) << c.text;
    if (std::isinf(c.hi)) {
      EXPECT_TRUE(std::isinf(count.hi)) << c.text;
    } else {
      EXPECT_NEAR(count.hi, c.hi, 1e-9) << c.text;
    }
  }
}

TEST(FormatCountNumberTest, ShortestForm) {
  EXPECT_EQ(extract_internal::FormatCountNumber(4), "4");
  EXPECT_EQ(extract_internal::FormatCountNumber(1.5), "1.5");
  EXPECT_EQ(extract_internal::FormatCountNumber(1000000), "1000000");
}

}  // namespace
}  // namespace crosscheck::testing
