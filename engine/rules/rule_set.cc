#include "internal/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crosscheck::internal {
namespace {

constexpr const char* kEnvelopeFields[] = {"pack", "description", "language",
                                           "version", "rules"};
constexpr const char* kCommonRuleFields[] = {"id", "kind", "priority",
                                             "description", "examples"};

RuleProblem ProblemIn(const LocatedJson& file, const rapidjson::Value& at,
                      std::string rule_id, std::string message) {
  TextPosition p = file.PositionOf(at);
  return RuleProblem{file.name(), p.line, p.column, std::move(rule_id),
                     std::move(message)};
}

bool IsOneOf(absl::string_view name, const char* const* begin,
             const char* const* end) {
  return std::any_of(begin, end, [&](const char* f) { return name == f; });
}

}  // namespace

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::LoadDirectory(
    absl::string_view dir, std::vector<RuleProblem>* problems) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root{std::string(dir)};
  if (!fs::is_directory(root, ec)) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": rules directory does not exist"));
  }
  std::vector<std::string> paths;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrCat(dir, ": cannot read rules directory: ", ec.message()));
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && it->path().extension() == ".json") {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
      problems->push_back({path, 0, 0, "", "cannot read the file"});
      continue;
    }
    files.emplace_back(path, text.str());
  }
  return FromFiles(std::move(files), problems);
}

std::unique_ptr<RuleSet> RuleSet::FromFiles(
    std::vector<std::pair<std::string, std::string>> files,
    std::vector<RuleProblem>* problems) {
  auto set = std::unique_ptr<RuleSet>(new RuleSet());
  for (auto& [name, text] : files) {
    set->AddFile(std::move(name), std::move(text), problems);
  }
  // Rule ids are unique across the directory.
  absl::flat_hash_map<absl::string_view, const Rule*> seen;
  std::vector<Rule> unique;
  unique.reserve(set->rules_.size());
  for (const Rule& rule : set->rules_) {
    auto [it, inserted] = seen.emplace(rule.id, &rule);
    if (!inserted) {
      TextPosition first = it->second->file->PositionOf(*it->second->body);
      problems->push_back(ProblemIn(
          *rule.file, *rule.body, rule.id,
          absl::StrCat("duplicate rule id \"", rule.id, "\" (first defined at ",
                       it->second->file->name(), ":", first.line, ":",
                       first.column, ")")));
      continue;
    }
    unique.push_back(rule);
  }
  set->rules_ = std::move(unique);
  return set;
}

