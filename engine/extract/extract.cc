// The extraction driver: each document is prepared, its sentences are run
// through the language's prefilter once, dates are found and resolved (the
// publication date inferred first when needed), patterns are matched, and
// every frame becomes FrameSlots and Claims in the corpus.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "crosscheck/extract.h"
#include "crosscheck/rules.h"
#include "crosscheck/text.h"
#include "extract/dates.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/modality.h"
#include "extract/shadow.h"
#include "extract/slots.h"
#include "extract/title.h"

namespace crosscheck {
namespace extract_internal {
namespace {

// Buffers reused from one document to the next.
struct Scratch {
  PreparedText prepared;
  PreparedText title;  // the title line, to test it for boilerplate
  std::vector<int> hits;
  std::vector<int> datelines;  // the dateline cues the document matches
  std::vector<std::vector<int>> claim_hits, date_hits, cue_hits;   // per sentence
  std::vector<std::vector<DateMention>> dates;                     // per sentence
  std::vector<std::vector<Span>> rebuttals;                        // per sentence
  // Per sentence with claim hits: its gazetteer mentions.
  std::vector<std::vector<EntityMention>> sentence_entities;
  std::vector<FrameDraft> drafts;     // of one sentence
  std::vector<FrameDraft> document;   // of the document, in text order
  std::string shadow;                 // extract/shadow.h
  SentenceMentions mentions;          // of the sentence being read
  ScanMemo scans;                     // scanner searches over that sentence
  std::vector<uint32_t> line_starts;
  // ModelClass of the model names met so far: claims and their sentences
  // name the same few models again and again.
  absl::flat_hash_map<std::string, int> model_classes;
};

// The value of a slot, typed. This is the one place where extraction builds
// Values; the value stage's builders replace it once they are shared.
ValueId SlotValue(const SlotFill& f, ValueStore* store) {
  Value v;
  switch (f.kind) {
    case SlotFill::Kind::kCount:
      v.kind = ValueKind::kNumber;
      v.hedge = f.count.hedge;
      v.lo = f.count.lo;
      v.hi = f.count.hi;
      if (f.count.value == static_cast<double>(static_cast<int64_t>(f.count.value))) {
        v.flags |= Value::kInteger;
      }
      break;
    case SlotFill::Kind::kDate:
      v.kind = ValueKind::kDateTime;
      v.granularity = f.date.granularity;
      v.flags |= Value::kHasDate;
      if (f.date.inferred) v.flags |= Value::kYearInferred;
      DateInterval(f.date, &v.lo, &v.hi);
      break;
    case SlotFill::Kind::kText:
      v.kind = ValueKind::kText;
      break;
  }
  v.key = store->InternKey(f.key);
  return store->Add(v);
}

// template|identity slot keys, dates cut to the month. `key_of(slot)`
// gives the slot's key and, for a date slot, the text of a date stated but
// not resolved ("Mardi" in an undated article), which keys the subject to
// its document: that day is no other document's undated statement, and
// another document's "mardi" may be another Tuesday.
template <typename KeyOf>
std::string SubjectOf(const TemplateDef& tmpl, absl::string_view document, const KeyOf& key_of) {
  std::string out = tmpl.name;
  for (const std::string& slot : tmpl.identity) {
    std::string unresolved;
    std::string key = key_of(slot, &unresolved);
    const SlotType* type = tmpl.Find(slot);
    const bool date = type != nullptr && *type == SlotType::kDate;
    if (date && key.size() > 7) key.resize(7);
    if (date && key.empty() && !unresolved.empty()) {
      key = absl::StrCat(Fold(unresolved), " in ", document);
    }
    absl::StrAppend(&out, "|", key);
  }
  return out;
}

// Whether a slot of a frame with `modality` makes a claim: not a slot that
// only describes the statement, nor one a denial of it does not speak to.
bool MakesClaim(const TemplateDef& tmpl, const std::string& slot, Modality modality) {
  auto in = [&](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), slot) != v.end();
  };
  if (in(tmpl.describe)) return false;
  return modality != Modality::kDenied || tmpl.denies.empty() || in(tmpl.denies);
}

uint32_t Sum(const std::vector<TextCutRange>& cuts) {
  uint32_t n = 0;
  for (const TextCutRange& c : cuts) n += c.orig_end - c.orig_begin;
  return n;
}

class DocumentExtractor {
 public:
  DocumentExtractor(const TextRules& text, const ExtractRules& extract,
                    const ExtractOptions& options, Corpus* corpus, Scratch* s,
                    ExtractStats* stats)
      : text_rules_(text), rules_(extract.impl()), options_(options),
        corpus_(corpus), s_(s), stats_(stats) {}

  void Run(uint32_t d);

