#include "solve/raw_copies.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "solve/pair_table.h"

namespace crosscheck::internal {
namespace {

// Log-likelihoods are summed as integers at this resolution, so that the sum
// does not depend on the order in which pairs are met.
constexpr double kScale = 1048576.0;  // 2^20

struct Counts {
  uint32_t compared = 0;
  uint32_t identical = 0;
  uint32_t rare = 0;
  uint32_t common_subjects = 0;
  int64_t llr = 0;  // sum over identical strings, fixed point
};

using Table = PairTable<Counts>;

struct Entry {
  uint32_t key = 0;  // raw string id, or group index
  uint32_t source = 0;
  bool operator<(const Entry& o) const {
    return std::tie(key, source) < std::tie(o.key, o.source);
  }
  bool operator==(const Entry& o) const {
    return key == o.key && source == o.source;
  }
};

struct Hit {
  uint32_t a = 0;
  uint32_t b = 0;
  int64_t llr = 0;
  bool rare = false;
};

class Counter {
 public:
  Counter(const Problem& p, const RawCopyParams& params)
      : p_(p),
        g_(*p.graph),
        params_(params),
        table_(p.num_sources),
        subjects_(p.num_sources, 0),
        seen_(p.num_sources, UINT32_MAX) {}

  void CountSubjects() {
    const auto& questions = g_.questions;
    std::vector<uint32_t> sources;
    for (uint32_t b = 0, e; b < questions.size(); b = e) {
      sources.clear();
      for (e = b;
           e < questions.size() && questions[e].subject == questions[b].subject;
           ++e) {
        ForEachClaim(e, [&](uint32_t k, uint32_t) {
          const uint32_t s = g_.claim_source[k];
          if (seen_[s] != b) {
            seen_[s] = b;
            sources.push_back(s);
          }
        });
      }
      std::sort(sources.begin(), sources.end());
      for (size_t i = 0; i < sources.size(); ++i) {
        ++subjects_[sources[i]];
        for (size_t j = i + 1; j < sources.size(); ++j) {
          ++table_.At(sources[i], sources[j]).common_subjects;
        }
      }
    }
  }

  void CountQuestions() {
    seen_.assign(p_.num_sources, UINT32_MAX);
    for (uint32_t q = 0; q < g_.questions.size(); ++q) {
      if (p_.question_sources[q] >= 3) CountQuestion(q);
    }
  }

  std::vector<RawPairEvidence> Evidence() const {
    std::vector<RawPairEvidence> out;
    const double log_miss = std::log(1 - params_.copy_rate);
    table_.ForEach(
        [](const Counts& c) { return c.compared > 0; },
        [&](uint32_t a, uint32_t b, const Counts& c) {
          RawPairEvidence e;
          e.a = a;
          e.b = b;
          e.compared = c.compared;
          e.identical = c.identical;
          e.rare = c.rare;
          e.common_subjects = c.common_subjects;
          e.union_subjects = subjects_[a] + subjects_[b] - c.common_subjects;
          const double llr = static_cast<double>(c.llr) / kScale +
                             (c.compared - c.identical) * log_miss;
          const double evidence =
              llr / c.compared *
              std::min<double>(c.compared, params_.max_evidence);
          const double overlap =
              e.union_subjects ? double(e.common_subjects) / e.union_subjects
                               : 0;
          const double prior =
              params_.prior_disjoint +
              (params_.prior_same_objects - params_.prior_disjoint) * overlap;
          const double logit = std::log(prior / (1 - prior)) + evidence;
          e.log_odds = logit;
          out.push_back(e);
        });
    return out;
  }

 private:
  // fn(claim position in graph.claims, group) for every claim of question q.
  template <typename Fn>
  void ForEachClaim(uint32_t q, Fn fn) const {
    const ClaimGraph::Question& question = g_.questions[q];
    for (uint32_t gi = question.first_group;
         gi < question.first_group + question.num_groups; ++gi) {
      const ClaimGraph::Group& group = g_.groups[gi];
      for (uint32_t k = group.first_claim;
           k < group.first_claim + group.num_claims; ++k) {
        fn(k, gi);
      }
    }
  }

