// The stages of ResolveEntities, shared by resolve.cc, mentions.cc,
// cluster.cc and events.cc.
#ifndef CROSSCHECK_ENGINE_RESOLVE_RESOLVE_IMPL_H_
#define CROSSCHECK_ENGINE_RESOLVE_RESOLVE_IMPL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "crosscheck/extract.h"
#include "crosscheck/resolve.h"
#include "resolve/resolve_rules_impl.h"

namespace crosscheck::resolve_internal {

inline constexpr uint32_t kNoSlot = UINT32_MAX;

// One occurrence of a name: a frame slot, or a later occurrence in the text
// of a document of a name the actor table knows.
struct Mention {
  uint32_t document = kNoDocument;
  uint32_t frame = kNoFrame;
  uint32_t slot = kNoSlot;  // index into Corpus::frame_slots
  std::string text;         // as written
  std::string folded;
  uint32_t span_begin = 0;
  uint32_t span_end = 0;
  EntityType type = EntityType::kOther;
  bool gazetteer = false;  // a gazetteer name: canonical already
  std::string canonical;   // gazetteer names: the entry's name
  MentionContext context;
  // Filled by resolution.
  int entity = -1;
  double confidence = 0;
  SurfaceRelation relation = SurfaceRelation::kExact;
  std::string evidence;
};

// Per document: the sorted folded names of the entities its frames name.
using DocumentEntities = std::vector<std::vector<std::string>>;

// The mentions of every frame slot that names an entity, person, agent,
// place or list item, then the text occurrences of actor names outside
// frames. Deterministic order: document, span, slot.
std::vector<Mention> CollectMentions(const Rules& rules, const Corpus& corpus,
                                     DocumentEntities* document_entities);

// Resolves mentions to actors, then clusters the rest by blocks of phonetic
// keys; fills Mention::entity and returns the entities (unsorted).
std::vector<Entity> ClusterMentions(const ResolveRules::Impl& rules,
                                    std::vector<Mention>* mentions, ResolveStats* stats);

// Groups frames of different documents that are one event, rewriting the
// subjects of their claims; appends the groups to `*events`.
void GroupEvents(const Rules& rules, Corpus* corpus, std::vector<EventGroup>* events);

// Per document, its story (stories.cc): documents sharing a dated event have
// the same one; numbered by their first document in id order.
std::vector<uint32_t> GroupStories(const Rules& rules, const Corpus& corpus);

}  // namespace crosscheck::resolve_internal

#endif  // CROSSCHECK_ENGINE_RESOLVE_RESOLVE_IMPL_H_
