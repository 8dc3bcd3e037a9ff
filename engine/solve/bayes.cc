#include "solve/bayes.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "graph/memory.h"

namespace crosscheck::internal {
namespace {

class Bayes {
 public:
  Bayes(const Problem& p, const SolveOptions& options,
        const BayesParams& params)
      : p_(p),
        options_(options),
        params_(params),
        workers_(Workers(p.num_shapes(), kShapeChunk, options.threads)),
        source_acc_(p.num_sources, params.initial_accuracy),
        sa_acc_(p.sa_source.size(), params.initial_accuracy),
        tau_(p.sa_source.size(), 0.0),
        set_score_(p.num_sets(), 0.0),
        sums_(p.num_sets(), workers_),
        shape_score_(p.shape_first.back(), 0.0),
        shape_truth_(p.shape_first.back(), 0.0),
        scratch_(workers_) {}

  // Iterates until no source accuracy moves by more than `tolerance`, or
  // max_iterations; then scores once more with the final accuracies.
  int Run(double tolerance, bool* converged) {
    *converged = false;
    int iterations = 0;
    while (iterations < options_.max_iterations) {
      Score(/*accumulate=*/true);
      ++iterations;
      if (UpdateAccuracy() <= tolerance) {
        *converged = true;
        break;
      }
    }
    Score(/*accumulate=*/false);
    return iterations;
  }

  void set_weights(std::vector<float> weight) { weight_ = std::move(weight); }
  const std::vector<double>& source_accuracy() const { return source_acc_; }

  // P per group, from the last scoring.
  std::vector<double> Truth() const {
    return SpreadOverQuestions(p_, shape_truth_);
  }

  void Output(MethodOutput* out) {
    out->reliability = source_acc_;
    out->confidence = SpreadOverQuestions(p_, shape_truth_);
    out->score = SpreadOverQuestions(p_, shape_score_);
    out->vote_weight = std::move(weight_);
  }

 private:
  // Per-worker scratch for one question's groups.
  struct Scratch {
    std::vector<double> own, prob;
  };

  // Votes that count toward the accuracy of source-attribute pair k.
  double votes(uint32_t k) const {
    return params_.contested_only ? p_.sa_contested_votes[k] : p_.sa_votes[k];
  }

  double Clamp(double a) const {
    return std::min(params_.max_accuracy, std::max(params_.min_accuracy, a));
  }

  void Score(bool accumulate) {
    const double log_n = std::log(params_.false_values);
    for (size_t k = 0; k < tau_.size(); ++k) {
      const double a = Clamp(
          params_.per_attribute ? sa_acc_[k] : source_acc_[p_.sa_source[k]]);
      tau_[k] = log_n + std::log(a / (1 - a));
    }
    // E of every group of a set: its votes' weighted vote counts.
    for (uint32_t set = 0; set < p_.num_sets(); ++set) {
      double e = 0;
      for (uint32_t v = p_.set_begin[set]; v < p_.set_begin[set + 1]; ++v) {
        e += (weight_.empty() ? 1.0 : weight_[v]) * tau_[p_.vote_sa[v]];
      }
      set_score_[set] = e;
    }
    ParallelFor(p_.num_shapes(), kShapeChunk, options_.threads,
                [this, accumulate](size_t b, size_t e, int worker) {
                  for (size_t shape = b; shape < e; ++shape) {
                    ScoreShape(static_cast<uint32_t>(shape), accumulate,
                               worker);
                  }
                });
  }

  double Alpha(Relation r) const {
    switch (r) {
      case Relation::kEqual:
        return 1.0;
      case Relation::kGeneralizes:
        return params_.coarse_support;
      case Relation::kOverlaps:
        return params_.overlap_support;
      case Relation::kSpecializes:
      case Relation::kContradicts:
        return 0.0;
    }
    return 0.0;
  }

  // Scores the shape's first question; every question of the shape scores
  // the same, so its credit counts once per question.
  void ScoreShape(uint32_t shape, bool accumulate, int worker) {
    const uint32_t q = p_.shape_question[shape];
    const ClaimGraph::Question& question = p_.graph->questions[q];
    const uint32_t g0 = question.first_group, n = question.num_groups;
    double* score = &shape_score_[p_.shape_first[shape]];
    double* truth = &shape_truth_[p_.shape_first[shape]];
    const bool compat = params_.compatible_support;
    Scratch& s = scratch_[worker];
    s.own.resize(n);
    s.prob.resize(n);
    for (uint32_t i = 0; i < n; ++i)
      s.own[i] = set_score_[p_.group_set[g0 + i]];
    double top = 0;
    for (uint32_t i = 0; i < n; ++i) {
      double k = s.own[i];
      if (compat) {
        for (uint32_t l = p_.link_begin[g0 + i]; l < p_.link_begin[g0 + i + 1];
             ++l) {
          k += Alpha(p_.links[l].relation) * s.own[p_.links[l].from - g0];
        }
      }
      score[i] = k;
      top = std::max(top, k);
    }
    double z = 0, classes = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const double eq = compat ? p_.equal_count[g0 + i] : 1.0;
      const double x = score[i] - top;
      // Below e^-50 a value's weight is lost in the sum anyway.
      s.prob[i] = x < -50 ? 0.0 : std::exp(x) / eq;
      z += s.prob[i];
      classes += 1 / eq;
    }
    const double unstated = params_.false_values + 1 - classes;
    if (unstated > 0 && top < 50) z += unstated * std::exp(-top);
    for (uint32_t i = 0; i < n; ++i) s.prob[i] /= z;
    const bool counted =
        accumulate && (!params_.contested_only || p_.question_sources[q] >= 2);
    const double questions = p_.shape_questions[shape];
    for (uint32_t i = 0; i < n; ++i) {
      // Mass of g's value class, and of the more precise values g includes.
      double cls = s.prob[i], finer = 0;
      if (compat) {
        for (uint32_t l = p_.link_begin[g0 + i]; l < p_.link_begin[g0 + i + 1];
             ++l) {
          const Link& link = p_.links[l];
          if (link.relation == Relation::kEqual) cls += s.prob[link.from - g0];
          if (link.relation == Relation::kSpecializes)
            finer += s.prob[link.from - g0];
        }
      }
      truth[i] = std::min(1.0, cls + finer);
      if (counted) {
        const double credit =
            std::min(1.0, cls + params_.coarse_credit * finer);
        sums_.Add(worker, p_.group_set[g0 + i], credit * questions);
      }
    }
  }

