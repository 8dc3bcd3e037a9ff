// The command line of the `crosscheck` tool: parsing and running commands.
// Kept apart from main() so tests can drive it in-process.
#ifndef CROSSCHECK_CLI_COMMAND_LINE_H_
#define CROSSCHECK_CLI_COMMAND_LINE_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "crosscheck/evaluate.h"
#include "crosscheck/extract.h"
#include "crosscheck/reconcile.h"
#include "crosscheck/report.h"

namespace crosscheck::cli {

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;  // bad input or rules; the message names the place
inline constexpr int kExitUsage = 2;

struct Command {
  enum Kind { kHelp, kVersion, kReconcile, kRulesCheck, kScore, kExtract };
  Kind kind = kHelp;
  std::vector<std::string> inputs;
  std::string output;  // empty or "-": standard output
  ReportFormat format = ReportFormat::kJson;
  ExtractionFormat extract_format = ExtractionFormat::kJsonLines;  // `extract`
  std::string rules_dir;  // empty: DefaultRulesDir()
  ReconcileOptions reconcile;
  std::string gold;  // score: the gold table
  ScoreMode score_mode = ScoreMode::kExact;
  bool quiet = false;
  bool progress = false;  // set by Run's caller when stderr is a terminal
};

// Parses argv[1..]. InvalidArgument with a one-line message on a usage error
// (unknown flag, missing value, bad format or method name, no inputs).
absl::StatusOr<Command> ParseCommandLine(const std::vector<std::string>& args);

// Runs `command`, writing results to `out` (unless -o names a file) and
// messages to `err`. Returns the exit code.
int Run(const Command& command, std::ostream& out, std::ostream& err);

// Parses and runs; the whole of main().
int Main(int argc, char** argv);

// The --help text.
std::string Usage();

}  // namespace crosscheck::cli

#endif  // CROSSCHECK_CLI_COMMAND_LINE_H_
