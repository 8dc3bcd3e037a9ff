#include "ingest/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace crosscheck::internal {
namespace {

constexpr size_t kNpos = absl::string_view::npos;
#define R "\xEF\xBF\xBD"  // U+FFFD

struct Case {
  const char* name;
  absl::string_view input;
  size_t first_invalid;  // kNpos when valid
  const char* repaired;
  size_t replacements;
};

const Case kCases[] = {
    {"empty", "", kNpos, "", 0},
    {"ascii", "hello, world", kNpos, "hello, world", 0},
    {"long ascii", "0123456789abcdefghijklmnopqrstuvwxyz", kNpos,
     "0123456789abcdefghijklmnopqrstuvwxyz", 0},
    {"two byte", "caf\xC3\xA9", kNpos, "caf\xC3\xA9", 0},
    {"three byte", "\xE2\x82\xAC 5", kNpos, "\xE2\x82\xAC 5", 0},
    {"four byte", "\xF0\x9F\x98\x80", kNpos, "\xF0\x9F\x98\x80", 0},
    {"max code point", "\xF4\x8F\xBF\xBF", kNpos, "\xF4\x8F\xBF\xBF", 0},
    {"lone continuation", "a\x80z", 1, "a" R "z", 1},
    {"latin-1 byte after ascii run", "0123456789\xE9z", 10, "0123456789" R "z",
     1},
    {"truncated three byte at end", "ab\xE2\x82", 2, "ab" R, 1},
    {"truncated then ascii", "\xE2\x82x", 0, R "x", 1},
    {"two bad bytes", "\xFF\xFE", 0, R R, 2},
    {"overlong slash", "\xC0\xAF", 0, R R, 2},
    {"overlong three byte", "\xE0\x80\xAF", 0, R R R, 3},
    {"surrogate", "\xED\xA0\x80", 0, R R R, 3},
    {"above U+10FFFF", "\xF4\x90\x80\x80", 0, R R R R, 4},
    {"F5 lead", "\xF5\x80", 0, R R, 2},
    {"truncated four byte", "\xF0\x9F\x98 ok", 0, R " ok", 1},
    {"valid after invalid", "\xFF\xC3\xA9", 0, R "\xC3\xA9", 1},
    {"invalid after 16 ascii", "abcdefghijklmnop\x80", 16, "abcdefghijklmnop" R,
     1},
};

TEST(Utf8Test, FindsFirstInvalidByteAndRepairs) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FindInvalidUtf8(c.input), c.first_invalid);
    EXPECT_EQ(IsValidUtf8(c.input), c.first_invalid == kNpos);
    std::string out = "prefix:";
    EXPECT_EQ(AppendRepairedUtf8(c.input, &out), c.replacements);
    EXPECT_EQ(out, std::string("prefix:") + c.repaired);
    EXPECT_TRUE(IsValidUtf8(RepairUtf8(c.input)));
  }
}

TEST(Utf8Test, EveryByteValueRepairsToValidText) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 15) {
      const char raw[3] = {static_cast<char>(a), static_cast<char>(b), 'x'};
      const std::string repaired = RepairUtf8(absl::string_view(raw, 3));
      ASSERT_TRUE(IsValidUtf8(repaired)) << a << " " << b;
      EXPECT_EQ(repaired.back(), 'x');
    }
  }
}

TEST(Utf8Test, ExcerptIsShortAndValid) {
  const std::string accents(100, 'a');
  EXPECT_EQ(Utf8Excerpt(accents), std::string(80, 'a'));
  EXPECT_EQ(Utf8Excerpt("short"), "short");

  // 79 ASCII bytes then a two-byte character: it must not be cut in half.
  const std::string cut = std::string(79, 'a') + "\xC3\xA9" + "tail";
  EXPECT_EQ(Utf8Excerpt(cut), std::string(79, 'a'));

  // Invalid bytes grow to three bytes each; the result still fits.
  const std::string bad(60, '\xFF');
  const std::string excerpt = Utf8Excerpt(bad);
  EXPECT_LE(excerpt.size(), 80u);
  EXPECT_TRUE(IsValidUtf8(excerpt));
  EXPECT_EQ(excerpt.size() % 3, 0u);

  EXPECT_EQ(Utf8Excerpt("ab\xFF"
                        "cd",
                        4),
            "ab");
}

}  // namespace
}  // namespace crosscheck::internal
