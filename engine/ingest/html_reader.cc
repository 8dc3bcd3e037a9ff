#include "ingest/html_reader.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest/line_reader.h"
#include "ingest/reader_util.h"
#include "ingest/utf8.h"
#include "value/text_fold.h"

namespace crosscheck::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string CollapseSpaces(absl::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// How an element's start and end tags break the text: 0 none, 1 a line
// break, 2 a paragraph break.
int BreakOf(absl::string_view tag) {
  static constexpr const char* kParagraphs[] = {
      "p",       "div",    "h1",      "h2",         "h3",     "h4",      "h5",
      "h6",      "article", "section", "header",     "footer", "main",    "blockquote",
      "ul",      "ol",     "dl",      "table",      "figure", "figcaption", "pre",
      "hr",      "aside",  "address", "details",    "summary", "body"};
  static constexpr const char* kLines[] = {"br", "li", "tr", "dt", "dd", "td", "th"};
  for (const char* t : kParagraphs) {
    if (tag == t) return 2;
  }
  for (const char* t : kLines) {
    if (tag == t) return 1;
  }
  return 0;
}

// Elements whose content is never article text.
bool Hidden(absl::string_view tag) {
  static constexpr const char* kHidden[] = {
      "noscript", "template", "svg",    "math",   "iframe", "object", "video",
      "audio",    "canvas",   "select", "button", "form",   "nav",    "head"};
  for (const char* t : kHidden) {
    if (tag == t) return true;
  }
  return false;
}

struct Tag {
  std::string name;  // lower case
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case
  bool end = false;
  bool self_closing = false;

  absl::string_view Get(absl::string_view attribute) const {
    for (const auto& [n, v] : attributes) {
      if (n == attribute) return v;
    }
    return {};
  }
};

// Parses the tag starting at data[pos] == '<'; returns the position past
// its '>' (or the end of data).
size_t ParseTag(absl::string_view data, size_t pos, Tag* tag) {
  size_t i = pos + 1;
  tag->end = i < data.size() && data[i] == '/';
  if (tag->end) ++i;
  size_t name_begin = i;
  while (i < data.size() && !IsSpace(data[i]) && data[i] != '>' && data[i] != '/') ++i;
  tag->name = absl::AsciiStrToLower(data.substr(name_begin, i - name_begin));
  while (i < data.size() && data[i] != '>') {
    if (IsSpace(data[i]) || data[i] == '/') {
      tag->self_closing = data[i] == '/';
      ++i;
      continue;
    }
    size_t n = i;
    while (i < data.size() && !IsSpace(data[i]) && data[i] != '=' && data[i] != '>') ++i;
    std::string name = absl::AsciiStrToLower(data.substr(n, i - n));
    std::string value;
    if (i < data.size() && data[i] == '=') {
      ++i;
      if (i < data.size() && (data[i] == '"' || data[i] == '\'')) {
        char quote = data[i++];
        size_t close = data.find(quote, i);
        if (close == absl::string_view::npos) close = data.size();
        value = DecodeHtmlEntities(data.substr(i, close - i));
        i = std::min(close + 1, data.size());
      } else {
        size_t v = i;
        while (i < data.size() && !IsSpace(data[i]) && data[i] != '>') ++i;
        value = DecodeHtmlEntities(data.substr(v, i - v));
      }
    }
    tag->self_closing = false;
    if (!name.empty()) tag->attributes.emplace_back(std::move(name), std::move(value));
  }
  return std::min(i + 1, data.size());
}

// Text with the input line of each of its lines.
struct Output {
  std::string text;
  std::vector<uint32_t> lines{0};
  bool line_open = false;  // the current line has text

  void Append(absl::string_view words, uint32_t line) {
    if (words.empty()) return;
    if (!line_open) {
      lines.back() = line;
      line_open = true;
    } else if (!text.empty() && text.back() != ' ') {
      text.push_back(' ');
    }
    text.append(words.data(), words.size());
  }
  void Space() {
    if (line_open && !text.empty() && text.back() != ' ') text.push_back(' ');
  }
  void Break(int n, uint32_t line) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.empty()) return;
    int have = 0;
    for (size_t i = text.size(); i-- > 0 && text[i] == '\n';) ++have;
    for (; have < n; ++have) {
      text.push_back('\n');
      lines.push_back(line);
    }
    line_open = false;
  }
};

