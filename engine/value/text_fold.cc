#include "value/text_fold.h"

#include <cstdint>

#include "absl/strings/ascii.h"
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

struct NamedEntity {
  const char* name;
  UChar32 code;
};
// The references scraped pages leave in cells; numeric ones are decoded too.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"quot", '"'},     {"apos", '\''},    {"lt", '<'},
    {"gt", '>'},       {"nbsp", 0xA0},    {"eacute", 0xE9},  {"egrave", 0xE8},
    {"ecirc", 0xEA},   {"euml", 0xEB},    {"aacute", 0xE1},  {"agrave", 0xE0},
    {"acirc", 0xE2},   {"auml", 0xE4},    {"atilde", 0xE3},  {"Atilde", 0xC3},
    {"aring", 0xE5},   {"ccedil", 0xE7},  {"iacute", 0xED},  {"icirc", 0xEE},
    {"iuml", 0xEF},    {"oacute", 0xF3},  {"ocirc", 0xF4},   {"ouml", 0xF6},
    {"otilde", 0xF5},  {"oslash", 0xF8},  {"uacute", 0xFA},  {"ucirc", 0xFB},
    {"uuml", 0xFC},    {"ntilde", 0xF1},  {"szlig", 0xDF},   {"Eacute", 0xC9},
    {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"Auml", 0xC4},    {"copy", 0xA9},
};

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
    size_t j = i + 1;
    while (j < s.size() && j - i <= 8 &&
           (absl::ascii_isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) {
      ++j;
    }
    absl::string_view name = s.substr(i + 1, j - i - 1);
    UChar32 code = -1;
    if (name.size() >= 2 && name[0] == '#') {
      int64_t v = 0;
      bool ok = true;
      for (char c : name.substr(1)) {
        if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) || v > 0x10FFFF) {
          ok = false;
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (ok && v > 0 && v <= 0x10FFFF) code = static_cast<UChar32>(v);
    } else {
      for (const NamedEntity& e : kEntities) {
        if (name == e.name) code = e.code;
      }
    }
    if (code < 0) {
      out.push_back('&');
      continue;
    }
    AppendUtf8(code, &out);
    i = (j < s.size() && s[j] == ';') ? j : j - 1;
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
