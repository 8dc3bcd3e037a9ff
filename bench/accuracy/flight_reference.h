// The Flight proxy gold: the airlines' own sites (aa, ua, CO) publish the
// airlines' data for their own flights; the answers are compared with them.
#ifndef CROSSCHECK_BENCH_ACCURACY_FLIGHT_REFERENCE_H_
#define CROSSCHECK_BENCH_ACCURACY_FLIGHT_REFERENCE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "crosscheck/graph.h"
#include "crosscheck/solve.h"

namespace crosscheck {

struct FlightReference {
  std::string subject;
  std::string predicate;
  ValueId value = kNoValue;  // typed, in the corpus's ValueStore
};

// Claims of an airline site about that airline's flights (the object reads
// "day/XX-number-from-to" and the source is XX in any case).
std::vector<FlightReference> CollectFlightReferences(const Corpus& corpus);

// Removes every claim of the airline sites.
void RemoveReferenceSources(Corpus* corpus);

struct FlightScore {
  size_t evaluated = 0;  // references whose question has an answer
  // Answers equal to the reference, or the same local time that also states
  // its UTC offset (Compare: kEqual or kSpecializes).
  size_t correct = 0;
  size_t with_offset = 0;    // answers that state a UTC offset
  std::string by_attribute;  // "attribute accuracy, ..."
};

FlightScore ScoreFlight(const Corpus& corpus, const ClaimGraph& graph,
                        const Solution& solution,
                        const std::vector<FlightReference>& refs);

}  // namespace crosscheck

#endif  // CROSSCHECK_BENCH_ACCURACY_FLIGHT_REFERENCE_H_
