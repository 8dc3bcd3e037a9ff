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
    case InputKind::kArticleHtml: return "article_html";
    case InputKind::kUnsupported: return "unsupported";
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

namespace {

// Rank of each string id used in one claim field, in text order; ids are
// first-seen order and must never decide an order themselves.
std::vector<uint32_t> RankByText(const Corpus& corpus, StringId Claim::*field) {
  std::vector<uint32_t> rank(corpus.strings.size(), 0);
  std::vector<StringId> used;
  std::vector<bool> seen(corpus.strings.size(), false);
  for (const Claim& c : corpus.claims) {
    StringId id = c.*field;
    if (id != kNoString && !seen[id]) {
      seen[id] = true;
      used.push_back(id);
    }
  }
  std::sort(used.begin(), used.end(), [&](StringId a, StringId b) {
    return corpus.strings.Get(a) < corpus.strings.Get(b);
  });
  for (uint32_t i = 0; i < used.size(); ++i) rank[used[i]] = i + 1;
  return rank;
}

// Applies `order` (order[i] = old index of the claim that goes to i) in
// place, following cycles, so no second claim array is allocated.
void Permute(std::vector<uint32_t> order, std::vector<Claim>* claims) {
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Claim moving = (*claims)[start];
    uint32_t at = start;
    while (order[at] != start) {
      uint32_t from = order[at];
      (*claims)[at] = (*claims)[from];
      order[at] = at;
      at = from;
    }
    (*claims)[at] = moving;
    order[at] = at;
  }
}

// Sorts claims by (subject, predicate, source) text, then input position.
// Questions get dense ranks from the text ranks of their parts, claims are
// bucketed by question with a counting sort, and only the few claims of each
// question are compared: linear in the number of claims in practice.
void SortClaims(Corpus* corpus) {
  std::vector<Claim>& claims = corpus->claims;
  const size_t n = claims.size();
  const std::vector<uint32_t> subject = RankByText(*corpus, &Claim::subject);
  const std::vector<uint32_t> predicate = RankByText(*corpus, &Claim::predicate);
  const std::vector<uint32_t> source = RankByText(*corpus, &Claim::source);
  auto rank = [](const std::vector<uint32_t>& r, StringId id) -> uint64_t {
    return id == kNoString ? 0 : r[id];
  };
  const uint64_t predicates =
      1 + (predicate.empty() ? 0 : *std::max_element(predicate.begin(), predicate.end()));
  auto question = [&](const Claim& c) {
    return rank(subject, c.subject) * predicates + rank(predicate, c.predicate);
  };
  auto within = [&](const Claim& c) {
    return std::make_tuple(rank(source, c.source), c.location.file, c.location.line,
                           c.location.column, c.span_begin, c.span_end);
  };

  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  uint64_t max_question = 0;
  for (const Claim& c : claims) max_question = std::max(max_question, question(c));
  if (max_question <= std::max<uint64_t>(4 * n, 1 << 20)) {
    std::vector<uint32_t> start(max_question + 2, 0);
    for (const Claim& c : claims) ++start[question(c) + 1];
    for (size_t q = 1; q < start.size(); ++q) start[q] += start[q - 1];
    for (uint32_t i = 0; i < n; ++i) order[start[question(claims[i])]++] = i;
  } else {
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return question(claims[a]) < question(claims[b]);
    });
  }
  for (size_t lo = 0; lo < n;) {
    size_t hi = lo + 1;
    const uint64_t q = question(claims[order[lo]]);
    while (hi < n && question(claims[order[hi]]) == q) ++hi;
    if (hi - lo > 1) {
      std::stable_sort(order.begin() + lo, order.begin() + hi, [&](uint32_t a, uint32_t b) {
        return within(claims[a]) < within(claims[b]);
      });
    }
    lo = hi;
  }
  Permute(std::move(order), &claims);
}

}  // namespace

const FrameSlot* Corpus::Slot(const Frame& frame, absl::string_view name) const {
  for (uint32_t i = frame.slots_begin; i < frame.slots_end; ++i) {
    if (str(frame_slots[i].name) == name) return &frame_slots[i];
  }
  return nullptr;
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
  SortClaims(corpus);

  for (InputIssue& issue : corpus->issues) remap_location(&issue.location);
  SortIssues(corpus);
}

void SortIssues(Corpus* corpus) {
  auto loc_key = [](const InputLocation& l) {
    return std::make_tuple(l.file, l.line, l.column);
  };
  std::stable_sort(corpus->issues.begin(), corpus->issues.end(),
                   [&](const InputIssue& a, const InputIssue& b) {
                     if (loc_key(a.location) != loc_key(b.location)) {
                       return loc_key(a.location) < loc_key(b.location);
                     }
                     if (a.kind != b.kind) return a.kind < b.kind;
                     return a.reason < b.reason;
                   });
}

uint64_t CutBytes(const Document& doc) {
  uint64_t cut = 0;
  for (const TextCut& k : doc.cuts) cut += k.end - k.begin;
  return cut;
}

}  // namespace crosscheck
