#include "crosscheck/report.h"

#include "absl/status/status.h"
#include "report/report_model.h"
#include "report/report_writers.h"

namespace crosscheck {

absl::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson: return "json";
    case ReportFormat::kMarkdown: return "md";
    case ReportFormat::kHtml: return "html";
    case ReportFormat::kAnswers: return "answers";
  }
  return "unknown";
}

bool ParseReportFormat(absl::string_view name, ReportFormat* format) {
  for (ReportFormat f : {ReportFormat::kJson, ReportFormat::kMarkdown,
                         ReportFormat::kHtml, ReportFormat::kAnswers}) {
    if (ReportFormatName(f) == name) {
      *format = f;
      return true;
    }
  }
  return false;
}

absl::Status WriteReport(const Reconciliation& r, const ReportOptions& options,
                         std::ostream* out) {
  internal::ReportModel model = internal::BuildReportModel(r);
  switch (options.format) {
    case ReportFormat::kJson: internal::WriteJson(r, model, options, out); break;
    case ReportFormat::kMarkdown: internal::WriteMarkdown(r, model, options, out); break;
    case ReportFormat::kHtml: internal::WriteHtml(r, model, options, out); break;
    case ReportFormat::kAnswers: internal::WriteAnswers(r, model, out); break;
  }
  out->flush();
  if (!*out) return absl::DataLossError("writing the report failed");
  return absl::OkStatus();
}

}  // namespace crosscheck
