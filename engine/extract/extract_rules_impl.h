// The compiled form of the "extract" rule kinds: per language, the lexicons,
// scanners and patterns; across languages, the gazetteer, equipment classes
// and claim templates.
#ifndef CROSSCHECK_ENGINE_EXTRACT_EXTRACT_RULES_IMPL_H_
#define CROSSCHECK_ENGINE_EXTRACT_EXTRACT_RULES_IMPL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "crosscheck/corpus.h"
#include "crosscheck/extract.h"
#include "crosscheck/value.h"
#include "extract/group_matcher.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace crosscheck {
namespace extract_internal {

// How a slot's text is read.
enum class SlotType : uint8_t {
  kEntity,     // a gazetteer name, a demonym's country, or a proper name
  kPerson,     // a person's name
  kAgent,      // a person, else a gazetteer name, else the phrase
  kText,       // the phrase, without leading determiners
  kCount,      // a count with its hedge
  kDate,       // a date, resolved against the publication date
  kItemClass,  // an equipment class
  kModel,      // equipment model designations
  kRole,       // a role title
  kList,       // several entities (or persons), ";"-separated
  kTerm,       // a word of a lexicon with a "value" ("attaque" -> attack)
  kPlace,      // a facility phrase ("aéroport de Bamako"), else an entity
  kTarget,     // a phrase up to its first comma, without a trailing place
               // ("le camp militaire de Tessit" -> "camp militaire")
};
bool ParseSlotType(absl::string_view name, SlotType* type);

struct TemplateDef {
  std::string name;
  std::vector<std::pair<std::string, SlotType>> slots;  // in rule order
  std::vector<std::string> identity;  // slots that identify the event
  std::vector<std::string> required;  // a frame without one of them is dropped
  // Slots filled from the sentence when no pattern group filled them:
  // "date" (the nearest date) and "place" (a gazetteer place).
  std::vector<std::string> defaults;
  // The slot a demonym after an item fills ("hélicoptères russes" ->
  // supplier Russie), or empty.
  std::string item_origin;
  // The gazetteer types a place the statement names may be ("place" and
  // "capital" unless the template says otherwise): a toll "au Mali" or "au
  // Sahel" is placed there, a delivery "au Mali" names its recipient.
  std::vector<std::string> place_types = {"place", "capital"};
  // Slots whose several values give several frames ("la visite du ministre
  // ... et du chef d'état-major ..." -> one visit per visitor).
  std::vector<std::string> expand;
  // Slots dropped, rather than the statement made alleged, when an alleged
  // cue qualifies them ("par des djihadistes présumés").
  std::vector<std::string> drop_alleged;
  // Slots that describe the statement but are no fact to reconcile ("les
  // soldats" of a toll): kept on the frame, they make no claim.
  std::vector<std::string> describe;
  // The slots a denial of the statement speaks to ("Ce chiffre est inexact"
  // denies a toll's count, not its victims): a denied frame's claims on them
  // hold the denial of their value ("not >100"), its other slots make no
  // claim. Empty: every slot.
  std::vector<std::string> denies;
  // Whether sentence-wide modality cues apply ("selon ..."); roles given in
  // apposition are the writer's own description and set this false.
  bool sentence_cues = true;
  // Whether the date slot is the event's: a date the sentence gives a report
  // ("publié lundi", "annoncés lundi", "reported on Monday": words of the
  // language's "report_word" lexicon just before it) is not taken for it.
  bool event_date = false;
  // A slot still empty after the sentence takes the value another frame of
  // `from` templates has: in the same sentence, else (scope "document") the
  // nearest frame before, else after.
  struct Inherit {
    std::string slot;
    std::vector<std::string> from;
    bool document = true;
    int distance = -1;  // at most this many sentences apart; -1: any
    std::string value;  // set this value when such a frame exists at all
    // A lexicon: inherit only when the frame's sentence has one of its
    // words ("a assisté à la cérémonie": a role takes the ceremony's
    // date). Empty: always.
    std::string when;
    // Take the value from the document's first such frame, the event the
    // article leads with ("pick": "lead"), not the nearest one.
    bool lead = false;
    // Slots on which the lender must not disagree: a frame that names
    // another place is another event and lends it no date.
    std::vector<std::string> agree;
    // A statement that lacks this required slot and only refers back to
    // an event ("Ce retrait avait été annoncé le 17 février") takes it
    // from the nearest such frame and becomes a claim, when no frame of
    // its template reads its sentence.
    bool completes = false;
    // A date the frame states itself that falls after the lender's is the
    // date of a report of the lender's event ("42 de nos soldats sont
    // tombés à Tessit", said on the radio three days after the attack):
    // the lender's date takes its place ("replace": "later").
    bool replace_later = false;
  };
  std::vector<Inherit> inherit;
  // A slot still empty takes the value of a frame of this template whose
  // `key` slot is equal ("organisation" by "person").
  std::vector<std::pair<std::string, std::string>> share;
  // A slot dropped when it names the same country as the other ("supplier"
  // not the "recipient": "la base aérienne 101 de Bamako" names no supplier);
  // the document's other frames may then fill it.
  std::vector<std::pair<std::string, std::string>> not_same_as;
  // A slot still empty takes the organisation the actor rules give a
  // person for a role: {"person", "role", "organisation"} name the slots.
  // Only an organisation the person's every entry for that role agrees on.
  struct KnownHolder {
    std::string person, role, organisation;
  };
  std::optional<KnownHolder> known_holder;
  // Slots still empty at the end take the country the article is about: the
  // one it names most often (names, demonyms, capitals), if one leads.
  std::vector<std::string> country_default;
  // "groups" pattern groups: counted groups of nouns of lexicon
  // `group_lexicon` ("dix-sept soldats et quatre civils"), one frame each,
  // with the noun phrase in `group_slot` and its count in "count".
  std::string group_lexicon;
  std::string group_slot;
  // A counted group whose noun is in one of these lexicons gets that class
  // in `class_slot` ("terroristes" -> side "attackers"), so figures of
  // different classes answer different questions.
  std::vector<std::pair<std::string, std::string>> group_classes;  // lexicon, class
  std::string class_slot;

