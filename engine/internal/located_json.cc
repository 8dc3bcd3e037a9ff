#include "internal/located_json.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/error/en.h"
#include "rapidjson/reader.h"

namespace crosscheck::internal {
namespace {

// Forwards SAX events to a rapidjson::Document while recording the stream
// offset at which each value (and each key) ends.
class RecordingHandler {
 public:
  RecordingHandler(rapidjson::Document* doc, const rapidjson::StringStream* in,
                   std::vector<size_t>* values, std::vector<size_t>* keys)
      : doc_(doc), in_(in), values_(values), keys_(keys) {}

  bool Null() { return Value() && doc_->Null(); }
  bool Bool(bool b) { return Value() && doc_->Bool(b); }
  bool Int(int i) { return Value() && doc_->Int(i); }
  bool Uint(unsigned u) { return Value() && doc_->Uint(u); }
  bool Int64(int64_t i) { return Value() && doc_->Int64(i); }
  bool Uint64(uint64_t u) { return Value() && doc_->Uint64(u); }
  bool Double(double d) { return Value() && doc_->Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return Value() && doc_->RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return Value() && doc_->String(s, n, copy);
  }
  bool StartObject() { return Value() && doc_->StartObject(); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    keys_->push_back(in_->Tell());
    return doc_->Key(s, n, copy);
  }
  bool EndObject(rapidjson::SizeType n) { return doc_->EndObject(n); }
  bool StartArray() { return Value() && doc_->StartArray(); }
  bool EndArray(rapidjson::SizeType n) { return doc_->EndArray(n); }

 private:
  bool Value() {
    values_->push_back(in_->Tell());
    return true;
  }

  rapidjson::Document* doc_;
  const rapidjson::StringStream* in_;
  std::vector<size_t>* values_;
  std::vector<size_t>* keys_;
};

// Where the value recorded at `at` starts. RapidJSON reports string and
// number events with the stream still at the token's first byte (it parses
// them from a local copy of the stream), containers just after their
// opening bracket, and literals just after their last byte; the checks below
// hold whichever way a RapidJSON version reports them.
size_t TokenStart(const std::string& text, const rapidjson::Value& v, size_t at) {
  auto char_at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  if (v.IsObject() || v.IsArray()) {
    char open = v.IsObject() ? '{' : '[';
    return at > 0 && char_at(at - 1) == open ? at - 1 : at;
  }
  if (v.IsString()) {
    if (char_at(at) == '"') return at;
    for (size_t i = at - 1; i-- > 0;) {  // `at` is just past the closing quote
      if (text[i] != '"') continue;
      size_t slashes = 0;
      while (i > slashes && text[i - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return at;
  }
  if (v.IsNumber()) {
    char c = char_at(at);
    if (c == '-' || (c >= '0' && c <= '9')) return at;
  }
  // A literal, or a number reported at its end: walk back over the token.
  size_t i = at;
  while (i > 0) {
    char c = text[i - 1];
    bool token = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z') || c == '-' || c == '+' || c == '.';
    if (!token) break;
    --i;
  }
  return i;
}

}  // namespace

absl::StatusOr<std::unique_ptr<LocatedJson>> LocatedJson::Parse(
    std::string name, std::string text, TextPosition* error_at) {
  auto json = std::unique_ptr<LocatedJson>(new LocatedJson());
  json->name_ = std::move(name);
  json->text_ = std::move(text);
  const std::string& t = json->text_;
  // RapidJSON's SSE4.2 path reads 16 bytes at a time and may look past the
  // terminating NUL; parse from a copy padded with zeros so every read stays
  // inside the buffer.
  const size_t kSimdPadding = 16;
  std::string padded;
  padded.reserve(t.size() + kSimdPadding);
  padded.append(t);
  padded.append(kSimdPadding, '\0');
  json->line_starts_.push_back(0);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n') json->line_starts_.push_back(i + 1);
  }

  std::vector<size_t> values, keys;
  rapidjson::StringStream in(padded.c_str());
  rapidjson::Reader reader;
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document& doc) {
    RecordingHandler handler(&doc, &in, &values, &keys);
    result = reader.Parse<rapidjson::kParseValidateEncodingFlag |
                          rapidjson::kParseStopWhenDoneFlag>(in, handler);
    return !result.IsError();
  };
  json->doc_.Populate(generate);
  if (result.IsError() || in.Tell() != t.size()) {
    // Trailing white space after the root value is fine; anything else is
    // reported where it starts.
    size_t next = t.find_first_not_of(" \t\r\n", in.Tell());
    bool trailing_space_only = !result.IsError() && next == std::string::npos;
    size_t offset = result.IsError() ? result.Offset() : next;
    if (!trailing_space_only) {
      TextPosition p = json->PositionOfOffset(offset);
      if (error_at != nullptr) *error_at = p;
      const char* what = result.IsError()
                             ? rapidjson::GetParseError_En(result.Code())
                             : "The document root must not be followed by other values.";
      return absl::InvalidArgumentError(
          absl::StrCat(json->name_, ":", p.line, ":", p.column, ": ", what));
    }
  }

  // SAX events arrive in document order, which is the DOM's pre-order with
  // each object key just before its value.
  struct Entry {
    const rapidjson::Value* value;
    bool is_key;
  };
  size_t vi = 0, ki = 0;
  std::vector<Entry> stack = {{&json->doc_, false}};
  while (!stack.empty()) {
    Entry e = stack.back();
    stack.pop_back();
    std::vector<size_t>& ends = e.is_key ? keys : values;
    size_t& next = e.is_key ? ki : vi;
    if (next < ends.size()) {
      json->offsets_[e.value] =
          static_cast<uint32_t>(TokenStart(t, *e.value, ends[next++]));
    }
    if (e.is_key) continue;
    const rapidjson::Value& v = *e.value;
    if (v.IsObject()) {
      for (auto m = v.MemberEnd(); m != v.MemberBegin();) {
        --m;
        stack.push_back({&m->value, false});
        stack.push_back({&m->name, true});
      }
    } else if (v.IsArray()) {
      for (auto it = v.End(); it != v.Begin();) stack.push_back({--it, false});
    }
  }
  return json;
}

TextPosition LocatedJson::PositionOf(const rapidjson::Value& v) const {
  auto it = offsets_.find(&v);
  if (it == offsets_.end()) return {};
  return PositionOfOffset(it->second);
}

TextPosition LocatedJson::PositionOfOffset(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  return {static_cast<uint32_t>(line), static_cast<uint32_t>(offset - start + 1)};
}

}  // namespace crosscheck::internal