class HtmlReader {
 public:
  HtmlReader(absl::string_view data, FileBuilder* out) : data_(data), out_(out) {}

  void Read();

 private:
  uint32_t LineAt(size_t pos) {
    for (; line_pos_ < pos; ++line_pos_) {
      if (data_[line_pos_] == '\n') ++line_;
    }
    return line_;
  }
  void OnTag(const Tag& tag, size_t pos);
  void OnText(absl::string_view raw, size_t pos);
  void OnMeta(const Tag& tag);
  // Skips the content of a raw-text element (script, style, title) starting
  // at `pos`; returns the position past its end tag and the content.
  size_t SkipRawText(absl::string_view name, size_t pos, absl::string_view* content);
  void SetPublished(absl::string_view value);

  absl::string_view data_;
  FileBuilder* out_;
  size_t line_pos_ = 0;
  uint32_t line_ = 1;
  Output body_, article_;
  int hidden_ = 0, article_depth_ = 0, pre_ = 0;
  bool in_h1_ = false;
  std::string h1_, og_title_, title_, published_, lang_, site_, canonical_, og_url_;
};

void HtmlReader::SetPublished(absl::string_view value) {
  if (published_.empty() && !value.empty()) published_ = std::string(TrimAscii(value));
}

void HtmlReader::OnMeta(const Tag& tag) {
  std::string key = absl::AsciiStrToLower(!tag.Get("property").empty() ? tag.Get("property")
                                          : !tag.Get("name").empty()   ? tag.Get("name")
                                                                         : tag.Get("itemprop"));
  absl::string_view content = tag.Get("content");
  if (key == "og:title" && og_title_.empty()) og_title_ = CollapseSpaces(content);
  if (key == "og:site_name" && site_.empty()) site_ = CollapseSpaces(content);
  if (key == "og:url" && og_url_.empty()) og_url_ = std::string(TrimAscii(content));
  if (key == "article:published_time" || key == "datepublished" || key == "date" ||
      key == "pubdate" || key == "dc.date" || key == "publish-date") {
    SetPublished(content);
  }
}

size_t HtmlReader::SkipRawText(absl::string_view name, size_t pos, absl::string_view* content) {
  std::string close = absl::StrCat("</", name);
  size_t i = pos;
  while (true) {
    i = data_.find("</", i);
    if (i == absl::string_view::npos) {
      *content = data_.substr(pos);
      return data_.size();
    }
    if (absl::StartsWithIgnoreCase(data_.substr(i), close)) break;
    i += 2;
  }
  *content = data_.substr(pos, i - pos);
  size_t gt = data_.find('>', i);
  return gt == absl::string_view::npos ? data_.size() : gt + 1;
}

void HtmlReader::OnTag(const Tag& tag, size_t pos) {
  const std::string& name = tag.name;
  if (name == "html" && !tag.end) lang_ = std::string(tag.Get("lang"));
  if (name == "body" && !tag.end) hidden_ = 0;  // a <head> left open ends here
  if (name == "meta") OnMeta(tag);
  if (name == "link" && absl::EqualsIgnoreCase(tag.Get("rel"), "canonical")) {
    canonical_ = std::string(TrimAscii(tag.Get("href")));
  }
  if (name == "time" && !tag.end) SetPublished(tag.Get("datetime"));
  if (!tag.Get("itemprop").empty() && absl::EqualsIgnoreCase(tag.Get("itemprop"), "datePublished")) {
    SetPublished(!tag.Get("datetime").empty() ? tag.Get("datetime") : tag.Get("content"));
  }
  if (Hidden(name) && !tag.self_closing) {
    hidden_ = std::max(0, hidden_ + (tag.end ? -1 : 1));
    return;
  }
  if (hidden_ > 0) return;
  if (name == "article" && !tag.self_closing) {
    article_depth_ = std::max(0, article_depth_ + (tag.end ? -1 : 1));
  }
  if (name == "pre" && !tag.self_closing) pre_ = std::max(0, pre_ + (tag.end ? -1 : 1));
  if (name == "h1") in_h1_ = !tag.end && h1_.empty();
  int n = BreakOf(name);
  uint32_t line = LineAt(pos);
  if (n > 0) {
    body_.Break(n, line);
    if (article_depth_ > 0 || name == "article") article_.Break(n, line);
  } else if (name == "img" || name == "td" || name == "span") {
    body_.Space();
    if (article_depth_ > 0) article_.Space();
  }
}

