// Typing throughput: parsing distinct cells per kind, and TypeClaims over a
// whole corpus (the Flight dataset when present, else generated cells).
//
//   build/bench/value_benchmark --benchmark_filter=TypeFlight
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "bench/bench_rules.h"
#include "crosscheck/corpus.h"
#include "crosscheck/rules.h"
#include "crosscheck/value.h"

namespace crosscheck {
namespace {

std::string FlightDir() {
  std::string dir = std::string(CROSSCHECK_DATASETS_DIR) + "/flight";
  if (const char* env = std::getenv("CROSSCHECK_DATASETS"); env && *env) {
    dir = std::string(env) + "/flight";
  }
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

// Wide TSV rows (source, object, attributes...) into claims, dropping null
// cells the way ingest does.
void AddWideTsv(const std::string& path, const std::string& text, Corpus* corpus) {
  const ValueRules& rules = BenchRules().values();
  uint32_t file = static_cast<uint32_t>(corpus->files.size());
  corpus->files.push_back(InputFile{path, InputKind::kClaimsTsv, text.size()});
  InputFile& f = corpus->files.back();
  std::vector<StringId> header;
  uint32_t line = 0;
  for (absl::string_view row : absl::StrSplit(text, '\n')) {
    ++line;
    if (row.empty()) continue;
    std::vector<absl::string_view> cells = absl::StrSplit(row, '\t');
    if (header.empty()) {
      for (absl::string_view c : cells) header.push_back(corpus->strings.Intern(c));
      continue;
    }
    if (cells.size() != header.size() || cells[0] == "source") continue;
    ++f.records;
    StringId source = corpus->strings.Intern(cells[0]);
    StringId subject = corpus->strings.Intern(cells[1]);
    uint32_t added = 0;
    for (size_t i = 2; i < cells.size(); ++i) {
      if (rules.IsNull(cells[i])) continue;
      Claim c;
      c.source = source;
      c.subject = subject;
      c.predicate = header[i];
      c.raw_value = corpus->strings.Intern(cells[i]);
      c.location = {file, line, static_cast<uint32_t>(i + 1)};
      corpus->claims.push_back(c);
      ++added;
    }
    f.claims += added;
    (added > 0 ? f.records_kept : f.records_skipped)++;
  }
}

// Generated cells in the Flight formats, for machines without the datasets.
std::string GeneratedFlightTsv(int rows) {
  std::string out = "source\tobject\tscheduled_departure\tactual_departure\tdeparture_gate\n";
  for (int i = 0; i < rows; ++i) {
    int h = 1 + i % 12, m = (i * 7) % 60, d = 1 + i % 28;
    absl::StrAppendFormat(&out, "s%d\t2011-12-%02d/F-%d\t12/%d/11 %d:%02d PM (-05:00)\t%d:%02d PM, Dec %02d\tD%d\n",
                          i % 38, d, i % 1200, d, h, m, h, (m + 9) % 60, d, i % 40);
  }
  return out;
}

struct Dataset {
  std::vector<std::pair<std::string, std::string>> files;
  size_t bytes = 0;
};

const Dataset& FlightData() {
  static const Dataset* data = [] {
    auto* d = new Dataset;
    std::string dir = FlightDir();
    if (dir.empty()) {
      d->files.emplace_back("generated.tsv", GeneratedFlightTsv(200000));
    } else {
      std::vector<std::string> paths;
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".tsv") paths.push_back(e.path().string());
      }
      std::sort(paths.begin(), paths.end());
      for (const std::string& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        d->files.emplace_back(p, s.str());
      }
    }
    for (const auto& f : d->files) d->bytes += f.second.size();
    return d;
  }();
  return *data;
}

Corpus BuildCorpus(size_t max_files) {
  Corpus corpus;
  const Dataset& data = FlightData();
  for (size_t i = 0; i < data.files.size() && i < max_files; ++i) {
    AddWideTsv(data.files[i].first, data.files[i].second, &corpus);
  }
  return corpus;
}

// TypeClaims over the first N Flight files (all 31 with N = 31).
void BM_TypeFlight(benchmark::State& state) {
  const ValueRules& rules = BenchRules().values();
  Corpus prototype = BuildCorpus(static_cast<size_t>(state.range(0)));
  size_t claims = prototype.claims.size();
  TypingOptions options;
  for (auto _ : state) {
    state.PauseTiming();
    Corpus corpus;
    corpus.strings = std::move(prototype.strings);
    corpus.files = prototype.files;
    corpus.claims = prototype.claims;
    state.ResumeTiming();
    absl::Status s = TypeClaims(rules, options, &corpus);
    benchmark::DoNotOptimize(s);
    state.PauseTiming();
    prototype.strings = std::move(corpus.strings);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * claims));
  state.counters["claims"] = static_cast<double>(claims);
}
BENCHMARK(BM_TypeFlight)->Arg(1)->Arg(31)->Unit(benchmark::kMillisecond)->UseRealTime();

