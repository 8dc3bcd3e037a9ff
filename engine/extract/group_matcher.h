// Reading the groups of a match whose span is already known.
//
// A claim pattern's span comes from RE2's DFA, which is fast; its groups
// need RE2's NFA, since patterns with their lexicons are far over the 512
// instructions below which RE2 backtracks instead. The NFA costs about 30k
// instructions a match, a quarter of all extraction. GroupMatcher compiles
// the same pattern into a small program of its own and reads the groups of
// a span known to match by backtracking with a visited bitmap (the BitState
// algorithm): it follows the highest-priority path first, so the first path
// that spans the match exactly is the one RE2's leftmost-first semantics
// choose. A split whose preferred branch must start with a given character
// is passed over at once when another stands there, and in an alternation
// (a lexicon of hundreds of words) straight to the next alternative that can
// start with it. Syntax it does not know makes Compile fail, and the caller
// keeps RE2. The tests check it against RE2 on every fixture match.
#ifndef CROSSCHECK_ENGINE_EXTRACT_GROUP_MATCHER_H_
#define CROSSCHECK_ENGINE_EXTRACT_GROUP_MATCHER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace crosscheck::extract_internal {

class GroupMatcher {
 public:
  // The program of `pattern` (RE2 syntax, UTF-8), or null when the pattern
  // uses syntax this matcher does not read.
  static std::unique_ptr<GroupMatcher> Compile(absl::string_view pattern);
  // The program of `re`'s pattern when it reads the same groups as `re`,
  // else null (RE2 then reads them).
  static std::unique_ptr<GroupMatcher> For(const RE2& re);

  // Whether the pattern matches text[begin, end) exactly; then groups[0..n)
  // receive the whole span and the capturing groups (empty StringPieces with
  // no data for groups that did not take part), as RE2::Match anchored at
  // both ends would. ^, $ and \b see the whole text around the span.
  bool Match(absl::string_view text, size_t begin, size_t end,
             re2::StringPiece* groups, int n) const;

  int captures() const { return captures_; }

  // One instruction of the program.
  struct Inst {
    enum Op : uint8_t {
      kMatch,
      kChar,
      kClass,
      kAny,
      kSplit,
      kJmp,
      kSave,
      kAssert
    };
    Op op = kMatch;
    bool fold = false;     // kChar, kClass: case-insensitive
    bool negated = false;  // kClass
    // kChar: the code point (folded when fold); kClass: the class; kSplit,
    // kJmp: the preferred target; kSave: the slot; kAssert: the assertion.
    uint32_t a = 0;
    uint32_t b = 0;  // kSplit: the other target
    // kSplit: the code point (folded when guard_fold) the preferred branch
    // must read first, when it starts with one (0: none). Alternatives of a
    // lexicon that cannot start at a position are passed over at once.
    uint32_t guard = 0;
    bool guard_fold = false;
    // kSplit of an alternation: its chain (index + 1 in chains_, 0: none)
    // and which alternative it opens.
    uint32_t chain = 0;
    uint32_t alternative = 0;
  };

  // The splits of one alternation, in order, and what lets a failed guard
  // jump over every alternative that cannot start with the character read.
  struct Chain {
    std::vector<uint32_t> splits;  // the split opening alternative k
    uint32_t last = 0;             // the start of the last alternative
    // (guard << 1 | fold) -> the alternatives with that guard, ascending.
    absl::flat_hash_map<uint64_t, std::vector<uint32_t>> by_guard;
    std::vector<uint32_t> open;  // alternatives without a guard, ascending
    // For an ASCII character c: the alternatives that may start with it
    // (without a guard, or with c's), ascending, at
    // ascii[ascii_at[c], ascii_at[c + 1]).
    std::vector<uint32_t> ascii;
    std::vector<uint32_t> ascii_at;
  };

 private:
  GroupMatcher() = default;

  // The instruction to go to when alternative `k` of `chain` cannot start
  // with the character c (folded: its case fold).
  uint32_t NextAlternative(const Chain& chain, uint32_t k, uint32_t c,
                           uint32_t folded) const;

  std::vector<Inst> prog_;
  std::vector<Chain> chains_;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> classes_;
  // Per kClass instruction (by index): bit c tells whether it reads ASCII
  // character c (negation aside).
  std::vector<std::array<uint64_t, 2>> ascii_class_;
  int captures_ = 0;
};

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_GROUP_MATCHER_H_
