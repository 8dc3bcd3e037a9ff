#include "report/report_model.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace crosscheck::internal {

std::string ClaimRef(uint32_t number) { return absl::StrCat("c", number); }
std::string QuestionRef(uint32_t number) { return absl::StrCat("q", number); }

bool GroupConsistentWithAnswer(const Reconciliation& r, uint32_t question,
                               uint32_t group) {
  const ClaimGraph::Question& q = r.graph.questions[question];
  uint32_t answer = r.solution.answer[question];
  if (group == answer || QuestionTime(r, question) == TimeBehaviour::kObserved) return true;
  return Compatible(r.graph.relation(q, answer - q.first_group, group - q.first_group));
}

namespace {

// The misspelled forms of a topic's entities that occur inside a statement
// the topic's claims come from, so each finding shows where it matters.
void TopicMisspellings(const Reconciliation& r, ReportModel::Topic* t) {
  absl::flat_hash_set<uint32_t> frames;
  for (uint32_t q : t->questions) {
    const ClaimGraph::Question& question = r.graph.questions[q];
    for (uint32_t g = question.first_group; g < question.first_group + question.num_groups; ++g) {
      const ClaimGraph::Group& group = r.graph.groups[g];
      for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
        uint32_t frame = r.corpus.claims[r.graph.claims[i]].frame;
        if (frame != kNoFrame) frames.insert(frame);
      }
    }
  }
  for (uint32_t e : t->entities) {
    const Entity& entity = r.resolution.entities[e];
    for (uint32_t k = 0; k < entity.forms.size(); ++k) {
      const SurfaceForm& form = entity.forms[k];
      if (form.relation != SurfaceRelation::kMisspelling) continue;
      bool here = std::any_of(entity.frames.begin(), entity.frames.end(), [&](uint32_t f) {
        const Frame& frame = r.corpus.frames[f];
        if (!frames.contains(f) || frame.document != form.document) return false;
        if (frame.sentence_begin <= form.span_begin && form.span_end <= frame.sentence_end) {
          return true;
        }
        for (uint32_t i = frame.slots_begin; i < frame.slots_end; ++i) {
          const FrameSlot& slot = r.corpus.frame_slots[i];
          if (slot.span_begin <= form.span_begin && form.span_end <= slot.span_end) return true;
        }
        return false;
      });
      if (here) t->misspellings.emplace_back(e, k);
    }
  }
}

// The entities each topic's claims (through their frames) or documents name.
void TopicEntities(const Reconciliation& r, ReportModel* m) {
  const std::vector<Entity>& entities = r.resolution.entities;
  if (entities.empty()) return;
  std::vector<std::vector<uint32_t>> by_frame(r.corpus.frames.size());
  std::vector<std::vector<uint32_t>> by_document(r.corpus.documents.size());
  for (uint32_t e = 0; e < entities.size(); ++e) {
    for (uint32_t f : entities[e].frames) by_frame[f].push_back(e);
    for (const SurfaceForm& s : entities[e].forms) {
      if (s.document < by_document.size() &&
          (by_document[s.document].empty() || by_document[s.document].back() != e)) {
        by_document[s.document].push_back(e);
      }
    }
  }
  for (ReportModel::Topic& t : m->topics) {
    std::vector<uint32_t> found;
    for (uint32_t d : t.documents) {
      found.insert(found.end(), by_document[d].begin(), by_document[d].end());
    }
    for (uint32_t q : t.questions) {
      const ClaimGraph::Question& question = r.graph.questions[q];
      for (uint32_t g = question.first_group; g < question.first_group + question.num_groups; ++g) {
        const ClaimGraph::Group& group = r.graph.groups[g];
        for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
          uint32_t frame = r.corpus.claims[r.graph.claims[i]].frame;
          if (frame != kNoFrame) found.insert(found.end(), by_frame[frame].begin(), by_frame[frame].end());
        }
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    t.entities = std::move(found);
    TopicMisspellings(r, &t);
  }
}

}  // namespace

