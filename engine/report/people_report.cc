// Markdown and HTML: the same report for people. Both render one neutral
// document (headings, paragraphs, tables), so they always show the same facts.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/report_writers.h"

namespace crosscheck::internal {
namespace {

struct Block {
  enum Kind { kHeading, kParagraph, kTable } kind = kParagraph;
  int level = 0;                            // headings
  std::string text;                         // headings, paragraphs
  std::vector<std::string> header;          // tables
  std::vector<std::vector<std::string>> rows;
};

std::string Percent(double x) { return absl::StrFormat("%.1f%%", 100 * x); }
std::string Conf(double x) { return absl::StrFormat("%.3f", x); }

class PeopleDoc {
 public:
  PeopleDoc(const Reconciliation& r, const ReportModel& m) : r_(r), m_(m) {}

  std::vector<Block> Build() {
    Heading(1, "crosscheck report");
    Summary();
    Sources();
    for (const ReportModel::Topic& t : m_.topics) Topic(t);
    Skipped();
    return std::move(blocks_);
  }

 private:
  void Heading(int level, std::string text) {
    blocks_.push_back({Block::kHeading, level, std::move(text), {}, {}});
  }
  void Paragraph(std::string text) {
    blocks_.push_back({Block::kParagraph, 0, std::move(text), {}, {}});
  }
  Block& Table(std::vector<std::string> header) {
    blocks_.push_back({Block::kTable, 0, "", std::move(header), {}});
    return blocks_.back();
  }
  absl::string_view S(StringId id) const { return r_.corpus.str(id); }
  absl::string_view Key(uint32_t group) const {
    return r_.corpus.values.Key(r_.graph.groups[group].value);
  }

  void Summary() {
    InputCounts c = CountInput(r_.corpus);
    Paragraph(absl::StrCat(
        "Method ", MethodName(r_.solution.method), " (", r_.solution.iterations,
        " iterations", r_.solution.converged ? "" : ", not converged", "). Input: ",
        r_.corpus.files.size(), " files, ", c.records, " records (", c.records_kept,
        " kept, ", c.records_skipped, " skipped), ", r_.corpus.documents.size(),
        " documents, ", r_.corpus.claims.size(), " claims, ", c.values_skipped,
        " values skipped, ", c.repaired, " records repaired."));
  }

  void Sources() {
    if (m_.sources_by_reliability.empty()) return;
    Heading(2, "Sources");
    Block& t = Table({"source", "reliability", "claims", "consistency", "depends on"});
    for (uint32_t s : m_.sources_by_reliability) {
      const ReportModel::SourceStats& st = m_.source_stats[s];
      std::vector<std::string> deps;
      for (const SourceDependence& d : DependenciesOf(r_, s)) {
        deps.push_back(absl::StrCat((d.on == kVirtualOrigin ? absl::string_view(d.origin) : S(r_.graph.sources[d.on])), " (", Conf(d.probability), ")"));
      }
      t.rows.push_back({std::string(S(r_.graph.sources[s])),
                        Conf(r_.solution.source_reliability[s]), absl::StrCat(st.claims),
                        st.claims ? Percent(double(st.consistent) / st.claims) : "",
                        absl::StrJoin(deps, ", ")});
    }
  }

