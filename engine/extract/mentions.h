// Reading what a slot's text names: entities from the gazetteer (names,
// aliases, demonyms), persons, role titles, and lists of equipment items
// with their counts and models.
#ifndef CROSSCHECK_ENGINE_EXTRACT_MENTIONS_H_
#define CROSSCHECK_ENGINE_EXTRACT_MENTIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/extract_rules_impl.h"

namespace crosscheck::extract_internal {

// A span of the normalized text, [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
};

// Whether `folded` (Fold()) is a word of the language's lexicon `name`.
bool InLexicon(const Language& lang, const char* name, absl::string_view folded);

// The words of text[begin, end), folded, "," kept as a word.
std::vector<std::string> GapWords(absl::string_view text, uint32_t begin, uint32_t end);

// Every match of `re` in text[span] at word boundaries, left to right.
std::vector<Span> FindAll(const RE2& re, absl::string_view text, Span span);
// Whether FindAll(re, text, span) is not empty; stops at the first match.
bool FindsAny(const RE2& re, absl::string_view text, Span span);
// The first match of `re` in text[pos, end) (the whole text its context), as
// re.Match(text, pos, end, UNANCHORED, m, 1) gives it, through ScanMemo;
// false when no match starts before `end`.
bool FirstMatch(const RE2& re, absl::string_view text, size_t pos, size_t end, Span* m);

// The RE2 searches FindAll and FindsAny made over one text, kept so that a
// later search is answered without scanning again when an earlier one
// decides it. Mentions, items, slots and counts of one sentence scan the
// same scanners over overlapping parts of it, many times over.
//
// A search from `pos` to `end` returns RE2's leftmost-first match starting
// at or after `pos` and ending by `end`; the text around it is context for
// \b and ^ $ either way (the whole text is always passed). So a recorded
// search from p to E that found M (or nothing) answers a search from pos to
// b with p <= pos <= M.begin and b <= E: the candidate matches are a subset
// of the recorded search's, M among them when M.end <= b, and none starts
// before M. When M.begin >= b nothing is found before b (an empty match at
// b is no match for FindAll either). When M straddles b the search runs;
// so it does for a pattern anchored with $, which RE2 only matches up to
// the text's end, as its matches end there.
class ScanMemo {
 public:
  // While a Scope lives, FindAll and FindsAny over `text` (the same bytes
  // at the same address) use and fill `memo`, which starts empty.
  class Scope {
   public:
    Scope(ScanMemo* memo, absl::string_view text);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ScanMemo* previous_;
  };

  // The searches of one scanner.
  class Scanner {
   public:
    // What re.Match(text, pos, end, UNANCHORED, m, 1) gives, as FindAll
    // reads it: true and *m when a match starts before `end`; false when
    // none does (or only an empty one at `end`).
    bool Match(size_t pos, size_t end, Span* m);

   private:
    friend class ScanMemo;
    struct Search {
      uint32_t pos = 0, end = 0;
      bool found = false;
      Span m;
    };
    const RE2* re_ = nullptr;
    absl::string_view text_;
    std::vector<Search> searches_;
  };

  // The searches of `re` in the innermost Scope, if it is over `text`.
  static Scanner* For(const RE2& re, absl::string_view text);

 private:
  absl::string_view text_;
  // Scanners stay where they are while others are added; [0, used_) are of
  // this text, the others kept for their capacity.
  std::vector<std::unique_ptr<Scanner>> scanners_;
  size_t used_ = 0;
};

struct EntityMention {
  Span span;
  int entity = -1;        // index into ExtractRules::Impl::entities
  bool demonym = false;   // "russes" for Russie
};

// The first gazetteer name in text[span], else the first demonym.
bool FindEntity(const ExtractRules::Impl& rules, const Language& lang,
                absl::string_view text, Span span, EntityMention* out);
