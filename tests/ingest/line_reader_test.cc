#include "ingest/line_reader.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck::internal {
namespace {

std::vector<std::string> Lines(absl::string_view data) {
  std::vector<std::string> out;
  LineCursor cursor(data);
  Line line;
  uint32_t expected_number = 1;
  while (cursor.Next(&line)) {
    EXPECT_EQ(line.number, expected_number++);
    EXPECT_EQ(cursor.data().substr(line.offset, line.text.size()), line.text);
    out.emplace_back(line.text);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(LineCursorTest, SplitsOnNewlines) {
  EXPECT_EQ(Lines(""), V{});
  EXPECT_EQ(Lines("a"), V{"a"});
  EXPECT_EQ(Lines("a\n"), V{"a"});
  EXPECT_EQ(Lines("a\nb"), (V{"a", "b"}));
  EXPECT_EQ(Lines("a\n\nb\n"), (V{"a", "", "b"}));
  EXPECT_EQ(Lines("\n"), V{""});
}

TEST(LineCursorTest, DropsOneCarriageReturnBeforeNewline) {
  EXPECT_EQ(Lines("a\r\nb\r\n"), (V{"a", "b"}));
  EXPECT_EQ(Lines("a\r"), V{"a"});
  EXPECT_EQ(Lines("a\r\r\n"), V{"a\r"});
  EXPECT_EQ(Lines("a\rb\n"), V{"a\rb"});
}

TEST(LineCursorTest, SkipsByteOrderMarkOnce) {
  EXPECT_EQ(Lines("\xEF\xBB\xBFsource\n"), V{"source"});
  EXPECT_EQ(Lines("x\xEF\xBB\xBF"), V{"x\xEF\xBB\xBF"});
  LineCursor cursor(
      "\xEF\xBB\xBF"
      "ab");
  Line line;
  ASSERT_TRUE(cursor.Next(&line));
  EXPECT_EQ(line.offset, 0u);
  EXPECT_EQ(cursor.data(), "ab");
}

TEST(LineCursorTest, LongLineIsAViewNotACopy) {
  const std::string data = std::string(1 << 20, 'x') + "\nshort\n";
  LineCursor cursor(data);
  Line line;
  ASSERT_TRUE(cursor.Next(&line));
  EXPECT_EQ(line.text.data(), data.data());
  EXPECT_EQ(line.text.size(), size_t{1} << 20);
  ASSERT_TRUE(cursor.Next(&line));
  EXPECT_EQ(line.text, "short");
  EXPECT_EQ(line.number, 2u);
}

TEST(TextHelpersTest, BlankAndTrim) {
  EXPECT_TRUE(IsBlankLine(""));
  EXPECT_TRUE(IsBlankLine(" \t\r"));
  EXPECT_FALSE(IsBlankLine(" x "));
  EXPECT_EQ(TrimAscii("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimAscii(" \xC2\xA0 "), "\xC2\xA0");
  EXPECT_EQ(StripBom("\xEF\xBB\xBF\xEF\xBB\xBFx"), "\xEF\xBB\xBFx");
}

}  // namespace
}  // namespace crosscheck::internal
