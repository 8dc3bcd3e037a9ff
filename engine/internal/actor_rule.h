// What one `actor` rule says (rules/common/actors.json), read by one reader
// for the two stages that need it: resolution matches mentions against the
// actor's names, roles and events; extraction takes the organisation of a
// known role holder whose title names none ("le ministre de la Défense,
// Sadio Camara" is Mali's).
#ifndef CROSSCHECK_ENGINE_INTERNAL_ACTOR_RULE_H_
#define CROSSCHECK_ENGINE_INTERNAL_ACTOR_RULE_H_

#include <string>
#include <vector>

#include "internal/rule_set.h"

namespace crosscheck::internal {

struct ActorRule {
  struct Alias {
    std::string name;
    std::string relation;  // empty: "alias"
    const rapidjson::Value* node = nullptr;  // for "from"/"until" and problems
  };
  struct Role {
    std::string role;          // "defence_minister"
    std::string organisation;  // as written ("Mali")
    const rapidjson::Value* node = nullptr;
  };
  struct Event {
    std::string template_name;  // "takeover"
    std::string place;          // as written, may be empty
    std::string date;           // "YYYY" or "YYYY-MM" as written
    const rapidjson::Value* node = nullptr;
  };
  std::string name;
  std::string type = "person";
  std::vector<Alias> aliases;  // the canonical name not included
  std::vector<Role> roles;
  std::vector<Event> events;
};

// Reads the fields of `f`'s actor rule into *out, recording a located
// problem for each field of the wrong shape (the meaning of relations,
// dates and types is the caller's to check). False if the rule cannot be
// read at all.
bool ReadActorRule(RuleFields* f, ActorRule* out);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INTERNAL_ACTOR_RULE_H_