void HtmlReader::OnText(absl::string_view raw, size_t pos) {
  if (hidden_ > 0) return;
  std::string text = DecodeHtmlEntities(raw);
  if (in_h1_) absl::StrAppend(&h1_, h1_.empty() ? "" : " ", CollapseSpaces(text));
  std::vector<std::pair<std::string, uint32_t>> pieces;  // words and their line
  if (pre_ > 0) {
    // Preformatted: lines kept, each piece on its input line.
    size_t line_begin = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] != '\n') continue;
      pieces.emplace_back(CollapseSpaces(absl::string_view(text).substr(line_begin, i - line_begin)),
                          LineAt(pos + line_begin));
      line_begin = i + 1;
    }
  } else {
    size_t first = 0;
    while (first < raw.size() && IsSpace(raw[first])) ++first;
    pieces.emplace_back(CollapseSpaces(text), LineAt(pos + first));
  }
  bool leading = !raw.empty() && IsSpace(raw.front());
  bool trailing = !raw.empty() && IsSpace(raw.back());
  for (Output* o : {&body_, &article_}) {
    if (o == &article_ && article_depth_ == 0) continue;
    if (leading) o->Space();
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (k > 0) o->Break(1, pieces[k].second);
      o->Append(pieces[k].first, pieces[k].second);
    }
    if (trailing) o->Space();
  }
}

std::string HostOf(absl::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos) return "";
  absl::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (absl::StartsWithIgnoreCase(rest, "www.")) rest.remove_prefix(4);
  return absl::AsciiStrToLower(rest);
}

void HtmlReader::Read() {
  for (size_t pos = 0; pos < data_.size();) {
    if (data_[pos] != '<') {
      size_t next = data_.find('<', pos);
      if (next == absl::string_view::npos) next = data_.size();
      OnText(data_.substr(pos, next - pos), pos);
      pos = next;
      continue;
    }
    absl::string_view rest = data_.substr(pos);
    if (absl::StartsWith(rest, "<!--")) {
      size_t end = data_.find("-->", pos + 4);
      pos = end == absl::string_view::npos ? data_.size() : end + 3;
      continue;
    }
    if (rest.size() < 2 || !(absl::ascii_isalpha(rest[1]) || rest[1] == '/' || rest[1] == '!' ||
                             rest[1] == '?')) {
      OnText("<", pos);  // a literal '<'
      ++pos;
      continue;
    }
    if (rest[1] == '!' || rest[1] == '?') {  // doctype, CDATA, processing instruction
      size_t end = data_.find('>', pos);
      pos = end == absl::string_view::npos ? data_.size() : end + 1;
      continue;
    }
    Tag tag;
    size_t after = ParseTag(data_, pos, &tag);
    if (!tag.end && (tag.name == "script" || tag.name == "style" || tag.name == "title" ||
                     tag.name == "textarea")) {
      absl::string_view content;
      after = tag.self_closing ? after : SkipRawText(tag.name, after, &content);
      if (tag.name == "title" && title_.empty()) title_ = CollapseSpaces(DecodeHtmlEntities(content));
      pos = after;
      continue;
    }
    OnTag(tag, pos);
    pos = after;
  }
  uint32_t end_line = LineAt(data_.size());
  body_.Break(1, end_line);
  article_.Break(1, end_line);
  Output& chosen = TrimAscii(article_.text).empty() ? body_ : article_;
  Document doc;
  doc.title = !h1_.empty() ? h1_ : !og_title_.empty() ? og_title_ : title_;
  // The headline is the title, as the first line of a .txt article is: the
  // first line of the text that is the title is no text.
  std::string& text = chosen.text;
  std::vector<uint32_t>& lines = chosen.lines;
  for (size_t begin = 0, k = 0; !doc.title.empty() && begin <= text.size(); ++k) {
    size_t eol = text.find('\n', begin);
    size_t end = eol == std::string::npos ? text.size() : eol;
    if (absl::string_view(text).substr(begin, end - begin) != doc.title) {
      if (eol == std::string::npos) break;
      begin = eol + 1;
      continue;
    }
    // The line goes with the blank lines after it (or, at the end, before it).
    size_t stop = end, lines_gone = 1;
    while (stop < text.size() && stop + 1 < text.size() && text[stop + 1] == '\n') {
      ++stop;
      ++lines_gone;
    }
    size_t from = begin;
    if (stop >= text.size() && from > 0) --from;  // the last line: its newline before
    text.erase(from, std::min(text.size(), stop + 1) - from);
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(k),
                lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), k + lines_gone)));
    break;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  lines.resize(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  if (TrimAscii(text).empty() && doc.title.empty()) {
    out_->SkipRecord(1, 0, "no text: the page has no visible text outside markup and scripts",
                     data_.substr(0, std::min<size_t>(data_.size(), 200)));
    return;
  }
  doc.text = std::move(text);
  doc.text_lines = std::move(lines);
  doc.text_first_line = doc.text_lines.empty() ? 1 : doc.text_lines.front();
  doc.id = out_->Intern(out_->path());
  std::string url = !canonical_.empty() ? canonical_ : og_url_;
  std::string source = !site_.empty() ? site_ : HostOf(url);
  doc.source = out_->Intern(source.empty() ? std::string(BaseName(out_->path())) : source);
  if (!url.empty()) doc.url = out_->Intern(url);
  std::string lang = absl::AsciiStrToLower(lang_.substr(0, lang_.find_first_of("-_")));
  if (!lang.empty()) doc.lang = out_->Intern(lang);
  if (!published_.empty()) {
    doc.published_raw = out_->Intern(published_);
    doc.published = ParseIsoDate(absl::string_view(published_).substr(0, 10));
    if (!doc.published) {
      out_->AddIssue(IssueKind::kSkippedValue, 1, 0,
                     absl::StrCat("published date ", Quote(published_),
                                  " is not an ISO date; the date is unknown"),
                     published_);
    }
  }
  doc.location = InputLocation{0, 1, 0};
  out_->AddDocument(std::move(doc));
  out_->KeepRecord();
}