std::string MisspellingWhy(const Reconciliation& r, const Entity& entity,
                           const SurfaceForm& form) {
  size_t others = 0;
  for (const SurfaceForm& f : entity.forms) others += f.relation != SurfaceRelation::kMisspelling;
  std::string why = absl::StrCat("\"", form.text, "\" in ",
                                 r.corpus.str(r.corpus.documents[form.document].id),
                                 " is likely a misspelling of ", entity.canonical);
  if (others > 0) {
    absl::StrAppend(&why, " (written so ", others, " time", others == 1 ? "" : "s", ")");
  }
  if (!form.evidence.empty()) absl::StrAppend(&why, ": ", form.evidence);
  return why;
}

namespace {

// Per document, its topic id: its metadata topic, else the id of the first
// document (by id) of its story, else its own id.
std::vector<std::string> DocumentTopics(const Reconciliation& r) {
  const Corpus& corpus = r.corpus;
  const std::vector<uint32_t>& story = r.resolution.document_story;
  std::vector<std::string> first(corpus.documents.size());
  std::vector<std::string> topic(corpus.documents.size());
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    if (!corpus.str(doc.topic).empty() || d >= story.size()) continue;
    std::string& f = first[story[d]];
    absl::string_view id = corpus.str(doc.id);
    if (f.empty() || id < f) f = std::string(id);
  }
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    if (!corpus.str(doc.topic).empty()) {
      topic[d] = std::string(corpus.str(doc.topic));
    } else if (d < story.size()) {
      topic[d] = first[story[d]];
    } else {
      topic[d] = std::string(corpus.str(doc.id));
    }
  }
  return topic;
}

std::string QuestionTopic(const Reconciliation& r, const std::vector<std::string>& doc_topic,
                          uint32_t q) {
  const ClaimGraph::Question& question = r.graph.questions[q];
  std::map<absl::string_view, uint32_t> votes;
  for (uint32_t g = question.first_group; g < question.first_group + question.num_groups; ++g) {
    const ClaimGraph::Group& group = r.graph.groups[g];
    for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
      uint32_t d = r.corpus.claims[r.graph.claims[i]].document;
      if (d < doc_topic.size()) ++votes[doc_topic[d]];
    }
  }
  if (votes.empty()) return std::string(r.corpus.str(question.subject));
  auto best = votes.begin();  // ties: the smaller id
  for (auto it = votes.begin(); it != votes.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return std::string(best->first);
}

}  // namespace

