// The loaded, validated-envelope form of a rules directory: every pack's JSON
// with positions, and its rules grouped by kind. Stage-specific compilers
// (ValueRules, ...) read rule bodies from here and report problems located in
// the rule files.
#ifndef CROSSCHECK_ENGINE_INTERNAL_RULE_SET_H_
#define CROSSCHECK_ENGINE_INTERNAL_RULE_SET_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crosscheck/rules.h"
#include "internal/located_json.h"
#include "rapidjson/document.h"

namespace crosscheck::internal {

// The one list of rule kinds (engine/rules/rule_kinds.cc).
struct RuleKindInfo {
  absl::string_view name;
  absl::string_view stage;    // "values", "text", "extract", "resolve"
  absl::string_view summary;  // one line, for `rules check` and the README
};
const std::vector<RuleKindInfo>& RuleKinds();
const RuleKindInfo* FindRuleKind(absl::string_view name);

struct Rule {
  std::string id;
  std::string kind;
  int priority = 0;
  std::string pack;                     // the pack's "pack" name
  const rapidjson::Value* body = nullptr;  // the rule object
  const LocatedJson* file = nullptr;
};

class RuleSet {
 public:
  // Loads every *.json file under `dir` (recursively, byte order of paths).
  // NotFound if `dir` does not exist or is not a directory. Everything wrong
  // inside the files (syntax, envelope, unknown kind, duplicate id) is
  // appended to `*problems`; what is broken is left out, the rest is kept.
  static absl::StatusOr<std::unique_ptr<RuleSet>> LoadDirectory(
      absl::string_view dir, std::vector<RuleProblem>* problems);
  // As LoadDirectory, from (file name, contents) pairs. For tests.
  static std::unique_ptr<RuleSet> FromFiles(
      std::vector<std::pair<std::string, std::string>> files,
      std::vector<RuleProblem>* problems);

  size_t num_packs() const { return files_.size(); }
  const std::vector<Rule>& rules() const { return rules_; }
  // Rules of `kind`, highest priority first, ties by id.
  std::vector<const Rule*> OfKind(absl::string_view kind) const;

  // A problem at `at`, a value inside `rule`'s body (or the body itself).
  static RuleProblem ProblemAt(const Rule& rule, const rapidjson::Value& at,
                               std::string message);

 private:
  RuleSet() = default;
  void AddFile(std::string name, std::string text,
               std::vector<RuleProblem>* problems);

  std::vector<std::unique_ptr<LocatedJson>> files_;
  std::vector<Rule> rules_;
};

// Typed access to a rule's fields that records a located problem for each
// missing or mistyped field. Getters return false (leaving *out unchanged)
// when the field is absent or wrong; absent optional fields are no problem.
class RuleFields {
 public:
  RuleFields(const Rule& rule, std::vector<RuleProblem>* problems)
      : rule_(rule), problems_(problems) {}

  const rapidjson::Value* Find(const char* name) const;
  bool String(const char* name, std::string* out, bool required = true);
  bool StringArray(const char* name, std::vector<std::string>* out,
                   bool required = true);
  bool Int(const char* name, int64_t* out, bool required = true);
  bool Double(const char* name, double* out, bool required = true);
  bool Bool(const char* name, bool* out, bool required = true);
  // Records a problem for each field of the rule that is neither common (id,
  // kind, priority, description, examples) nor one of `kind_fields`.
  void CheckFields(std::initializer_list<const char*> kind_fields);
  // Records a problem located at `at` (or at the rule when null).
  void Problem(const rapidjson::Value* at, std::string message);
  bool ok() const { return ok_; }
  const Rule& rule() const { return rule_; }

 private:
  const Rule& rule_;
  std::vector<RuleProblem>* problems_;
  bool ok_ = true;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INTERNAL_RULE_SET_H_
