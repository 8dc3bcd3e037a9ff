// A JSON document that remembers where each of its values and keys was
// written, so that rule files can be rejected with "file:line:col".
#ifndef CROSSCHECK_ENGINE_INTERNAL_LOCATED_JSON_H_
#define CROSSCHECK_ENGINE_INTERNAL_LOCATED_JSON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "rapidjson/document.h"

namespace crosscheck::internal {

struct TextPosition {
  uint32_t line = 0;  // 1-based; 0 = unknown
  uint32_t column = 0;
};

// Not copyable: positions are keyed by the addresses of the DOM's values.
class LocatedJson {
 public:
  // Parses `text`. InvalidArgument "name:line:col: message" on a syntax
  // error (including invalid UTF-8 and an empty document); then, if
  // `error_at` is not null, it receives the error's position.
  static absl::StatusOr<std::unique_ptr<LocatedJson>> Parse(
      std::string name, std::string text, TextPosition* error_at = nullptr);
  LocatedJson(const LocatedJson&) = delete;
  LocatedJson& operator=(const LocatedJson&) = delete;

  const rapidjson::Value& root() const { return doc_; }
  const std::string& name() const { return name_; }
  // Where `v` (a value or an object key of this document) starts; {0, 0} if
  // `v` is not part of this document.
  TextPosition PositionOf(const rapidjson::Value& v) const;
  // Line and column of byte `offset` in the text.
  TextPosition PositionOfOffset(size_t offset) const;

 private:
  LocatedJson() = default;

  std::string name_;
  std::string text_;
  std::vector<size_t> line_starts_;
  rapidjson::Document doc_;
  absl::flat_hash_map<const rapidjson::Value*, uint32_t> offsets_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INTERNAL_LOCATED_JSON_H_
