#include "ingest/json_fields.h"

#include "absl/strings/ascii.h"
#include "rapidjson/error/en.h"
#include "rapidjson/reader.h"
#include "rapidjson/stream.h"

namespace crosscheck::internal {
namespace {

// RapidJSON's SSE4.2 scanners read aligned 16-byte blocks, possibly past the
// terminating zero; the padding keeps those reads inside the buffer.
constexpr size_t kPadding = 16;

// Collects the top-level fields of the root object. Depth 0 is outside the
// root, 1 inside it; deeper values are skipped.
class TopLevelHandler
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TopLevelHandler> {
 public:
  // RapidJSON's Tell() is not const, hence the mutable reference.
  TopLevelHandler(const char* base, rapidjson::InsituStringStream& stream,
                  std::vector<JsonField>* fields)
      : base_(base), stream_(stream), fields_(fields) {}

  bool root_not_object() const { return root_not_object_; }

  bool Null() { return Scalar(JsonType::kNull, "", Tell() - 4); }
  bool Bool(bool b) {
    return b ? Scalar(JsonType::kBool, "true", Tell() - 4)
             : Scalar(JsonType::kBool, "false", Tell() - 5);
  }
  bool RawNumber(const char* str, rapidjson::SizeType len, bool) {
    return Scalar(JsonType::kNumber, absl::string_view(str, len),
                  static_cast<size_t>(str - base_));
  }
  bool String(const char* str, rapidjson::SizeType len, bool) {
    // In place, the decoded text starts right after the opening quote.
    return Scalar(JsonType::kString, absl::string_view(str, len),
                  static_cast<size_t>(str - base_) - 1);
  }
  bool Key(const char* str, rapidjson::SizeType len, bool) {
    if (depth_ == 1) key_ = absl::string_view(str, len);
    return true;
  }
  bool StartObject() { return Open(JsonType::kObject); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(JsonType::kArray); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

 private:
  size_t Tell() { return stream_.Tell(); }

  bool Scalar(JsonType type, absl::string_view text, size_t offset) {
    if (depth_ == 0) {
      root_not_object_ = true;
      return false;
    }
    if (depth_ == 1) Add(type, text, offset);
    return true;
  }
  bool Open(JsonType type) {
    if (depth_ == 0 && type != JsonType::kObject) {
      root_not_object_ = true;
      return false;
    }
    // The bracket has just been read.
    if (depth_ == 1) Add(type, "", Tell() - 1);
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  void Add(JsonType type, absl::string_view text, size_t offset) {
    fields_->push_back(
        JsonField{key_, type, text, static_cast<uint32_t>(offset + 1)});
  }

  const char* base_;
  rapidjson::InsituStringStream& stream_;
  std::vector<JsonField>* fields_;
  absl::string_view key_;
  int depth_ = 0;
  bool root_not_object_ = false;
};

// RapidJSON's English message in crosscheck's style: lower case, no period.
std::string ErrorMessage(rapidjson::ParseErrorCode code) {
  std::string message = rapidjson::GetParseError_En(code);
  if (!message.empty() && message.back() == '.') message.pop_back();
  if (!message.empty()) {
    message[0] = absl::ascii_tolower(static_cast<unsigned char>(message[0]));
  }
  return message;
}

size_t FirstNonSpace(absl::string_view s) {
  size_t i = 0;
  while (i < s.size() &&
         absl::ascii_isspace(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  return i;
}

}  // namespace

absl::string_view JsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::kNull:
      return "null";
    case JsonType::kBool:
      return "a boolean";
    case JsonType::kNumber:
      return "a number";
    case JsonType::kString:
      return "a string";
    case JsonType::kArray:
      return "an array";
    case JsonType::kObject:
      return "an object";
  }
  return "unknown";
}

bool JsonFieldParser::Parse(absl::string_view line,
                            std::vector<JsonField>* fields, std::string* error,
                            uint32_t* column) {
  fields->clear();
  buffer_.assign(line.data(), line.size());
  buffer_.append(kPadding, '\0');
  rapidjson::InsituStringStream stream(buffer_.data());
  TopLevelHandler handler(buffer_.data(), stream, fields);
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  if (handler.root_not_object()) {
    *error = "not a JSON object";
    *column = static_cast<uint32_t>(FirstNonSpace(line) + 1);
    return false;
  }
  if (result.IsError()) {
    *error = "malformed JSON: " + ErrorMessage(result.Code());
    *column = static_cast<uint32_t>(result.Offset() + 1);
    return false;
  }
  // The in-place stream stops at a zero byte; one inside the line ends the
  // parse early and must not hide what follows it.
  if (stream.Tell() < line.size()) {
    *error = "malformed JSON: zero byte outside a string";
    *column = static_cast<uint32_t>(stream.Tell() + 1);
    return false;
  }
  return true;
}

const JsonField* FindField(const std::vector<JsonField>& fields,
                           absl::string_view key) {
  for (size_t i = fields.size(); i > 0; --i) {
    if (fields[i - 1].key == key) return &fields[i - 1];
  }
  return nullptr;
}

}  // namespace crosscheck::internal
