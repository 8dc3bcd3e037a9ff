#include "ingest/reader_util.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "ingest/utf8.h"

namespace crosscheck::internal {
namespace {

// Parses exactly `digits` decimal digits at s[*pos].
bool TakeDigits(absl::string_view s, size_t* pos, int digits, int* value) {
  if (*pos + digits > s.size()) return false;
  int v = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = s[*pos + i];
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  *value = v;
  return true;
}

}  // namespace

absl::string_view FieldName(const IngestOptions& options,
                            absl::string_view canonical) {
  auto it = options.column_map.find(canonical);
  return it == options.column_map.end() ? canonical
                                        : absl::string_view(it->second);
}

bool IsAsOfField(absl::string_view canonical) {
  return canonical == "timestamp" || canonical == "published" ||
         canonical == "as_of" || canonical == "date_observed";
}

void LineColumnAt(absl::string_view text, size_t offset, uint32_t first_line,
                  uint32_t first_column, uint32_t* line, uint32_t* column) {
  uint32_t l = first_line;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  }
  *line = l;
  *column = static_cast<uint32_t>(offset - line_start) +
            (l == first_line ? first_column : 1);
}

std::optional<absl::CivilDay> ParseIsoDate(absl::string_view s) {
  size_t pos = 0;
  int year, month, day;
  if (!TakeDigits(s, &pos, 4, &year) || pos >= s.size() || s[pos++] != '-' ||
      !TakeDigits(s, &pos, 2, &month) || pos >= s.size() || s[pos++] != '-' ||
      !TakeDigits(s, &pos, 2, &day)) {
    return std::nullopt;
  }
  if (pos < s.size() && s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') {
    return std::nullopt;
  }
  const absl::CivilDay civil(year, month, day);
  // CivilDay normalizes out-of-range fields (02-30 -> 03-02): refuse those.
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return std::nullopt;
  }
  return civil;
}

absl::string_view BaseName(absl::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return slash == absl::string_view::npos ? path : path.substr(slash + 1);
}

std::string Quote(absl::string_view text) {
  constexpr size_t kMaxQuoted = 60;
  std::string quoted = Utf8Excerpt(text, kMaxQuoted);
  if (quoted.size() < text.size()) quoted += "...";
  return absl::StrCat("'", quoted, "'");
}

std::string TooLongReason(absl::string_view what, size_t limit) {
  return absl::StrCat(what, " longer than ", limit, " bytes");
}

}  // namespace crosscheck::internal
