#include "crosscheck/rules.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "crosscheck/extract.h"
#include "crosscheck/resolve.h"
#include "crosscheck/text.h"
#include "crosscheck/value.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "internal/status_macros.h"
#include "solve/document_copies.h"
#include "solve/timeline.h"

#ifndef CROSSCHECK_SOURCE_RULES_DIR
#define CROSSCHECK_SOURCE_RULES_DIR "rules"
#endif

namespace crosscheck {

std::string RuleProblem::ToString() const {
  std::string out = file;
  if (line > 0) absl::StrAppend(&out, ":", line, ":", column);
  absl::StrAppend(&out, ": ", message);
  if (!rule_id.empty()) absl::StrAppend(&out, " [rule ", rule_id, "]");
  return out;
}

Rules::Rules() = default;
Rules::~Rules() = default;

absl::StatusOr<std::unique_ptr<Rules>> Rules::Load(absl::string_view dir) {
  std::vector<RuleProblem> problems;
  CROSSCHECK_ASSIGN_OR_RETURN(std::unique_ptr<internal::RuleSet> set,
                              internal::RuleSet::LoadDirectory(dir, &problems));
  auto rules = std::unique_ptr<Rules>(new Rules());
  rules->values_ = internal::CompileValueRules(*set, &problems);
  rules->text_ = internal::CompileTextRules(*set, &problems);
  rules->extract_ = internal::CompileExtractRules(*set, &problems);
  rules->resolve_ = internal::CompileResolveRules(*set, &problems);
  internal::WireMarkers::Compile(*set, &problems);  // validated; used by solve
  internal::TimeRules::Compile(*set, &problems);    // validated; used by solve
  if (!problems.empty()) {
    std::string message = problems.front().ToString();
    if (problems.size() > 1) {
      absl::StrAppend(&message, " (and ", problems.size() - 1,
                      " more; `crosscheck rules check ", dir,
                      "` lists them all)");
    }
    return absl::InvalidArgumentError(message);
  }
  rules->rule_set_ = std::move(set);
  return rules;
}

absl::StatusOr<RuleCheck> CheckRules(absl::string_view dir) {
  RuleCheck check;
  CROSSCHECK_ASSIGN_OR_RETURN(
      std::unique_ptr<internal::RuleSet> set,
      internal::RuleSet::LoadDirectory(dir, &check.problems));
  check.packs = set->num_packs();
  check.rules = set->rules().size();
  std::unique_ptr<ValueRules> values =
      internal::CompileValueRules(*set, &check.problems);
  internal::RunValueExamples(*set, *values, &check.examples,
                             &check.failed_examples);
  std::unique_ptr<TextRules> text =
      internal::CompileTextRules(*set, &check.problems);
  internal::RunTextExamples(*set, *text, &check.examples,
                            &check.failed_examples);
  std::unique_ptr<ExtractRules> extract =
      internal::CompileExtractRules(*set, &check.problems);
  internal::RunExtractExamples(*set, *text, *extract, &check.examples,
                               &check.failed_examples);
  std::unique_ptr<ResolveRules> resolve =
      internal::CompileResolveRules(*set, &check.problems);
  internal::RunResolveExamples(*set, *resolve, &check.examples,
                               &check.failed_examples);
  internal::WireMarkers::Compile(*set, &check.problems)
      ->RunExamples(*set, &check.examples, &check.failed_examples);
  internal::TimeRules::Compile(*set, &check.problems)
      ->RunExamples(*set, &check.examples, &check.failed_examples);
  return check;
}

std::string DefaultRulesDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CROSSCHECK_RULES"); env && *env) {
    return env;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" /
                         "crosscheck" / "rules";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return CROSSCHECK_SOURCE_RULES_DIR;
}

}  // namespace crosscheck
