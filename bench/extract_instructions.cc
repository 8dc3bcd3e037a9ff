// The instructions extraction spends per byte of article text: the measure
// the speed work compares, as it does not drift with the machine's load the
// way time does. Run under callgrind, which counts only between the client
// requests below:
//
//   valgrind --tool=callgrind --instr-atstart=no
//     --callgrind-out-file=/dev/null build/bench/extract_instructions [INPUT...]
//
// as one command line; scripts/instructions runs it and divides. The
// inputs, by default the topical fixtures (seeds, mali-fr, mali-en), are
// extracted twice and only the second pass is counted: the first builds
// RE2's lazily made DFA states. Without valgrind's header the program still
// runs, and counts nothing.
#include <cstdio>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "crosscheck/extract.h"
#include "crosscheck/ingest.h"
#include "crosscheck/rules.h"

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

int main(int argc, char** argv) {
  using namespace crosscheck;
  const std::string root = CROSSCHECK_SOURCE_DIR;
  auto rules = Rules::Load(root + "/rules");
  if (!rules.ok()) {
    std::fprintf(stderr, "extract_instructions: %s\n", rules.status().ToString().c_str());
    return 1;
  }
  std::vector<std::string> inputs(argv + 1, argv + argc);
  if (inputs.empty()) {
    for (const char* corpus : {"seeds", "mali-fr", "mali-en"}) {
      inputs.push_back(root + "/fixtures/" + corpus + "/input");
    }
  }
  size_t bytes = 0, claims = 0;
  for (int pass = 0; pass < 2; ++pass) {
    Corpus corpus;
    absl::Status s = Ingest(inputs, IngestOptions(), &corpus);
    if (!s.ok()) {
      std::fprintf(stderr, "extract_instructions: %s\n", s.ToString().c_str());
      return 1;
    }
    bytes = 0;
    for (const Document& d : corpus.documents) bytes += d.text.size();
    ExtractStats stats;
    if (pass == 1) CALLGRIND_START_INSTRUMENTATION;
    s = ExtractClaims(**rules, ExtractOptions(), &corpus, &stats);
    if (pass == 1) CALLGRIND_STOP_INSTRUMENTATION;
    if (!s.ok()) {
      std::fprintf(stderr, "extract_instructions: %s\n", s.ToString().c_str());
      return 1;
    }
    claims = stats.claims;
  }
  std::printf("bytes %zu claims %zu\n", bytes, claims);
  return 0;
}
