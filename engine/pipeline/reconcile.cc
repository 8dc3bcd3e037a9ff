#include "crosscheck/reconcile.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "crosscheck/extract.h"
#include "crosscheck/resolve.h"

#include "internal/status_macros.h"
#include "solve/document_copies.h"
#include "solve/timeline.h"

namespace crosscheck {

absl::StatusOr<Reconciliation> Reconcile(const Rules& rules,
                                         const ReconcileOptions& options) {
  Reconciliation r;
  IngestOptions ingest = options.ingest;
  if (!ingest.is_null) {
    const ValueRules& values = rules.values();
    ingest.is_null = [&values](absl::string_view cell) { return values.IsNull(cell); };
  }
  ingest.threads = options.threads;
  auto progress = [&](absl::string_view stage, const std::string& summary) {
    if (options.progress) options.progress(stage, summary);
  };
  CROSSCHECK_RETURN_IF_ERROR(Ingest(options.inputs, ingest, &r.corpus));
  progress("ingest", absl::StrCat(r.corpus.files.size(), " files, ",
                                  r.corpus.documents.size(), " documents, ",
                                  r.corpus.claims.size(), " cells, ",
                                  r.corpus.issues.size(), " issues"));
  CanonicalizeOrder(&r.corpus);
  if (!r.corpus.documents.empty()) {
    ExtractStats stats;
    CROSSCHECK_RETURN_IF_ERROR(ExtractClaims(rules, ExtractOptions(), &r.corpus, &stats));
    ResolveStats resolved;
    CROSSCHECK_RETURN_IF_ERROR(ResolveEntities(rules, &r.corpus, &r.resolution, &resolved));
    // Claims from text join the canonical order.
    if (stats.claims > 0) CanonicalizeOrder(&r.corpus);
    progress("extract", absl::StrCat(stats.documents, " documents, ", stats.frames,
                                     " statements, ", stats.claims, " claims, ",
                                     stats.cut_bytes, " of ", stats.text_bytes,
                                     " bytes cut as boilerplate"));
    progress("resolve", absl::StrCat(resolved.mentions, " mentions, ", resolved.entities,
                                     " entities, ", resolved.slots_rewritten,
                                     " values rewritten, ", resolved.events, " events"));
  }
  CROSSCHECK_RETURN_IF_ERROR(TypeClaims(rules.values(), options.typing, &r.corpus));
  SortIssues(&r.corpus);
  progress("type", absl::StrCat(r.corpus.claims.size(), " claims, ",
                                r.corpus.values.size(), " distinct values"));
  CROSSCHECK_ASSIGN_OR_RETURN(r.graph, BuildClaimGraph(r.corpus));
  progress("graph", absl::StrCat(r.graph.questions.size(), " questions, ",
                                 r.graph.groups.size(), " value groups, ",
                                 r.graph.sources.size(), " sources"));
  SolveOptions solve = options.solve;
  solve.threads = options.threads;
  if (!r.corpus.documents.empty()) {
    std::vector<RuleProblem> problems;  // none: the rules were checked at load
    const auto wires = internal::WireMarkers::Compile(rules.rule_set(), &problems);
    for (SourceDependence& d :
         internal::DetectDocumentCopies(r.corpus, r.graph, *wires)) {
      solve.known_dependences.push_back(std::move(d));
    }
  }
  CROSSCHECK_ASSIGN_OR_RETURN(r.solution, Solve(r.graph, r.corpus.values, solve));
  {
    std::vector<RuleProblem> problems;  // none: the rules were checked at load
    const auto time = internal::TimeRules::Compile(rules.rule_set(), &problems);
    internal::ExplainByTime(*time, r.corpus, r.graph, &r.solution);
  }
  progress("solve", absl::StrCat(MethodName(r.solution.method), ", ",
                                 r.solution.iterations, " iterations",
                                 r.solution.converged ? "" : " (not converged)"));
  return r;
}

}  // namespace crosscheck
