// End-to-end tests of Ingest(): paths, directories, standard input, threads,
// determinism, document links, the seed fixtures and the public datasets.
#include "crosscheck/ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/support/test_support.h"

namespace crosscheck::testing {
namespace {

using V = std::vector<std::string>;

// A small mixed corpus: every input kind, with some bad records.
struct MixedCorpus {
  TempDir dir;
  V inputs;
  MixedCorpus() {
    inputs.push_back(dir.Write(
        "tables/flights.tsv",
        "source\tobject\tgate\tdep\naa\tF1\tD5\t1:55 PM\nua\tF1\t D5 \t\n"
        "ua\tF1\tD6\nxx\tF2\t\t\n"));
    inputs.push_back(dir.Write(
        "tables/pop.csv",
        "object,attribute,value,source,timestamp\n\"Paris\",pop,\"2,100,000\","
        "wiki,2020\nParis,pop,\"unterminated\n"));
    inputs.push_back(dir.Write(
        "docs.jsonl",
        "{\"id\":\"d1\",\"text\":\"Mali received four helicopters.\"}\n"
        "{\"source\":\"s\",\"object\":\"Mali\",\"attribute\":\"helicopters\","
        "\"value\":4,\"document\":\"d1\",\"quote\":\"four helicopters\"}\n"
        "{broken\n"));
    inputs.push_back(dir.Write("articles/one.txt", "Title one\nBody\n"));
    inputs.push_back(dir.Write("articles/two.txt",
                               "---\nsource: AFP\n---\nTitle two\nBody\n"));
    inputs.push_back(dir.Write("articles/empty.txt", ""));
  }
};

TEST(IngestTest, MixedInputs) {
  MixedCorpus mixed;
  Corpus corpus;
  ASSERT_TRUE(Ingest(mixed.inputs, IngestOptions(), &corpus).ok());
  ExpectCountersAddUp(corpus);
  ASSERT_EQ(corpus.files.size(), 6u);
  // flights.tsv: 4 rows, one wrong width, one with no values.
  EXPECT_EQ(corpus.files[0].records, 4u);
  EXPECT_EQ(corpus.files[0].records_kept, 2u);
  EXPECT_EQ(corpus.files[0].claims, 3u);
  // pop.csv: 2 rows, one with an open quote.
  EXPECT_EQ(corpus.files[1].records, 2u);
  EXPECT_EQ(corpus.files[1].records_skipped, 1u);
  // docs.jsonl: a document, a claim, a malformed line.
  EXPECT_EQ(corpus.files[2].kind, InputKind::kDocumentsJsonl);
  EXPECT_EQ(corpus.files[2].records, 3u);
  EXPECT_EQ(corpus.files[2].documents, 1u);
  EXPECT_EQ(corpus.files[2].claims, 1u);
  EXPECT_EQ(corpus.files[5].records, 0u);
  EXPECT_EQ(corpus.documents.size(), 3u);
  EXPECT_EQ(corpus.claims.size(), 5u);

  // The JSON claim is linked to its document and its quote.
  const Claim& linked = corpus.claims.back();
  ASSERT_EQ(linked.document, 0u);
  const std::string& text = corpus.documents[0].text;
  EXPECT_EQ(text.substr(linked.span_begin, linked.span_end - linked.span_begin),
            "four helicopters");
  EXPECT_EQ(corpus.str(linked.raw_value), "4");
}

TEST(IngestTest, SameResultForAnyThreadCount) {
  MixedCorpus mixed;
  std::string reference;
  for (int threads : {1, 2, 3, 8}) {
    IngestOptions options;
    options.threads = threads;
    Corpus corpus;
    ASSERT_TRUE(Ingest(mixed.inputs, options, &corpus).ok());
    const std::string description = DescribeCorpus(corpus);
    if (reference.empty()) {
      reference = description;
    } else {
      EXPECT_EQ(description, reference) << threads << " threads";
    }
  }
}

TEST(IngestTest, SameCanonicalCorpusForAnyInputOrder) {
  MixedCorpus mixed;
  V inputs = mixed.inputs;
  std::sort(inputs.begin(), inputs.end());
  std::string reference;
  int permutations = 0;
  do {
    if (++permutations % 37 != 1) continue;  // a spread of the 720 orders
    for (int threads : {1, 2}) {
      IngestOptions options;
      options.threads = threads;
      Corpus corpus;
      ASSERT_TRUE(Ingest(inputs, options, &corpus).ok());
      CanonicalizeOrder(&corpus);
      const std::string description = DescribeCorpus(corpus);
      if (reference.empty()) reference = description;
      EXPECT_EQ(description, reference);
    }
  } while (std::next_permutation(inputs.begin(), inputs.end()));
}

TEST(IngestTest, DirectoryEqualsItsFilesInByteOrder) {
  MixedCorpus mixed;
  Corpus from_dir, from_files;
  ASSERT_TRUE(Ingest({mixed.dir.path()}, IngestOptions(), &from_dir).ok());
  V sorted = mixed.inputs;
  std::sort(sorted.begin(), sorted.end());
  ASSERT_TRUE(Ingest(sorted, IngestOptions(), &from_files).ok());
  EXPECT_EQ(DescribeCorpus(from_dir), DescribeCorpus(from_files));
  EXPECT_EQ(from_dir.files.size(), 6u);
}

TEST(IngestTest, PagesAreArticlesAndOtherFilesAreListedAsSkipped) {
  TempDir dir;
  dir.Write("in/page.html",
            "<html lang=\"en\"><body><article><h1>Head</h1>\n<p>Body text.</p>"
            "</article></body></html>");
  dir.Write("in/notes.md", "Notes\nSome text.\n");
  dir.Write("in/scan.pdf", "%PDF-1.4 \xFF\xFE");
  dir.Write("in/.hidden", "x");
  Corpus c;
  ASSERT_TRUE(Ingest({dir.path() + "/in"}, IngestOptions(), &c).ok());
  ASSERT_EQ(c.files.size(), 4u);
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[0].title, "Notes");
  EXPECT_EQ(c.documents[1].title, "Head");
  EXPECT_EQ(c.documents[1].text, "Body text.");
  EXPECT_EQ(c.str(c.documents[1].lang), "en");
  uint64_t records = 0, kept = 0, skipped = 0;
  for (const InputFile& f : c.files) {
    records += f.records;
    kept += f.records_kept;
    skipped += f.records_skipped;
  }
  EXPECT_EQ(records, 4u);
  EXPECT_EQ(kept, 2u);
  EXPECT_EQ(skipped, 2u);
  ExpectIssues(IssueStrings(c), {"skipped_record@1:0: a file without a known extension",
                                 "skipped_record@1:0: a .pdf file"});
}

TEST(IngestTest, AppendsToACorpusThatHoldsData) {
  MixedCorpus mixed;
  Corpus corpus;
  ASSERT_TRUE(Ingest({mixed.inputs[0]}, IngestOptions(), &corpus).ok());
  ASSERT_TRUE(Ingest({mixed.inputs[3]}, IngestOptions(), &corpus).ok());
  Corpus both;
  ASSERT_TRUE(
      Ingest({mixed.inputs[0], mixed.inputs[3]}, IngestOptions(), &both).ok());
  EXPECT_EQ(DescribeCorpus(corpus), DescribeCorpus(both));
}

TEST(IngestTest, ErrorsNameThePathAndLeaveTheCorpusAlone) {
  MixedCorpus mixed;
  Corpus corpus;
  ASSERT_TRUE(Ingest({mixed.inputs[0]}, IngestOptions(), &corpus).ok());
  const std::string before = DescribeCorpus(corpus);

  const std::string missing = mixed.dir.path() + "/missing.csv";
  absl::Status s = Ingest({mixed.inputs[1], missing}, IngestOptions(), &corpus);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.message().find(missing), absl::string_view::npos);