  // Returns the largest change of a source accuracy.
  double UpdateAccuracy() {
    const std::vector<double> set_credit = sums_.Collect();
    std::vector<double> credit(p_.sa_source.size(), 0.0);
    for (uint32_t set = 0; set < p_.num_sets(); ++set) {
      for (uint32_t v = p_.set_begin[set]; v < p_.set_begin[set + 1]; ++v) {
        credit[p_.vote_sa[v]] += set_credit[set];
      }
    }
    const double m0 = params_.source_prior, a0 = params_.initial_accuracy;
    const double m = params_.attribute_prior;
    double delta = 0;
    for (uint32_t s = 0; s < p_.num_sources; ++s) {
      const uint32_t kb = p_.source_sa_begin[s], ke = p_.source_sa_begin[s + 1];
      double total = 0, count = 0;
      for (uint32_t k = kb; k < ke; ++k) {
        total += credit[k];
        count += votes(k);
      }
      const double acc =
          Clamp(count + m0 > 0 ? (total + m0 * a0) / (count + m0) : a0);
      delta = std::max(delta, std::abs(acc - source_acc_[s]));
      source_acc_[s] = acc;
      for (uint32_t k = kb; k < ke; ++k) {
        sa_acc_[k] = params_.per_attribute
                         ? Clamp((credit[k] + m * acc) / (votes(k) + m))
                         : acc;
      }
    }
    return delta;
  }

  const Problem& p_;
  const SolveOptions& options_;
  const BayesParams& params_;
  const int workers_;
  std::vector<double> source_acc_;   // per source
  std::vector<double> sa_acc_;       // per source-attribute pair
  std::vector<double> tau_;          // per source-attribute pair
  std::vector<double> set_score_;    // per vote set: E
  ExactSums sums_;                   // credit per vote set
  std::vector<float> weight_;        // per vote; empty: every vote counts 1
  std::vector<double> shape_score_;  // per shape group: K
  std::vector<double> shape_truth_;  // per shape group: P
  std::vector<Scratch> scratch_;     // per worker
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
  params.contested_only = true;
  params.per_attribute = true;
  params.compatible_support = true;
  params.copy_detection = true;
  params.raw_copies = true;
  return params;
}

MethodOutput RunBayes(const Problem& p, const SolveOptions& options,
                      const BayesParams& params) {
  MethodOutput out;
  Bayes bayes(p, options, params);
  if (params.copy_detection) {
    // Copying is first judged on agreement alone, every source at the
    // initial accuracy and no value known to be false: copiers that outvote
    // the truth would otherwise look accurate, and the independent sources
    // that state the truth against them would seem to share false values.
    // Later rounds use what was learned, which clears accurate independent
    // sources that merely agree often and exposes the copiers' shared false
    // values. Rounds before the last only need rough accuracies.
    CopyDetector detector(p, params.copy);
    const RawCopies raw =
        params.raw_copies ? RawCopies(p, params.raw) : RawCopies();
    for (int round = 0; round <= params.copy_rounds; ++round) {
      const std::vector<double> truth =
          round == 0 ? std::vector<double>() : bayes.Truth();
      std::vector<SourceDependence> deps =
          MergeDependences(detector.Detect(bayes.source_accuracy(),
                                           round == 0 ? nullptr : &truth, &raw),
                           options.known_dependences);
      const bool settled = round > 0 && SamePairs(deps, out.dependencies);
      out.dependencies = std::move(deps);
      if (settled) break;
      bayes.set_weights(detector.Weights(
          out.dependencies, bayes.source_accuracy(), options.threads));
      if (round == params.copy_rounds) break;
      bool converged = false;
      out.iterations += bayes.Run(
          std::max(options.tolerance, params.round_tolerance), &converged);
    }
  }
  out.iterations += bayes.Run(options.tolerance, &out.converged);
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
