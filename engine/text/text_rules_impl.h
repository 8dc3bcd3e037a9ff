// The compiled form of the "text" rule kinds, shared by the text stage.
#ifndef CROSSCHECK_ENGINE_TEXT_TEXT_RULES_IMPL_H_
#define CROSSCHECK_ENGINE_TEXT_TEXT_RULES_IMPL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "crosscheck/text.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace crosscheck {

struct TextRules::Impl {
  // boilerplate: what a matching line means.
  enum class Action : uint8_t {
    kLine,            // cut the line
    kTail,            // cut from the match to the end of the text
    kCommentsBefore,  // the line closes reader comments: cut it and the
                      // short lines before it
    kTeaser,          // cut the line if a later line repeats its text
  };
  struct Boilerplate {
    std::string id;
    Action action = Action::kLine;
    std::unique_ptr<RE2> pattern;
    uint32_t max_line_bytes = 200;  // kCommentsBefore: longer lines end the block
  };
  std::vector<Boilerplate> boilerplate;  // priority order
  // Every boilerplate pattern, index = position in `boilerplate`; one pass per
  // line tells which rules to look at. Null when there are none.
  std::unique_ptr<RE2::Set> boilerplate_set;
  // The same patterns as one alternation, which says whether any matches a
  // line at a cost below the set's: most lines are article text that none
  // matches. Null when the set is.
  std::unique_ptr<RE2> boilerplate_any;

  // char_map: code point -> replacement (UTF-8).
  absl::flat_hash_map<uint32_t, std::string> char_map;

  // abbreviations: the word before the period (as written, and with its
  // first letter lower-cased when it was written lower case) -> whether it
  // may end a sentence when a capitalized word follows ("etc.").
  absl::flat_hash_map<std::string, bool> abbreviations;

  struct Profile {
    std::string language;
    absl::flat_hash_set<std::string> stop_words;  // lower case
  };
  std::vector<Profile> profiles;  // ordered by language name
};

namespace text_internal {

// NFKC and char_map over `in`, appending pieces to `*map`.
void Normalize(const TextRules::Impl& rules, absl::string_view in,
               std::string* out, OffsetMap* map);

// Cuts of `text` (normalized, whole) by the boilerplate rules, in text order.
void FindCuts(const TextRules::Impl& rules, absl::string_view text,
              std::vector<TextCutRange>* cuts);

// Appends the sentences of text[begin, end) (one paragraph, no '\n').
void SplitSentences(const TextRules::Impl& rules, absl::string_view text,
                    uint32_t begin, uint32_t end,
                    std::vector<SentenceRange>* out);

// Decodes the UTF-8 code point at text[*i] and advances *i; invalid bytes
// decode as themselves, one at a time.
uint32_t NextCodePoint(absl::string_view text, size_t* i);
// True for letters and digits (any script).
bool IsWordCodePoint(uint32_t c);
bool IsUpperCodePoint(uint32_t c);

}  // namespace text_internal
}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_TEXT_TEXT_RULES_IMPL_H_
