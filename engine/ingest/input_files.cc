#include "ingest/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest/line_reader.h"
#include "ingest/memory.h"
#include "ingest/reader_util.h"
#include "ingest/table_scanner.h"

namespace crosscheck::internal {
namespace {
namespace fs = std::filesystem;

absl::Status PathError(int error, absl::string_view what,
                       absl::string_view path) {
  return absl::ErrnoToStatus(error, absl::StrCat(what, " ", path));
}

absl::Status PathError(const std::error_code& ec, absl::string_view what,
                       absl::string_view path) {
  return PathError(ec.value(), what, path);
}

// Appends the regular files under `dir`, recursively, unsorted.
absl::Status Walk(const fs::path& dir, std::vector<std::string>* files) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return PathError(ec, "cannot read directory", dir.string());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code sec;
    const fs::file_status link = entry.symlink_status(sec);
    if (fs::is_directory(link)) {
      absl::Status s = Walk(entry.path(), files);
      if (!s.ok()) return s;
      continue;
    }
    // Regular files, and links to regular files (never to directories).
    if (!fs::is_regular_file(entry.status(sec))) continue;
    files->push_back(entry.path().string());
  }
  if (ec) return PathError(ec, "cannot read directory", dir.string());
  return absl::OkStatus();
}

// Grows *buffer to at least `size` bytes, keeping its contents. New storage
// is advised for huge pages before it is first written: filling 50 MB of
// fresh 4 KiB pages can cost more than reading the file.
void GrowBuffer(size_t size, std::string* buffer) {
  if (buffer->size() >= size) return;
  if (buffer->capacity() < size) {
    std::string bigger;
    bigger.reserve(std::max(size, 2 * buffer->capacity()));
    AdviseHugePages(bigger.data(), bigger.capacity());
    bigger.append(*buffer);
    buffer->swap(bigger);
  }
  buffer->resize(size);
}

struct FileKey {
  dev_t dev;
  ino_t ino;
  bool operator==(const FileKey& o) const {
    return dev == o.dev && ino == o.ino;
  }
  template <typename H>
  friend H AbslHashValue(H h, const FileKey& k) {
    return H::combine(std::move(h), k.dev, k.ino);
  }
};

constexpr absl::string_view kSupportedKinds =
    ".txt, .md, .html, .htm, .jsonl, .ndjson, .csv, .tsv";

}  // namespace

std::string UnsupportedReason(absl::string_view path) {
  const absl::string_view name = BaseName(path);
  const size_t dot = name.rfind('.');
  const std::string what = dot == absl::string_view::npos || dot == 0
                               ? "a file without a known extension"
                               : absl::StrCat("a ", name.substr(dot), " file");
  return absl::StrCat("not an input kind crosscheck reads (", what, "; expected ",
                      kSupportedKinds, "): the file is not read");
}

