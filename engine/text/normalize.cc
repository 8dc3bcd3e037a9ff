// Unicode normalization with a map back to the input: NFKC (ICU) and the
// char_map rules (typographic quotes and apostrophes), applied code point by
// code point so that the common case, text already in normal form, is a
// scan and one copy.
#include <algorithm>
#include <vector>

#include "text/text_rules_impl.h"
#include "unicode/bytestream.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace crosscheck {

void OffsetMap::Clear() {
  pieces_.clear();
  norm_size_ = 0;
}

void OffsetMap::Add(uint32_t orig, uint32_t orig_len, uint32_t norm_len,
                    bool copied) {
  if (norm_len == 0 && orig_len == 0) return;
  copied = copied && orig_len == norm_len;
  if (copied && !pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copied && last.orig + last.orig_len == orig) {
      last.orig_len += orig_len;
      last.norm_len += norm_len;
      norm_size_ += norm_len;
      return;
    }
  }
  pieces_.push_back({norm_size_, orig, norm_len, orig_len, copied});
  norm_size_ += norm_len;
}

uint32_t OffsetMap::ToOriginal(uint32_t norm, bool is_end) const {
  if (pieces_.empty()) return norm;
  // The last piece starting at or before `norm` (for ends: before it).
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), norm,
      [](uint32_t n, const Piece& p) { return n < p.norm; });
  if (is_end) {
    // An end at a piece boundary belongs to the piece before it.
    auto before = std::lower_bound(
        pieces_.begin(), pieces_.end(), norm,
        [](const Piece& p, uint32_t n) { return p.norm < n; });
    if (before != pieces_.begin()) it = before;
  }
  if (it == pieces_.begin()) return pieces_.front().orig;
  const Piece& p = *(it - 1);
  uint32_t offset = norm - p.norm;
  if (p.copied) return p.orig + std::min(offset, p.orig_len);
  if (offset == 0) return p.orig;
  if (offset >= p.norm_len) return p.orig + p.orig_len;
  return is_end ? p.orig + p.orig_len : p.orig;
}

namespace text_internal {

uint32_t NextCodePoint(absl::string_view text, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  const int32_t length = static_cast<int32_t>(text.size());
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, length, c);
  if (c < 0) {
    c = static_cast<unsigned char>(text[*i]);
    pos = static_cast<int32_t>(*i) + 1;
  }
  *i = static_cast<size_t>(pos);
  return static_cast<uint32_t>(c);
}

bool IsWordCodePoint(uint32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

bool IsUpperCodePoint(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) != 0;
}

namespace {

const icu::Normalizer2& Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  // ICU's data is part of the library; failing here is a broken install.
  if (U_FAILURE(status) || n == nullptr) std::abort();
  return *n;
}

// Per BMP code point: 1 when it is NFKC-normalized on its own and starts a
// normalization segment, so it can be copied as is unless what follows it
// combines with it (which the caller checks).
const std::vector<uint8_t>& StableTable() {
  static const std::vector<uint8_t>* table = [] {
    const icu::Normalizer2& nfkc = Nfkc();
    auto* t = new std::vector<uint8_t>(0x10000, 0);
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      if (!nfkc.hasBoundaryBefore(c)) continue;
      UErrorCode status = U_ZERO_ERROR;
      if (nfkc.isNormalized(icu::UnicodeString(c), status) &&
          U_SUCCESS(status)) {
        (*t)[c] = 1;
      }
    }
    return t;
  }();
  return *table;
}

bool Stable(uint32_t c) { return c < 0x10000 && StableTable()[c] != 0; }

}  // namespace

void Normalize(const TextRules::Impl& rules, absl::string_view in,
               std::string* out, OffsetMap* map) {
  const icu::Normalizer2& nfkc = Nfkc();
  out->clear();
  out->reserve(in.size());
  map->Clear();
  size_t copy_from = 0;  // start of the input not yet emitted
  size_t prev = 0;       // start of the previous code point
  auto flush = [&](size_t upto) {
    if (upto <= copy_from) return;
    out->append(in.data() + copy_from, upto - copy_from);
    map->Add(static_cast<uint32_t>(copy_from),
             static_cast<uint32_t>(upto - copy_from),
             static_cast<uint32_t>(upto - copy_from), true);
    copy_from = upto;
  };
  auto replace = [&](size_t begin, size_t end, absl::string_view with) {
    flush(begin);
    out->append(with.data(), with.size());
    bool same = with == in.substr(begin, end - begin);
    map->Add(static_cast<uint32_t>(begin), static_cast<uint32_t>(end - begin),
             static_cast<uint32_t>(with.size()), same);
    copy_from = end;
  };
  std::string run_out;
  size_t i = 0;
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      prev = i++;
      continue;
    }
    size_t start = i;
    uint32_t c = NextCodePoint(in, &i);
    if (auto m = rules.char_map.find(c); m != rules.char_map.end()) {
      replace(start, i, m->second);
      prev = start;
      continue;
    }
    if (Stable(c)) {
      prev = start;
      continue;
    }
    // A run of code points that need ICU: from the previous code point when
    // this one combines with it, to the next code point that is stable.
    size_t run_begin = start;
    if (!nfkc.hasBoundaryBefore(static_cast<UChar32>(c)) && prev < start &&
        prev >= copy_from) {
      run_begin = prev;
    }
    size_t run_end = i;
    while (run_end < in.size()) {
      size_t next = run_end;
      uint32_t d = NextCodePoint(in, &next);
      if (d < 0x80 || Stable(d) || rules.char_map.contains(d)) break;
      run_end = next;
    }
    run_out.clear();
    icu::StringByteSink<std::string> sink(&run_out);
    UErrorCode status = U_ZERO_ERROR;
    nfkc.normalizeUTF8(0, icu::StringPiece(in.data() + run_begin,
                                           static_cast<int32_t>(run_end - run_begin)),
                       sink, nullptr, status);
    if (U_FAILURE(status)) {
      run_out.assign(in.data() + run_begin, run_end - run_begin);
    }
    replace(run_begin, run_end, run_out);
    prev = run_begin;
    i = run_end;
  }
  flush(in.size());
}

}  // namespace text_internal
}  // namespace crosscheck
