#include "crosscheck/evaluate.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace crosscheck {
namespace {

// Sorted distinct surnames of a name list.
std::vector<std::string> Surnames(const ValueStore& store, ValueId id) {
  std::vector<std::string> out;
  for (const PersonName& p : store.name_list(store.Get(id).list))
    out.push_back(p.surname);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class Scorer {
 public:
  Scorer(const Corpus& corpus, const ClaimGraph& graph,
         const Solution& solution, const ValueRules& rules, ScoreMode mode)
      : corpus_(corpus),
        graph_(graph),
        solution_(solution),
        rules_(rules),
        mode_(mode) {
    for (uint32_t q = 0; q < graph.questions.size(); ++q) {
      const ClaimGraph::Question& question = graph.questions[q];
      const std::string subject(corpus.str(question.subject));
      by_question_[{subject, std::string(corpus.str(question.predicate))}] = q;
      by_subject_[subject].push_back(q);
    }
  }

  void Score(const GoldEntry& e, ScoreResult* result) {
    ++result->gold;
    const std::string object(absl::StripAsciiWhitespace(e.object));
    const std::string attribute(absl::StripAsciiWhitespace(e.attribute));
    uint32_t q = 0;
    if (!attribute.empty()) {
      auto it = by_question_.find({object, attribute});
      if (it == by_question_.end())
        return Missing(e, "no question for this object and attribute", result);
      q = it->second;
    } else {
      auto it = by_subject_.find(object);
      if (it == by_subject_.end())
        return Missing(e, "no question for this object", result);
      if (it->second.size() != 1)
        return Missing(e, "object has several questions; name the attribute",
                       result);
      q = it->second[0];
    }
    ++result->evaluated;
    const ValueId answer = graph_.groups[solution_.answer[q]].value;
    std::string reason;
    if (Matches(answer, e.value, &reason)) {
      ++result->correct;
      return;
    }
    result->misses.push_back(
        {e, std::string(corpus_.values.Key(answer)), reason});
  }

 private:
  void Missing(const GoldEntry& e, const char* reason, ScoreResult* result) {
    ++result->missing;
    result->misses.push_back({e, "", reason});
  }

  bool Matches(ValueId answer, const std::string& gold, std::string* reason) {
    const Value& a = corpus_.values.Get(answer);
    const ValueKind kind =
        mode_ == ScoreMode::kSurnames ? ValueKind::kNameList : a.kind;
    if (mode_ == ScoreMode::kSurnames && a.kind != ValueKind::kNameList) {
      *reason =
          absl::StrCat("answer is ", ValueKindName(a.kind), ", not names");
      return false;
    }
    absl::StatusOr<ValueId> g = ParseValue(rules_, kind, gold, &scratch_);
    if (!g.ok()) {
      *reason =
          absl::StrCat("gold value does not type as ", ValueKindName(kind));
      return false;
    }
    const bool same =
        mode_ == ScoreMode::kSurnames
            ? Surnames(corpus_.values, answer) == Surnames(scratch_, *g)
            : corpus_.values.Key(answer) == scratch_.Key(*g);
    if (!same)
      *reason = absl::StrCat("wrong answer; gold is ", scratch_.Key(*g));
    return same;
  }

  const Corpus& corpus_;
  const ClaimGraph& graph_;
  const Solution& solution_;
  const ValueRules& rules_;
  ScoreMode mode_;
  ValueStore scratch_;  // gold values, typed
  absl::flat_hash_map<std::pair<std::string, std::string>, uint32_t>
      by_question_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_subject_;
};

}  // namespace

absl::string_view ScoreModeName(ScoreMode mode) {
  return mode == ScoreMode::kSurnames ? "surnames" : "exact";
}

bool ParseScoreMode(absl::string_view name, ScoreMode* mode) {
  if (name == "exact") {
    *mode = ScoreMode::kExact;
  } else if (name == "surnames") {
    *mode = ScoreMode::kSurnames;
  } else {
    return false;
  }
  return true;
}

ScoreResult ScoreAnswers(const Corpus& corpus, const ClaimGraph& graph,
                         const Solution& solution, const ValueRules& rules,
                         const std::vector<GoldEntry>& gold, ScoreMode mode) {
  ScoreResult result;
  Scorer scorer(corpus, graph, solution, rules, mode);
  for (const GoldEntry& e : gold) scorer.Score(e, &result);
  if (result.evaluated > 0) {
    result.accuracy = static_cast<double>(result.correct) / result.evaluated;
  }
  return result;
}

}  // namespace crosscheck