 private:
  void Prefilter(const Language& lang);
  void Dates(const Language& lang, Document* doc);
  void Frames(const Language& lang, size_t sentence);
  bool FindRebuttals(const Language& lang);
  void Rebut(const Language& lang);
  void FillModels(const Language& lang);
  int ClassOf(absl::string_view model);  // ModelClass, remembered
  void LeadInDates();
  Modality ModalityOf(const Language& lang, FrameDraft* draft,
                      const std::vector<Span>& quotes, std::string* speaker) const;
  void Emit(const Language& lang, uint32_t d, FrameDraft* draft,
            const std::vector<Span>& quotes);
  InputLocation Locate(const Document& doc, uint32_t offset) const;
  std::vector<CountryCount> Countries(const Language& lang, absl::string_view title);

  const TextRules& text_rules_;
  const ExtractRules::Impl& rules_;
  const ExtractOptions& options_;
  Corpus* corpus_;
  Scratch* s_;
  ExtractStats* stats_;
};

void DocumentExtractor::Run(uint32_t d) {
  Document& doc = corpus_->documents[d];
  PreparedText& p = s_->prepared;
  PrepareText(text_rules_, doc.text, corpus_->str(doc.lang), &p);
  doc.cuts.clear();
  for (const TextCutRange& c : p.cuts) {
    doc.cuts.push_back({c.orig_begin, c.orig_end, corpus_->strings.Intern(c.rule)});
  }
  if (doc.lang == kNoString && !p.language.empty()) {
    doc.lang = corpus_->strings.Intern(p.language);
  }
  TitleFromCleanText(text_rules_, p, p.language, &doc, &s_->title);
  ++stats_->documents;
  stats_->text_bytes += doc.text.size();
  stats_->cut_bytes += Sum(p.cuts);
  stats_->sentences += p.sentences.size();
  const Language* lang = rules_.Find(p.language);
  if (lang == nullptr && !options_.default_language.empty()) {
    lang = rules_.Find(options_.default_language);
  }
  if (lang == nullptr) {
    ++stats_->documents_without_language;
    return;
  }
  // The document filter's pass over the text also tells which dateline cues
  // it holds; the others need no search of their own.
  bool triggered = true;
  const std::vector<int>* datelines = nullptr;  // all
  if (lang->prefilter != nullptr && lang->document_filter != nullptr) {
    s_->hits.clear();
    RE2::Set::ErrorInfo error;
    triggered = lang->document_filter->Match(p.text, &s_->hits, &error);
    if (triggered && lang->filter_datelines) {
      const int triggers = static_cast<int>(lang->triggers.size());
      s_->datelines.clear();
      for (int h : s_->hits) {
        if (h >= triggers) s_->datelines.push_back(h - triggers);
      }
      triggered = s_->datelines.size() < s_->hits.size();
      std::sort(s_->datelines.begin(), s_->datelines.end());
      datelines = &s_->datelines;
    } else if (error.kind == RE2::Set::kNoError && lang->filter_datelines) {
      s_->datelines.clear();  // nothing matched
      datelines = &s_->datelines;
    }
  }
  if (!doc.published) {
    doc.published = DatelineDay(*lang, p.text, datelines);
    doc.published_inferred = doc.published_dateline = doc.published.has_value();
    if (doc.published) ++stats_->published_inferred;
  }
  if (lang->prefilter == nullptr || !triggered) return;
  Prefilter(*lang);
  Dates(*lang, &doc);
  s_->document.clear();
  bool shadowed = false;
  for (size_t i = 0; i < p.sentences.size(); ++i) {
    s_->sentence_entities[i].clear();
    if (s_->claim_hits[i].empty()) continue;
    if (!shadowed) {
      s_->shadow.assign(p.text);
      shadowed = true;
    }
    ScanMemo::Scope scans(&s_->scans, p.text);
    s_->mentions.Find(rules_, *lang, p.text, {p.sentences[i].begin, p.sentences[i].end});
    s_->sentence_entities[i] = s_->mentions.entities;
    MarkShadow(rules_, s_->mentions, s_->dates[i], &s_->shadow);
    Frames(*lang, i);
  }
  if (s_->document.empty()) return;
  // An actor anaphor may name the organisation of the sentence before, which
  // no pattern may have read: its mentions are found now.
  auto has_anaphor = [](const FrameDraft& f) {
    return std::any_of(f.slots.begin(), f.slots.end(),
                       [](const SlotFill& s) { return s.actor_anaphor; });
  };
  for (const FrameDraft& f : s_->document) {
    if (f.sentence == 0 || !has_anaphor(f)) continue;
    const size_t before = f.sentence - 1;
    if (s_->claim_hits[before].empty() && s_->sentence_entities[before].empty()) {
      s_->sentence_entities[before] =
          FindEntities(rules_, *lang, p.text, {p.sentences[before].begin, p.sentences[before].end});
    }
  }
  CompleteDocumentFrames(rules_, lang->name, Countries(*lang, doc.title), s_->sentence_entities,
                         &s_->document);
  s_->document.erase(std::remove_if(s_->document.begin(), s_->document.end(),
                                    [](const FrameDraft& f) { return f.lender; }),
                     s_->document.end());
  LeadInDates();
  FillModels(*lang);
  Rebut(*lang);
  s_->line_starts.clear();
  s_->line_starts.push_back(0);
  for (size_t i = doc.text.find('\n'); i != std::string::npos; i = doc.text.find('\n', i + 1)) {
    s_->line_starts.push_back(static_cast<uint32_t>(i + 1));
  }
  std::vector<Span> quotes = FindQuotations(p.text);
  for (FrameDraft& draft : s_->document) Emit(*lang, d, &draft, quotes);
}

void DocumentExtractor::Prefilter(const Language& lang) {
  const PreparedText& p = s_->prepared;
  size_t n = p.sentences.size();
  for (auto* v : {&s_->claim_hits, &s_->date_hits, &s_->cue_hits}) {
    if (v->size() < n) v->resize(n);
    for (size_t i = 0; i < n; ++i) (*v)[i].clear();
  }
  if (s_->dates.size() < n) s_->dates.resize(n);
  if (s_->sentence_entities.size() < n) s_->sentence_entities.resize(n);
  for (size_t i = 0; i < n; ++i) s_->dates[i].clear();
  for (size_t i = 0; i < n; ++i) {
    const SentenceRange& sr = p.sentences[i];
    s_->hits.clear();
    if (!lang.prefilter->Match(re2::StringPiece(p.text.data() + sr.begin, sr.end - sr.begin),
                               &s_->hits)) {
      continue;
    }
    std::sort(s_->hits.begin(), s_->hits.end());
    for (int h : s_->hits) {
      const PrefilterTarget& t = lang.targets[h];
      int index = static_cast<int>(t.index);
      switch (t.kind) {
        case PrefilterTarget::Kind::kClaim: s_->claim_hits[i].push_back(index); break;
        case PrefilterTarget::Kind::kDate: s_->date_hits[i].push_back(index); break;
        case PrefilterTarget::Kind::kCue:
          s_->cue_hits[i].push_back(index);
          break;
      }
    }
  }
}

void DocumentExtractor::Dates(const Language& lang, Document* doc) {
  const PreparedText& p = s_->prepared;
  std::vector<DateMention> all;
  for (size_t i = 0; i < p.sentences.size(); ++i) {
    if (s_->date_hits[i].empty()) continue;
    ScanMemo::Scope scans(&s_->scans, p.text);
    FindDates(lang, p.text, p.sentences[i].begin, p.sentences[i].end, s_->date_hits[i],
              &s_->dates[i]);
    if (!doc->published) all.insert(all.end(), s_->dates[i].begin(), s_->dates[i].end());
  }
  Publication pub{doc->published, false, false};
  if (!doc->published) {
    pub = InferPublication(all);
    if (pub.day) {
      doc->published = pub.day;
      doc->published_inferred = true;
      ++stats_->published_inferred;
    }
  } else if (doc->published_inferred && !doc->published_dateline) {
    pub.inferred = pub.lower_bound = true;  // inferred before: keep it a bound
  }
  PreviousDates last;
  for (size_t i = 0; i < p.sentences.size(); ++i) {
    for (DateMention& m : s_->dates[i]) ResolveInOrder(pub, &m, &last);
    // "came two days after" with no day before it says nothing a reader
    // could keep as written.
    std::vector<DateMention>& d = s_->dates[i];
    d.erase(std::remove_if(d.begin(), d.end(),
                           [](const DateMention& m) { return m.from_previous && !m.resolved; }),
            d.end());
  }
}

// Two drafts over overlapping text whose patterns compete (Compete).
bool Overlap(const FrameDraft& a, const FrameDraft& b) {
  return Compete(*a.pattern, *b.pattern) && a.span.begin < b.span.end && b.span.begin < a.span.end;
}

void DocumentExtractor::Frames(const Language& lang, size_t i) {
  const PreparedText& p = s_->prepared;
  SentenceContext ctx{
      p.text, s_->shadow, {p.sentences[i].begin, p.sentences[i].end}, &s_->dates[i], &s_->mentions};
  std::vector<FrameDraft>& drafts = s_->drafts;
  drafts.clear();
  for (int index : s_->claim_hits[i]) {
    const ClaimPattern& pattern = lang.patterns[index];
    size_t before = drafts.size();
    MatchPattern(rules_, lang, pattern, ctx, &drafts);
    // A statement already read by a higher-priority pattern of the same
    // template is not read again (lenders aside).
    auto taken = [&](const FrameDraft& f) {
      for (size_t k = 0; k < before; ++k) {
        if (!drafts[k].lender && Overlap(drafts[k], f)) return true;
      }
      return false;
    };
    drafts.erase(std::remove_if(drafts.begin() + before, drafts.end(), taken), drafts.end());
  }
  // A lender where a frame reads the statement is no lender.
  auto covered = [&](const FrameDraft& f) {
    return f.lender && std::any_of(drafts.begin(), drafts.end(), [&](const FrameDraft& e) {
             return !e.lender && Overlap(e, f);
           });
  };
  drafts.erase(std::remove_if(drafts.begin(), drafts.end(), covered), drafts.end());
  // In text order within the sentence (patterns ran in priority order).
  std::stable_sort(drafts.begin(), drafts.end(), [](const FrameDraft& a, const FrameDraft& b) {
    return a.span.begin < b.span.begin;
  });
  for (FrameDraft& draft : drafts) {
    draft.sentence = i;
    s_->document.push_back(std::move(draft));
  }
}

// Rebuttals ("…, ce que la junte conteste", "Bamako dément.") deny the
// statement just before them: the frames that end last before the
// rebuttal in its sentence or, when the rebuttal opens its sentence, every
// frame of the sentence before. Each such frame keeps its modality and gets
// a denied copy after it, whose evidence runs to the end of the rebuttal.
// Roles given in apposition (no sentence cues) are the writer's own words
// and are not denied.
void DocumentExtractor::Rebut(const Language& lang) {
  if (!FindRebuttals(lang)) return;
  const PreparedText& p = s_->prepared;
  const size_t n = p.sentences.size();
  std::vector<FrameDraft>& frames = s_->document;
  // Per frame: the sentence and span of the rebuttal that denies it.
  std::vector<std::pair<size_t, Span>> denied_by(frames.size(), {n, Span()});
  for (size_t i = 0; i < n; ++i) {
    for (const Span& r : s_->rebuttals[i]) {
      const size_t begin = p.sentences[i].begin;
      const bool opens = TrimPhrase(p.text.substr(begin, r.begin - begin)).empty();
      // A sentence that rejects a statement it makes itself ("La junte nie
      // toute présence du groupe au Mali") rebuts no statement before it.
      auto own = [&](const FrameDraft& f) {
        return std::any_of(frames.begin(), frames.end(), [&](const FrameDraft& e) {
          return e.sentence == i && e.pattern->tmpl == f.pattern->tmpl && e.span.begin < r.end &&
                 r.begin < e.span.end;
        });
      };
      auto candidate = [&](const FrameDraft& f) {
        if (!f.pattern->tmpl->sentence_cues) return false;
        return opens ? i > 0 && f.sentence == i - 1 && !own(f)
                     : f.sentence == i && f.span.end <= r.begin;
      };
      std::optional<uint32_t> last;
      for (const FrameDraft& f : frames) {
        if (candidate(f)) last = std::max(last.value_or(0), f.span.end);
      }
      for (size_t k = 0; k < frames.size() && last; ++k) {
        if (candidate(frames[k]) && (opens || frames[k].span.end == *last) &&
            denied_by[k].first == n) {
          denied_by[k] = {i, r};
        }
      }
    }
  }
  std::vector<FrameDraft> out;
  out.reserve(frames.size());
  for (size_t k = 0; k < frames.size(); ++k) {
    out.push_back(frames[k]);
    const auto& [sentence, r] = denied_by[k];
    if (sentence == n) continue;
    FrameDraft denied = frames[k];
    denied.rebutted = true;
    denied.span = denied.sentence == sentence ? Span{denied.span.begin, r.end} : r;
    denied.sentence = sentence;
    out.push_back(std::move(denied));
  }
  frames = std::move(out);
}

// Whether one of the four words before `pos` (after `floor`) says the
// aircraft carried the delivery ("à bord d'un Antonov An-124", "aboard an
// Il-76 cargo plane"): lexicon "carrier".
bool Carrier(const Language& lang, absl::string_view text, uint32_t floor, uint32_t pos) {
  std::vector<absl::string_view> words =
      absl::StrSplit(text.substr(floor, pos - floor), absl::ByAnyChar(" '’"), absl::SkipEmpty());
  for (size_t k = words.size() > 4 ? words.size() - 4 : 0; k < words.size(); ++k) {
    if (InLexicon(lang, "carrier", Fold(words[k]))) return true;
  }
  return false;
}

// A sentence that states nothing but a date leads into the next one
// ("Deux jours après le drame, mardi, c'est une tout autre image que les
// autorités ont voulu donner. À l'aéroport ..., l'armée de l'air a
// réceptionné ..."): the statements of the next sentence, which has no
// date of its own and took none from the document's other statements,
// take it.
void DocumentExtractor::LeadInDates() {
  std::vector<bool> stated(s_->prepared.sentences.size(), false);
  for (const FrameDraft& f : s_->document) {
    if (!f.lender && f.sentence < stated.size()) stated[f.sentence] = true;
  }
  for (FrameDraft& f : s_->document) {
    const ClaimPattern& p = *f.pattern;
    const size_t i = f.sentence;
    if (f.lender || i == 0 || i >= stated.size() || !s_->dates[i].empty() || stated[i - 1]) {
      continue;
    }
    const std::vector<DateMention>& lead = s_->dates[i - 1];
    // Only a day leads in; a year or a month is background ("En 2018, ...").
    if (lead.size() != 1 || !lead.front().resolved ||
        lead.front().granularity != Granularity::kDay) {
      continue;
    }
    const std::vector<std::string>& defaults = p.has_defaults ? p.defaults : p.tmpl->defaults;
    if (std::find(defaults.begin(), defaults.end(), "date") == defaults.end() ||
        p.tmpl->Find(p.date_slot) == nullptr || f.Find(p.date_slot) != nullptr) {
      continue;
    }
    f.slots.push_back(DateFill(p.date_slot, lead.front(), s_->prepared.text));
  }
}

// The models gathered for a claim of one equipment class: those of its
// class and, for a total ("aircraft" covers jets and helicopters), of the
// classes it covers, each once, in the order found.
class ModelList {
 public:
  ModelList(const ExtractRules::Impl& rules, std::string cls)
      : rules_(rules), cls_(std::move(cls)) {
    for (const EquipmentClass& k : rules.classes) {
      if (k.name == cls_) covers_ = &k.covers;
    }
  }

