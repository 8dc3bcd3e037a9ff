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
      {"null_pattern", "values", "cells that state nothing, by pattern (\"Dec 05 - Contact Airline\")"},
      {"attribute_kind", "values", "which value kind an attribute has, by name pattern"},
      {"number_format", "values", "digit grouping and decimal mark (\"1,234.5\", \"1 234,5\")"},
      {"number_hedge", "values", "words that make a number an interval (\"at least\", \"~\", \"+\")"},
      {"unit", "values", "a unit's aliases and factor to its base unit (km -> 1000 m)"},
      {"annotation", "values", "trailing markers removed from values (\"(Estimated)\")"},
      {"month_names", "values", "month names of a language, in calendar order"},
      {"weekday_names", "values", "weekday names of a language, Monday first"},
      {"day_periods", "values", "AM and PM markers (\"a.m.\", \"p\", \"noon\")"},
      {"time_zone", "values", "zone abbreviations and their UTC offsets (EST -05:00)"},
      {"datetime_format", "values", "a date-time format (\"%m/%d/%Y %I:%M %p\")"},
      {"code_format", "values", "how codes are cleaned (\"Gate D5\" -> \"D5\")"},
      {"name_separators", "values", "what separates persons in a name list (\";\", \"and\")"},
      {"name_affixes", "values", "words dropped from names (\"Jr.\", \"Ph.D.\")"},
      {"given_names", "values", "given names, to tell where one person ends in a name list"},
      {"surname_particles", "values", "words that belong to the surname that follows (\"van\")"},
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
      {"dateline", "extract", "words before the page's own publication date (\"Publi\u00e9 le\", \"Published\")"},
      // resolve: entities and events across documents (engine/resolve/)
      {"actor", "resolve", "a known entity: canonical name, aliases with validity, roles held over time, events led"},
      {"organisation_marker", "resolve", "words and articles that make a name an organisation (\"groupe\", \"Al-\")"},
      {"place_hint", "resolve", "a place and the cues that point to it from a garbled name (near a city, a military base)"},
      // solve: copy detection between documents (engine/solve/)
      {"wire_marker", "solve", "a mark naming the wire agency an article reprints (\"(AFP)\", \"avec Sputnik\")"},
      {"over_time", "solve", "attributes whose values change over time: a figure that grows (a toll), a date the fact was seen"},
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
