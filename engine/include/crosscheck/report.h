// Reports: the JSON contract (documented field by field in README.md), a
// plain answers table, and Markdown and HTML renderings of the same report.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_REPORT_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "crosscheck/reconcile.h"

namespace crosscheck {

enum class ReportFormat : uint8_t { kJson, kMarkdown, kHtml, kAnswers };
// "json", "md", "html", "answers".
absl::string_view ReportFormatName(ReportFormat format);
bool ParseReportFormat(absl::string_view name, ReportFormat* format);

struct ReportOptions {
  ReportFormat format = ReportFormat::kJson;
  std::string rules_dir;  // echoed in the report's `tool` section
};

// Writes the report for `r` in `options.format` to `*out`, streaming (a
// report can be larger than memory is comfortable with). The bytes depend
// only on `r` and `options` (no clock, no host), so reports can be golden
// files. DataLoss if the stream fails.
absl::Status WriteReport(const Reconciliation& r, const ReportOptions& options,
                         std::ostream* out);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_REPORT_H_