  // Whether a model of class `c` (ModelClass; -1: none) is one of the
  // claim's.
  bool Fits(int c) const {
    return c >= 0 && (rules_.classes[c].name == cls_ ||
                      (covers_ != nullptr &&
                       std::find(covers_->begin(), covers_->end(), c) != covers_->end()));
  }

  // Adds `name`, found at `span`, unless it is there already.
  void Add(absl::string_view name, Span span) {
    std::string key = Fold(name);
    if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) return;
    keys_.push_back(std::move(key));
    names_.emplace_back(name);
    where_ = where_.empty()
                 ? span
                 : Span{std::min(where_.begin, span.begin), std::max(where_.end, span.end)};
  }

  bool empty() const { return names_.empty(); }

  SlotFill Fill() const {
    SlotFill fill;
    fill.name = "model";
    fill.span = where_;
    fill.text = absl::StrJoin(names_, ";");
    fill.key = Fold(fill.text);
    fill.inherited = true;
    return fill;
  }

 private:
  const ExtractRules::Impl& rules_;
  std::string cls_;
  const std::vector<int>* covers_ = nullptr;
  std::vector<std::string> names_, keys_;
  Span where_;
};

int DocumentExtractor::ClassOf(absl::string_view model) {
  auto [it, added] = s_->model_classes.try_emplace(model, 0);
  if (added) it->second = ModelClass(rules_, model);
  return it->second;
}