  const std::string unsupported = mixed.dir.Write("data.xlsx", "x");
  s = Ingest({unsupported}, IngestOptions(), &corpus);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find(unsupported), absl::string_view::npos);

  IngestOptions bad_map;
  bad_map.column_map["sorce"] = "SourceID";
  s = Ingest({mixed.inputs[0]}, bad_map, &corpus);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("'sorce'"), absl::string_view::npos);

  EXPECT_EQ(DescribeCorpus(corpus), before);
}

TEST(IngestTest, UnreadableFileIsPermissionDenied) {
  MixedCorpus mixed;
  const std::string locked = mixed.dir.Write("locked.tsv", "source\tobject\n");
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  for (int threads : {1, 2}) {
    IngestOptions options;
    options.threads = threads;
    const absl::Status status = RunUnprivileged([&] {
      Corpus corpus;
      V inputs = mixed.inputs;
      inputs.insert(inputs.begin() + 2, locked);
      return Ingest(inputs, options, &corpus);
    });
    if (status.code() == absl::StatusCode::kFailedPrecondition) {
      GTEST_SKIP() << status;
    }
    EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
    EXPECT_NE(status.message().find(locked), absl::string_view::npos);
  }
}

struct StdinCase {
  const char* name;
  const char* data;
  InputKind kind;
  size_t claims, documents;
};