ReportModel BuildReportModel(const Reconciliation& r) {
  const Corpus& corpus = r.corpus;
  const ClaimGraph& graph = r.graph;
  const Solution& solution = r.solution;
  ReportModel m;

  // Topics. An article's topic is its `topic` metadata, else its story
  // (resolution: the articles that share dated events), named by the story's
  // first document id and labelled with the title of its article with the
  // most claims. A question belongs to the topic most of its claims'
  // articles are in (ties: the smaller id); a table question to its subject.
  std::vector<std::string> doc_topic = DocumentTopics(r);
  std::map<std::string, ReportModel::Topic> topics;
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    ReportModel::Topic& t = topics[doc_topic[d]];
    t.id = doc_topic[d];
    t.documents.push_back(d);
  }
  std::vector<uint32_t> claims_of(corpus.documents.size(), 0);
  for (const Claim& c : corpus.claims) {
    if (c.document < claims_of.size()) ++claims_of[c.document];
  }
  for (auto& [id, t] : topics) {
    uint32_t best = t.documents[0];
    for (uint32_t d : t.documents) {
      if (claims_of[d] > claims_of[best]) best = d;  // ties: the first by id
    }
    const Document& doc = corpus.documents[best];
    bool named = !corpus.str(doc.topic).empty();
    t.label = named || doc.title.empty() ? id : doc.title;
  }
  for (uint32_t q = 0; q < graph.questions.size(); ++q) {
    std::string id = QuestionTopic(r, doc_topic, q);
    ReportModel::Topic& t = topics[id];
    if (t.id.empty()) {
      t.id = id;
      t.label = id;
    }
    t.questions.push_back(q);
  }
  for (auto& [id, topic] : topics) m.topics.push_back(std::move(topic));

  // Numbering in report order: topic, question, ranked group, claim.
  m.claim_number.assign(corpus.claims.size(), 0);
  m.question_number.assign(graph.questions.size(), 0);
  m.ranked_groups.resize(graph.questions.size());
  uint32_t next_claim = 0, next_question = 0;
  for (const ReportModel::Topic& t : m.topics) {
    for (uint32_t q : t.questions) {
      m.question_number[q] = ++next_question;
      const ClaimGraph::Question& question = graph.questions[q];
      std::vector<uint32_t>& ranked = m.ranked_groups[q];
      ranked.resize(question.num_groups);
      std::iota(ranked.begin(), ranked.end(), question.first_group);
      std::sort(ranked.begin(), ranked.end(), [&](uint32_t a, uint32_t b) {
        if (a == solution.answer[q] || b == solution.answer[q]) {
          return a == solution.answer[q] && b != a;
        }
        double ca = solution.group_confidence[a], cb = solution.group_confidence[b];
        if (ca != cb) return ca > cb;
        return corpus.values.Key(graph.groups[a].value) <
               corpus.values.Key(graph.groups[b].value);
      });
      for (uint32_t g : ranked) {
        const ClaimGraph::Group& group = graph.groups[g];
        for (uint32_t i = 0; i < group.num_claims; ++i) {
          m.claim_number[graph.claims[group.first_claim + i]] = ++next_claim;
        }
      }
    }
  }

  TopicEntities(r, &m);

  // Source statistics.
  m.source_stats.resize(graph.sources.size());
  for (uint32_t q = 0; q < graph.questions.size(); ++q) {
    const ClaimGraph::Question& question = graph.questions[q];
    absl::flat_hash_set<uint32_t> answered;
    for (uint32_t g = question.first_group; g < question.first_group + question.num_groups; ++g) {
      const ClaimGraph::Group& group = graph.groups[g];
      bool consistent = GroupConsistentWithAnswer(r, q, g);
      for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
        ReportModel::SourceStats& s = m.source_stats[graph.claim_source[i]];
        ++s.claims;
        if (consistent) ++s.consistent;
        if (answered.insert(graph.claim_source[i]).second) ++s.questions;
      }
    }
  }
  m.sources_by_reliability.resize(graph.sources.size());
  std::iota(m.sources_by_reliability.begin(), m.sources_by_reliability.end(), 0);
  std::sort(m.sources_by_reliability.begin(), m.sources_by_reliability.end(),
            [&](uint32_t a, uint32_t b) {
              double ra = solution.source_reliability[a];
              double rb = solution.source_reliability[b];
              if (ra != rb) return ra > rb;
              return corpus.str(graph.sources[a]) < corpus.str(graph.sources[b]);
            });
  BuildAccounts(r, &m);
  return m;
}

}  // namespace crosscheck::internal

namespace crosscheck::internal {

InputCounts CountInput(const Corpus& corpus) {
  InputCounts c;
  for (const InputFile& f : corpus.files) {
    c.records += f.records;
    c.records_kept += f.records_kept;
    c.records_skipped += f.records_skipped;
  }
  for (const InputIssue& issue : corpus.issues) {
    if (issue.kind == IssueKind::kSkippedValue) ++c.values_skipped;
    if (issue.kind == IssueKind::kRepaired) ++c.repaired;
  }
  return c;
}

std::vector<uint32_t> GroupSources(const Reconciliation& r, uint32_t group) {
  const ClaimGraph::Group& g = r.graph.groups[group];
  std::vector<uint32_t> sources(r.graph.claim_source.begin() + g.first_claim,
                                r.graph.claim_source.begin() + g.first_claim + g.num_claims);
  // Graph sources are numbered in name order, so numeric order is name order.
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  return sources;
}

std::vector<SourceDependence> DependenciesOf(const Reconciliation& r,
                                            uint32_t source) {
  std::vector<SourceDependence> out;
  for (const SourceDependence& d : r.solution.dependencies) {
    if (d.source == source) out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const SourceDependence& a, const SourceDependence& b) {
    if (a.probability != b.probability) return a.probability > b.probability;
    return a.on < b.on;
  });
  return out;
}