// Models the article names apart from the statement ("The jets were L-39
// Albatros and Sukhoi-25 models", a detail line after the lead) fill the
// model slot of a claim of their class that names none: models after its
// evidence in its sentence, then in the sentences that follow, up to the
// next sentence that states a claim of a template with models. A claim
// still without models then takes those of the article's other statements
// of the same delivery ("Le Mali a reçu quatre hélicoptères. Les appareils,
// de type Mi-171, …"): claims of its template that agree on its date (both
// undated, or the same day), recipient and supplier.
void DocumentExtractor::FillModels(const Language& lang) {
  constexpr size_t kReach = 3;  // sentences after the claim's own
  const PreparedText& p = s_->prepared;
  std::vector<FrameDraft>& frames = s_->document;
  auto wants = [](const FrameDraft& f) {
    return f.pattern->tmpl->Find("model") != nullptr && f.Find("model") == nullptr &&
           f.Find("item_class") != nullptr;
  };
  if (lang.model_re == nullptr || std::none_of(frames.begin(), frames.end(), wants)) return;
  const size_t n = p.sentences.size();
  std::vector<bool> stated(n, false);
  for (const FrameDraft& f : frames) {
    if (f.pattern->tmpl->Find("model") != nullptr && f.sentence < n) stated[f.sentence] = true;
  }
  for (FrameDraft& f : frames) {
    if (!wants(f) || f.sentence >= n) continue;
    ModelList models(rules_, f.Find("item_class")->key);
    for (size_t j = f.sentence; j < n && j <= f.sentence + kReach; ++j) {
      if (j > f.sentence && stated[j]) break;
      Span search{j == f.sentence ? f.span.end : p.sentences[j].begin, p.sentences[j].end};
      if (search.empty()) continue;
      for (const Span& m : FindModels(lang, p.text, search)) {
        absl::string_view name = absl::string_view(p.text).substr(m.begin, m.end - m.begin);
        if (!models.Fits(ClassOf(name)) || Carrier(lang, p.text, search.begin, m.begin)) {
          continue;
        }
        models.Add(name, m);
      }
    }
    if (!models.empty()) f.slots.push_back(models.Fill());
  }
  auto agree = [](const FrameDraft& f, const FrameDraft& g, absl::string_view slot) {
    const SlotFill* a = f.Find(slot);
    const SlotFill* b = g.Find(slot);
    if (a == nullptr || b == nullptr) return a == b || slot != "date";
    return a->key == b->key;
  };
  // Each claim's models with their classes.
  std::vector<std::vector<std::pair<absl::string_view, int>>> named(frames.size());
  for (size_t k = 0; k < frames.size(); ++k) {
    const SlotFill* model = frames[k].Find("model");
    if (model == nullptr) continue;
    for (absl::string_view name : absl::StrSplit(model->text, ';')) {
      named[k].emplace_back(name, ClassOf(name));
    }
  }
  // Filled after the pass, so that no claim lends models it only borrowed.
  std::vector<std::pair<size_t, SlotFill>> shared;
  for (size_t k = 0; k < frames.size(); ++k) {
    const FrameDraft& f = frames[k];
    if (!wants(f)) continue;
    ModelList models(rules_, f.Find("item_class")->key);
    for (size_t j = 0; j < frames.size(); ++j) {
      const FrameDraft& g = frames[j];
      if (named[j].empty() || g.pattern->tmpl != f.pattern->tmpl || !agree(f, g, "date") ||
          !agree(f, g, "recipient") || !agree(f, g, "supplier")) {
        continue;
      }
      const Span where = g.Find("model")->span;
      for (const auto& [name, c] : named[j]) {
        if (models.Fits(c)) models.Add(name, where);
      }
    }
    if (!models.empty()) shared.emplace_back(k, models.Fill());
  }
  for (auto& [k, fill] : shared) frames[k].slots.push_back(std::move(fill));
}

