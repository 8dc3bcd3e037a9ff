// The JSON report: the contract documented field by field in README.md.
#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "crosscheck/report.h"
#include "ingest/utf8.h"
#include "rapidjson/ostreamwrapper.h"
#include "rapidjson/prettywriter.h"
#include "report/report_model.h"
#include "report/report_writers.h"

namespace crosscheck::internal {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

class JsonReport {
 public:
  JsonReport(const Reconciliation& r, const ReportModel& m,
             const ReportOptions& options, Writer* w)
      : r_(r), m_(m), options_(options), w_(*w) {}

  void Write() {
    w_.StartObject();
    Tool();
    Input();
    Sources();
    w_.Key("topics");
    w_.StartArray();
    for (const ReportModel::Topic& t : m_.topics) Topic(t);
    w_.EndArray();
    w_.EndObject();
  }

 private:
  void Str(absl::string_view s) {
    w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
  void Field(const char* key, absl::string_view value) {
    w_.Key(key);
    Str(value);
  }
  void Field(const char* key, uint64_t value) {
    w_.Key(key);
    w_.Uint64(value);
  }
  void Number(const char* key, double value) {
    w_.Key(key);
    w_.Double(value);
  }
  absl::string_view S(StringId id) const { return r_.corpus.str(id); }
  absl::string_view SourceName(uint32_t s) const { return S(r_.graph.sources[s]); }

  void Tool() {
    w_.Key("tool");
    w_.StartObject();
    Field("name", "crosscheck");
    Field("version", CROSSCHECK_VERSION);
    Field("report_format", 1);
    Field("method", MethodName(r_.solution.method));
    Field("iterations", static_cast<uint64_t>(r_.solution.iterations));
    w_.Key("converged");
    w_.Bool(r_.solution.converged);
    Field("rules", options_.rules_dir);
    w_.EndObject();
  }

  // "span": [begin, end].
  void SpanField(uint32_t begin, uint32_t end) {
    w_.Key("span");
    w_.StartArray();
    w_.Uint(begin);
    w_.Uint(end);
    w_.EndArray();
  }

  // The span of a claim from an article and the words it covers.
  void SpanAndQuote(const Claim& c) {
    SpanField(c.span_begin, c.span_end);
    const Document& doc = r_.corpus.documents[c.document];
    Field("quote", absl::string_view(doc.text).substr(c.span_begin, c.span_end - c.span_begin));
  }

  void Location(const InputLocation& l) {
    Field("file", r_.corpus.files.empty() ? "" : r_.corpus.files[l.file].path);
    Field("line", l.line);
    Field("column", l.column);
  }

  void Input() {
    const Corpus& c = r_.corpus;
    w_.Key("input");
    w_.StartObject();
    InputCounts totals = CountInput(c);
    w_.Key("counts");
    w_.StartObject();
    Field("files", c.files.size());
    Field("records", totals.records);
    Field("records_kept", totals.records_kept);
    Field("records_skipped", totals.records_skipped);
    Field("values_skipped", totals.values_skipped);
    Field("repaired", totals.repaired);
    Field("documents", c.documents.size());
    Field("claims", c.claims.size());
    w_.EndObject();
    w_.Key("files");
    w_.StartArray();
    for (const InputFile& f : c.files) {
      w_.StartObject();
      Field("path", f.path);
      Field("kind", InputKindName(f.kind));
      Field("bytes", f.bytes);
      Field("records", f.records);
      Field("records_kept", f.records_kept);
      Field("records_skipped", f.records_skipped);
      Field("documents", f.documents);
      Field("claims", f.claims);
      w_.EndObject();
    }
    w_.EndArray();
    Issues("skipped", [](IssueKind k) { return k != IssueKind::kRepaired; });
    Issues("repaired", [](IssueKind k) { return k == IssueKind::kRepaired; });
    w_.EndObject();
  }

  template <typename Pred>
  void Issues(const char* key, Pred keep) {
    w_.Key(key);
    w_.StartArray();
    for (const InputIssue& issue : r_.corpus.issues) {
      if (!keep(issue.kind)) continue;
      w_.StartObject();
      Location(issue.location);
      Field("kind", IssueKindName(issue.kind));
      Field("reason", issue.reason);
      Field("excerpt", issue.excerpt);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void SourceObject(uint32_t s) {
    const ReportModel::SourceStats& st = m_.source_stats[s];
    w_.StartObject();
    Field("id", SourceName(s));
    Number("reliability", r_.solution.source_reliability[s]);
    Field("claims", st.claims);
    Field("questions", st.questions);
    Number("consistency", st.claims ? double(st.consistent) / st.claims : 0.0);
    w_.Key("depends_on");
    w_.StartArray();
    for (const SourceDependence& d : DependenciesOf(r_, s)) {
      w_.StartObject();
      Field("source", d.on == kVirtualOrigin ? absl::string_view(d.origin) : SourceName(d.on));
      Number("probability", d.probability);
      Field("evidence", d.evidence);
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

  void Sources() {
    w_.Key("sources");
    w_.StartArray();
    for (uint32_t s : m_.sources_by_reliability) SourceObject(s);
    w_.EndArray();
  }

  void Topic(const ReportModel::Topic& t) {
    w_.StartObject();
    Field("id", t.id);
    Field("label", t.label);
    Documents(t);
    Entities(t);
    Questions(t);
    Claims(t);
    Edges(t);
    TopicSources(t);
    Account(t);
    DocumentAccounts(t);
    Conflicts(t);
    w_.EndObject();
  }

  // What text preparation cut from the document (boilerplate, reader
  // comments), with the rule that cut it and the first words cut.
  void Cuts(const Document& doc) {
    Field("cut_bytes", CutBytes(doc));
    w_.Key("cuts");
    w_.StartArray();
    for (const TextCut& k : doc.cuts) {
      w_.StartObject();
      SpanField(k.begin, k.end);
      Field("rule", S(k.rule));
      Field("excerpt",
            Utf8Excerpt(absl::string_view(doc.text).substr(k.begin, k.end - k.begin), 60));
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Entities(const ReportModel::Topic& t) {
    w_.Key("entities");
    w_.StartArray();
    for (uint32_t e : t.entities) {
      const Entity& entity = r_.resolution.entities[e];
      w_.StartObject();
      Field("name", entity.canonical);
      Field("key", entity.key);
      Field("type", EntityTypeName(entity.type));
      w_.Key("aliases");
      w_.StartArray();
      for (const SurfaceForm& f : entity.forms) {
        w_.StartObject();
        Field("text", f.text);
        Field("relation", SurfaceRelationName(f.relation));
        Number("confidence", f.confidence);
        Field("document", S(r_.corpus.documents[f.document].id));
        SpanField(f.span_begin, f.span_end);
        if (!f.evidence.empty()) Field("evidence", f.evidence);
        w_.EndObject();
      }
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Documents(const ReportModel::Topic& t) {
    w_.Key("documents");
    w_.StartArray();
    for (uint32_t d : t.documents) {
      const Document& doc = r_.corpus.documents[d];
      w_.StartObject();
      Field("id", S(doc.id));
      Field("source", S(doc.source));
      Field("title", doc.title);
      Field("url", S(doc.url));
      Field("lang", S(doc.lang));
      Field("published", doc.published ? FormatDay(*doc.published) : "");
      w_.Key("published_inferred");
      w_.Bool(doc.published_inferred);
      Field("bytes", doc.text.size());
      Cuts(doc);
      Location(doc.location);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void ClaimRefs(uint32_t group) {
    const ClaimGraph::Group& g = r_.graph.groups[group];
    w_.StartArray();
    for (uint32_t i = g.first_claim; i < g.first_claim + g.num_claims; ++i) {
      Str(ClaimRef(m_.claim_number[r_.graph.claims[i]]));
    }
    w_.EndArray();
  }

  void SourceRefs(uint32_t group) {
    w_.StartArray();
    for (uint32_t s : GroupSources(r_, group)) Str(SourceName(s));
    w_.EndArray();
  }

  void ValueObject(uint32_t q, uint32_t group) {
    w_.StartObject();
    Field("value", r_.corpus.values.Key(r_.graph.groups[group].value));
    Number("confidence", r_.solution.group_confidence[group]);
    Number("support", r_.solution.group_support[group]);
    w_.Key("consistent_with_answer");
    w_.Bool(GroupConsistentWithAnswer(r_, q, group));
    if (QuestionTime(r_, q) == TimeBehaviour::kGrows) {
      w_.Key("superseded");
      w_.Bool(GroupSuperseded(r_, group));
      w_.Key("reported");
      w_.StartArray();
      for (absl::CivilDay d : GroupReportDays(r_, group)) Str(FormatDay(d));
      w_.EndArray();
    }
    w_.Key("claims");
    ClaimRefs(group);
    w_.Key("sources");
    SourceRefs(group);
    w_.EndObject();
  }

  void Questions(const ReportModel::Topic& t) {
    w_.Key("questions");
    w_.StartArray();
    for (uint32_t q : t.questions) {
      const ClaimGraph::Question& question = r_.graph.questions[q];
      uint32_t answer = r_.solution.answer[q];
      w_.StartObject();
      Field("id", QuestionRef(m_.question_number[q]));
      Field("subject", S(question.subject));
      Field("predicate", S(question.predicate));
      Field("kind", ValueKindName(r_.corpus.values.Get(r_.graph.groups[answer].value).kind));
      Field("status", QuestionStatusName(r_.solution.status[q]));
      if (QuestionTime(r_, q) != TimeBehaviour::kTimeless) {
        Field("time", TimeBehaviourName(QuestionTime(r_, q)));
      }
      Field("answer", AnswerText(r_, q));
      Number("confidence", r_.solution.group_confidence[answer]);
      w_.Key("values");
      w_.StartArray();
      for (uint32_t g : m_.ranked_groups[q]) ValueObject(q, g);
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Claims(const ReportModel::Topic& t) {
    w_.Key("claims");
    w_.StartArray();
    for (uint32_t q : t.questions) {
      for (uint32_t g : m_.ranked_groups[q]) {
        const ClaimGraph::Group& group = r_.graph.groups[g];
        for (uint32_t i = group.first_claim; i < group.first_claim + group.num_claims; ++i) {
          ClaimObject(r_.graph.claims[i]);
        }
      }
    }
    w_.EndArray();
  }

  void ClaimObject(uint32_t index) {
    const Claim& c = r_.corpus.claims[index];
    const Value& v = r_.corpus.values.Get(c.value);
    w_.StartObject();
    Field("id", ClaimRef(m_.claim_number[index]));
    Field("source", S(c.source));
    Field("subject", S(c.subject));
    Field("predicate", S(c.predicate));
    Field("value", r_.corpus.values.key(v.key));
    Field("raw", S(c.raw_value));
    Field("kind", ValueKindName(v.kind));
    if (v.hedge != Hedge::kExact) Field("hedge", HedgeName(v.hedge));
    Field("modality", ModalityName(c.modality));
    if (c.as_of != kNoString) Field("as_of", S(c.as_of));
    Location(c.location);
    if (c.document != kNoDocument) {
      Field("document", S(r_.corpus.documents[c.document].id));
      SpanAndQuote(c);
    }
    w_.EndObject();
  }

  void Edge(uint32_t from, uint32_t to, EdgeKind kind, absl::string_view why) {
    w_.StartObject();
    Field("from", ClaimRef(m_.claim_number[from]));
    Field("to", ClaimRef(m_.claim_number[to]));
    Field("kind", EdgeKindName(kind));
    Field("why", why);
    w_.EndObject();
  }

  void Edges(const ReportModel::Topic& t) {
    w_.Key("edges");
    w_.StartArray();
    for (uint32_t q : t.questions) {
      for (const ReportEdge& e : QuestionEdges(r_, m_, q)) {
        Edge(e.from, e.to, e.kind, e.why);
      }
    }
    w_.EndArray();
  }

  void TopicSources(const ReportModel::Topic& t) {
    std::vector<uint32_t> sources;
    for (uint32_t q : t.questions) {
      const ClaimGraph::Question& question = r_.graph.questions[q];
      for (uint32_t g = question.first_group; g < question.first_group + question.num_groups; ++g) {
        for (uint32_t s : GroupSources(r_, g)) sources.push_back(s);
      }
    }
    std::sort(sources.begin(), sources.end(), [&](uint32_t a, uint32_t b) {
      return RankOf(a) < RankOf(b);
    });
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    w_.Key("sources");
    w_.StartArray();
    for (uint32_t s : sources) {
      w_.StartObject();
      Field("id", SourceName(s));
      Number("reliability", r_.solution.source_reliability[s]);
      w_.EndObject();
    }
    w_.EndArray();
  }

  size_t RankOf(uint32_t source) {
    if (rank_.empty()) {
      rank_.resize(m_.sources_by_reliability.size());
      for (size_t i = 0; i < rank_.size(); ++i) rank_[m_.sources_by_reliability[i]] = i;
    }
    return rank_[source];
  }

  void Account(const ReportModel::Topic& t) {
    w_.Key("account");
    w_.StartArray();
    for (uint32_t q : AccountOrder(r_, t)) {
      const ClaimGraph::Question& question = r_.graph.questions[q];
      uint32_t answer = r_.solution.answer[q];
      w_.StartObject();
      Field("question", QuestionRef(m_.question_number[q]));
      Field("statement", absl::StrCat(S(question.subject), " ", S(question.predicate), ": ",
                                      AnswerText(r_, q)));
      Number("confidence", r_.solution.group_confidence[answer]);
      Field("status", QuestionStatusName(r_.solution.status[q]));
      uint32_t best = BestEvidence(r_, answer);
      Field("evidence", ClaimRef(m_.claim_number[best]));
      Field("evidence_source", S(r_.corpus.claims[best].source));
      absl::string_view quote = EvidenceQuote(r_, best);
      if (!quote.empty()) Field("quote", quote);
      const std::string superseded = SupersededText(r_, m_, q);
      if (!superseded.empty()) Field("superseded", superseded);
      w_.EndObject();
    }
    w_.EndArray();
  }

  // The topic's documents ranked as accounts: how many of their claims agree
  // with the reconciled answers, superseded figures not counted against.
  void DocumentAccounts(const ReportModel::Topic& t) {
    w_.Key("accounts");
    w_.StartArray();
    for (const ReportModel::DocumentAccount& a : t.accounts) {
      const Document& doc = r_.corpus.documents[a.document];
      w_.StartObject();
      Field("document", S(doc.id));
      Field("source", S(doc.source));
      Field("claims", a.claims);
      Field("agreeing", a.agreeing);
      Field("superseded", a.superseded);
      Field("contradicting", a.contradicting);
      Number("consistency", a.consistency);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void InternalClaim(uint32_t claim) {
    const Claim& c = r_.corpus.claims[claim];
    w_.StartObject();
    Field("value", r_.corpus.values.Key(c.value));
    Field("claim", ClaimRef(m_.claim_number[claim]));
    SpanAndQuote(c);
    w_.EndObject();
  }

  // One document stating two incompatible values of one question.
  void InternalObject(const ReportModel::InternalConflict& c) {
    const ClaimGraph::Question& question = r_.graph.questions[c.question];
    w_.StartObject();
    Field("question", QuestionRef(m_.question_number[c.question]));
    Field("kind", "internal");
    Field("subject", S(question.subject));
    Field("predicate", S(question.predicate));
    Field("document", S(r_.corpus.documents[c.document].id));
    Field("why", InternalWhy(r_, c));
    w_.Key("values");
    w_.StartArray();
    InternalClaim(c.first);
    InternalClaim(c.second);
    w_.EndArray();
    w_.EndObject();
  }

  void Conflicts(const ReportModel::Topic& t) {
    w_.Key("conflicts");
    w_.StartArray();
    for (uint32_t q : t.questions) {
      if (r_.solution.status[q] != QuestionStatus::kConflict) continue;
      const ClaimGraph::Question& question = r_.graph.questions[q];
      uint32_t answer = r_.solution.answer[q];
      w_.StartObject();
      Field("question", QuestionRef(m_.question_number[q]));
      Field("kind", "value");
      Field("subject", S(question.subject));
      Field("predicate", S(question.predicate));
      Field("answer", AnswerText(r_, q));
      uint32_t rival = StrongestRival(r_, m_, q);
      Number("margin", r_.solution.group_confidence[answer] -
                           r_.solution.group_confidence[rival]);
      Field("why", ConflictWhy(r_, q, answer, rival));
      w_.Key("values");
      w_.StartArray();
      for (uint32_t g : m_.ranked_groups[q]) ValueObject(q, g);
      w_.EndArray();
      w_.EndObject();
    }
    for (const ReportModel::InternalConflict& c : t.internal_conflicts) InternalObject(c);
    for (const auto& [e, k] : t.misspellings) MisspellingObject(e, k);
    w_.EndArray();
  }

  // A name written differently from the entity it most likely is.
  void MisspellingObject(uint32_t e, uint32_t k) {
    const Entity& entity = r_.resolution.entities[e];
    const SurfaceForm& form = entity.forms[k];
    w_.StartObject();
    Field("kind", "misspelling");
    Field("entity", entity.canonical);
    Field("type", EntityTypeName(entity.type));
    Field("written", form.text);
    Field("document", S(r_.corpus.documents[form.document].id));
    SpanField(form.span_begin, form.span_end);
    Number("confidence", form.confidence);
    Field("why", MisspellingWhy(r_, entity, form));
    w_.EndObject();
  }

  const Reconciliation& r_;
  const ReportModel& m_;
  const ReportOptions& options_;
  Writer& w_;
  std::vector<size_t> rank_;
};

}  // namespace

void WriteJson(const Reconciliation& r, const ReportModel& m,
               const ReportOptions& options, std::ostream* out) {
  rapidjson::OStreamWrapper stream(*out);
  Writer writer(stream);
  writer.SetIndent(' ', 2);
  writer.SetMaxDecimalPlaces(4);
  JsonReport(r, m, options, &writer).Write();
  stream.Put('\n');
  stream.Flush();
}

}  // namespace crosscheck::internal
