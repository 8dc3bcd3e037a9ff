// The data model every stage shares: interned strings, input files, documents,
// claims, and the records that could not become claims.
//
// A Corpus is built by ingest (crosscheck/ingest.h), extended by extraction
// (articles become claims), typed by crosscheck/value.h, and read by the graph,
// solver and report stages. Claims are small fixed-size records that refer to
// interned strings by id; nothing downstream copies text.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_CORPUS_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_CORPUS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "crosscheck/value.h"

namespace crosscheck {

using StringId = uint32_t;
inline constexpr StringId kNoString = UINT32_MAX;
inline constexpr uint32_t kNoDocument = UINT32_MAX;
inline constexpr uint32_t kNoFrame = UINT32_MAX;

// Interns strings: equal strings get equal ids, ids are dense and handed out
// in first-seen order. Views returned by Get() stay valid for the pool's
// lifetime (storage never moves). Not thread-safe; movable, not copyable.
class StringPool {
 public:
  StringPool();
  StringPool(StringPool&&) noexcept;
  StringPool& operator=(StringPool&&) noexcept;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  ~StringPool();

  // Returns the id of `s`, adding it if it is new.
  StringId Intern(absl::string_view s);
  // Returns the id of `s`, or kNoString if it was never interned.
  StringId Find(absl::string_view s) const;
  // REQUIRES: id < size().
  absl::string_view Get(StringId id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

 private:
  absl::string_view Store(absl::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  size_t block_size_ = 0;
  std::vector<absl::string_view> views_;
  absl::flat_hash_map<absl::string_view, StringId> ids_;
};

// Where a record or value came from. `file` indexes Corpus::files; line and
// column are 1-based, and 0 means "not applicable" (a whole file, a whole line).
// Columns count bytes, matching what editors show for ASCII text.
struct InputLocation {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

enum class InputKind : uint8_t {
  kArticle,         // .txt article, optional front matter
  kDocumentsJsonl,  // JSON Lines of documents
  kClaimsCsv,       // claim table, comma-separated
  kClaimsTsv,       // claim table, tab-separated
  kClaimsJsonl,     // JSON Lines of claims
  kArticleHtml,     // .html page of one article
  kUnsupported,     // a file of a directory that is no input kind: skipped
};
absl::string_view InputKindName(InputKind kind);

// One input file (or standard input, path "-") and what became of its records.
// Invariant after ingest and typing: records == records_with_claims +
// records_skipped, where a document counts as a record with claims once it is
// kept (its claims come from extraction).
struct InputFile {
  std::string path;
  InputKind kind = InputKind::kArticle;
  uint64_t bytes = 0;
  uint32_t records = 0;              // data lines, rows or articles (headers excluded)
  uint32_t records_kept = 0;         // became claims or documents
  uint32_t records_skipped = 0;      // listed in Corpus::issues as kSkippedRecord
  uint32_t claims = 0;               // claims this file produced
  uint32_t documents = 0;            // documents this file produced
};

// A record or value that did not become (or did not become intact) a claim.
enum class IssueKind : uint8_t {
  kSkippedRecord,  // a whole line/row/article was not used
  kSkippedValue,   // one cell of a kept row was not used (unparseable for its type)
  kRepaired,       // the record was kept after a repair (invalid UTF-8 replaced)
};
absl::string_view IssueKindName(IssueKind kind);

struct InputIssue {
  IssueKind kind = IssueKind::kSkippedRecord;
  InputLocation location;
  std::string reason;   // one sentence, lower case, no trailing period
  std::string excerpt;  // up to 80 bytes of the offending text, valid UTF-8
};

enum class Modality : uint8_t {
  kAsserted,  // stated as fact (tables are always asserted)
  kReported,  // "selon", "aurait", "according to"
  kAlleged,   // "présumés", "alleged"
  kQuoted,    // inside a quotation attributed to a speaker
  kDenied,    // stated as false
};
absl::string_view ModalityName(Modality modality);

// Bytes [begin, end) of Document::text that are not the article (boilerplate,
// reader comments), cut by the text rule `rule` (crosscheck/text.h).
struct TextCut {
  uint32_t begin = 0;
  uint32_t end = 0;
  StringId rule = kNoString;
};

// An article. `text` holds the body exactly as read (after UTF-8 repair); byte
// spans of claims index into it.
struct Document {
  StringId id = kNoString;      // "id" given, else the path (JSONL: path:line)
  StringId source = kNoString;  // front matter / JSONL "source", else file name
  StringId url = kNoString;
  StringId lang = kNoString;
  StringId topic = kNoString;
  StringId published_raw = kNoString;    // as written in the metadata
  std::optional<absl::CivilDay> published;  // parsed, or inferred from the text
  bool published_inferred = false;
  // With published_inferred: the text states it in a dateline ("Publié le
  // 9 août 2022"), so it is the day itself, not a bound.
  bool published_dateline = false;
  std::string title;
  std::string text;
  InputLocation location;        // first line of the record
  uint32_t text_first_line = 0;  // input line where `text` begins (articles)
  // The input line of each line of `text`, when they are not consecutive
  // from text_first_line (HTML pages); empty otherwise.
  std::vector<uint32_t> text_lines;
  // Set by extraction (crosscheck/extract.h): what was cut from `text`, in
  // text order. `lang` is filled there too when the metadata has none and the
  // language could be detected, and `published` when the text bounds it.
  std::vector<TextCut> cuts;
};

// Bytes of `doc.text` that text preparation cut (the sum of its cuts).
uint64_t CutBytes(const Document& doc);

// One argument of a Frame: "count" = "au moins quatre" (value >=4).
struct FrameSlot {
  StringId name = kNoString;  // slot name from the template ("supplier")
  // The slot as text: as written ("Sadio Kamara", "au moins quatre",
  // "mardi"); the canonical name when the text only implies it ("Russie" for
  // "hélicoptères russes"); the class or role id for item_class and role
  // slots ("helicopter", "defence_minister").
  StringId text = kNoString;
  ValueId value = kNoValue;  // typed value; kNoValue when unresolved ("mardi"
                             // in an undated article): such slots get no Claim
  uint32_t span_begin = 0;   // where the slot was read, in Document::text
  uint32_t span_end = 0;
};

// One statement found in a document: an instance of a claim template
// ("delivery", "role", ...) with its slots, the evidence and the sentence
// it stands in. Extraction makes one Claim per slot with a value.
struct Frame {
  StringId template_name = kNoString;  // "delivery"
  StringId rule = kNoString;           // id of the claim_pattern rule
  uint32_t document = kNoDocument;     // index into Corpus::documents
  uint32_t span_begin = 0;             // evidence bytes in Document::text
  uint32_t span_end = 0;
  uint32_t sentence_begin = 0;  // the sentence holding the evidence
  uint32_t sentence_end = 0;
  Modality modality = Modality::kAsserted;
  StringId speaker = kNoString;  // who is quoted (kQuoted), when named
  uint32_t slots_begin = 0;      // [slots_begin, slots_end) of frame_slots
  uint32_t slots_end = 0;
};

// One statement by one source: `subject` `predicate` is `raw_value`.
// For tables, subject is the object column and predicate the attribute.
struct Claim {
  StringId source = kNoString;
  StringId subject = kNoString;
  StringId predicate = kNoString;
  StringId raw_value = kNoString;
  ValueId value = kNoValue;        // typed value, set by TypeClaims()
  uint32_t document = kNoDocument;  // index into Corpus::documents, or none
  InputLocation location;           // the cell, JSON line, or evidence start
  uint32_t span_begin = 0;          // evidence bytes in the document text
  uint32_t span_end = 0;
  StringId as_of = kNoString;       // when the source said it, as written
  Modality modality = Modality::kAsserted;
  uint32_t frame = kNoFrame;  // the Frame a text claim comes from, or none
};

struct Corpus {
  StringPool strings;
  std::vector<InputFile> files;
  std::vector<Document> documents;
  std::vector<Claim> claims;
  std::vector<InputIssue> issues;
  ValueStore values;
  // Statements extracted from documents (crosscheck/extract.h).
  std::vector<Frame> frames;
  std::vector<FrameSlot> frame_slots;

  absl::string_view str(StringId id) const {
    return id == kNoString ? absl::string_view() : strings.Get(id);
  }
  // The slot of `frame` named `name` (a frame has one per name), or null.
  const FrameSlot* Slot(const Frame& frame, absl::string_view name) const;
};

// Appends `other` to `*into`, re-interning its strings and shifting its file,
// document and frame indices; `other.values` must be empty (merge before
// typing and extraction).
void MergeCorpus(Corpus other, Corpus* into);

// Sorts files by path, documents by id, claims by (subject, predicate,
// source) text then input position (file path, line, column, evidence span),
// and issues by location. After this, every later stage is independent of the
// order inputs were given in.
void CanonicalizeOrder(Corpus* corpus);

// Sorts issues by location (file, line, column), then kind and reason; stages
// that add issues after CanonicalizeOrder call it again.
void SortIssues(Corpus* corpus);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_CORPUS_H_
