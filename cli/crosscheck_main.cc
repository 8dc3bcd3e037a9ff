// The crosscheck command-line tool; everything happens in cli/command_line.
#include "cli/command_line.h"

int main(int argc, char** argv) { return crosscheck::cli::Main(argc, argv); }
