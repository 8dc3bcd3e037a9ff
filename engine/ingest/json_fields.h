// The top-level fields of one JSON object, read with RapidJSON's SAX parser.
#ifndef CROSSCHECK_ENGINE_INGEST_JSON_FIELDS_H_
#define CROSSCHECK_ENGINE_INGEST_JSON_FIELDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::internal {

enum class JsonType : uint8_t {
  kNull,
  kBool,
  kNumber,
  kString,
  kArray,
  kObject
};
// "null", "a boolean", "a number", "a string", "an array", "an object".
absl::string_view JsonTypeName(JsonType type);

struct JsonField {
  absl::string_view key;
  JsonType type = JsonType::kNull;
  // Strings: the decoded text (not checked for UTF-8: escapes such as
  // "\udc00" can produce invalid bytes). Numbers: as written. Booleans:
  // "true" or "false". Empty for null, arrays and objects.
  absl::string_view text;
  uint32_t column = 0;  // 1-based byte column where the value starts
};

// Parses one line holding one JSON object and lists its top-level fields
// (nested values are kept whole as kArray/kObject fields without content).
// A repeated key keeps its last value. Reusable; not thread-safe.
class JsonFieldParser {
 public:
  // Returns true and the fields, valid until the next Parse(). On failure
  // returns false with `*error` (lower case, no period) and `*column` of
  // the error (1-based).
  bool Parse(absl::string_view line, std::vector<JsonField>* fields,
             std::string* error, uint32_t* column);

 private:
  std::string buffer_;  // the line, parsed in place, with zero padding
};

// The field named `key`, or nullptr.
const JsonField* FindField(const std::vector<JsonField>& fields,
                           absl::string_view key);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_JSON_FIELDS_H_
