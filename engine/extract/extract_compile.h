// State shared by the compilers of the "extract" rule kinds
// (extract_lexicons.cc: vocabularies and macros; extract_patterns.cc:
// templates, dates, claim patterns, cues and the prefilter).
#ifndef CROSSCHECK_ENGINE_EXTRACT_EXTRACT_COMPILE_H_
#define CROSSCHECK_ENGINE_EXTRACT_EXTRACT_COMPILE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/extract_rules_impl.h"
#include "internal/rule_set.h"

namespace crosscheck::extract_internal {

class Compiler {
 public:
  Compiler(const internal::RuleSet& set, ExtractRules::Impl* impl,
           std::vector<RuleProblem>* problems)
      : set_(set), impl_(impl), problems_(problems) {}

  // extract_lexicons.cc
  void CollectLanguages();
  void CompileGazetteer();
  void CompileKnownRoles();
  void CompileEquipment();
  void CompileVocabularies();  // number_words, count_words, calendar, lexicon
  void CompileRoleTitles();
  void BuildMacros();          // built-in macros and pattern_macro rules

  // extract_patterns.cc
  void CompileTemplates();
  void CompileDates();
  void CompileClaimPatterns();
  void CompileCues();
  void BuildScanners();
  void BuildPrefilters();

  // Expands the {macros} of `pattern` for `lang` (for shadows when `shadow`)
  // and compiles it; records a problem at `at` of the rule behind `f` and
  // returns null on failure.
  std::unique_ptr<RE2> Compile(Language* lang, internal::RuleFields* f,
                               const rapidjson::Value* at,
                               const std::string& pattern, bool shadow = false);
  // The expansion of {name} for `lang`; false if unknown.
  bool Macro(Language* lang, absl::string_view name, std::string* out,
             bool shadow = false);
  bool Expand(Language* lang, absl::string_view pattern, std::string* out,
              std::string* error, bool shadow = false);
  void BuildShadowMacros();

  // The languages a rule applies to: its "language", or all.
  std::vector<Language*> LanguagesOf(internal::RuleFields* f);
  Language* Find(absl::string_view name);

  const internal::RuleSet& set() const { return set_; }
  ExtractRules::Impl* impl() { return impl_; }
  std::vector<RuleProblem>* problems() { return problems_; }

 private:
  struct RawMacro {
    std::string pattern;
    const internal::Rule* rule = nullptr;
    bool expanding = false;
    bool expanding_shadow = false;
  };
  struct RawTitle {
    std::string role;
    std::string organisation;
    std::string organisation_key;  // the same body in every language
    std::string title;
    const internal::Rule* rule = nullptr;
  };
  struct Vocabulary {
    std::vector<std::string> number_words;  // as written, for patterns
    std::vector<std::string> scale_words;   // >= 1000
    std::vector<std::string> joiners;
    std::vector<std::string> approximate;
    std::vector<std::string> hedges;
    std::vector<std::string> quantifiers;
    std::vector<std::string> months;
    std::vector<std::string> weekdays;
    std::vector<std::string> nouns;
    std::vector<RawTitle> titles;
    std::string future;  // calendar "future" pattern
    const internal::Rule* future_rule = nullptr;
    std::map<std::string, std::vector<std::string>> lexicons;
    std::map<std::string, RawMacro> macros;
  };

  void AddRoleTitle(Language* lang, const RawTitle& title);

  const internal::RuleSet& set_;
  ExtractRules::Impl* impl_;
  std::vector<RuleProblem>* problems_;
  std::map<std::string, Vocabulary> vocab_;  // by language
  std::vector<std::string> model_patterns_;
  std::map<std::string, std::vector<std::string>> names_by_type_;
  std::vector<std::string> all_names_;
  std::vector<std::string> demonym_words_;

};

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_EXTRACT_COMPILE_H_
