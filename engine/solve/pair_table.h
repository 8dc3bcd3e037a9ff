// Counts per unordered pair of sources (a < b): a dense square for few
// sources, a hash map for many (most pairs of many sources never meet).
// Shared by the copy detectors.
#ifndef CROSSCHECK_ENGINE_SOLVE_PAIR_TABLE_H_
#define CROSSCHECK_ENGINE_SOLVE_PAIR_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace crosscheck::internal {

template <typename Counts>
class PairTable {
 public:
  // Dense tables up to this many sources (n^2 entries).
  static constexpr uint32_t kDenseSources = 512;

  explicit PairTable(uint32_t n) : n_(n) {
    if (n <= kDenseSources) dense_.resize(size_t{n} * n);
  }

  // REQUIRES: a < b < n.
  Counts& At(uint32_t a, uint32_t b) {
    return dense_.empty() ? sparse_[Key(a, b)] : dense_[size_t{a} * n_ + b];
  }

  // fn(counts) for every entry, in no particular order (for resets).
  template <typename Fn>
  void ForEachMutable(Fn fn) {
    for (Counts& c : dense_) fn(c);
    for (auto& [key, c] : sparse_) fn(c);
  }

  // fn(a, b, counts) for every pair with met(counts), in (a, b) order, so
  // that sums over pairs do not depend on hash order.
  template <typename Met, typename Fn>
  void ForEach(Met met, Fn fn) const {
    if (!dense_.empty()) {
      for (uint32_t a = 0; a < n_; ++a) {
        for (uint32_t b = a + 1; b < n_; ++b) {
          const Counts& c = dense_[size_t{a} * n_ + b];
          if (met(c)) fn(a, b, c);
        }
      }
      return;
    }
    std::vector<uint64_t> keys;
    keys.reserve(sparse_.size());
    for (const auto& [key, c] : sparse_) {
      if (met(c)) keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());
    for (uint64_t key : keys) {
      fn(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key),
         sparse_.at(key));
    }
  }

 private:
  static uint64_t Key(uint32_t a, uint32_t b) {
    return (uint64_t{a} << 32) | b;
  }

  uint32_t n_;
  std::vector<Counts> dense_;
  absl::flat_hash_map<uint64_t, Counts> sparse_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_SOLVE_PAIR_TABLE_H_
