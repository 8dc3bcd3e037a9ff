#include "cli/command_line.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "crosscheck/ingest.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "crosscheck/value.h"

namespace crosscheck::cli {
namespace {

absl::Status Usage(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

// "key=value" for --map and --type.
absl::Status SplitAssignment(absl::string_view flag, absl::string_view arg,
                             std::string* key, std::string* value) {
  std::pair<std::string, std::string> kv = absl::StrSplit(arg, absl::MaxSplits('=', 1));
  if (kv.first.empty() || kv.second.empty() || arg.find('=') == absl::string_view::npos) {
    return Usage(absl::StrCat(flag, " takes NAME=VALUE, got \"", arg, "\""));
  }
  *key = kv.first;
  *value = kv.second;
  return absl::OkStatus();
}

// Applies one flag with its value to `c`.
absl::Status ApplyFlag(absl::string_view flag, absl::string_view value, Command* c) {
  if (flag == "-o" || flag == "--output") {
    c->output = std::string(value);
  } else if (flag == "--format" && c->kind == Command::kExtract) {
    if (!ParseExtractionFormat(value, &c->extract_format)) {
      return Usage(absl::StrCat("--format must be jsonl or json for extract, got \"", value, "\""));
    }
  } else if (c->kind == Command::kExtract && flag != "--rules" && flag != "--threads" &&
             flag != "--max-line-bytes") {
    return Usage(absl::StrCat(flag, " does not apply to extract (see crosscheck --help)"));
  } else if (flag == "--format") {
    if (!ParseReportFormat(value, &c->format)) {
      return Usage(absl::StrCat("--format must be json, md, html or answers, got \"", value, "\""));
    }
  } else if (flag == "--rules") {
    c->rules_dir = std::string(value);
  } else if (flag == "--method") {
    if (!ParseMethod(value, &c->reconcile.solve.method)) {
      return Usage(absl::StrCat("unknown --method \"", value,
                                "\" (crosscheck, vote, truthfinder, investment, "
                                "pooled-investment, accu)"));
    }
  } else if (flag == "--map") {
    std::string key, column;
    if (auto s = SplitAssignment(flag, value, &key, &column); !s.ok()) return s;
    c->reconcile.ingest.column_map[key] = column;
  } else if (flag == "--type") {
    std::string attribute, kind_name;
    if (auto s = SplitAssignment(flag, value, &attribute, &kind_name); !s.ok()) return s;
    ValueKind kind;
    if (!ParseValueKind(kind_name, &kind)) {
      return Usage(absl::StrCat("--type ", attribute, "=", kind_name,
                                ": kind must be text, number, datetime, code or names"));
    }
    c->reconcile.typing.kinds[attribute] = kind;
  } else if (flag == "--threads") {
    int n;
    if (!absl::SimpleAtoi(value, &n) || n < 1 || n > 256) {
      return Usage(absl::StrCat("--threads must be a whole number from 1 to 256, got \"", value, "\""));
    }
    c->reconcile.threads = n;
  } else if (flag == "--max-iterations") {
    int n;
    if (!absl::SimpleAtoi(value, &n) || n < 1) {
      return Usage(absl::StrCat("--max-iterations must be a positive whole number, got \"", value, "\""));
    }
    c->reconcile.solve.max_iterations = n;
  } else if (flag == "--gold") {
    c->gold = std::string(value);
  } else if (flag == "--mode") {
    if (!ParseScoreMode(value, &c->score_mode)) {
      return Usage(absl::StrCat("--mode must be exact or surnames, got \"", value, "\""));
    }
  } else if (flag == "--max-line-bytes") {
    size_t n;
    if (!absl::SimpleAtoi(value, &n) || n < 16) {
      return Usage(absl::StrCat("--max-line-bytes must be a whole number >= 16, got \"", value, "\""));
    }
    c->reconcile.ingest.max_line_bytes = n;
  } else {
    return Usage(absl::StrCat("unknown flag ", flag, " (see crosscheck --help)"));
  }
  return absl::OkStatus();
}

bool TakesValue(absl::string_view flag) {
  static const char* const kFlags[] = {"-o", "--output", "--format", "--rules", "--method",
                                       "--map", "--type", "--threads", "--max-iterations",
                                       "--max-line-bytes", "--gold", "--mode"};
  for (const char* f : kFlags) {
    if (flag == f) return true;
  }
  return false;
}

int DefaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(std::min(n, 8u));
}

}  // namespace

std::string Usage() {
  return R"(crosscheck: cross-source fact reconciliation

Usage:
  crosscheck reconcile INPUT... [-o FILE] [--format json|md|html|answers]
                       [--rules DIR] [--method METHOD] [--map FIELD=COLUMN]...
                       [--type ATTRIBUTE=KIND]... [--threads N] [--quiet]
  crosscheck extract INPUT... [-o FILE] [--format jsonl|json] [--rules DIR]
  crosscheck score INPUT... --gold FILE [--mode exact|surnames] [reconcile options]
  crosscheck rules check [DIR]
  crosscheck --help | --version

extract writes the statements found in articles, one per line (jsonl) or
grouped by document with what was cut from each (json), with their evidence.

INPUT is a file or a directory of articles (.txt), JSON Lines (.jsonl) of
documents or claims, or claim tables (.csv, .tsv); "-" reads standard input.

Options:
  -o, --output FILE     write the report to FILE (default: standard output)
  --format F            json (default), md, html, or answers (TSV table)
  --rules DIR           rule packs (default: $CROSSCHECK_RULES or the built-in rules/)
  --method M            crosscheck (default), vote, truthfinder, investment,
                        pooled-investment, accu
  --map FIELD=COLUMN    read FIELD (source, object, attribute, value) from COLUMN
  --type ATTR=KIND      type ATTR's values as text, number, datetime, code or names
  --threads N           worker threads (default: cores, at most 8); results do
                        not depend on it
  --max-iterations N    solver iteration cap (default 100)
  --max-line-bytes N    skip input lines longer than N bytes (default 1048576)
  --quiet               no progress on standard error
  --gold FILE           score: the gold table (CSV or TSV: object, then attribute
                        and value columns, or one column per attribute)
  --mode M              score: exact (same canonical value, default) or surnames
                        (name lists with the same surnames)

Exit status: 0 done (skipped records included), 1 input or rule error, 2 usage.
)";
}

