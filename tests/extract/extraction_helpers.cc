#include "tests/extract/extraction_helpers.h"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "crosscheck/extract.h"
#include "tests/extract/claim_scorer.h"
#include "tests/support/test_support.h"

namespace crosscheck::testing {

const Rules& PackRules() {
  static const Rules* rules = [] {
    auto loaded = Rules::Load(SourceDir() + "/rules");
    if (!loaded.ok()) {
      std::cerr << "rules/ does not load: " << loaded.status() << "\n";
      std::abort();
    }
    return loaded->release();
  }();
  return *rules;
}

const extract_internal::Language& PackLanguage(const std::string& name) {
  const extract_internal::Language* lang = PackRules().extract().impl().Find(name);
  if (lang == nullptr) {
    std::cerr << "no language " << name << " in rules/\n";
    std::abort();
  }
  return *lang;
}

Corpus ExtractOne(const std::string& text, const std::string& lang,
                  std::optional<absl::CivilDay> published) {
  Corpus corpus;
  Document doc;
  doc.id = corpus.strings.Intern("article.txt");
  doc.source = doc.id;
  doc.text = text;
  if (!lang.empty()) doc.lang = corpus.strings.Intern(lang);
  doc.published = published;
  corpus.documents.push_back(std::move(doc));
  if (!ExtractClaims(PackRules(), ExtractOptions(), &corpus).ok()) std::abort();
  return corpus;
}

std::vector<FrameMap> Frames(const Corpus& corpus) {
  std::vector<FrameMap> out;
  for (const Frame& f : corpus.frames) {
    FrameMap m;
    m["template"] = std::string(corpus.str(f.template_name));
    m["modality"] = std::string(ModalityName(f.modality));
    if (f.speaker != kNoString) m["speaker"] = std::string(corpus.str(f.speaker));
    m["evidence"] =
        corpus.documents[f.document].text.substr(f.span_begin, f.span_end - f.span_begin);
    for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
      const FrameSlot& s = corpus.frame_slots[k];
      m[std::string(corpus.str(s.name))] = SlotDisplay(corpus, s);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<FrameMap> Frames(const Corpus& corpus, const std::string& name) {
  std::vector<FrameMap> out;
  for (FrameMap& m : Frames(corpus)) {
    if (m["template"] == name) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace crosscheck::testing
