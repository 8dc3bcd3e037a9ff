// ResolveEntities: mentions, clusters, rewriting slots and claims to the
// canonical entity, event groups.
#include "crosscheck/resolve.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "crosscheck/extract.h"
#include "crosscheck/rules.h"
#include "resolve/resolve_impl.h"

namespace crosscheck {
namespace {

using resolve_internal::Mention;

// The value of `old` with its key replaced by `key`.
ValueId Rekeyed(ValueStore* values, ValueId old, const std::string& key) {
  Value v = values->Get(old);
  v.key = values->InternKey(key);
  return values->Add(v);
}

// Rewrites the slots of resolved mentions and the claims made from them;
// returns the frames touched, ascending.
std::vector<uint32_t> Rewrite(const std::vector<Mention>& mentions,
                              const std::vector<Entity>& entities, Corpus* corpus,
                              ResolveStats* stats) {
  absl::flat_hash_map<uint32_t, ValueId> slot_value;  // slot -> new value
  std::vector<uint32_t> frames;
  for (const Mention& m : mentions) {
    // Gazetteer names were made canonical by extraction (a capital may stand
    // for its country): they keep their value.
    if (m.entity < 0 || m.slot == resolve_internal::kNoSlot || m.gazetteer ||
        m.confidence < kRewriteConfidence) {
      continue;
    }
    FrameSlot& slot = corpus->frame_slots[m.slot];
    const std::string& key = entities[m.entity].key;
    if (slot.value == kNoValue || corpus->values.Key(slot.value) == key) continue;
    slot.value = Rekeyed(&corpus->values, slot.value, key);
    slot_value[m.slot] = slot.value;
    frames.push_back(m.frame);
    ++stats->slots_rewritten;
  }
  std::sort(frames.begin(), frames.end());
  frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
  if (slot_value.empty()) return frames;
  for (Claim& c : corpus->claims) {
    if (c.frame == kNoFrame) continue;
    const Frame& f = corpus->frames[c.frame];
    for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
      if (corpus->frame_slots[k].name != c.predicate) continue;
      auto it = slot_value.find(k);
      if (it != slot_value.end() && corpus->frame_slots[k].text == c.raw_value) c.value = it->second;
    }
  }
  return frames;
}

// The organisation of a role statement that no words of it name (extraction
// filled it from the article's leading country: its span is the whole
// statement) yields to the organisation of the post the actor table gives
// the person at the statement's date: "Defence Minister Sadio Camara" in an
// article mostly about Russia is Mali's minister. Appends the frames touched.
void OrganisationsFromActors(const ResolveRules::Impl& rules, const std::vector<Mention>& mentions,
                             const std::vector<Entity>& entities, Corpus* corpus,
                             std::vector<uint32_t>* frames) {
  const StringId organisation = corpus->strings.Find("organisation");
  if (organisation == kNoString) return;
  // Frame -> (its organisation slot, the slot's text before the change).
  absl::flat_hash_map<uint32_t, std::pair<uint32_t, StringId>> changed;
  for (const Mention& m : mentions) {
    // A name the actor table lists (not a likely misspelling): the defaulted
    // organisation may be what lowered the confidence.
    bool same_name = m.relation != SurfaceRelation::kMisspelling;
    if (m.entity < 0 || m.frame == kNoFrame ||
        m.confidence < (same_name ? 0.5 : kRewriteConfidence) || m.context.template_name != "role" || m.context.slot != "person" || m.context.role.empty()) {
      continue;
    }
    auto actor = std::find_if(rules.actors.begin(), rules.actors.end(),
                              [&](const resolve_internal::Actor& a) {
                                return a.folded == entities[m.entity].key;
                              });
    if (actor == rules.actors.end()) continue;
    const resolve_internal::ActorRole* held = nullptr;
    for (const resolve_internal::ActorRole& r : actor->roles) {
      if (r.role == m.context.role && r.held.Overlaps(m.context.when)) held = &r;
    }
    if (held == nullptr || held->organisation.empty()) continue;
    const Frame& f = corpus->frames[m.frame];
    for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
      FrameSlot& slot = corpus->frame_slots[k];
      bool defaulted = slot.span_begin == f.span_begin && slot.span_end == f.span_end;
      if (slot.name != organisation || !defaulted || slot.value == kNoValue ||
          corpus->values.Key(slot.value) == held->organisation) {
        continue;
      }
      changed[m.frame] = {k, slot.text};
      slot.value = Rekeyed(&corpus->values, slot.value, held->organisation);
      slot.text = corpus->strings.Intern(held->organisation);
      frames->push_back(m.frame);
    }
  }
  if (changed.empty()) return;
  for (Claim& c : corpus->claims) {  // one pass, whatever the number changed
    auto it = c.predicate == organisation ? changed.find(c.frame) : changed.end();
    if (it == changed.end() || c.raw_value != it->second.second) continue;
    const FrameSlot& slot = corpus->frame_slots[it->second.first];
    c.value = slot.value;
    c.raw_value = slot.text;
  }
  std::sort(frames->begin(), frames->end());
  frames->erase(std::unique(frames->begin(), frames->end()), frames->end());
}

