#include "crosscheck/corpus.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace crosscheck {

absl::string_view InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kArticle: return "article";
    case InputKind::kDocumentsJsonl: return "documents_jsonl";
    case InputKind::kClaimsCsv: return "claims_csv";
    case InputKind::kClaimsTsv: return "claims_tsv";
    case InputKind::kClaimsJsonl: return "claims_jsonl";
  }
  return "unknown";
}

absl::string_view IssueKindName(IssueKind kind) {
  switch (kind) {
    case IssueKind::kSkippedRecord: return "skipped_record";
    case IssueKind::kSkippedValue: return "skipped_value";
    case IssueKind::kRepaired: return "repaired";
  }
  return "unknown";
}

absl::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kAlleged: return "alleged";
    case Modality::kQuoted: return "quoted";
    case Modality::kDenied: return "denied";
  }
  return "unknown";
}

void MergeCorpus(Corpus other, Corpus* into) {
  const uint32_t file_base = static_cast<uint32_t>(into->files.size());
  const uint32_t doc_base = static_cast<uint32_t>(into->documents.size());
  const uint32_t frame_base = static_cast<uint32_t>(into->frames.size());
  const uint32_t slot_base = static_cast<uint32_t>(into->frame_slots.size());
  std::vector<StringId> remap(other.strings.size());
  for (StringId id = 0; id < other.strings.size(); ++id) {
    remap[id] = into->strings.Intern(other.strings.Get(id));
  }
  auto map = [&](StringId id) { return id == kNoString ? kNoString : remap[id]; };
  for (InputFile& f : other.files) into->files.push_back(std::move(f));
  for (Document& d : other.documents) {
    d.id = map(d.id);
    d.source = map(d.source);
    d.url = map(d.url);
    d.lang = map(d.lang);
    d.topic = map(d.topic);
    d.published_raw = map(d.published_raw);
    for (TextCut& cut : d.cuts) cut.rule = map(cut.rule);
    d.location.file += file_base;
    into->documents.push_back(std::move(d));
  }
  into->claims.reserve(into->claims.size() + other.claims.size());
  for (Claim c : other.claims) {
    c.source = map(c.source);
    c.subject = map(c.subject);
    c.predicate = map(c.predicate);
    c.raw_value = map(c.raw_value);
    c.as_of = map(c.as_of);
    if (c.document != kNoDocument) c.document += doc_base;
    if (c.frame != kNoFrame) c.frame += frame_base;
    c.location.file += file_base;
    into->claims.push_back(c);
  }
  for (Frame f : other.frames) {
    f.template_name = map(f.template_name);
    f.rule = map(f.rule);
    f.speaker = map(f.speaker);
    if (f.document != kNoDocument) f.document += doc_base;
    f.slots_begin += slot_base;
    f.slots_end += slot_base;
    into->frames.push_back(f);
  }
  for (FrameSlot s : other.frame_slots) {
    s.name = map(s.name);
    s.text = map(s.text);
    into->frame_slots.push_back(s);
  }
  for (InputIssue& issue : other.issues) {
    issue.location.file += file_base;
    into->issues.push_back(std::move(issue));
  }
}

void CanonicalizeOrder(Corpus* corpus) {
  // Files by path; then every location is remapped.
  std::vector<uint32_t> file_order(corpus->files.size());
  std::iota(file_order.begin(), file_order.end(), 0);
  std::stable_sort(file_order.begin(), file_order.end(),
                   [&](uint32_t a, uint32_t b) {
                     return corpus->files[a].path < corpus->files[b].path;
                   });
  std::vector<uint32_t> file_rank(file_order.size());
  std::vector<InputFile> files;
  files.reserve(file_order.size());
  for (uint32_t rank = 0; rank < file_order.size(); ++rank) {
    file_rank[file_order[rank]] = rank;
    files.push_back(std::move(corpus->files[file_order[rank]]));
  }
  corpus->files = std::move(files);
  auto remap_location = [&](InputLocation* l) {
    if (l->file < file_rank.size()) l->file = file_rank[l->file];
  };

  auto loc_key = [](const InputLocation& l) {
    return std::make_tuple(l.file, l.line, l.column);
  };

  // Documents by id, then location.
  for (Document& d : corpus->documents) remap_location(&d.location);
  std::vector<uint32_t> doc_order(corpus->documents.size());
  std::iota(doc_order.begin(), doc_order.end(), 0);
  std::sort(doc_order.begin(), doc_order.end(), [&](uint32_t a, uint32_t b) {
    const Document& x = corpus->documents[a];
    const Document& y = corpus->documents[b];
    auto xi = corpus->str(x.id), yi = corpus->str(y.id);
    if (xi != yi) return xi < yi;
    return loc_key(x.location) < loc_key(y.location);
  });
  std::vector<uint32_t> doc_rank(doc_order.size());
  std::vector<Document> docs;
  docs.reserve(doc_order.size());
  for (uint32_t rank = 0; rank < doc_order.size(); ++rank) {
    doc_rank[doc_order[rank]] = rank;
    docs.push_back(std::move(corpus->documents[doc_order[rank]]));
  }
  corpus->documents = std::move(docs);

  for (Claim& c : corpus->claims) {
    remap_location(&c.location);
    if (c.document != kNoDocument) c.document = doc_rank[c.document];
  }
  for (Frame& f : corpus->frames) {
    if (f.document != kNoDocument) f.document = doc_rank[f.document];
  }
  const Corpus& k = *corpus;
  std::sort(corpus->claims.begin(), corpus->claims.end(),
            [&](const Claim& a, const Claim& b) {
              if (a.subject != b.subject) {
                auto x = k.str(a.subject), y = k.str(b.subject);
                if (x != y) return x < y;
              }
              if (a.predicate != b.predicate) {
                auto x = k.str(a.predicate), y = k.str(b.predicate);
                if (x != y) return x < y;
              }
              if (a.source != b.source) {
                auto x = k.str(a.source), y = k.str(b.source);
                if (x != y) return x < y;
              }
              if (a.raw_value != b.raw_value) {
                auto x = k.str(a.raw_value), y = k.str(b.raw_value);
                if (x != y) return x < y;
              }
              if (loc_key(a.location) != loc_key(b.location)) {
                return loc_key(a.location) < loc_key(b.location);
              }
              return std::make_tuple(a.span_begin, a.span_end) <
                     std::make_tuple(b.span_begin, b.span_end);
            });

  for (InputIssue& issue : corpus->issues) remap_location(&issue.location);
  std::stable_sort(corpus->issues.begin(), corpus->issues.end(),
                   [&](const InputIssue& a, const InputIssue& b) {
                     if (loc_key(a.location) != loc_key(b.location)) {
                       return loc_key(a.location) < loc_key(b.location);
                     }
                     if (a.kind != b.kind) return a.kind < b.kind;
                     return a.reason < b.reason;
                   });
}

}  // namespace crosscheck
