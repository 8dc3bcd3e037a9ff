// The plain answers table: object, attribute, value, confidence, status.
#include <ostream>
#include <string>

#include "absl/strings/str_format.h"
#include "report/report_writers.h"

namespace crosscheck::internal {

std::string EscapeTsv(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

void WriteAnswers(const Reconciliation& r, const ReportModel& m, std::ostream* out) {
  std::string buffer = "object\tattribute\tvalue\tconfidence\tstatus\n";
  for (const ReportModel::Topic& t : m.topics) {
    for (uint32_t q : t.questions) {
      const ClaimGraph::Question& question = r.graph.questions[q];
      uint32_t answer = r.solution.answer[q];
      absl::StrAppendFormat(&buffer, "%s\t%s\t%s\t%.4f\t%s\n",
                            EscapeTsv(r.corpus.str(question.subject)),
                            EscapeTsv(r.corpus.str(question.predicate)),
                            EscapeTsv(AnswerText(r, q)),
                            r.solution.group_confidence[answer],
                            QuestionStatusName(r.solution.status[q]));
      if (buffer.size() > (1 << 20)) {
        out->write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.clear();
      }
    }
  }
  out->write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace crosscheck::internal
