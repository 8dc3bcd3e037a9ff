// TypeClaims: the kind of each predicate, one parse per distinct (kind, raw
// string), skipped values and records accounted for, and date completion.
// The per-claim path is table look-ups only: raw strings repeat, so each is
// parsed once into a memo indexed by its StringId.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "crosscheck/corpus.h"
#include "value/datetime.h"
#include "value/parse.h"
#include "value/text_fold.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

constexpr uint32_t kUnparsed = UINT32_MAX;
constexpr uint32_t kNullCell = UINT32_MAX - 1;
constexpr uint32_t kInvalidCell = UINT32_MAX - 2;
constexpr uint32_t kNone = UINT32_MAX;
constexpr int kNumKinds = 5;
// Share of a predicate's values that must parse as a kind for detection.
constexpr double kDetectShare = 0.9;

class Typer {
 public:
  Typer(const ValueRules::Impl& rules, const TypingOptions& options, Corpus* corpus)
      : rules_(rules), options_(options), c_(*corpus) {}

  void Run() {
    AssignKinds();
    // Results go straight into Claim::value; null and unparsable cells hold
    // the sentinels kNullCell / kInvalidCell until DropClaims removes them.
    bool any_dropped = false;
    bool any_incomplete = false;
    for (Claim& claim : c_.claims) {
      if (claim.value != kNoValue) continue;
      uint32_t r = Parse(KindOfPredicate(claim.predicate), claim.raw_value);
      claim.value = r;
      if (r >= kInvalidCell) {
        any_dropped = true;
      } else {
        any_incomplete |= NeedsDate(c_.values.Get(r));
      }
    }
    if (any_incomplete) CompleteDates();
    if (any_dropped) DropClaims();
  }

 private:
  ValueKind KindOfPredicate(StringId predicate) const {
    return kinds_[predicate_slot_[predicate]];
  }

  // The memoized parse of `raw` as `kind`: a ValueId, kNullCell or kInvalidCell.
  uint32_t Parse(ValueKind kind, StringId raw) {
    std::vector<uint32_t>& memo = memo_[static_cast<int>(kind)];
    if (memo.empty()) memo.assign(c_.strings.size(), kUnparsed);
    uint32_t& slot = memo[raw];
    if (slot != kUnparsed) return slot;
    ValueId id = kNoValue;
    switch (ParseRaw(rules_, kind, c_.strings.Get(raw), &c_.values, &id, &shapes_)) {
      case ParseResult::kOk: slot = id; break;
      case ParseResult::kNull: slot = kNullCell; break;
      case ParseResult::kInvalid: slot = kInvalidCell; break;
    }
    return slot;
  }

  void AssignKinds() {
    predicate_slot_.assign(c_.strings.size(), kNone);
    std::vector<StringId> predicates;
    for (const Claim& claim : c_.claims) {
      if (claim.value != kNoValue || predicate_slot_[claim.predicate] != kNone) continue;
      predicate_slot_[claim.predicate] = static_cast<uint32_t>(predicates.size());
      predicates.push_back(claim.predicate);
    }
    kinds_.assign(predicates.size(), ValueKind::kText);
    std::vector<bool> detect(predicates.size(), false);
    bool any_detect = false;
    for (size_t p = 0; p < predicates.size(); ++p) {
      std::string name(c_.str(predicates[p]));
      auto it = options_.kinds.find(name);
      if (it != options_.kinds.end()) {
        kinds_[p] = it->second;
      } else if (!rules_.KindOf(name, &kinds_[p])) {
        detect[p] = any_detect = true;
      }
    }
    if (any_detect) Detect(detect);
  }

  // Kinds from the values: >= 90% of the non-null claims parse as date-times,
  // else as numbers, else text. Parsed into a scratch store, so that values
  // of a rejected kind do not linger.
  void Detect(const std::vector<bool>& detect) {
    ValueStore scratch;
    std::vector<int8_t> as_datetime(c_.strings.size(), -1), as_number(c_.strings.size(), -1);
    std::vector<uint64_t> total(kinds_.size()), datetimes(kinds_.size()), numbers(kinds_.size());
    auto parses = [&](ValueKind kind, StringId raw, std::vector<int8_t>* memo) {
      int8_t& m = (*memo)[raw];
      if (m < 0) {
        ValueId id;
        m = ParseRaw(rules_, kind, c_.strings.Get(raw), &scratch, &id, &shapes_) == ParseResult::kOk;
      }
      return m == 1;
    };
    for (const Claim& claim : c_.claims) {
      if (claim.value != kNoValue) continue;
      uint32_t p = predicate_slot_[claim.predicate];
      if (!detect[p] || rules_.IsNullTrimmed(TrimSpace(c_.strings.Get(claim.raw_value)))) continue;
      ++total[p];
      datetimes[p] += parses(ValueKind::kDateTime, claim.raw_value, &as_datetime);
      numbers[p] += parses(ValueKind::kNumber, claim.raw_value, &as_number);
    }
    for (size_t p = 0; p < kinds_.size(); ++p) {
      if (!detect[p] || total[p] == 0) continue;
      if (datetimes[p] >= kDetectShare * total[p]) {
        kinds_[p] = ValueKind::kDateTime;
      } else if (numbers[p] >= kDetectShare * total[p]) {
        kinds_[p] = ValueKind::kNumber;
      }
    }
  }

