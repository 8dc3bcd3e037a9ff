#include "tests/support/line_diff.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace crosscheck::testing {
namespace {

struct Op {
  char kind;  // ' ', '-', '+'
  size_t a;   // line index in expected (for ' ' and '-')
  size_t b;   // line index in actual (for ' ' and '+')
};

// Myers' O(ND) shortest edit script.
std::vector<Op> EditScript(const std::vector<absl::string_view>& a,
                           const std::vector<absl::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(2 * max + 2, 0);
  std::vector<std::vector<long>> trace;
  long d_end = 0;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1]
                                                                      : v[max + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[max + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      d_end = d;
      break;
    }
  }
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = d_end; d > 0; --d) {
    const std::vector<long>& pv = trace[d];
    long k = x - y;
    long prev_k = (k == -d || (k != d && pv[max + k - 1] < pv[max + k + 1])) ? k + 1 : k - 1;
    long prev_x = pv[max + prev_k], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) ops.push_back({' ', size_t(--x), size_t(--y)});
    if (x == prev_x) {
      ops.push_back({'+', size_t(x), size_t(--y)});
    } else {
      ops.push_back({'-', size_t(--x), size_t(y)});
    }
  }
  while (x > 0 && y > 0) ops.push_back({' ', size_t(--x), size_t(--y)});
  std::reverse(ops.begin(), ops.end());
  return ops;
}

}  // namespace

std::string LineDiff(absl::string_view expected, absl::string_view actual,
                     int context, int max_lines) {
  if (expected == actual) return "";
  std::vector<absl::string_view> a = absl::StrSplit(expected, '\n');
  std::vector<absl::string_view> b = absl::StrSplit(actual, '\n');
  std::vector<Op> ops = EditScript(a, b);
  std::vector<bool> show(ops.size(), false);
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].kind == ' ') continue;
    size_t lo = i >= size_t(context) ? i - context : 0;
    size_t hi = std::min(ops.size(), i + context + 1);
    for (size_t j = lo; j < hi; ++j) show[j] = true;
  }
  std::string out;
  int lines = 0;
  bool in_hunk = false;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (!show[i]) {
      in_hunk = false;
      continue;
    }
    if (!in_hunk) {
      absl::StrAppend(&out, "@@ expected line ", ops[i].a + 1, ", actual line ", ops[i].b + 1, " @@\n");
      in_hunk = true;
    }
    const Op& op = ops[i];
    absl::string_view text = op.kind == '+' ? b[op.b] : a[op.a];
    absl::StrAppend(&out, std::string(1, op.kind), text, "\n");
    if (++lines >= max_lines) {
      absl::StrAppend(&out, "... (diff cut after ", max_lines, " lines)\n");
      break;
    }
  }
  return out;
}

}  // namespace crosscheck::testing