// The page converted to UTF-8 from `charset`; false if ICU does not know it.
bool ConvertToUtf8(absl::string_view data, const std::string& charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  out->resize(data.size() * 3 + 16);
  int32_t n = ucnv_convert("UTF-8", charset.c_str(), out->data(),
                           static_cast<int32_t>(out->size()), data.data(),
                           static_cast<int32_t>(data.size()), &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(n));
  return true;
}

}  // namespace

std::string DeclaredCharset(absl::string_view data) {
  std::string head = absl::AsciiStrToLower(data.substr(0, 4096));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  size_t i = at + 8;
  while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
  size_t begin = i;
  while (i < head.size() && (absl::ascii_isalnum(head[i]) || head[i] == '-' || head[i] == '_')) ++i;
  return head.substr(begin, i - begin);
}

void ReadHtmlArticle(absl::string_view data, FileBuilder* out) {
  const absl::string_view body = StripBom(data);
  if (TrimAscii(body).empty()) {
    out->AddIssue(IssueKind::kSkippedRecord, 0, 0,
                  body.empty() ? "empty file" : "empty file: only blank lines", "");
    return;
  }
  std::string converted;
  absl::string_view page = body;
  const size_t bad = FindInvalidUtf8(body);
  if (bad != absl::string_view::npos) {
    std::string charset = DeclaredCharset(body);
    bool declared = !charset.empty() && charset != "utf-8" && charset != "utf8";
    if (declared && ConvertToUtf8(body, charset, &converted) &&
        FindInvalidUtf8(converted) == absl::string_view::npos) {
      page = converted;
    } else {
      converted = RepairUtf8(body);
      page = converted;
      uint32_t line, column;
      LineColumnAt(body, bad, 1, 1, &line, &column);
      out->AddIssue(IssueKind::kRepaired, line, column,
                    declared ? absl::StrCat("not valid ", charset, " nor UTF-8; invalid bytes "
                                            "replaced with U+FFFD")
                             : "invalid UTF-8 replaced with U+FFFD",
                    body.substr(bad - (column - 1), 200));
    }
  }
  HtmlReader(page, out).Read();
}

}  // namespace crosscheck::internal