std::optional<InputKind> KindForPath(absl::string_view path) {
  const absl::string_view name = BaseName(path);
  const size_t dot = name.rfind('.');
  if (dot == absl::string_view::npos) return std::nullopt;
  const std::string ext = absl::AsciiStrToLower(name.substr(dot + 1));
  if (ext == "txt" || ext == "text" || ext == "md" || ext == "markdown") {
    return InputKind::kArticle;
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputKind::kArticleHtml;
  if (ext == "jsonl" || ext == "ndjson") return InputKind::kDocumentsJsonl;
  if (ext == "csv") return InputKind::kClaimsCsv;
  if (ext == "tsv") return InputKind::kClaimsTsv;
  return std::nullopt;
}

absl::StatusOr<std::vector<InputSource>> ResolveInputs(
    const std::vector<std::string>& inputs) {
  std::vector<InputSource> out;
  absl::flat_hash_map<FileKey, size_t> seen;  // -> index in `out`
  bool have_stdin = false;
  auto add = [&](const std::string& path, InputKind kind) -> absl::Status {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return PathError(errno, "cannot read", path);
    }
    const FileKey key{st.st_dev, st.st_ino};
    auto [it, inserted] = seen.emplace(key, out.size());
    if (inserted) {
      out.push_back(
          InputSource{path, kind, false, static_cast<uint64_t>(st.st_size)});
    } else if (path < out[it->second].path) {
      out[it->second].path = path;
    }
    return absl::OkStatus();
  };
  for (const std::string& input : inputs) {
    if (input == "-") {
      if (!have_stdin) {
        out.push_back(InputSource{"-", InputKind::kArticle, true, 0});
      }
      have_stdin = true;
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      const int error = ec ? ec.value() : ENOENT;
      return error == ENOENT ? absl::NotFoundError(absl::StrCat(
                                   "no such file or directory: ", input))
                             : PathError(error, "cannot read", input);
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> files;
      absl::Status s = Walk(input, &files);
      if (!s.ok()) return s;
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) {
        s = add(f, KindForPath(f).value_or(InputKind::kUnsupported));
        if (!s.ok()) return s;
      }
      continue;
    }
    const std::optional<InputKind> kind = KindForPath(input);
    if (!kind) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unsupported input: ", input,
          " (expected ", kSupportedKinds, ", a directory or -)"));
    }
    absl::Status s = add(input, *kind);
    if (!s.ok()) return s;
  }
  return out;
}

absl::StatusOr<absl::string_view> ReadWholeFile(const std::string& path,
                                                std::string* buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return PathError(errno, "cannot open", path);
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    // One spare byte lets the read that sees the end succeed at once.
    GrowBuffer(static_cast<size_t>(st.st_size) + 1, buffer);
  }
  constexpr size_t kChunk = size_t{1} << 20;
  size_t used = 0;
  while (true) {
    // Regular files fill the buffer in one read; pipes grow it by chunks.
    // The buffer only grows: resizing it would fill it with zeros again.
    if (buffer->size() == used) GrowBuffer(used + kChunk, buffer);
    const ssize_t got =
        ::read(fd, buffer->data() + used, buffer->size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return PathError(error, "cannot read", path);
    }
    if (got == 0) break;
    used += static_cast<size_t>(got);
  }
  ::close(fd);
  return absl::string_view(buffer->data(), used);
}

std::string ReadWholeStream(std::istream& in) {
  std::string data;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0) {
    data.append(buffer, static_cast<size_t>(in.gcount()));
  }
  return data;
}

InputKind SniffKind(absl::string_view data, const IngestOptions& options) {
  const absl::string_view body = StripBom(data);
  const absl::string_view trimmed = TrimAscii(body);
  if (!trimmed.empty() && trimmed.front() == '{') {
    return InputKind::kDocumentsJsonl;
  }
  if (absl::StartsWithIgnoreCase(trimmed, "<!doctype html") ||
      absl::StartsWithIgnoreCase(trimmed, "<html")) {
    return InputKind::kArticleHtml;
  }
  LineCursor cursor(body);
  Line line;
  while (cursor.Next(&line) && IsBlankLine(line.text)) {
  }
  if (absl::StrContains(line.text, '\t')) return InputKind::kClaimsTsv;
  if (!absl::StrContains(line.text, ',')) return InputKind::kArticle;
  TableScanner scanner(line.text, ',', options.max_line_bytes);
  Record header;
  if (!scanner.Next(&header) || header.status != RecordStatus::kOk) {
    return InputKind::kArticle;
  }
  bool has_source = false, has_object = false;
  for (const Field& f : header.fields) {
    const absl::string_view name = TrimAscii(f.text);
    has_source |= absl::EqualsIgnoreCase(name, FieldName(options, "source"));
    has_object |= absl::EqualsIgnoreCase(name, FieldName(options, "object"));
  }
  return has_source && has_object ? InputKind::kClaimsCsv : InputKind::kArticle;
}

}  // namespace crosscheck::internal
