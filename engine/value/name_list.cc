#include "value/name_list.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "value/parse.h"
#include "value/text_fold.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

struct Token {
  std::string text;  // folded, hyphens kept inside ("ben-ari")
  bool initial = false;
  bool given = false;  // an initial or a given_names word
};
using Part = std::vector<Token>;     // words between commas
using Piece = std::vector<Part>;     // parts between separators

bool AllGiven(const Part& p) {
  return std::all_of(p.begin(), p.end(), [](const Token& t) { return t.given; });
}

std::string Join(const Part& p, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) absl::StrAppend(&out, i > from ? " " : "", p[i].text);
  return out;
}

class Reader {
 public:
  Reader(const ValueRules::Impl& rules) : rules_(rules) {}

  std::vector<Piece> Read(absl::string_view raw) {
    std::string text = DecodeHtmlEntities(raw);
    absl::string_view s(text);
    for (size_t i = 0; i < s.size();) {
      char c = s[i];
      if (c == '(' || c == '[') {  // remarks and roles: "(Editor)", "(author)"
        char close = c == '(' ? ')' : ']';
        size_t end = s.find(close, i);
        EndWord();
        Separate();
        i = end == absl::string_view::npos ? s.size() : end + 1;
        continue;
      }
      if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
        EndWord();
        ++i;
        continue;
      }
      if (c == ',') {
        EndWord();
        EndPart();
        ++i;
        continue;
      }
      if (size_t n = SymbolSeparator(s.substr(i)); n > 0) {
        EndWord();
        Separate();
        i += n;
        continue;
      }
      word_.push_back(c);
      ++i;
    }
    EndWord();
    Separate();
    return std::move(pieces_);
  }

 private:
  size_t SymbolSeparator(absl::string_view s) const {
    for (const std::string& sep : rules_.name_separators) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(sep[0])) &&
          absl::StartsWith(s, sep)) {
        return sep.size();
      }
    }
    return 0;
  }

  void EndWord() {
    if (word_.empty()) return;
    std::string word;
    word.swap(word_);
    std::string bare;  // lower case, no dots: "Ph.D." -> "phd"
    for (char c : word) {
      if (c != '.') bare.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
    if (rules_.name_affixes.contains(bare)) return;
    if (std::find(rules_.name_separators.begin(), rules_.name_separators.end(),
                  bare) != rules_.name_separators.end()) {
      Separate();
      return;
    }
    // "P.K.Lau" holds three words; inner punctuation joins ("o-brien").
    for (absl::string_view segment : absl::StrSplit(word, '.')) {
      std::string folded = FoldText(segment);
      std::replace(folded.begin(), folded.end(), ' ', '-');
      bool letters = std::any_of(folded.begin(), folded.end(), [](char ch) {
        return !absl::ascii_isdigit(static_cast<unsigned char>(ch)) && ch != '-';
      });
      if (!letters) continue;
      Token t;
      t.text = std::move(folded);
      size_t first_len = 1;
      unsigned char lead = static_cast<unsigned char>(t.text[0]);
      if (lead >= 0xF0) first_len = 4;
      else if (lead >= 0xE0) first_len = 3;
      else if (lead >= 0xC0) first_len = 2;
      t.initial = t.text.size() == first_len;
      t.given = t.initial || rules_.given_names.contains(t.text);
      part_.push_back(std::move(t));
    }
  }

  void EndPart() {
    if (!part_.empty()) piece_.push_back(std::move(part_));
    part_.clear();
  }

  void Separate() {
    EndPart();
    if (!piece_.empty()) pieces_.push_back(std::move(piece_));
    piece_.clear();
  }

  const ValueRules::Impl& rules_;
  std::string word_;
  Part part_;
  Piece piece_;
  std::vector<Piece> pieces_;
};

class Builder {
 public:
  Builder(const ValueRules::Impl& rules, std::vector<PersonName>* out)
      : rules_(rules), out_(out) {}

  void Piece(const crosscheck::Piece& parts) {
    if (parts.size() == 1) return FirstLastList(parts[0]);
    if (AllFirstLast(parts)) {
      for (const Part& p : parts) FirstLastList(p);
      return;
    }
    // "Last, First Last, First" has persons + 1 parts whose middle ones hold
    // two names; "Last, First" pairs have surnames of one word between.
    bool chain = parts.size() % 2 == 1;
    if (!chain && parts.size() > 2) {
      chain = true;
      for (size_t i = 1; i + 1 < parts.size(); ++i) chain &= parts[i].size() >= 2;
    }
    if (chain) return Chain(parts);
    for (size_t i = 0; i < parts.size(); i += 2) {
      Add(Join(parts[i], 0, parts[i].size()), Join(parts[i + 1], 0, parts[i + 1].size()));
    }
  }

 private:
  // "Ron Goldman, Richard P. Gabriel": every part holds two words or more,
  // and the first starts with a given name or no part is all given names.
  static bool AllFirstLast(const crosscheck::Piece& parts) {
    bool any_all_given = false;
    for (const Part& p : parts) {
      if (p.size() < 2 || p.back().initial) return false;
      any_all_given |= AllGiven(p);
    }
    // A surname never starts with an initial: "M. David Allen, Peter Aiken"
    // is two persons even though "Allen" is also a given name.
    const Part& first = parts[0];
    bool starts_with_initial = first[0].initial && !first[1].initial;
    return !any_all_given || (first[0].given && !first[0].initial) ||
           starts_with_initial;
  }

  void Add(std::string surname, std::string given) {
    if (!surname.empty()) out_->push_back({std::move(surname), std::move(given)});
  }

