#include "value/datetime_format.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "value/value_rules_impl.h"

namespace crosscheck {
namespace {

using Op = DateTimeFormat::Op;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Length of the white space at the start of `s` (space, tab, no-break space).
size_t SpaceRun(absl::string_view s, size_t pos) {
  size_t p = pos;
  while (p < s.size()) {
    if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\n') {
      ++p;
    } else if (p + 1 < s.size() && static_cast<unsigned char>(s[p]) == 0xC2 &&
               static_cast<unsigned char>(s[p + 1]) == 0xA0) {
      p += 2;
    } else {
      break;
    }
  }
  return p - pos;
}

// Folded byte of `s` at `p` for Latin-1 capitals: the lead byte stays 0xC3,
// the continuation byte of a capital moves up by 0x20.
char FoldedAt(absl::string_view s, size_t p) {
  unsigned char c = static_cast<unsigned char>(s[p]);
  if (c < 0x80) return LowerAscii(s[p]);
  if (p > 0 && static_cast<unsigned char>(s[p - 1]) == 0xC3 && c >= 0x80 &&
      c <= 0x9E && c != 0x97) {
    return static_cast<char>(c + 0x20);
  }
  return s[p];
}

bool FoldedPrefix(absl::string_view s, size_t pos, absl::string_view folded) {
  if (s.size() - pos < folded.size()) return false;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (FoldedAt(s, pos + i) != folded[i]) return false;
  }
  return true;
}

struct DirectiveInfo {
  char letter;
  Op op;
};
constexpr DirectiveInfo kDirectives[] = {
    {'Y', Op::kYear4},   {'y', Op::kYear2},    {'m', Op::kMonth},
    {'b', Op::kMonthName}, {'B', Op::kMonthName}, {'d', Op::kDay},
    {'e', Op::kDay},     {'a', Op::kWeekday},  {'A', Op::kWeekday},
    {'H', Op::kHour24},  {'I', Op::kHour12},   {'M', Op::kMinute},
    {'S', Op::kSecond},  {'p', Op::kPeriod},   {'P', Op::kPeriod},
    {'Z', Op::kZone},    {'z', Op::kOffset},
};

bool Has(const DateTimeFormat& f, Op op) {
  for (const auto& s : f.steps) {
    if (s.op == op && !s.skip) return true;
  }
  return false;
}

// Checks that the stated fields make a date-time: one value per field, an
// hour with its minutes, a 12-hour clock with its day period, a day with its
// month.
bool Validate(const DateTimeFormat& f, std::string* error) {
  Op seen[16] = {};
  int n = 0;
  for (const auto& s : f.steps) {
    if (s.op == Op::kLiteral || s.op == Op::kSpace || s.skip) continue;
    Op canon = s.op == Op::kYear2 ? Op::kYear4
               : s.op == Op::kMonthName ? Op::kMonth
               : s.op == Op::kHour12 ? Op::kHour24
               : s.op == Op::kZone ? Op::kOffset
                                   : s.op;
    for (int i = 0; i < n; ++i) {
      if (seen[i] == canon) {
        *error = "a field is stated twice (write %* to match and ignore one)";
        return false;
      }
    }
    seen[n++] = canon;
  }
  bool hour = Has(f, Op::kHour24) || Has(f, Op::kHour12);
  bool month = Has(f, Op::kMonth) || Has(f, Op::kMonthName);
  bool year = Has(f, Op::kYear4) || Has(f, Op::kYear2);
  if (n == 0) *error = "the format reads no field";
  else if (Has(f, Op::kHour12) != Has(f, Op::kPeriod)) *error = "%I and %p go together";
  else if (hour != Has(f, Op::kMinute)) *error = "an hour needs its minutes (%H:%M or %I:%M %p)";
  else if (Has(f, Op::kSecond) && !hour) *error = "%S needs %H or %I";
  else if (Has(f, Op::kDay) && !month) *error = "%d needs a month (%m or %b)";
  else if (month && !Has(f, Op::kDay) && !year) *error = "a month alone needs %d or a year";
  else if ((Has(f, Op::kOffset) || Has(f, Op::kZone)) && !hour) *error = "a zone needs a time of day";
  else return true;
  return false;
}

