#include "tests/cli/run_args.h"

#include <sstream>

#include "absl/status/statusor.h"
#include "cli/command_line.h"
#include "gtest/gtest.h"
#include "tests/support/test_support.h"

namespace crosscheck::cli {

int RunArgs(const std::vector<std::string>& args, std::string* out, std::string* err) {
  absl::StatusOr<Command> c = ParseCommandLine(args);
  EXPECT_TRUE(c.ok()) << c.status();
  if (!c.ok()) return kExitUsage;
  std::ostringstream o, e;
  int code = cli::Run(*c, o, e);
  *out = o.str();
  *err = e.str();
  return code;
}

std::string RulesDir() { return testing::SourceDir() + "/rules"; }

}  // namespace crosscheck::cli
