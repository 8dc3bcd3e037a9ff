// Compiles the "resolve" rule kinds (see resolve_rules_impl.h).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "internal/actor_rule.h"
#include "internal/rule_set.h"
#include "internal/stage_rules.h"
#include "resolve/names.h"
#include "resolve/resolve_rules_impl.h"

namespace crosscheck {

ResolveRules::ResolveRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResolveRules::~ResolveRules() = default;

absl::StatusOr<std::unique_ptr<ResolveRules>> ResolveRules::FromRules(
    const internal::RuleSet& rules) {
  std::vector<RuleProblem> problems;
  std::unique_ptr<ResolveRules> compiled = internal::CompileResolveRules(rules, &problems);
  if (!problems.empty()) return absl::InvalidArgumentError(problems.front().ToString());
  return compiled;
}

namespace resolve_internal {

bool ParseMonthRange(absl::string_view text, MonthRange* out) {
  int year = 0, month = 0;
  if (text.size() == 4 && absl::SimpleAtoi(text, &year)) {
    *out = {year * 12, year * 12 + 11};
    return true;
  }
  if (text.size() == 7 && text[4] == '-' && absl::SimpleAtoi(text.substr(0, 4), &year) &&
      absl::SimpleAtoi(text.substr(5), &month) && month >= 1 && month <= 12) {
    *out = {year * 12 + month - 1, year * 12 + month - 1};
    return true;
  }
  return false;
}

}  // namespace resolve_internal

namespace internal {
namespace {

using resolve_internal::Actor;
using resolve_internal::MonthRange;
using Impl = ResolveRules::Impl;

// Reads "from" and "until" of `obj` into *range; a problem if malformed.
void ReadValidity(RuleFields* f, const rapidjson::Value& obj, MonthRange* range) {
  for (const char* field : {"from", "until"}) {
    auto it = obj.FindMember(field);
    if (it == obj.MemberEnd()) continue;
    MonthRange m;
    if (!it->value.IsString() ||
        !resolve_internal::ParseMonthRange(
            absl::string_view(it->value.GetString(), it->value.GetStringLength()), &m)) {
      f->Problem(&it->value, absl::StrCat("\"", field, "\" must be \"YYYY\" or \"YYYY-MM\""));
      continue;
    }
    if (field[0] == 'f') {
      range->lo = m.lo;
    } else {
      range->hi = m.hi;
    }
  }
  if (range->lo > range->hi) f->Problem(&obj, "\"from\" is after \"until\"");
}

bool ParseRelation(absl::string_view name, SurfaceRelation* out) {
  for (SurfaceRelation r : {SurfaceRelation::kExact, SurfaceRelation::kVariant,
                            SurfaceRelation::kMisspelling, SurfaceRelation::kTransliteration,
                            SurfaceRelation::kAlias}) {
    if (SurfaceRelationName(r) == name) {
      *out = r;
      return true;
    }
  }
  return false;
}

void CompileActor(const Rule& rule, Impl* impl, std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  ActorRule read;
  if (!ReadActorRule(&f, &read)) return;
  Actor actor;
  actor.id = rule.id;
  actor.name = read.name;
  if (!ParseEntityType(read.type, &actor.type)) {
    f.Problem(f.Find("type"), absl::StrCat("unknown entity type \"", read.type, "\""));
  }
  actor.folded = resolve_internal::FoldName(actor.name);
  actor.aliases.push_back({actor.name, actor.folded, SurfaceRelation::kExact, {}});
  for (const ActorRule::Alias& a : read.aliases) {
    resolve_internal::ActorAlias alias;
    alias.name = a.name;
    alias.folded = resolve_internal::FoldName(alias.name);
    if (!a.relation.empty() && !ParseRelation(a.relation, &alias.relation)) {
      f.Problem(a.node, absl::StrCat("unknown relation \"", a.relation,
                                     "\" (exact, variant, misspelling, transliteration, alias)"));
    }
    ReadValidity(&f, *a.node, &alias.valid);
    actor.aliases.push_back(std::move(alias));
  }
  for (const ActorRule::Role& r : read.roles) {
    resolve_internal::ActorRole role;
    role.role = r.role;
    role.organisation = resolve_internal::FoldName(r.organisation);
    ReadValidity(&f, *r.node, &role.held);
    actor.roles.push_back(std::move(role));
  }
  for (const ActorRule::Event& e : read.events) {
    resolve_internal::ActorEvent event;
    event.template_name = e.template_name;
    event.place = resolve_internal::FoldName(e.place);
    if (!resolve_internal::ParseMonthRange(e.date, &event.when)) {
      f.Problem(e.node, "an event needs \"date\", \"YYYY\" or \"YYYY-MM\"");
    }
    actor.events.push_back(std::move(event));
  }
  if (f.ok()) impl->actors.push_back(std::move(actor));
}

void CompileMarker(const Rule& rule, Impl* impl, std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"words", "articles"});
  std::vector<std::string> words, articles;
  f.StringArray("words", &words);
  f.StringArray("articles", &articles, false);
  for (const std::string& w : words) impl->organisation_words.push_back(resolve_internal::FoldName(w));
  for (const std::string& a : articles) {
    impl->organisation_articles.push_back(resolve_internal::FoldName(a));
  }
}

void CompilePlace(const Rule& rule, Impl* impl, std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"name", "near", "features"});
  resolve_internal::PlaceHint hint;
  hint.id = rule.id;
  std::vector<std::string> near, features;
  f.String("name", &hint.name);
  f.StringArray("near", &near);
  f.StringArray("features", &features);
  hint.folded = resolve_internal::FoldName(hint.name);
  for (const std::string& n : near) hint.near.push_back(resolve_internal::FoldName(n));
  for (const std::string& w : features) hint.features.push_back(resolve_internal::FoldName(w));
  if (f.ok()) impl->places.push_back(std::move(hint));
}

void IndexActors(Impl* impl) {
  std::sort(impl->actors.begin(), impl->actors.end(),
            [](const Actor& a, const Actor& b) { return a.id < b.id; });
  for (size_t i = 0; i < impl->actors.size(); ++i) {
    for (const resolve_internal::ActorAlias& alias : impl->actors[i].aliases) {
      for (const std::string& w : resolve_internal::NameTokens(alias.folded)) {
        std::vector<int>& block = impl->actor_blocks[resolve_internal::PhoneticKey(w)];
        if (block.empty() || block.back() != static_cast<int>(i)) block.push_back(static_cast<int>(i));
      }
    }
  }
}

}  // namespace

std::unique_ptr<ResolveRules> CompileResolveRules(const RuleSet& set,
                                                  std::vector<RuleProblem>* problems) {
  auto impl = std::make_unique<Impl>();
  for (const Rule* r : set.OfKind("actor")) CompileActor(*r, impl.get(), problems);
  for (const Rule* r : set.OfKind("organisation_marker")) CompileMarker(*r, impl.get(), problems);
  for (const Rule* r : set.OfKind("place_hint")) CompilePlace(*r, impl.get(), problems);
  IndexActors(impl.get());
  std::sort(impl->places.begin(), impl->places.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return std::make_unique<ResolveRules>(std::move(impl));
}

}  // namespace internal
}  // namespace crosscheck
