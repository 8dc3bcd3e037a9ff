#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "internal/located_json.h"

namespace crosscheck::internal {
namespace {

TEST(LocatedJson, PositionsOfValuesAndKeys) {
  const std::string text =
      "{\n"
      "  \"pack\": \"p\",\n"
      "  \"rules\": [\n"
      "    {\"id\": \"a\", \"priority\": 12, \"ok\": true},\n"
      "    [1, -2.5e3, null]\n"
      "  ]\n"
      "}\n";
  auto json = LocatedJson::Parse("f.json", text);
  ASSERT_TRUE(json.ok()) << json.status();
  const rapidjson::Value& root = (*json)->root();
  auto pos = [&](const rapidjson::Value& v) {
    TextPosition p = (*json)->PositionOf(v);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  };
  EXPECT_EQ(pos(root), "1:1");
  EXPECT_EQ(pos(root["pack"]), "2:11");
  EXPECT_EQ(pos(root.MemberBegin()->name), "2:3");
  const rapidjson::Value& rule = root["rules"][0];
  EXPECT_EQ(pos(root["rules"]), "3:12");
  EXPECT_EQ(pos(rule), "4:5");
  EXPECT_EQ(pos(rule["id"]), "4:12");
  EXPECT_EQ(pos(rule["priority"]), "4:29");
  EXPECT_EQ(pos(rule["ok"]), "4:39");
  const rapidjson::Value& array = root["rules"][1];
  EXPECT_EQ(pos(array), "5:5");
  EXPECT_EQ(pos(array[1]), "5:9");
  EXPECT_EQ(pos(array[2]), "5:17");
}

TEST(LocatedJson, StringsWithEscapedQuotes) {
  auto json = LocatedJson::Parse("f.json", "[\"a\\\"b\\\\\", \"c\"]");
  ASSERT_TRUE(json.ok());
  EXPECT_EQ((*json)->PositionOf((*json)->root()[0]).column, 2u);
  EXPECT_EQ((*json)->PositionOf((*json)->root()[1]).column, 12u);
}

struct BadCase {
  const char* text;
  const char* expected_prefix;
};

constexpr BadCase kBad[] = {
    {"", "f.json:1:1: "},
    {"{\"a\": 1,}", "f.json:1:9: "},
    {"{\n  \"a\": [1, 2\n}", "f.json:3:1: "},
    {"{\"a\": \"\xff\"}", "f.json:1:8: "},
    {"{} {}", "f.json:1:4: "},
    {"{\"a\": tru}", "f.json:1:"},
};

TEST(LocatedJson, SyntaxErrorsNameFileLineAndColumn) {
  for (const BadCase& c : kBad) {
    TextPosition at;
    auto json = LocatedJson::Parse("f.json", c.text, &at);
    ASSERT_FALSE(json.ok()) << c.text;
    EXPECT_EQ(json.status().code(), absl::StatusCode::kInvalidArgument);
    std::string message(json.status().message());
    EXPECT_EQ(message.rfind(c.expected_prefix, 0), 0u) << message;
    EXPECT_GT(at.line, 0u);
  }
}

TEST(LocatedJson, TrailingWhiteSpaceIsFine) {
  EXPECT_TRUE(LocatedJson::Parse("f.json", "{}\n\n  \t\n").ok());
}

}  // namespace
}  // namespace crosscheck::internal
