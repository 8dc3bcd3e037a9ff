// Ingest(): resolves the inputs, parses each file into its own Corpus (on up
// to IngestOptions::threads threads), merges them in input order, and links
// claims to the documents they cite.
#include "crosscheck/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ingest/article_reader.h"
#include "ingest/file_builder.h"
#include "ingest/html_reader.h"
#include "ingest/input_files.h"
#include "ingest/jsonl_reader.h"
#include "ingest/memory.h"
#include "ingest/reader_util.h"
#include "ingest/table_reader.h"
#include "internal/status_macros.h"

namespace crosscheck {
namespace {

using internal::DocumentRef;
using internal::InputSource;
using internal::ParsedFile;

// Reads and parses one input. `buffer` is reused from file to file: fresh
// memory costs page faults, and a reused buffer's pages are already mapped.
absl::StatusOr<ParsedFile> ParseOne(const InputSource& source,
                                    absl::string_view stdin_data,
                                    const IngestOptions& options,
                                    std::string* buffer) {
  absl::string_view data = stdin_data;
  if (source.kind == InputKind::kUnsupported) {
    // Listed as skipped, never read: it may be large or binary.
  } else if (!source.is_stdin) {
    CROSSCHECK_ASSIGN_OR_RETURN(data,
                                internal::ReadWholeFile(source.path, buffer));
  }
  const InputKind kind =
      source.is_stdin ? internal::SniffKind(data, options) : source.kind;
  ParsedFile parsed = internal::ParseData(kind, data, source.path, options);
  if (kind == InputKind::kUnsupported) parsed.corpus.files[0].bytes = source.bytes;
  return parsed;
}

// Accumulates parsed files in order.
class Merger {
 public:
  // `total_bytes`: the size of all inputs, to size the claim array once.
  explicit Merger(uint64_t total_bytes) : total_bytes_(total_bytes) {}

  void Add(ParsedFile file) {
    bytes_seen_ += file.corpus.files[0].bytes;
    const uint32_t file_base = static_cast<uint32_t>(corpus_.files.size());
    const uint32_t claim_base = static_cast<uint32_t>(corpus_.claims.size());
    for (DocumentRef& ref : file.document_refs) {
      ref.claim += claim_base;
      ref.location.file += file_base;
      refs_.push_back(std::move(ref));
    }
    if (corpus_.files.empty()) {
      corpus_ = std::move(file.corpus);  // nothing to re-intern
      return;
    }
    // MergeCorpus reserves exactly what it needs, which would copy the array
    // at every merge. Grow it here instead: once if the claims per byte seen
    // so far hold for the rest (with a margin), else geometrically.
    const size_t need = corpus_.claims.size() + file.corpus.claims.size();
    internal::GrowForAppend(&corpus_.claims, need, Extrapolate(need));
    MergeCorpus(std::move(file.corpus), &corpus_);
  }

  // Links claims to the documents they name and returns the corpus.
  Corpus Finish();

 private:
  // `count` scaled from the bytes seen to all the bytes, plus a margin; 0
  // (grow geometrically) while the sample is too small to go by. Capped at
  // one per two input bytes, more than any input holds.
  size_t Extrapolate(size_t count) const {
    constexpr uint64_t kMinSample = uint64_t{4} << 20;
    if (bytes_seen_ < kMinSample && bytes_seen_ * 64 < total_bytes_) return 0;
    const double scaled =
        static_cast<double>(count) * 1.25 * static_cast<double>(total_bytes_) /
        static_cast<double>(std::max<uint64_t>(bytes_seen_, 1));
    return static_cast<size_t>(
        std::min(scaled, static_cast<double>(total_bytes_ / 2 + 1)));
  }
  // Document id -> index in corpus_.documents.
  absl::flat_hash_map<absl::string_view, uint32_t> DocumentsById() const;
  void AddIssue(const DocumentRef& ref, std::string reason);

