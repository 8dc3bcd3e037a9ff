#include "internal/actor_rule.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace crosscheck::internal {
namespace {

std::string GetString(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// The array field `name` of the rule, each element an object; null if
// absent or of another shape (a problem then).
const rapidjson::Value* ObjectArray(RuleFields* f, const char* name) {
  const rapidjson::Value* v = f->Find(name);
  if (v == nullptr) return nullptr;
  if (!v->IsArray()) {
    f->Problem(v, absl::StrCat("\"", name, "\" must be an array of objects"));
    return nullptr;
  }
  for (const rapidjson::Value& e : v->GetArray()) {
    if (!e.IsObject()) {
      f->Problem(&e, absl::StrCat("each element of \"", name, "\" must be an object"));
      return nullptr;
    }
  }
  return v;
}

}  // namespace

bool ReadActorRule(RuleFields* f, ActorRule* out) {
  f->CheckFields({"name", "type", "aliases", "roles", "events"});
  if (!f->String("name", &out->name)) return false;
  f->String("type", &out->type, false);
  if (const rapidjson::Value* aliases = ObjectArray(f, "aliases")) {
    for (const rapidjson::Value& a : aliases->GetArray()) {
      ActorRule::Alias alias{GetString(a, "name"), GetString(a, "relation"), &a};
      if (alias.name.empty()) f->Problem(&a, "an alias needs \"name\", a non-empty string");
      out->aliases.push_back(std::move(alias));
    }
  }
  if (const rapidjson::Value* roles = ObjectArray(f, "roles")) {
    for (const rapidjson::Value& r : roles->GetArray()) {
      ActorRule::Role role{GetString(r, "role"), GetString(r, "organisation"), &r};
      if (role.role.empty()) f->Problem(&r, "a role needs \"role\", a non-empty string");
      out->roles.push_back(std::move(role));
    }
  }
  if (const rapidjson::Value* events = ObjectArray(f, "events")) {
    for (const rapidjson::Value& e : events->GetArray()) {
      ActorRule::Event event{GetString(e, "template"), GetString(e, "place"),
                             GetString(e, "date"), &e};
      if (event.template_name.empty()) f->Problem(&e, "an event needs \"template\"");
      out->events.push_back(std::move(event));
    }
  }
  return true;
}

}  // namespace crosscheck::internal
