#include "crosscheck/resolve.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "crosscheck/extract.h"
#include "crosscheck/rules.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

const Rules& RepoRules() {
  static const Rules* rules = [] {
    auto loaded = Rules::Load(std::string(CROSSCHECK_SOURCE_DIR) + "/rules");
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *rules;
}

struct SlotSpec {
  const char* name;
  const char* text;
};

// Builds corpora of documents and frames by hand, as extraction would.
class CorpusBuilder {
 public:
  uint32_t Document(const std::string& id, const std::string& text = "") {
    crosscheck::Document d;
    d.id = c_.strings.Intern(id);
    d.source = c_.strings.Intern(id);
    d.text = text;
    c_.documents.push_back(std::move(d));
    return static_cast<uint32_t>(c_.documents.size() - 1);
  }

  // A frame of `tmpl` in `document`; a "date" slot is a year ("2020") or
  // month ("2022-08").
  void Frame(uint32_t document, const char* tmpl, std::vector<SlotSpec> slots) {
    crosscheck::Frame f;
    f.template_name = c_.strings.Intern(tmpl);
    f.document = document;
    f.slots_begin = static_cast<uint32_t>(c_.frame_slots.size());
    for (const SlotSpec& s : slots) {
      FrameSlot slot;
      slot.name = c_.strings.Intern(s.name);
      slot.text = c_.strings.Intern(s.text);
      slot.value = std::string(s.name) == "date" ? DateValue(s.text) : TextValue(s.text);
      c_.frame_slots.push_back(slot);
      Claim claim;
      claim.source = c_.documents[document].source;
      claim.subject = c_.strings.Intern(tmpl);
      claim.predicate = slot.name;
      claim.raw_value = slot.text;
      claim.value = slot.value;
      claim.document = document;
      claim.frame = static_cast<uint32_t>(c_.frames.size());
      c_.claims.push_back(claim);
    }
    f.slots_end = static_cast<uint32_t>(c_.frame_slots.size());
    c_.frames.push_back(f);
  }

  Corpus& corpus() { return c_; }

 private:
  ValueId TextValue(const std::string& text) {
    Value v;
    v.kind = ValueKind::kText;
    std::string key;
    for (char ch : text) key.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
    v.key = c_.values.InternKey(key);
    return c_.values.Add(v);
  }
  ValueId DateValue(const std::string& text) {
    Value v;
    v.kind = ValueKind::kDateTime;
    v.flags = Value::kHasDate;
    int year = std::stoi(text.substr(0, 4));
    int month = text.size() >= 7 ? std::stoi(text.substr(5, 2)) : 1;
    absl::CivilSecond lo(year, month, 1), hi = text.size() >= 7 ? absl::CivilSecond(absl::CivilMonth(year, month) + 1) : absl::CivilSecond(year + 1, 1, 1);
    v.granularity = text.size() >= 7 ? Granularity::kMonth : Granularity::kYear;
    v.lo = static_cast<double>(absl::ToUnixSeconds(absl::FromCivil(lo, absl::UTCTimeZone())));
    v.hi = static_cast<double>(absl::ToUnixSeconds(absl::FromCivil(hi, absl::UTCTimeZone())));
    v.key = c_.values.InternKey(text);
    return c_.values.Add(v);
  }

  Corpus c_;
};

const Entity* EntityWithForm(const Resolution& r, const std::string& text) {
  for (const Entity& e : r.entities) {
    for (const SurfaceForm& f : e.forms) {
      if (f.text == text) return &e;
    }
  }
  return nullptr;
}

const SurfaceForm* Form(const Entity& e, const std::string& text) {
  for (const SurfaceForm& f : e.forms) {
    if (f.text == text) return &f;
  }
  return nullptr;
}

Resolution Resolve(Corpus* corpus) {
  Resolution r;
  EXPECT_TRUE(ResolveEntities(RepoRules(), corpus, &r).ok());
  return r;
}

TEST(Resolve, MisspeltMinisterMergesThroughRoleAndTable) {
  CorpusBuilder b;
  uint32_t d1 = b.Document("a"), d2 = b.Document("b");
  b.Frame(d1, "role", {{"person", "Sadio Kamara"}, {"role", "defence_minister"}, {"organisation", "Mali"}});
  b.Frame(d2, "role", {{"person", "Sadio Camara"}, {"role", "defence_minister"}, {"organisation", "Mali"}});
  Resolution r = Resolve(&b.corpus());
  const Entity* e = EntityWithForm(r, "Sadio Kamara");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->canonical, "Sadio Camara");
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(Form(*e, "Sadio Kamara")->relation, SurfaceRelation::kMisspelling);
  EXPECT_EQ(Form(*e, "Sadio Camara")->relation, SurfaceRelation::kExact);
  // The claims now answer the same question with the same value.
  const Corpus& c = b.corpus();
  EXPECT_EQ(c.values.Key(c.claims[0].value), "sadio camara");
  EXPECT_EQ(c.str(c.claims[0].subject), FrameSubject(RepoRules().extract(), c, c.frames[1]));
  EXPECT_EQ(c.str(c.claims[0].raw_value), "Sadio Kamara");  // as written
}

