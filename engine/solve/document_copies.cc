#include "solve/document_copies.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "text/rule_pattern.h"

namespace crosscheck::internal {
namespace {

constexpr size_t kShingleWords = 8;
constexpr size_t kMinSentenceWords = 4;
// A document copies another when it shares at least this many sentences
// and this share of its own.
constexpr uint32_t kMinSharedSentences = 2;
constexpr double kMinSharedShare = 0.3;
constexpr double kMarkerProbability = 0.95;

uint64_t Fnv(uint64_t h, absl::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool WordByte(unsigned char c) { return absl::ascii_isalnum(c) || c >= 0x80; }

// The text that is the article: `text` without its cuts.
std::string KeptText(const Document& d) {
  std::string out;
  uint32_t at = 0;
  for (const TextCut& cut : d.cuts) {
    if (cut.begin > at) out.append(d.text, at, cut.begin - at);
    at = std::max(at, cut.end);
  }
  if (at < d.text.size()) out.append(d.text, at, std::string::npos);
  return out;
}

// Shingle hashes of each sentence of `text` with kMinSentenceWords words or
// more: word 8-grams, or the whole sentence when it is shorter.
std::vector<std::vector<uint64_t>> Sentences(absl::string_view text) {
  std::vector<std::vector<uint64_t>> out;
  std::vector<uint64_t> words;
  auto flush = [&] {
    if (words.size() >= kMinSentenceWords) {
      std::vector<uint64_t> shingles;
      const size_t n =
          words.size() < kShingleWords ? 1 : words.size() - kShingleWords + 1;
      for (size_t i = 0; i < n; ++i) {
        uint64_t h = 14695981039346656037ull;
        for (size_t j = i; j < std::min(words.size(), i + kShingleWords); ++j) {
          h = (h ^ words[j]) * 1099511628211ull;
        }
        shingles.push_back(h);
      }
      out.push_back(std::move(shingles));
    }
    words.clear();
  };
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? text[i] : '\n';
    if (WordByte(c)) {
      word.push_back(absl::ascii_tolower(c));
      continue;
    }
    if (!word.empty()) {
      words.push_back(Fnv(14695981039346656037ull, word));
      word.clear();
    }
    const bool end =
        c == '\n' ||
        ((c == '.' || c == '!' || c == '?') &&
         (i + 1 >= text.size() || absl::ascii_isspace(text[i + 1])));
    if (end) flush();
  }
  return out;
}

struct DocInfo {
  uint32_t source = kVirtualOrigin;  // graph index
  std::vector<std::vector<uint64_t>> sentences;
};

// "afp/2022-08-10", or the document id when it has no date.
std::string DocumentName(const Corpus& corpus, const Document& d) {
  if (!d.published) return std::string(corpus.str(d.id));
  return absl::StrCat(corpus.str(d.source), "/",
                      absl::FormatCivilTime(*d.published));
}

// Dependences of pairs of sources (either direction) and of sources on
// virtual origins; parts of evidence kept in order, each once. A pair takes
// the direction of its first directed evidence (a later document copying an
// earlier one), else of its first evidence.
class Collected {
 public:
  void Add(uint32_t source, uint32_t on, const std::string& origin,
           double probability, const std::string& evidence, bool directed) {
    const auto key = on == kVirtualOrigin
                         ? std::make_tuple(source, on, origin)
                         : std::make_tuple(std::min(source, on),
                                           std::max(source, on), std::string());
    auto [it, inserted] = entries_.try_emplace(key);
    Entry& e = it->second;
    if (inserted || (directed && !e.directed)) {
      e.source = source;
      e.on = on;
      e.directed = directed;
    }
    e.probability = std::max(e.probability, probability);
    if (std::find(e.evidence.begin(), e.evidence.end(), evidence) ==
        e.evidence.end()) {
      e.evidence.push_back(evidence);
    }
  }
  // Sorted by (source, on, origin).
  std::vector<SourceDependence> Take() {
    std::vector<SourceDependence> out;
    for (auto& [key, e] : entries_) {
      SourceDependence d;
      d.source = e.source;
      d.on = e.on;
      d.origin = std::get<2>(key);
      d.probability = e.probability;
      d.evidence = absl::StrJoin(e.evidence, "; ");
      out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(),
              [](const SourceDependence& x, const SourceDependence& y) {
                return std::tie(x.source, x.on, x.origin) <
                       std::tie(y.source, y.on, y.origin);
              });
    return out;
  }

 private:
  struct Entry {
    uint32_t source = 0;
    uint32_t on = 0;
    bool directed = false;
    double probability = 0;
    std::vector<std::string> evidence;
  };
  std::map<std::tuple<uint32_t, uint32_t, std::string>, Entry> entries_;
};

}  // namespace

WireMarkers::~WireMarkers() = default;

std::unique_ptr<WireMarkers> WireMarkers::Compile(
    const RuleSet& set, std::vector<RuleProblem>* problems) {
  auto out = std::make_unique<WireMarkers>();
  for (const Rule* rule : set.OfKind("wire_marker")) {
    RuleFields fields(*rule, problems);
    fields.CheckFields({"agency", "pattern"});
    Marker m;
    m.rule_id = rule->id;
    std::string pattern;
    if (!fields.String("agency", &m.agency) ||
        !fields.String("pattern", &pattern)) {
      continue;
    }
    m.pattern = text_internal::CompileRulePattern(
        &fields, fields.Find("pattern"), pattern);
    if (m.pattern != nullptr) out->markers_.push_back(std::move(m));
  }
  return out;
}

std::vector<WireMarkers::Found> WireMarkers::Find(
    absl::string_view text) const {
  std::vector<Found> out;
  for (const Marker& m : markers_) {
    re2::StringPiece match;
    if (!m.pattern->Match(re2::StringPiece(text.data(), text.size()), 0,
                          text.size(), RE2::UNANCHORED, &match, 1)) {
      continue;
    }
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Found& f) {
      return f.agency == m.agency;
    });
    if (!seen)
      out.push_back({m.agency, std::string(match.data(), match.size())});
  }
  return out;
}

