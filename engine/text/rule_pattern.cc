#include "text/rule_pattern.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace crosscheck::text_internal {

RE2::Options RulePatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_max_mem(int64_t{32} << 20);
  return options;
}

bool CheckNoCountedRepetition(absl::string_view pattern, std::string* error) {
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
      continue;
    }
    if (c != '{') continue;
    size_t j = i + 1;
    while (j < pattern.size() &&
           (absl::ascii_isdigit(static_cast<unsigned char>(pattern[j])) ||
            pattern[j] == ',')) {
      ++j;
    }
    if (j > i + 1 && j < pattern.size() && pattern[j] == '}') {
      *error = absl::StrCat("counted repetition \"", pattern.substr(i, j + 1 - i),
                            "\" at offset ", i,
                            " is refused in rule patterns (spell it out, or "
                            "use *, + or ?)");
      return false;
    }
  }
  return true;
}

std::unique_ptr<RE2> CompileRulePattern(internal::RuleFields* fields,
                                        const rapidjson::Value* at,
                                        const std::string& pattern) {
  std::string error;
  if (!CheckNoCountedRepetition(pattern, &error)) {
    fields->Problem(at, error);
    return nullptr;
  }
  auto re = std::make_unique<RE2>(pattern, RulePatternOptions());
  if (!re->ok()) {
    fields->Problem(at, absl::StrCat("invalid pattern: ", re->error()));
    return nullptr;
  }
  return re;
}

}  // namespace crosscheck::text_internal
