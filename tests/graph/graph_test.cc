#include "crosscheck/graph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/range/iterator_range.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

struct NumberSpec {
  const char* key;
  double lo;
  double hi;
  const char* unit;
};

ValueId AddNumber(ValueStore* store, const NumberSpec& n) {
  Value v;
  v.kind = ValueKind::kNumber;
  v.lo = n.lo;
  v.hi = n.hi;
  v.hedge = n.hi > n.lo ? Hedge::kAtLeast : Hedge::kExact;
  v.key = store->InternKey(n.key);
  v.unit = static_cast<uint16_t>(store->InternUnit(n.unit));
  return store->Add(v);
}

struct ClaimSpec {
  const char* source;
  const char* subject;
  const char* predicate;
  NumberSpec value;
};

// Claims in the order given; one input file, line i + 2 for claim i.
Corpus MakeCorpus(const std::vector<ClaimSpec>& specs) {
  Corpus c;
  c.files.push_back(InputFile{"claims.tsv", InputKind::kClaimsTsv});
  for (size_t i = 0; i < specs.size(); ++i) {
    const ClaimSpec& s = specs[i];
    Claim claim;
    claim.source = c.strings.Intern(s.source);
    claim.subject = c.strings.Intern(s.subject);
    claim.predicate = c.strings.Intern(s.predicate);
    claim.raw_value = c.strings.Intern(s.value.key);
    claim.value = AddNumber(&c.values, s.value);
    claim.location = {0, static_cast<uint32_t>(i + 2), 1};
    c.claims.push_back(claim);
  }
  return c;
}

// Strings interned in reverse text order, so StringId order is not text order.
// ">=4" is given a finite upper bound so the test does not depend on how
// Compare treats infinities.
const std::vector<ClaimSpec> kClaims = {
    {"s_c", "f2", "gate", {"5", 5, 5, ""}},
    {"s_c", "f1", "dep", {"4", 4, 4, ""}},
    {"s_a", "f1", "dep", {">=4", 4, 100, ""}},
    {"s_b", "f1", "dep", {"4", 4, 4, ""}},
    {"s_b", "f1", "dep", {"7", 7, 7, ""}},
    {"s_a", "f1", "arr", {"3", 3, 3, ""}},
};

// The graph in words, by text only: what must not depend on input order.
std::vector<std::string> Describe(const Corpus& c, const ClaimGraph& g) {
  std::vector<std::string> out;
  for (const ClaimGraph::Question& q : g.questions) {
    std::string line =
        absl::StrCat(c.str(q.subject), "/", c.str(q.predicate), ":");
    for (uint32_t i = 0; i < q.num_groups; ++i) {
      const ClaimGraph::Group& group = g.groups[q.first_group + i];
      absl::StrAppend(&line, " [", c.values.Key(group.value));
      for (uint32_t k = 0; k < group.num_claims; ++k) {
        const uint32_t claim = g.claims[group.first_claim + k];
        absl::StrAppend(
            &line, " ", c.str(c.claims[claim].source), "=",
            c.str(g.sources[g.claim_source[group.first_claim + k]]));
      }
      absl::StrAppend(&line, "]");
      for (uint32_t j = 0; j < q.num_groups; ++j) {
        absl::StrAppend(&line, " ", RelationName(g.relation(q, i, j)));
      }
    }
    out.push_back(line);
  }
  return out;
}

TEST(EdgeKindName, NamesEveryKind) {
  EXPECT_EQ(EdgeKindName(EdgeKind::kAgrees), "agrees");
  EXPECT_EQ(EdgeKindName(EdgeKind::kCompatible), "compatible");
  EXPECT_EQ(EdgeKindName(EdgeKind::kContradicts), "contradicts");
}

TEST(BuildClaimGraph, SortsQuestionsGroupsAndClaimsByText) {
  Corpus c = MakeCorpus(kClaims);
  CanonicalizeOrder(&c);
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok()) << g.status();
  // "4" < "7" < ">=4" in byte order.
  EXPECT_THAT(Describe(c, *g),
              ::testing::ElementsAre(
                  "f1/arr: [3 s_a=s_a] equal",
                  "f1/dep: [4 s_b=s_b s_c=s_c] equal contradicts specializes"
                  " [7 s_b=s_b] contradicts equal specializes"
                  " [>=4 s_a=s_a] generalizes generalizes equal",
                  "f2/gate: [5 s_c=s_c] equal"));
  ASSERT_EQ(g->sources.size(), 3u);
  EXPECT_EQ(c.str(g->sources[0]), "s_a");
  EXPECT_EQ(c.str(g->sources[2]), "s_c");
  for (uint32_t q = 0; q < g->questions.size(); ++q) {
    const ClaimGraph::Question& question = g->questions[q];
    for (uint32_t i = 0; i < question.num_groups; ++i) {
      EXPECT_EQ(g->groups[question.first_group + i].question, q);
      EXPECT_EQ(g->groups[question.first_group + i].slot, i);
    }
  }
  EXPECT_EQ(g->questions[1].num_compared, 3u);
  EXPECT_EQ(g->relations.size(), 1u + 9u + 1u);
}

