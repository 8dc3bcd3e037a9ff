// Scoring extracted frames against hand-written expected claims. An
// extracted frame matches an expected claim of the same document and
// template when their evidence spans overlap and every expected slot is
// equal after folding (case, accents, apostrophes, spacing); counts and
// dates compare by canonical key.
#ifndef CROSSCHECK_TESTS_EXTRACT_CLAIM_SCORER_H_
#define CROSSCHECK_TESTS_EXTRACT_CLAIM_SCORER_H_

#include <map>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "tests/extract/article_fixture.h"

namespace crosscheck::testing {

struct Score {
  int expected = 0;
  int extracted = 0;
  int matched = 0;          // the match rule above
  int overlapping = 0;      // same template and overlapping evidence only
  int slots = 0;            // expected slots of overlapping pairs
  int slots_equal = 0;      // of which equal
  int modality_equal = 0;   // overlapping pairs with the expected modality

  double precision() const { return extracted == 0 ? 1 : double(matched) / extracted; }
  double recall() const { return expected == 0 ? 1 : double(matched) / expected; }
  void Add(const Score& o);
};

struct CorpusScore {
  std::map<std::string, Score> by_template;
  Score total;
  std::vector<std::string> missed;      // expected claims not matched
  std::vector<std::string> unexpected;  // extracted frames not matched
};

// Documents are matched to expected claims by the file name of their id.
CorpusScore ScoreExtraction(const Corpus& corpus,
                            const std::vector<ExpectedClaim>& expected);

// A table: one line per template and the total, with P, R and the
// overlapping-evidence and slot figures.
std::string FormatScore(const std::string& name, const CorpusScore& score);

// How a frame slot reads: the canonical key for counts and dates, else its
// text.
std::string SlotDisplay(const Corpus& corpus, const FrameSlot& slot);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_EXTRACT_CLAIM_SCORER_H_