// An organisation no words of the statement name (its span is the whole
// statement: extraction took the article's leading country) yields to the
// actor table's; one the statement names, or of a person the table does not
// know, is kept.
TEST(Resolve, DefaultedOrganisationYieldsToTheActorTable) {
  struct Case {
    const char* person;
    bool stated;
    const char* want;
  };
  const Case kCases[] = {
      {"Sadio Camara", false, "mali"},
      {"Sadio Camara", true, "russie"},
      {"Moussa Traore Dembele", false, "russie"},
  };
  for (const Case& k : kCases) {
    CorpusBuilder b;
    uint32_t d = b.Document("a");
    b.Frame(d, "role", {{"person", k.person}, {"role", "defence_minister"}, {"organisation", "Russie"},
                        {"date", "2022-08"}});
    Corpus& c = b.corpus();
    c.frames[0].span_begin = 0;
    c.frames[0].span_end = 60;
    for (uint32_t s = 0; s < 4; ++s) {
      c.frame_slots[s].span_begin = 10 * s;
      c.frame_slots[s].span_end = 10 * s + 8;
    }
    if (!k.stated) {  // the organisation slot: the whole statement
      c.frame_slots[2].span_begin = 0;
      c.frame_slots[2].span_end = 60;
    }
    Resolve(&c);
    EXPECT_EQ(c.values.Key(c.frame_slots[2].value), k.want) << k.person << " " << k.stated;
    EXPECT_EQ(c.values.Key(c.claims[2].value), k.want) << k.person << " " << k.stated;
  }
}

TEST(Resolve, QaidaIsGoitaOnlyWithTheCoup) {
  CorpusBuilder b;
  uint32_t d = b.Document("a", "Le régime de Qaida a pris le pouvoir. Des liens avec Al-Qaïda.");
  b.Frame(d, "takeover", {{"actor", "Qaida"}, {"manner", "coup"}, {"date", "2020"}});
  b.Frame(d, "delivery", {{"supplier", "Russie"}, {"recipient", "Mali"}, {"item_class", "jet"}});
  Resolution r = Resolve(&b.corpus());
  const Entity* goita = EntityWithForm(r, "Qaida");
  ASSERT_NE(goita, nullptr);
  EXPECT_EQ(goita->canonical, "Assimi Goïta");
  EXPECT_EQ(Form(*goita, "Qaida")->relation, SurfaceRelation::kMisspelling);
  EXPECT_TRUE(absl::StrContains(Form(*goita, "Qaida")->evidence, "takeover"));
  const Entity* qaida = EntityWithForm(r, "Al-Qaïda");
  ASSERT_NE(qaida, nullptr);
  EXPECT_EQ(qaida->canonical, "Al-Qaïda");
  EXPECT_EQ(qaida->type, EntityType::kOrganisation);
}

TEST(Resolve, QaidaWithoutContextStaysApart) {
  CorpusBuilder b;
  uint32_t d = b.Document("a");
  b.Frame(d, "deployment", {{"actor", "Qaida"}, {"place", "Niger"}});
  Resolution r = Resolve(&b.corpus());
  const Entity* e = EntityWithForm(r, "Qaida");
  EXPECT_TRUE(e == nullptr || e->canonical == "Qaida");
}

