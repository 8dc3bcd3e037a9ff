// Matching claim patterns on a sentence and filling their slots: named
// groups read by slot type, context patterns, constants, then the sentence's
// dates and places for slots still empty. An "items" group gives one frame
// per item ("cinq jets et un hélicoptère" -> a jet frame, a helicopter frame).
#ifndef CROSSCHECK_ENGINE_EXTRACT_FRAMES_H_
#define CROSSCHECK_ENGINE_EXTRACT_FRAMES_H_

#include <atomic>
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
  int entity = -1;  // the gazetteer entity it names, if any
  Span group;   // the pattern group it was read from
  Span source;  // the context-pattern match it was read from, if any
  bool inherited = false;  // taken from another frame of the document
  // "the country", "le pays": the country the article is about, filled with
  // the other country defaults (document_pass.cc); no value until then.
  bool country_anaphor = false;
  // "le groupe", "the group": the organisation the same slot of the nearest
  // earlier frame of the template names (document_pass.cc), else nothing.
  bool actor_anaphor = false;
};

struct FrameDraft {
  const ClaimPattern* pattern = nullptr;
  Span span;  // the evidence
  std::vector<SlotFill> slots;
  std::vector<Span> context;  // where context patterns matched
  size_t sentence = 0;        // index in the document's sentences
  // item_class names a definite plural without a count ("les avions de
  // combat"): >=2 if it is the document's first mention of the class.
  bool definite_plural = false;
  // A statement that misses a required slot ("Le matériel a été acquis
  // auprès de la Russie": no item class) is no frame, but lends what it
  // states to the document's frames (document_pass.cc) and is then dropped.
  bool lender = false;
  // The denied copy of a statement a rebuttal rejects ("…, ce que la junte
  // conteste"): its modality is denied whatever the cues say.
  bool rebutted = false;
  // Bit k: the sentence has a word of the `when` lexicon of the template's
  // k-th inherit rule.
  uint32_t inherit_when = 0;

  const SlotFill* Find(absl::string_view name) const;
  SlotFill* Find(absl::string_view name);
};

struct SentenceContext {
  absl::string_view text;    // the whole normalized text
  absl::string_view shadow;  // its shadow (extract/shadow.h), patterns match it
  Span sentence;
  const std::vector<DateMention>* dates = nullptr;  // resolved, in order
  const SentenceMentions* mentions = nullptr;       // of the sentence
};

// The groups of `re` over input[begin, end), a span it matched: read by
// `matcher` (its GroupMatcher, optional) when there is one, else by RE2.
bool ReadGroups(const RE2& re, const GroupMatcher* matcher, re2::StringPiece input,
                size_t begin, size_t end, re2::StringPiece* groups, int n);
// The groups of context pattern `c` at input[begin, end), the match RE2
// found from `begin` when searching up to `limit`: read by its GroupMatcher
// when it has one, else by RE2.
bool ReadContextGroups(const ContextPattern& c, re2::StringPiece input, size_t begin, size_t end,
                       size_t limit, re2::StringPiece* groups, int n);
// For tests: when set, ReadGroups and ReadContextGroups also ask RE2 and
// count the matches where the two disagree.
extern std::atomic<bool> check_group_matcher;
extern std::atomic<int> group_matcher_mismatches;

// Whether frames of patterns `a` and `b` over the same words take each
// other's place: they read one template and neither is a nested clause
// (ClaimPattern::nested).
inline bool Compete(const ClaimPattern& a, const ClaimPattern& b) {
  return a.tmpl == b.tmpl && !a.nested && !b.nested;
}

// Appends the frames of pattern `p` found in the sentence. A match that
// starts inside the span of a frame (not a lender) of the same template
// already in `*out` is not read: such a statement is read once, by the
// pattern that came first.
void MatchPattern(const ExtractRules::Impl& rules, const Language& lang,
                  const ClaimPattern& p, const SentenceContext& ctx,
                  std::vector<FrameDraft>* out);

// A country entity and how often the document names it.
struct CountryCount {
  int entity = -1;
  int count = 0;
};

// What one document's frames tell each other (document_pass.cc): inherited
// slots, first-mention counts, values shared by person, and the country the
// article is about for country_default slots: of `countries` (most named
// first), the first one no other slot of the frame names, when it leads the
// next such one. Entities read from elsewhere show their names in
// `language`. `entities` holds each sentence's mentions (empty for sentences
// no pattern read). `frames` are in text order.
using SentenceEntities = std::vector<std::vector<EntityMention>>;
void CompleteDocumentFrames(const ExtractRules::Impl& rules, absl::string_view language,
                            const std::vector<CountryCount>& countries,
                            const SentenceEntities& entities, std::vector<FrameDraft>* frames);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_FRAMES_H_
