#include "solve/timeline.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace crosscheck {

absl::string_view TimeBehaviourName(TimeBehaviour behaviour) {
  switch (behaviour) {
    case TimeBehaviour::kTimeless:
      return "timeless";
    case TimeBehaviour::kGrows:
      return "grows";
    case TimeBehaviour::kObserved:
      return "observed";
  }
  return "unknown";
}

namespace internal {
namespace {

bool ParseBehaviour(absl::string_view name, TimeBehaviour* out) {
  for (TimeBehaviour b : {TimeBehaviour::kTimeless, TimeBehaviour::kGrows,
                          TimeBehaviour::kObserved}) {
    if (TimeBehaviourName(b) == name) {
      *out = b;
      return true;
    }
  }
  return false;
}

// Report days of a group's claims: the first and the last, if any is dated.
struct GroupDays {
  std::optional<absl::CivilDay> first;
  std::optional<absl::CivilDay> last;
};

GroupDays DaysOf(const Corpus& corpus, const ClaimGraph& graph, uint32_t g) {
  GroupDays out;
  const ClaimGraph::Group& group = graph.groups[g];
  for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims;
       ++i) {
    const std::optional<absl::CivilDay> day =
        ReportDay(corpus, corpus.claims[graph.claims[i]]);
    if (!day) continue;
    if (!out.first || *day < *out.first) out.first = day;
    if (!out.last || *day > *out.last) out.last = day;
  }
  return out;
}

// A figure a report gives; a denial ("not >100") gives none.
bool IsFigure(const Value& v) {
  return v.kind == ValueKind::kNumber && !v.has(Value::kDenied);
}

// The latest figure of a growing question (global group index), or
// UINT32_MAX when no numeric value is dated.
uint32_t LatestFigure(const Corpus& corpus, const ClaimGraph& graph,
                      const Solution& s, const ClaimGraph::Question& q,
                      const std::vector<GroupDays>& days) {
  uint32_t best = UINT32_MAX;
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    const uint32_t g = q.first_group + i;
    if (!days[i].last || !IsFigure(corpus.values.Get(graph.groups[g].value))) {
      continue;
    }
    if (best == UINT32_MAX) {
      best = g;
      continue;
    }
    const absl::CivilDay b = *days[best - q.first_group].last;
    if (*days[i].last != b) {
      if (*days[i].last > b) best = g;
      continue;
    }
    const double cg = s.group_confidence[g], cb = s.group_confidence[best];
    if (cg > cb || (cg == cb && corpus.values.Key(graph.groups[g].value) <
                                    corpus.values.Key(graph.groups[best].value))) {
      best = g;
    }
  }
  return best;
}

// Whether every claim of `a` and `b` comes from one and the same source.
bool OneSource(const ClaimGraph& graph, const ClaimGraph::Group& a,
               const ClaimGraph::Group& b) {
  const uint32_t source = graph.claim_source[a.first_claim];
  for (const ClaimGraph::Group* g : {&a, &b}) {
    for (uint32_t i = g->first_claim; i < g->first_claim + g->num_claims; ++i) {
      if (graph.claim_source[i] != source) return false;
    }
  }
  return true;
}

// Whether two groups of `q` that contradict are stated by different sources
// and neither is superseded.
bool InConflict(const ClaimGraph& graph, const Solution& s,
                const ClaimGraph::Question& q) {
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    const ClaimGraph::Group& a = graph.groups[q.first_group + i];
    if (s.superseded[q.first_group + i]) continue;
    for (uint32_t j = i + 1; j < q.num_groups; ++j) {
      const ClaimGraph::Group& b = graph.groups[q.first_group + j];
      if (s.superseded[q.first_group + j]) continue;
      if (graph.relation(q, i, j) != Relation::kContradicts) continue;
      if (!OneSource(graph, a, b)) return true;
    }
  }
  return false;
}

void ExplainGrowth(const Corpus& corpus, const ClaimGraph& graph,
                   uint32_t question, Solution* s) {
  const ClaimGraph::Question& q = graph.questions[question];
  std::vector<GroupDays> days(q.num_groups);
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    days[i] = DaysOf(corpus, graph, q.first_group + i);
  }
  const uint32_t latest = LatestFigure(corpus, graph, *s, q, days);
  if (latest == UINT32_MAX) return;
  uint32_t& answer = s->answer[question];
  if (!Compatible(graph.relation(q, answer - q.first_group,
                                 latest - q.first_group))) {
    answer = latest;
  }
  const Value& a = corpus.values.Get(graph.groups[answer].value);
  const std::optional<absl::CivilDay> until = days[answer - q.first_group].last;
  if (!IsFigure(a) || !until) return;
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    const uint32_t g = q.first_group + i;
    const Value& v = corpus.values.Get(graph.groups[g].value);
    if (g == answer || !IsFigure(v) || !days[i].first) continue;
    s->superseded[g] = v.hi <= a.lo && v.lo < a.lo && *days[i].first < *until;
  }
  // Superseded figures were true when reported: they are no rival of the
  // current one. Their share of belief leaves the question, and the values
  // still in competition share what remains.
  double gone = 0;
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    if (s->superseded[q.first_group + i]) gone += s->group_confidence[q.first_group + i];
  }
  if (gone > 0 && gone < 1) {
    for (uint32_t i = 0; i < q.num_groups; ++i) {
      const uint32_t g = q.first_group + i;
      if (!s->superseded[g]) {
        s->group_confidence[g] = std::min(1.0, s->group_confidence[g] / (1 - gone));
      }
    }
  }
  if (s->status[question] == QuestionStatus::kConflict &&
      !InConflict(graph, *s, q)) {
    s->status[question] = QuestionStatus::kAgreed;
  }
}

}  // namespace

