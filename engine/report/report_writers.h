// The renderers of a ReportModel, one per format.
#ifndef CROSSCHECK_ENGINE_REPORT_REPORT_WRITERS_H_
#define CROSSCHECK_ENGINE_REPORT_REPORT_WRITERS_H_

#include <ostream>

#include "crosscheck/report.h"
#include "report/report_model.h"

namespace crosscheck::internal {

void WriteJson(const Reconciliation& r, const ReportModel& m,
               const ReportOptions& options, std::ostream* out);
void WriteAnswers(const Reconciliation& r, const ReportModel& m, std::ostream* out);
void WriteMarkdown(const Reconciliation& r, const ReportModel& m,
                   const ReportOptions& options, std::ostream* out);
void WriteHtml(const Reconciliation& r, const ReportModel& m,
               const ReportOptions& options, std::ostream* out);

// Tabs, newlines and backslashes escaped as \t, \n, \\ so a value is one TSV
// cell.
std::string EscapeTsv(absl::string_view s);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_REPORT_REPORT_WRITERS_H_
