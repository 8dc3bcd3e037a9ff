#include <utility>

#include "text/text_rules_impl.h"

namespace crosscheck {

TextRules::TextRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextRules::~TextRules() = default;

void PrepareText(const TextRules& rules, absl::string_view text,
                 absl::string_view language, PreparedText* out) {
  const TextRules::Impl& impl = rules.impl();
  text_internal::Normalize(impl, text, &out->text, &out->map);
  text_internal::FindCuts(impl, out->text, &out->cuts);
  for (TextCutRange& cut : out->cuts) {
    cut.orig_begin = out->map.ToOriginal(cut.begin, false);
    cut.orig_end = out->map.ToOriginal(cut.end, true);
  }
  out->sentences.clear();
  absl::string_view t = out->text;
  size_t cut = 0;
  uint32_t line = 0;
  const uint32_t size = static_cast<uint32_t>(t.size());
  while (line < size) {
    size_t nl = t.find('\n', line);
    uint32_t line_end = nl == absl::string_view::npos ? size : static_cast<uint32_t>(nl);
    // The parts of the line outside cuts.
    uint32_t from = line;
    while (from < line_end) {
      while (cut < out->cuts.size() && out->cuts[cut].end <= from) ++cut;
      uint32_t to = line_end;
      if (cut < out->cuts.size() && out->cuts[cut].begin < line_end) {
        if (out->cuts[cut].begin <= from) {
          from = std::min(out->cuts[cut].end, line_end);
          continue;
        }
        to = out->cuts[cut].begin;
      }
      text_internal::SplitSentences(impl, t, from, to, &out->sentences);
      from = to;
    }
    line = line_end + 1;
  }
  out->language = language.empty() ? DetectLanguage(rules, t) : std::string(language);
}

}  // namespace crosscheck
