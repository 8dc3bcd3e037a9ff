#include "solve/copy_detection.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/memory.h"
#include "solve/pair_table.h"

namespace crosscheck::internal {
namespace {

// Dense pair tables up to this many sources (n^2 entries).
constexpr uint32_t kDenseSources = 512;

double ClampRate(double e) { return std::min(0.99, std::max(0.01, e)); }

uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }

// log(exp(a) + exp(b)) without overflow.
double LogAdd(double a, double b) {
  const double m = std::max(a, b);
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

struct PairCounts {
  uint32_t shared = 0;     // questions both answer
  uint32_t same = 0;       // values both state
  double false_share = 0;  // sum over same values of P(value is false)
};

}  // namespace

class CopyDetector::PairTable : public internal::PairTable<PairCounts> {
 public:
  using internal::PairTable<PairCounts>::PairTable;
};

CopyDetector::CopyDetector(const Problem& p, const CopyParams& params)
    : p_(p),
      params_(params),
      pairs_(std::make_unique<PairTable>(p.num_sources)) {
  // Questions both answer: the sources of a question follow from its shape,
  // so each shape is counted once for all its questions.
  const ClaimGraph& g = *p.graph;
  std::vector<uint32_t> sources;
  for (uint32_t shape = 0; shape < p.num_shapes(); ++shape) {
    const ClaimGraph::Question& q = g.questions[p.shape_question[shape]];
    sources.clear();
    for (uint32_t gi = q.first_group; gi < q.first_group + q.num_groups; ++gi) {
      for (uint32_t v = p.vote_begin(gi); v < p.vote_end(gi); ++v)
        sources.push_back(p.source(v));
    }
    if (sources.size() < 2) continue;
    if (q.num_groups > 1) {
      std::sort(sources.begin(), sources.end());
      sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    }
    for (size_t i = 0; i < sources.size(); ++i) {
      for (size_t j = i + 1; j < sources.size(); ++j) {
        pairs_->At(sources[i], sources[j]).shared += p.shape_questions[shape];
      }
    }
  }
  // Values both state: every pair inside a vote set, once per group using it.
  for (uint32_t set = 0; set < p.num_sets(); ++set) {
    for (uint32_t i = p.set_begin[set]; i < p.set_begin[set + 1]; ++i) {
      for (uint32_t j = i + 1; j < p.set_begin[set + 1]; ++j) {
        pairs_->At(p.source(i), p.source(j)).same += p.set_groups[set];
      }
    }
  }
}

CopyDetector::~CopyDetector() = default;

std::vector<SourceDependence> CopyDetector::Detect(
    const std::vector<double>& accuracy, const std::vector<double>* truth,
    const RawCopies* raw) {
  pairs_->ForEachMutable([](PairCounts& c) { c.false_share = 0; });
  if (truth != nullptr) {
    std::vector<double> set_false(p_.num_sets(), 0.0);
    for (uint32_t gi = 0; gi < p_.num_groups(); ++gi) {
      const double f = 1 - (*truth)[gi];
      if (f >= params_.min_false) set_false[p_.group_set[gi]] += f;
    }
    for (uint32_t set = 0; set < p_.num_sets(); ++set) {
      if (set_false[set] == 0) continue;
      for (uint32_t i = p_.set_begin[set]; i < p_.set_begin[set + 1]; ++i) {
        for (uint32_t j = i + 1; j < p_.set_begin[set + 1]; ++j) {
          pairs_->At(p_.source(i), p_.source(j)).false_share += set_false[set];
        }
      }
    }
  }
  const double n = params_.false_values, c = params_.copy_rate;
  const double default_log_odds = std::log(params_.prior / (1 - params_.prior));
  std::vector<SourceDependence> out;
  pairs_->ForEach(
      [](const PairCounts& k) { return k.shared > 0; },
      [&](uint32_t a, uint32_t b, const PairCounts& k) {
        // A source stating several values of one question can share more values
        // than questions with another.
        const double same = std::min(k.same, k.shared);
        const double kf = std::min<double>(k.false_share, same);
        const double kt = same - kf;
        const double kd =
            k.shared > k.same ? static_cast<double>(k.shared - k.same) : 0.0;
        const double ea = ClampRate(1 - accuracy[a]),
                     eb = ClampRate(1 - accuracy[b]);
        const double pt = (1 - ea) * (1 - eb), pf = ea * eb / n;
        const double pd = std::max(1 - pt - pf, 1e-9);
        const double independent =
            kt * std::log(pt) + kf * std::log(pf) + kd * std::log(pd);
        auto copies_from = [&](double e_original) {
          return kt * std::log(pt * (1 - c) + c * (1 - e_original)) +
                 kf * std::log(pf * (1 - c) + c * e_original) +
                 kd * std::log(pd * (1 - c));
        };
        // Either direction, each half of the prior.
        const double llr = LogAdd(copies_from(eb), copies_from(ea)) -
                           std::log(2.0) - independent;
        const RawPairEvidence* evidence = raw ? raw->Find(a, b) : nullptr;
        const double log_odds =
            (evidence ? evidence->log_odds : default_log_odds) +
            llr / k.shared * std::min<double>(k.shared, params_.max_evidence);
        const double probability = 1 / (1 + std::exp(-log_odds));
        if (probability < params_.min_probability) return;
        const auto rank_a = std::make_tuple(p_.source_votes[a], accuracy[a], b);
        const auto rank_b = std::make_tuple(p_.source_votes[b], accuracy[b], a);
        const bool a_copies = rank_a < rank_b;
        SourceDependence d;
        d.source = a_copies ? a : b;
        d.on = a_copies ? b : a;
        d.probability = probability;
        d.evidence = absl::StrFormat(
            "same value on %u of %u shared questions (%.1f%%), %.0f of them "
            "likely "
            "false",
            static_cast<uint32_t>(same), k.shared, 100.0 * same / k.shared, kf);
        if (evidence != nullptr) {
          d.evidence =
              absl::StrCat(RawEvidenceText(*evidence), "; ", d.evidence);
        }
        out.push_back(std::move(d));
      });
  std::sort(out.begin(), out.end(),
            [](const SourceDependence& x, const SourceDependence& y) {
              return std::tie(x.source, x.on) < std::tie(y.source, y.on);
            });
  return out;
}

std::vector<float> CopyDetector::Weights(
    const std::vector<SourceDependence>& deps,
    const std::vector<double>& accuracy, int threads) const {
  std::vector<float> weight;
  if (deps.empty()) return weight;
  ReserveLarge(&weight, p_.num_votes());
  weight.assign(p_.num_votes(), 1.0f);
  const uint32_t n = p_.num_sources;
  std::vector<char> flagged(n, 0);
  std::vector<double> dense;  // n * n when small
  absl::flat_hash_map<uint64_t, double> sparse;
  if (n <= kDenseSources) dense.assign(size_t{n} * n, 0.0);
  for (const SourceDependence& d : deps) {
    if (d.on == kVirtualOrigin) continue;
    flagged[d.source] = flagged[d.on] = 1;
    if (dense.empty()) {
      sparse[PairKey(std::min(d.source, d.on), std::max(d.source, d.on))] =
          d.probability;
    } else {
      dense[size_t{d.source} * n + d.on] = dense[size_t{d.on} * n + d.source] =
          d.probability;
    }
  }
  auto dependence = [&](uint32_t a, uint32_t b) {
    if (!dense.empty()) return dense[size_t{a} * n + b];
    auto it = sparse.find(PairKey(std::min(a, b), std::max(a, b)));
    return it == sparse.end() ? 0.0 : it->second;
  };
  const double c = params_.copy_rate;
  ParallelFor(
      p_.num_sets(), kQuestionChunk, threads, [&](size_t b, size_t e, int) {
        std::vector<uint32_t> order;
        for (size_t set = b; set < e; ++set) {
          order.clear();
          for (uint32_t v = p_.set_begin[set]; v < p_.set_begin[set + 1]; ++v) {
            if (flagged[p_.source(v)]) order.push_back(v);
          }
          if (order.size() < 2) continue;
          std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
            const uint32_t sx = p_.source(x), sy = p_.source(y);
            if (accuracy[sx] != accuracy[sy])
              return accuracy[sx] > accuracy[sy];
            return sx < sy;
          });
          for (size_t i = 1; i < order.size(); ++i) {
            const uint32_t si = p_.source(order[i]);
            double w = 1.0;
            for (size_t j = 0; j < i; ++j)
              w *= 1 - c * dependence(p_.source(order[j]), si);
            weight[order[i]] = static_cast<float>(w);
          }
        }
      });
  return weight;
}

