// Matching claim patterns on a sentence and filling their slots: named
// groups read by slot type, context patterns, constants, then the sentence's
// dates and places for slots still empty. An "items" group gives one frame
// per item ("cinq jets et un hélicoptère" -> a jet frame, a helicopter frame).
#ifndef CROSSCHECK_ENGINE_EXTRACT_FRAMES_H_
#define CROSSCHECK_ENGINE_EXTRACT_FRAMES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/dates.h"
#include "extract/extract_rules_impl.h"
#include "extract/mentions.h"

namespace crosscheck::extract_internal {

struct SlotFill {
  enum class Kind : uint8_t { kText, kCount, kDate };
  std::string name;
  Span span;
  std::string text;  // as written, or the canonical name when implied
  std::string key;   // canonical key; empty for an unresolved date
  Kind kind = Kind::kText;
  Count count;
  DateMention date;
};

struct FrameDraft {
  const ClaimPattern* pattern = nullptr;
  Span span;  // the evidence
  std::vector<SlotFill> slots;
  std::vector<Span> context;  // where context patterns matched


  const SlotFill* Find(absl::string_view name) const;
};

struct SentenceContext {
  absl::string_view text;  // the whole normalized text
  Span sentence;
  const std::vector<DateMention>* dates = nullptr;  // resolved, in order
};

// Appends the frames of pattern `p` found in the sentence.
void MatchPattern(const ExtractRules::Impl& rules, const Language& lang,
                  const ClaimPattern& p, const SentenceContext& ctx,
                  std::vector<FrameDraft>* out);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_FRAMES_H_
