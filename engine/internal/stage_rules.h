// The hooks each stage that owns rule kinds provides to Rules::Load and
// CheckRules: compile its kinds (collecting every problem) and run their
// inline examples.
#ifndef CROSSCHECK_ENGINE_INTERNAL_STAGE_RULES_H_
#define CROSSCHECK_ENGINE_INTERNAL_STAGE_RULES_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "crosscheck/extract.h"
#include "crosscheck/resolve.h"
#include "crosscheck/rules.h"
#include "crosscheck/text.h"
#include "crosscheck/value.h"
#include "internal/rule_set.h"

namespace crosscheck::internal {

// Compiles the "values" kinds. Appends a located problem for each broken rule
// and leaves that rule out; never returns null.
std::unique_ptr<ValueRules> CompileValueRules(const RuleSet& set,
                                              std::vector<RuleProblem>* problems);

// Runs the inline examples of every "values" rule against `compiled`; adds
// the number run to `*examples` and a problem per failing example.
void RunValueExamples(const RuleSet& set, const ValueRules& compiled,
                      size_t* examples, std::vector<RuleProblem>* failed);

// Compiles the "text" kinds (crosscheck/text.h); as CompileValueRules.
std::unique_ptr<TextRules> CompileTextRules(const RuleSet& set,
                                            std::vector<RuleProblem>* problems);
void RunTextExamples(const RuleSet& set, const TextRules& compiled,
                     size_t* examples, std::vector<RuleProblem>* failed);

// Compiles the "extract" kinds (crosscheck/extract.h); as CompileValueRules.
std::unique_ptr<ExtractRules> CompileExtractRules(
    const RuleSet& set, std::vector<RuleProblem>* problems);
// Examples of "extract" rules run through `text` and `compiled` together.
void RunExtractExamples(const RuleSet& set, const TextRules& text,
                        const ExtractRules& compiled, size_t* examples,
                        std::vector<RuleProblem>* failed);

// Compiles the "resolve" kinds (crosscheck/resolve.h); as CompileValueRules.
std::unique_ptr<ResolveRules> CompileResolveRules(const RuleSet& set,
                                                  std::vector<RuleProblem>* problems);
void RunResolveExamples(const RuleSet& set, const ResolveRules& compiled,
                        size_t* examples, std::vector<RuleProblem>* failed);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INTERNAL_STAGE_RULES_H_
