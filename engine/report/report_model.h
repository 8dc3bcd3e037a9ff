// What every report format shows, computed once: topics, the numbering of
// claims and questions, per-source statistics, and orderings. Renderers
// (JSON, Markdown, HTML, answers) only format it.
#ifndef CROSSCHECK_ENGINE_REPORT_REPORT_MODEL_H_
#define CROSSCHECK_ENGINE_REPORT_REPORT_MODEL_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/reconcile.h"

namespace crosscheck::internal {

struct ReportModel {
  // One document stating two incompatible values of one question.
  struct InternalConflict {
    uint32_t question = 0;  // graph question
    uint32_t document = 0;  // corpus document
    uint32_t first = 0;     // corpus claims: the first of each value, the
    uint32_t second = 0;    // more confident value first
  };
  // A document read as an account of its topic.
  struct DocumentAccount {
    uint32_t document = 0;
    uint32_t claims = 0;         // its claims in the topic's questions
    uint32_t agreeing = 0;       // consistent with the answer
    uint32_t superseded = 0;     // earlier figures a later report replaced
    uint32_t contradicting = 0;  // claims - agreeing - superseded
    // agreeing / (claims - superseded); 1 when every claim was superseded.
    double consistency = 0;
  };
  struct Topic {
    std::string id;
    std::string label;
    std::vector<uint32_t> documents;  // corpus document indices, by id
    std::vector<uint32_t> questions;  // graph question indices, graph order
    // Resolution entities its claims or documents name, in resolution order.
    std::vector<uint32_t> entities;
    // Likely misspellings of those entities' names, seen in statements that
    // give this topic claims: (entity, index into Entity::forms).
    std::vector<std::pair<uint32_t, uint32_t>> misspellings;
    // By question report order, then document id.
    std::vector<InternalConflict> internal_conflicts;
    // Documents with claims in the topic, most consistent first (then more
    // claims, then id).
    std::vector<DocumentAccount> accounts;
  };
  struct SourceStats {
    uint32_t claims = 0;
    uint32_t questions = 0;
    uint32_t consistent = 0;  // claims whose value is compatible with the answer
  };

  std::vector<Topic> topics;  // by id
  // 1-based report numbers ("c12", "q3"); 0 = not shown.
  std::vector<uint32_t> claim_number;     // per corpus claim
  std::vector<uint32_t> question_number;  // per graph question
  std::vector<SourceStats> source_stats;  // per graph source
  // Graph sources, most reliable first (ties by name).
  std::vector<uint32_t> sources_by_reliability;
  // Per question: its groups (global indices), most confident first (ties
  // by value key).
  std::vector<std::vector<uint32_t>> ranked_groups;
};

ReportModel BuildReportModel(const Reconciliation& r);

// One line: "\"Sadio Kamara\" in DOC is likely a misspelling of Sadio
// Camara (N occurrences written otherwise): <resolution evidence>".
std::string MisspellingWhy(const Reconciliation& r, const Entity& entity,
                           const SurfaceForm& form);

// The answer's relation to each group of a question decides whether a claim
// in that group is consistent with the reconciled account. Every value of an
// observed question (TimeBehaviour::kObserved) is.
bool GroupConsistentWithAnswer(const Reconciliation& r, uint32_t question,
                               uint32_t group);

// Whether time superseded the group (Solution::superseded).
bool GroupSuperseded(const Reconciliation& r, uint32_t group);
// How time relates the values of a question (kTimeless when not computed).
TimeBehaviour QuestionTime(const Reconciliation& r, uint32_t question);
// The distinct days the group's claims were reported, ascending.
std::vector<absl::CivilDay> GroupReportDays(const Reconciliation& r,
                                            uint32_t group);
// "17 reported 2022-08-09, 2022-08-10": each superseded value of a question
// with its report days, "; "-separated in ranked order; empty when none.
std::string SupersededText(const Reconciliation& r, const ReportModel& m,
                           uint32_t question);

// Fills each topic's internal_conflicts and accounts (engine/report/
// accounts.cc). Called by BuildReportModel.
void BuildAccounts(const Reconciliation& r, ReportModel* m);

// One line on an internal contradiction: "4 jets vs 5 jets, one document,
// same delivery on 2022-08-09".
std::string InternalWhy(const Reconciliation& r,
                        const ReportModel::InternalConflict& c);

// A value as a reader says it: "1 helicopter", "several (>=2) helicopters",
// "at least 4 (>=4)", "about 20 (~20)"; other kinds print their key.
std::string SpokenValue(const Reconciliation& r, uint32_t question,
                        uint32_t group);

struct InputCounts {
  uint64_t records = 0;
  uint64_t records_kept = 0;
  uint64_t records_skipped = 0;
  uint64_t values_skipped = 0;
  uint64_t repaired = 0;
};
InputCounts CountInput(const Corpus& corpus);

// Distinct sources (graph indices) of a group's claims, by name.
std::vector<uint32_t> GroupSources(const Reconciliation& r, uint32_t group);

// The dependencies the solver found for `source`, most probable first.
std::vector<SourceDependence> DependenciesOf(const Reconciliation& r,
                                            uint32_t source);

// The edges of a question as the report lists them: each claim agrees with
// the first claim of its group; group heads are compatible or contradict.
struct ReportEdge {
  uint32_t from = 0;  // corpus claim indices
  uint32_t to = 0;
  EdgeKind kind = EdgeKind::kAgrees;
  std::string why;
};
std::vector<ReportEdge> QuestionEdges(const Reconciliation& r,
                                      const ReportModel& m, uint32_t question);

// A topic's questions, most confident answer first (ties by report order).
std::vector<uint32_t> AccountOrder(const Reconciliation& r,
                                   const ReportModel::Topic& topic);

// The claim that best supports a group: from the most reliable source, ties
// by report order.
uint32_t BestEvidence(const Reconciliation& r, uint32_t group);

// The words of a claim's document that state it (its evidence span), or
// empty for a claim from a table.
absl::string_view EvidenceQuote(const Reconciliation& r, uint32_t claim);

// The most confident group of a question that contradicts its answer (the
// answer itself when there is none).
uint32_t StrongestRival(const Reconciliation& r, const ReportModel& m,
                        uint32_t question);

// One line on a conflict: the values as a reader says them, what makes them
// one question, their support: "1 helicopter vs several (>=2) helicopters,
// same delivery on 2022-08-09; 2 source(s) vs 1 source(s)".
std::string ConflictWhy(const Reconciliation& r, uint32_t question,
                        uint32_t answer, uint32_t rival);

// "2022-08-09".
std::string FormatDay(absl::CivilDay day);

// The answer of a question as reports print it: the answer group's canonical
// form, except that a date-time stated without a UTC offset takes the offset
// other claims of the question state for the same local time (the most
// confident such value; ties by key).
std::string AnswerText(const Reconciliation& r, uint32_t question);

// "c12", "q3".
std::string ClaimRef(uint32_t number);
std::string QuestionRef(uint32_t number);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_REPORT_REPORT_MODEL_H_
