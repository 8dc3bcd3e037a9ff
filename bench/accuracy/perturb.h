// Robustness of the default method on the Flight proxy: the same input solved
// under small changes of representation and parameters, each of which should
// leave the answers (nearly) unchanged.
#ifndef CROSSCHECK_BENCH_ACCURACY_PERTURB_H_
#define CROSSCHECK_BENCH_ACCURACY_PERTURB_H_

#include <vector>

#include "bench/accuracy/flight_reference.h"
#include "crosscheck/corpus.h"

namespace crosscheck {

// Gives every typed value a key of its own, so that values that print the
// same but differ in how they were obtained (a year taken from context, an
// "(Estimated)" mark) form separate groups again, related kEqual, as they
// did when groups were formed by ValueId. Only date-time and number values
// are split: their comparison does not read the key. Returns the new id of
// every old value.
std::vector<ValueId> SplitKeyClasses(Corpus* corpus);

// Points every claim at the least value (by id) of its (kind, key) class, so
// that values that print the same form one group whatever the graph groups
// by. Returns the new id of every old value.
std::vector<ValueId> MergeKeyClasses(Corpus* corpus);

// Solves the typed Flight `corpus` with crosscheck under each variant (the
// default; n = 50, 100, 200; 1 to 3 copy detections; each of the ten largest
// sources left out; groups by ValueId; groups by (kind, key)) and prints the
// proxy accuracy against `refs` of each, then the spread. Leaves `corpus`
// changed by the last variant. Returns a process exit code.
int RunPerturbations(const std::vector<FlightReference>& refs, int threads,
                     Corpus* corpus);

}  // namespace crosscheck

#endif  // CROSSCHECK_BENCH_ACCURACY_PERTURB_H_
