#include "ingest/line_reader.h"

#include <cstring>

#include "absl/strings/match.h"

namespace crosscheck::internal {

absl::string_view StripBom(absl::string_view data) {
  if (absl::StartsWith(data, kUtf8Bom)) data.remove_prefix(kUtf8Bom.size());
  return data;
}

bool IsBlankLine(absl::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

absl::string_view TrimAscii(absl::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

LineCursor::LineCursor(absl::string_view data) : data_(StripBom(data)) {}

bool LineCursor::Next(Line* line) {
  if (pos_ >= data_.size()) return false;
  const char* begin = data_.data() + pos_;
  const size_t left = data_.size() - pos_;
  const void* nl = std::memchr(begin, '\n', left);
  size_t len =
      nl ? static_cast<size_t>(static_cast<const char*>(nl) - begin) : left;
  line->offset = pos_;
  line->number = ++number_;
  pos_ += nl ? len + 1 : len;
  if (len > 0 && begin[len - 1] == '\r') --len;
  line->text = absl::string_view(begin, len);
  return true;
}

}  // namespace crosscheck::internal
