// Reading fixture corpora for extraction tests: the articles (through
// Ingest) and the hand-written expected claims beside them.
#ifndef CROSSCHECK_TESTS_EXTRACT_ARTICLE_FIXTURE_H_
#define CROSSCHECK_TESTS_EXTRACT_ARTICLE_FIXTURE_H_

#include <map>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"

namespace crosscheck::testing {

// Reads every article of `dir` with Ingest (fails the current test if
// Ingest fails).
void AddArticles(const std::string& dir, Corpus* corpus);

// The file name of the article `doc` was read from (its id is its path).
std::string FileName(const Corpus& corpus, const Document& doc);

struct ExpectedClaim {
  std::string document;  // file name
  std::string template_name;
  std::string evidence;
  std::map<std::string, std::string> slots;
  std::string modality;
};

// Parses expected_claims.jsonl; fails the current test on a malformed line.
std::vector<ExpectedClaim> ReadExpectedClaims(const std::string& path);

// The fixture corpora that have expected claims: directory names under
// fixtures/, sorted.
std::vector<std::string> CorporaWithExpectedClaims();

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_EXTRACT_ARTICLE_FIXTURE_H_
