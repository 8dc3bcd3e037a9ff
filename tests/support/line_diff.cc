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

// Edits beyond this many make the diff fall back to a plain listing of the
// differing middle: golden reports can differ by tens of thousands of lines,
// and a diff that size is cut at max_lines anyway.
constexpr long kMaxEdits = 2000;

// Myers' O(ND) shortest edit script of a[lo_a, hi_a) and b[lo_b, hi_b),
// keeping per step only the diagonals it reached (O(D^2) memory). False when
// the script needs more than kMaxEdits edits.
bool MyersScript(const std::vector<absl::string_view>& a, const std::vector<absl::string_view>& b,
                 size_t lo_a, size_t hi_a, size_t lo_b, size_t hi_b, std::vector<Op>* out) {
  const long n = static_cast<long>(hi_a - lo_a), m = static_cast<long>(hi_b - lo_b);
  const long max = std::min(n + m, kMaxEdits);
  auto A = [&](long i) { return a[lo_a + i]; };
  auto B = [&](long j) { return b[lo_b + j]; };
  std::vector<long> v(2 * max + 3, 0);
  std::vector<std::vector<long>> trace;  // trace[d][k + d]: v before step d
  long d_end = -1;
  for (long d = 0; d <= max && d_end < 0; ++d) {
    trace.emplace_back(v.begin() + (max + 1 - d), v.begin() + (max + 1 + d) + 1);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[max + 1 + k - 1] < v[max + 1 + k + 1]))
                   ? v[max + 1 + k + 1]
                   : v[max + 1 + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && A(x) == B(y)) ++x, ++y;
      v[max + 1 + k] = x;
      if (x >= n && y >= m) {
        d_end = d;
        break;
      }
    }
  }
  if (d_end < 0) return false;
  // trace[d] holds v for diagonals -d..d as it was before step d, which
  // covers the diagonals step d read (-(d-1)..d-1).
  auto at = [&](long d, long k) { return trace[d][k + d]; };
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = d_end; d > 0; --d) {
    long k = x - y;
    long prev_k = (k == -d || (k != d && at(d, k - 1) < at(d, k + 1))) ? k + 1 : k - 1;
    long prev_x = at(d, prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) ops.push_back({' ', size_t(--x), size_t(--y)});
    if (x == prev_x) {
      ops.push_back({'+', size_t(x), size_t(--y)});
    } else {
      ops.push_back({'-', size_t(--x), size_t(y)});
    }
  }
  while (x > 0 && y > 0) ops.push_back({' ', size_t(--x), size_t(--y)});
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    out->push_back({it->kind, it->a + lo_a, it->b + lo_b});
  }
  return true;
}

// The edit script: common first and last lines as context, Myers in between,
// or, past kMaxEdits, the differing middle removed then added.
std::vector<Op> EditScript(const std::vector<absl::string_view>& a,
                           const std::vector<absl::string_view>& b) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  std::vector<Op> ops;
  for (size_t i = 0; i < pre; ++i) ops.push_back({' ', i, i});
  const size_t hi_a = a.size() - suf, hi_b = b.size() - suf;
  if (!MyersScript(a, b, pre, hi_a, pre, hi_b, &ops)) {
    for (size_t i = pre; i < hi_a; ++i) ops.push_back({'-', i, pre});
    for (size_t j = pre; j < hi_b; ++j) ops.push_back({'+', hi_a, j});
  }
  for (size_t i = 0; i < suf; ++i) ops.push_back({' ', hi_a + i, hi_b + i});
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