TEST(BuildClaimGraph, LinksMembersToTheirGroupHeadAndHeadsByRelation) {
  Corpus c = MakeCorpus(kClaims);
  CanonicalizeOrder(&c);
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(boost::num_vertices(g->graph), c.claims.size());
  std::vector<std::string> edges;
  for (auto e : boost::make_iterator_range(boost::edges(g->graph))) {
    const Claim& from = c.claims[boost::source(e, g->graph)];
    const Claim& to = c.claims[boost::target(e, g->graph)];
    const ClaimEdge& p = g->graph[e];
    edges.push_back(absl::StrCat(c.str(from.source), ":", c.str(from.raw_value),
                                 " ", EdgeKindName(p.kind), "/",
                                 RelationName(p.relation), " ",
                                 c.str(to.source), ":", c.str(to.raw_value)));
  }
  std::sort(edges.begin(), edges.end());
  EXPECT_THAT(edges,
              ::testing::ElementsAre("s_b:4 compatible/specializes s_a:>=4",
                                     "s_b:4 contradicts/contradicts s_b:7",
                                     "s_b:7 compatible/specializes s_a:>=4",
                                     "s_c:4 agrees/equal s_b:4"));
}

TEST(BuildClaimGraph, DoesNotDependOnInputOrder) {
  const Corpus reference_corpus = [] {
    Corpus c = MakeCorpus(kClaims);
    CanonicalizeOrder(&c);
    return c;
  }();
  const std::vector<std::string> reference =
      Describe(reference_corpus, *BuildClaimGraph(reference_corpus));
  std::vector<ClaimSpec> specs = kClaims;
  std::mt19937 rng(1);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(specs.begin(), specs.end(), rng);
    Corpus c = MakeCorpus(specs);
    CanonicalizeOrder(&c);
    absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(Describe(c, *g), reference);
  }
}

TEST(BuildClaimGraph, SortsCorporaThatAreNotInCanonicalOrder) {
  // Not canonicalized: questions and sources interleave in input order.
  Corpus canonical = MakeCorpus(kClaims);
  CanonicalizeOrder(&canonical);
  const std::vector<std::string> reference =
      Describe(canonical, *BuildClaimGraph(canonical));
  std::vector<ClaimSpec> specs = kClaims;
  std::mt19937 rng(7);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(specs.begin(), specs.end(), rng);
    const Corpus c = MakeCorpus(specs);
    absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(Describe(c, *g), reference);
    EXPECT_EQ(boost::num_edges(g->graph), 4u);
  }
}

TEST(BuildClaimGraph, SameValueWrittenDifferentlyAgreesAcrossGroups) {
  // 5 without a unit and 5 m are distinct values that Compare finds equal.
  Corpus c = MakeCorpus({{"a", "x", "len", {"5", 5, 5, ""}},
                         {"b", "x", "len", {"5 m", 5, 5, "m"}}});
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->groups.size(), 2u);
  EXPECT_EQ(g->relation(g->questions[0], 0, 1), Relation::kEqual);
  ASSERT_EQ(boost::num_edges(g->graph), 1u);
  auto e = *boost::edges(g->graph).first;
  EXPECT_EQ(g->graph[e].kind, EdgeKind::kAgrees);
}

TEST(BuildClaimGraph, ValuesThatPrintTheSameAreOneGroup) {
  // Same kind and key "5", but one is marked estimated: distinct ValueIds.
  Corpus c = MakeCorpus({{"a", "x", "len", {"5", 5, 5, ""}},
                         {"b", "x", "len", {"5", 5, 5, ""}}});
  Value estimated = c.values.Get(c.claims[1].value);
  estimated.hedge = Hedge::kEstimated;
  c.claims[1].value = c.values.Add(estimated);
  ASSERT_NE(c.claims[0].value, c.claims[1].value);
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->groups.size(), 1u);
  EXPECT_EQ(g->groups[0].num_claims, 2u);
  // The group's value is the least of the class, whatever the ids.
  EXPECT_EQ(g->groups[0].value, c.claims[0].value);
}

