// Time explains change: a death toll that grows across reports dated 8, 9
// and 10 August (4, 17, 42) is one evolving figure, not three sources that
// contradict each other; a minister seen in office in 2019 and in 2022 was
// in office at both dates.
//
// Which questions evolve is declared by `over_time` rules
// (rules/common/time.json): a claim template (absent for table attributes),
// the attributes it covers, and a behaviour, "grows" or "observed"
// (crosscheck/solve.h, TimeBehaviour). A claim's report day is its
// document's publication date, else the date its `as_of` names.
//
// For a growing question, the latest figure is the answer: the figure of the
// latest-dated report (ties: the most confident), unless the solver's answer
// is compatible with it. A value is superseded when it is below the answer
// (its interval ends at or under the answer's lower bound) and was first
// reported before the answer's latest report. A higher figure, or one first
// reported on the answer's latest day, is not explained by time and still
// conflicts. Superseded figures leave the competition: the confidences of
// the values still in it are divided by what the superseded ones leave (one
// minus their sum). Observed questions never conflict.
#ifndef CROSSCHECK_ENGINE_SOLVE_TIMELINE_H_
#define CROSSCHECK_ENGINE_SOLVE_TIMELINE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "internal/rule_set.h"

namespace crosscheck::internal {

// Compiled `over_time` rules. Immutable; safe to share between threads.
class TimeRules {
 public:
  // Compiles the over_time rules of `set`; a broken rule is left out and a
  // located problem appended to `*problems`.
  static std::unique_ptr<TimeRules> Compile(const RuleSet& set,
                                            std::vector<RuleProblem>* problems);

  // The behaviour of `attribute` for claims of `template_name` (empty for
  // claims from tables); kTimeless when no rule names them.
  TimeBehaviour Of(absl::string_view template_name,
                   absl::string_view attribute) const;

  // Runs the inline examples of every over_time rule: {"template": name
  // (optional), "attribute": name, "behaviour": "grows"|"observed"|
  // "timeless"}. Adds the number run to `*examples` and a problem per
  // failing example.
  void RunExamples(const RuleSet& set, size_t* examples,
                   std::vector<RuleProblem>* failed) const;

 private:
  struct Entry {
    std::string template_name;
    std::vector<std::string> attributes;
    TimeBehaviour behaviour = TimeBehaviour::kTimeless;
  };
  std::vector<Entry> entries_;  // rule order: priority, then id
};

// The day `claim` was reported: its document's publication date, else the
// date at the start of its as_of ("2022-08-10T22:15:00Z"); nullopt when
// neither gives one.
std::optional<absl::CivilDay> ReportDay(const Corpus& corpus,
                                        const Claim& claim);

// The behaviour of a question: that of its first claim from a statement
// (its template), else of its predicate alone.
TimeBehaviour QuestionBehaviour(const TimeRules& rules, const Corpus& corpus,
                                const ClaimGraph& graph, uint32_t question);

// Fills solution->question_time and solution->superseded, and moves the
// answer and status of questions that time explains (see above).
// REQUIRES: `solution` solves `graph`, built over `corpus`.
void ExplainByTime(const TimeRules& rules, const Corpus& corpus,
                   const ClaimGraph& graph, Solution* solution);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_TIMELINE_H_