std::vector<SourceDependence> MergeDependences(
    std::vector<SourceDependence> detected,
    const std::vector<SourceDependence>& known) {
  if (known.empty()) return detected;
  auto key = [](const SourceDependence& d) {
    return d.on == kVirtualOrigin
               ? std::make_tuple(d.source, d.on, d.origin)
               : std::make_tuple(std::min(d.source, d.on),
                                 std::max(d.source, d.on), std::string());
  };
  std::map<std::tuple<uint32_t, uint32_t, std::string>, size_t> index;
  for (size_t i = 0; i < detected.size(); ++i) index[key(detected[i])] = i;
  for (const SourceDependence& k : known) {
    auto it = index.find(key(k));
    if (it == index.end()) {
      index[key(k)] = detected.size();
      detected.push_back(k);
      continue;
    }
    SourceDependence& d = detected[it->second];
    d.source = k.source;  // documents' dates tell direction better
    d.on = k.on;
    d.probability = 1 - (1 - d.probability) * (1 - k.probability);
    d.evidence = absl::StrCat(k.evidence, "; ", d.evidence);
  }
  std::sort(detected.begin(), detected.end(),
            [](const SourceDependence& x, const SourceDependence& y) {
              return std::tie(x.source, x.on, x.origin) <
                     std::tie(y.source, y.on, y.origin);
            });
  return detected;
}

}  // namespace crosscheck::internal
