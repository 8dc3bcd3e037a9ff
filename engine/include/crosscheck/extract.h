// Extraction: articles become claims. Each document's text is prepared
// (crosscheck/text.h), its sentences are matched against the claim patterns
// of its language, and every match becomes a Frame (a template instance:
// "delivery" with supplier, recipient, item class, model, count, date,
// place) with its evidence span, sentence and modality. Each slot with a
// value then becomes a Claim whose subject names the frame's event.
//
// The knowledge is in the "extract" rule kinds (engine/rules/rule_kinds.cc):
// number words, hedges and quantifiers, calendars and date expressions,
// lexicons and pattern macros, a gazetteer, equipment classes, role titles,
// claim templates and patterns, modality cues and quotation speakers.
// Patterns are RE2 with {name} macros for lexicons ("{month}", "{country}");
// counted repetitions ("{1,200}") are refused.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_EXTRACT_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_EXTRACT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"

namespace crosscheck {

class Rules;
class TextRules;
namespace internal {
class RuleSet;
}  // namespace internal

// The compiled "extract" rules, per language. Immutable after construction;
// safe to share between threads. Rules::extract() holds the instance a run
// uses.
class ExtractRules {
 public:
  // Builds from the "extract" kinds of a loaded rule set. InvalidArgument
  // with "file:line:col: message" for the first malformed rule.
  static absl::StatusOr<std::unique_ptr<ExtractRules>> FromRules(
      const internal::RuleSet& rules);
  ~ExtractRules();

  // Languages with at least one claim pattern, sorted.
  std::vector<std::string> languages() const;

  // The compiled form is private to the engine (engine/extract/).
  struct Impl;
  explicit ExtractRules(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct ExtractOptions {
  // Used for documents whose language is neither in the metadata nor
  // detected; empty means such documents yield no claims.
  std::string default_language;
};

// What ExtractClaims did, for progress lines and reports.
struct ExtractStats {
  size_t documents = 0;        // documents read
  size_t documents_without_language = 0;
  size_t sentences = 0;
  size_t frames = 0;
  size_t claims = 0;
  uint64_t text_bytes = 0;     // bytes of Document::text read
  uint64_t cut_bytes = 0;      // of which cut as boilerplate or comments
  size_t published_inferred = 0;  // documents dated from their text
};

// Extracts every document of `corpus` that has no frames yet: fills
// Document::cuts (and lang / published where the text gives them), appends
// Frames and FrameSlots, and appends one Claim per slot with a value, with
// Claim::document, span (the evidence), location (file, line and column of
// the evidence start), modality, frame, a typed value in corpus->values,
// subject = the frame's event identity (FrameSubject) and predicate = the
// slot name. Updates InputFile::claims. Only the input's content decides the
// result; documents are independent. Bad text is never an error: the status
// is always OK today and exists for rules that fail at run time later.
absl::Status ExtractClaims(const Rules& rules, const ExtractOptions& options,
                           Corpus* corpus, ExtractStats* stats = nullptr);

// As ExtractClaims, with the compiled rules given separately (for tests and
// `rules check`).
void ExtractDocuments(const TextRules& text, const ExtractRules& extract,
                      const ExtractOptions& options, Corpus* corpus,
                      ExtractStats* stats = nullptr);

// The subject of the claims of `frame`: its template and identity slots
// (from the claim_template rule), folded, with dates at month precision:
// "delivery|russie|mali|helicopter|2022-08". Missing identity slots are
// empty. A date the text states but that cannot be resolved ("Mardi" in an
// article without a publication date) keys the subject to its document:
// "delivery|russie|mali|helicopter|mardi in 000.txt". Event coreference (which frames of different documents are one
// event) replaces this assignment.
std::string FrameSubject(const ExtractRules& rules, const Corpus& corpus,
                         const Frame& frame);

enum class ExtractionFormat : uint8_t {
  kJsonLines,  // one frame per line, in the shape of expected_claims.jsonl
  kJson,       // one object: documents with their cuts and frames
};
// Parses "jsonl" or "json"; false for anything else.
bool ParseExtractionFormat(absl::string_view name, ExtractionFormat* format);

// Writes the extraction of `corpus` for inspection: each frame with its
// template, slots (text and canonical key), modality, speaker, rule, evidence
// span and quote, sentence, and the claims made from it; in kJson also each
// document's language, publication date (and whether it was inferred), and
// what was cut, where, by which rule. Deterministic.
std::string WriteExtraction(const Corpus& corpus, ExtractionFormat format);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_EXTRACT_H_