// Fills Scratch::rebuttals, each sentence's rebuttal spans in text order;
// whether there is any.
bool DocumentExtractor::FindRebuttals(const Language& lang) {
  const PreparedText& p = s_->prepared;
  const size_t n = p.sentences.size();
  if (s_->rebuttals.size() < n) s_->rebuttals.resize(n);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    std::vector<Span>& found = s_->rebuttals[i];
    found.clear();
    const SentenceRange& sr = p.sentences[i];
    re2::StringPiece sentence(p.text.data() + sr.begin, sr.end - sr.begin);
    for (int c : s_->cue_hits[i]) {
      if (!lang.cues[c].rebuttal) continue;
      re2::StringPiece m;
      size_t pos = 0;
      while (pos < sentence.size() &&
             lang.cues[c].re->Match(sentence, pos, sentence.size(), RE2::UNANCHORED, &m, 1)) {
        absl::string_view trimmed = TrimPhrase(absl::string_view(m.data(), m.size()));
        uint32_t b = static_cast<uint32_t>(trimmed.data() - p.text.data());
        if (!trimmed.empty()) found.push_back({b, b + static_cast<uint32_t>(trimmed.size())});
        pos = m.data() - sentence.data() + std::max<size_t>(m.size(), 1);
      }
    }
    std::sort(found.begin(), found.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    any = any || !found.empty();
  }
  return any;
}