absl::StatusOr<Command> ParseCommandLine(const std::vector<std::string>& args) {
  Command c;
  c.reconcile.threads = DefaultThreads();
  if (args.empty()) return Usage("no command given (try crosscheck --help)");
  const std::string& verb = args[0];
  size_t i = 1;
  if (verb == "--help" || verb == "-h" || verb == "help") {
    c.kind = Command::kHelp;
    return c;
  }
  if (verb == "--version") {
    c.kind = Command::kVersion;
    return c;
  }
  if (verb == "rules") {
    if (args.size() < 2 || args[1] != "check") {
      return Usage("usage: crosscheck rules check [DIR]");
    }
    c.kind = Command::kRulesCheck;
    if (args.size() > 3) return Usage("usage: crosscheck rules check [DIR]");
    if (args.size() == 3) c.rules_dir = args[2];
    return c;
  }
  if (verb == "reconcile") {
    c.kind = Command::kReconcile;
  } else if (verb == "extract") {
    c.kind = Command::kExtract;
  } else if (verb == "score") {
    c.kind = Command::kScore;
  } else {
    return Usage(absl::StrCat("unknown command \"", verb, "\" (try crosscheck --help)"));
  }
  bool flags_done = false;
  for (; i < args.size(); ++i) {
    absl::string_view a = args[i];
    if (flags_done || a == "-" || a.empty() || a[0] != '-') {
      c.inputs.emplace_back(a);
      continue;
    }
    if (a == "--") {
      flags_done = true;
      continue;
    }
    if (a == "--quiet" || a == "-q") {
      c.quiet = true;
      continue;
    }
    absl::string_view flag = a, value;
    size_t eq = a.find('=');
    bool inline_value = a.size() > 2 && a.substr(0, 2) == "--" && eq != absl::string_view::npos;
    if (inline_value) {
      flag = a.substr(0, eq);
      value = a.substr(eq + 1);
    }
    if (!TakesValue(flag)) return Usage(absl::StrCat("unknown flag ", flag, " (see crosscheck --help)"));
    if (!inline_value) {
      if (i + 1 >= args.size()) return Usage(absl::StrCat(flag, " needs a value"));
      value = args[++i];
    }
    if (auto s = ApplyFlag(flag, value, &c); !s.ok()) return s;
  }
  if (c.inputs.empty()) {
    return Usage(absl::StrCat(verb, " needs at least one INPUT (a file, a directory or -)"));
  }
  if (c.kind == Command::kScore && c.gold.empty()) return Usage("score needs --gold FILE");
  if (c.kind == Command::kReconcile && (!c.gold.empty() || c.score_mode != ScoreMode::kExact)) {
    return Usage("--gold and --mode belong to crosscheck score");
  }
  return c;
}

