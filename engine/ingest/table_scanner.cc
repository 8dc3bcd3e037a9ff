#include "ingest/table_scanner.h"

#include <cstring>

#include "ingest/line_reader.h"

namespace crosscheck::internal {
namespace {

// Offset of the first of `a` or `b` in data[from, to), or `to`.
size_t FindEither(absl::string_view data, size_t from, size_t to, char a,
                  char b) {
  const char* p = data.data();
  while (from < to && p[from] != a && p[from] != b) ++from;
  return from;
}

}  // namespace

TableScanner::TableScanner(absl::string_view data, char separator,
                           size_t max_record_bytes)
    : data_(StripBom(data)), sep_(separator), max_bytes_(max_record_bytes) {}

bool TableScanner::IsBlank(absl::string_view line) const {
  for (char c : line) {
    if (c == ' ' || c == '\r' || (c == '\t' && sep_ != '\t')) continue;
    return false;
  }
  return true;
}

bool TableScanner::Next(Record* record) {
  const size_t n = data_.size();
  while (pos_ < n) {
    const size_t begin = pos_;
    const void* nl = std::memchr(data_.data() + begin, '\n', n - begin);
    const size_t end =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - data_.data())
           : n;
    const size_t next = nl ? end + 1 : n;
    ++line_;
    absl::string_view text = data_.substr(begin, end - begin);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (IsBlank(text)) {
      pos_ = next;
      continue;
    }
    record->status = RecordStatus::kOk;
    record->line = line_;
    record->raw = text;
    record->fields.clear();
    record->hit_end = false;
    if (end - begin > max_bytes_) {
      record->status = RecordStatus::kTooLong;
      pos_ = next;
      return true;
    }
    if (sep_ == '\t' || std::memchr(text.data(), '"', text.size()) == nullptr) {
      SplitSimple(begin, begin + text.size(), record);
      pos_ = next;
      return true;
    }
    const size_t stop = ScanQuoted(begin, record);
    if (stop == absl::string_view::npos) {
      line_ = record->line;  // resume at the next line
      pos_ = next;
      return true;
    }
    record->raw = data_.substr(begin, stop - begin);
    while (!record->raw.empty() &&
           (record->raw.back() == '\n' || record->raw.back() == '\r')) {
      record->raw.remove_suffix(1);
    }
    pos_ = stop;
    return true;
  }
  return false;
}

void TableScanner::SplitSimple(size_t begin, size_t end, Record* record) {
  const char* base = data_.data();
  size_t p = begin;
  while (true) {
    const void* s = std::memchr(base + p, sep_, end - p);
    const size_t stop =
        s ? static_cast<size_t>(static_cast<const char*>(s) - base) : end;
    const uint32_t offset = static_cast<uint32_t>(p - begin);
    record->fields.push_back(Field{absl::string_view(base + p, stop - p), line_,
                                   offset + 1, offset});
    if (s == nullptr) return;
    p = stop + 1;
  }
}

size_t TableScanner::ScanQuoted(size_t begin, Record* record) {
  const char* base = data_.data();
  const size_t n = data_.size();
  uint32_t line = line_;
  size_t line_start = begin;
  size_t p = begin;
  arena_.clear();
  pending_.clear();
  auto fail = [&](RecordStatus status, bool hit_end) {
    record->status = status;
    record->hit_end = hit_end;
    return absl::string_view::npos;
  };
  while (true) {
    const uint32_t field_line = line;
    const uint32_t field_column = static_cast<uint32_t>(p - line_start + 1);
    const uint32_t field_offset = static_cast<uint32_t>(p - begin);
    if (p < n && base[p] == '"') {
      record->error_line = field_line;
      record->error_column = field_column;
      const size_t arena_begin = arena_.size();
      ++p;
      while (true) {
        const void* q = std::memchr(base + p, '"', n - p);
        const size_t quote =
            q ? static_cast<size_t>(static_cast<const char*>(q) - base) : n;
        if (quote - begin > max_bytes_) {
          return fail(RecordStatus::kUnterminatedQuote, false);
        }
        if (q == nullptr) return fail(RecordStatus::kUnterminatedQuote, true);
        for (size_t i = p; i < quote; ++i) {
          if (base[i] == '\n') {
            ++line;
            line_start = i + 1;
          }
        }
        arena_.append(base + p, quote - p);
        p = quote + 1;
        if (p < n && base[p] == '"') {
          arena_.push_back('"');
          ++p;
          continue;
        }
        break;
      }
      size_t stop = FindEither(data_, p, n, sep_, '\n');
      size_t junk_end = stop;
      if ((stop == n || base[stop] == '\n') && junk_end > p &&
          base[junk_end - 1] == '\r') {
        --junk_end;
      }
      arena_.append(base + p, junk_end - p);
      pending_.push_back(Pending{arena_begin, arena_.size() - arena_begin, true,
                                 field_line, field_column, field_offset});
      p = stop;
    } else {
      const size_t stop = FindEither(data_, p, n, sep_, '\n');
      size_t text_end = stop;
      if ((stop == n || base[stop] == '\n') && text_end > p &&
          base[text_end - 1] == '\r') {
        --text_end;
      }
      pending_.push_back(Pending{p, text_end - p, false, field_line,
                                 field_column, field_offset});
      p = stop;
    }
    if (p - begin > max_bytes_) return fail(RecordStatus::kTooLong, false);
    if (p < n && base[p] == sep_) {
      ++p;
      continue;
    }
    break;
  }
  line_ = line;
  if (p < n) ++p;  // past the '\n'
  record->fields.resize(pending_.size());
  for (size_t i = 0; i < pending_.size(); ++i) {
    const Pending& f = pending_[i];
    const char* text = f.in_arena ? arena_.data() + f.begin : base + f.begin;
    record->fields[i] =
        Field{absl::string_view(text, f.size), f.line, f.column, f.offset};
  }
  return p;
}

}  // namespace crosscheck::internal