const StdinCase kStdinCases[] = {
    {"jsonl",
     "{\"source\":\"s\",\"object\":\"o\",\"attribute\":\"a\",\"value\":1}\n",
     InputKind::kClaimsJsonl, 1, 0},
    {"tsv", "source\tobject\tx\ns\to\t1\n", InputKind::kClaimsTsv, 1, 0},
    {"csv", "source,object,x,y\ns,o,1,2\n", InputKind::kClaimsCsv, 2, 0},
    {"article", "A title, with a comma\nBody\n", InputKind::kArticle, 0, 1},
};

TEST(IngestTest, StandardInputIsSniffed) {
  for (const StdinCase& c : kStdinCases) {
    SCOPED_TRACE(c.name);
    std::istringstream in(c.data);
    IngestOptions options;
    options.stdin_stream = &in;
    Corpus corpus;
    // "-" twice is read once.
    ASSERT_TRUE(Ingest({"-", "-"}, options, &corpus).ok());
    ASSERT_EQ(corpus.files.size(), 1u);
    EXPECT_EQ(corpus.files[0].path, "-");
    EXPECT_EQ(corpus.files[0].kind, c.kind);
    EXPECT_EQ(corpus.claims.size(), c.claims);
    EXPECT_EQ(corpus.documents.size(), c.documents);
    ExpectCountersAddUp(corpus);
  }
}

TEST(IngestTest, StandardInputArticleIsNamedDash) {
  std::istringstream in("Title\nBody");
  IngestOptions options;
  options.stdin_stream = &in;
  Corpus corpus;
  ASSERT_TRUE(Ingest({"-"}, options, &corpus).ok());
  ASSERT_EQ(corpus.documents.size(), 1u);
  EXPECT_EQ(corpus.str(corpus.documents[0].id), "-");
  EXPECT_EQ(corpus.str(corpus.documents[0].source), "-");
}

TEST(IngestTest, UnknownDocumentAndMissingQuoteAreListed) {
  TempDir dir;
  const std::string docs =
      dir.Write("docs.jsonl", "{\"id\":\"d1\",\"text\":\"Four jets.\"}\n");
  const std::string claims =
      dir.Write("claims.csv",
                "source,object,attribute,value,document,quote\n"
                "s,Mali,jets,4,d1,Four jets\n"
                "s,Mali,jets,5,d1,five jets\n"
                "s,Mali,jets,6,d9,\n");
  Corpus corpus;
  ASSERT_TRUE(Ingest({docs, claims}, IngestOptions(), &corpus).ok());
  ASSERT_EQ(corpus.claims.size(), 3u);
  EXPECT_EQ(corpus.claims[0].document, 0u);
  EXPECT_EQ(corpus.claims[0].span_begin, 0u);
  EXPECT_EQ(corpus.claims[0].span_end, 9u);
  EXPECT_EQ(corpus.claims[1].document, 0u);
  EXPECT_EQ(corpus.claims[1].span_end, 0u);
  EXPECT_EQ(corpus.claims[2].document, kNoDocument);
  ExpectIssues(IssueStrings(corpus),
               {"skipped_value@3:15: quote not found in document 'd1'",
                "skipped_value@4:15: document 'd9' not found; the claim keeps "
                "no document link"});
  EXPECT_EQ(corpus.issues[0].location.file, 1u);
  ExpectCountersAddUp(corpus);
}

TEST(IngestTest, OverLongLinesAreSkipped) {
  TempDir dir;
  // 50 MB in one line: read once, skipped without a copy.
  const std::string huge(50 << 20, 'x');
  const std::string tsv =
      dir.Write("big.tsv", "source\tobject\tv\n" + huge + "\ns\to\t1\n");
  const std::string line(2 << 20, 'x');
  const std::string jsonl =
      dir.Write("big.jsonl", line +
                                 "\n{\"source\":\"s\",\"object\":\"o\","
                                 "\"attribute\":\"a\",\"value\":2}\n");
  const std::string txt = dir.Write("big.txt", "Title\n" + line + "\n");
  Corpus corpus;
  ASSERT_TRUE(Ingest({tsv, jsonl, txt}, IngestOptions(), &corpus).ok());
  ExpectCountersAddUp(corpus);
  EXPECT_EQ(ClaimStrings(corpus), (V{"s|o|v|1@3:5", "s|o|a|2@2:52"}));
  ExpectIssues(IssueStrings(corpus),
               {"skipped_record@2:0: line longer than 1048576 bytes",
                "skipped_record@1:0: line longer than 1048576 bytes",
                "skipped_record@2:0: line longer than 1048576 bytes"});
  for (const InputIssue& issue : corpus.issues) {
    EXPECT_EQ(issue.excerpt, std::string(80, 'x'));
  }
  EXPECT_TRUE(corpus.documents.empty());
}