  void Topic(const ReportModel::Topic& topic) {
    Heading(2, absl::StrCat("Topic: ", topic.label));
    for (uint32_t d : topic.documents) {
      const Document& doc = r_.corpus.documents[d];
      const uint64_t cut = CutBytes(doc);
      Paragraph(absl::StrCat("Document ", S(doc.id), ": \"", doc.title, "\" (source ",
                             S(doc.source), ", published ",
                             doc.published ? FormatDay(*doc.published) : "unknown",
                             doc.published_dateline   ? " (from its dateline)"
                             : doc.published_inferred ? " (inferred from the text)"
                                                      : "",
                             cut ? absl::StrCat("; ", cut, " of ", doc.text.size(),
                                                " bytes cut as boilerplate or comments")
                                 : "",
                             ")"));
    }
    if (topic.questions.empty()) return;
    Heading(3, "Account");
    Block& t = Table({"question", "answer", "confidence", "status", "evidence"});
    for (uint32_t q : AccountOrder(r_, topic)) {
      const ClaimGraph::Question& question = r_.graph.questions[q];
      uint32_t answer = r_.solution.answer[q];
      uint32_t best = BestEvidence(r_, answer);
      const Claim& c = r_.corpus.claims[best];
      t.rows.push_back({absl::StrCat(QuestionRef(m_.question_number[q]), " ",
                                     S(question.subject), " ", S(question.predicate)),
                        AnswerText(r_, q), Conf(r_.solution.group_confidence[answer]),
                        std::string(QuestionStatusName(r_.solution.status[q])),
                        absl::StrCat(S(c.source), ": \"",
                                     EvidenceQuote(r_, best).empty() ? S(c.raw_value)
                                                                     : EvidenceQuote(r_, best),
                                     "\"")});
    }
    Superseded(topic);
    Accounts(topic);
    Entities(topic);
    Conflicts(topic);
  }

  // Earlier figures that later reports replaced, with their report days.
  void Superseded(const ReportModel::Topic& topic) {
    Block* t = nullptr;
    for (uint32_t q : topic.questions) {
      const std::string text = SupersededText(r_, m_, q);
      if (text.empty()) continue;
      if (t == nullptr) {
        Heading(3, "Figures superseded by later reports");
        t = &Table({"question", "answer", "superseded"});
      }
      t->rows.push_back({absl::StrCat(QuestionRef(m_.question_number[q]), " ",
                                      S(r_.graph.questions[q].subject), " ",
                                      S(r_.graph.questions[q].predicate)),
                         AnswerText(r_, q), text});
    }
  }

  // The documents ranked by how consistent they are with the account.
  void Accounts(const ReportModel::Topic& topic) {
    if (topic.accounts.empty()) return;
    Heading(3, "Documents as accounts");
    Block& t = Table({"document", "source", "claims", "agreeing", "superseded",
                      "contradicting", "consistency"});
    for (const ReportModel::DocumentAccount& a : topic.accounts) {
      const Document& doc = r_.corpus.documents[a.document];
      t.rows.push_back({std::string(S(doc.id)), std::string(S(doc.source)),
                        absl::StrCat(a.claims), absl::StrCat(a.agreeing),
                        absl::StrCat(a.superseded), absl::StrCat(a.contradicting),
                        Percent(a.consistency)});
    }
  }

  void Conflicts(const ReportModel::Topic& topic) {
    bool any = false;
    for (uint32_t q : topic.questions) {
      if (r_.solution.status[q] != QuestionStatus::kConflict) continue;
      if (!any) {
        Heading(3, "Conflicts");
        any = true;
      }
      uint32_t answer = r_.solution.answer[q];
      uint32_t rival = StrongestRival(r_, m_, q);
      Paragraph(absl::StrCat(QuestionRef(m_.question_number[q]), " ",
                             S(r_.graph.questions[q].subject), " ",
                             S(r_.graph.questions[q].predicate), ": ",
                             ConflictWhy(r_, q, answer, rival), "."));
      Block& t = Table({"value", "confidence", "sources"});
      for (uint32_t g : m_.ranked_groups[q]) {
        std::vector<std::string> names;
        for (uint32_t s : GroupSources(r_, g)) names.emplace_back(S(r_.graph.sources[s]));
        t.rows.push_back({std::string(Key(g)), Conf(r_.solution.group_confidence[g]),
                          absl::StrJoin(names, ", ")});
      }
    }
    for (const ReportModel::InternalConflict& c : topic.internal_conflicts) {
      if (!any) {
        Heading(3, "Conflicts");
        any = true;
      }
      Paragraph(absl::StrCat("Internal: ", QuestionRef(m_.question_number[c.question]), " in ",
                             S(r_.corpus.documents[c.document].id), ": ", InternalWhy(r_, c),
                             " (\"", EvidenceQuote(r_, c.first), "\" / \"",
                             EvidenceQuote(r_, c.second), "\")."));
    }
    for (const auto& [e, k] : topic.misspellings) {
      if (!any) {
        Heading(3, "Conflicts");
        any = true;
      }
      const Entity& entity = r_.resolution.entities[e];
      Paragraph(absl::StrCat("Name: ", MisspellingWhy(r_, entity, entity.forms[k]), "."));
    }
  }

