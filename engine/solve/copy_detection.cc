#include "solve/copy_detection.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"

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
  uint32_t shared = 0;  // questions both answer
  uint32_t same = 0;    // values both state
  double false_share = 0;  // sum over same values of P(value is false)
};

}  // namespace

// Counts per unordered pair (a < b): a dense square for few sources, a hash
// map for many (most pairs of many sources never meet).
class CopyDetector::PairTable {
 public:
  explicit PairTable(uint32_t n) : n_(n) {
    if (n <= kDenseSources) dense_.resize(size_t{n} * n);
  }
  PairCounts& At(uint32_t a, uint32_t b) {
    return dense_.empty() ? sparse_[PairKey(a, b)] : dense_[size_t{a} * n_ + b];
  }
  void ClearFalseShares() {
    for (PairCounts& c : dense_) c.false_share = 0;
    for (auto& [key, c] : sparse_) c.false_share = 0;
  }
  // fn(a, b, counts) for every pair that shares a question, in (a, b) order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    if (!dense_.empty()) {
      for (uint32_t a = 0; a < n_; ++a) {
        for (uint32_t b = a + 1; b < n_; ++b) {
          const PairCounts& c = dense_[size_t{a} * n_ + b];
          if (c.shared > 0) fn(a, b, c);
        }
      }
      return;
    }
    std::vector<uint64_t> keys;
    keys.reserve(sparse_.size());
    for (const auto& [key, c] : sparse_) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    for (uint64_t key : keys) {
      fn(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key),
         sparse_.at(key));
    }
  }

 private:
  uint32_t n_;
  std::vector<PairCounts> dense_;
  absl::flat_hash_map<uint64_t, PairCounts> sparse_;
};

CopyDetector::CopyDetector(const Problem& p, const CopyParams& params)
    : p_(p), params_(params), pairs_(std::make_unique<PairTable>(p.num_sources)) {
  const ClaimGraph& g = *p.graph;
  std::vector<uint32_t> sources;
  for (const ClaimGraph::Question& q : g.questions) {
    const uint32_t b = p.group_vote_begin[q.first_group];
    const uint32_t e = p.group_vote_begin[q.first_group + q.num_groups];
    if (e - b < 2) continue;
    sources.assign(p.vote_source.begin() + b, p.vote_source.begin() + e);
    if (q.num_groups > 1) {
      std::sort(sources.begin(), sources.end());
      sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    }
    for (size_t i = 0; i < sources.size(); ++i) {
      for (size_t j = i + 1; j < sources.size(); ++j) {
        ++pairs_->At(sources[i], sources[j]).shared;
      }
    }
    for (uint32_t gi = q.first_group; gi < q.first_group + q.num_groups; ++gi) {
      const uint32_t vb = p.group_vote_begin[gi], ve = p.group_vote_begin[gi + 1];
      for (uint32_t i = vb; i < ve; ++i) {
        for (uint32_t j = i + 1; j < ve; ++j) {
          ++pairs_->At(p.vote_source[i], p.vote_source[j]).same;
        }
      }
    }
  }
}

CopyDetector::~CopyDetector() = default;