void Resubject(const Rules& rules, const std::vector<uint32_t>& frames, Corpus* corpus) {
  if (frames.empty()) return;
  std::vector<StringId> subject(corpus->frames.size(), kNoString);
  for (uint32_t f : frames) {
    subject[f] = corpus->strings.Intern(FrameSubject(rules.extract(), *corpus, corpus->frames[f]));
  }
  for (Claim& c : corpus->claims) {
    if (c.frame != kNoFrame && subject[c.frame] != kNoString) c.subject = subject[c.frame];
  }
}

// Entities with their surface forms and frames, sorted for the report.
std::vector<Entity> Finish(std::vector<Entity> entities, const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    if (m.entity < 0) continue;
    Entity& e = entities[m.entity];
    SurfaceForm form;
    form.text = m.text;
    form.relation = m.relation;
    form.document = m.document;
    form.span_begin = m.span_begin;
    form.span_end = m.span_end;
    form.confidence = m.confidence;
    form.evidence = m.evidence;
    e.forms.push_back(std::move(form));
    if (m.frame != kNoFrame) e.frames.push_back(m.frame);
  }
  std::vector<Entity> out;
  for (Entity& e : entities) {
    if (e.forms.empty()) continue;
    std::sort(e.forms.begin(), e.forms.end(), [](const SurfaceForm& a, const SurfaceForm& b) {
      return std::tie(a.document, a.span_begin, a.span_end, a.text) <
             std::tie(b.document, b.span_begin, b.span_end, b.text);
    });
    std::sort(e.frames.begin(), e.frames.end());
    e.frames.erase(std::unique(e.frames.begin(), e.frames.end()), e.frames.end());
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    if (a.type != b.type) return EntityTypeName(a.type) < EntityTypeName(b.type);
    return a.canonical < b.canonical;
  });
  return out;
}

}  // namespace

absl::Status ResolveEntities(const Rules& rules, Corpus* corpus, Resolution* out,
                             ResolveStats* stats) {
  ResolveStats local;
  if (stats == nullptr) stats = &local;
  resolve_internal::DocumentEntities document_entities;
  std::vector<Mention> mentions = resolve_internal::CollectMentions(rules, *corpus, &document_entities);
  stats->mentions = mentions.size();
  std::vector<Entity> entities =
      resolve_internal::ClusterMentions(rules.resolve().impl(), &mentions, stats);
  std::vector<uint32_t> frames = Rewrite(mentions, entities, corpus, stats);
  OrganisationsFromActors(rules.resolve().impl(), mentions, entities, corpus, &frames);
  Resubject(rules, frames, corpus);
  out->entities = Finish(std::move(entities), mentions);
  stats->entities = out->entities.size();
  out->events.clear();
  resolve_internal::GroupEvents(rules, corpus, &out->events);
  stats->events = out->events.size();
  out->document_story = resolve_internal::GroupStories(rules, *corpus);
  return absl::OkStatus();
}

}  // namespace crosscheck
