#include "value/text_fold.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace crosscheck {
namespace {

bool IsSeparator(UChar32 c) {
  if (u_isUWhiteSpace(c) || u_ispunct(c)) return true;
  int8_t type = u_charType(c);
  return type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL ||
         type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL ||
         type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

// The references scraped pages and cells carry; others stay as written.
// Upper-case forms of the Latin-1 letters are derived from the lower-case.
struct NamedEntity {
  const char* name;
  UChar32 code;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"laquo", 0xAB},    {"raquo", 0xBB},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"bdquo", 0x201E},  {"hellip", 0x2026}, {"ndash", 0x2013},
    {"mdash", 0x2014}, {"euro", 0x20AC},   {"copy", 0xA9},     {"reg", 0xAE},
    {"deg", 0xB0},     {"middot", 0xB7},   {"bull", 0x2022},   {"thinsp", 0x2009},
    {"ensp", 0x2002},  {"emsp", 0x2003},   {"shy", 0xAD},      {"oelig", 0x153},
    {"szlig", 0xDF},   {"agrave", 0xE0},   {"aacute", 0xE1},   {"acirc", 0xE2},
    {"atilde", 0xE3},  {"auml", 0xE4},     {"aring", 0xE5},    {"aelig", 0xE6},
    {"ccedil", 0xE7},  {"egrave", 0xE8},   {"eacute", 0xE9},   {"ecirc", 0xEA},
    {"euml", 0xEB},    {"igrave", 0xEC},   {"iacute", 0xED},   {"icirc", 0xEE},
    {"iuml", 0xEF},    {"ntilde", 0xF1},   {"ograve", 0xF2},   {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"otilde", 0xF5},   {"ouml", 0xF6},     {"oslash", 0xF8},
    {"ugrave", 0xF9},  {"uacute", 0xFA},   {"ucirc", 0xFB},    {"uuml", 0xFC},
    {"yacute", 0xFD},  {"yuml", 0xFF},
};

// The code point `name` ("eacute", "Eacute", "OElig") stands for, or -1.
UChar32 NamedCode(absl::string_view name) {
  for (const NamedEntity& e : kEntities) {
    if (name == e.name) return e.code;
    // "Eacute" is "eacute" less 0x20; "OElig" is U+0152.
    if (!name.empty() && absl::ascii_isupper(static_cast<unsigned char>(name[0])) &&
        absl::EqualsIgnoreCase(name, e.name) &&
        ((e.code >= 0xE0 && e.code <= 0xFE && e.code != 0xF7) || e.code == 0x153)) {
      return e.code == 0x153 ? 0x152 : e.code - 0x20;
    }
  }
  return -1;
}

// The code point of "&#233", "&#xE9" or "&eacute" (`name` is what follows
// '&'), or -1 (also for "&#0"). Numbers past U+10FFFF and surrogates
// become U+FFFD.
UChar32 ReferenceCode(absl::string_view name) {
  if (name.size() < 2 || name[0] != '#') return NamedCode(name);
  const bool hex = name[1] == 'x' || name[1] == 'X';
  absl::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty()) return -1;
  int64_t v = 0;
  for (char c : digits) {
    const unsigned char u = static_cast<unsigned char>(c);
    const int d = absl::ascii_isdigit(u)                ? c - '0'
                  : hex && absl::ascii_isxdigit(u) ? absl::ascii_tolower(u) - 'a' + 10
                                                        : -1;
    if (d < 0) return -1;
    if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + d;
  }
  if (v == 0) return -1;
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  return static_cast<UChar32>(v);
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out->append(buf, static_cast<size_t>(n));
}

}  // namespace

absl::string_view TrimSpace(absl::string_view s) {
  auto space_at_start = [&s]() {
    if (s.empty()) return size_t{0};
    if (absl::ascii_isspace(static_cast<unsigned char>(s[0]))) return size_t{1};
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
        static_cast<unsigned char>(s[1]) == 0xA0) {
      return size_t{2};
    }
    return size_t{0};
  };
  auto space_at_end = [&s]() {
    if (s.empty()) return size_t{0};
    if (absl::ascii_isspace(static_cast<unsigned char>(s.back()))) return size_t{1};
    if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
        static_cast<unsigned char>(s.back()) == 0xA0) {
      return size_t{2};
    }
    return size_t{0};
  };
  for (size_t n; (n = space_at_start()) > 0;) s.remove_prefix(n);
  for (size_t n; (n = space_at_end()) > 0;) s.remove_suffix(n);
  return s;
}

std::string DecodeHtmlEntities(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    // The longest run that can be a reference: '#', 'x', letters, digits.
    size_t j = i + 1;
    while (j < s.size() && j - i <= 32 &&
           (absl::ascii_isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) {
      ++j;
    }
    const UChar32 code = ReferenceCode(s.substr(i + 1, j - i - 1));
    if (code < 0) {
      out.push_back('&');
      continue;
    }
    AppendUtf8(code, &out);
    i = (j < s.size() && s[j] == ';') ? j : j - 1;  // the ';' may be missing
  }
  return out;
}

std::string FoldText(absl::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return absl::AsciiStrToLower(s);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString decomposed = nfkd->normalize(text, status);
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (IsSeparator(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (pending_space) folded.append(static_cast<UChar>(' '));
    pending_space = false;
    folded.append(c);
  }
  folded.foldCase(U_FOLD_CASE_DEFAULT);  // full folding: "ß" -> "ss"
  icu::UnicodeString composed = nfc->normalize(folded, status);
  std::string out;
  (U_FAILURE(status) ? folded : composed).toUTF8String(out);
  return out;
}

}  // namespace crosscheck
