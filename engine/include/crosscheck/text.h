// Text preparation for articles, before extraction: what is not the article
// is cut (boilerplate, social and SEO lines, reader comments), the rest is
// normalized (NFKC, typographic quotes and apostrophes, non-breaking spaces)
// with a map back to the original bytes, split into sentences, and its
// language is detected when the metadata does not give it.
//
// All of it is driven by the "text" rule kinds (engine/rules/rule_kinds.cc):
//   boilerplate         a line pattern and what to cut when it matches
//   abbreviations       words whose period does not end a sentence ("M.")
//   char_map            characters replaced before matching (’ -> ')
//   language_profile    stop words that identify a language
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_TEXT_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

namespace internal {
class RuleSet;
}  // namespace internal

// Maps byte offsets of a normalized text back to the text it was made from.
// The normalized text is a sequence of pieces, each copied unchanged from
// the original (offsets inside map one to one) or replacing an original
// range as a whole (" " for U+00A0, "'" for ’); bytes the original had that
// the normalized text dropped lie between pieces.
class OffsetMap {
 public:
  void Clear();
  // Appends a piece of `norm_len` normalized bytes made from `orig_len`
  // original bytes at `orig`; pieces come in normalized order, with original
  // ranges that do not overlap and increase. Equal lengths with `copied`
  // mean a byte-for-byte copy.
  void Add(uint32_t orig, uint32_t orig_len, uint32_t norm_len, bool copied);

  // The original offset of normalized offset `norm`. A range [b, e) of the
  // normalized text maps to [ToOriginal(b, false), ToOriginal(e, true)): an
  // offset inside a replaced piece maps to the piece's start when it begins
  // a range and to its end when it ends one. REQUIRES: norm <= size().
  uint32_t ToOriginal(uint32_t norm, bool is_end) const;
  uint32_t size() const { return norm_size_; }

 private:
  struct Piece {
    uint32_t norm = 0;
    uint32_t orig = 0;
    uint32_t norm_len = 0;
    uint32_t orig_len = 0;
    bool copied = false;
  };
  std::vector<Piece> pieces_;
  uint32_t norm_size_ = 0;
};

// A cut: normalized bytes [begin, end), original bytes [orig_begin,
// orig_end), and the id of the boilerplate rule that cut them (a view into
// the TextRules, valid for their lifetime).
struct TextCutRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t orig_begin = 0;
  uint32_t orig_end = 0;
  absl::string_view rule;
};

// A sentence: normalized bytes [begin, end), trimmed of white space.
struct SentenceRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct PreparedText {
  // The whole input normalized; cut ranges are still in it but no sentence
  // lies in them. Lines end with '\n' as in the input.
  std::string text;
  OffsetMap map;                      // text offsets -> input offsets
  std::vector<TextCutRange> cuts;     // in text order, not overlapping
  std::vector<SentenceRange> sentences;  // in text order
  std::string language;  // the given language, else detected, else empty

  // Input byte range of `s` (for evidence spans in Document::text).
  uint32_t OriginalBegin(const SentenceRange& s) const {
    return map.ToOriginal(s.begin, false);
  }
  uint32_t OriginalEnd(const SentenceRange& s) const {
    return map.ToOriginal(s.end, true);
  }
  absl::string_view Text(uint32_t begin, uint32_t end) const {
    return absl::string_view(text).substr(begin, end - begin);
  }
};

// The compiled "text" rules. Immutable after construction; safe to share
// between threads. Rules::text() holds the instance a run uses.
class TextRules {
 public:
  // Builds from the "text" kinds of a loaded rule set. InvalidArgument with
  // "file:line:col: message" for the first malformed rule.
  static absl::StatusOr<std::unique_ptr<TextRules>> FromRules(
      const internal::RuleSet& rules);
  ~TextRules();

  // The compiled form is private to the engine (engine/text/).
  struct Impl;
  explicit TextRules(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Normalizes `text`, cuts boilerplate and comments, splits sentences, and
// sets out->language to `language` when not empty, else to the detected
// language ("" when no profile is clearly ahead). `*out` is overwritten; its
// buffers are reused, so preparing many documents through one PreparedText
// allocates little. REQUIRES: `text` is valid UTF-8 and shorter than 4 GiB.
void PrepareText(const TextRules& rules, absl::string_view text,
                 absl::string_view language, PreparedText* out);

// The language whose stop words occur most in (the first 16 KiB of)
// `normalized_text`, if it has at least 3 and 1.5 times the next one; else "".
std::string DetectLanguage(const TextRules& rules,
                           absl::string_view normalized_text);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_TEXT_H_