std::vector<SourceDependence> CopyDetector::Detect(
    const std::vector<double>& accuracy, const std::vector<double>* truth) {
  pairs_->ClearFalseShares();
  for (size_t gi = 0; truth != nullptr && gi < p_.num_groups(); ++gi) {
    const double f = 1 - (*truth)[gi];
    const uint32_t vb = p_.group_vote_begin[gi], ve = p_.group_vote_begin[gi + 1];
    if (f < params_.min_false || ve - vb < 2) continue;
    for (uint32_t i = vb; i < ve; ++i) {
      for (uint32_t j = i + 1; j < ve; ++j) {
        pairs_->At(p_.vote_source[i], p_.vote_source[j]).false_share += f;
      }
    }
  }
  const double n = params_.false_values, c = params_.copy_rate;
  const double log_half_prior = std::log(params_.prior / 2);
  const double log_independent_prior = std::log(1 - params_.prior);
  std::vector<SourceDependence> out;
  pairs_->ForEach([&](uint32_t a, uint32_t b, const PairCounts& k) {
    const double kf = std::min<double>(k.false_share, k.same);
    const double kt = k.same - kf;
    const double kd = k.shared > k.same ? static_cast<double>(k.shared - k.same) : 0.0;
    const double ea = ClampRate(1 - accuracy[a]), eb = ClampRate(1 - accuracy[b]);
    const double pt = (1 - ea) * (1 - eb), pf = ea * eb / n, pd = 1 - pt - pf;
    const double independent = kt * std::log(pt) + kf * std::log(pf) + kd * std::log(pd);
    auto copies_from = [&](double e_original) {
      return kt * std::log(pt * (1 - c) + c * (1 - e_original)) +
             kf * std::log(pf * (1 - c) + c * e_original) +
             kd * std::log(pd * (1 - c));
    };
    const double dependent = LogAdd(log_half_prior + copies_from(eb),
                                    log_half_prior + copies_from(ea));
    const double evidence = LogAdd(dependent, log_independent_prior + independent);
    const double probability = std::exp(dependent - evidence);
    if (probability < params_.min_probability) return;
    const auto rank_a = std::make_tuple(p_.source_votes[a], accuracy[a], b);
    const auto rank_b = std::make_tuple(p_.source_votes[b], accuracy[b], a);
    const bool a_copies = rank_a < rank_b;
    SourceDependence d;
    d.source = a_copies ? a : b;
    d.on = a_copies ? b : a;
    d.probability = probability;
    d.evidence = absl::StrFormat(
        "same value on %u of %u shared questions (%.1f%%), %.0f of them likely "
        "false",
        k.same, k.shared, 100.0 * k.same / k.shared, kf);
    out.push_back(std::move(d));
  });
  std::sort(out.begin(), out.end(),
            [](const SourceDependence& x, const SourceDependence& y) {
              return std::tie(x.source, x.on) < std::tie(y.source, y.on);
            });
  return out;
}

std::vector<double> CopyDetector::Weights(
    const std::vector<SourceDependence>& deps,
    const std::vector<double>& accuracy, int threads) const {
  std::vector<double> weight(p_.num_votes(), 1.0);
  if (deps.empty()) return weight;
  std::vector<char> flagged(p_.num_sources, 0);
  absl::flat_hash_map<uint64_t, double> dependence;
  for (const SourceDependence& d : deps) {
    flagged[d.source] = flagged[d.on] = 1;
    dependence[PairKey(std::min(d.source, d.on), std::max(d.source, d.on))] =
        d.probability;
  }
  const ClaimGraph& g = *p_.graph;
  const double c = params_.copy_rate;
  ParallelFor(g.questions.size(), kQuestionChunk, threads, [&](size_t qb, size_t qe) {
    std::vector<uint32_t> order;
    for (size_t q = qb; q < qe; ++q) {
      const ClaimGraph::Question& question = g.questions[q];
      for (uint32_t gi = question.first_group;
           gi < question.first_group + question.num_groups; ++gi) {
        order.clear();
        for (uint32_t v = p_.group_vote_begin[gi]; v < p_.group_vote_begin[gi + 1]; ++v) {
          if (flagged[p_.vote_source[v]]) order.push_back(v);
        }
        if (order.size() < 2) continue;
        std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
          const uint32_t sx = p_.vote_source[x], sy = p_.vote_source[y];
          if (accuracy[sx] != accuracy[sy]) return accuracy[sx] > accuracy[sy];
          return sx < sy;
        });
        for (size_t i = 1; i < order.size(); ++i) {
          const uint32_t si = p_.vote_source[order[i]];
          double w = 1.0;
          for (size_t j = 0; j < i; ++j) {
            const uint32_t sj = p_.vote_source[order[j]];
            auto it = dependence.find(PairKey(std::min(si, sj), std::max(si, sj)));
            if (it != dependence.end()) w *= 1 - c * it->second;
          }
          weight[order[i]] = w;
        }
      }
    }
  });
  return weight;
}

}  // namespace crosscheck::internal
