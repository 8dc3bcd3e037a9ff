// A readable line diff for golden-file tests.
#ifndef CROSSCHECK_TESTS_SUPPORT_LINE_DIFF_H_
#define CROSSCHECK_TESTS_SUPPORT_LINE_DIFF_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck::testing {

// A unified-style diff of `expected` against `actual` ("-" lines only in
// expected, "+" lines only in actual, with `context` lines around each change
// and "@@ line N @@" headers), cut after `max_lines` output lines. Empty when
// the texts are equal.
std::string LineDiff(absl::string_view expected, absl::string_view actual,
                     int context = 3, int max_lines = 200);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_SUPPORT_LINE_DIFF_H_