  // Sorts and deduplicates `entries`, then calls fn(begin, end) for each run
  // of equal keys stated by two or more sources.
  template <typename Fn>
  static void ForEachRun(std::vector<Entry>* entries, Fn fn) {
    std::sort(entries->begin(), entries->end());
    entries->erase(std::unique(entries->begin(), entries->end()),
                   entries->end());
    for (size_t b = 0, e; b < entries->size(); b = e) {
      for (e = b + 1;
           e < entries->size() && (*entries)[e].key == (*entries)[b].key; ++e) {
      }
      if (e - b >= 2) fn(b, e);
    }
  }

  void CountQuestion(uint32_t q) {
    raw_.clear();
    sources_.clear();
    ForEachClaim(q, [&](uint32_t k, uint32_t) {
      const uint32_t s = g_.claim_source[k];
      raw_.push_back({g_.claim_raw[k], s});
      if (seen_[s] != q) {
        seen_[s] = q;
        sources_.push_back(s);
      }
    });
    std::sort(sources_.begin(), sources_.end());
    for (size_t i = 0; i < sources_.size(); ++i) {
      for (size_t j = i + 1; j < sources_.size(); ++j) {
        ++table_.At(sources_[i], sources_[j]).compared;
      }
    }
    const double n = static_cast<double>(sources_.size());
    const double c = params_.copy_rate;
    hits_.clear();
    ForEachRun(&raw_, [&](size_t b, size_t e) {
      const double pi = (static_cast<double>(e - b) - 1.5) / (n - 1);
      const int64_t llr =
          static_cast<int64_t>(std::log((c + (1 - c) * pi) / pi) * kScale);
      const bool rare = pi < params_.rare_share;
      for (size_t i = b; i < e; ++i) {
        for (size_t j = i + 1; j < e; ++j) {
          hits_.push_back({raw_[i].source, raw_[j].source, llr, rare});
        }
      }
    });
    // A pair sharing several strings counts once, by its rarest.
    std::sort(hits_.begin(), hits_.end(), [](const Hit& x, const Hit& y) {
      return std::make_tuple(x.a, x.b, -x.llr) <
             std::make_tuple(y.a, y.b, -y.llr);
    });
    for (size_t i = 0; i < hits_.size(); ++i) {
      if (i > 0 && hits_[i].a == hits_[i - 1].a && hits_[i].b == hits_[i - 1].b)
        continue;
      Counts& counts = table_.At(hits_[i].a, hits_[i].b);
      ++counts.identical;
      counts.rare += hits_[i].rare;
      counts.llr += hits_[i].llr;
    }
  }

  const Problem& p_;
  const ClaimGraph& g_;
  const RawCopyParams& params_;
  Table table_;
  std::vector<uint32_t> subjects_;  // per source
  std::vector<uint32_t> seen_;      // per source: last question or run seen
  std::vector<Entry> raw_;
  std::vector<uint32_t> sources_;
  std::vector<Hit> hits_;
};

// 1234567 -> "1,234,567".
std::string Thousands(uint32_t n) {
  std::string digits = absl::StrCat(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

RawCopies::RawCopies(const Problem& p, const RawCopyParams& params) {
  const ClaimGraph& g = *p.graph;
  if (g.claim_raw.size() != g.claims.size() || p.num_sources < 2) return;
  Counter counter(p, params);
  counter.CountSubjects();
  counter.CountQuestions();
  pairs_ = counter.Evidence();
}

const RawPairEvidence* RawCopies::Find(uint32_t a, uint32_t b) const {
  if (a > b) std::swap(a, b);
  auto it = std::lower_bound(
      pairs_.begin(), pairs_.end(), std::make_pair(a, b),
      [](const RawPairEvidence& e, const std::pair<uint32_t, uint32_t>& key) {
        return std::tie(e.a, e.b) < std::tie(key.first, key.second);
      });
  if (it == pairs_.end() || it->a != a || it->b != b) return nullptr;
  return &*it;
}

std::string RawEvidenceText(const RawPairEvidence& e) {
  return absl::StrFormat(
      "%s identical raw values of %s compared, %s of them rare; %s of %s "
      "subjects in common",
      Thousands(e.identical), Thousands(e.compared), Thousands(e.rare),
      Thousands(e.common_subjects), Thousands(e.union_subjects));
}

}  // namespace crosscheck::internal
