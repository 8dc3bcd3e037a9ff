// Status propagation helpers. The Abseil release packaged in Debian 12 ships
// no status_macros.h, so crosscheck defines its own, once, here.
#ifndef CROSSCHECK_ENGINE_INTERNAL_STATUS_MACROS_H_
#define CROSSCHECK_ENGINE_INTERNAL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status); returns it from the enclosing function
// if it is not OK.
#define CROSSCHECK_RETURN_IF_ERROR(expr)                   \
  do {                                                     \
    ::absl::Status crosscheck_status_ = (expr);            \
    if (!crosscheck_status_.ok()) return crosscheck_status_; \
  } while (false)

#define CROSSCHECK_STATUS_CONCAT_INNER_(a, b) a##b
#define CROSSCHECK_STATUS_CONCAT_(a, b) CROSSCHECK_STATUS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status from
// the enclosing function, else moves the value into `lhs`, which may be a
// declaration (`auto x`) or an existing lvalue.
#define CROSSCHECK_ASSIGN_OR_RETURN(lhs, rexpr)                                 \
  CROSSCHECK_ASSIGN_OR_RETURN_IMPL_(                                           \
      CROSSCHECK_STATUS_CONCAT_(crosscheck_statusor_, __LINE__), lhs, rexpr)

#define CROSSCHECK_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                      \
  if (!statusor.ok()) return std::move(statusor).status();      \
  lhs = std::move(statusor).value()

#endif  // CROSSCHECK_ENGINE_INTERNAL_STATUS_MACROS_H_