TEST(BuildClaimGraph, KeepsEachClaimsRawString) {
  Corpus c = MakeCorpus(kClaims);
  CanonicalizeOrder(&c);
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->claim_raw.size(), g->claims.size());
  for (size_t k = 0; k < g->claims.size(); ++k) {
    EXPECT_EQ(g->claim_raw[k], c.claims[g->claims[k]].raw_value);
  }
}

TEST(BuildClaimGraph, RejectsUntypedClaimsNamingTheirPlace) {
  Corpus c = MakeCorpus(kClaims);
  c.claims[3].value = kNoValue;
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(g.status().message()),
              ::testing::HasSubstr("claims.tsv:5:1"));
  c.claims[3].value = static_cast<ValueId>(c.values.size());
  EXPECT_EQ(BuildClaimGraph(c).status().code(),
            absl::StatusCode::kInvalidArgument);
  c = MakeCorpus(kClaims);
  c.claims[0].source = kNoString;
  EXPECT_EQ(BuildClaimGraph(c).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(BuildClaimGraph, EmptyCorpusGivesEmptyGraph) {
  Corpus c;
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(g->questions.empty());
  EXPECT_EQ(boost::num_vertices(g->graph), 0u);
}

TEST(BuildClaimGraph, ComparesOnlyTheBestSupportedGroupsOfHugeQuestions) {
  // 300 distinct values in one question; values 100..109 have three sources,
  // 200..219 two claims of one source, the rest one claim.
  std::vector<ClaimSpec> specs;
  std::vector<std::string> keys, sources;
  keys.reserve(300);
  sources.reserve(3);
  for (int i = 0; i < 300; ++i) keys.push_back(absl::StrCat(1000 + i));
  for (const char* s : {"a", "b", "c"}) sources.push_back(s);
  for (int i = 0; i < 300; ++i) {
    const NumberSpec v{keys[i].c_str(), 1000.0 + i, 1000.0 + i, ""};
    const int copies = (i >= 100 && i < 110)   ? 3
                       : (i >= 200 && i < 220) ? 2
                                               : 1;
    for (int k = 0; k < copies; ++k) {
      specs.push_back(
          {(i >= 200 && i < 220) ? "a" : sources[k].c_str(), "x", "note", v});
    }
  }
  Corpus c = MakeCorpus(specs);
  CanonicalizeOrder(&c);
  absl::StatusOr<ClaimGraph> g = BuildClaimGraph(c);
  ASSERT_TRUE(g.ok());
  const ClaimGraph::Question& q = g->questions[0];
  ASSERT_EQ(q.num_groups, 300u);
  ASSERT_EQ(q.num_compared, kMaxComparedGroups);
  EXPECT_EQ(g->relations.size(),
            size_t{kMaxComparedGroups} * kMaxComparedGroups);
  std::vector<uint32_t> compared;
  for (uint32_t i = 0; i < q.num_groups; ++i) {
    if (g->groups[i].slot != kNotCompared) compared.push_back(i);
  }
  ASSERT_EQ(compared.size(), kMaxComparedGroups);
  // Three sources first, then two claims, then the lowest keys.
  for (uint32_t i = 100; i < 110; ++i)
    EXPECT_NE(g->groups[i].slot, kNotCompared) << i;
  for (uint32_t i = 200; i < 220; ++i)
    EXPECT_NE(g->groups[i].slot, kNotCompared) << i;
  for (uint32_t i = 0; i < 98; ++i)
    EXPECT_NE(g->groups[i].slot, kNotCompared) << i;
  EXPECT_EQ(g->groups[98].slot, kNotCompared);
  EXPECT_EQ(g->groups[299].slot, kNotCompared);
  EXPECT_EQ(g->relation(q, 299, 298), Relation::kContradicts);
  EXPECT_EQ(g->relation(q, 299, 299), Relation::kEqual);
  EXPECT_EQ(g->relation(q, 0, 1), Relation::kContradicts);
  const size_t relation_edges =
      size_t{kMaxComparedGroups} * (kMaxComparedGroups - 1) / 2;
  EXPECT_EQ(boost::num_edges(g->graph),
            relation_edges + (c.claims.size() - 300));
}

}  // namespace
}  // namespace crosscheck