  // Time-only and year-less date-times take the most common date among the
  // subject's dated values of the same predicate, else of any predicate;
  // ties go to the earlier date.
  void CompleteDates() {
    struct Seen {
      StringId predicate;
      int64_t day;
      uint32_t count;
    };
    std::vector<uint32_t> subject_slot(c_.strings.size(), kNone);
    std::vector<std::vector<Seen>> seen;
    for (const Claim& claim : c_.claims) {
      if (claim.value >= kInvalidCell) continue;
      const Value& v = c_.values.Get(claim.value);
      if (v.kind != ValueKind::kDateTime || NeedsDate(v) || v.granularity < Granularity::kDay) {
        continue;
      }
      uint32_t& slot = subject_slot[claim.subject];
      if (slot == kNone) {
        slot = static_cast<uint32_t>(seen.size());
        seen.emplace_back();
      }
      int64_t day = static_cast<int64_t>(std::floor(v.lo / 86400));
      auto& list = seen[slot];
      auto it = std::find_if(list.begin(), list.end(), [&](const Seen& s) {
        return s.predicate == claim.predicate && s.day == day;
      });
      if (it == list.end()) {
        list.push_back({claim.predicate, day, 1});
      } else {
        ++it->count;
      }
    }
    absl::flat_hash_map<uint64_t, ValueId> completed;
    for (Claim& claim : c_.claims) {
      uint32_t r = claim.value;
      if (r >= kInvalidCell || !NeedsDate(c_.values.Get(r))) continue;
      uint32_t slot = subject_slot[claim.subject];
      if (slot == kNone) continue;
      int64_t day = 0;
      if (!ModeDay(seen[slot], claim.predicate, &day) && !ModeDay(seen[slot], kNoString, &day)) {
        continue;
      }
      uint64_t key = (static_cast<uint64_t>(r) << 32) | static_cast<uint32_t>(day);
      auto [it, inserted] = completed.emplace(key, 0);
      if (inserted) it->second = AddDateTime(CompleteDateTime(c_.values.Get(r), day), &c_.values);
      claim.value = it->second;
    }
  }

  template <typename List>
  static bool ModeDay(const List& list, StringId predicate, int64_t* day) {
    // Few entries per subject: sum counts per day by a quadratic scan.
    uint64_t best_count = 0;
    for (const auto& s : list) {
      if (predicate != kNoString && s.predicate != predicate) continue;
      uint64_t count = 0;
      for (const auto& t : list) {
        if (t.day == s.day && (predicate == kNoString || t.predicate == predicate)) count += t.count;
      }
      if (count > best_count || (count == best_count && s.day < *day)) {
        best_count = count;
        *day = s.day;
      }
    }
    return best_count > 0;
  }

  // Removes null and unparsable claims, lists the unparsable ones, and
  // accounts for records left without claims.
  void DropClaims() {
    auto record = [](const Claim& claim) {
      return (static_cast<uint64_t>(claim.location.file) << 32) | claim.location.line;
    };
    absl::flat_hash_map<uint64_t, bool> touched;  // record -> had an invalid value
    size_t out = 0;
    for (size_t i = 0; i < c_.claims.size(); ++i) {
      const Claim& claim = c_.claims[i];
      uint32_t r = claim.value;
      if (r < kInvalidCell || r == kNoValue) {
        c_.claims[out++] = claim;
        continue;
      }
      if (claim.location.file < c_.files.size()) --c_.files[claim.location.file].claims;
      if (r == kInvalidCell) {
        absl::string_view raw = c_.str(claim.raw_value);
        InputIssue issue;
        issue.kind = IssueKind::kSkippedValue;
        issue.location = claim.location;
        issue.reason = NotAKindReason(KindOfPredicate(claim.predicate), raw);
        size_t n = std::min<size_t>(raw.size(), 80);
        while (n > 0 && n < raw.size() && (static_cast<unsigned char>(raw[n]) & 0xC0) == 0x80) --n;
        issue.excerpt = std::string(raw.substr(0, n));
        c_.issues.push_back(std::move(issue));
      }
      if (claim.document == kNoDocument && claim.location.file < c_.files.size() &&
          claim.location.line > 0) {
        touched[record(claim)] |= r == kInvalidCell;
      }
    }
    c_.claims.resize(out);
    for (const Claim& claim : c_.claims) {
      if (claim.document == kNoDocument && !touched.empty()) touched.erase(record(claim));
    }
    std::vector<std::pair<uint64_t, bool>> emptied(touched.begin(), touched.end());
    std::sort(emptied.begin(), emptied.end());
    for (const auto& [rec, invalid] : emptied) {
      InputFile& file = c_.files[rec >> 32];
      if (file.records_kept > 0) --file.records_kept;
      ++file.records_skipped;
      InputIssue issue;
      issue.kind = IssueKind::kSkippedRecord;
      issue.location = {static_cast<uint32_t>(rec >> 32), static_cast<uint32_t>(rec), 0};
      issue.reason = invalid ? "no value of the record could be typed"
                             : "every value of the record is empty or a null marker";
      c_.issues.push_back(std::move(issue));
    }
  }

  const ValueRules::Impl& rules_;
  const TypingOptions& options_;
  Corpus& c_;
  std::vector<uint32_t> predicate_slot_;  // StringId -> index into kinds_
  std::vector<ValueKind> kinds_;
  std::vector<uint32_t> memo_[kNumKinds];
  DateTimeShapeCache shapes_;
};

}  // namespace

absl::Status TypeClaims(const ValueRules& rules, const TypingOptions& options,
                        Corpus* corpus) {
  Typer(rules.impl(), options, corpus).Run();
  return absl::OkStatus();
}

}  // namespace crosscheck
