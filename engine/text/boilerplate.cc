// Cutting what is not the article, line by line, with the boilerplate rules:
// one search of their alternation passes over the lines none matches, one
// RE2::Set pass over the others says which rules match; the first of those
// in priority order decides what is cut.
#include <algorithm>
#include <vector>

#include "text/text_rules_impl.h"

namespace crosscheck::text_internal {
namespace {

using Impl = TextRules::Impl;

struct Line {
  uint32_t begin = 0;  // first byte
  uint32_t end = 0;    // the '\n' (or the text end)
  uint32_t next = 0;   // first byte of the next line
};

std::vector<Line> SplitLines(absl::string_view text) {
  std::vector<Line> lines;
  uint32_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    uint32_t end = nl == absl::string_view::npos ? static_cast<uint32_t>(text.size())
                                                 : static_cast<uint32_t>(nl);
    uint32_t next = nl == absl::string_view::npos ? end : end + 1;
    lines.push_back({begin, end, next});
    begin = next;
  }
  return lines;
}

absl::string_view Content(absl::string_view text, const Line& l) {
  absl::string_view s = text.substr(l.begin, l.end - l.begin);
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

bool Blank(absl::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r';
  });
}

// Adds [begin, end) to the sorted, disjoint `cuts`, absorbing the cuts it
// overlaps (cuts that only touch it stay apart, each with its rule).
void AddCut(uint32_t begin, uint32_t end, absl::string_view rule,
            std::vector<TextCutRange>* cuts) {
  if (end <= begin) return;
  TextCutRange cut;
  cut.begin = begin;
  cut.end = end;
  cut.rule = rule;
  auto first = std::lower_bound(
      cuts->begin(), cuts->end(), begin,
      [](const TextCutRange& c, uint32_t b) { return c.end <= b; });
  auto last = first;
  while (last != cuts->end() && last->begin < end) {
    cut.begin = std::min(cut.begin, last->begin);
    cut.end = std::max(cut.end, last->end);
    ++last;
  }
  first = cuts->erase(first, last);
  cuts->insert(first, cut);
}

// A teaser ends with "..." and a line after it starts with the same text.
bool IsRepeatedTeaser(absl::string_view text, const std::vector<Line>& lines,
                      size_t at) {
  absl::string_view s = Content(text, lines[at]);
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  if (s.size() < 20) return false;
  for (size_t j = at + 1; j < lines.size() && j <= at + 4; ++j) {
    absl::string_view later = Content(text, lines[j]);
    if (later.size() > s.size() && later.substr(0, s.size()) == s) return true;
  }
  return false;
}

}  // namespace

void FindCuts(const Impl& rules, absl::string_view text,
              std::vector<TextCutRange>* cuts) {
  cuts->clear();
  if (rules.boilerplate_set == nullptr) return;
  std::vector<Line> lines = SplitLines(text);
  std::vector<int> hits;
  const uint32_t text_end = static_cast<uint32_t>(text.size());
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line& line = lines[li];
    absl::string_view content = Content(text, line);
    if (content.empty()) continue;
    const re2::StringPiece piece(content.data(), content.size());
    if (rules.boilerplate_any != nullptr && !RE2::PartialMatch(piece, *rules.boilerplate_any)) {
      continue;
    }
    hits.clear();
    if (!rules.boilerplate_set->Match(piece, &hits)) {
      continue;
    }
    std::sort(hits.begin(), hits.end());  // indices are in priority order
    for (int h : hits) {
      const Impl::Boilerplate& rule = rules.boilerplate[h];
      if (rule.action == Impl::Action::kLine) {
        AddCut(line.begin, line.next, rule.id, cuts);
      } else if (rule.action == Impl::Action::kTail) {
        re2::StringPiece match;
        if (!rule.pattern->Match(re2::StringPiece(content.data(), content.size()),
                                 0, content.size(), RE2::UNANCHORED, &match, 1)) {
          continue;
        }
        uint32_t from = line.begin + static_cast<uint32_t>(match.data() - content.data());
        AddCut(from, text_end, rule.id, cuts);
        return;
      } else if (rule.action == Impl::Action::kCommentsBefore) {
        size_t first = li;
        while (first > 0) {
          absl::string_view before = Content(text, lines[first - 1]);
          if (!Blank(before) && before.size() >= rule.max_line_bytes) break;
          --first;
        }
        // Blank lines just after the article stay with it.
        while (first < li && Blank(Content(text, lines[first]))) ++first;
        AddCut(lines[first].begin, line.next, rule.id, cuts);
      } else if (!IsRepeatedTeaser(text, lines, li)) {
        continue;
      } else {
        AddCut(line.begin, line.next, rule.id, cuts);
      }
      break;
    }
  }
}

}  // namespace crosscheck::text_internal
