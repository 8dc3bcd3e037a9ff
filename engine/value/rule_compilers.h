// One compiler per "values" rule kind, and the table that lists them with
// the value kind their inline examples are parsed as.
#ifndef CROSSCHECK_ENGINE_VALUE_RULE_COMPILERS_H_
#define CROSSCHECK_ENGINE_VALUE_RULE_COMPILERS_H_

#include <memory>
#include <string>
#include <vector>

#include "crosscheck/rules.h"
#include "internal/rule_set.h"
#include "re2/re2.h"
#include "value/value_rules_impl.h"

namespace crosscheck::internal {

using Compiler = void (*)(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);

struct ValueRuleKind {
  const char* name;
  Compiler compile;
  // What examples are: a cell of `example_kind` ({"in", "key", ...}), or an
  // attribute name ({"in", "value_kind"}) when `attribute_examples`.
  ValueKind example_kind;
  bool attribute_examples;
};

// Every "values" kind, in the order they compile (lexicons before formats).
const std::vector<ValueRuleKind>& ValueRuleKinds();

void CompileNullMarkers(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileNullPattern(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileAttributeKind(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileNumberFormat(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileNumberHedge(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileUnit(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileAnnotation(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileMonthNames(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileWeekdayNames(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileDayPeriods(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileTimeZones(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileDateTimeFormatRule(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileCodeFormat(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileNameSeparators(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileNameAffixes(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileGivenNames(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);
void CompileSurnameParticles(const Rule&, ValueRules::Impl*, std::vector<RuleProblem>*);

// Compiles `pattern` (field `field` of the rule) with RE2, refusing counted
// repetitions such as {1,200}; null after recording a problem.
std::unique_ptr<RE2> CompilePattern(RuleFields* f, const char* field,
                                    const std::string& pattern,
                                    bool case_sensitive);

// Sorts a lexicon longest entry first (ties by text) and drops repeated
// entries, keeping the first (the higher-priority rule's).
void SortLexicon(std::vector<LexiconEntry>* lexicon);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_VALUE_RULE_COMPILERS_H_
