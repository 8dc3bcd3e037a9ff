#include "extract/modality.h"

#include <algorithm>
#include <cstring>

#include "extract/lexicon.h"

namespace crosscheck::extract_internal {
namespace {

constexpr absl::string_view kOpen = "\xC2\xAB";   // «
constexpr absl::string_view kClose = "\xC2\xBB";  // »
static_assert(kOpen[0] == kClose[0], "FindQuotations skips other bytes");

}  // namespace

std::vector<Span> FindQuotations(absl::string_view text) {
  std::vector<Span> out;
  bool open = false;
  uint32_t start = 0;
  // The next '\n', '"' and kOpen[0] at or after i (npos: none), found with
  // memchr: only these bytes open or close anything (kClose starts as kOpen).
  const char kBytes[3] = {'\n', '"', kOpen[0]};
  size_t next[3];
  auto find = [&](int k, size_t from) {
    const void* at = from < text.size()
                         ? std::memchr(text.data() + from, kBytes[k], text.size() - from)
                         : nullptr;
    next[k] = at == nullptr ? absl::string_view::npos
                            : static_cast<size_t>(static_cast<const char*>(at) - text.data());
  };
  for (int k = 0; k < 3; ++k) find(k, 0);
  for (size_t i = 0; i < text.size(); ++i) {
    for (int k = 0; k < 3; ++k) {
      if (next[k] < i) find(k, i);
    }
    i = std::min({next[0], next[1], next[2]});
    if (i == absl::string_view::npos) break;
    char c = text[i];
    if (c == '\n') {
      if (open) out.push_back({start, static_cast<uint32_t>(i)});
      open = false;
    } else if (text.substr(i, 2) == kOpen && !open) {
      open = true;
      start = static_cast<uint32_t>(i);
      ++i;
    } else if (text.substr(i, 2) == kClose && open) {
      out.push_back({start, static_cast<uint32_t>(i + 2)});
      open = false;
      ++i;
    } else if (c == '"') {
      if (open) {
        out.push_back({start, static_cast<uint32_t>(i + 1)});
      } else {
        start = static_cast<uint32_t>(i);
      }
      open = !open;
    }
  }
  if (open) out.push_back({start, static_cast<uint32_t>(text.size())});
  return out;
}

Modality StatementModality(const Language& lang, absl::string_view text,
                           Span sentence, const std::vector<Span>& statement,
                           const std::vector<int>& cues) {
  auto matches = [&](const RE2& re, Span s) {
    return RE2::PartialMatch(re2::StringPiece(text.data() + s.begin, s.end - s.begin), re);
  };
  for (int c : cues) {
    const ModalityCue& cue = lang.cues[c];
    if (!cue.statement) {
      if (matches(*cue.re, sentence)) return cue.modality;
      continue;
    }
    for (const Span& s : statement) {
      if (matches(*cue.re, s)) return cue.modality;
    }
  }
  return Modality::kAsserted;
}

std::string FindSpeaker(const Language& lang, absl::string_view text, Span quote) {
  size_t line_begin = text.rfind('\n', quote.begin);
  line_begin = line_begin == absl::string_view::npos ? 0 : line_begin + 1;
  size_t line_end = text.find('\n', quote.end);
  if (line_end == absl::string_view::npos) line_end = text.size();
  size_t from = std::max<size_t>(line_begin, quote.begin >= 200 ? quote.begin - 200 : 0);
  size_t to = std::min<size_t>(line_end, quote.end + 200);
  re2::StringPiece input(text.data(), text.size());
  for (const SpeakerPattern& p : lang.speakers) {
    int group = p.re->NamedCapturingGroups().at("speaker");
    std::vector<re2::StringPiece> groups(p.re->NumberOfCapturingGroups() + 1);
    // The match closest after the quotation, else the closest before it.
    size_t pos = from;
    std::string best;
    while (pos < to && p.re->Match(input, pos, to, RE2::UNANCHORED, groups.data(),
                                   static_cast<int>(groups.size()))) {
      size_t b = groups[0].data() - text.data();
      size_t e = b + groups[0].size();
      if (groups[group].data() != nullptr) {
        std::string name(TrimPhrase(absl::string_view(groups[group].data(), groups[group].size())));
        auto listed = [&](const char* lexicon) {
          auto it = lang.lexicons.find(lexicon);
          return it != lang.lexicons.end() && it->second.contains(Fold(name));
        };
        if (!name.empty() && !listed("det") && !listed("not_a_name")) {
          best = name;
          if (b >= quote.end) return best;
        }
      }
      pos = e > b ? e : b + 1;
    }
    if (!best.empty()) return best;
  }
  return "";
}

}  // namespace crosscheck::extract_internal
