#include "bench/accuracy/flight_reference.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace crosscheck {
namespace {

bool IsAirlineSite(absl::string_view source) {
  const std::string s = absl::AsciiStrToUpper(source);
  return s == "AA" || s == "UA" || s == "CO";
}

// "2011-12-01/AA-1007-TPA-MIA" -> "AA".
absl::string_view Airline(absl::string_view object) {
  const size_t slash = object.find('/');
  if (slash == absl::string_view::npos) return "";
  object.remove_prefix(slash + 1);
  return object.substr(0, object.find('-'));
}

}  // namespace

std::vector<FlightReference> CollectFlightReferences(const Corpus& corpus) {
  std::vector<FlightReference> refs;
  for (const Claim& c : corpus.claims) {
    const absl::string_view source = corpus.str(c.source);
    if (!IsAirlineSite(source)) continue;
    if (absl::AsciiStrToUpper(source) != Airline(corpus.str(c.subject)))
      continue;
    refs.push_back({std::string(corpus.str(c.subject)),
                    std::string(corpus.str(c.predicate)), c.value});
  }
  return refs;
}

void RemoveReferenceSources(Corpus* corpus) {
  auto& claims = corpus->claims;
  claims.erase(std::remove_if(claims.begin(), claims.end(),
                              [&](const Claim& c) {
                                return IsAirlineSite(corpus->str(c.source));
                              }),
               claims.end());
}

FlightScore ScoreFlight(const Corpus& corpus, const ClaimGraph& graph,
                        const Solution& solution,
                        const std::vector<FlightReference>& refs) {
  absl::flat_hash_map<std::pair<std::string, std::string>, uint32_t> questions;
  for (uint32_t q = 0; q < graph.questions.size(); ++q) {
    questions[{std::string(corpus.str(graph.questions[q].subject)),
               std::string(corpus.str(graph.questions[q].predicate))}] = q;
  }
  FlightScore score;
  std::map<std::string, std::pair<size_t, size_t>> by_attribute;
  for (const FlightReference& r : refs) {
    auto it = questions.find({r.subject, r.predicate});
    if (it == questions.end()) continue;
    const ValueId answer = graph.groups[solution.answer[it->second]].value;
    const Relation rel = Compare(corpus.values, answer, r.value);
    const bool right = rel == Relation::kEqual || rel == Relation::kSpecializes;
    ++score.evaluated;
    score.with_offset += corpus.values.Get(answer).has(Value::kHasUtcOffset);
    score.correct += right;
    auto& [ok, total] = by_attribute[r.predicate];
    ok += right;
    ++total;
  }
  for (const auto& [attribute, counts] : by_attribute) {
    absl::StrAppend(
        &score.by_attribute, score.by_attribute.empty() ? "" : ", ",
        absl::StrFormat("%s %.3f", attribute,
                        static_cast<double>(counts.first) / counts.second));
  }
  return score;
}

}  // namespace crosscheck
