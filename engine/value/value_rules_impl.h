// The compiled form of the "values" rule kinds, shared by the typing code.
#ifndef CROSSCHECK_ENGINE_VALUE_VALUE_RULES_IMPL_H_
#define CROSSCHECK_ENGINE_VALUE_VALUE_RULES_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "crosscheck/value.h"
#include "re2/re2.h"

namespace crosscheck {

struct ValueRules::Impl {
  // null_markers: folded (ASCII lower case, trimmed) cells that state nothing.
  absl::flat_hash_set<std::string> null_markers;

  // attribute_kind: the first pattern (by priority) that fully matches an
  // attribute name gives its kind.
  struct AttributeKind {
    std::string rule_id;
    std::unique_ptr<RE2> pattern;
    ValueKind kind;
  };
  std::vector<AttributeKind> attribute_kinds;

  // The kind rules assign to `attribute`, or false when no rule matches.
  bool KindOf(absl::string_view attribute, ValueKind* kind) const;
};

// ASCII white space trimmed, ASCII letters lower-cased.
std::string FoldCell(absl::string_view cell);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_VALUE_VALUE_RULES_IMPL_H_