void FirstBytes(DateTimeFormat* f) {
  for (const auto& s : f->steps) {
    switch (s.op) {
      case Op::kSpace: continue;  // may be empty: the next step decides too
      case Op::kLiteral: {
        char c = s.literal[0];
        (IsDigit(c) ? f->first_digit : IsAsciiLetter(c) ? f->first_letter : f->first_other) = true;
        return;
      }
      case Op::kMonthName: case Op::kWeekday: case Op::kPeriod: case Op::kZone:
        f->first_letter = f->first_other = true;  // non-ASCII names
        return;
      case Op::kOffset:
        f->first_other = true;
        return;
      default:
        f->first_digit = true;
        return;
    }
  }
}

}  // namespace

std::string FoldLexiconText(absl::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) out[i] = FoldedAt(text, i);
  return out;
}

bool CompileDateTimeFormat(absl::string_view format, DateTimeFormat* out,
                           std::string* error) {
  DateTimeFormat f;
  f.text = std::string(format);
  auto literal = [&f](char c) {
    if (f.steps.empty() || f.steps.back().op != Op::kLiteral) {
      f.steps.push_back({Op::kLiteral, false, ""});
    }
    f.steps.back().literal.push_back(LowerAscii(c));
  };
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == ' ') {
      if (f.steps.empty() || f.steps.back().op != Op::kSpace) {
        f.steps.push_back({Op::kSpace, false, ""});
      }
      continue;
    }
    if (c != '%') {
      literal(c);
      continue;
    }
    size_t at = i;
    if (++i == format.size()) {
      *error = absl::StrCat("'%' at the end of the format (offset ", at, ")");
      return false;
    }
    if (format[i] == '%') {
      literal('%');
      continue;
    }
    bool skip = format[i] == '*';
    if (skip && ++i == format.size()) {
      *error = absl::StrCat("'%*' at the end of the format (offset ", at, ")");
      return false;
    }
    const DirectiveInfo* found = nullptr;
    for (const DirectiveInfo& d : kDirectives) {
      if (d.letter == format[i]) found = &d;
    }
    if (found == nullptr) {
      *error = absl::StrCat("unknown directive '%", format.substr(i, 1),
                            "' at offset ", at,
                            " (known: %Y %y %m %b %B %d %e %a %A %H %I %M %S "
                            "%p %P %Z %z %%, and %* to ignore a field)");
      return false;
    }
    f.steps.push_back({found->op, skip, ""});
  }
  if (!Validate(f, error)) return false;
  FirstBytes(&f);
  *out = std::move(f);
  return true;
}

namespace {

struct Matcher {
  const DateTimeFormat& f;
  const ValueRules::Impl& rules;
  absl::string_view s;
  mutable bool value_dependent = false;

  // Reads a run of digits of length [lo, hi]; returns its length or 0.
  size_t Digits(size_t pos, size_t lo, size_t hi, int* value) const {
    size_t p = pos;
    int v = 0;
    while (p < s.size() && IsDigit(s[p])) {
      v = v * 10 + (s[p] - '0');
      if (++p - pos > hi) return 0;
    }
    if (p - pos < lo) return 0;
    *value = v;
    return p - pos;
  }

  bool Name(const std::vector<LexiconEntry>& lexicon, size_t step, size_t pos,
            DateTimeFields fields, int DateTimeFields::*field,
            DateTimeFields* out) const {
    bool dot_next = step + 1 < f.steps.size() &&
                    f.steps[step + 1].op == Op::kLiteral &&
                    f.steps[step + 1].literal[0] == '.';
    for (const LexiconEntry& e : lexicon) {
      if (!FoldedPrefix(s, pos, e.text)) continue;
      size_t end = pos + e.text.size();
      bool word = f.steps[step].op != Op::kPeriod;
      if (word && end < s.size() && IsAsciiLetter(s[end])) continue;
      if (word && !dot_next && end < s.size() && s[end] == '.') ++end;
      DateTimeFields next = fields;
      if (field != nullptr) next.*field = e.value;
      if (Match(step + 1, end, next, out)) return true;
    }
    return false;
  }

  bool Zone(size_t pos, size_t* end, int* offset) const {
    size_t p = pos;
    std::string name;
    while (p < s.size() && IsAsciiLetter(s[p])) name.push_back(s[p++] & ~0x20);
    auto it = rules.time_zones.find(name);
    if (name.empty() || it == rules.time_zones.end()) return false;
    *end = p;
    *offset = it->second;
    return true;
  }

