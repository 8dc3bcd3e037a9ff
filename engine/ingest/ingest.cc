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
#include "ingest/input_files.h"
#include "ingest/jsonl_reader.h"
#include "ingest/memory.h"
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
  if (!source.is_stdin) {
    CROSSCHECK_RETURN_IF_ERROR(internal::ReadWholeFile(source.path, buffer));
    data = *buffer;
  }
  const InputKind kind =
      source.is_stdin ? internal::SniffKind(data, options) : source.kind;
  internal::FileBuilder builder(source.path, kind, data.size(), options);
  switch (kind) {
    case InputKind::kArticle:
      internal::ReadArticle(data, &builder);
      break;
    case InputKind::kDocumentsJsonl:
    case InputKind::kClaimsJsonl:
      internal::ReadJsonLines(data, &builder);
      break;
    case InputKind::kClaimsCsv:
      internal::ReadTable(data, ',', &builder);
      break;
    case InputKind::kClaimsTsv:
      internal::ReadTable(data, '\t', &builder);
      break;
  }
  return builder.Finish();
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
    // at every merge. Grow it here instead, once if the claims per byte seen
    // so far hold for the rest (with a margin), else geometrically.
    const size_t need = corpus_.claims.size() + file.corpus.claims.size();
    const double estimate =
        static_cast<double>(need) * 1.25 * static_cast<double>(total_bytes_) /
        static_cast<double>(std::max<uint64_t>(bytes_seen_, 1));
    internal::GrowForAppend(&corpus_.claims, need,
                            static_cast<size_t>(estimate));
    MergeCorpus(std::move(file.corpus), &corpus_);
  }

  // Links claims to the documents they name and returns the corpus.
  Corpus Finish();

 private:
  const uint64_t total_bytes_;
  uint64_t bytes_seen_ = 0;
  Corpus corpus_;
  std::vector<DocumentRef> refs_;
};

Corpus Merger::Finish() {
  if (refs_.empty()) return std::move(corpus_);
  // Ids are text; with duplicate ids the document first by (path, line)
  // wins, whatever the input order.
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
  for (const DocumentRef& ref : refs_) {
    auto issue = [&](std::string reason) {
      corpus_.issues.push_back(InputIssue{IssueKind::kSkippedValue,
                                          ref.location, std::move(reason), ""});
    };
    auto it = by_id.find(ref.id);
    if (it == by_id.end()) {
      issue(absl::StrCat("document '", ref.id,
                         "' not found; the claim keeps no document link"));
      continue;
    }
    Claim& claim = corpus_.claims[ref.claim];
    claim.document = it->second;
    if (ref.quote.empty()) continue;
    const std::string& text = corpus_.documents[it->second].text;
    const size_t at = text.find(ref.quote);
    if (at == std::string::npos) {
      issue(absl::StrCat("quote not found in document '", ref.id, "'"));
      continue;
    }
    claim.span_begin = static_cast<uint32_t>(at);
    claim.span_end = static_cast<uint32_t>(at + ref.quote.size());
  }
  return std::move(corpus_);
}

// Parses `sources` on `threads` workers while the calling thread merges the
// results in order. At most 2 * threads parsed files wait to be merged.
absl::Status ParseAll(const std::vector<InputSource>& sources,
                      absl::string_view stdin_data,
                      const IngestOptions& options, Merger* merger) {
  const size_t n = sources.size();
  const size_t threads =
      std::min(n, static_cast<size_t>(std::max(options.threads, 1)));
  uint64_t largest = 0;
  for (const InputSource& source : sources) {
    largest = std::max(largest, source.bytes);
  }
  // Sized once for the largest file: regrowing would touch fresh pages.
  auto new_buffer = [largest] {
    std::string buffer;
    buffer.reserve(static_cast<size_t>(largest) + 1);
    internal::AdviseHugePages(buffer.data(), buffer.capacity());
    return buffer;
  };
  if (threads <= 1) {
    std::string buffer = new_buffer();
    for (const InputSource& source : sources) {
      CROSSCHECK_ASSIGN_OR_RETURN(
          ParsedFile file, ParseOne(source, stdin_data, options, &buffer));
      merger->Add(std::move(file));
    }
    return absl::OkStatus();
  }
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::optional<absl::StatusOr<ParsedFile>>> slots(n);
  size_t next = 0, merged = 0;
  bool stop = false;
  const size_t window = 2 * threads;
  auto work = [&] {
    std::string buffer = new_buffer();
    while (true) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock,
                [&] { return stop || next >= n || next < merged + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      absl::StatusOr<ParsedFile> result =
          ParseOne(sources[i], stdin_data, options, &buffer);
      std::lock_guard<std::mutex> lock(mu);
      slots[i] = std::move(result);
      cv.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) workers.emplace_back(work);
  absl::Status status;
  for (size_t i = 0; i < n && status.ok(); ++i) {
    absl::StatusOr<ParsedFile> result;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return slots[i].has_value(); });
      result = std::move(*slots[i]);
      slots[i].reset();
      merged = i + 1;
      if (!result.ok()) stop = true;
    }
    cv.notify_all();
    if (result.ok()) {
      merger->Add(*std::move(result));
    } else {
      status = result.status();
    }
  }
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
  CROSSCHECK_RETURN_IF_ERROR(ParseAll(sources, stdin_data, options, &merger));
  Corpus result = merger.Finish();
  if (IsEmpty(*corpus)) {
    *corpus = std::move(result);
  } else {
    MergeCorpus(std::move(result), corpus);
  }
  return absl::OkStatus();
}

}  // namespace crosscheck