void WireMarkers::RunExamples(const RuleSet& set, size_t* examples,
                              std::vector<RuleProblem>* failed) const {
  for (const Rule* rule : set.OfKind("wire_marker")) {
    const auto marker =
        std::find_if(markers_.begin(), markers_.end(),
                     [&](const Marker& m) { return m.rule_id == rule->id; });
    if (marker == markers_.end()) continue;  // broken: reported at compile
    const rapidjson::Value* list = RuleFields(*rule, failed).Find("examples");
    if (list == nullptr || !list->IsArray()) continue;
    for (const rapidjson::Value& ex : list->GetArray()) {
      if (!ex.IsObject() || !ex.HasMember("in") || !ex["in"].IsString()) {
        failed->push_back(
            RuleSet::ProblemAt(*rule, ex, "example needs a string \"in\""));
        continue;
      }
      ++*examples;
      const absl::string_view in(ex["in"].GetString(),
                                 ex["in"].GetStringLength());
      const bool expected = ex.HasMember("agency") && ex["agency"].IsString();
      const bool matched = marker->pattern->PartialMatch(
          re2::StringPiece(in.data(), in.size()), *marker->pattern);
      if (matched != expected) {
        failed->push_back(RuleSet::ProblemAt(
            *rule, ex,
            absl::StrCat("example \"", in, "\" ",
                         matched ? "names " : "does not name ", marker->agency,
                         expected ? "" : " but should not")));
      }
    }
  }
}

std::vector<SourceDependence> DetectDocumentCopies(const Corpus& corpus,
                                                   const ClaimGraph& graph,
                                                   const WireMarkers& markers) {
  // Graph index of each source name.
  absl::flat_hash_map<std::string, uint32_t> source_index;
  for (uint32_t s = 0; s < graph.sources.size(); ++s) {
    source_index[absl::AsciiStrToLower(corpus.str(graph.sources[s]))] = s;
  }
  auto index_of = [&](absl::string_view name) {
    auto it = source_index.find(absl::AsciiStrToLower(name));
    return it == source_index.end() ? kVirtualOrigin : it->second;
  };
  const size_t n = corpus.documents.size();
  std::vector<DocInfo> docs(n);
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> index;
  Collected found;
  std::map<std::string, std::set<uint32_t>> marked;  // agency -> sources
  for (uint32_t d = 0; d < n; ++d) {
    const Document& doc = corpus.documents[d];
    docs[d].source = index_of(corpus.str(doc.source));
    const std::string text = KeptText(doc);
    docs[d].sentences = Sentences(text);
    std::vector<uint64_t> all;
    for (const auto& s : docs[d].sentences)
      all.insert(all.end(), s.begin(), s.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    for (uint64_t h : all) index[h].push_back(d);
    if (docs[d].source == kVirtualOrigin) continue;
    for (const WireMarkers::Found& f : markers.Find(text)) {
      const uint32_t agency = index_of(f.agency);
      if (agency == docs[d].source) continue;
      found.Add(docs[d].source, agency,
                agency == kVirtualOrigin ? f.agency : std::string(),
                kMarkerProbability, absl::StrCat("marked ", f.marker),
                /*directed=*/true);
      marked[f.agency].insert(docs[d].source);
    }
  }
  // Sources reprinting one agency copy a common origin.
  for (const auto& [agency, sources] : marked) {
    for (auto i = sources.begin(); i != sources.end(); ++i) {
      for (auto j = std::next(i); j != sources.end(); ++j) {
        found.Add(*j, *i, std::string(), kMarkerProbability,
                  absl::StrCat("both name ", agency, " as their source"),
                  /*directed=*/false);
      }
    }
  }
  // Shared sentences: for each sentence of a, the documents holding at least
  // half of its shingles.
  for (uint32_t a = 0; a < n; ++a) {
    if (docs[a].source == kVirtualOrigin) continue;
    std::map<uint32_t, uint32_t> shared;  // document -> sentences of a
    for (const auto& sentence : docs[a].sentences) {
      std::map<uint32_t, uint32_t> hits;
      for (uint64_t h : sentence) {
        const std::vector<uint32_t>& holders = index.at(h);
        if (holders.size() > kMaxShingleDocuments) continue;
        for (uint32_t b : holders) {
          if (b != a) ++hits[b];
        }
      }
      for (const auto& [b, count] : hits) {
        if (2 * count >= sentence.size()) ++shared[b];
      }
    }
    const uint32_t total = static_cast<uint32_t>(docs[a].sentences.size());
    for (const auto& [b, count] : shared) {
      const Document& da = corpus.documents[a];
      const Document& db = corpus.documents[b];
      if (docs[b].source == kVirtualOrigin || docs[b].source == docs[a].source)
        continue;
      if (count < kMinSharedSentences || count < kMinSharedShare * total)
        continue;
      // The copier is the later document; undated documents come last; on the
      // same day, the one of greater id.
      const bool a_later = !da.published ||
                           (db.published && *da.published > *db.published) ||
                           (db.published && *da.published == *db.published &&
                            corpus.str(da.id) > corpus.str(db.id));
      if (!a_later) continue;
      found.Add(docs[a].source, docs[b].source, std::string(),
                0.9 + 0.09 * count / total,
                absl::StrCat("shares ", count, " of ", total,
                             " sentences with ", DocumentName(corpus, db)),
                /*directed=*/true);
    }
  }
  return found.Take();
}

}  // namespace crosscheck::internal
