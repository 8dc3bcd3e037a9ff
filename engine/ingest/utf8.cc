#include "ingest/utf8.h"

#include <cstdint>
#include <cstring>

namespace crosscheck::internal {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence at s[i] (1 to 4), or 0 if it is
// ill-formed; then `*bad` is the length of its maximal subpart (at least 1).
size_t SequenceAt(absl::string_view s, size_t i, size_t* bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t avail = s.size() - i;
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  size_t k = 1;
  if (k < avail && p[k] >= lo && p[k] <= hi) {
    ++k;
    while (k < need && k < avail && IsContinuation(p[k])) ++k;
  }
  if (k == need) return need;
  *bad = k;
  return 0;
}

// Offset of the first byte >= 0x80 at or after `i`, or s.size().
size_t SkipAscii(absl::string_view s, size_t i) {
  const char* data = s.data();
  const size_t n = s.size();
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, data + i, sizeof(word));
    if ((word & kHighBits) != 0) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(data[i]) < 0x80) ++i;
  return i;
}

}  // namespace

size_t FindInvalidUtf8(absl::string_view s) {
  size_t i = 0;
  while (true) {
    i = SkipAscii(s, i);
    if (i == s.size()) return absl::string_view::npos;
    size_t bad = 0;
    const size_t len = SequenceAt(s, i, &bad);
    if (len == 0) return i;
    i += len;
  }
}

size_t AppendRepairedUtf8(absl::string_view s, std::string* out) {
  size_t replaced = 0;
  size_t i = 0;
  size_t run = 0;  // start of the pending well-formed run
  while (true) {
    i = SkipAscii(s, i);
    if (i == s.size()) break;
    size_t bad = 0;
    const size_t len = SequenceAt(s, i, &bad);
    if (len != 0) {
      i += len;
      continue;
    }
    out->append(s.data() + run, i - run);
    out->append(kReplacementChar.data(), kReplacementChar.size());
    ++replaced;
    i += bad;
    run = i;
  }
  out->append(s.data() + run, s.size() - run);
  return replaced;
}

std::string RepairUtf8(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendRepairedUtf8(s, &out);
  return out;
}

std::string Utf8Excerpt(absl::string_view s, size_t max_bytes) {
  // Cut the input before a character that would not fit whole (a sequence is
  // at most 4 bytes, so look back at most 3), then repair and cut again:
  // replacements may have grown the text.
  size_t cut = s.size();
  if (cut > max_bytes) {
    cut = max_bytes;
    for (size_t back = 0; back < 4 && back <= max_bytes; ++back) {
      if (!IsContinuation(static_cast<unsigned char>(s[max_bytes - back]))) {
        cut = max_bytes - back;
        break;
      }
    }
  }
  std::string out = RepairUtf8(s.substr(0, cut));
  if (out.size() <= max_bytes) return out;
  cut = max_bytes;
  while (cut > 0 && IsContinuation(static_cast<unsigned char>(out[cut]))) {
    --cut;
  }
  out.resize(cut);
  return out;
}

}  // namespace crosscheck::internal
