// Writing the extraction for inspection (JSON Lines or JSON).
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "crosscheck/extract.h"
#include "ingest/utf8.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace crosscheck {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter* w, absl::string_view s) {
  w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Key(JsonWriter* w, const char* k) { w->Key(k); }

// What a slot shows: the canonical key for counts and dates, else its text.
std::string Display(const Corpus& c, const FrameSlot& s) {
  if (s.value != kNoValue) {
    ValueKind kind = c.values.Get(s.value).kind;
    if (kind == ValueKind::kNumber || kind == ValueKind::kDateTime) {
      return std::string(c.values.Key(s.value));
    }
  }
  return std::string(c.str(s.text));
}

void Range(JsonWriter* w, const char* name, uint32_t b, uint32_t e) {
  Key(w, name);
  w->StartArray();
  w->Uint(b);
  w->Uint(e);
  w->EndArray();
}

void WriteFrame(const Corpus& c, uint32_t index, const std::vector<const Claim*>& claims,
                JsonWriter* w) {
  const Frame& f = c.frames[index];
  const Document& doc = c.documents[f.document];
  absl::string_view text = doc.text;
  w->StartObject();
  Key(w, "document");
  String(w, c.str(doc.id));
  Key(w, "template");
  String(w, c.str(f.template_name));
  Key(w, "evidence");
  String(w, text.substr(f.span_begin, f.span_end - f.span_begin));
  Key(w, "slots");
  w->StartObject();
  for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
    const FrameSlot& s = c.frame_slots[k];
    Key(w, std::string(c.str(s.name)).c_str());
    String(w, Display(c, s));
  }
  w->EndObject();
  Key(w, "modality");
  String(w, ModalityName(f.modality));
  if (f.speaker != kNoString) {
    Key(w, "speaker");
    String(w, c.str(f.speaker));
  }
  Key(w, "rule");
  String(w, c.str(f.rule));
  Range(w, "span", f.span_begin, f.span_end);
  Range(w, "sentence", f.sentence_begin, f.sentence_end);
  Key(w, "slot_spans");
  w->StartObject();
  for (uint32_t k = f.slots_begin; k < f.slots_end; ++k) {
    const FrameSlot& s = c.frame_slots[k];
    Key(w, std::string(c.str(s.name)).c_str());
    w->StartObject();
    Key(w, "text");
    String(w, text.substr(s.span_begin, s.span_end - s.span_begin));
    Range(w, "span", s.span_begin, s.span_end);
    if (s.value == kNoValue) {
      Key(w, "unresolved");
      w->Bool(true);
    }
    w->EndObject();
  }
  w->EndObject();
  Key(w, "claims");
  w->StartArray();
  for (const Claim* claim : claims) {
    w->StartObject();
    Key(w, "subject");
    String(w, c.str(claim->subject));
    Key(w, "predicate");
    String(w, c.str(claim->predicate));
    Key(w, "value");
    String(w, c.values.Key(claim->value));
    Key(w, "raw");
    String(w, c.str(claim->raw_value));
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

void WriteDocument(const Corpus& c, uint32_t d, const std::vector<uint32_t>& frames,
                   const std::vector<std::vector<const Claim*>>& claims, JsonWriter* w) {
  const Document& doc = c.documents[d];
  w->StartObject();
  Key(w, "id");
  String(w, c.str(doc.id));
  Key(w, "source");
  String(w, c.str(doc.source));
  Key(w, "lang");
  String(w, c.str(doc.lang));
  Key(w, "published");
  if (doc.published) {
    String(w, absl::StrFormat("%04d-%02d-%02d", doc.published->year(),
                              doc.published->month(), doc.published->day()));
  } else {
    w->Null();
  }
  Key(w, "published_inferred");
  w->Bool(doc.published_inferred);
  Key(w, "text_bytes");
  w->Uint64(doc.text.size());
  Key(w, "cut_bytes");
  w->Uint64(CutBytes(doc));
  Key(w, "cuts");
  w->StartArray();
  for (const TextCut& k : doc.cuts) {
    w->StartObject();
    Range(w, "span", k.begin, k.end);
    Key(w, "rule");
    String(w, c.str(k.rule));
    Key(w, "text");
    String(w, internal::Utf8Excerpt(absl::string_view(doc.text).substr(k.begin, k.end - k.begin), 80));
    w->EndObject();
  }
  w->EndArray();
  Key(w, "frames");
  w->StartArray();
  for (uint32_t f : frames) WriteFrame(c, f, claims[f], w);
  w->EndArray();
  w->EndObject();
}

}  // namespace

bool ParseExtractionFormat(absl::string_view name, ExtractionFormat* format) {
  if (name == "jsonl") {
    *format = ExtractionFormat::kJsonLines;
  } else if (name == "json") {
    *format = ExtractionFormat::kJson;
  } else {
    return false;
  }
  return true;
}

std::string WriteExtraction(const Corpus& corpus, ExtractionFormat format) {
  std::vector<std::vector<const Claim*>> claims(corpus.frames.size());
  for (const Claim& c : corpus.claims) {
    if (c.frame != kNoFrame && c.frame < claims.size()) claims[c.frame].push_back(&c);
  }
  std::vector<std::vector<uint32_t>> by_document(corpus.documents.size());
  for (uint32_t f = 0; f < corpus.frames.size(); ++f) {
    if (corpus.frames[f].document < by_document.size()) {
      by_document[corpus.frames[f].document].push_back(f);
    }
  }
  std::string out;
  if (format == ExtractionFormat::kJsonLines) {
    for (const auto& frames : by_document) {
      for (uint32_t f : frames) {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        WriteFrame(corpus, f, claims[f], &w);
        out.append(buffer.GetString(), buffer.GetSize());
        out.push_back('\n');
      }
    }
    return out;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("documents");
  w.StartArray();
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    WriteDocument(corpus, d, by_document[d], claims, &w);
  }
  w.EndArray();
  w.EndObject();
  out.assign(buffer.GetString(), buffer.GetSize());
  out.push_back('\n');
  return out;
}

}  // namespace crosscheck
