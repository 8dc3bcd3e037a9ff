// Copying between articles: documents that share sentences, and documents
// that name the wire agency they reprint ("(AFP)", "avec Sputnik",
// "Source : Reuters").
//
// Sentences are compared through hashed shingles (word 8-grams after case
// folding; a shorter sentence is one shingle), indexed by hash, so the cost
// is linear in the text plus the pairs of documents that really share
// shingles: there is no all-pairs comparison. A shingle found in more than
// kMaxShingleDocuments documents is boilerplate, not evidence. A sentence of
// document A is shared with B when at least half of its shingles occur in B.
//
// Wire markers come from `wire_marker` rules (rules/common/wires.json): a
// pattern and the agency it names. Two sources whose documents name the same
// agency copy a common origin; a source copies the agency itself when the
// agency is a source of the corpus, else a virtual origin of that name.
#ifndef CROSSCHECK_ENGINE_SOLVE_DOCUMENT_COPIES_H_
#define CROSSCHECK_ENGINE_SOLVE_DOCUMENT_COPIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/rules.h"
#include "crosscheck/solve.h"
#include "internal/rule_set.h"
#include "re2/re2.h"

namespace crosscheck::internal {

inline constexpr size_t kMaxShingleDocuments = 50;

// Compiled `wire_marker` rules. Immutable; safe to share between threads.
class WireMarkers {
 public:
  struct Marker {
    std::string rule_id;
    std::string agency;
    std::unique_ptr<RE2> pattern;
  };
  // Compiles the wire_marker rules of `set`; a broken rule is left out and a
  // located problem appended to `*problems`.
  static std::unique_ptr<WireMarkers> Compile(
      const RuleSet& set, std::vector<RuleProblem>* problems);
  ~WireMarkers();

  // The agencies `text` names, each once, in rule order (priority, id), with
  // the text that matched first ("(AFP)").
  struct Found {
    std::string agency;
    std::string marker;
  };
  std::vector<Found> Find(absl::string_view text) const;

  // Runs the inline examples of every wire_marker rule: {"in": text,
  // "agency": name or null}. Adds the number run to `*examples` and a
  // problem per failing example.
  void RunExamples(const RuleSet& set, size_t* examples,
                   std::vector<RuleProblem>* failed) const;

 private:
  std::vector<Marker> markers_;
};

// Dependences between the sources of `graph` (indices into graph.sources)
// implied by the documents of `corpus`, sorted by (source, on, origin);
// virtual origins have on == kVirtualOrigin and `origin` set. Documents of
// one source do not make it depend on itself; sources with no claim in the
// graph are left out. Deterministic: documents are visited in id order.
std::vector<SourceDependence> DetectDocumentCopies(const Corpus& corpus,
                                                   const ClaimGraph& graph,
                                                   const WireMarkers& markers);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_DOCUMENT_COPIES_H_