namespace {

std::string RulesDirOf(const Command& c) {
  return c.rules_dir.empty() ? DefaultRulesDir() : c.rules_dir;
}

int RunRulesCheck(const Command& c, std::ostream& out, std::ostream& err) {
  std::string dir = RulesDirOf(c);
  absl::StatusOr<RuleCheck> check = CheckRules(dir);
  if (!check.ok()) {
    err << "crosscheck: " << check.status().message() << '\n';
    return kExitInputError;
  }
  for (const RuleProblem& p : check->problems) out << p.ToString() << '\n';
  for (const RuleProblem& p : check->failed_examples) {
    out << p.ToString() << " (example failed)\n";
  }
  out << dir << ": " << check->packs << " packs, " << check->rules << " rules, "
      << check->examples << " examples; " << check->problems.size() << " problems, "
      << check->failed_examples.size() << " failing examples\n";
  return check->ok() ? kExitOk : kExitInputError;
}

// Writes through `write` to a temporary file beside `path` and renames it
// into place, so a failed run never leaves a truncated output.
absl::Status WriteFileAtomically(const std::string& path,
                                 const std::function<absl::Status(std::ostream*)>& write) {
  std::string tmp = absl::StrCat(path, ".tmp.", ::getpid());
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot write the output"));
    absl::Status s = write(&file);
    file.close();
    if (!s.ok() || !file) {
      std::remove(tmp.c_str());
      return absl::DataLossError(absl::StrCat(path, ": writing the output failed"));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return absl::PermissionDeniedError(absl::StrCat(path, ": cannot write the output: ", ec.message()));
  }
  return absl::OkStatus();
}

// Loads the rules and reconciles the inputs; on failure prints the message
// and returns false.
bool LoadAndReconcile(const Command& c, std::ostream& err, std::unique_ptr<Rules>* rules,
                      Reconciliation* r) {
  absl::StatusOr<std::unique_ptr<Rules>> loaded = Rules::Load(RulesDirOf(c));
  if (!loaded.ok()) {
    err << "crosscheck: " << loaded.status().message() << '\n';
    return false;
  }
  *rules = std::move(*loaded);
  ReconcileOptions options = c.reconcile;
  options.inputs = c.inputs;
  absl::Time start = absl::Now();
  if (c.progress && !c.quiet) {
    options.progress = [&err, start](absl::string_view stage, absl::string_view summary) {
      err << "crosscheck: " << stage << ": " << summary << " ("
          << absl::FormatDuration(absl::Trunc(absl::Now() - start, absl::Milliseconds(1)))
          << ")\n";
    };
  }
  absl::StatusOr<Reconciliation> reconciled = Reconcile(**rules, options);
  if (!reconciled.ok()) {
    err << "crosscheck: " << reconciled.status().message() << '\n';
    return false;
  }
  *r = std::move(*reconciled);
  return true;
}

int RunReconcile(const Command& c, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Rules> rules;
  Reconciliation r;
  if (!LoadAndReconcile(c, err, &rules, &r)) return kExitInputError;
  ReportOptions report;
  report.format = c.format;
  report.rules_dir = RulesDirOf(c);
  absl::Status written = c.output.empty() || c.output == "-"
                             ? WriteReport(r, report, &out)
                             : WriteFileAtomically(c.output, [&](std::ostream* file) {
                                 return WriteReport(r, report, file);
                               });
  if (!written.ok()) {
    err << "crosscheck: " << written.message() << '\n';
    return kExitInputError;
  }
  if (c.progress && !c.quiet && !c.output.empty() && c.output != "-") {
    err << "crosscheck: wrote " << c.output << '\n';
  }
  return kExitOk;
}

int RunExtract(const Command& c, std::ostream& out, std::ostream& err) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::Load(RulesDirOf(c));
  if (!rules.ok()) {
    err << "crosscheck: " << rules.status().message() << '\n';
    return kExitInputError;
  }
  Corpus corpus;
  IngestOptions ingest = c.reconcile.ingest;
  ingest.threads = c.reconcile.threads;
  if (absl::Status s = Ingest(c.inputs, ingest, &corpus); !s.ok()) {
    err << "crosscheck: " << s.message() << '\n';
    return kExitInputError;
  }
  CanonicalizeOrder(&corpus);
  ExtractStats stats;
  if (absl::Status s = ExtractClaims(**rules, ExtractOptions(), &corpus, &stats); !s.ok()) {
    err << "crosscheck: " << s.message() << '\n';
    return kExitInputError;
  }
  std::string text = WriteExtraction(corpus, c.extract_format);
  absl::Status written = absl::OkStatus();
  if (c.output.empty() || c.output == "-") {
    out << text;
  } else {
    written = WriteFileAtomically(c.output, [&](std::ostream* file) {
      *file << text;
      return absl::OkStatus();
    });
  }
  if (!written.ok()) {
    err << "crosscheck: " << written.message() << '\n';
    return kExitInputError;
  }
  if (c.progress && !c.quiet) {
    err << "crosscheck: extract: " << stats.documents << " documents, " << stats.frames
        << " statements, " << stats.claims << " claims\n";
  }
  return kExitOk;
}

