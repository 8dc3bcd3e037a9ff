#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "crosscheck/corpus.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

struct Row {
  const char* file;
  uint32_t line;
  const char* source;
  const char* subject;
  const char* predicate;
  const char* value;
};

constexpr Row kRows[] = {
    {"b.tsv", 2, "s1", "flight-1", "gate", "D5"},
    {"b.tsv", 3, "s2", "flight-1", "gate", "D6"},
    {"a.tsv", 2, "s2", "flight-1", "departure", "13:55"},
    {"a.tsv", 3, "s1", "flight-2", "departure", "14:07"},
    {"a.tsv", 4, "s3", "flight-1", "gate", "Gate D5"},
};

// Builds a corpus holding kRows in the order given by `order`, one file per
// distinct path, interning strings in that order too.
Corpus Build(const std::vector<int>& order) {
  Corpus c;
  for (int i : order) {
    const Row& r = kRows[i];
    uint32_t file = 0;
    while (file < c.files.size() && c.files[file].path != r.file) ++file;
    if (file == c.files.size()) {
      c.files.push_back(InputFile{r.file, InputKind::kClaimsTsv});
    }
    Claim claim;
    claim.source = c.strings.Intern(r.source);
    claim.subject = c.strings.Intern(r.subject);
    claim.predicate = c.strings.Intern(r.predicate);
    claim.raw_value = c.strings.Intern(r.value);
    claim.location = {file, r.line, 1};
    c.claims.push_back(claim);
    c.issues.push_back({IssueKind::kSkippedValue, {file, r.line, 3}, r.value, ""});
  }
  return c;
}

std::vector<std::string> Describe(const Corpus& c) {
  std::vector<std::string> out;
  for (const Claim& claim : c.claims) {
    out.push_back(std::string(c.str(claim.subject)) + "|" +
                  std::string(c.str(claim.predicate)) + "|" +
                  std::string(c.str(claim.source)) + "|" +
                  std::string(c.str(claim.raw_value)) + "|" +
                  c.files[claim.location.file].path + ":" +
                  std::to_string(claim.location.line));
  }
  for (const InputIssue& issue : c.issues) {
    out.push_back(c.files[issue.location.file].path + ":" +
                  std::to_string(issue.location.line) + " " + issue.reason);
  }
  return out;
}

TEST(Corpus, SlotFindsAFramesSlotByName) {
  Corpus c;
  for (const char* name : {"supplier", "count", "supplier"}) {
    FrameSlot s;
    s.name = c.strings.Intern(name);
    s.text = c.strings.Intern(absl::StrCat(name, c.frame_slots.size()));
    c.frame_slots.push_back(s);
  }
  Frame f;
  f.slots_begin = 1;  // the frame holds "count" and the second "supplier"
  f.slots_end = 3;
  ASSERT_NE(c.Slot(f, "supplier"), nullptr);
  EXPECT_EQ(c.str(c.Slot(f, "supplier")->text), "supplier2");
  EXPECT_EQ(c.str(c.Slot(f, "count")->text), "count1");
  EXPECT_EQ(c.Slot(f, "date"), nullptr);
}

TEST(CanonicalizeOrder, ResultDoesNotDependOnInputOrder) {
  std::vector<int> order = {0, 1, 2, 3, 4};
  Corpus reference = Build(order);
  CanonicalizeOrder(&reference);
  std::vector<std::string> expected = Describe(reference);
  EXPECT_EQ(expected.front(), "flight-1|departure|s2|13:55|a.tsv:2");
  EXPECT_EQ(reference.files.front().path, "a.tsv");

  std::mt19937 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    std::shuffle(order.begin(), order.end(), rng);
    Corpus c = Build(order);
    CanonicalizeOrder(&c);
    EXPECT_EQ(Describe(c), expected) << "trial " << trial;
  }
}

TEST(MergeCorpus, ReinternsStringsAndShiftsIndices) {
  Corpus a = Build({0, 1});
  Corpus b = Build({2, 3, 4});
  Document doc;
  doc.id = b.strings.Intern("doc-1");
  b.documents.push_back(doc);
  b.claims[0].document = 0;
  a.documents.push_back(Document{});
  MergeCorpus(std::move(b), &a);
  ASSERT_EQ(a.claims.size(), 5u);
  EXPECT_EQ(a.files.size(), 2u);
  EXPECT_EQ(a.str(a.claims[2].raw_value), "13:55");
  EXPECT_EQ(a.files[a.claims[2].location.file].path, "a.tsv");
  EXPECT_EQ(a.claims[2].document, 1u);
  EXPECT_EQ(a.str(a.documents[1].id), "doc-1");
  EXPECT_EQ(a.claims[0].source, a.claims[3].source);  // "s1" once
}

}  // namespace
}  // namespace crosscheck
