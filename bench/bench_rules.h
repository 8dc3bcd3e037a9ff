// The repository's rule packs for benchmarks, loaded once; aborts with the
// load error if they do not load.
#ifndef CROSSCHECK_BENCH_BENCH_RULES_H_
#define CROSSCHECK_BENCH_BENCH_RULES_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "crosscheck/rules.h"

namespace crosscheck {

inline const Rules& BenchRules() {
  static const Rules* rules = [] {
    auto loaded = Rules::Load(std::string(CROSSCHECK_SOURCE_DIR) + "/rules");
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return loaded->release();
  }();
  return *rules;
}

}  // namespace crosscheck

#endif  // CROSSCHECK_BENCH_BENCH_RULES_H_