std::vector<ReportEdge> QuestionEdges(const Reconciliation& r,
                                      const ReportModel& m, uint32_t question) {
  const ClaimGraph& graph = r.graph;
  const ClaimGraph::Question& q = graph.questions[question];
  const std::vector<uint32_t>& ranked = m.ranked_groups[question];
  std::vector<ReportEdge> edges;
  for (uint32_t g : ranked) {
    const ClaimGraph::Group& group = graph.groups[g];
    uint32_t head = graph.claims[group.first_claim];
    for (uint32_t i = 1; i < group.num_claims; ++i) {
      edges.push_back({graph.claims[group.first_claim + i], head, EdgeKind::kAgrees,
                       "same value"});
    }
  }
  for (size_t a = 0; a < ranked.size(); ++a) {
    for (size_t b = a + 1; b < ranked.size(); ++b) {
      uint32_t ga = ranked[a], gb = ranked[b];
      Relation rel = graph.relation(q, ga - q.first_group, gb - q.first_group);
      ValueId va = graph.groups[ga].value, vb = graph.groups[gb].value;
      std::string why = ExplainRelation(r.corpus.values, va, vb, rel);
      const bool observed = QuestionTime(r, question) == TimeBehaviour::kObserved;
      if (!Compatible(rel) && observed) {
        absl::StrAppend(&why, "; both held, seen at different times");
      } else if (!Compatible(rel) && (GroupSuperseded(r, ga) || GroupSuperseded(r, gb))) {
        absl::StrAppend(&why, "; the lower figure was reported earlier and superseded");
      }
      edges.push_back({graph.claims[graph.groups[ga].first_claim],
                       graph.claims[graph.groups[gb].first_claim],
                       Compatible(rel) || observed ? EdgeKind::kCompatible
                                                   : EdgeKind::kContradicts,
                       std::move(why)});
    }
  }
  return edges;
}

std::vector<uint32_t> AccountOrder(const Reconciliation& r,
                                   const ReportModel::Topic& topic) {
  std::vector<uint32_t> order = topic.questions;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return r.solution.group_confidence[r.solution.answer[a]] >
           r.solution.group_confidence[r.solution.answer[b]];
  });
  return order;
}

uint32_t BestEvidence(const Reconciliation& r, uint32_t group) {
  const ClaimGraph::Group& g = r.graph.groups[group];
  uint32_t best = g.first_claim;
  for (uint32_t i = g.first_claim + 1; i < g.first_claim + g.num_claims; ++i) {
    if (r.solution.source_reliability[r.graph.claim_source[i]] >
        r.solution.source_reliability[r.graph.claim_source[best]]) {
      best = i;
    }
  }
  return r.graph.claims[best];
}

uint32_t StrongestRival(const Reconciliation& r, const ReportModel& m,
                        uint32_t question) {
  const ClaimGraph::Question& q = r.graph.questions[question];
  uint32_t answer = r.solution.answer[question];
  for (uint32_t g : m.ranked_groups[question]) {
    if (g == answer || GroupSuperseded(r, g)) continue;
    if (!Compatible(r.graph.relation(q, answer - q.first_group, g - q.first_group))) return g;
  }
  return answer;
}

std::string AnswerText(const Reconciliation& r, uint32_t question) {
  const ValueStore& values = r.corpus.values;
  const ClaimGraph::Question& q = r.graph.questions[question];
  const uint32_t answer = r.solution.answer[question];
  const Value& a = values.Get(r.graph.groups[answer].value);
  if (a.kind != ValueKind::kDateTime || a.has(Value::kHasUtcOffset) ||
      !a.has(Value::kHasDate) || !a.has(Value::kHasTime)) {
    return std::string(values.key(a.key));
  }
  uint32_t best = answer;
  for (uint32_t g = q.first_group; g < q.first_group + q.num_groups; ++g) {
    const Value& v = values.Get(r.graph.groups[g].value);
    if (v.kind != ValueKind::kDateTime || !v.has(Value::kHasUtcOffset) ||
        v.lo != a.lo || v.hi != a.hi) {
      continue;
    }
    if (best == answer) {
      best = g;
      continue;
    }
    double cg = r.solution.group_confidence[g], cb = r.solution.group_confidence[best];
    if (cg > cb || (cg == cb && values.key(v.key) < values.Key(r.graph.groups[best].value))) {
      best = g;
    }
  }
  return std::string(values.Key(r.graph.groups[best].value));
}

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::string_view EvidenceQuote(const Reconciliation& r, uint32_t claim) {
  const Claim& c = r.corpus.claims[claim];
  if (c.document >= r.corpus.documents.size()) return {};
  const std::string& text = r.corpus.documents[c.document].text;
  if (c.span_end > text.size() || c.span_begin >= c.span_end) return {};
  return absl::string_view(text).substr(c.span_begin, c.span_end - c.span_begin);
}

}  // namespace crosscheck::internal