  const SlotType* Find(absl::string_view slot) const {
    for (const auto& s : slots) {
      if (s.first == slot) return &s.second;
    }
    return nullptr;
  }
};

// A pattern's named groups, sorted by name: (name, index into the match
// array).
using GroupNames = std::vector<std::pair<std::string, int>>;
GroupNames NamedGroups(const RE2& re);

struct ContextPattern {
  enum class Where : uint8_t { kMatch, kBefore, kAfter, kSentence };
  std::unique_ptr<RE2> re;
  // Reads the groups of a span `re` matched, as for ClaimPattern; null when
  // RE2 reads them.
  std::unique_ptr<GroupMatcher> group_matcher;
  GroupNames groups;
  Where where = Where::kSentence;
  bool nearest = false;  // kBefore: the match closest to the main match
};

// A pattern that ends with a group of "anything but these characters"
// ("(?P<items>[^.;]*)") reads that group without RE2, whose submatch
// engines are slow over long spans: RE2 matches the pattern without it, and
// the group runs from the match end up to the first stop character. The
// result is the same.
struct TailGroup {
  int index = -1;     // in the match array (after RE2's groups); -1: none
  std::string stops;  // ASCII characters that end the group
};

struct ClaimPattern {
  std::string id;
  int priority = 0;
  const TemplateDef* tmpl = nullptr;
  std::unique_ptr<RE2> re;
  // Reads the groups of a span `re` matched (group_matcher.h); null when
  // the pattern has syntax it does not read, and RE2 reads them.
  std::unique_ptr<GroupMatcher> group_matcher;
  GroupNames groups;  // re's named groups and the tail's
  TailGroup tail;
  std::vector<ContextPattern> context;
  std::vector<std::pair<std::string, std::string>> constants;  // "set"
  std::string date_slot = "date";  // the slot a sentence date fills
  // What the statement is when no cue says otherwise: reported for a
  // pattern whose wording attributes it ("que les Occidentaux identifient
  // comme des mercenaires du groupe Wagner").
  Modality modality = Modality::kAsserted;
  // A clause inside another statement of its template ("Russian
  // paramilitaries, identified by Western governments as Wagner Group
  // mercenaries, deployed in central Mali"): its frame and the one around
  // it do not take each other's place.
  bool nested = false;
  // The template's "defaults", unless the pattern gives its own.
  bool has_defaults = false;
  std::vector<std::string> defaults;
};

struct DateRule {
  std::string id;
  std::unique_ptr<RE2> re;
  // Reads the groups of a span `re` matched, as for ClaimPattern; null when
  // RE2 reads them.
  std::unique_ptr<GroupMatcher> group_matcher;
  int day = -1, month = -1, year = -1, weekday = -1, n = -1;  // group indices
  // Groups that, when they take part, say the date is the early or middle
  // part of its period ("début", "milieu"); otherwise the whole of it.
  int early = -1, mid = -1;
  bool relative = false;
  enum class Unit : uint8_t { kDay, kWeek, kMonth, kYear } unit = Unit::kYear;
  int amount = 0;
  // The offset counts from the last day the text stated before, not from
  // publication ("The handover came two days after ...").
  bool from_previous = false;
  // The expression states when the article is written ("En ce début
  // d'année 2023"): it dates an undated article, at the end of the period
  // or of its early or middle part.
  bool present = false;
};

struct ModalityCue {
  std::string id;
  Modality modality = Modality::kReported;
  std::unique_ptr<RE2> re;
  // Whether the cue must stand in the statement itself (its evidence or a
  // slot: "des djihadistes présumés") rather than anywhere in the sentence.
  bool statement = false;
  // A rebuttal (scope "rebuttal") follows the statement it rejects: "…, ce
  // que la junte conteste", "…, which Bamako denies", or a sentence of its
  // own, "Bamako dément.", that rejects the sentence before. The statement
  // keeps the modality its other cues give; a denied copy of it is made.
  // The pattern runs over the sentence alone, so "^" is its start.
  bool rebuttal = false;
  // Templates the cue does not apply to ("a annoncé le retrait" is the
  // withdrawal itself, not a report of it).
  std::vector<std::string> except;
};

struct SpeakerPattern {
  std::string id;
  std::unique_ptr<RE2> re;  // with the group "speaker"
};

// Words that introduce the page's own publication date: "Publié le" in
// "Publié le 9 août 2022 à 18h05".
struct DatelineCue {
  std::string id;
  std::unique_ptr<RE2> re;  // ends where the date starts
};

struct RoleTitle {
  std::string rule_id;
  std::string role;
  std::unique_ptr<RE2> re;  // the whole title, with the group "org" when the
                            // title names a country or demonym
  std::string loose;        // the title with any word for its macros
  std::string organisation;  // the body every title of the rule names
  std::string organisation_key;  // its key, the same in every language
};

struct HedgeWord {
  std::string folded;  // "au moins"
  Hedge hedge = Hedge::kExact;
  double tolerance = 0;  // kAbout: half-width relative to the value
};

// A count as stated: [lo, hi] with its hedge, and the canonical key
// ("4", ">=4", "<=4", "~10").
struct Count {
  double value = 0;  // the number stated, or the bound
  double lo = 0;
  double hi = 0;
  Hedge hedge = Hedge::kExact;
  bool from_quantifier = false;  // "plusieurs", "des": no number written
  std::string Key() const;
};

// What a prefilter hit points to: a claim trigger, a date rule or a
// modality cue.
struct PrefilterTarget {
  enum class Kind : uint8_t { kClaim, kDate, kCue } kind;
  uint32_t index = 0;
};

struct Language {
  std::string name;

