#include "tests/ingest/ingest_test_util.h"

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest/article_reader.h"
#include "ingest/input_files.h"
#include "ingest/jsonl_reader.h"
#include "ingest/table_reader.h"
#include "ingest/utf8.h"

namespace crosscheck::testing {

internal::ParsedFile ReadAs(InputKind kind, absl::string_view data,
                            const IngestOptions& options,
                            const std::string& path) {
  return internal::ParseData(kind, data, path, options);
}

void ExpectCounts(const InputFile& file, const Counts& expected) {
  EXPECT_EQ(file.records, expected.records);
  EXPECT_EQ(file.records_kept, expected.kept);
  EXPECT_EQ(file.records_skipped, expected.skipped);
}

std::vector<std::string> ClaimStrings(const Corpus& corpus) {
  std::vector<std::string> out;
  for (const Claim& c : corpus.claims) {
    std::string s =
        absl::StrCat(corpus.str(c.source), "|", corpus.str(c.subject), "|",
                     corpus.str(c.predicate), "|", corpus.str(c.raw_value), "@",
                     c.location.line, ":", c.location.column);
    if (c.as_of != kNoString)
      absl::StrAppend(&s, " as_of=", corpus.str(c.as_of));
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> IssueStrings(const Corpus& corpus) {
  std::vector<std::string> out;
  for (const InputIssue& i : corpus.issues) {
    out.push_back(absl::StrCat(IssueKindName(i.kind), "@", i.location.line, ":",
                               i.location.column, ": ", i.reason));
  }
  return out;
}

void ExpectIssues(const std::vector<std::string>& actual,
                  const std::vector<std::string>& expected) {
  EXPECT_EQ(actual.size(), expected.size())
      << "issues:\n  " << absl::StrJoin(actual, "\n  ");
  for (size_t i = 0; i < actual.size() && i < expected.size(); ++i) {
    const size_t colon = expected[i].find(": ");
    ASSERT_NE(colon, std::string::npos) << expected[i];
    const absl::string_view where =
        absl::string_view(expected[i]).substr(0, colon + 2);
    const absl::string_view reason =
        absl::string_view(expected[i]).substr(colon + 2);
    EXPECT_TRUE(absl::StartsWith(actual[i], where) &&
                absl::StrContains(
                    absl::string_view(actual[i]).substr(where.size()), reason))
        << "issue " << i << ": got '" << actual[i] << "', want '" << expected[i]
        << "'";
  }
}

void ExpectCountersAddUp(const Corpus& corpus) {
  for (uint32_t f = 0; f < corpus.files.size(); ++f) {
    const InputFile& file = corpus.files[f];
    SCOPED_TRACE(file.path);
    EXPECT_EQ(file.records, file.records_kept + file.records_skipped);
    uint32_t claims = 0, documents = 0, listed = 0;
    bool file_level = false;
    for (const Claim& c : corpus.claims) claims += c.location.file == f;
    for (const Document& d : corpus.documents)
      documents += d.location.file == f;
    for (const InputIssue& i : corpus.issues) {
      if (i.location.file != f) continue;
      EXPECT_LE(i.excerpt.size(), 80u);
      EXPECT_TRUE(internal::IsValidUtf8(i.excerpt)) << i.excerpt;
      EXPECT_TRUE(internal::IsValidUtf8(i.reason)) << i.reason;
      if (i.kind != IssueKind::kSkippedRecord) continue;
      if (i.location.line == 0) {
        file_level = true;
      } else {
        ++listed;
      }
    }
    EXPECT_EQ(file.claims, claims);
    EXPECT_EQ(file.documents, documents);
    if (file_level) {
      EXPECT_LE(listed, file.records_skipped);
    } else {
      EXPECT_EQ(listed, file.records_skipped);
    }
  }
}

absl::Status RunUnprivileged(const std::function<absl::Status()>& f) {
  if (::geteuid() != 0) return f();
  int fds[2];
  if (::pipe(fds) != 0) return absl::FailedPreconditionError("pipe");
  const pid_t pid = ::fork();
  if (pid < 0) return absl::FailedPreconditionError("fork");
  if (pid == 0) {
    ::close(fds[0]);
    constexpr gid_t kNobody = 65534;
    std::string out = "X";  // privileges kept: no result
    if (::setgid(kNobody) == 0 && ::setuid(kNobody) == 0) {
      const absl::Status s = f();
      out = absl::StrCat(static_cast<int>(s.code()), ":", s.message());
    }
    ssize_t written = ::write(fds[1], out.data(), out.size());
    ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
  }
  ::close(fds[1]);
  std::string result;
  char buffer[4096];
  ssize_t got;
  while ((got = ::read(fds[0], buffer, sizeof(buffer))) > 0) {
    result.append(buffer, static_cast<size_t>(got));
  }
  ::close(fds[0]);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  const size_t colon = result.find(':');
  if (colon == std::string::npos) {
    return absl::FailedPreconditionError("cannot drop privileges");
  }
  const int code = std::stoi(result.substr(0, colon));
  return absl::Status(static_cast<absl::StatusCode>(code),
                      result.substr(colon + 1));
}

std::string DescribeCorpus(const Corpus& corpus) {
  std::string out;
  for (const InputFile& f : corpus.files) {
    absl::StrAppend(&out, "file ", f.path, " ", InputKindName(f.kind),
                    " bytes=", f.bytes, " records=", f.records,
                    " kept=", f.records_kept, " skipped=", f.records_skipped,
                    " claims=", f.claims, " documents=", f.documents, "\n");
  }
  for (const Document& d : corpus.documents) {
    absl::StrAppend(
        &out, "document ", corpus.str(d.id), " source=", corpus.str(d.source),
        " title=", d.title, " text_bytes=", d.text.size(), " at ",
        corpus.files[d.location.file].path, ":", d.location.line, "\n");
  }
  for (const Claim& c : corpus.claims) {
    absl::StrAppend(&out, "claim ", corpus.str(c.source), "|",
                    corpus.str(c.subject), "|", corpus.str(c.predicate), "|",
                    corpus.str(c.raw_value), " as_of=", corpus.str(c.as_of),
                    " doc=", c.document, " at ",
                    corpus.files[c.location.file].path, ":", c.location.line,
                    ":", c.location.column, "\n");
  }
  for (const InputIssue& i : corpus.issues) {
    absl::StrAppend(&out, "issue ", IssueKindName(i.kind), " ",
                    corpus.files[i.location.file].path, ":", i.location.line,
                    ":", i.location.column, " ", i.reason, " [", i.excerpt,
                    "]\n");
  }
  return out;
}

}  // namespace crosscheck::testing
