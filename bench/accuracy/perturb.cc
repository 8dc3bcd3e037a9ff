#include "bench/accuracy/perturb.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "crosscheck/graph.h"
#include "crosscheck/solve.h"
#include "solve/bayes.h"
#include "solve/methods.h"
#include "solve/problem.h"

namespace crosscheck {
namespace {

struct Variant {
  std::string label;
  std::function<void(internal::BayesParams*)> params;
  std::string leave_out;  // source name, or empty
};

std::vector<Variant> Variants(const Corpus& corpus) {
  std::vector<Variant> out;
  out.push_back({"default", nullptr, ""});
  for (double n : {50.0, 100.0, 200.0}) {
    out.push_back({absl::StrCat("n=", n),
                   [n](internal::BayesParams* p) {
                     p->false_values = n;
                     p->copy.false_values = n;
                   },
                   ""});
  }
  for (int rounds = 1; rounds <= 3; ++rounds) {
    out.push_back(
        {absl::StrCat("copy detections=", rounds),
         [rounds](internal::BayesParams* p) { p->copy_rounds = rounds - 1; },
         ""});
  }
  std::map<std::string, size_t> claims;
  for (const Claim& c : corpus.claims)
    ++claims[std::string(corpus.str(c.source))];
  std::vector<std::pair<size_t, std::string>> largest;
  for (const auto& [name, count] : claims) largest.push_back({count, name});
  std::sort(largest.begin(), largest.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t i = 0; i < largest.size() && i < 10; ++i) {
    out.push_back({"without " + largest[i].second, nullptr, largest[i].second});
  }
  return out;
}

// The proxy accuracy of crosscheck with `params` on the graph of `corpus`.
double Accuracy(const Corpus& corpus, const std::vector<FlightReference>& refs,
                const internal::BayesParams& params, int threads) {
  absl::StatusOr<ClaimGraph> graph = BuildClaimGraph(corpus);
  if (!graph.ok()) return -1;
  const internal::Problem p = internal::BuildProblem(*graph);
  SolveOptions options;
  options.threads = threads;
  const internal::MethodOutput out = internal::RunBayes(p, options, params);
  Solution s;
  s.answer.resize(graph->questions.size());
  for (uint32_t q = 0; q < graph->questions.size(); ++q) {
    s.answer[q] = internal::PickAnswer(p, q, out.score);
  }
  const FlightScore score = ScoreFlight(corpus, *graph, s, refs);
  std::printf("    %s\n", score.by_attribute.c_str());
  return score.evaluated ? static_cast<double>(score.correct) / score.evaluated
                         : 0;
}

}  // namespace

std::vector<ValueId> SplitKeyClasses(Corpus* corpus) {
  const ValueStore old = std::move(corpus->values);
  ValueStore split;
  std::vector<ValueId> remap(old.size());
  for (ValueId v = 0; v < old.size(); ++v) {
    Value x = old.Get(v);
    std::string key(old.key(x.key));
    if (x.kind == ValueKind::kDateTime || x.kind == ValueKind::kNumber) {
      absl::StrAppend(&key, "#", v);
    }
    x.key = split.InternKey(key);
    if (x.unit != 0) x.unit = split.InternUnit(old.unit(x.unit));
    if (x.kind == ValueKind::kNameList) {
      x.list = split.AddNameList(old.name_list(x.list));
    }
    remap[v] = split.Add(x);
  }
  for (Claim& c : corpus->claims) c.value = remap[c.value];
  corpus->values = std::move(split);
  return remap;
}

std::vector<ValueId> MergeKeyClasses(Corpus* corpus) {
  const ValueStore& store = corpus->values;
  std::map<std::pair<ValueKind, std::string>, ValueId> least;
  for (ValueId v = 0; v < store.size(); ++v) {
    least.emplace(std::make_pair(store.Get(v).kind, std::string(store.Key(v))),
                  v);
  }
  std::vector<ValueId> remap(store.size());
  for (ValueId v = 0; v < store.size(); ++v) {
    remap[v] = least.at({store.Get(v).kind, std::string(store.Key(v))});
  }
  for (Claim& c : corpus->claims) c.value = remap[c.value];
  return remap;
}

int RunPerturbations(const std::vector<FlightReference>& refs, int threads,
                     Corpus* corpus) {
  std::printf("flight perturbations (crosscheck, airline sites included)\n");
  std::vector<std::pair<std::string, double>> results;
  const std::vector<Claim> all = corpus->claims;
  for (const Variant& v : Variants(*corpus)) {
    internal::BayesParams params = internal::CrosscheckParams();
    if (v.params) v.params(&params);
    if (!v.leave_out.empty()) {
      const StringId id = corpus->strings.Find(v.leave_out);
      corpus->claims.erase(
          std::remove_if(corpus->claims.begin(), corpus->claims.end(),
                         [id](const Claim& c) { return c.source == id; }),
          corpus->claims.end());
    }
    const double a = Accuracy(*corpus, refs, params, threads);
    corpus->claims = all;
    std::printf("  %-34s accuracy %.4f\n", v.label.c_str(), a);
    results.push_back({v.label, a});
  }
  // Merging only repoints claims; splitting replaces the value store, so it
  // comes last.
  for (bool by_key : {true, false}) {
    const char* label = by_key ? "groups by (kind, key)" : "groups by ValueId";
    const std::vector<ValueId> remap =
        by_key ? MergeKeyClasses(corpus) : SplitKeyClasses(corpus);
    std::vector<FlightReference> moved = refs;
    for (FlightReference& r : moved) r.value = remap[r.value];
    const double a =
        Accuracy(*corpus, moved, internal::CrosscheckParams(), threads);
    std::printf("  %-34s accuracy %.4f\n", label, a);
    results.push_back({label, a});
    if (by_key) corpus->claims = all;
  }
  auto [lo, hi] = std::minmax_element(
      results.begin(), results.end(),
      [](const auto& x, const auto& y) { return x.second < y.second; });
  std::printf("  spread: %.4f (%s) .. %.4f (%s)\n", lo->second,
              lo->first.c_str(), hi->second, hi->first.c_str());
  return 0;
}

}  // namespace crosscheck
