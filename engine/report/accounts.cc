// Documents as accounts of their topic, contradictions inside one document,
// and how time and values read in words.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/report_model.h"
#include "solve/timeline.h"

namespace crosscheck::internal {
namespace {

// The text of slot `name` of `frame` (its canonical key when typed).
std::optional<std::string> SlotOf(const Corpus& corpus, uint32_t frame,
                                  absl::string_view name) {
  const FrameSlot* s = frame == kNoFrame ? nullptr : corpus.Slot(corpus.frames[frame], name);
  if (s == nullptr) return std::nullopt;
  return std::string(s->value != kNoValue ? corpus.values.Key(s->value) : corpus.str(s->text));
}

// The canonical key of slot `name` of `frame`, when it has a typed value.
std::optional<std::string> TypedSlotOf(const Corpus& corpus, uint32_t frame,
                                       absl::string_view name) {
  const FrameSlot* s = frame == kNoFrame ? nullptr : corpus.Slot(corpus.frames[frame], name);
  if (s == nullptr || s->value == kNoValue) return std::nullopt;
  return std::string(corpus.values.Key(s->value));
}

// Whether the date of the question's event is only when it was seen (an
// observed `date` question of the same subject, such as a role's).
bool DateObserved(const Reconciliation& r, uint32_t question) {
  const StringId subject = r.graph.questions[question].subject;
  for (uint32_t q = question; q < r.graph.questions.size() &&
                              r.graph.questions[q].subject == subject;
       ++q) {
    if (r.corpus.str(r.graph.questions[q].predicate) == "date") {
      return QuestionTime(r, q) == TimeBehaviour::kObserved;
    }
  }
  for (uint32_t q = question; q-- > 0 && r.graph.questions[q].subject == subject;) {
    if (r.corpus.str(r.graph.questions[q].predicate) == "date") {
      return QuestionTime(r, q) == TimeBehaviour::kObserved;
    }
  }
  return false;
}

// The first frame among a question's claims, or kNoFrame (tables).
uint32_t FirstFrame(const Reconciliation& r, uint32_t question) {
  const ClaimGraph::Question& q = r.graph.questions[question];
  const ClaimGraph::Group& first = r.graph.groups[q.first_group];
  const ClaimGraph::Group& last = r.graph.groups[q.first_group + q.num_groups - 1];
  for (uint32_t i = first.first_claim; i < last.first_claim + last.num_claims; ++i) {
    const uint32_t frame = r.corpus.claims[r.graph.claims[i]].frame;
    if (frame != kNoFrame) return frame;
  }
  return kNoFrame;
}

// The date the question's statements most often give their event (ties:
// the smaller key), or empty.
std::string EventDate(const Reconciliation& r, uint32_t question) {
  const ClaimGraph::Question& q = r.graph.questions[question];
  std::map<std::string, int> seen;
  for (uint32_t g = q.first_group; g < q.first_group + q.num_groups; ++g) {
    const ClaimGraph::Group& group = r.graph.groups[g];
    for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
      const std::optional<std::string> date =
          TypedSlotOf(r.corpus, r.corpus.claims[r.graph.claims[i]].frame, "date");
      if (date && !date->empty()) ++seen[*date];
    }
  }
  std::string best;
  int count = 0;
  for (const auto& [date, n] : seen) {
    if (n > count) best = date, count = n;
  }
  return best;
}

// "helicopter" -> "helicopters"; words already plural or invariable stay.
std::string Plural(absl::string_view noun) {
  if (absl::EndsWith(noun, "s") || absl::EndsWith(noun, "aircraft")) {
    return std::string(noun);
  }
  return absl::StrCat(noun, "s");
}

// Whether two statements of one document are about different things: they
// stand in one sentence (a breakdown, "17 soldiers and 4 civilians"), or
// both state a slot other than `predicate` with different values (other
// victims; for a growing figure, another date).
bool DifferentThings(const Corpus& corpus, uint32_t fa, uint32_t fb,
                     absl::string_view predicate) {
  if (fa == kNoFrame || fb == kNoFrame) return false;
  const Frame& a = corpus.frames[fa];
  const Frame& b = corpus.frames[fb];
  if (a.sentence_begin == b.sentence_begin) return true;
  for (uint32_t i = a.slots_begin; i < a.slots_end; ++i) {
    const absl::string_view name = corpus.str(corpus.frame_slots[i].name);
    if (name == predicate) continue;
    const std::optional<std::string> va = SlotOf(corpus, fa, name);
    const std::optional<std::string> vb = SlotOf(corpus, fb, name);
    if (va && vb && *va != *vb) return true;
  }
  return false;
}

// For a growing figure, whether the lower of two claims of one document
// restates an earlier report ("Un précédent bilan faisait état de dix-sept
// soldats tués", reported or quoted) rather than contradicting the higher.
bool EarlierTollRestated(const Reconciliation& r, uint32_t question, uint32_t ca,
                         uint32_t cb) {
  if (QuestionTime(r, question) != TimeBehaviour::kGrows) return false;
  const Claim& a = r.corpus.claims[ca];
  const Claim& b = r.corpus.claims[cb];
  const Value& va = r.corpus.values.Get(a.value);
  const Value& vb = r.corpus.values.Get(b.value);
  if (va.has(Value::kDenied) || vb.has(Value::kDenied)) return false;
  const Claim& lower = va.hi <= vb.lo ? a : b;
  if (va.hi > vb.lo && vb.hi > va.lo) return false;  // neither is lower
  return lower.modality == Modality::kReported || lower.modality == Modality::kQuoted;
}

// The first claim of `group` in `document`, or UINT32_MAX.
uint32_t ClaimIn(const Reconciliation& r, uint32_t group, uint32_t document) {
  const ClaimGraph::Group& g = r.graph.groups[group];
  for (uint32_t i = g.first_claim; i < g.first_claim + g.num_claims; ++i) {
    if (r.corpus.claims[r.graph.claims[i]].document == document) return r.graph.claims[i];
  }
  return UINT32_MAX;
}

void InternalConflicts(const Reconciliation& r, const ReportModel& m,
                       ReportModel::Topic* t) {
  for (uint32_t q : t->questions) {
    if (QuestionTime(r, q) == TimeBehaviour::kObserved) continue;
    const ClaimGraph::Question& question = r.graph.questions[q];
    const absl::string_view predicate = r.corpus.str(question.predicate);
    const std::vector<uint32_t>& ranked = m.ranked_groups[q];
    std::vector<ReportModel::InternalConflict> found;
    for (size_t a = 0; a < ranked.size(); ++a) {
      for (size_t b = a + 1; b < ranked.size(); ++b) {
        if (r.graph.relation(question, ranked[a] - question.first_group,
                             ranked[b] - question.first_group) != Relation::kContradicts) {
          continue;
        }
        for (uint32_t d : t->documents) {
          const uint32_t ca = ClaimIn(r, ranked[a], d), cb = ClaimIn(r, ranked[b], d);
          if (ca == UINT32_MAX || cb == UINT32_MAX) continue;
          if (DifferentThings(r.corpus, r.corpus.claims[ca].frame,
                              r.corpus.claims[cb].frame, predicate) ||
              EarlierTollRestated(r, q, ca, cb)) {
            continue;
          }
          found.push_back({q, d, ca, cb});
        }
      }
    }
    std::stable_sort(found.begin(), found.end(), [&](const auto& x, const auto& y) {
      return r.corpus.str(r.corpus.documents[x.document].id) <
             r.corpus.str(r.corpus.documents[y.document].id);
    });
    t->internal_conflicts.insert(t->internal_conflicts.end(), found.begin(), found.end());
  }
}

void DocumentAccounts(const Reconciliation& r, ReportModel::Topic* t) {
  std::map<uint32_t, ReportModel::DocumentAccount> by_document;
  for (uint32_t q : t->questions) {
    const ClaimGraph::Question& question = r.graph.questions[q];
    for (uint32_t g = question.first_group; g < question.first_group + question.num_groups; ++g) {
      const bool agrees = GroupConsistentWithAnswer(r, q, g);
      const bool superseded = !agrees && GroupSuperseded(r, g);
      const ClaimGraph::Group& group = r.graph.groups[g];
      for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
        const uint32_t d = r.corpus.claims[r.graph.claims[i]].document;
        if (d >= r.corpus.documents.size()) continue;
        ReportModel::DocumentAccount& a = by_document[d];
        a.document = d;
        ++a.claims;
        a.agreeing += agrees;
        a.superseded += superseded;
        a.contradicting += !agrees && !superseded;
      }
    }
  }
  for (auto& [d, a] : by_document) {
    const uint32_t counted = a.claims - a.superseded;
    a.consistency = counted == 0 ? 1.0 : static_cast<double>(a.agreeing) / counted;
    t->accounts.push_back(a);
  }
  std::sort(t->accounts.begin(), t->accounts.end(), [&](const auto& x, const auto& y) {
    if (x.consistency != y.consistency) return x.consistency > y.consistency;
    if (x.claims != y.claims) return x.claims > y.claims;
    return r.corpus.str(r.corpus.documents[x.document].id) <
           r.corpus.str(r.corpus.documents[y.document].id);
  });
}

}  // namespace

