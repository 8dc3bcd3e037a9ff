#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "value/value_rules_impl.h"

namespace crosscheck {

std::string FoldCell(absl::string_view cell) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(cell));
}

bool ValueRules::Impl::KindOf(absl::string_view attribute, ValueKind* kind) const {
  for (const AttributeKind& a : attribute_kinds) {
    if (RE2::FullMatch(re2::StringPiece(attribute.data(), attribute.size()),
                       *a.pattern)) {
      *kind = a.kind;
      return true;
    }
  }
  return false;
}

ValueRules::ValueRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ValueRules::~ValueRules() = default;

bool ValueRules::IsNull(absl::string_view cell) const {
  return impl_->null_markers.contains(FoldCell(cell));
}

absl::StatusOr<std::unique_ptr<ValueRules>> ValueRules::FromRules(
    const internal::RuleSet& rules) {
  std::vector<RuleProblem> problems;
  std::unique_ptr<ValueRules> compiled = internal::CompileValueRules(rules, &problems);
  if (!problems.empty()) {
    return absl::InvalidArgumentError(problems.front().ToString());
  }
  return compiled;
}

namespace internal {
namespace {

void CompileNullMarkers(const Rule& rule, ValueRules::Impl* impl,
                        std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"values"});
  std::vector<std::string> values;
  if (!f.StringArray("values", &values) || !f.ok()) return;
  for (const std::string& v : values) impl->null_markers.insert(FoldCell(v));
}

void CompileAttributeKind(const Rule& rule, ValueRules::Impl* impl,
                          std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"attribute", "value_kind"});
  std::string pattern, kind_name;
  bool have_pattern = f.String("attribute", &pattern);
  bool have_kind = f.String("value_kind", &kind_name);
  if (!have_pattern || !have_kind || !f.ok()) return;
  ValueKind kind;
  if (!ParseValueKind(kind_name, &kind)) {
    f.Problem(f.Find("value_kind"),
              absl::StrCat("unknown value kind \"", kind_name,
                           "\" (expected text, number, datetime, code or names)"));
    return;
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    f.Problem(f.Find("attribute"),
              absl::StrCat("invalid pattern: ", re->error()));
    return;
  }
  impl->attribute_kinds.push_back({rule.id, std::move(re), kind});
}

// Examples are {"in": ..., <expectation>}; returns the "in" string or records
// a problem.
const rapidjson::Value* ExampleInput(const Rule& rule, const rapidjson::Value& ex,
                                     std::vector<RuleProblem>* failed) {
  if (!ex.IsObject() || !ex.HasMember("in") || !ex["in"].IsString()) {
    failed->push_back(RuleSet::ProblemAt(
        rule, ex, "an example must be an object with \"in\", a string"));
    return nullptr;
  }
  return &ex["in"];
}

}  // namespace

std::unique_ptr<ValueRules> CompileValueRules(const RuleSet& set,
                                              std::vector<RuleProblem>* problems) {
  auto impl = std::make_unique<ValueRules::Impl>();
  for (const Rule* r : set.OfKind("null_markers")) CompileNullMarkers(*r, impl.get(), problems);
  for (const Rule* r : set.OfKind("attribute_kind")) CompileAttributeKind(*r, impl.get(), problems);
  return std::unique_ptr<ValueRules>(new ValueRules(std::move(impl)));
}

void RunValueExamples(const RuleSet& set, const ValueRules& compiled,
                      size_t* examples, std::vector<RuleProblem>* failed) {
  for (const Rule* r : set.OfKind("null_markers")) {
    for (const rapidjson::Value& ex : (*r->body)["examples"].GetArray()) {
      ++*examples;
      const rapidjson::Value* in = ExampleInput(*r, ex, failed);
      if (in == nullptr) continue;
      bool expect_null = !ex.HasMember("null") || !ex["null"].IsBool() || ex["null"].GetBool();
      bool is_null = compiled.IsNull(in->GetString());
      if (is_null != expect_null) {
        failed->push_back(RuleSet::ProblemAt(
            *r, ex, absl::StrCat("example \"", in->GetString(), "\": expected ",
                                 expect_null ? "null" : "a value", ", got ",
                                 is_null ? "null" : "a value")));
      }
    }
  }
  for (const Rule* r : set.OfKind("attribute_kind")) {
    for (const rapidjson::Value& ex : (*r->body)["examples"].GetArray()) {
      ++*examples;
      const rapidjson::Value* in = ExampleInput(*r, ex, failed);
      if (in == nullptr) continue;
      ValueKind kind;
      bool matched = compiled.impl().KindOf(in->GetString(), &kind);
      std::string got = matched ? std::string(ValueKindName(kind)) : "no kind";
      std::string want = ex.HasMember("value_kind") && ex["value_kind"].IsString()
                             ? ex["value_kind"].GetString()
                             : "no kind";
      if (got != want) {
        failed->push_back(RuleSet::ProblemAt(
            *r, ex, absl::StrCat("example \"", in->GetString(), "\": expected ",
                                 want, ", got ", got)));
      }
    }
  }
}

}  // namespace internal
}  // namespace crosscheck
