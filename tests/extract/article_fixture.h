// Reading fixture corpora for extraction tests: articles into Documents the
// way ingest reads them (front matter, title line, body), and the
// hand-written expected claims beside them.
#ifndef CROSSCHECK_TESTS_EXTRACT_ARTICLE_FIXTURE_H_
#define CROSSCHECK_TESTS_EXTRACT_ARTICLE_FIXTURE_H_

#include <map>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"

namespace crosscheck::testing {

// Appends the article `contents` named `name` to `corpus`: optional "---"
// front matter (source, published, lang), title = first non-blank line
// after it, text = what follows the title line.
void AddArticle(const std::string& name, const std::string& contents, Corpus* corpus);

// Every *.txt of `dir`, in name order.
void AddArticles(const std::string& dir, Corpus* corpus);

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
