// Runs the command line in-process for the cli tests.
#ifndef CROSSCHECK_TESTS_CLI_RUN_ARGS_H_
#define CROSSCHECK_TESTS_CLI_RUN_ARGS_H_

#include <string>
#include <vector>

namespace crosscheck::cli {

// Parses `args` (the test fails if they do not parse) and runs them,
// capturing standard output and error; returns the exit status.
int RunArgs(const std::vector<std::string>& args, std::string* out, std::string* err);

// The repository's rules/ directory.
std::string RulesDir();

}  // namespace crosscheck::cli

#endif  // CROSSCHECK_TESTS_CLI_RUN_ARGS_H_
