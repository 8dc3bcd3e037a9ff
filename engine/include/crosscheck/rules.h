// Rule packs: the declarative data (lexicons, formats, patterns, templates)
// that drives typing and extraction. A pack is a JSON file under a rules
// directory:
//
//   {"pack": "values-core", "description": "...",
//    "rules": [{"id": "null.markers", "kind": "null_markers",
//               "priority": 0, "examples": [...], ...kind fields...}]}
//
// Every rule has an id (unique across the directory), a kind from the one
// list in engine/rules/rule_kinds.cc, a priority (higher wins where rules
// compete) and inline examples that `crosscheck rules check` runs.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RULES_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

class ExtractRules;
class ResolveRules;
class TextRules;
class ValueRules;
namespace internal {
class RuleSet;
}  // namespace internal

// A problem in a rule file, or a failing inline example.
struct RuleProblem {
  std::string file;
  uint32_t line = 0;  // 1-based; 0 when the problem concerns the whole file
  uint32_t column = 0;
  std::string rule_id;  // empty when the problem is outside any rule
  std::string message;

  // "file:line:col: message" (the rule id, when known, after the message).
  std::string ToString() const;
};

// Every compiled rule a run needs. Immutable once loaded; share freely
// between threads.
class Rules {
 public:
  // Loads and compiles every *.json pack under `dir` (recursively, in path
  // order). NotFound if `dir` does not exist; InvalidArgument naming
  // "file:line:col" for the first broken pack or rule.
  static absl::StatusOr<std::unique_ptr<Rules>> Load(absl::string_view dir);
  ~Rules();

  const ValueRules& values() const { return *values_; }
  const TextRules& text() const { return *text_; }
  const ExtractRules& extract() const { return *extract_; }
  const ResolveRules& resolve() const { return *resolve_; }
  const internal::RuleSet& rule_set() const { return *rule_set_; }

 private:
  Rules();
  std::unique_ptr<internal::RuleSet> rule_set_;
  std::unique_ptr<ValueRules> values_;
  std::unique_ptr<TextRules> text_;
  std::unique_ptr<ExtractRules> extract_;
  std::unique_ptr<ResolveRules> resolve_;
};

struct RuleCheck {
  size_t packs = 0;
  size_t rules = 0;
  size_t examples = 0;
  std::vector<RuleProblem> problems;         // broken files and rules
  std::vector<RuleProblem> failed_examples;  // examples that did not hold
  bool ok() const { return problems.empty() && failed_examples.empty(); }
};

// Loads every pack under `dir` collecting all problems rather than stopping at
// the first, compiles what loaded, and runs each rule's inline examples.
// NotFound if `dir` does not exist; other problems are reported in the result.
absl::StatusOr<RuleCheck> CheckRules(absl::string_view dir);

// The rules directory to use when none is given: $CROSSCHECK_RULES, else the
// installed share/crosscheck/rules beside the executable, else the source
// tree's rules/ this binary was built from.
std::string DefaultRulesDir();

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RULES_H_