void RuleSet::AddFile(std::string name, std::string text,
                      std::vector<RuleProblem>* problems) {
  std::string file_name = name;
  TextPosition error_at;
  absl::StatusOr<std::unique_ptr<LocatedJson>> parsed =
      LocatedJson::Parse(std::move(name), std::move(text), &error_at);
  if (!parsed.ok()) {
    // The status message is "file:line:col: what"; keep just "what".
    absl::string_view m = parsed.status().message();
    size_t skip = absl::StrCat(file_name, ":", error_at.line, ":",
                               error_at.column, ": ").size();
    problems->push_back({file_name, error_at.line, error_at.column, "",
                         absl::StrCat("invalid JSON: ", m.substr(std::min(skip, m.size())))});
    return;
  }
  const LocatedJson& file = **parsed;
  const rapidjson::Value& root = file.root();
  files_.push_back(std::move(*parsed));
  if (!root.IsObject()) {
    problems->push_back(ProblemIn(file, root, "",
                                  "a rule pack must be a JSON object with "
                                  "\"pack\" and \"rules\""));
    return;
  }
  for (auto m = root.MemberBegin(); m != root.MemberEnd(); ++m) {
    absl::string_view key(m->name.GetString(), m->name.GetStringLength());
    if (!IsOneOf(key, std::begin(kEnvelopeFields), std::end(kEnvelopeFields))) {
      problems->push_back(ProblemIn(
          file, m->name, "",
          absl::StrCat("unknown pack field \"", key, "\" (expected one of: ",
                       absl::StrJoin(kEnvelopeFields, ", "), ")")));
    }
  }
  auto pack = root.FindMember("pack");
  if (pack == root.MemberEnd() || !pack->value.IsString() ||
      pack->value.GetStringLength() == 0) {
    problems->push_back(ProblemIn(
        file, pack == root.MemberEnd() ? root : pack->value, "",
        "\"pack\" must be a non-empty string naming the pack"));
    return;
  }
  auto rules = root.FindMember("rules");
  if (rules == root.MemberEnd() || !rules->value.IsArray()) {
    problems->push_back(
        ProblemIn(file, rules == root.MemberEnd() ? root : rules->value, "",
                  "\"rules\" must be an array of rule objects"));
    return;
  }
  std::string pack_name = pack->value.GetString();
  for (const rapidjson::Value& body : rules->value.GetArray()) {
    if (!body.IsObject()) {
      problems->push_back(ProblemIn(file, body, "", "a rule must be an object"));
      continue;
    }
    Rule rule;
    rule.pack = pack_name;
    rule.body = &body;
    rule.file = &file;
    auto id = body.FindMember("id");
    if (id == body.MemberEnd() || !id->value.IsString() ||
        id->value.GetStringLength() == 0) {
      problems->push_back(ProblemIn(
          file, id == body.MemberEnd() ? body : id->value, "",
          "a rule needs \"id\", a non-empty string"));
      continue;
    }
    rule.id = id->value.GetString();
    auto kind = body.FindMember("kind");
    if (kind == body.MemberEnd() || !kind->value.IsString()) {
      problems->push_back(ProblemIn(
          file, kind == body.MemberEnd() ? body : kind->value, rule.id,
          "a rule needs \"kind\", a string"));
      continue;
    }
    rule.kind = kind->value.GetString();
    if (FindRuleKind(rule.kind) == nullptr) {
      std::vector<absl::string_view> names;
      for (const RuleKindInfo& k : RuleKinds()) names.push_back(k.name);
      problems->push_back(ProblemIn(
          file, kind->value, rule.id,
          absl::StrCat("unknown rule kind \"", rule.kind,
                       "\" (known kinds: ", absl::StrJoin(names, ", "), ")")));
      continue;
    }
    auto priority = body.FindMember("priority");
    if (priority != body.MemberEnd()) {
      if (!priority->value.IsInt()) {
        problems->push_back(ProblemIn(file, priority->value, rule.id,
                                      "\"priority\" must be an integer"));
        continue;
      }
      rule.priority = priority->value.GetInt();
    }
    auto examples = body.FindMember("examples");
    if (examples == body.MemberEnd() || !examples->value.IsArray() ||
        examples->value.Empty()) {
      problems->push_back(ProblemIn(
          file, examples == body.MemberEnd() ? body : examples->value, rule.id,
          "a rule needs \"examples\", a non-empty array the test suite runs"));
      continue;
    }
    auto description = body.FindMember("description");
    if (description != body.MemberEnd() && !description->value.IsString()) {
      problems->push_back(ProblemIn(file, description->value, rule.id,
                                    "\"description\" must be a string"));
      continue;
    }
    rules_.push_back(std::move(rule));
  }
}

std::vector<const Rule*> RuleSet::OfKind(absl::string_view kind) const {
  std::vector<const Rule*> out;
  for (const Rule& r : rules_) {
    if (r.kind == kind) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Rule* a, const Rule* b) {
    if (a->priority != b->priority) return a->priority > b->priority;
    return a->id < b->id;
  });
  return out;
}

RuleProblem RuleSet::ProblemAt(const Rule& rule, const rapidjson::Value& at,
                               std::string message) {
  RuleProblem p = ProblemIn(*rule.file, at, rule.id, std::move(message));
  if (p.line == 0) {
    TextPosition r = rule.file->PositionOf(*rule.body);
    p.line = r.line;
    p.column = r.column;
  }
  return p;
}

