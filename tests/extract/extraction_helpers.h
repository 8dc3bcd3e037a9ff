// Helpers for extraction unit tests: the rule packs of the source tree,
// loaded once, and short articles extracted into a Corpus whose frames read
// as plain maps.
#ifndef CROSSCHECK_TESTS_EXTRACT_EXTRACTION_HELPERS_H_
#define CROSSCHECK_TESTS_EXTRACT_EXTRACTION_HELPERS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "crosscheck/corpus.h"
#include "crosscheck/rules.h"
#include "extract/extract_rules_impl.h"

namespace crosscheck::testing {

// The packs under rules/ (fails the test program if they do not load).
const Rules& PackRules();
// The compiled language `name` of PackRules(). REQUIRES: it exists.
const extract_internal::Language& PackLanguage(const std::string& name);

// A corpus of one document with `text`, language `lang` ("" to detect it)
// and publication day `published`, after ExtractClaims.
Corpus ExtractOne(const std::string& text, const std::string& lang,
                  std::optional<absl::CivilDay> published = std::nullopt);

// A frame as a map: "template", "modality" ("asserted", ...), "speaker"
// when quoted, "evidence" (the bytes of its span), and each slot by name:
// the canonical key of counts and dates, else the slot's text.
using FrameMap = std::map<std::string, std::string>;
std::vector<FrameMap> Frames(const Corpus& corpus);
// The frames of template `name` only.
std::vector<FrameMap> Frames(const Corpus& corpus, const std::string& name);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_EXTRACT_EXTRACTION_HELPERS_H_
