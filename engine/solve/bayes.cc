#include "solve/bayes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace crosscheck::internal {
namespace {

// Sources are reduced in chunks of this many.
constexpr size_t kSourceChunk = 16;

class Bayes {
 public:
  Bayes(const Problem& p, const SolveOptions& options, const BayesParams& params)
      : p_(p),
        options_(options),
        params_(params),
        source_acc_(p.num_sources, params.initial_accuracy),
        sa_acc_(p.sa_source.size(), params.initial_accuracy),
        sa_sum_(p.sa_source.size(), 0.0),
        tau_(p.sa_source.size(), 0.0),
        weight_(p.num_votes(), 1.0),
        own_(p.num_groups(), 0.0),
        score_(p.num_groups(), 0.0),
        prob_(p.num_groups(), 0.0),
        truth_(p.num_groups(), 0.0),
        credit_(p.num_groups(), 0.0),
        delta_(p.num_sources, 0.0) {}

  // Iterates until no source accuracy moves by more than the tolerance, or
  // max_iterations; then scores once more with the final accuracies.
  int Run(bool* converged) {
    *converged = false;
    int iterations = 0;
    while (iterations < options_.max_iterations) {
      Score();
      ++iterations;
      if (UpdateAccuracy() <= options_.tolerance) {
        *converged = true;
        break;
      }
    }
    Score();
    return iterations;
  }

  void set_weights(std::vector<double> weight) { weight_ = std::move(weight); }
  const std::vector<double>& source_accuracy() const { return source_acc_; }
  const std::vector<double>& truth() const { return truth_; }

  void Output(MethodOutput* out) {
    out->reliability = source_acc_;
    out->confidence = truth_;
    out->score = score_;
    out->vote_weight = weight_;
  }

 private:
  double Clamp(double a) const {
    return std::min(params_.max_accuracy, std::max(params_.min_accuracy, a));
  }

  void Score() {
    const double log_n = std::log(params_.false_values);
    for (size_t k = 0; k < tau_.size(); ++k) {
      const double a = Clamp(params_.per_attribute ? sa_acc_[k]
                                                   : source_acc_[p_.sa_source[k]]);
      tau_[k] = log_n + std::log(a / (1 - a));
    }
    ParallelFor(p_.graph->questions.size(), kQuestionChunk, options_.threads,
                [this](size_t b, size_t e) {
                  for (size_t q = b; q < e; ++q) ScoreQuestion(q);
                });
  }

  double Alpha(Relation r) const {
    switch (r) {
      case Relation::kEqual: return 1.0;
      case Relation::kGeneralizes: return params_.coarse_support;
      case Relation::kOverlaps: return params_.overlap_support;
      case Relation::kSpecializes:
      case Relation::kContradicts:
        return 0.0;
    }
    return 0.0;
  }

  void ScoreQuestion(size_t q) {
    const ClaimGraph::Question& question = p_.graph->questions[q];
    const uint32_t g0 = question.first_group, g1 = g0 + question.num_groups;
    const bool compat = params_.compatible_support;
    for (uint32_t g = g0; g < g1; ++g) {
      double e = 0;
      for (uint32_t v = p_.group_vote_begin[g]; v < p_.group_vote_begin[g + 1]; ++v) {
        e += weight_[v] * tau_[p_.vote_sa[v]];
      }
      own_[g] = e;
    }
    double top = 0;
    for (uint32_t g = g0; g < g1; ++g) {
      double k = own_[g];
      if (compat) {
        for (uint32_t l = p_.link_begin[g]; l < p_.link_begin[g + 1]; ++l) {
          k += Alpha(p_.links[l].relation) * own_[p_.links[l].from];
        }
      }
      score_[g] = k;
      top = std::max(top, k);
    }
    double z = 0, classes = 0;
    for (uint32_t g = g0; g < g1; ++g) {
      const double eq = compat ? p_.equal_count[g] : 1.0;
      prob_[g] = std::exp(score_[g] - top) / eq;
      z += prob_[g];
      classes += 1 / eq;
    }
    const double unstated = params_.false_values + 1 - classes;
    if (unstated > 0) z += unstated * std::exp(-top);
    for (uint32_t g = g0; g < g1; ++g) prob_[g] /= z;
    for (uint32_t g = g0; g < g1; ++g) {
      double truth = prob_[g], credit = prob_[g];
      if (compat) {
        for (uint32_t l = p_.link_begin[g]; l < p_.link_begin[g + 1]; ++l) {
          const Link& link = p_.links[l];
          if (link.relation == Relation::kEqual) {
            truth += prob_[link.from];
            credit += prob_[link.from];
          } else if (link.relation == Relation::kSpecializes) {
            truth += prob_[link.from];
            credit += params_.coarse_credit * prob_[link.from];
          }
        }
      }
      truth_[g] = std::min(1.0, truth);
      credit_[g] = std::min(1.0, credit);
    }
  }