// Quoted inside a quotation; else the first cue that applies: cues of the
// whole sentence (unless the template keeps to its statement) and cues in
// the statement itself; else the pattern's own (asserted unless it says).
// An alleged cue on a slot the template drops when alleged removes that
// slot instead.
Modality DocumentExtractor::ModalityOf(const Language& lang, FrameDraft* draft,
                                       const std::vector<Span>& quotes,
                                       std::string* speaker) const {
  const PreparedText& p = s_->prepared;
  if (draft->rebutted) return Modality::kDenied;
  for (const Span& q : quotes) {
    if (q.begin <= draft->span.begin && draft->span.end <= q.end) {
      *speaker = FindSpeaker(lang, p.text, q);
      return Modality::kQuoted;
    }
  }
  const TemplateDef& tmpl = *draft->pattern->tmpl;
  auto dropped = [&](const SlotFill& f) {
    return std::find(tmpl.drop_alleged.begin(), tmpl.drop_alleged.end(), f.name) !=
           tmpl.drop_alleged.end();
  };
  auto matches = [&](const RE2& re, Span s) {
    return !s.empty() &&
           RE2::PartialMatch(re2::StringPiece(p.text.data() + s.begin, s.end - s.begin), re);
  };
  const std::vector<int>& cues = s_->cue_hits[draft->sentence];
  for (int c : cues) {
    const ModalityCue& cue = lang.cues[c];
    if (cue.modality != Modality::kAlleged || !cue.statement || cue.rebuttal) continue;
    draft->slots.erase(
        std::remove_if(draft->slots.begin(), draft->slots.end(),
                       [&](const SlotFill& f) {
                         return dropped(f) && (matches(*cue.re, f.span) || matches(*cue.re, f.source));
                       }),
        draft->slots.end());
  }
  std::vector<Span> statement = {draft->span};
  for (const SlotFill& f : draft->slots) {
    if (!f.inherited) statement.push_back(f.span);
  }
  for (const Span& c : draft->context) {
    bool of_dropped = std::any_of(draft->slots.begin(), draft->slots.end(), [&](const SlotFill& f) {
      return dropped(f) && f.source.begin == c.begin && f.source.end == c.end;
    });
    bool any_source = std::any_of(draft->slots.begin(), draft->slots.end(), [&](const SlotFill& f) {
      return f.source.begin == c.begin && f.source.end == c.end;
    });
    if (!of_dropped && (any_source || tmpl.drop_alleged.empty())) statement.push_back(c);
  }
  // The sentence without its rebuttals, which deny the statement before
  // them and not the whole sentence; but a rebuttal over the statement
  // itself ("La junte nie toute présence du groupe") is its denial.
  std::vector<Span> sentence = {{p.sentences[draft->sentence].begin,
                                 p.sentences[draft->sentence].end}};
  if (draft->sentence < s_->rebuttals.size()) {
    for (const Span& r : s_->rebuttals[draft->sentence]) {
      Span& last = sentence.back();
      if (r.begin < last.begin || r.end > last.end) continue;
      if (r.begin < draft->span.end && draft->span.begin < r.end) continue;
      Span rest{r.end, last.end};
      last.end = r.begin;
      sentence.push_back(rest);
    }
  }
  for (int c : cues) {
    const ModalityCue& cue = lang.cues[c];
    if (cue.rebuttal ||
        std::find(cue.except.begin(), cue.except.end(), tmpl.name) != cue.except.end()) {
      continue;
    }
    if (cue.statement) {
      if (std::any_of(statement.begin(), statement.end(),
                      [&](const Span& s) { return matches(*cue.re, s); })) {
        return cue.modality;
      }
    } else if (tmpl.sentence_cues &&
               std::any_of(sentence.begin(), sentence.end(),
                           [&](const Span& s) { return matches(*cue.re, s); })) {
      return cue.modality;
    }
  }
  return draft->pattern->modality;
}

