// Runs the inline examples of every "values" rule. An example is an object
// {"in": <cell>, <expectations>} with these expectations:
//   null rules       "null": true|false (default true)
//   attribute_kind   "value_kind": "datetime" (absent: no rule applies)
//   every other kind "key": canonical key, "hedge": "estimated",
//                    "granularity": "month", "null": true (a null marker),
//                    "valid": false (must not parse); "value_kind" parses the
//                    cell as another kind than the rule's default.
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "internal/stage_rules.h"
#include "value/rule_compilers.h"

namespace crosscheck::internal {
namespace {

constexpr const char* kExampleFields[] = {"in", "key", "hedge", "granularity",
                                          "null", "valid", "value_kind"};

std::string Str(const rapidjson::Value& v) {
  return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : "";
}

class ExampleRunner {
 public:
  ExampleRunner(const Rule& rule, const rapidjson::Value& ex,
                std::vector<RuleProblem>* failed)
      : rule_(rule), ex_(ex), failed_(failed) {}

  // The "in" string, or null after recording a problem.
  const rapidjson::Value* Input() {
    if (!ex_.IsObject() || !ex_.HasMember("in") || !ex_["in"].IsString()) {
      Fail(ex_, "an example must be an object with \"in\", a string");
      return nullptr;
    }
    for (auto m = ex_.MemberBegin(); m != ex_.MemberEnd(); ++m) {
      absl::string_view key(m->name.GetString(), m->name.GetStringLength());
      bool known = false;
      for (const char* f : kExampleFields) known |= key == f;
      if (!known) {
        Fail(m->name, absl::StrCat("unknown example field \"", key, "\""));
        return nullptr;
      }
    }
    in_ = Str(ex_["in"]);
    return &ex_["in"];
  }

  void Fail(const rapidjson::Value& at, absl::string_view message) {
    failed_->push_back(RuleSet::ProblemAt(
        rule_, at, absl::StrCat("example \"", in_, "\": ", message)));
  }

  void CheckNull(const ValueRules& compiled) {
    bool expect = !ex_.HasMember("null") || !ex_["null"].IsBool() || ex_["null"].GetBool();
    bool got = compiled.IsNull(in_);
    if (got != expect) {
      Fail(ex_, absl::StrCat("expected ", expect ? "null" : "a value", ", got ",
                             got ? "null" : "a value"));
    }
  }

  void CheckAttribute(const ValueRules& compiled) {
    ValueKind kind;
    bool matched = compiled.impl().KindOf(in_, &kind);
    std::string got = matched ? std::string(ValueKindName(kind)) : "no kind";
    std::string want = ex_.HasMember("value_kind") ? Str(ex_["value_kind"]) : "no kind";
    if (got != want) Fail(ex_, absl::StrCat("expected ", want, ", got ", got));
  }

  void CheckValue(const ValueRules& compiled, ValueKind kind) {
    if (ex_.HasMember("value_kind") && !ParseValueKind(Str(ex_["value_kind"]), &kind)) {
      return Fail(ex_["value_kind"], "\"value_kind\" is not a value kind");
    }
    bool expect_null = ex_.HasMember("null") && ex_["null"].IsBool() && ex_["null"].GetBool();
    bool expect_invalid = ex_.HasMember("valid") && ex_["valid"].IsBool() && !ex_["valid"].GetBool();
    if (!expect_null && !expect_invalid && !ex_.HasMember("key")) {
      return Fail(ex_, "an example needs \"key\", \"null\": true or \"valid\": false");
    }
    ValueStore store;
    absl::StatusOr<ValueId> id = ParseValue(compiled, kind, in_, &store);
    if (expect_null || expect_invalid) {
      absl::StatusCode want = expect_null ? absl::StatusCode::kNotFound
                                          : absl::StatusCode::kInvalidArgument;
      if (id.status().code() != want) {
        Fail(ex_, absl::StrCat("expected ", expect_null ? "a null marker" : "no parse",
                               ", got ", id.ok() ? absl::StrCat("key \"", store.Key(*id), "\"")
                                                 : id.status().ToString()));
      }
      return;
    }
    if (!id.ok()) return Fail(ex_, absl::StrCat("does not parse: ", id.status().message()));
    const Value& v = store.Get(*id);
    std::string want = Str(ex_["key"]);
    if (store.Key(*id) != want) {
      Fail(ex_["key"], absl::StrCat("expected key \"", want, "\", got \"", store.Key(*id), "\""));
    }
    if (ex_.HasMember("hedge") && Str(ex_["hedge"]) != HedgeName(v.hedge)) {
      Fail(ex_["hedge"], absl::StrCat("expected hedge ", Str(ex_["hedge"]), ", got ",
                                      HedgeName(v.hedge)));
    }
    if (ex_.HasMember("granularity") &&
        Str(ex_["granularity"]) != GranularityName(v.granularity)) {
      Fail(ex_["granularity"], absl::StrCat("expected granularity ", Str(ex_["granularity"]),
                                            ", got ", GranularityName(v.granularity)));
    }
  }

 private:
  const Rule& rule_;
  const rapidjson::Value& ex_;
  std::vector<RuleProblem>* failed_;
  std::string in_;
};

}  // namespace

void RunValueExamples(const RuleSet& set, const ValueRules& compiled,
                      size_t* examples, std::vector<RuleProblem>* failed) {
  for (const ValueRuleKind& kind : ValueRuleKinds()) {
    bool null_kind = absl::string_view(kind.name).substr(0, 5) == "null_";
    for (const Rule* r : set.OfKind(kind.name)) {
      for (const rapidjson::Value& ex : (*r->body)["examples"].GetArray()) {
        ++*examples;
        ExampleRunner runner(*r, ex, failed);
        if (runner.Input() == nullptr) continue;
        if (null_kind) {
          runner.CheckNull(compiled);
        } else if (kind.attribute_examples) {
          runner.CheckAttribute(compiled);
        } else {
          runner.CheckValue(compiled, kind.example_kind);
        }
      }
    }
  }
}

}  // namespace crosscheck::internal
