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
