// The shadow of a sentence: the normalized text with every gazetteer name,
// demonym and date mention overwritten by marker bytes of the same length.
// Claim patterns match the shadow, where {entity}, {country}, {demonym} or
// {date} are one marker byte and its filler instead of alternations of
// hundreds of names; offsets are the text's, so slots are read from the
// text itself.
#ifndef CROSSCHECK_ENGINE_EXTRACT_SHADOW_H_
#define CROSSCHECK_ENGINE_EXTRACT_SHADOW_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/dates.h"
#include "extract/extract_rules_impl.h"
#include "extract/mentions.h"

namespace crosscheck::extract_internal {

inline constexpr char kDemonymMarker = '\x0E';
inline constexpr char kDateMarker = '\x0F';
inline constexpr char kFirstTypeMarker = '\x10';  // + the entity type's index
inline constexpr int kMaxEntityTypes = 14;
inline constexpr char kRoleMarker = '\x1E';
inline constexpr char kFiller = '\x1F';

// The pattern a marked mention of marker `m` reads as ("\x10\x1F*").
std::string MarkerPattern(char m);
// The pattern for any entity type's marker.
std::string AnyEntityMarkerPattern(int types);

// Overwrites the mentions of a sentence in `*shadow` (a copy of the text):
// entities and demonyms, the dates that overlap none of them, then role
// titles (over the names inside them: "ministre malien de la Défense").
void MarkShadow(const ExtractRules::Impl& rules, const SentenceMentions& mentions,
                const std::vector<DateMention>& dates, std::string* shadow);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_SHADOW_H_
