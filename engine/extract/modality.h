// How a statement is made: asserted, reported ("selon", "aurait"), alleged
// ("présumés"), denied, or quoted (inside a quotation, with its speaker).
#ifndef CROSSCHECK_ENGINE_EXTRACT_MODALITY_H_
#define CROSSCHECK_ENGINE_EXTRACT_MODALITY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "extract/extract_rules_impl.h"
#include "extract/mentions.h"

namespace crosscheck::extract_internal {

// Quotations of `text`: from « (or an opening ") to » (or the closing "),
// never across a line end; an unclosed quotation ends with its line.
std::vector<Span> FindQuotations(absl::string_view text);

// The modality the cues give a statement of sentence text[sentence] made of
// `statement` spans (its evidence and slots): the first cue (in priority
// order) among `cues` (indices into lang.cues) that matches in the sentence,
// or for statement-scoped cues in one of the spans; kAsserted when none does.
Modality StatementModality(const Language& lang, absl::string_view text,
                           Span sentence, const std::vector<Span>& statement,
                           const std::vector<int>& cues);

// Who speaks `quote`: the first speaker pattern matching within 200 bytes
// around it on its line. Empty when none does.
std::string FindSpeaker(const Language& lang, absl::string_view text, Span quote);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_MODALITY_H_