  // Returns the largest change of a source accuracy.
  double UpdateAccuracy() {
    ParallelFor(p_.num_sources, kSourceChunk, options_.threads,
                [this](size_t b, size_t e) {
                  for (size_t s = b; s < e; ++s) UpdateSource(static_cast<uint32_t>(s));
                });
    double delta = 0;
    for (double d : delta_) delta = std::max(delta, d);
    return delta;
  }

  void UpdateSource(uint32_t s) {
    double total = 0, count = 0;
    const uint32_t kb = p_.source_sa_begin[s], ke = p_.source_sa_begin[s + 1];
    for (uint32_t k = kb; k < ke; ++k) {
      double sum = 0;
      for (uint32_t i = p_.sa_vote_begin[k]; i < p_.sa_vote_begin[k + 1]; ++i) {
        sum += credit_[p_.vote_group[p_.sa_votes[i]]];
      }
      sa_sum_[k] = sum;
      total += sum;
      count += p_.sa_vote_begin[k + 1] - p_.sa_vote_begin[k];
    }
    const double m0 = params_.source_prior, a0 = params_.initial_accuracy;
    const double acc = count + m0 > 0 ? (total + m0 * a0) / (count + m0) : a0;
    delta_[s] = std::abs(acc - source_acc_[s]);
    source_acc_[s] = acc;
    const double m = params_.attribute_prior;
    for (uint32_t k = kb; k < ke; ++k) {
      const double n = p_.sa_vote_begin[k + 1] - p_.sa_vote_begin[k];
      sa_acc_[k] = params_.per_attribute ? (sa_sum_[k] + m * acc) / (n + m) : acc;
    }
  }

  const Problem& p_;
  const SolveOptions& options_;
  const BayesParams& params_;
  std::vector<double> source_acc_;  // per source
  std::vector<double> sa_acc_;      // per source-attribute pair
  std::vector<double> sa_sum_;
  std::vector<double> tau_;
  std::vector<double> weight_;  // per vote
  std::vector<double> own_;     // per group: E
  std::vector<double> score_;   // per group: K
  std::vector<double> prob_;    // per group: p
  std::vector<double> truth_;   // per group: P
  std::vector<double> credit_;  // per group
  std::vector<double> delta_;   // per source
};

bool SamePairs(const std::vector<SourceDependence>& a,
               const std::vector<SourceDependence>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].source != b[i].source || a[i].on != b[i].on) return false;
  }
  return true;
}

}  // namespace

BayesParams AccuParams() { return BayesParams(); }

BayesParams CrosscheckParams() {
  BayesParams params;
  params.source_prior = 1;
  params.per_attribute = true;
  params.compatible_support = true;
  params.copy_detection = true;
  return params;
}

MethodOutput RunBayes(const Problem& p, const SolveOptions& options,
                      const BayesParams& params) {
  MethodOutput out;
  Bayes bayes(p, options, params);
  if (!params.copy_detection) {
    out.iterations = bayes.Run(&out.converged);
    bayes.Output(&out);
    return out;
  }
  // Copying is first judged on agreement alone, every source at the initial
  // accuracy and no value known to be false: copiers that outvote the truth
  // would otherwise look accurate, and the independent sources that state
  // the truth against them would look like they share false values. Later
  // rounds use what was learned, which clears accurate independent sources
  // that merely agree often, and sees the copiers' shared false values.
  CopyDetector detector(p, params.copy);
  for (int round = 0; round <= params.copy_rounds; ++round) {
    std::vector<SourceDependence> deps = detector.Detect(
        bayes.source_accuracy(), round == 0 ? nullptr : &bayes.truth());
    const bool settled = round > 0 && SamePairs(deps, out.dependencies);
    out.dependencies = std::move(deps);
    if (settled) break;
    bayes.set_weights(
        detector.Weights(out.dependencies, bayes.source_accuracy(), options.threads));
    bool converged = false;
    out.iterations += bayes.Run(&converged);
    out.converged = converged;
  }
  bayes.Output(&out);
  return out;
}

MethodOutput RunAccu(const Problem& p, const SolveOptions& options) {
  return RunBayes(p, options, AccuParams());
}

MethodOutput RunCrosscheck(const Problem& p, const SolveOptions& options) {
  return RunBayes(p, options, CrosscheckParams());
}

}  // namespace crosscheck::internal