// Every gazetteer name and demonym in text[span], in text order.
std::vector<EntityMention> FindEntities(const ExtractRules::Impl& rules,
                                        const Language& lang,
                                        absl::string_view text, Span span);

// The first person name in text[span] that is not a gazetteer name.
bool FindPerson(const ExtractRules::Impl& rules, const Language& lang,
                absl::string_view text, Span span, Span* out);

struct RoleMention {
  Span span;
  std::string role;   // "defence_minister"
  EntityMention org;  // the country or demonym the title names, if any
  bool has_org = false;
  std::string organisation;  // the body the title itself names, if any
  std::string organisation_key;
};
// The first role title in text[span].
bool FindRole(const ExtractRules::Impl& rules, const Language& lang,
              absl::string_view text, Span span, RoleMention* out);

// The gazetteer names, demonyms and role titles of one sentence, found once
// and read by every pattern that runs on the sentence.
struct SentenceMentions {
  std::vector<EntityMention> entities;  // FindEntities over the sentence
  std::vector<RoleMention> roles;       // FindRole, one after the other

  void Find(const ExtractRules::Impl& rules, const Language& lang, absl::string_view text,
            Span sentence);
  // As FindEntities, FindEntity and FindRole over text[span], for the
  // mentions that lie inside `span`.
  std::vector<EntityMention> EntitiesIn(Span span) const;
  bool EntityIn(Span span, EntityMention* out) const;
  bool RoleIn(Span span, RoleMention* out) const;
};

struct Item {
  Span noun;        // the noun or, for a bare model, the model
  uint32_t start = 0;  // where the item's name starts (noun or first model)
  int item_class = -1;
  bool has_count = false;
  bool implicit_count = false;  // a bare plural's >=2, no count word
  Count count;
  Span count_span;
  std::vector<Span> models;
  bool has_origin = false;
  EntityMention origin;  // "russes" in "hélicoptères russes"
  Span span;             // count (if any) to the last model or noun
  // A plural after a definite article ("les avions de combat"): no count
  // here; a count of >=2 only if it is the document's first mention.
  bool definite_plural = false;
};

// The equipment class whose model patterns match `model` in full, or -1.
int ModelClass(const ExtractRules::Impl& rules, absl::string_view model);

// The model designations in text[span], without the plural "s" English
// adds to them ("the two L-39s" names the L-39).
std::vector<Span> FindModels(const Language& lang, absl::string_view text, Span span);

// The items of an enumeration in text[span]: "cinq jets militaires et un
// hélicoptère de combat, dont plusieurs jets L-39 et un hélicoptère Mi-24P"
// gives jet (5, L-39) and helicopter (1, Mi-24P). Stops at a clause break,
// and starts after one that only a clause naming no equipment precedes;
// *end and *start (optional) receive where the enumeration stops and starts.
std::vector<Item> ParseItems(const ExtractRules::Impl& rules, const Language& lang,
                             absl::string_view text, Span span, uint32_t* end = nullptr,
                             uint32_t* start = nullptr);

// Counted groups of nouns of lexicon `lexicon` in text[span], each with the
// count written before it: "dix-sept soldats et quatre civils" gives
// (17, soldats) and (4, civils); a demonym after the noun belongs to the
// phrase ("soldats maliens").
struct Group {
  Span noun;
  Span phrase;
  bool has_count = false;
  Count count;
  Span count_span;
};
std::vector<Group> ParseGroups(const Language& lang, const std::string& lexicon,
                               absl::string_view text, Span span);

// Text of `span` without leading determiners ("des rebelles" -> "rebelles").
Span StripDeterminers(const Language& lang, absl::string_view text, Span span);

// `span` without its first and last words while they are words of lexicon
// `lexicon` ("présumés djihadistes" -> "djihadistes" for "allegation"); a
// single word is kept.
Span StripLexiconWords(const Language& lang, const char* lexicon, absl::string_view text,
                       Span span);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_MENTIONS_H_