  const uint64_t total_bytes_;
  uint64_t bytes_seen_ = 0;
  Corpus corpus_;
  std::vector<DocumentRef> refs_;
};

Corpus Merger::Finish() {
  if (refs_.empty()) return std::move(corpus_);
  const absl::flat_hash_map<absl::string_view, uint32_t> by_id =
      DocumentsById();
  for (const DocumentRef& ref : refs_) {
    auto it = by_id.find(ref.id);
    if (it == by_id.end()) {
      AddIssue(ref,
               absl::StrCat("document ", internal::Quote(ref.id),
                            " not found; the claim keeps no document link"));
      continue;
    }
    Claim& claim = corpus_.claims[ref.claim];
    claim.document = it->second;
    if (ref.quote.empty()) continue;
    const std::string& text = corpus_.documents[it->second].text;
    const size_t at = text.find(ref.quote);
    if (at == std::string::npos) {
      AddIssue(ref, absl::StrCat("quote not found in document ",
                                 internal::Quote(ref.id)));
      continue;
    }
    claim.span_begin = static_cast<uint32_t>(at);
    claim.span_end = static_cast<uint32_t>(at + ref.quote.size());
  }
  return std::move(corpus_);
}

absl::flat_hash_map<absl::string_view, uint32_t> Merger::DocumentsById() const {
  // With duplicate ids, the document first by (path, line) wins, whatever
  // the input order.
  auto rank = [&](uint32_t d) {
    const Document& doc = corpus_.documents[d];
    return std::make_tuple(
        absl::string_view(corpus_.files[doc.location.file].path),
        doc.location.line);
  };
  absl::flat_hash_map<absl::string_view, uint32_t> by_id;
  for (uint32_t d = 0; d < corpus_.documents.size(); ++d) {
    auto [it, inserted] =
        by_id.emplace(corpus_.str(corpus_.documents[d].id), d);
    if (!inserted && rank(d) < rank(it->second)) it->second = d;
  }
  return by_id;
}

void Merger::AddIssue(const DocumentRef& ref, std::string reason) {
  corpus_.issues.push_back(InputIssue{IssueKind::kSkippedValue, ref.location,
                                      std::move(reason), ""});
}

// Parses files on `threads` threads, the calling one included, and hands the
// results to the merger in input order. The calling thread merges whenever
// the next file in order is parsed, and parses one itself otherwise. At most
// 2 * threads parsed files wait to be merged, which bounds memory.
class Pipeline {
 public:
  Pipeline(const std::vector<InputSource>& sources,
           absl::string_view stdin_data, const IngestOptions& options,
           Merger* merger)
      : sources_(sources),
        stdin_data_(stdin_data),
        options_(options),
        merger_(merger),
        threads_(std::min(sources.size(),
                          static_cast<size_t>(std::max(options.threads, 1)))),
        window_(2 * std::max<size_t>(threads_, 1)),
        slots_(sources.size()) {}

  // The first error in input order, after which nothing more is merged.
  absl::Status Run();

 private:
  bool MayStart() const {
    return next_ < sources_.size() && next_ < merged_ + window_;
  }
  void Parse(size_t i, std::string* buffer);
  void Work();

  const std::vector<InputSource>& sources_;
  const absl::string_view stdin_data_;
  const IngestOptions& options_;
  Merger* const merger_;
  const size_t threads_;
  const size_t window_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::optional<absl::StatusOr<ParsedFile>>> slots_;
  size_t next_ = 0;    // next file to parse
  size_t merged_ = 0;  // files taken by the merger
  bool stop_ = false;
};

void Pipeline::Parse(size_t i, std::string* buffer) {
  absl::StatusOr<ParsedFile> result =
      ParseOne(sources_[i], stdin_data_, options_, buffer);
  std::lock_guard<std::mutex> lock(mu_);
  slots_[i] = std::move(result);
  cv_.notify_all();
}

void Pipeline::Work() {
  std::string buffer;  // reused from file to file: its pages stay mapped
  while (true) {
    size_t i;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock,
               [&] { return stop_ || next_ >= sources_.size() || MayStart(); });
      if (stop_ || next_ >= sources_.size()) return;
      i = next_++;
    }
    Parse(i, &buffer);
  }
}