// The countries the document names, most often first (then by name),
// counting names, demonyms and capitals that stand for them, in the body and
// in the title; none when no frame needs them.
std::vector<CountryCount> DocumentExtractor::Countries(const Language& lang,
                                                       absl::string_view title) {
  bool needed = std::any_of(s_->document.begin(), s_->document.end(), [](const FrameDraft& f) {
    return !f.pattern->tmpl->country_default.empty() ||
           std::any_of(f.slots.begin(), f.slots.end(),
                       [](const SlotFill& s) { return s.country_anaphor; });
  });
  if (!needed) return {};
  const PreparedText& p = s_->prepared;
  absl::flat_hash_map<int, int> counts;
  PrepareText(text_rules_, title, lang.name, &s_->title);
  for (size_t i = 0; i <= p.sentences.size(); ++i) {
    const bool in_title = i == p.sentences.size();
    const SentenceRange& sr = in_title ? SentenceRange{} : p.sentences[i];
    const std::vector<EntityMention>& found =
        in_title ? FindEntities(rules_, lang, s_->title.text,
                                {0, static_cast<uint32_t>(s_->title.text.size())})
        : s_->claim_hits[i].empty() ? FindEntities(rules_, lang, p.text, {sr.begin, sr.end})
                                    : s_->sentence_entities[i];
    for (const EntityMention& m : found) {
      const GazetteerEntry& e = rules_.entities[m.entity];
      std::string country = !e.read_as.empty()     ? e.read_as
                            : !e.stands_for.empty() ? e.stands_for
                                                    : e.name;
      auto it = rules_.entity_names.find(Fold(country));
      if (it == rules_.entity_names.end() || rules_.entities[it->second].type != "country") continue;
      ++counts[it->second];
    }
  }
  std::vector<CountryCount> out;
  for (const auto& [entity, count] : counts) out.push_back({entity, count});
  std::sort(out.begin(), out.end(), [&](const CountryCount& a, const CountryCount& b) {
    if (a.count != b.count) return a.count > b.count;
    return rules_.entities[a.entity].name < rules_.entities[b.entity].name;
  });
  return out;
}

InputLocation DocumentExtractor::Locate(const Document& doc, uint32_t offset) const {
  auto it = std::upper_bound(s_->line_starts.begin(), s_->line_starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - s_->line_starts.begin());  // 1-based
  if (!doc.text_lines.empty()) {
    // A page's text is not its input: the line is known, the column is not.
    return {doc.location.file, doc.text_lines[std::min<size_t>(line, doc.text_lines.size()) - 1], 0};
  }
  uint32_t first = doc.text_first_line == 0 ? 1 : doc.text_first_line;
  return {doc.location.file, first + line - 1, offset - *(it - 1) + 1};
}