std::unique_ptr<TimeRules> TimeRules::Compile(
    const RuleSet& set, std::vector<RuleProblem>* problems) {
  auto out = std::make_unique<TimeRules>();
  for (const Rule* rule : set.OfKind("over_time")) {
    RuleFields fields(*rule, problems);
    fields.CheckFields({"template", "attributes", "behaviour"});
    Entry e;
    std::string behaviour;
    fields.String("template", &e.template_name, /*required=*/false);
    if (!fields.StringArray("attributes", &e.attributes) ||
        !fields.String("behaviour", &behaviour)) {
      continue;
    }
    if (!ParseBehaviour(behaviour, &e.behaviour)) {
      fields.Problem(fields.Find("behaviour"),
                     absl::StrCat("unknown behaviour \"", behaviour,
                                  "\" (want grows, observed or timeless)"));
      continue;
    }
    if (fields.ok()) out->entries_.push_back(std::move(e));
  }
  return out;
}

TimeBehaviour TimeRules::Of(absl::string_view template_name,
                            absl::string_view attribute) const {
  for (const Entry& e : entries_) {
    if (e.template_name != template_name) continue;
    if (std::find(e.attributes.begin(), e.attributes.end(), attribute) !=
        e.attributes.end()) {
      return e.behaviour;
    }
  }
  return TimeBehaviour::kTimeless;
}

void TimeRules::RunExamples(const RuleSet& set, size_t* examples,
                            std::vector<RuleProblem>* failed) const {
  for (const Rule* rule : set.OfKind("over_time")) {
    const rapidjson::Value* list = RuleFields(*rule, failed).Find("examples");
    if (list == nullptr || !list->IsArray()) continue;
    for (const rapidjson::Value& ex : list->GetArray()) {
      auto str = [&](const char* name) -> std::string {
        if (!ex.IsObject() || !ex.HasMember(name) || !ex[name].IsString()) {
          return "";
        }
        return std::string(ex[name].GetString(), ex[name].GetStringLength());
      };
      TimeBehaviour want;
      if (str("attribute").empty() || !ParseBehaviour(str("behaviour"), &want)) {
        failed->push_back(RuleSet::ProblemAt(
            *rule, ex,
            "example needs \"attribute\" and a \"behaviour\" (grows, observed "
            "or timeless)"));
        continue;
      }
      ++*examples;
      const TimeBehaviour got = Of(str("template"), str("attribute"));
      if (got != want) {
        failed->push_back(RuleSet::ProblemAt(
            *rule, ex,
            absl::StrCat("example ", str("template"), "/", str("attribute"),
                         " is ", TimeBehaviourName(got), ", not ",
                         TimeBehaviourName(want))));
      }
    }
  }
}

std::optional<absl::CivilDay> ReportDay(const Corpus& corpus,
                                        const Claim& claim) {
  if (claim.document < corpus.documents.size()) {
    const Document& doc = corpus.documents[claim.document];
    if (doc.published) return doc.published;
  }
  const absl::string_view as_of = corpus.str(claim.as_of);
  absl::CivilDay day;
  if (as_of.size() >= 10 &&
      absl::ParseCivilTime(std::string(as_of.substr(0, 10)), &day)) {
    return day;
  }
  return std::nullopt;
}

TimeBehaviour QuestionBehaviour(const TimeRules& rules, const Corpus& corpus,
                                const ClaimGraph& graph, uint32_t question) {
  const ClaimGraph::Question& q = graph.questions[question];
  const absl::string_view attribute = corpus.str(q.predicate);
  for (uint32_t g = q.first_group; g < q.first_group + q.num_groups; ++g) {
    const ClaimGraph::Group& group = graph.groups[g];
    for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims;
         ++i) {
      const Claim& c = corpus.claims[graph.claims[i]];
      if (c.frame == kNoFrame) continue;
      return rules.Of(corpus.str(corpus.frames[c.frame].template_name),
                      attribute);
    }
  }
  return rules.Of("", attribute);
}

void ExplainByTime(const TimeRules& rules, const Corpus& corpus,
                   const ClaimGraph& graph, Solution* solution) {
  solution->question_time.assign(graph.questions.size(),
                                 TimeBehaviour::kTimeless);
  solution->superseded.assign(graph.groups.size(), 0);
  for (uint32_t q = 0; q < graph.questions.size(); ++q) {
    const TimeBehaviour b = QuestionBehaviour(rules, corpus, graph, q);
    solution->question_time[q] = b;
    if (b == TimeBehaviour::kGrows) {
      ExplainGrowth(corpus, graph, q, solution);
    } else if (b == TimeBehaviour::kObserved &&
               solution->status[q] == QuestionStatus::kConflict) {
      solution->status[q] = QuestionStatus::kAgreed;
    }
  }
}

}  // namespace internal
}  // namespace crosscheck