// The titles, checked by reading the files: the first non-empty line of each.
constexpr const char* kSeedTitles[] = {
    "Sous Poutine, la Russie renforce ses liens avec le régime de Qaida, "
    "promettant des fournitures militaires",
    "Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater de "
    "l'actualité malienne",
    "Deux hauts responsables militaires maliens se sont rendus discrètement en "
    "Russie pour des raisons non communiquées officiellement, a-t-on appris de "
    "sources militaires mardi.",
    "Le Mali renforce son potentiel Militaire avec l\u2019aide de la Russie",
    "La russie debarque au sahel justement au MALI",
};

TEST(IngestTest, SeedArticles) {
  const std::string dir = SourceDir() + "/fixtures/seeds/input";
  Corpus corpus;
  ASSERT_TRUE(Ingest({dir}, IngestOptions(), &corpus).ok());
  ASSERT_EQ(corpus.documents.size(), 5u);
  EXPECT_TRUE(corpus.issues.empty());
  EXPECT_TRUE(corpus.claims.empty());
  for (size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    const Document& d = corpus.documents[i];
    EXPECT_EQ(d.title, kSeedTitles[i]);
    const std::string& path = corpus.files[i].path;
    EXPECT_EQ(corpus.str(d.id), path);
    EXPECT_EQ(corpus.str(d.source), path.substr(path.rfind('/') + 1));
    EXPECT_FALSE(d.published.has_value());
    EXPECT_EQ(d.published_raw, kNoString);
    EXPECT_EQ(d.text_first_line, 2u);
    // The text is everything after the title line, bytes unchanged.
    const std::string raw = ReadFileOrDie(path);
    EXPECT_EQ(d.text, raw.substr(raw.find('\n') + 1));
    EXPECT_EQ(corpus.files[i].records_kept, 1u);
  }
}

TEST(IngestDatasetsTest, FlightReadsEveryRow) {
  const std::string datasets = DatasetsDir();
  if (datasets.empty()) GTEST_SKIP() << "datasets not present";
  IngestOptions options;
  options.threads = 2;
  Corpus corpus;
  ASSERT_TRUE(Ingest({datasets + "/flight"}, options, &corpus).ok());
  ExpectCountersAddUp(corpus);
  ASSERT_EQ(corpus.files.size(), 31u);
  uint64_t records = 0, kept = 0;
  for (const InputFile& f : corpus.files) {
    EXPECT_EQ(f.kind, InputKind::kClaimsTsv);
    records += f.records;
    kept += f.records_kept;
  }
  // 776,067 rows, as the datasets README says; every row states something.
  EXPECT_EQ(records, 776067u);
  EXPECT_EQ(kept, 776067u);
  EXPECT_GT(corpus.claims.size(), 2800000u);
  // The only issues are the rows with bytes that are not UTF-8.
  for (const InputIssue& issue : corpus.issues) {
    EXPECT_EQ(issue.kind, IssueKind::kRepaired) << issue.reason;
  }
  EXPECT_FALSE(corpus.issues.empty());
}

TEST(IngestDatasetsTest, BookAndPopulation) {
  const std::string datasets = DatasetsDir();
  if (datasets.empty()) GTEST_SKIP() << "datasets not present";
  Corpus corpus;
  ASSERT_TRUE(Ingest({datasets + "/book/claims.tsv",
                      datasets + "/population/claims.csv"},
                     IngestOptions(), &corpus)
                  .ok());
  ExpectCountersAddUp(corpus);
  EXPECT_EQ(corpus.files[0].records, 33971u);
  EXPECT_EQ(corpus.files[1].records, 49955u);
  EXPECT_EQ(corpus.files[1].records_kept, 49955u);
  // Population is long form with a timestamp column.
  const Claim& first = corpus.claims[corpus.files[0].claims];
  EXPECT_EQ(corpus.str(first.subject), "abu dhabi");
  EXPECT_EQ(corpus.str(first.predicate), "Population2006");
  EXPECT_EQ(corpus.str(first.raw_value), "1000230");
  EXPECT_EQ(corpus.str(first.source), "0 (68.162.248.83)");
  EXPECT_EQ(corpus.str(first.as_of), "null");
}

}  // namespace
}  // namespace crosscheck::testing