  // number_words and count_words; keys are folded (Fold()).
  absl::flat_hash_map<std::string, double> number_values;
  size_t max_number_tokens = 1;
  char decimal_mark = ',';  // the other of "," and "." groups thousands
  absl::flat_hash_set<std::string> joiners;
  absl::flat_hash_map<std::string, double> approximate;         // "dizaine"
  absl::flat_hash_map<std::string, double> approximate_plural;  // "dizaines"
  double approximate_tolerance = 0.2;
  std::vector<HedgeWord> hedges;  // longest first
  std::vector<std::pair<std::string, Count>> quantifiers;  // longest first

  // calendar
  absl::flat_hash_map<std::string, int> months;    // folded -> 1..12
  absl::flat_hash_map<std::string, int> weekdays;  // folded -> 0 (Monday)..6
  std::unique_ptr<RE2> future;
  std::vector<DateRule> dates;

  // {name} -> expansion (a regular expression, without named groups).
  absl::flat_hash_map<std::string, std::string> macros;
  // The same for patterns matched on shadows (extract/shadow.h): names,
  // demonyms and dates are markers there.
  absl::flat_hash_map<std::string, std::string> shadow_macros;
  // folded words; sets, as they are read by membership, many times per sentence
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> lexicons;

  // equipment nouns (folded) -> class index.
  absl::flat_hash_map<std::string, int> nouns;
  std::vector<RoleTitle> roles;
  // The exact forms of `roles` anchored at the start: which titles begin at a
  // word, in one pass.
  std::unique_ptr<RE2::Set> role_set;
  std::vector<ClaimPattern> patterns;  // priority order
  std::vector<std::string> triggers;   // per pattern, expanded
  std::vector<ModalityCue> cues;       // priority order
  std::vector<SpeakerPattern> speakers;
  std::vector<DatelineCue> datelines;  // priority order

