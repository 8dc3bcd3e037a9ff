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