TEST(Resolve, UnknownNamesNeedContextForAMisspelling) {
  CorpusBuilder b;
  uint32_t d1 = b.Document("a"), d2 = b.Document("b"), d3 = b.Document("c"), d4 = b.Document("d");
  // Same role: one entity.
  b.Frame(d1, "role", {{"person", "Moussa Dembaro"}, {"role", "ambassador"}, {"organisation", "Niger"}});
  b.Frame(d2, "role", {{"person", "Moussa Dembarou"}, {"role", "ambassador"}, {"organisation", "Niger"}});
  // No context: kept apart.
  b.Frame(d3, "visit", {{"visitor", "Oumar Tiekoro"}, {"place", "Niger"}});
  b.Frame(d4, "visit", {{"visitor", "Oumar Tiekora"}, {"place", "Niger"}});
  Resolution r = Resolve(&b.corpus());
  const Entity* a = EntityWithForm(r, "Moussa Dembaro");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, EntityWithForm(r, "Moussa Dembarou"));
  const Entity* c = EntityWithForm(r, "Oumar Tiekoro");
  const Entity* e = EntityWithForm(r, "Oumar Tiekora");
  ASSERT_NE(c, nullptr);
  ASSERT_NE(e, nullptr);
  EXPECT_NE(c, e);
}

TEST(Resolve, SurnameAloneMergesOnlyWhenOneFullNameFits) {
  CorpusBuilder b;
  uint32_t d1 = b.Document("a"), d2 = b.Document("b");
  b.Frame(d1, "role", {{"person", "Moussa Keitaro"}, {"role", "ambassador"}, {"organisation", "Niger"}});
  b.Frame(d1, "visit", {{"visitor", "Keitaro"}, {"place", "Niger"}});
  b.Frame(d2, "role", {{"person", "Moussa Sidibara"}, {"role", "ambassador"}, {"organisation", "Tchad"}});
  b.Frame(d2, "role", {{"person", "Aminata Sidibara"}, {"role", "foreign_minister"}, {"organisation", "Tchad"}});
  b.Frame(d2, "visit", {{"visitor", "Sidibara"}, {"place", "Niger"}});
  Resolution r = Resolve(&b.corpus());
  EXPECT_EQ(EntityWithForm(r, "Keitaro"), EntityWithForm(r, "Moussa Keitaro"));
  EXPECT_NE(EntityWithForm(r, "Sidibara"), EntityWithForm(r, "Moussa Sidibara"));
  EXPECT_NE(EntityWithForm(r, "Sidibara"), EntityWithForm(r, "Aminata Sidibara"));
}

TEST(Resolve, TotalsAndOtherMonthsStayApart) {
  CorpusBuilder b;
  uint32_t d1 = b.Document("a"), d2 = b.Document("b"), d3 = b.Document("c");
  b.Frame(d1, "delivery", {{"supplier", "Russie"}, {"recipient", "Mali"}, {"item_class", "helicopter"}, {"count", "2"}, {"date", "2022-04"}});
  b.Frame(d2, "delivery", {{"supplier", "Russie"}, {"recipient", "Mali"}, {"item_class", "helicopter"}, {"count", "1"}, {"date", "2022-08"}});
  b.Frame(d3, "delivery", {{"supplier", "Russie"}, {"recipient", "Mali"}, {"item_class", "helicopter"}, {"count", "2"}, {"date", "2022-04"}});
  Resolution r = Resolve(&b.corpus());
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].frames, (std::vector<uint32_t>{0, 2}));
}

TEST(Resolve, IndependentOfDocumentOrder) {
  auto build = [](bool reversed) {
    CorpusBuilder b;
    std::vector<std::pair<std::string, std::string>> people = {{"a", "Sadio Kamara"}, {"b", "Sadio Camara"}};
    if (reversed) std::swap(people[0], people[1]);
    for (const auto& [id, name] : people) {
      uint32_t d = b.Document(id);
      b.Frame(d, "role", {{"person", name.c_str()}, {"role", "defence_minister"}, {"organisation", "Mali"}});
    }
    Resolution r = Resolve(&b.corpus());
    std::vector<std::string> out;
    for (const Entity& e : r.entities) {
      for (const SurfaceForm& f : e.forms) out.push_back(e.canonical + "=" + f.text);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(build(false), build(true));
}

}  // namespace
}  // namespace crosscheck
