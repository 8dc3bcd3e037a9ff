// The inline examples of the "resolve" rule kinds, run by `rules check`:
//   actor                {"in": name, optional "type", "role", "organisation",
//                         "template", "place", "date" ("YYYY" or "YYYY-MM"),
//                         "name": the actor it resolves to ("" for none),
//                         optional "relation"}
//   organisation_marker  {"in": name, "organisation": true or false}
//   place_hint           {"in": name, "sentence": text around it,
//                         "name": the place it likely is ("" for none)}
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "resolve/names.h"
#include "resolve/resolve_rules_impl.h"

namespace crosscheck::internal {
namespace {

bool GetString(const rapidjson::Value& ex, const char* name, std::string* out) {
  auto it = ex.FindMember(name);
  if (it == ex.MemberEnd() || !it->value.IsString()) return false;
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

std::string RunActor(const ResolveRules::Impl& impl, const rapidjson::Value& ex,
                     const std::string& in) {
  std::string want, type_name, date, relation;
  if (!GetString(ex, "name", &want)) return "an actor example needs \"name\" (\"\" for none)";
  resolve_internal::MentionContext c;
  EntityType type = EntityType::kOther;
  if (GetString(ex, "type", &type_name) && !ParseEntityType(type_name, &type)) {
    return absl::StrCat("unknown type \"", type_name, "\"");
  }
  GetString(ex, "role", &c.role);
  GetString(ex, "template", &c.template_name);
  std::string organisation, place;
  GetString(ex, "organisation", &organisation);
  GetString(ex, "place", &place);
  c.organisation = resolve_internal::FoldName(organisation);
  c.place = resolve_internal::FoldName(place);
  if (GetString(ex, "date", &date) && !resolve_internal::ParseMonthRange(date, &c.when)) {
    return "\"date\" must be \"YYYY\" or \"YYYY-MM\"";
  }
  resolve_internal::ActorMatch m = impl.MatchActor(in, type, c, 0.6);
  std::string got = m.actor < 0 ? "" : impl.actors[m.actor].name;
  if (got != want) {
    return absl::StrCat("example \"", in, "\": expected \"", want, "\", got \"", got, "\"",
                        m.evidence.empty() ? "" : " (", m.evidence, m.evidence.empty() ? "" : ")");
  }
  if (GetString(ex, "relation", &relation) && m.actor >= 0 &&
      SurfaceRelationName(m.relation) != relation) {
    return absl::StrCat("example \"", in, "\": expected relation ", relation, ", got ",
                        SurfaceRelationName(m.relation));
  }
  return "";
}

std::string RunOne(const Rule& rule, const ResolveRules::Impl& impl, const rapidjson::Value& ex) {
  std::string in;
  if (!ex.IsObject() || !GetString(ex, "in", &in)) {
    return "an example must be an object with \"in\", a string";
  }
  if (rule.kind == "actor") return RunActor(impl, ex, in);
  if (rule.kind == "organisation_marker") {
    auto it = ex.FindMember("organisation");
    if (it == ex.MemberEnd() || !it->value.IsBool()) {
      return "an organisation_marker example needs \"organisation\", true or false";
    }
    bool got = impl.MarksOrganisation(resolve_internal::FoldName(in));
    if (got == it->value.GetBool()) return "";
    return absl::StrCat("example \"", in, "\": expected organisation ",
                        it->value.GetBool() ? "true" : "false");
  }
  std::string want, sentence;
  if (!GetString(ex, "name", &want) || !GetString(ex, "sentence", &sentence)) {
    return "a place_hint example needs \"sentence\" and \"name\" (\"\" for none)";
  }
  resolve_internal::MentionContext c;
  c.sentence = resolve_internal::FoldName(sentence);
  resolve_internal::PlaceMatch m = impl.MatchPlace(in, c);
  std::string got = m.hint < 0 ? "" : impl.places[m.hint].name;
  if (got == want) return "";
  return absl::StrCat("example \"", in, "\": expected \"", want, "\", got \"", got, "\"");
}

}  // namespace

void RunResolveExamples(const RuleSet& set, const ResolveRules& compiled, size_t* examples,
                        std::vector<RuleProblem>* failed) {
  for (const char* kind : {"actor", "organisation_marker", "place_hint"}) {
    for (const Rule* r : set.OfKind(kind)) {
      for (const rapidjson::Value& ex : (*r->body)["examples"].GetArray()) {
        ++*examples;
        std::string error = RunOne(*r, compiled.impl(), ex);
        if (!error.empty()) failed->push_back(RuleSet::ProblemAt(*r, ex, error));
      }
    }
  }
}

}  // namespace crosscheck::internal
