#include "extract/title.h"

#include <string>

#include "absl/strings/ascii.h"

namespace crosscheck::extract_internal {
namespace {

constexpr size_t kMaxHeadingBytes = 200;

bool InCut(const PreparedText& p, uint32_t begin, uint32_t end) {
  for (const TextCutRange& c : p.cuts) {
    if (c.begin < end && begin < c.end) return true;
  }
  return false;
}

// Whether the whole of `title` is cut by the boilerplate rules.
bool IsBoilerplate(const TextRules& rules, absl::string_view title,
                   absl::string_view language, PreparedText* scratch) {
  PrepareText(rules, title, language, scratch);
  if (scratch->cuts.empty()) return false;
  size_t kept = 0;
  for (size_t i = 0; i < scratch->text.size(); ++i) {
    if (InCut(*scratch, i, i + 1)) continue;
    if (!absl::ascii_isspace(static_cast<unsigned char>(scratch->text[i]))) ++kept;
  }
  return kept == 0;
}

bool ReadsAsHeading(absl::string_view line) {
  if (line.size() > kMaxHeadingBytes) return false;
  const char last = line.back();
  return last != '.' && last != ':' && last != ';' && last != ',';
}

}  // namespace

void TitleFromCleanText(const TextRules& rules, const PreparedText& prepared,
                        absl::string_view language, Document* doc,
                        PreparedText* scratch) {
  if (doc->title.empty() || !IsBoilerplate(rules, doc->title, language, scratch)) return;
  doc->title.clear();
  const absl::string_view text = prepared.text;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = absl::StripAsciiWhitespace(text.substr(begin, end - begin));
    const uint32_t b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(end);
    if (!line.empty() && !InCut(prepared, b, e)) {
      if (!ReadsAsHeading(line)) return;
      const uint32_t from = static_cast<uint32_t>(line.data() - text.data());
      const uint32_t to = from + static_cast<uint32_t>(line.size());
      const uint32_t ob = prepared.map.ToOriginal(from, false);
      const uint32_t oe = prepared.map.ToOriginal(to, true);
      doc->title = std::string(absl::StripAsciiWhitespace(
          absl::string_view(doc->text).substr(ob, oe - ob)));
      return;
    }
    begin = end + 1;
  }
}

}  // namespace crosscheck::extract_internal
