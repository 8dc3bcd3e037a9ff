// Ingest throughput: generated tables, JSON Lines and articles of several
// sizes, and the public Flight dataset when it is present.
//
//   ingest_benchmark --benchmark_filter=Flight --benchmark_repetitions=9
//
// Inputs are written to a temporary directory before the timed loop; each
// iteration ingests them into a fresh Corpus. Bytes processed are input
// bytes, so the reported rate is MB/s of input.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "crosscheck/corpus.h"
#include "crosscheck/ingest.h"

namespace crosscheck {
namespace {
namespace fs = std::filesystem;

// A temporary directory that removes itself.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (fs::temp_directory_path() / "crosscheck-ingest-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

  std::string Write(const std::string& name, const std::string& contents) {
    const fs::path p = fs::path(path_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }

 private:
  std::string path_;
};

// Appends lines made by `line(i)` until `*out` holds about `bytes` bytes.
void FillTo(size_t bytes, const std::function<std::string(int)>& line,
            std::string* out) {
  for (int i = 0; out->size() < bytes; ++i) *out += line(i);
}

// Flight-like wide TSV: 38 sources, flights of 5 to 25 rows, six time and
// gate attributes, about 60% of the cells empty.
std::string WideTsv(size_t bytes) {
  std::mt19937 rng(1);
  std::string out =
      "source\tobject\tscheduled_departure\tactual_departure\tdeparture_gate\t"
      "scheduled_arrival\tactual_arrival\tarrival_gate\n";
  auto time = [&rng] {
    return absl::StrCat("12/01/2011 ", 1 + rng() % 12, ":", 10 + rng() % 50,
                        rng() % 2 ? " PM" : " AM");
  };
  auto cell = [&rng](const std::string& v) {
    return rng() % 10 < 4 ? v : std::string();
  };
  FillTo(
      bytes,
      [&](int i) {
        const int flight = i / 15;
        return absl::StrCat("site", rng() % 38, "\t2011-12-01/AA-", flight,
                            "-TPA-MIA\t", cell(time()), "\t", cell(time()),
                            "\t", cell(absl::StrCat("D", rng() % 40)), "\t",
                            cell(time()), "\t", cell(time()), "\t",
                            cell(absl::StrCat("F", rng() % 90)), "\n");
      },
      &out);
  return out;
}

// Population-like long CSV, every field quoted.
std::string LongCsv(size_t bytes) {
  std::mt19937 rng(2);
  std::string out =
      "\"object\",\"attribute\",\"value\",\"source\",\"timestamp\"\n";
  FillTo(
      bytes,
      [&](int i) {
        return absl::StrCat("\"city ", i / 3, "\",\"Population", 2000 + i % 9,
                            "\",\"", 10000 + rng() % 900000, "\",\"",
                            rng() % 4000, ": editor\",\"", 1100000000 + i,
                            "\"\n");
      },
      &out);
  return out;
}

std::string JsonlClaims(size_t bytes) {
  std::mt19937 rng(3);
  std::string out;
  FillTo(
      bytes,
      [&](int i) {
        return absl::StrCat(
            "{\"source\":\"site", rng() % 50, "\",\"object\":\"isbn-", i / 20,
            "\",\"attribute\":\"authors\",\"value\":\"Knuth, "
            "Donald E.; Author ",
            rng() % 1000, "\",\"timestamp\":\"2011-12-0", 1 + i % 9, "\"}\n");
      },
      &out);
  return out;
}

// About 3 KB of French-like prose.
std::string ArticleText(int i) {
  std::string out = absl::StrCat(
      "Titre de l\xE2\x80\x99"
      "article num\xC3\xA9ro ",
      i, "\n\n");
  while (out.size() < 3000) {
    absl::StrAppend(&out,
                    "Le Mali a re\xC3\xA7u quatre h\xC3\xA9licopt\xC3\xA8res "
                    "de combat, selon le minist\xC3\xA8re de la D\xC3\xA9"
                    "fense. ");
    if (out.size() % 7 == 0) out += "\n";
  }
  return out + "\n";
}

std::string JsonlDocuments(size_t bytes) {
  std::string out;
  FillTo(
      bytes,
      [](int i) {
        std::string text = ArticleText(i);
        std::string escaped;
        for (char c : text) {
          if (c == '\n') {
            escaped += "\\n";
          } else {
            escaped += c;
          }
        }
        return absl::StrCat("{\"id\":\"doc", i, "\",\"source\":\"outlet", i % 7,
                            "\",\"published\":\"2022-08-10\",\"text\":\"",
                            escaped, "\"}\n");
      },
      &out);
  return out;
}

// Ingests `inputs` in every iteration and reports input bytes per second.
void RunIngest(benchmark::State& state, const std::vector<std::string>& inputs,
               uint64_t bytes, int threads) {
  IngestOptions options;
  options.threads = threads;
  for (auto _ : state) {
    Corpus corpus;
    const absl::Status status = Ingest(inputs, options, &corpus);
    if (!status.ok()) {
      state.SkipWithError(std::string(status.message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(corpus.claims.data());
    state.counters["claims"] = static_cast<double>(corpus.claims.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BenchmarkGenerated(benchmark::State& state,
                        std::string (*generate)(size_t), const char* name) {
  ScratchDir dir;
  if (!dir.ok()) {
    state.SkipWithError("cannot create a temporary directory");
    return;
  }
  const std::string data = generate(static_cast<size_t>(state.range(0)));
  RunIngest(state, {dir.Write(name, data)}, data.size(), 1);
}

void BM_IngestTsvWide(benchmark::State& state) {
  BenchmarkGenerated(state, WideTsv, "claims.tsv");
}
void BM_IngestCsvLongQuoted(benchmark::State& state) {
  BenchmarkGenerated(state, LongCsv, "claims.csv");
}
void BM_IngestJsonlClaims(benchmark::State& state) {
  BenchmarkGenerated(state, JsonlClaims, "claims.jsonl");
}
void BM_IngestJsonlDocuments(benchmark::State& state) {
  BenchmarkGenerated(state, JsonlDocuments, "docs.jsonl");
}

// A directory of state.range(0) articles of about 3 KB.
void BM_IngestArticles(benchmark::State& state) {
  ScratchDir dir;
  if (!dir.ok()) {
    state.SkipWithError("cannot create a temporary directory");
    return;
  }
  uint64_t bytes = 0;
  for (int i = 0; i < state.range(0); ++i) {
    const std::string text = ArticleText(i);
    bytes += text.size();
    dir.Write(absl::StrCat("a/", i, ".txt"), text);
  }
  RunIngest(state, {dir.path()}, bytes, 1);
}

// Eight generated 4 MB TSV files on state.range(0) threads.
void BM_IngestTsvFiles(benchmark::State& state) {
  ScratchDir dir;
  if (!dir.ok()) {
    state.SkipWithError("cannot create a temporary directory");
    return;
  }
  uint64_t bytes = 0;
  const std::string data = WideTsv(4 << 20);
  for (int i = 0; i < 8; ++i) {
    dir.Write(absl::StrCat("t/", i, ".tsv"), data);
    bytes += data.size();
  }
  RunIngest(state, {dir.path() + "/t"}, bytes,
            static_cast<int>(state.range(0)));
}

// One TSV file whose second line is 50 MB long (skipped as over-long) and
// a short row after it: the cost of finding and skipping the line, and,
// under /usr/bin/time -v, the memory it takes (the file is read once and the
// line never copied).
void BM_IngestOverLongLine(benchmark::State& state) {
  ScratchDir dir;
  if (!dir.ok()) {
    state.SkipWithError("cannot create a temporary directory");
    return;
  }
  const std::string data = "source\tobject\tv\n" +
                           std::string(size_t{50} << 20, 'x') + "\ns\to\t1\n";
  RunIngest(state, {dir.Write("long.tsv", data)}, data.size(), 1);
}

std::string DatasetsDir() {
  std::string dir = CROSSCHECK_DATASETS_DIR;
  if (const char* env = std::getenv("CROSSCHECK_DATASETS"); env && *env) {
    dir = env;
  }
  return dir;
}

// The 31 Flight files (80 MB, 776K rows) on state.range(0) threads.
void BM_IngestFlight(benchmark::State& state) {
  const fs::path flight = fs::path(DatasetsDir()) / "flight";
  std::error_code ec;
  if (!fs::is_directory(flight, ec)) {
    state.SkipWithError("datasets not present (set CROSSCHECK_DATASETS)");
    return;
  }
  uint64_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(flight, ec)) {
    if (entry.path().extension() == ".tsv") bytes += entry.file_size(ec);
  }
  RunIngest(state, {flight.string()}, bytes, static_cast<int>(state.range(0)));
}

BENCHMARK(BM_IngestTsvWide)
    ->Arg(1 << 20)
    ->Arg(8 << 20)
    ->Arg(32 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IngestCsvLongQuoted)
    ->Arg(1 << 20)
    ->Arg(8 << 20)
    ->Arg(32 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IngestJsonlClaims)
    ->Arg(1 << 20)
    ->Arg(8 << 20)
    ->Arg(32 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IngestJsonlDocuments)
    ->Arg(1 << 20)
    ->Arg(8 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IngestArticles)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IngestOverLongLine)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IngestTsvFiles)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_IngestFlight)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace crosscheck
