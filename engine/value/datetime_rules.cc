// Compilers for the date-time kinds: month and weekday lexicons, day
// periods, time zones and formats.
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "value/datetime_format.h"
#include "value/rule_compilers.h"

namespace crosscheck::internal {
namespace {

// "names": an array of `count` arrays of strings; entry i gets value i + 1.
bool NameTable(RuleFields* f, size_t count, std::vector<LexiconEntry>* out) {
  const rapidjson::Value* names = f->Find("names");
  if (names == nullptr) {
    f->Problem(nullptr, absl::StrCat("missing field \"names\" (", count,
                                     " arrays of names, in calendar order)"));
    return false;
  }
  if (!names->IsArray() || names->Size() != count) {
    f->Problem(names, absl::StrCat("\"names\" must be ", count,
                                   " arrays of names, in calendar order"));
    return false;
  }
  std::vector<LexiconEntry> entries;
  int value = 0;
  for (const rapidjson::Value& group : names->GetArray()) {
    ++value;
    if (!group.IsArray()) {
      f->Problem(&group, "each element of \"names\" must be an array of strings");
      return false;
    }
    for (const rapidjson::Value& n : group.GetArray()) {
      if (!n.IsString() || n.GetStringLength() == 0) {
        f->Problem(&n, "a name must be a non-empty string");
        return false;
      }
      std::string text = FoldLexiconText(absl::string_view(n.GetString(), n.GetStringLength()));
      while (text.size() > 1 && text.back() == '.') text.pop_back();  // dots are optional
      entries.push_back({std::move(text), value});
    }
  }
  out->insert(out->end(), entries.begin(), entries.end());
  return true;
}

bool ParseOffset(absl::string_view s, int* minutes) {
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  for (size_t i : {1, 2, 4, 5}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int hh = (s[1] - '0') * 10 + (s[2] - '0');
  int mm = (s[4] - '0') * 10 + (s[5] - '0');
  if (hh > 14 || mm > 59) return false;
  *minutes = (s[0] == '-' ? -1 : 1) * (hh * 60 + mm);
  return true;
}

}  // namespace

void CompileMonthNames(const Rule& rule, ValueRules::Impl* impl,
                       std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"language", "names"});
  std::string language;
  f.String("language", &language, /*required=*/false);
  if (!f.ok()) return;
  NameTable(&f, 12, &impl->months);
}

void CompileWeekdayNames(const Rule& rule, ValueRules::Impl* impl,
                         std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"language", "names"});
  std::string language;
  f.String("language", &language, /*required=*/false);
  if (!f.ok()) return;
  NameTable(&f, 7, &impl->weekdays);
}

void CompileDayPeriods(const Rule& rule, ValueRules::Impl* impl,
                       std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"am", "pm"});
  std::vector<std::string> am, pm;
  bool ok = f.StringArray("am", &am);
  ok &= f.StringArray("pm", &pm);
  if (!ok || !f.ok()) return;
  for (const auto& a : am) impl->day_periods.push_back({FoldLexiconText(a), 0});
  for (const auto& p : pm) impl->day_periods.push_back({FoldLexiconText(p), 1});
}

void CompileTimeZones(const Rule& rule, ValueRules::Impl* impl,
                      std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"zones"});
  const rapidjson::Value* zones = f.Find("zones");
  if (zones == nullptr || !zones->IsObject() || zones->MemberCount() == 0) {
    f.Problem(zones, "\"zones\" must be an object of abbreviation: \"+hh:mm\"");
    return;
  }
  if (!f.ok()) return;
  std::vector<std::pair<std::string, int>> parsed;
  for (auto m = zones->MemberBegin(); m != zones->MemberEnd(); ++m) {
    std::string name(m->name.GetString(), m->name.GetStringLength());
    bool letters = !name.empty();
    for (char c : name) letters &= absl::ascii_isalpha(static_cast<unsigned char>(c));
    int minutes = 0;
    if (!letters) {
      f.Problem(&m->name, absl::StrCat("zone abbreviation \"", name, "\" must be letters"));
      return;
    }
    if (!m->value.IsString() ||
        !ParseOffset(absl::string_view(m->value.GetString(), m->value.GetStringLength()),
                     &minutes)) {
      f.Problem(&m->value, absl::StrCat("offset of \"", name,
                                        "\" must be a string \"+hh:mm\" or \"-hh:mm\""));
      return;
    }
    parsed.emplace_back(absl::AsciiStrToUpper(name), minutes);
  }
  for (auto& [name, minutes] : parsed) impl->time_zones.emplace(name, minutes);
}

void CompileDateTimeFormatRule(const Rule& rule, ValueRules::Impl* impl,
                               std::vector<RuleProblem>* problems) {
  RuleFields f(rule, problems);
  f.CheckFields({"format"});
  std::string text;
  if (!f.String("format", &text) || !f.ok()) return;
  DateTimeFormat format;
  std::string error;
  if (!CompileDateTimeFormat(text, &format, &error)) {
    f.Problem(f.Find("format"), absl::StrCat("bad date-time format: ", error));
    return;
  }
  format.rule_id = rule.id;
  impl->datetime_formats.push_back(std::move(format));
}

}  // namespace crosscheck::internal
