// Dispatch by kind, and the small kinds: date-time values, codes, text.
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "value/datetime.h"
#include "value/parse.h"
#include "value/text_fold.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

absl::string_view KindInWords(ValueKind kind) {
  switch (kind) {
    case ValueKind::kText: return "a text";
    case ValueKind::kNumber: return "a number";
    case ValueKind::kDateTime: return "a date-time";
    case ValueKind::kCode: return "a code";
    case ValueKind::kNameList: return "a list of names";
  }
  return "a value";
}

// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
absl::string_view Excerpt(absl::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

std::string NotAKindReason(ValueKind kind, absl::string_view raw) {
  absl::string_view e = Excerpt(TrimSpace(raw), 60);
  return absl::StrCat("not ", KindInWords(kind), ": '", e,
                      e.size() < TrimSpace(raw).size() ? "...'" : "'");
}

ValueId AddDateTime(const Value& v, ValueStore* store) {
  Value keyed = v;
  keyed.key = store->InternKey(DateTimeKey(v));
  return store->Add(keyed);
}

bool ParseDateTimeValue(const ValueRules::Impl& rules, absl::string_view raw,
                        ValueStore* store, ValueId* id, DateTimeShapeCache* cache) {
  Value v;
  if (!ParseDateTime(rules, raw, &v, cache)) return false;
  *id = AddDateTime(v, store);
  return true;
}

bool ParseCode(const ValueRules::Impl& rules, absl::string_view raw,
               ValueStore* store, ValueId* id) {
  absl::string_view s = TrimSpace(raw);
  re2::StringPiece rest(s.data(), s.size());
  for (const auto& prefix : rules.code_prefixes) {
    re2::StringPiece before = rest;
    if (RE2::Consume(&rest, *prefix) && rest.empty()) rest = before;
  }
  std::string key;
  bool alnum = false;
  for (char c : absl::string_view(rest.data(), rest.size())) {
    if (rules.code_removed_chars.find(c) != std::string::npos) continue;
    alnum |= absl::ascii_isalnum(static_cast<unsigned char>(c));
    key.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  if (!alnum) return false;
  Value v;
  v.kind = ValueKind::kCode;
  v.key = store->InternKey(key);
  *id = store->Add(v);
  return true;
}

bool ParseText(absl::string_view raw, ValueStore* store, ValueId* id) {
  std::string key = FoldText(raw);
  if (key.empty()) return false;
  Value v;
  v.kind = ValueKind::kText;
  v.key = store->InternKey(key);
  *id = store->Add(v);
  return true;
}

ParseResult ParseRaw(const ValueRules::Impl& rules, ValueKind kind,
                     absl::string_view raw, ValueStore* store, ValueId* id,
                     DateTimeShapeCache* cache) {
  absl::string_view trimmed = TrimSpace(raw);
  if (trimmed.empty() || rules.IsNullTrimmed(trimmed)) return ParseResult::kNull;
  bool ok = false;
  switch (kind) {
    case ValueKind::kText: ok = ParseText(trimmed, store, id); break;
    case ValueKind::kNumber: ok = ParseNumber(rules, trimmed, store, id); break;
    case ValueKind::kDateTime: ok = ParseDateTimeValue(rules, trimmed, store, id, cache); break;
    case ValueKind::kCode: ok = ParseCode(rules, trimmed, store, id); break;
    case ValueKind::kNameList: ok = ParseNameList(rules, trimmed, store, id); break;
  }
  return ok ? ParseResult::kOk : ParseResult::kInvalid;
}

absl::StatusOr<ValueId> ParseValue(const ValueRules& rules, ValueKind kind,
                                   absl::string_view raw, ValueStore* store) {
  ValueId id = kNoValue;
  switch (ParseRaw(rules.impl(), kind, raw, store, &id)) {
    case ParseResult::kOk: return id;
    case ParseResult::kNull:
      return absl::NotFoundError(absl::StrCat("a null marker: '", Excerpt(raw, 60), "'"));
    case ParseResult::kInvalid: break;
  }
  return absl::InvalidArgumentError(NotAKindReason(kind, raw));
}

}  // namespace crosscheck
