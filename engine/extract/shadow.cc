#include "extract/shadow.h"

#include <algorithm>

#include "absl/strings/str_format.h"

namespace crosscheck::extract_internal {
namespace {

void Mark(Span s, char marker, std::string* shadow) {
  if (s.empty()) return;
  (*shadow)[s.begin] = marker;
  for (uint32_t i = s.begin + 1; i < s.end; ++i) (*shadow)[i] = kFiller;
}

}  // namespace

std::string MarkerPattern(char m) {
  return absl::StrFormat("\\x%02x\\x1f*", static_cast<unsigned char>(m));
}

std::string AnyEntityMarkerPattern(int types) {
  if (types == 0) return "[^\\s\\S]";
  return absl::StrFormat("[\\x%02x-\\x%02x]\\x1f*", static_cast<unsigned char>(kFirstTypeMarker),
                         static_cast<unsigned char>(kFirstTypeMarker + types - 1));
}

void MarkShadow(const ExtractRules::Impl& rules, const SentenceMentions& mentions,
                const std::vector<DateMention>& dates, std::string* shadow) {
  for (const EntityMention& m : mentions.entities) {
    char marker = m.demonym ? kDemonymMarker
                            : static_cast<char>(kFirstTypeMarker + rules.entities[m.entity].type_index);
    Mark(m.span, marker, shadow);
  }
  for (const DateMention& d : dates) {
    Span s{d.begin, d.end};
    bool taken = std::any_of(mentions.entities.begin(), mentions.entities.end(),
                             [&](const EntityMention& m) {
                               return m.span.begin < s.end && s.begin < m.span.end;
                             });
    if (!taken) Mark(s, kDateMarker, shadow);
  }
  for (const RoleMention& role : mentions.roles) Mark(role.span, kRoleMarker, shadow);
}

}  // namespace crosscheck::extract_internal
