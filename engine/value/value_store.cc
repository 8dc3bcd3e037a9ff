#include <cstring>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "crosscheck/corpus.h"
#include "crosscheck/value.h"

namespace crosscheck {
namespace {

struct ValueHash {
  size_t operator()(const Value& v) const {
    return absl::HashOf(v.kind, v.hedge, v.granularity, v.flags,
                        v.utc_offset_minutes, v.unit, v.lo, v.hi, v.key, v.list);
  }
};

struct ValueEq {
  bool operator()(const Value& a, const Value& b) const {
    return a.kind == b.kind && a.hedge == b.hedge &&
           a.granularity == b.granularity && a.flags == b.flags &&
           a.utc_offset_minutes == b.utc_offset_minutes && a.unit == b.unit &&
           a.lo == b.lo && a.hi == b.hi && a.key == b.key && a.list == b.list;
  }
};

}  // namespace

struct ValueStore::Impl {
  absl::flat_hash_map<Value, ValueId, ValueHash, ValueEq> ids;
  StringPool keys;
  StringPool units;
  std::vector<std::vector<PersonName>> name_lists;
  absl::flat_hash_map<std::string, uint32_t> list_ids;  // content -> index
  absl::flat_hash_map<ValueId, ValueId> denials;          // both ways
};

ValueStore::ValueStore() : impl_(std::make_unique<Impl>()) {
  impl_->units.Intern("");  // unit 0 is "no unit"
}
ValueStore::ValueStore(ValueStore&&) noexcept = default;
ValueStore& ValueStore::operator=(ValueStore&&) noexcept = default;
ValueStore::~ValueStore() = default;

ValueId ValueStore::Add(const Value& v) {
  auto [it, inserted] = impl_->ids.emplace(v, static_cast<ValueId>(values_.size()));
  if (inserted) values_.push_back(v);
  return it->second;
}

ValueId ValueStore::AddDenial(ValueId id) {
  auto it = impl_->denials.find(id);
  if (it != impl_->denials.end()) return it->second;
  Value v = Get(id);
  v.flags |= Value::kDenied;
  v.key = InternKey(absl::StrCat("not ", Key(id)));
  ValueId denial = Add(v);
  impl_->denials.emplace(id, denial);
  impl_->denials.emplace(denial, id);
  return denial;
}

ValueId ValueStore::Affirmed(ValueId id) const {
  if (!Get(id).has(Value::kDenied)) return id;
  return impl_->denials.at(id);
}

uint32_t ValueStore::InternKey(absl::string_view key) {
  return impl_->keys.Intern(key);
}

absl::string_view ValueStore::key(uint32_t key) const {
  return impl_->keys.Get(key);
}

uint32_t ValueStore::InternUnit(absl::string_view unit) {
  return impl_->units.Intern(unit);
}

absl::string_view ValueStore::unit(uint16_t unit) const {
  return impl_->units.Get(unit);
}

uint32_t ValueStore::AddNameList(std::vector<PersonName> names) {
  std::string content;
  for (const PersonName& p : names) {
    content.append(p.surname).push_back('\x1f');
    content.append(p.given).push_back('\x1e');
  }
  auto [it, inserted] = impl_->list_ids.emplace(
      std::move(content), static_cast<uint32_t>(impl_->name_lists.size()));
  if (inserted) impl_->name_lists.push_back(std::move(names));
  return it->second;
}

const std::vector<PersonName>& ValueStore::name_list(uint32_t list) const {
  return impl_->name_lists[list];
}

}  // namespace crosscheck
