// The main job in one call: ingest, type, extract, build the claim graph and
// solve. The command line's `reconcile` is a thin wrapper over Reconcile().
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RECONCILE_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RECONCILE_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/ingest.h"
#include "crosscheck/resolve.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "crosscheck/value.h"

namespace crosscheck {

struct ReconcileOptions {
  std::vector<std::string> inputs;
  IngestOptions ingest;
  TypingOptions typing;
  SolveOptions solve;
  int threads = 1;  // copied into the stage options that take threads
  // Called after each stage with its name and a one-line summary, for
  // progress output; unset means silent.
  std::function<void(absl::string_view stage, absl::string_view summary)> progress;
};

// Everything a report is made from. Movable, not copyable.
struct Reconciliation {
  Corpus corpus;
  Resolution resolution;  // entities and events of the articles
  ClaimGraph graph;
  Solution solution;
};

// Runs every stage over `options.inputs`. Errors are those of Ingest (missing
// or unreadable inputs); bad records are not errors (see Corpus::issues).
// The result depends only on the inputs' content and paths, not their order
// or the thread count.
absl::StatusOr<Reconciliation> Reconcile(const Rules& rules,
                                         const ReconcileOptions& options);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RECONCILE_H_