// Parsing distinct cells of one kind (no memo): the cost of a first sight.
void ParseCells(benchmark::State& state, ValueKind kind, const std::vector<std::string>& cells) {
  const ValueRules& rules = BenchRules().values();
  size_t bytes = 0;
  for (const auto& c : cells) bytes += c.size();
  for (auto _ : state) {
    ValueStore store;
    for (const std::string& c : cells) {
      auto id = ParseValue(rules, kind, c, &store);
      benchmark::DoNotOptimize(id);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * cells.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

std::vector<std::string> FlightCells(int column, size_t limit) {
  std::vector<std::string> cells;
  for (const auto& [path, text] : FlightData().files) {
    for (absl::string_view row : absl::StrSplit(text, '\n')) {
      std::vector<absl::string_view> c = absl::StrSplit(row, '\t');
      if (static_cast<int>(c.size()) > column && !c[column].empty()) cells.emplace_back(c[column]);
      if (cells.size() >= limit) return cells;
    }
  }
  return cells;
}

void BM_ParseDateTime(benchmark::State& state) {
  static const auto* cells = new std::vector<std::string>(FlightCells(3, 100000));
  std::vector<std::string> some(cells->begin(),
                                cells->begin() + std::min<size_t>(cells->size(), state.range(0)));
  ParseCells(state, ValueKind::kDateTime, some);
}
BENCHMARK(BM_ParseDateTime)->Arg(1000)->Arg(100000);

void BM_ParseCode(benchmark::State& state) {
  static const auto* cells = new std::vector<std::string>(FlightCells(4, 100000));
  std::vector<std::string> some(cells->begin(),
                                cells->begin() + std::min<size_t>(cells->size(), state.range(0)));
  ParseCells(state, ValueKind::kCode, some);
}
BENCHMARK(BM_ParseCode)->Arg(1000)->Arg(100000);

void BM_ParseNumber(benchmark::State& state) {
  std::vector<std::string> cells;
  for (int i = 0; i < state.range(0); ++i) {
    cells.push_back(i % 3 == 0 ? absl::StrCat(i, ",", 100 + i % 900)
                    : i % 3 == 1 ? absl::StrCat("about ", i, " km")
                                 : absl::StrCat(i, ".5"));
  }
  ParseCells(state, ValueKind::kNumber, cells);
}
BENCHMARK(BM_ParseNumber)->Arg(1000)->Arg(100000);

void BM_IsNull(benchmark::State& state) {
  static const auto* cells = new std::vector<std::string>(FlightCells(3, 100000));
  const ValueRules& rules = BenchRules().values();
  for (auto _ : state) {
    for (const std::string& c : *cells) benchmark::DoNotOptimize(rules.IsNull(c));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * cells->size()));
}
BENCHMARK(BM_IsNull);

}  // namespace
}  // namespace crosscheck
