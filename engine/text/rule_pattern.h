// Compiling the RE2 patterns of rules: located errors, and the refusal of
// counted repetitions ("{1,200}"), which blow up RE2::Set memory and speed.
#ifndef CROSSCHECK_ENGINE_TEXT_RULE_PATTERN_H_
#define CROSSCHECK_ENGINE_TEXT_RULE_PATTERN_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "internal/rule_set.h"
#include "re2/re2.h"

namespace crosscheck::text_internal {

// The options every rule pattern is compiled with (UTF-8, no logging).
RE2::Options RulePatternOptions();

// False, with a message in *error, if `pattern` holds a counted repetition
// ("x{2}", "x{1,200}") outside a character class and not escaped.
bool CheckNoCountedRepetition(absl::string_view pattern, std::string* error);

// Compiles `pattern` read from field `at` of the rule behind `fields`;
// records a located problem and returns null when it is refused or invalid.
std::unique_ptr<RE2> CompileRulePattern(internal::RuleFields* fields,
                                        const rapidjson::Value* at,
                                        const std::string& pattern);

}  // namespace crosscheck::text_internal

#endif  // CROSSCHECK_ENGINE_TEXT_RULE_PATTERN_H_
