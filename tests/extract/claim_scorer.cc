#include "tests/extract/claim_scorer.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "extract/lexicon.h"

namespace crosscheck::testing {
namespace {

using extract_internal::Fold;

struct Span {
  size_t begin = 0, end = 0;
  bool found = false;
};

bool Overlaps(Span a, size_t b, size_t e) { return a.found && a.begin < e && b < a.end; }

std::string Describe(const std::string& doc, const std::string& tmpl,
                     const std::map<std::string, std::string>& slots,
                     const std::string& modality, const std::string& evidence) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : slots) parts.push_back(absl::StrCat(k, "=", v));
  return absl::StrCat(doc, " ", tmpl, " {", absl::StrJoin(parts, ", "), "} ", modality,
                      " | ", evidence.substr(0, 100));
}

}  // namespace

void Score::Add(const Score& o) {
  expected += o.expected;
  extracted += o.extracted;
  matched += o.matched;
  overlapping += o.overlapping;
  slots += o.slots;
  slots_equal += o.slots_equal;
  modality_equal += o.modality_equal;
}

std::string SlotDisplay(const Corpus& corpus, const FrameSlot& slot) {
  if (slot.value != kNoValue) {
    ValueKind kind = corpus.values.Get(slot.value).kind;
    if (kind == ValueKind::kNumber || kind == ValueKind::kDateTime) {
      return std::string(corpus.values.Key(slot.value));
    }
  }
  return std::string(corpus.str(slot.text));
}

CorpusScore ScoreExtraction(const Corpus& corpus,
                            const std::vector<ExpectedClaim>& expected) {
  CorpusScore score;
  std::map<std::string, uint32_t> doc_index;
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    doc_index[FileName(corpus, corpus.documents[d])] = d;
  }
  std::vector<bool> frame_used(corpus.frames.size(), false), frame_overlap(corpus.frames.size(), false);
  auto slots_of = [&](const Frame& f) {
    std::map<std::string, std::string> out;
    for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
      const FrameSlot& s = corpus.frame_slots[k];
      out[std::string(corpus.str(s.name))] = SlotDisplay(corpus, s);
    }
    return out;
  };
  for (const Frame& f : corpus.frames) {
    Score& s = score.by_template[std::string(corpus.str(f.template_name))];
    ++s.extracted;
  }
  for (const ExpectedClaim& e : expected) {
    Score& s = score.by_template[e.template_name];
    ++s.expected;
    auto it = doc_index.find(e.document);
    Span ev;
    if (it != doc_index.end()) {
      size_t at = corpus.documents[it->second].text.find(e.evidence);
      if (at != std::string::npos) ev = {at, at + e.evidence.size(), true};
    }
    int best = -1, overlap = -1;
    for (uint32_t fi = 0; fi < corpus.frames.size() && it != doc_index.end(); ++fi) {
      const Frame& f = corpus.frames[fi];
      if (f.document != it->second || corpus.str(f.template_name) != e.template_name ||
          !Overlaps(ev, f.span_begin, f.span_end)) {
        continue;
      }
      std::map<std::string, std::string> got = slots_of(f);
      bool equal = std::all_of(e.slots.begin(), e.slots.end(), [&](const auto& kv) {
        auto g = got.find(kv.first);
        return g != got.end() && Fold(g->second) == Fold(kv.second);
      });
      if (equal && !frame_used[fi] && best < 0) best = static_cast<int>(fi);
      if (!frame_overlap[fi] && overlap < 0) overlap = static_cast<int>(fi);
    }
    if (best >= 0) {
      frame_used[best] = true;
      ++s.matched;
    } else {
      score.missed.push_back(Describe(e.document, e.template_name, e.slots, e.modality, e.evidence));
    }
    int pair = best >= 0 ? best : overlap;
    if (pair >= 0) {
      frame_overlap[pair] = true;
      ++s.overlapping;
      std::map<std::string, std::string> got = slots_of(corpus.frames[pair]);
      for (const auto& [k, v] : e.slots) {
        ++s.slots;
        auto g = got.find(k);
        if (g != got.end() && Fold(g->second) == Fold(v)) ++s.slots_equal;
      }
      if (ModalityName(corpus.frames[pair].modality) == e.modality) ++s.modality_equal;
    }
  }
  for (uint32_t fi = 0; fi < corpus.frames.size(); ++fi) {
    if (frame_used[fi]) continue;
    const Frame& f = corpus.frames[fi];
    const Document& d = corpus.documents[f.document];
    score.unexpected.push_back(Describe(
        FileName(corpus, d), std::string(corpus.str(f.template_name)), slots_of(f),
        std::string(ModalityName(f.modality)),
        d.text.substr(f.span_begin, f.span_end - f.span_begin)));
  }
  for (const auto& [name, s] : score.by_template) score.total.Add(s);
  return score;
}

std::string FormatScore(const std::string& name, const CorpusScore& score) {
  std::string out = absl::StrFormat(
      "%-12s %-11s %5s %5s %5s %6s %6s %8s %8s %8s\n", name, "template", "exp", "ext", "match",
      "P", "R", "overlap", "slots", "modality");
  auto line = [&](const std::string& t, const Score& s) {
    absl::StrAppendFormat(&out, "%-12s %-11s %5d %5d %5d %6.2f %6.2f %8d %4d/%-4d %8d\n", "",
                          t, s.expected, s.extracted, s.matched, s.precision(), s.recall(),
                          s.overlapping, s.slots_equal, s.slots, s.modality_equal);
  };
  for (const auto& [t, s] : score.by_template) line(t, s);
  line("total", score.total);
  return out;
}

}  // namespace crosscheck::testing