  // "Last, First Last, First": each middle part ends one person's given
  // names and starts the next surname.
  void Chain(const crosscheck::Piece& parts) {
    std::string surname = Join(parts[0], 0, parts[0].size());
    for (size_t i = 1; i < parts.size(); ++i) {
      const Part& p = parts[i];
      if (i + 1 == parts.size()) {
        Add(surname, Join(p, 0, p.size()));
        return;
      }
      bool pair = p.size() == 1 || (AllGiven(p) && !AllGiven(parts[i + 1]));
      if (pair) {
        Add(surname, Join(p, 0, p.size()));
        ++i;
        surname = Join(parts[i], 0, parts[i].size());
        if (i + 1 == parts.size()) Add(surname, "");
        continue;
      }
      size_t given = 0;
      while (given + 1 < p.size() && p[given].given) ++given;
      if (given == 0) given = 1;
      Add(surname, Join(p, 0, given));
      surname = Join(p, given, p.size());
    }
  }

  // Words without commas: one or more "First Last" persons. A new person
  // starts at a given name that follows a surname and precedes another
  // surname ("Stuart J. Russell Peter Norvig").
  void FirstLastList(const Part& p) {
    size_t start = 0;
    for (size_t j = 2; j + 1 < p.size(); ++j) {
      if (j - start < 2 || !p[j].given) continue;
      bool surname_before = !p[j - 1].given || (j >= 2 && p[j - 2].initial);
      bool surname_after = false;
      for (size_t k = j + 1; k < p.size(); ++k) surname_after |= !p[k].given;
      if (surname_before && surname_after) {
        FirstLast(p, start, j);
        start = j;
      }
    }
    FirstLast(p, start, p.size());
  }

  void FirstLast(const Part& p, size_t from, size_t to) {
    if (to - from == 1) return Add(p[from].text, "");
    // "Langr Jeff", "Knuth D. E.": a surname first, then one given name or
    // only initials.
    bool swapped = !p[from].given;
    for (size_t i = from + 1; i < to; ++i) swapped &= to - from == 2 ? p[i].given : p[i].initial;
    if (swapped) return Add(p[from].text, Join(p, from + 1, to));
    size_t s = to - 1;
    while (s > from + 1 && rules_.surname_particles.contains(p[s - 1].text)) --s;
    if (s == from + 1 && rules_.surname_particles.contains(p[from].text)) s = from;
    Add(Join(p, s, to), Join(p, from, s));
  }

  const ValueRules::Impl& rules_;
  std::vector<PersonName>* out_;
};

bool GivenCompatible(absl::string_view a, absl::string_view b) {
  if (a.empty() || b.empty()) return true;
  std::vector<absl::string_view> x = absl::StrSplit(a, ' ');
  std::vector<absl::string_view> y = absl::StrSplit(b, ' ');
  for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
    absl::string_view p = x[i], q = y[i];
    if (p.size() > q.size()) std::swap(p, q);
    if (p == q) continue;
    bool initial = p.size() <= 2 && absl::StartsWith(q, p) &&
                   (p.size() == 1 || static_cast<unsigned char>(p[0]) >= 0xC0);
    if (!initial) return false;
  }
  return true;
}

std::vector<std::string> Words(const PersonName& p) {
  std::vector<std::string> w = absl::StrSplit(p.surname, ' ', absl::SkipEmpty());
  for (absl::string_view g : absl::StrSplit(p.given, ' ', absl::SkipEmpty())) {
    w.emplace_back(g);
  }
  std::sort(w.begin(), w.end());
  return w;
}

}  // namespace

bool SamePerson(const PersonName& a, const PersonName& b) {
  if (a.surname == b.surname) return GivenCompatible(a.given, b.given);
  return !a.given.empty() && !b.given.empty() && Words(a) == Words(b);
}

std::vector<PersonName> ParseNames(const ValueRules::Impl& rules,
                                   absl::string_view raw) {
  std::vector<PersonName> persons;
  Builder builder(rules, &persons);
  for (const crosscheck::Piece& piece : Reader(rules).Read(raw)) builder.Piece(piece);
  // Merge repeated persons, keeping the fuller given names.
  std::vector<PersonName> merged;
  for (PersonName& p : persons) {
    auto it = std::find_if(merged.begin(), merged.end(),
                           [&](const PersonName& m) { return SamePerson(m, p); });
    if (it == merged.end()) {
      merged.push_back(std::move(p));
    } else if (p.given.size() > it->given.size() && p.surname == it->surname) {
      it->given = std::move(p.given);
    }
  }
  std::sort(merged.begin(), merged.end(), [](const PersonName& a, const PersonName& b) {
    return std::tie(a.surname, a.given) < std::tie(b.surname, b.given);
  });
  return merged;
}

std::string NameListKey(const std::vector<PersonName>& persons) {
  return absl::StrJoin(persons, "; ", [](std::string* out, const PersonName& p) {
    absl::StrAppend(out, p.surname, p.given.empty() ? "" : ", ", p.given);
  });
}

bool ParseNameList(const ValueRules::Impl& rules, absl::string_view raw,
                   ValueStore* store, ValueId* id) {
  std::vector<PersonName> persons = ParseNames(rules, raw);
  if (persons.empty()) return false;
  Value v;
  v.kind = ValueKind::kNameList;
  v.key = store->InternKey(NameListKey(persons));
  v.list = store->AddNameList(std::move(persons));
  *id = store->Add(v);
  return true;
}

}  // namespace crosscheck
