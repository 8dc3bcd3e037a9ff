// Resolution: which names in the articles of a run are one entity, and which
// statements of different articles are one event.
//
// Entities. Every name a statement (Frame) carries in an entity, person,
// agent, place or list slot is a mention; so is every later occurrence of a
// name already known in the same document. Mentions are clustered across
// all documents: candidates come from blocks (same phonetic key of a word,
// never all pairs), and a pair merges only when the evidence, weighed
// together, is strong enough: name similarity (folded accents, edit
// distance, phonetic key, transliteration forms, surname-only matches),
// compatible types (a person never merges with an organisation; an "Al-"
// prefix or a gazetteer organisation marks one), the role the text gives at
// a compatible date, the event the mention takes part in, the entities of
// the same document, and the alias and actor tables of the "resolve" rule
// kinds (rules/common/actors.json). Where context is thin, names stay apart.
//
// Then every slot of a resolved mention is rewritten to its entity's
// canonical name (slot text, typed value, claim raw value and value) and
// claim subjects are recomputed, so that "Sadio Kamara" and "Sadio Camara"
// answer the same questions.
//
// Events. Frames of one template from different documents whose identity
// slots are compatible (participants equal after resolution, dates
// compatible at their granularity, places compatible) are one event: their
// claims get one subject. Totals ("au moins quatre hélicoptères" without a
// date when dated deliveries exist) are not single deliveries and are kept
// apart.
#ifndef CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RESOLVE_H_
#define CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RESOLVE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crosscheck/corpus.h"

namespace crosscheck {

class Rules;
namespace internal {
class RuleSet;
}  // namespace internal

enum class EntityType : uint8_t {
  kPerson,
  kOrganisation,
  kCountry,
  kPlace,
  kOther,  // a phrase ("rebelles djihadistes"): never merged by name
};
// "person", "organisation", "country", "place", "other".
absl::string_view EntityTypeName(EntityType type);
bool ParseEntityType(absl::string_view name, EntityType* type);

// How a surface form is written relative to the entity's canonical name.
enum class SurfaceRelation : uint8_t {
  kExact,            // the canonical name as is
  kVariant,          // differs by case or accents only ("Goita")
  kMisspelling,      // a small edit that no convention explains ("Kamara")
  kTransliteration,  // another transliteration ("Shoigu" for "Choïgou")
  kAlias,            // another name (a table alias, a surname alone)
};
// "exact", "variant", "misspelling", "transliteration", "alias".
absl::string_view SurfaceRelationName(SurfaceRelation relation);

// One occurrence of an entity's name.
struct SurfaceForm {
  std::string text;  // as written
  SurfaceRelation relation = SurfaceRelation::kExact;
  uint32_t document = kNoDocument;  // index into Corpus::documents
  uint32_t span_begin = 0;          // bytes in Document::text
  uint32_t span_end = 0;
  // How sure the resolution of this occurrence is (0..1); below
  // kRewriteConfidence the occurrence is listed but its claims keep their
  // own value.
  double confidence = 1;
  std::string evidence;  // one line: why this occurrence is this entity
};

// Occurrences resolved at least this sure have their slots rewritten.
inline constexpr double kRewriteConfidence = 0.75;

struct Entity {
  std::string canonical;  // "Sadio Camara"
  std::string key;        // folded canonical name: the value key claims use
  EntityType type = EntityType::kOther;
  // Surface forms in document order, then span.
  std::vector<SurfaceForm> forms;
  std::vector<uint32_t> frames;  // Frames with a slot naming it, ascending
};

// Claims of different documents grouped as one event.
struct EventGroup {
  std::string subject;          // the claims' subject after grouping
  std::vector<uint32_t> frames;  // ascending
  std::string why;               // one line
};

struct Resolution {
  std::vector<Entity> entities;    // by type, then canonical name
  std::vector<EventGroup> events;  // groups of two or more frames, by subject
  // Per document: its story. Documents with frames of the same dated event
  // (same subject after grouping, its date stated in both) share a story;
  // people, roles and undated totals do not link documents. Stories are
  // numbered by their first document in id order.
  std::vector<uint32_t> document_story;
};

// What ResolveEntities did, for progress lines.
struct ResolveStats {
  size_t mentions = 0;
  size_t entities = 0;
  size_t candidate_pairs = 0;  // pairs scored (blocking keeps this linear)
  size_t merges = 0;
  size_t slots_rewritten = 0;
  size_t events = 0;  // event groups of two or more frames
};

// The compiled "resolve" rules: actors (canonical names, aliases with their
// relation and validity, roles held over time, events led), organisation
// markers, and place hints. Immutable; safe to share between threads.
class ResolveRules {
 public:
  // Builds from the "resolve" kinds of a loaded rule set. InvalidArgument
  // with "file:line:col: message" for the first malformed rule.
  static absl::StatusOr<std::unique_ptr<ResolveRules>> FromRules(
      const internal::RuleSet& rules);
  ~ResolveRules();

  struct Impl;
  explicit ResolveRules(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Resolves the mentions of every frame of `corpus` (see above), rewrites
// resolved slots and the claims made from them, recomputes claim subjects
// and groups events. Fills `*out`. Table claims (no frame) are untouched.
// The result depends only on the corpus content, not on document order.
// Always OK today; the status is for rules that fail at run time later.
absl::Status ResolveEntities(const Rules& rules, Corpus* corpus,
                             Resolution* out, ResolveStats* stats = nullptr);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_INCLUDE_CROSSCHECK_RESOLVE_H_
