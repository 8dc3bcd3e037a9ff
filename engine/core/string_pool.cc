#include <algorithm>
#include <cstring>
#include <memory>

#include "crosscheck/corpus.h"

namespace crosscheck {
namespace {
constexpr size_t kBlockBytes = 64 * 1024;

// A block of `n` bytes, left uninitialised: every byte handed out is
// written first, and zeroing 64 KiB per block cost more than the copies.
std::unique_ptr<char[]> NewBlock(size_t n) { return std::unique_ptr<char[]>(new char[n]); }
}  // namespace

StringPool::StringPool() = default;
StringPool::StringPool(StringPool&&) noexcept = default;
StringPool& StringPool::operator=(StringPool&&) noexcept = default;
StringPool::~StringPool() = default;

StringId StringPool::Intern(absl::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  absl::string_view stored = Store(s);
  StringId id = static_cast<StringId>(views_.size());
  views_.push_back(stored);
  ids_.emplace(stored, id);
  return id;
}

StringId StringPool::Find(absl::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? kNoString : it->second;
}

absl::string_view StringPool::Store(absl::string_view s) {
  if (s.empty()) return absl::string_view("", 0);
  if (s.size() > kBlockBytes / 4) {
    // Large strings get a block of their own so small ones keep packing.
    blocks_.push_back(NewBlock(s.size()));
    std::memcpy(blocks_.back().get(), s.data(), s.size());
    absl::string_view stored(blocks_.back().get(), s.size());
    // Keep filling the previous small-string block.
    if (blocks_.size() >= 2 && block_size_ > 0) {
      std::swap(blocks_[blocks_.size() - 1], blocks_[blocks_.size() - 2]);
    }
    return stored;
  }
  if (block_size_ - block_used_ < s.size()) {
    blocks_.push_back(NewBlock(kBlockBytes));
    block_size_ = kBlockBytes;
    block_used_ = 0;
  }
  char* dst = blocks_.back().get() + block_used_;
  std::memcpy(dst, s.data(), s.size());
  block_used_ += s.size();
  return absl::string_view(dst, s.size());
}

}  // namespace crosscheck