void DocumentExtractor::Emit(const Language& lang, uint32_t d, FrameDraft* draft_ptr,
                             const std::vector<Span>& quotes) {
  const PreparedText& p = s_->prepared;
  std::string speaker;
  Modality modality = ModalityOf(lang, draft_ptr, quotes, &speaker);
  const FrameDraft& draft = *draft_ptr;
  const size_t i = draft.sentence;
  Corpus& c = *corpus_;
  const Document& doc = c.documents[d];
  Frame f;
  f.template_name = c.strings.Intern(draft.pattern->tmpl->name);
  f.rule = c.strings.Intern(draft.pattern->id);
  f.document = d;
  f.span_begin = p.map.ToOriginal(draft.span.begin, false);
  f.span_end = p.map.ToOriginal(draft.span.end, true);
  f.sentence_begin = p.OriginalBegin(p.sentences[i]);
  f.sentence_end = p.OriginalEnd(p.sentences[i]);
  f.modality = modality;
  if (!speaker.empty()) f.speaker = c.strings.Intern(speaker);
  f.slots_begin = static_cast<uint32_t>(c.frame_slots.size());
  uint32_t frame_index = static_cast<uint32_t>(c.frames.size());
  std::string subject = SubjectOf(*draft.pattern->tmpl, c.str(doc.id),
                                  [&](const std::string& slot, std::string* unresolved) {
    const SlotFill* fill = draft.Find(slot);
    if (fill == nullptr) return std::string();
    if (fill->kind == SlotFill::Kind::kDate) *unresolved = fill->text;
    return fill->key;
  });
  StringId subject_id = c.strings.Intern(subject);
  InputLocation where = Locate(doc, f.span_begin);
  uint32_t claims = 0;
  for (const SlotFill& fill : draft.slots) {
    FrameSlot slot;
    slot.name = c.strings.Intern(fill.name);
    slot.text = c.strings.Intern(fill.text);
    slot.span_begin = p.map.ToOriginal(fill.span.begin, false);
    slot.span_end = p.map.ToOriginal(fill.span.end, true);
    if (!fill.key.empty()) slot.value = SlotValue(fill, &c.values);
    c.frame_slots.push_back(slot);
    if (slot.value == kNoValue || !MakesClaim(*draft.pattern->tmpl, fill.name, f.modality)) {
      continue;
    }
    Claim claim;
    claim.source = doc.source;
    claim.subject = subject_id;
    claim.predicate = slot.name;
    claim.raw_value = slot.text;
    // A denied statement's claims deny their values, so that they count
    // against them ("not wagner") rather than for them.
    claim.value = f.modality == Modality::kDenied ? c.values.AddDenial(slot.value) : slot.value;
    claim.document = d;
    claim.location = where;
    claim.span_begin = f.span_begin;
    claim.span_end = f.span_end;
    claim.as_of = doc.published_raw;
    claim.modality = f.modality;
    claim.frame = frame_index;
    c.claims.push_back(claim);
    ++claims;
  }
  f.slots_end = static_cast<uint32_t>(c.frame_slots.size());
  c.frames.push_back(f);
  if (doc.location.file < c.files.size()) c.files[doc.location.file].claims += claims;
  ++stats_->frames;
  stats_->claims += claims;
}

}  // namespace
}  // namespace extract_internal

void ExtractDocuments(const TextRules& text, const ExtractRules& extract,
                      const ExtractOptions& options, Corpus* corpus,
                      ExtractStats* stats) {
  ExtractStats local;
  if (stats == nullptr) stats = &local;
  std::vector<bool> done(corpus->documents.size(), false);
  for (const Frame& f : corpus->frames) {
    if (f.document < done.size()) done[f.document] = true;
  }
  extract_internal::Scratch scratch;
  extract_internal::DocumentExtractor extractor(text, extract, options, corpus, &scratch, stats);
  for (uint32_t d = 0; d < corpus->documents.size(); ++d) {
    if (!done[d]) extractor.Run(d);
  }
}

absl::Status ExtractClaims(const Rules& rules, const ExtractOptions& options,
                           Corpus* corpus, ExtractStats* stats) {
  ExtractDocuments(rules.text(), rules.extract(), options, corpus, stats);
  return absl::OkStatus();
}

std::string FrameSubject(const ExtractRules& rules, const Corpus& corpus,
                         const Frame& frame) {
  const extract_internal::TemplateDef* tmpl =
      rules.impl().Template(corpus.str(frame.template_name));
  if (tmpl == nullptr) return std::string(corpus.str(frame.template_name));
  absl::string_view document =
      frame.document < corpus.documents.size() ? corpus.str(corpus.documents[frame.document].id)
                                               : absl::string_view();
  return extract_internal::SubjectOf(
      *tmpl, document, [&](const std::string& slot, std::string* unresolved) {
        const FrameSlot* s = corpus.Slot(frame, slot);
        if (s == nullptr) return std::string();
        if (s->value != kNoValue) return std::string(corpus.values.Key(s->value));
        *unresolved = std::string(corpus.str(s->text));
        return std::string();
      });
}

}  // namespace crosscheck
