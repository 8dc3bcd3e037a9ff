#include "crosscheck/value.h"

namespace crosscheck {

absl::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kText: return "text";
    case ValueKind::kNumber: return "number";
    case ValueKind::kDateTime: return "datetime";
    case ValueKind::kCode: return "code";
    case ValueKind::kNameList: return "names";
  }
  return "unknown";
}

bool ParseValueKind(absl::string_view name, ValueKind* kind) {
  for (ValueKind k : {ValueKind::kText, ValueKind::kNumber, ValueKind::kDateTime,
                      ValueKind::kCode, ValueKind::kNameList}) {
    if (ValueKindName(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

absl::string_view HedgeName(Hedge hedge) {
  switch (hedge) {
    case Hedge::kExact: return "exact";
    case Hedge::kAtLeast: return "at_least";
    case Hedge::kAtMost: return "at_most";
    case Hedge::kAbout: return "about";
    case Hedge::kEstimated: return "estimated";
  }
  return "unknown";
}

absl::string_view GranularityName(Granularity granularity) {
  switch (granularity) {
    case Granularity::kNone: return "none";
    case Granularity::kYear: return "year";
    case Granularity::kMonth: return "month";
    case Granularity::kDay: return "day";
    case Granularity::kMinute: return "minute";
    case Granularity::kSecond: return "second";
  }
  return "unknown";
}

absl::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kEqual: return "equal";
    case Relation::kGeneralizes: return "generalizes";
    case Relation::kSpecializes: return "specializes";
    case Relation::kOverlaps: return "overlaps";
    case Relation::kContradicts: return "contradicts";
  }
  return "unknown";
}

}  // namespace crosscheck