bool GroupSuperseded(const Reconciliation& r, uint32_t group) {
  return group < r.solution.superseded.size() && r.solution.superseded[group] != 0;
}

TimeBehaviour QuestionTime(const Reconciliation& r, uint32_t question) {
  return question < r.solution.question_time.size() ? r.solution.question_time[question]
                                                    : TimeBehaviour::kTimeless;
}

std::vector<absl::CivilDay> GroupReportDays(const Reconciliation& r, uint32_t group) {
  std::vector<absl::CivilDay> days;
  const ClaimGraph::Group& g = r.graph.groups[group];
  for (uint32_t i = g.first_claim; i < g.first_claim + g.num_claims; ++i) {
    if (auto day = ReportDay(r.corpus, r.corpus.claims[r.graph.claims[i]])) days.push_back(*day);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

std::string SupersededText(const Reconciliation& r, const ReportModel& m, uint32_t question) {
  std::vector<std::string> parts;
  for (uint32_t g : m.ranked_groups[question]) {
    if (!GroupSuperseded(r, g)) continue;
    std::vector<std::string> days;
    for (absl::CivilDay d : GroupReportDays(r, g)) days.push_back(FormatDay(d));
    parts.push_back(absl::StrCat(r.corpus.values.Key(r.graph.groups[g].value), " reported ",
                                 absl::StrJoin(days, ", ")));
  }
  return absl::StrJoin(parts, "; ");
}

void BuildAccounts(const Reconciliation& r, ReportModel* m) {
  for (ReportModel::Topic& t : m->topics) {
    InternalConflicts(r, *m, &t);
    DocumentAccounts(r, &t);
  }
}

std::string SpokenValue(const Reconciliation& r, uint32_t question, uint32_t group) {
  const Value& v = r.corpus.values.Get(r.graph.groups[group].value);
  std::string key(r.corpus.values.key(v.key));
  if (v.kind != ValueKind::kNumber || v.has(Value::kDenied)) return key;
  std::string n = key;
  std::string said = key;
  if (absl::StartsWith(key, ">=")) {
    n = key.substr(2);
    said = n == "2" ? "several (\u22652)" : absl::StrCat("at least ", n, " (\u2265", n, ")");
  } else if (absl::StartsWith(key, "<=")) {
    n = key.substr(2);
    said = absl::StrCat("at most ", n, " (\u2264", n, ")");
  } else if (absl::StartsWith(key, "~")) {
    n = key.substr(1);
    said = absl::StrCat("about ", n, " (~", n, ")");
  }
  const ClaimGraph::Question& q = r.graph.questions[question];
  std::optional<std::string> item;
  if (r.corpus.str(q.predicate) == "count") item = SlotOf(r.corpus, FirstFrame(r, question), "item_class");
  if (!item || item->empty()) return said;
  const bool one = key == "1";
  return absl::StrCat(said, " ", one ? *item : Plural(*item));
}

// What makes claims one question, in words: "same delivery on 2022-08-09",
// "same attack on 2022-08-07" (a casualties figure names its event).
std::string SameEvent(const Reconciliation& r, uint32_t question) {
  const uint32_t frame = FirstFrame(r, question);
  if (frame == kNoFrame) return "";
  // The event a figure is about names it better than the template does:
  // "same attack", not "same casualties".
  const Frame& f = r.corpus.frames[frame];
  absl::string_view what = r.corpus.str(f.template_name);
  for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
    const FrameSlot& s = r.corpus.frame_slots[k];
    if (r.corpus.str(s.name) == "event" && s.value != kNoValue) what = r.corpus.values.Key(s.value);
  }
  std::string out = absl::StrCat("same ", what);
  if (r.corpus.str(r.graph.questions[question].predicate) != "date" &&
      !DateObserved(r, question)) {
    const std::string date = EventDate(r, question);
    if (!date.empty()) absl::StrAppend(&out, " on ", date);
  }
  return out;
}

std::string ConflictWhy(const Reconciliation& r, uint32_t question, uint32_t answer,
                        uint32_t rival) {
  const ClaimGraph::Question& q = r.graph.questions[question];
  const ClaimGraph& graph = r.graph;
  auto sources = [&](uint32_t g) { return GroupSources(r, g).size(); };
  const std::string same = SameEvent(r, question);
  std::string values;
  if (same.empty()) {
    Relation rel = graph.relation(q, answer - q.first_group, rival - q.first_group);
    values = ExplainRelation(r.corpus.values, graph.groups[answer].value,
                             graph.groups[rival].value, rel);
  } else {
    values = absl::StrCat(SpokenValue(r, question, answer), " vs ",
                          SpokenValue(r, question, rival), ", ", same);
  }
  return absl::StrCat(values, "; ", sources(answer), " source(s) vs ", sources(rival),
                      " source(s)");
}

std::string InternalWhy(const Reconciliation& r, const ReportModel::InternalConflict& c) {
  auto group_of = [&](uint32_t claim) {
    const ClaimGraph::Question& q = r.graph.questions[c.question];
    for (uint32_t g = q.first_group; g < q.first_group + q.num_groups; ++g) {
      const ClaimGraph::Group& group = r.graph.groups[g];
      for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
        if (r.graph.claims[i] == claim) return g;
      }
    }
    return q.first_group;
  };
  std::string same = SameEvent(r, c.question);
  return absl::StrCat(SpokenValue(r, c.question, group_of(c.first)), " vs ",
                      SpokenValue(r, c.question, group_of(c.second)), " in one document",
                      same.empty() ? "" : ", ", same);
}

}  // namespace crosscheck::internal
