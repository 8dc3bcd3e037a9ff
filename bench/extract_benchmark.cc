// Extraction throughput on one core, over corpora of about 32 MB: the
// fixture articles (French and English news on the subject, boilerplate and
// comments included) repeated, the seed pages alone repeated, the fixture
// articles with nine general news articles for each, and the text stage
// alone. Rates are per CPU second.
//
//   build/bench/extract_benchmark --benchmark_repetitions=5
//
// Bytes are Document::text bytes; "claims" counts claims made per second.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "bench/bench_rules.h"
#include "crosscheck/corpus.h"
#include "crosscheck/extract.h"
#include "crosscheck/ingest.h"
#include "crosscheck/rules.h"
#include "crosscheck/text.h"

namespace crosscheck {
namespace {

constexpr size_t kTargetBytes = size_t{32} << 20;

struct Article {
  std::string id, lang, text;
  std::optional<absl::CivilDay> published;
};

// The articles of `corpora` (fixture directories), copied until the texts
// add up to kTargetBytes. Each copy has its own id and a publication date a
// day later than the last.
std::vector<Article>* Repeated(const std::vector<std::string>& corpora) {
  Corpus c;
  std::vector<std::string> paths;
  for (const std::string& name : corpora) {
    paths.push_back(std::string(CROSSCHECK_SOURCE_DIR) + "/fixtures/" + name + "/input");
  }
  absl::Status read = Ingest(paths, IngestOptions(), &c);
  if (!read.ok() || c.documents.empty()) {
    std::fprintf(stderr, "fixtures: %s\n", read.ToString().c_str());
    std::abort();
  }
  auto* out = new std::vector<Article>;
  size_t bytes = 0;
  for (int copy = 0; bytes < kTargetBytes; ++copy) {
    for (const Document& d : c.documents) {
      Article a{absl::StrCat(copy, "/", c.str(d.id)), std::string(c.str(d.lang)), d.text,
                d.published};
      if (a.published.has_value()) *a.published += copy;
      bytes += a.text.size();
      out->push_back(std::move(a));
    }
  }
  return out;
}

// The seed pages and the hand-written fixture articles: every sentence of
// the latter is news on the subject.
const std::vector<Article>& Articles() {
  static const std::vector<Article>* articles = Repeated({"seeds", "mali-fr", "mali-en"});
  return *articles;
}

// The five seed pages alone, as scraped: article, boilerplate and comments.
const std::vector<Article>& SeedPages() {
  static const std::vector<Article>* articles = Repeated({"seeds"});
  return *articles;
}

// General news that names none of the claims' subjects, in French and
// English, from a fixed seed: sport, economy, culture and weather.
std::string BackgroundArticle(std::mt19937* rng, bool french) {
  static const char* const kFr[][6] = {
      {"Le club de la capitale", "La municipalité", "Le conseil régional", "La fédération",
       "Une entreprise locale", "Le festival"},
      {"a annoncé", "a présenté", "prépare", "a inauguré", "a remporté", "a ouvert"},
      {"un nouveau programme culturel", "la saison des pluies", "un marché couvert",
       "le championnat national", "une exposition de photographies", "un centre de formation"},
      {"pour les jeunes du quartier", "avec le soutien des habitants", "devant un public nombreux",
       "malgré la chaleur", "après deux ans de travaux", "au grand plaisir des commerçants"},
      {"Les organisateurs espèrent attirer davantage de visiteurs l'an prochain.",
       "Le prix du riz reste stable sur les marchés de la ville.",
       "La rencontre s'est terminée sur un score nul.",
       "Les écoles rouvriront leurs portes à la rentrée.",
       "Les agriculteurs attendent avec impatience les premières pluies.",
       "Le concert a réuni plusieurs milliers de spectateurs."},
      {"", "", "", "", "", ""}};
  static const char* const kEn[][6] = {
      {"The city council", "A local company", "The national federation", "The festival",
       "The football club", "The university"},
      {"announced", "presented", "is preparing", "opened", "won", "launched"},
      {"a new cultural programme", "the rainy season forecast", "a covered market",
       "the national championship", "a photography exhibition", "a training centre"},
      {"for young people", "with the support of residents", "in front of a large crowd",
       "despite the heat", "after two years of work", "to the delight of traders"},
      {"Organisers hope to attract more visitors next year.",
       "The price of rice remains stable in the city's markets.",
       "The match ended in a draw.", "Schools will reopen after the holidays.",
       "Farmers are waiting for the first rains.",
       "The concert drew thousands of spectators."},
      {"", "", "", "", "", ""}};
  const auto& words = french ? kFr : kEn;
  std::uniform_int_distribution<int> pick(0, 5);
  std::string text;
  int paragraphs = 4 + pick(*rng);
  for (int p = 0; p < paragraphs; ++p) {
    for (int sentence = 0; sentence < 3; ++sentence) {
      absl::StrAppend(&text, words[0][pick(*rng)], " ", words[1][pick(*rng)], " ",
                      words[2][pick(*rng)], " ", words[3][pick(*rng)], ". ",
                      words[4][pick(*rng)], " ");
    }
    text += "\n\n";
  }
  return text;
}

// Nine background articles for each fixture article, up to kTargetBytes.
const std::vector<Article>& MixedArticles() {
  static const std::vector<Article>* articles = [] {
    auto* out = new std::vector<Article>;
    std::mt19937 rng(20220809);
    size_t bytes = 0;
    const std::vector<Article>& topical = Articles();
    for (size_t i = 0; bytes < kTargetBytes && i < topical.size(); ++i) {
      out->push_back(topical[i]);
      bytes += topical[i].text.size();
      for (int k = 0; k < 9; ++k) {
        bool french = topical[i].lang != "en";
        Article a{absl::StrCat("background/", i, "-", k), french ? "fr" : "en",
                  BackgroundArticle(&rng, french), topical[i].published};
        bytes += a.text.size();
        out->push_back(std::move(a));
      }
    }
    return out;
  }();
  return *articles;
}

void MakeCorpus(const std::vector<Article>& articles, Corpus* corpus) {
  for (const Article& a : articles) {
    Document d;
    d.id = d.source = corpus->strings.Intern(a.id);
    if (!a.lang.empty()) d.lang = corpus->strings.Intern(a.lang);
    d.published = a.published;
    d.text = a.text;
    corpus->documents.push_back(std::move(d));
  }
}

uint64_t TextBytes(const std::vector<Article>& articles) {
  uint64_t n = 0;
  for (const Article& a : articles) n += a.text.size();
  return n;
}

void RunExtraction(benchmark::State& state, const std::vector<Article>& articles) {
  const Rules& rules = BenchRules();
  size_t claims = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Corpus corpus;
    MakeCorpus(articles, &corpus);
    state.ResumeTiming();
    ExtractStats stats;
    absl::Status s = ExtractClaims(rules, ExtractOptions(), &corpus, &stats);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    claims += stats.claims;
    benchmark::DoNotOptimize(corpus.claims.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(articles)));
  state.counters["claims"] =
      benchmark::Counter(static_cast<double>(claims), benchmark::Counter::kIsRate);
  state.counters["documents"] = static_cast<double>(articles.size());
}

// Every document on the subject: the worst case, about 3 claim patterns run
// on 3 sentences of 4.
void BM_ExtractTopical(benchmark::State& state) { RunExtraction(state, Articles()); }
BENCHMARK(BM_ExtractTopical)->Unit(benchmark::kMillisecond);

// Real pages as scraped: about 2 claim patterns run per sentence.
void BM_ExtractSeedPages(benchmark::State& state) { RunExtraction(state, SeedPages()); }
BENCHMARK(BM_ExtractSeedPages)->Unit(benchmark::kMillisecond);

// One document in ten on the subject, the others general news.
void BM_ExtractMixed(benchmark::State& state) { RunExtraction(state, MixedArticles()); }
BENCHMARK(BM_ExtractMixed)->Unit(benchmark::kMillisecond);

void BM_PrepareText(benchmark::State& state) {
  const TextRules& rules = BenchRules().text();
  PreparedText prepared;
  size_t sentences = 0;
  for (auto _ : state) {
    for (const Article& a : Articles()) {
      PrepareText(rules, a.text, a.lang, &prepared);
      sentences += prepared.sentences.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(Articles())));
  state.counters["sentences"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PrepareText)->Unit(benchmark::kMillisecond);

void BM_LoadRules(benchmark::State& state) {
  std::string dir = std::string(CROSSCHECK_SOURCE_DIR) + "/rules";
  for (auto _ : state) {
    auto loaded = Rules::Load(dir);
    if (!loaded.ok()) state.SkipWithError(loaded.status().ToString().c_str());
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_LoadRules)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck
