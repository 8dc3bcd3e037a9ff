// Reading a pattern group as a slot of its template's type: entities,
// persons, phrases, counts, dates, terms, role titles, lists.
#ifndef CROSSCHECK_ENGINE_EXTRACT_SLOTS_H_
#define CROSSCHECK_ENGINE_EXTRACT_SLOTS_H_

#include <string>
#include <vector>

#include "extract/frames.h"

namespace crosscheck::extract_internal {

// Slot `name` holding date mention `d` of `text`.
SlotFill DateFill(const std::string& name, const DateMention& d, absl::string_view text);

class SlotReader {
 public:
  SlotReader(const ExtractRules::Impl& rules, const Language& lang,
             const TemplateDef& tmpl, const SentenceContext& ctx)
      : rules_(rules), lang_(lang), tmpl_(tmpl), ctx_(ctx) {}

  // Appends the fills group `name` gives over `s`: one, or none when the
  // text is not of the slot's type; a role title may add "organisation".
  // With `all`, an entity, person or agent slot gives one fill per value it
  // names ("au Tchad, au Mali et au Niger").
  void Read(const std::string& name, SlotType type, Span s, bool all,
            std::vector<SlotFill>* out) const;

  SlotFill Entity(const std::string& name, const EntityMention& m) const;
  SlotFill Text(const std::string& name, Span s) const;
  SlotFill Date(const std::string& name, const DateMention& d) const;
  // The sentence's date mention inside `s`, if any.
  const DateMention* DateIn(Span s) const;

 private:
  void ReadAgent(const std::string& name, SlotType type, Span s, Span stripped,
                 bool all, std::vector<SlotFill>* out) const;
  void ReadTarget(const std::string& name, Span s, bool all,
                  std::vector<SlotFill>* out) const;
  bool DateOnly(Span s) const;
  bool StartsWithDate(Span s) const;
  bool InName(Span c) const;
  Span UnknownPlaceAfterFacility(Span t) const;
  Span StripPreposition(Span t) const;
  // `end`, or the start of the first date mention in [from, end) without
  // the words of the "date_preposition" lexicon just before it.
  uint32_t EndBeforeDate(uint32_t from, uint32_t end) const;

  const ExtractRules::Impl& rules_;
  const Language& lang_;
  const TemplateDef& tmpl_;
  const SentenceContext& ctx_;
};

// The name slots show for an entity an article of `language` only implies
// (a demonym, a value from elsewhere): its name in that language, the
// country it reads as, else its canonical name.
std::string EntityName(const ExtractRules::Impl& rules, int entity, absl::string_view language);

// The key of a gazetteer entity as slot `slot`: its country when it is a
// capital standing for one ("Moscou a livré"), except as a place.
std::string EntityKey(const ExtractRules::Impl& rules, int entity,
                      absl::string_view slot);

// The country an entity stands for ("Moscou" for Russia), or -1.
int CountryOf(const ExtractRules::Impl& rules, int entity);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_SLOTS_H_