const rapidjson::Value* RuleFields::Find(const char* name) const {
  auto it = rule_.body->FindMember(name);
  return it == rule_.body->MemberEnd() ? nullptr : &it->value;
}

void RuleFields::CheckFields(std::initializer_list<const char*> kind_fields) {
  for (auto m = rule_.body->MemberBegin(); m != rule_.body->MemberEnd(); ++m) {
    absl::string_view key(m->name.GetString(), m->name.GetStringLength());
    bool known = IsOneOf(key, std::begin(kCommonRuleFields),
                         std::end(kCommonRuleFields)) ||
                 std::any_of(kind_fields.begin(), kind_fields.end(),
                             [&](const char* f) { return key == f; });
    if (!known) {
      std::vector<absl::string_view> all(std::begin(kCommonRuleFields),
                                         std::end(kCommonRuleFields));
      all.insert(all.end(), kind_fields.begin(), kind_fields.end());
      Problem(&m->name, absl::StrCat("unknown field \"", key, "\" for kind \"",
                                     rule_.kind, "\" (expected one of: ",
                                     absl::StrJoin(all, ", "), ")"));
    }
  }
}

void RuleFields::Problem(const rapidjson::Value* at, std::string message) {
  ok_ = false;
  problems_->push_back(
      RuleSet::ProblemAt(rule_, at ? *at : *rule_.body, std::move(message)));
}

bool RuleFields::String(const char* name, std::string* out, bool required) {
  const rapidjson::Value* v = Find(name);
  if (v == nullptr) {
    if (required) Problem(nullptr, absl::StrCat("missing field \"", name, "\" (a string)"));
    return false;
  }
  if (!v->IsString()) {
    Problem(v, absl::StrCat("\"", name, "\" must be a string"));
    return false;
  }
  out->assign(v->GetString(), v->GetStringLength());
  return true;
}

bool RuleFields::StringArray(const char* name, std::vector<std::string>* out,
                             bool required) {
  const rapidjson::Value* v = Find(name);
  if (v == nullptr) {
    if (required) {
      Problem(nullptr, absl::StrCat("missing field \"", name,
                                    "\" (an array of strings)"));
    }
    return false;
  }
  if (!v->IsArray()) {
    Problem(v, absl::StrCat("\"", name, "\" must be an array of strings"));
    return false;
  }
  std::vector<std::string> result;
  for (const rapidjson::Value& e : v->GetArray()) {
    if (!e.IsString()) {
      Problem(&e, absl::StrCat("every element of \"", name, "\" must be a string"));
      return false;
    }
    result.emplace_back(e.GetString(), e.GetStringLength());
  }
  *out = std::move(result);
  return true;
}

bool RuleFields::Int(const char* name, int64_t* out, bool required) {
  const rapidjson::Value* v = Find(name);
  if (v == nullptr) {
    if (required) Problem(nullptr, absl::StrCat("missing field \"", name, "\" (an integer)"));
    return false;
  }
  if (!v->IsInt64()) {
    Problem(v, absl::StrCat("\"", name, "\" must be an integer"));
    return false;
  }
  *out = v->GetInt64();
  return true;
}

bool RuleFields::Double(const char* name, double* out, bool required) {
  const rapidjson::Value* v = Find(name);
  if (v == nullptr) {
    if (required) Problem(nullptr, absl::StrCat("missing field \"", name, "\" (a number)"));
    return false;
  }
  if (!v->IsNumber()) {
    Problem(v, absl::StrCat("\"", name, "\" must be a number"));
    return false;
  }
  *out = v->GetDouble();
  return true;
}

bool RuleFields::Bool(const char* name, bool* out, bool required) {
  const rapidjson::Value* v = Find(name);
  if (v == nullptr) {
    if (required) Problem(nullptr, absl::StrCat("missing field \"", name, "\" (true or false)"));
    return false;
  }
  if (!v->IsBool()) {
    Problem(v, absl::StrCat("\"", name, "\" must be true or false"));
    return false;
  }
  *out = v->GetBool();
  return true;
}

}  // namespace crosscheck::internal