  // Entities named more than one way, with how each form relates.
  void Entities(const ReportModel::Topic& topic) {
    Block* t = nullptr;
    for (uint32_t e : topic.entities) {
      const Entity& entity = r_.resolution.entities[e];
      std::vector<std::string> forms;
      for (const SurfaceForm& f : entity.forms) {
        if (f.relation == SurfaceRelation::kExact) continue;
        std::string form = absl::StrCat("\"", f.text, "\" (", SurfaceRelationName(f.relation), ")");
        if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
      }
      if (forms.empty()) continue;
      if (t == nullptr) {
        Heading(3, "Entities named more than one way");
        t = &Table({"entity", "type", "also written"});
      }
      t->rows.push_back({entity.canonical, std::string(EntityTypeName(entity.type)),
                         absl::StrJoin(forms, ", ")});
    }
  }

  void Skipped() {
    if (r_.corpus.issues.empty()) return;
    Heading(2, "Input not used as is");
    Block& t = Table({"where", "what", "reason", "excerpt"});
    for (const InputIssue& issue : r_.corpus.issues) {
      const InputLocation& l = issue.location;
      t.rows.push_back({absl::StrCat(r_.corpus.files[l.file].path, ":", l.line, ":", l.column),
                        std::string(IssueKindName(issue.kind)), issue.reason, issue.excerpt});
    }
  }

  const Reconciliation& r_;
  const ReportModel& m_;
  std::vector<Block> blocks_;
};

std::string MarkdownCell(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out += c;
  }
  return out;
}

std::string HtmlEscape(absl::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr absl::string_view kStyle =
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;"
    "color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;"
    "vertical-align:top}th{background:#f3f3f3}h2{border-bottom:1px solid #ddd}";

}  // namespace

void WriteMarkdown(const Reconciliation& r, const ReportModel& m,
                   const ReportOptions& options, std::ostream* out) {
  for (const Block& b : PeopleDoc(r, m).Build()) {
    switch (b.kind) {
      case Block::kHeading: *out << std::string(b.level, '#') << ' ' << b.text << "\n\n"; break;
      case Block::kParagraph: *out << b.text << "\n\n"; break;
      case Block::kTable: {
        std::vector<std::string> cells;
        for (const std::string& h : b.header) cells.push_back(MarkdownCell(h));
        *out << "| " << absl::StrJoin(cells, " | ") << " |\n|"
             << absl::StrJoin(std::vector<std::string>(b.header.size(), "---"), "|") << "|\n";
        for (const auto& row : b.rows) {
          cells.clear();
          for (const std::string& c : row) cells.push_back(MarkdownCell(c));
          *out << "| " << absl::StrJoin(cells, " | ") << " |\n";
        }
        *out << '\n';
        break;
      }
    }
  }
}

void WriteHtml(const Reconciliation& r, const ReportModel& m,
               const ReportOptions& options, std::ostream* out) {
  *out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<title>crosscheck report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  for (const Block& b : PeopleDoc(r, m).Build()) {
    switch (b.kind) {
      case Block::kHeading:
        *out << "<h" << b.level << '>' << HtmlEscape(b.text) << "</h" << b.level << ">\n";
        break;
      case Block::kParagraph: *out << "<p>" << HtmlEscape(b.text) << "</p>\n"; break;
      case Block::kTable:
        *out << "<table>\n<tr>";
        for (const std::string& h : b.header) *out << "<th>" << HtmlEscape(h) << "</th>";
        *out << "</tr>\n";
        for (const auto& row : b.rows) {
          *out << "<tr>";
          for (const std::string& c : row) *out << "<td>" << HtmlEscape(c) << "</td>";
          *out << "</tr>\n";
        }
        *out << "</table>\n";
        break;
    }
  }
  *out << "</body>\n</html>\n";
}

}  // namespace crosscheck::internal