  bool Offset(size_t pos, size_t* end, int* offset) const {
    if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return false;
    int sign = s[pos] == '-' ? -1 : 1;
    int hh = 0, mm = 0;
    size_t p = pos + 1;
    size_t n = Digits(p, 1, 4, &hh);
    if (n == 0) return false;
    if (n >= 3) {
      if (n != 4) return false;
      mm = hh % 100;
      hh /= 100;
      p += n;
    } else {
      p += n;
      if (p < s.size() && s[p] == ':') {
        size_t m = Digits(p + 1, 2, 2, &mm);
        if (m == 0) return false;
        p += 1 + m;
      }
    }
    if (hh > 14 || mm > 59) {
      value_dependent = true;
      return false;
    }
    *end = p;
    *offset = sign * (hh * 60 + mm);
    return true;
  }

  bool Match(size_t step, size_t pos, DateTimeFields fields,
             DateTimeFields* out) const {
    for (; step < f.steps.size(); ++step) {
      const DateTimeFormat::Step& st = f.steps[step];
      int v = 0;
      size_t n = 0;
      switch (st.op) {
        case Op::kSpace:
          pos += SpaceRun(s, pos);
          continue;
        case Op::kLiteral:
          if (!FoldedPrefix(s, pos, st.literal)) return false;
          pos += st.literal.size();
          continue;
        case Op::kMonthName:
          return Name(rules.months, step, pos, fields,
                      st.skip ? nullptr : &DateTimeFields::month, out);
        case Op::kWeekday:
          return Name(rules.weekdays, step, pos, fields, nullptr, out);
        case Op::kPeriod:
          return Name(rules.day_periods, step, pos, fields,
                      st.skip ? nullptr : &DateTimeFields::period, out);
        case Op::kZone:
        case Op::kOffset: {
          size_t end = 0;
          bool ok = st.op == Op::kZone ? Zone(pos, &end, &v) : Offset(pos, &end, &v);
          if (!ok) return false;
          if (!st.skip) fields.offset_minutes = v;
          pos = end;
          continue;
        }
        default:
          break;
      }
      // Numeric fields.
      int* target = nullptr;
      size_t lo = 1, hi = 2;
      int min = 0, max = 99;
      switch (st.op) {
        case Op::kYear4: lo = hi = 4; max = 9999; target = &fields.year; break;
        case Op::kYear2: lo = hi = 2; target = &fields.year; break;
        case Op::kMonth: min = 1; max = 12; target = &fields.month; break;
        case Op::kDay: min = 1; max = 31; target = &fields.day; break;
        case Op::kHour24: max = 23; target = &fields.hour; break;
        case Op::kHour12: min = 1; max = 12; target = &fields.hour; break;
        case Op::kMinute: lo = 2; max = 59; target = &fields.minute; break;
        case Op::kSecond: lo = 2; max = 60; target = &fields.second; break;
        default: return false;
      }
      n = Digits(pos, lo, hi, &v);
      if (n == 0) return false;
      if (v < min || v > max) {
        value_dependent = true;
        return false;
      }
      if (st.op == Op::kYear2) {
        v += v < rules.two_digit_year_pivot ? 2000 : 1900;
      }
      if (!st.skip) *target = v;
      pos += n;
    }
    if (pos + SpaceRun(s, pos) != s.size()) return false;
    *out = fields;
    return true;
  }
};

}  // namespace

bool MatchDateTimeFormat(const DateTimeFormat& f, const ValueRules::Impl& rules,
                         absl::string_view text, DateTimeFields* out,
                         bool* value_dependent) {
  if (value_dependent != nullptr) *value_dependent = false;
  if (text.empty()) return false;
  char c = text[0];
  bool ok = IsDigit(c) ? f.first_digit
            : IsAsciiLetter(c) ? f.first_letter
                               : f.first_other;
  if (!ok) return false;
  Matcher m{f, rules, text};
  bool matched = m.Match(0, 0, DateTimeFields(), out);
  if (value_dependent != nullptr) *value_dependent = m.value_dependent;
  return matched;
}

}  // namespace crosscheck
