// The one list of rule kinds. A rule file naming any other kind is rejected.
// Each stage compiles its own kinds (see internal/stage_rules.h).
#include <algorithm>
#include <vector>

#include "internal/rule_set.h"

namespace crosscheck::internal {

const std::vector<RuleKindInfo>& RuleKinds() {
  static const auto* kinds = new std::vector<RuleKindInfo>{
      // values: typing raw cells (engine/value/)
      {"null_markers", "values", "cells that state nothing (\"n/a\", \"-\")"},
      {"attribute_kind", "values", "which value kind an attribute has, by name pattern"},
      // text: cleaning and splitting articles (engine/text/)
      {"boilerplate", "text", "a line pattern and what it cuts: the line, the tail, reader comments, a teaser"},
      {"abbreviations", "text", "words whose period does not end a sentence (\"M.\", \"col.\")"},
      {"char_map", "text", "characters replaced before matching (\u2019 -> ')"},
      {"language_profile", "text", "stop words that identify a language"},
      // extract: claims from sentences (engine/extract/)
      {"number_words", "extract", "number words and how they combine (\"quatre-vingt-dix\", \"une dizaine\")"},
      {"count_words", "extract", "hedges and quantifiers that make a count an interval (\"au moins\", \"plusieurs\")"},
      {"calendar", "extract", "month and weekday names, and what marks the future tense"},
      {"date_pattern", "extract", "a date expression and how it resolves (\"l'ann\u00e9e derni\u00e8re\" = year - 1)"},
      {"lexicon", "extract", "a named word list usable as {name} in patterns"},
      {"pattern_macro", "extract", "a named pattern usable as {name} in other patterns"},
      {"gazetteer", "extract", "countries, organisations and places with aliases and demonyms"},
      {"equipment", "extract", "an equipment class: its nouns and model designations"},
      {"role_title", "extract", "the titles that name a role (\"ministre {demonym} de la D\u00e9fense\")"},
      {"claim_template", "extract", "a template's slots and which of them identify the event"},
      {"claim_pattern", "extract", "a sentence pattern whose named groups fill a template's slots"},
      {"modality_cue", "extract", "words that make a statement reported, alleged or denied"},
      {"quote_speaker", "extract", "who speaks a quotation (\"a d\u00e9clar\u00e9 Cho\u00efgou\")"},
  };
  return *kinds;
}

const RuleKindInfo* FindRuleKind(absl::string_view name) {
  const auto& kinds = RuleKinds();
  auto it = std::find_if(kinds.begin(), kinds.end(),
                         [&](const RuleKindInfo& k) { return k.name == name; });
  return it == kinds.end() ? nullptr : &*it;
}

}  // namespace crosscheck::internal