  // lexicon words with a "value" (folded) -> that value.
  absl::flat_hash_map<std::string, std::string> terms;

  // Scanners over sentence parts (null when their lexicon is empty).
  std::unique_ptr<RE2> count_re, noun_re, model_re, entity_re, demonym_re,
      person_re, role_re, year_re, clause_break_re, breakdown_re;
  // One scanner per lexicon ({name}), for "groups" and the like.
  absl::flat_hash_map<std::string, std::unique_ptr<RE2>> lexicon_re;

  // One RE2::Set over claim triggers, date patterns and modality cues: one
  // pass per sentence says what to run on it. (Mention scanners and claim
  // patterns stay out of such sets: their DFAs grow large enough that the
  // pass, missing the cache at most bytes, costs more time than the searches
  // it would spare, though fewer instructions.)
  std::unique_ptr<RE2::Set> prefilter;
  // The claim triggers alone, run once over a whole document: a document
  // none of them matches yields no frames and is not read further. Null when
  // a trigger anchors (^, $) and so cannot be run over more than a sentence.
  // With `filter_datelines`, the dateline cues follow the triggers in it
  // (index triggers.size() + k for datelines[k]): the same pass tells which
  // cues DatelineDay needs to search for.
  std::unique_ptr<RE2::Set> document_filter;
  bool filter_datelines = false;
  std::vector<PrefilterTarget> targets;
};

struct EquipmentClass {
  std::string name;
  std::vector<std::unique_ptr<RE2>> models;  // anchored model patterns
  // Classes (indices) a total of this class counts ("aircraft" covers jets
  // and helicopters): their models named after the total are its models.
  std::vector<int> covers;
  // Goods counted by the lot, not the unit ("armes", "munitions"): "un lot
  // d'armes" counts no weapons.
  bool mass = false;
};

struct GazetteerEntry {
  std::string name;        // canonical, as the rule writes it
  std::string type;        // "country", "organisation", "place", ...
  int type_index = 0;      // index of `type` in ExtractRules::Impl::entity_types
  std::string stands_for;  // a capital standing for its country, or empty
  // The entity's name in other languages ("en" -> "Russia"), shown when an
  // article of that language only implies it.
  std::vector<std::pair<std::string, std::string>> names;
  // The name slots show for it: a country's armed forces ("FAMa") read as
  // the country; empty to show the text as written.
  std::string read_as;
};

}  // namespace extract_internal

struct ExtractRules::Impl {
  std::vector<extract_internal::EquipmentClass> classes;
  std::vector<extract_internal::GazetteerEntry> entities;
  std::vector<std::string> entity_types;  // in order of first appearance
  // folded surface form -> entity index; demonyms separately.
  absl::flat_hash_map<std::string, int> entity_names;
  absl::flat_hash_map<std::string, int> demonyms;
  std::map<std::string, extract_internal::TemplateDef> templates;
  std::vector<extract_internal::Language> languages;  // sorted by name
  // What the "actor" rules (the resolution stage's who is who) say of the
  // roles persons hold: folded name or alias -> (role, organisation), so
  // that "le président de la Transition, le colonel Assimi Goïta" is
  // Mali's president in an article that names Russia most.
  absl::flat_hash_map<std::string, std::vector<std::pair<std::string, std::string>>>
      known_roles;

  const extract_internal::Language* Find(absl::string_view language) const;
  const extract_internal::TemplateDef* Template(absl::string_view name) const;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_EXTRACT_EXTRACT_RULES_IMPL_H_
