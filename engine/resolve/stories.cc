// Stories: the articles of a run that tell of the same dated events. Two
// documents are in one story when a frame of each has the same subject after
// event grouping, its template identifies events by a date, and both frames
// state that date. Shared people, roles and undated totals do not link
// documents: nearly every article on a country names its president and "the
// deliveries so far", and linking by them would make one story of all.
#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "crosscheck/rules.h"
#include "extract/extract_rules_impl.h"
#include "resolve/resolve_impl.h"

namespace crosscheck::resolve_internal {
namespace {

uint32_t Root(std::vector<uint32_t>* parent, uint32_t x) {
  while ((*parent)[x] != x) x = (*parent)[x] = (*parent)[(*parent)[x]];
  return x;
}

// Whether frame `f` states a value for a date slot of its template's
// identity.
bool StatesEventDate(const extract_internal::TemplateDef& tmpl, const Corpus& corpus,
                     const Frame& f) {
  for (const std::string& slot : tmpl.identity) {
    const extract_internal::SlotType* type = tmpl.Find(slot);
    if (type == nullptr || *type != extract_internal::SlotType::kDate) continue;
    const FrameSlot* s = corpus.Slot(f, slot);
    if (s != nullptr && s->value != kNoValue) return true;
  }
  return false;
}

}  // namespace

std::vector<uint32_t> GroupStories(const Rules& rules, const Corpus& corpus) {
  const ExtractRules::Impl& x = rules.extract().impl();
  const size_t n = corpus.documents.size();
  std::vector<StringId> frame_subject(corpus.frames.size(), kNoString);
  for (const Claim& c : corpus.claims) {
    if (c.frame != kNoFrame && frame_subject[c.frame] == kNoString) frame_subject[c.frame] = c.subject;
  }
  // Subject text -> the documents whose frames state it with its date.
  std::map<absl::string_view, std::vector<uint32_t>> documents_of;
  for (uint32_t f = 0; f < corpus.frames.size(); ++f) {
    const Frame& frame = corpus.frames[f];
    if (frame.document >= n || frame_subject[f] == kNoString) continue;
    const extract_internal::TemplateDef* tmpl = x.Template(corpus.str(frame.template_name));
    if (tmpl == nullptr || !StatesEventDate(*tmpl, corpus, frame)) continue;
    documents_of[corpus.str(frame_subject[f])].push_back(frame.document);
  }
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& [subject, documents] : documents_of) {
    for (uint32_t d : documents) {
      uint32_t a = Root(&parent, documents[0]), b = Root(&parent, d);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  // Number stories by their first document in id order, so the numbering
  // does not depend on input order.
  std::vector<uint32_t> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) {
    return corpus.str(corpus.documents[a].id) < corpus.str(corpus.documents[b].id);
  });
  std::vector<uint32_t> story(n, 0), root_story(n, UINT32_MAX);
  uint32_t next = 0;
  for (uint32_t d : by_id) {
    uint32_t r = Root(&parent, d);
    if (root_story[r] == UINT32_MAX) root_story[r] = next++;
    story[d] = root_story[r];
  }
  return story;
}

}  // namespace crosscheck::resolve_internal
