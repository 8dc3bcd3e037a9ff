// Copy evidence from raw strings (engine/solve/raw_copies.h), and what the
// default method does with it.
#include "solve/raw_copies.h"

#include <cmath>
#include <string>
#include <vector>

#include "crosscheck/solve.h"
#include "gtest/gtest.h"
#include "solve/problem.h"
#include "tests/solve/graph_maker.h"

namespace crosscheck {
namespace {

using internal::RawCopies;
using internal::RawCopyParams;
using internal::RawPairEvidence;
using testing::MakeGraph;
using testing::QuestionSpec;

// `n` questions on which all five sources state one value. The raw string of
// source s on question q is raw(q, s).
template <typename Raw>
ClaimGraph Agreeing(uint32_t n, Raw raw) {
  ClaimGraph g =
      MakeGraph(5, std::vector<QuestionSpec>(n, {{{0, 1, 2, 3, 4}}, {}, 0}));
  for (size_t k = 0; k < g.claims.size(); ++k) {
    const uint32_t q = static_cast<uint32_t>(k / 5);
    g.claim_raw.push_back(raw(q, g.claim_source[k]));
  }
  return g;
}

// Sources 0 and 1 write each value the same way; 2, 3 and 4 each their own.
StringId PairQuirk(uint32_t q, uint32_t s) {
  return s <= 1 ? 1000 + q : 2000 + 10 * q + s;
}

const RawPairEvidence& Pair(const RawCopies& raw, uint32_t a, uint32_t b) {
  static const RawPairEvidence kNone;
  const RawPairEvidence* e = raw.Find(a, b);
  EXPECT_NE(e, nullptr) << a << "," << b;
  return e ? *e : kNone;
}

TEST(RawCopies, SharedRareStringsAreStrongEvidence) {
  const ClaimGraph g = Agreeing(10, PairQuirk);
  const internal::Problem p = internal::BuildProblem(g);
  const RawCopies raw(p, RawCopyParams());
  ASSERT_EQ(raw.pairs().size(), 10u);  // every pair of five sources
  const RawPairEvidence& copy = Pair(raw, 1, 0);
  EXPECT_EQ(copy.compared, 10u);
  EXPECT_EQ(copy.identical, 10u);
  EXPECT_EQ(copy.rare, 10u);  // 0 of the 3 other sources write it
  EXPECT_EQ(copy.common_subjects, 10u);
  EXPECT_EQ(copy.union_subjects, 10u);
  // Prior 0.5 (same subjects); per question ln((0.8 + 0.2 pi) / pi) with
  // pi = (2 - 1.5) / 4.
  const double pi = 0.125;
  EXPECT_NEAR(copy.log_odds, 10 * std::log((0.8 + 0.2 * pi) / pi), 1e-4);
  // Independent writers: ten questions of nothing in common, (1 - c) each.
  const RawPairEvidence& apart = Pair(raw, 2, 3);
  EXPECT_EQ(apart.identical, 0u);
  EXPECT_NEAR(apart.log_odds, 10 * std::log(0.2), 1e-4);
  EXPECT_EQ(internal::RawEvidenceText(copy),
            "10 identical raw values of 10 compared, 10 of them rare; 10 of 10 "
            "subjects in common");
}

TEST(RawCopies, AStringEverySourceWritesIsWeakEvidence) {
  const ClaimGraph g =
      Agreeing(10, [](uint32_t q, uint32_t) -> StringId { return q; });
  const internal::Problem p = internal::BuildProblem(g);
  const RawCopies raw(p, RawCopyParams());
  const RawPairEvidence& e = Pair(raw, 0, 4);
  EXPECT_EQ(e.identical, 10u);
  EXPECT_EQ(e.rare, 0u);
  EXPECT_LT(e.log_odds, std::log(9.0));  // below P = 0.9
  EXPECT_GT(e.log_odds, 0.0);
}

TEST(RawCopies, DoesNotDependOnStringIds) {
  const ClaimGraph g = Agreeing(12, PairQuirk);
  ClaimGraph renumbered = Agreeing(
      12, [](uint32_t q, uint32_t s) { return 100000 - PairQuirk(q, s) * 7; });
  const internal::Problem p = internal::BuildProblem(g);
  const internal::Problem r = internal::BuildProblem(renumbered);
  const RawCopies a(p, RawCopyParams()), b(r, RawCopyParams());
  ASSERT_EQ(a.pairs().size(), b.pairs().size());
  for (size_t i = 0; i < a.pairs().size(); ++i) {
    EXPECT_EQ(a.pairs()[i].a, b.pairs()[i].a);
    EXPECT_EQ(a.pairs()[i].b, b.pairs()[i].b);
    EXPECT_EQ(a.pairs()[i].identical, b.pairs()[i].identical);
    EXPECT_EQ(a.pairs()[i].log_odds, b.pairs()[i].log_odds);  // bit-identical
  }
}

TEST(RawCopies, NoRawStringsNoEvidence) {
  const ClaimGraph g =
      MakeGraph(5, std::vector<QuestionSpec>(4, {{{0, 1, 2, 3, 4}}, {}, 0}));
  const internal::Problem p = internal::BuildProblem(g);
  EXPECT_TRUE(RawCopies(p, RawCopyParams()).pairs().empty());
}

TEST(RawCopies, CopiersThatWriteAlikeCountAsAboutOneVoice) {
  // Sources 0, 1 and 2 write every value alike; 3 and 4 each their own way.
  // On the last question the three state one value, the two another.
  std::vector<QuestionSpec> specs(20, QuestionSpec{{{0, 1, 2, 3, 4}}, {}, 0});
  specs.push_back({{{0, 1, 2}, {3, 4}}, {}, 0});
  ClaimGraph g = MakeGraph(5, specs);
  for (size_t k = 0; k < g.claims.size(); ++k) {
    const uint32_t q = static_cast<uint32_t>(k / 5);
    const uint32_t s = g.claim_source[k];
    g.claim_raw.push_back(s <= 2 ? 1000 + q : 2000 + 10 * q + s);
  }
  ValueStore values;
  SolveOptions options;
  absl::StatusOr<Solution> s = Solve(g, values, options);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->answer[20], g.questions[20].first_group + 1);
  ASSERT_EQ(s->dependencies.size(), 3u);  // 1-0, 2-0, 2-1
  for (const SourceDependence& d : s->dependencies) {
    EXPECT_LE(d.source, 2u);
    EXPECT_LE(d.on, 2u);
    EXPECT_GE(d.probability, 0.99);
    EXPECT_EQ(d.evidence.rfind("21 identical raw values of 21 compared, 21 "
                               "of them rare; 21 of 21 subjects in common; ",
                               0),
              0u)
        << d.evidence;
  }
  options.method = Method::kAccu;
  absl::StatusOr<Solution> accu = Solve(g, values, options);
  ASSERT_TRUE(accu.ok());
  EXPECT_EQ(accu->answer[20], g.questions[20].first_group);
}

}  // namespace
}  // namespace crosscheck
