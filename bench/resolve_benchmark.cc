// Entity resolution over a generated corpus: role statements naming persons
// (one in ten misspelt, one in ten by surname alone) and their countries,
// two mentions per statement. Resolution must stay near-linear in the number
// of mentions: time per mention should not grow with the corpus.
#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "crosscheck/corpus.h"
#include "crosscheck/resolve.h"
#include "crosscheck/rules.h"

namespace crosscheck {
namespace {

const Rules& LoadRules() {
  static const Rules* rules = [] {
    auto loaded = Rules::Load(std::string(CROSSCHECK_SOURCE_DIR) + "/rules");
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", std::string(loaded.status().message()).c_str());
      std::abort();
    }
    return loaded->release();
  }();
  return *rules;
}

constexpr const char* kGiven[] = {"Sadio", "Moussa", "Abdoulaye", "Ibrahim", "Oumar", "Fatoumata",
                                  "Aminata", "Boubacar", "Modibo", "Mariam", "Seydou", "Adama"};
constexpr const char* kCountries[] = {"Mali", "Russie", "France", "Niger", "Burkina Faso", "Tchad"};
constexpr const char* kRoles[] = {"defence_minister", "foreign_minister", "ambassador", "president"};

// A surname from syllables: about 4,000 distinct ones.
std::string Surname(uint32_t i) {
  static constexpr const char* kSyllables[] = {"ka", "ma", "ra", "di", "ou", "ba", "to", "se",
                                               "ko", "ni", "sa", "ta", "lo", "ga", "fi", "dem"};
  return absl::StrCat(kSyllables[i % 16], kSyllables[(i / 16) % 16], kSyllables[(i / 256) % 16]);
}

std::string Misspell(std::string s, std::mt19937* rng) {
  size_t at = (*rng)() % s.size();
  s[at] = s[at] == 'k' ? 'c' : (s[at] == 'a' ? 'e' : 'k');
  return s;
}

ValueId TextValue(Corpus* c, const std::string& key) {
  Value v;
  v.kind = ValueKind::kText;
  v.key = c->values.InternKey(key);
  return c->values.Add(v);
}

void AddSlot(Corpus* c, const char* name, const std::string& text, const std::string& key) {
  FrameSlot s;
  s.name = c->strings.Intern(name);
  s.text = c->strings.Intern(text);
  s.value = TextValue(c, key);
  c->frame_slots.push_back(s);
}

// `mentions` / 2 role statements, 40 per document.
Corpus MakeCorpus(size_t mentions) {
  Corpus c;
  std::mt19937 rng(42);
  const size_t frames = mentions / 2;
  for (size_t f = 0; f < frames; ++f) {
    if (f % 40 == 0) {
      Document d;
      d.id = c.strings.Intern(absl::StrCat("doc", f / 40));
      d.source = c.strings.Intern(absl::StrCat("source", (f / 40) % 97));
      c.documents.push_back(std::move(d));
    }
    uint32_t person = rng() % 60000;
    std::string given = kGiven[person % 12];
    std::string surname = Surname(person / 12);
    surname[0] = static_cast<char>(surname[0] - 'a' + 'A');
    uint32_t dice = rng() % 10;
    if (dice == 0) surname = Misspell(surname, &rng);
    std::string name = dice == 1 ? surname : absl::StrCat(given, " ", surname);
    Frame frame;
    frame.template_name = c.strings.Intern("role");
    frame.document = static_cast<uint32_t>(c.documents.size() - 1);
    frame.slots_begin = static_cast<uint32_t>(c.frame_slots.size());
    std::string country = kCountries[person % 6];
    AddSlot(&c, "person", name, name);
    AddSlot(&c, "role", kRoles[person % 4], kRoles[person % 4]);
    AddSlot(&c, "organisation", country, country);
    frame.slots_end = static_cast<uint32_t>(c.frame_slots.size());
    c.frames.push_back(frame);
  }
  return c;
}

void BM_ResolveEntities(benchmark::State& state) {
  const Rules& rules = LoadRules();
  const size_t mentions = static_cast<size_t>(state.range(0));
  ResolveStats stats;
  for (auto _ : state) {
    state.PauseTiming();
    Corpus corpus = MakeCorpus(mentions);
    Resolution resolution;
    state.ResumeTiming();
    benchmark::DoNotOptimize(ResolveEntities(rules, &corpus, &resolution, &stats));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * stats.mentions));
  state.counters["mentions"] = static_cast<double>(stats.mentions);
  state.counters["entities"] = static_cast<double>(stats.entities);
  state.counters["pairs"] = static_cast<double>(stats.candidate_pairs);
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_ResolveEntities)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace crosscheck