absl::Status Pipeline::Run() {
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads_; ++t)
    workers.emplace_back([this] { Work(); });
  std::string buffer;
  absl::Status status;
  std::unique_lock<std::mutex> lock(mu_);
  while (merged_ < sources_.size()) {
    if (slots_[merged_].has_value()) {
      absl::StatusOr<ParsedFile> result = std::move(*slots_[merged_]);
      slots_[merged_].reset();
      ++merged_;
      if (!result.ok()) {
        status = result.status();
        break;
      }
      lock.unlock();
      cv_.notify_all();
      merger_->Add(*std::move(result));
      lock.lock();
    } else if (MayStart()) {
      const size_t i = next_++;
      lock.unlock();
      Parse(i, &buffer);
      lock.lock();
    } else {
      cv_.wait(lock);
    }
  }
  stop_ = true;
  lock.unlock();
  cv_.notify_all();
  for (std::thread& w : workers) w.join();
  return status;
}

// InvalidArgument if a column_map key is not a field ingest knows.
absl::Status CheckColumnMap(const IngestOptions& options) {
  std::vector<std::string> known = {"source", "object", "attribute", "value"};
  known.insert(known.end(), options.provenance_columns.begin(),
               options.provenance_columns.end());
  for (const auto& entry : options.column_map) {
    if (std::find(known.begin(), known.end(), entry.first) == known.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown field in column map: '", entry.first,
                       "' (known: ", absl::StrJoin(known, ", "), ")"));
    }
  }
  return absl::OkStatus();
}

bool IsEmpty(const Corpus& c) {
  return c.files.empty() && c.documents.empty() && c.claims.empty() &&
         c.issues.empty() && c.strings.size() == 0 && c.values.size() == 0;
}

}  // namespace

absl::Status Ingest(const std::vector<std::string>& inputs,
                    const IngestOptions& options, Corpus* corpus) {
  CROSSCHECK_RETURN_IF_ERROR(CheckColumnMap(options));
  CROSSCHECK_ASSIGN_OR_RETURN(std::vector<InputSource> sources,
                              internal::ResolveInputs(inputs));
  std::string stdin_data;
  for (const InputSource& source : sources) {
    if (!source.is_stdin) continue;
    stdin_data = internal::ReadWholeStream(
        options.stdin_stream != nullptr ? *options.stdin_stream : std::cin);
  }
  uint64_t total_bytes = stdin_data.size();
  for (const InputSource& source : sources) total_bytes += source.bytes;
  Merger merger(total_bytes);
  CROSSCHECK_RETURN_IF_ERROR(
      Pipeline(sources, stdin_data, options, &merger).Run());
  Corpus result = merger.Finish();
  if (IsEmpty(*corpus)) {
    *corpus = std::move(result);
  } else {
    MergeCorpus(std::move(result), corpus);
  }
  return absl::OkStatus();
}

namespace internal {

ParsedFile ParseData(InputKind kind, absl::string_view data,
                     const std::string& path, const IngestOptions& options) {
  FileBuilder builder(path, kind, data.size(), options);
  switch (kind) {
    case InputKind::kArticle:
      ReadArticle(data, &builder);
      break;
    case InputKind::kDocumentsJsonl:
    case InputKind::kClaimsJsonl:
      ReadJsonLines(data, &builder);
      break;
    case InputKind::kClaimsCsv:
      ReadTable(data, ',', &builder);
      break;
    case InputKind::kClaimsTsv:
      ReadTable(data, '\t', &builder);
      break;
    case InputKind::kArticleHtml:
      ReadHtmlArticle(data, &builder);
      break;
    case InputKind::kUnsupported:
      builder.SkipRecord(1, 0, UnsupportedReason(path), "");
      break;
  }
  return builder.Finish();
}

}  // namespace internal
}  // namespace crosscheck