int RunScore(const Command& c, std::ostream& out, std::ostream& err) {
  absl::StatusOr<std::vector<GoldEntry>> gold = ReadGoldTable(c.gold);
  if (!gold.ok()) {
    err << "crosscheck: " << gold.status().message() << '\n';
    return kExitInputError;
  }
  std::unique_ptr<Rules> rules;
  Reconciliation r;
  if (!LoadAndReconcile(c, err, &rules, &r)) return kExitInputError;
  ScoreResult score =
      ScoreAnswers(r.corpus, r.graph, r.solution, rules->values(), *gold, c.score_mode);
  out << "method\t" << MethodName(r.solution.method) << "\nmode\t"
      << ScoreModeName(c.score_mode) << "\naccuracy\t"
      << absl::StrFormat("%.4f", score.accuracy) << "\ncorrect\t" << score.correct
      << "\nevaluated\t" << score.evaluated << "\nwithout_question\t" << score.missing
      << "\n\nline\tobject\tattribute\tgold\tanswer\treason\n";
  for (const ScoreMiss& m : score.misses) {
    out << m.gold.line << '\t' << m.gold.object << '\t' << m.gold.attribute << '\t'
        << m.gold.value << '\t' << m.answer << '\t' << m.reason << '\n';
  }
  return kExitOk;
}

}  // namespace

int Run(const Command& c, std::ostream& out, std::ostream& err) {
  switch (c.kind) {
    case Command::kHelp: out << Usage(); return kExitOk;
    case Command::kVersion: out << "crosscheck " << CROSSCHECK_VERSION << '\n'; return kExitOk;
    case Command::kRulesCheck: return RunRulesCheck(c, out, err);
    case Command::kReconcile: return RunReconcile(c, out, err);
    case Command::kScore: return RunScore(c, out, err);
    case Command::kExtract: return RunExtract(c, out, err);
  }
  return kExitUsage;
}

int Main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  absl::StatusOr<Command> command = ParseCommandLine(args);
  if (!command.ok()) {
    std::cerr << "crosscheck: " << command.status().message() << '\n';
    return kExitUsage;
  }
  command->progress = ::isatty(STDERR_FILENO) != 0;
  return Run(*command, std::cout, std::cerr);
}

}  // namespace crosscheck::cli
