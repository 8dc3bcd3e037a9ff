// Scoring answers against a gold table, for measuring how often a method
// finds the truth (the `score` subcommand and the accuracy benchmarks).
//
// A gold table is a CSV (.csv, RFC 4180 quoting) or TSV (any other name, no
// quoting) file with a header row naming `object` and either
//   long form   `attribute` and `value` columns: one gold value per row, or
//   wide form   one column per attribute (book/truth.tsv: object, authors), or
//   `object`, `value` only: the object's single question.
// Empty cells are not gold values.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_EVALUATE_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_EVALUATE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/solve.h"
#include "crosscheck/value.h"

namespace crosscheck {

struct GoldEntry {
  std::string object;
  std::string attribute;  // empty: the object must have exactly one question
  std::string value;      // raw, typed like the answer it is compared with
  uint32_t line = 0;      // in the gold file, 0 when built in code
};

// How an answer and a gold value must match.
enum class ScoreMode : uint8_t {
  kExact,     // same canonical key once the gold value is typed
  kSurnames,  // name lists naming the same set of folded surnames
};
// "exact", "surnames".
absl::string_view ScoreModeName(ScoreMode mode);
bool ParseScoreMode(absl::string_view name, ScoreMode* mode);

// Reads a gold table. NotFound if `path` does not exist; InvalidArgument
// naming "path:line:column" for a missing `object` column, a row with the
// wrong number of cells, or an unterminated quote.
absl::StatusOr<std::vector<GoldEntry>> ReadGoldTable(const std::string& path);

struct ScoreMiss {
  GoldEntry gold;
  std::string answer;  // the answer's canonical key; empty when there is none
  std::string reason;  // "wrong answer", "no question for this object", ...
};

struct ScoreResult {
  size_t gold = 0;       // gold entries
  size_t evaluated = 0;  // entries whose question exists in the graph
  size_t correct = 0;
  size_t missing = 0;   // entries without a question (nothing to answer)
  double accuracy = 0;  // correct / evaluated; 0 when nothing was evaluated
  std::vector<ScoreMiss> misses;  // wrong and missing entries, in gold order
};

// Scores `solution`'s answers over `graph` (built from `corpus`) against
// `gold`. Objects and attributes match the questions' subject and predicate
// text exactly (ASCII white space trimmed). A gold value that does not type
// as its answer's kind is a miss, not an error. Never fails.
ScoreResult ScoreAnswers(const Corpus& corpus, const ClaimGraph& graph,
                         const Solution& solution, const ValueRules& rules,
                         const std::vector<GoldEntry>& gold, ScoreMode mode);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_EVALUATE_H_
