#include "extract/group_matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <utility>

namespace crosscheck::extract_internal {

namespace {

using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;

enum Assertion : uint32_t {
  kBeginText,
  kEndText,
  kWordBoundary,
  kNotWordBoundary
};

struct Node {
  enum Kind {
    kEmpty,
    kLiteral,
    kClass,
    kAny,
    kConcat,
    kAlternate,
    kRepeat,
    kCapture,
    kAssert
  };
  Kind kind = kEmpty;
  uint32_t value =
      0;  // literal code point, class index, assertion, capture index
  bool fold = false;
  bool negated = false;
  int min = 0, max = 0;  // kRepeat; max -1 is unbounded
  bool greedy = true;
  std::vector<Node> children;
};

uint32_t Fold(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return static_cast<uint32_t>(
      u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

// The code point at text[*pos] (UTF-8), *pos moved past it.
uint32_t Decode(absl::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  uint32_t c = byte(*pos);
  int more = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  if (more > 0) c &= 0x3F >> more;
  ++*pos;
  for (; more > 0 && *pos < text.size(); --more, ++*pos)
    c = (c << 6) | (byte(*pos) & 0x3F);
  return c;
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z') || c == '_';
}

class Parser {
 public:
  Parser(absl::string_view pattern, std::vector<Ranges>* classes)
      : p_(pattern), classes_(classes) {}

  bool Parse(Node* out) {
    bool fold = false;
    if (!Alternation(&fold, out)) return false;
    return pos_ == p_.size();
  }
  int captures() const { return captures_; }

 private:
  bool More() const { return pos_ < p_.size(); }
  char Peek() const { return p_[pos_]; }
  bool Eat(absl::string_view s) {
    if (p_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }

  // Flags set by "(?i)" hold to the end of the enclosing group, across "|".
  bool Alternation(bool* fold, Node* out) {
    std::vector<Node> alternatives(1);
    if (!Concatenation(fold, &alternatives.back())) return false;
    while (More() && Peek() == '|') {
      ++pos_;
      alternatives.emplace_back();
      if (!Concatenation(fold, &alternatives.back())) return false;
    }
    if (alternatives.size() == 1) {
      *out = std::move(alternatives[0]);
    } else {
      out->kind = Node::kAlternate;
      out->children = std::move(alternatives);
    }
    return true;
  }

  bool Concatenation(bool* fold, Node* out) {
    out->kind = Node::kConcat;
    while (More() && Peek() != '|' && Peek() != ')') {
      if (Eat("(?")) {
        // Flags alone, "(?i)" or "(?-i)", apply to what follows.
        size_t save = pos_;
        bool on = true, value = *fold, seen = false;
        while (More() && (Peek() == 'i' || Peek() == '-')) {
          if (Peek() == '-') {
            on = false;
          } else {
            value = on;
            seen = true;
          }
          ++pos_;
        }
        if (seen && Eat(")")) {
          *fold = value;
          continue;
        }
        pos_ = save - 2;
      }
      Node atom;
      if (!Repeat(*fold, &atom)) return false;
      out->children.push_back(std::move(atom));
    }
    return true;
  }

  bool Repeat(bool fold, Node* out) {
    Node atom;
    if (!Atom(fold, &atom)) return false;
    while (More()) {
      int min = 0, max = -1;
      char c = Peek();
      if (c == '*') {
        ++pos_;
      } else if (c == '+') {
        min = 1;
        ++pos_;
      } else if (c == '?') {
        max = 1;
        ++pos_;
      } else if (c == '{') {
        size_t save = pos_++;
        if (!Number(&min)) {
          pos_ = save;  // a literal "{"
          break;
        }
        max = min;
        if (Eat(","))
          max = More() && Peek() == '}' ? -1 : (Number(&max) ? max : -2);
        if (max == -2 || !Eat("}") || (max >= 0 && max < min) || min > 1000 ||
            max > 1000) {
          return false;
        }
      } else {
        break;
      }
      Node r;
      r.kind = Node::kRepeat;
      r.min = min;
      r.max = max;
      r.greedy = !Eat("?");
      r.children.push_back(std::move(atom));
      atom = std::move(r);
    }
    *out = std::move(atom);
    return true;
  }

  bool Number(int* n) {
    size_t start = pos_;
    *n = 0;
    while (More() && Peek() >= '0' && Peek() <= '9' && *n < 100000)
      *n = *n * 10 + (p_[pos_++] - '0');
    return pos_ > start;
  }

  bool Atom(bool fold, Node* out) {
    char c = Peek();
    if (c == '(') {
      ++pos_;
      bool inner = fold;
      if (Eat("?P<")) {
        size_t close = p_.find('>', pos_);
        if (close == absl::string_view::npos) return false;
        pos_ = close + 1;
        out->kind = Node::kCapture;
        out->value = static_cast<uint32_t>(++captures_);
      } else if (Eat("?:")) {
        out->kind = Node::kConcat;
      } else if (Eat("?")) {
        // Scoped flags: "(?i:...)", "(?-i:...)".
        bool on = true;
        while (More() && (Peek() == 'i' || Peek() == '-')) {
          if (Peek() == '-')
            on = false;
          else
            inner = on;
          ++pos_;
        }
        if (!Eat(":")) return false;
        out->kind = Node::kConcat;
      } else {
        out->kind = Node::kCapture;
        out->value = static_cast<uint32_t>(++captures_);
      }
      Node body;
      if (!Alternation(&inner, &body) || !Eat(")")) return false;
      out->children.push_back(std::move(body));
      return true;
    }
    if (c == '[') return Class(fold, out);
    ++pos_;
    if (c == '.') {
      out->kind = Node::kAny;
      return true;
    }
    if (c == '^' || c == '$') {
      out->kind = Node::kAssert;
      out->value = c == '^' ? kBeginText : kEndText;
      return true;
    }
    if (c == ')' || c == '*' || c == '+' || c == '?') return false;
    if (c == '\\') {
      if (!More()) return false;
      char e = p_[pos_];
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        ++pos_;
        out->kind = Node::kAssert;
        out->value = e == 'b'   ? kWordBoundary
                     : e == 'B' ? kNotWordBoundary
                     : e == 'A' ? kBeginText
                                : kEndText;
        return true;
      }
      Ranges ranges;
      bool negated = false;
      uint32_t cp = 0;
      if (Perl(&ranges, &negated)) {
        out->kind = Node::kClass;
        out->negated = negated;
        out->value = static_cast<uint32_t>(classes_->size());
        classes_->push_back(std::move(ranges));
        return true;
      }
      if (!Escape(&cp)) return false;
      out->kind = Node::kLiteral;
      out->fold = fold;
      out->value = fold ? Fold(cp) : cp;
      return true;
    }
    --pos_;
    uint32_t cp = Decode(p_, &pos_);
    out->kind = Node::kLiteral;
    out->fold = fold;
    out->value = fold ? Fold(cp) : cp;
    return true;
  }

  // \d \D \s \S \w \W, pos_ at the letter.
  bool Perl(Ranges* ranges, bool* negated) {
    char e = p_[pos_];
    switch (e) {
      case 'd':
      case 'D':
        ranges->push_back({'0', '9'});
        break;
      case 's':
      case 'S':
        *ranges = {{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}};
        break;
      case 'w':
      case 'W':
        *ranges = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
        break;
      default:
        return false;
    }
    *negated = e >= 'A' && e <= 'Z';
    ++pos_;
    return true;
  }

  // A single-character escape, pos_ at the character after the backslash.
  bool Escape(uint32_t* cp) {
    char e = p_[pos_++];
    switch (e) {
      case 'n':
        *cp = '\n';
        return true;
      case 't':
        *cp = '\t';
        return true;
      case 'r':
        *cp = '\r';
        return true;
      case 'f':
        *cp = '\f';
        return true;
      case 'v':
        *cp = '\v';
        return true;
      case 'a':
        *cp = '\a';
        return true;
      case 'x': {
        uint32_t v = 0;
        auto hex = [&](char h, uint32_t* d) {
          if (h >= '0' && h <= '9')
            *d = h - '0';
          else if (h >= 'a' && h <= 'f')
            *d = h - 'a' + 10;
          else if (h >= 'A' && h <= 'F')
            *d = h - 'A' + 10;
          else
            return false;
          return true;
        };
        uint32_t d = 0;
        if (Eat("{")) {
          int digits = 0;
          while (More() && hex(Peek(), &d)) {
            v = v * 16 + d;
            ++pos_;
            if (++digits > 8) return false;
          }
          if (digits == 0 || !Eat("}")) return false;
        } else {
          for (int k = 0; k < 2; ++k) {
            if (!More() || !hex(p_[pos_], &d)) return false;
            v = v * 16 + d;
            ++pos_;
          }
        }
        *cp = v;
        return true;
      }
      default:
        // Punctuation stands for itself; a letter or digit is syntax this
        // matcher does not read (\p, \Q, back references).
        if (static_cast<unsigned char>(e) < 0x80 &&
            !IsWordByte(static_cast<unsigned char>(e))) {
          *cp = static_cast<unsigned char>(e);
          return true;
        }
        return false;
    }
  }

  bool Class(bool fold, Node* out) {
    ++pos_;  // [
    bool negated = Eat("^");
    Ranges ranges;
    bool first = true;
    while (More() && (Peek() != ']' || first)) {
      first = false;
      if (Eat("[:")) return false;  // POSIX classes: not read
      uint32_t lo = 0;
      if (Peek() == '\\') {
        ++pos_;
        if (!More()) return false;
        Ranges perl;
        bool perl_negated = false;
        if (Perl(&perl, &perl_negated)) {
          if (perl_negated) return false;  // [^\S] and the like: not read
          ranges.insert(ranges.end(), perl.begin(), perl.end());
          continue;
        }
        if (!Escape(&lo)) return false;
      } else {
        lo = Decode(p_, &pos_);
      }
      uint32_t hi = lo;
      if (pos_ + 1 < p_.size() && Peek() == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (Peek() == '\\') {
          ++pos_;
          if (!More() || !Escape(&hi)) return false;
        } else {
          hi = Decode(p_, &pos_);
        }
        if (hi < lo) return false;
      }
      ranges.push_back({lo, hi});
    }
    if (!Eat("]")) return false;
    std::sort(ranges.begin(), ranges.end());
    out->kind = Node::kClass;
    out->fold = fold;
    out->negated = negated;
    out->value = static_cast<uint32_t>(classes_->size());
    classes_->push_back(std::move(ranges));
    return true;
  }

  absl::string_view p_;
  size_t pos_ = 0;
  std::vector<Ranges>* classes_;
  int captures_ = 0;
};

using Inst = GroupMatcher::Inst;

class Emitter {
 public:
  Emitter(std::vector<Inst>* prog, std::vector<GroupMatcher::Chain>* chains)
      : prog_(prog), chains_(chains) {}

  void Emit(const Node& n) {
    switch (n.kind) {
      case Node::kEmpty:
        break;
      case Node::kLiteral:
        Add({Inst::kChar, n.fold, false, n.value, 0});
        break;
      case Node::kClass:
        Add({Inst::kClass, n.fold, n.negated, n.value, 0});
        break;
      case Node::kAny:
        Add({Inst::kAny, false, false, 0, 0});
        break;
      case Node::kAssert:
        Add({Inst::kAssert, false, false, n.value, 0});
        break;
      case Node::kConcat:
        for (const Node& c : n.children) Emit(c);
        break;
      case Node::kCapture:
        Add({Inst::kSave, false, false, 2 * n.value, 0});
        Emit(n.children[0]);
        Add({Inst::kSave, false, false, 2 * n.value + 1, 0});
        break;
      case Node::kAlternate: {
        std::vector<size_t> jumps;
        GroupMatcher::Chain chain;
        for (size_t k = 0; k < n.children.size(); ++k) {
          size_t split = 0;
          const bool last = k + 1 == n.children.size();
          if (!last) {
            split = Add({Inst::kSplit, false, false, 0, 0});
            (*prog_)[split].a = Here();
            chain.splits.push_back(static_cast<uint32_t>(split));
          } else {
            chain.last = Here();
          }
          Emit(n.children[k]);
          if (!last) {
            jumps.push_back(Add({Inst::kJmp, false, false, 0, 0}));
            (*prog_)[split].b = Here();
          }
        }
        for (size_t j : jumps) (*prog_)[j].a = Here();
        chains_->push_back(std::move(chain));
        break;
      }
      case Node::kRepeat: {
        const Node& body = n.children[0];
        for (int k = 0; k < n.min; ++k) Emit(body);
        if (n.max < 0) {
          // x*: L: split(body, out); body; jmp L.
          size_t loop = Add({Inst::kSplit, false, false, 0, 0});
          size_t body_at = Here();
          Emit(body);
          Add({Inst::kJmp, false, false, static_cast<uint32_t>(loop), 0});
          Branch(loop, body_at, Here(), n.greedy);
        } else {
          // x{0,k}: nested optionals, x(x(x)?)?.
          std::vector<size_t> splits;
          for (int k = n.min; k < n.max; ++k) {
            splits.push_back(Add({Inst::kSplit, false, false, 0, 0}));
            (*prog_)[splits.back()].a = Here();
            Emit(body);
          }
          for (size_t s : splits) Branch(s, (*prog_)[s].a, Here(), n.greedy);
        }
        break;
      }
    }
  }

 private:
  size_t Add(Inst i) {
    prog_->push_back(i);
    return prog_->size() - 1;
  }
  uint32_t Here() const { return static_cast<uint32_t>(prog_->size()); }
  void Branch(size_t split, size_t body, size_t out, bool greedy) {
    (*prog_)[split].a = static_cast<uint32_t>(greedy ? body : out);
    (*prog_)[split].b = static_cast<uint32_t>(greedy ? out : body);
  }

  std::vector<Inst>* prog_;
  std::vector<GroupMatcher::Chain>* chains_;
};

bool InRanges(const Ranges& r, uint32_t c) {
  auto it = std::upper_bound(r.begin(), r.end(), std::make_pair(c, UINT32_MAX));
  return it != r.begin() && std::prev(it)->second >= c;
}

// Whether class `r` holds c, or with `fold` any case of c.
bool InClass(const Ranges& r, uint32_t c, bool fold) {
  if (InRanges(r, c)) return true;
  if (!fold) return false;
  const UChar32 u = static_cast<UChar32>(c);
  for (UChar32 v : {u_foldCase(u, U_FOLD_CASE_DEFAULT), u_toupper(u),
                    u_tolower(u), u_totitle(u)}) {
    if (static_cast<uint32_t>(v) != c && InRanges(r, static_cast<uint32_t>(v)))
      return true;
  }
  return false;
}

bool Holds(uint32_t assertion, absl::string_view text, size_t pos) {
  switch (assertion) {
    case kBeginText:
      return pos == 0;
    case kEndText:
      return pos == text.size();
    default: {
      bool before =
          pos > 0 && IsWordByte(static_cast<unsigned char>(text[pos - 1]));
      bool after = pos < text.size() &&
                   IsWordByte(static_cast<unsigned char>(text[pos]));
      return (before != after) == (assertion == kWordBoundary);
    }
  }
}

}  // namespace

std::unique_ptr<GroupMatcher> GroupMatcher::For(const RE2& re) {
  std::unique_ptr<GroupMatcher> m = Compile(re.pattern());
  if (m != nullptr && m->captures() != re.NumberOfCapturingGroups()) m.reset();
  return m;
}

std::unique_ptr<GroupMatcher> GroupMatcher::Compile(absl::string_view pattern) {
  std::unique_ptr<GroupMatcher> m(new GroupMatcher());
  Parser parser(pattern, &m->classes_);
  Node root;
  if (!parser.Parse(&root)) return nullptr;
  m->captures_ = parser.captures();
  Emitter(&m->prog_, &m->chains_).Emit(root);
  m->prog_.push_back({Inst::kMatch, false, false, 0, 0});
  // Guards: the first character the preferred branch of a split reads,
  // past saves, assertions and jumps, which read nothing: when another
  // character stands at the position the branch fails whatever they do.
  for (Inst& i : m->prog_) {
    if (i.op != Inst::kSplit) continue;
    uint32_t pc = i.a;
    for (int steps = 0; steps < 8 && pc < m->prog_.size(); ++steps) {
      const Inst& t = m->prog_[pc];
      if (t.op == Inst::kSave || t.op == Inst::kAssert) {
        ++pc;
      } else if (t.op == Inst::kJmp) {
        pc = t.a;
      } else {
        if (t.op == Inst::kChar && t.a != 0) {
          i.guard = t.a;
          i.guard_fold = t.fold;
        }
        break;
      }
    }
  }
  // A case-insensitive class holds the cases of its characters: added here
  // once (for classes of reasonable size) rather than looked up per read.
  for (Inst& i : m->prog_) {
    if (i.op != Inst::kClass || !i.fold) continue;
    Ranges& r = m->classes_[i.a];
    uint64_t size = 0;
    for (const auto& [lo, hi] : r) size += hi - lo + 1;
    if (size > 4096) continue;
    // The same classes come back in every pattern a macro is expanded in.
    thread_local std::map<Ranges, Ranges> known;
    auto it = known.find(r);
    if (it != known.end()) {
      r = it->second;
      i.fold = false;
      continue;
    }
    const Ranges original = r;
    Ranges cases = r;
    for (const auto& [lo, hi] : r) {
      for (uint32_t c = lo; c <= hi; ++c) {
        const UChar32 u = static_cast<UChar32>(c);
        for (UChar32 v : {u_foldCase(u, U_FOLD_CASE_DEFAULT), u_toupper(u),
                          u_tolower(u), u_totitle(u)}) {
          if (static_cast<uint32_t>(v) != c)
            cases.push_back(
                {static_cast<uint32_t>(v), static_cast<uint32_t>(v)});
        }
      }
    }
    std::sort(cases.begin(), cases.end());
    Ranges merged;
    for (const auto& range : cases) {
      if (!merged.empty() && range.first <= merged.back().second + 1) {
        merged.back().second = std::max(merged.back().second, range.second);
      } else {
        merged.push_back(range);
      }
    }
    // Classes may be shared by no other instruction: each has its own.
    r = std::move(merged);
    known.emplace(original, r);
    i.fold = false;
  }
  for (size_t c = 0; c < m->chains_.size(); ++c) {
    Chain& chain = m->chains_[c];
    for (size_t k = 0; k < chain.splits.size(); ++k) {
      Inst& split = m->prog_[chain.splits[k]];
      split.chain = static_cast<uint32_t>(c + 1);
      split.alternative = static_cast<uint32_t>(k);
      if (split.guard == 0) {
        chain.open.push_back(static_cast<uint32_t>(k));
      } else {
        uint64_t key =
            (uint64_t{split.guard} << 1) | (split.guard_fold ? 1 : 0);
        chain.by_guard[key].push_back(static_cast<uint32_t>(k));
      }
    }
    chain.ascii_at.push_back(0);
    for (uint32_t ch = 0; ch < 0x80; ++ch) {
      const size_t from = chain.ascii.size();
      chain.ascii.insert(chain.ascii.end(), chain.open.begin(), chain.open.end());
      for (uint64_t key : {uint64_t{ch} << 1, (uint64_t{Fold(ch)} << 1) | 1}) {
        auto it = chain.by_guard.find(key);
        if (it != chain.by_guard.end()) {
          chain.ascii.insert(chain.ascii.end(), it->second.begin(), it->second.end());
        }
      }
      std::sort(chain.ascii.begin() + from, chain.ascii.end());
      chain.ascii_at.push_back(static_cast<uint32_t>(chain.ascii.size()));
    }
  }
  m->ascii_class_.resize(m->prog_.size());
  for (size_t pc = 0; pc < m->prog_.size(); ++pc) {
    const Inst& i = m->prog_[pc];
    if (i.op != Inst::kClass) continue;
    for (uint32_t c = 0; c < 0x80; ++c) {
      if (InClass(m->classes_[i.a], c, i.fold)) {
        m->ascii_class_[pc][c >> 6] |= uint64_t{1} << (c & 63);
      }
    }
  }
  return m;
}

uint32_t GroupMatcher::NextAlternative(const Chain& chain, uint32_t k,
                                       uint32_t c, uint32_t folded) const {
  auto after = [k](const std::vector<uint32_t>& list) {
    auto it = std::upper_bound(list.begin(), list.end(), k);
    return it == list.end() ? UINT32_MAX : *it;
  };
  if (c < 0x80) {
    const auto begin = chain.ascii.begin() + chain.ascii_at[c];
    const auto end = chain.ascii.begin() + chain.ascii_at[c + 1];
    auto it = std::upper_bound(begin, end, k);
    return it == end ? chain.last : chain.splits[*it];
  }
  uint32_t next = after(chain.open);
  for (uint64_t key : {(uint64_t{c} << 1), (uint64_t{folded} << 1) | 1}) {
    auto it = chain.by_guard.find(key);
    if (it != chain.by_guard.end()) next = std::min(next, after(it->second));
  }
  return next < chain.splits.size() ? chain.splits[next] : chain.last;
}

bool GroupMatcher::Match(absl::string_view text, size_t begin, size_t end,
                         re2::StringPiece* groups, int n) const {
  struct Job {
    uint32_t pc;
    int32_t slot;  // >= 0: restore caps[slot] to `pos`
    size_t pos;
  };
  // The bitmap of visited (instruction, position) pairs stays allocated and
  // zero between calls: the words a call sets are cleared when it returns.
  thread_local std::vector<uint64_t> visited;
  thread_local std::vector<uint32_t> dirty;
  thread_local std::vector<Job> stack;
  thread_local std::vector<size_t> caps;
  const size_t width = end - begin + 1;
  const size_t words = (prog_.size() * width + 63) / 64;
  if (visited.size() < words) visited.resize(words, 0);
  uint64_t* const bits = visited.data();
  caps.assign(2 * (captures_ + 1), SIZE_MAX);
  // Stacks grown by hand: push_back is not inlined in the loop.
  size_t top = 0, marked = 0;
  auto push = [&](Job job) {
    if (top == stack.size()) stack.resize(2 * top + 16);
    stack[top++] = job;
  };
  auto mark = [&](uint32_t word) {
    if (marked == dirty.size()) dirty.resize(2 * marked + 16);
    dirty[marked++] = word;
  };
  push({0, -1, begin});
  // The character at `at`, decoded once per position.
  size_t at = SIZE_MAX, after = 0;
  uint32_t c = 0, folded = 0;
  auto read = [&](size_t pos) {
    if (pos == at) return;
    at = pos;
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      after = pos + 1;
      c = byte;
      folded = byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte;
      return;
    }
    after = pos;
    c = Decode(text, &after);
    folded = Fold(c);
  };
  bool found = false;
  while (!found && top > 0) {
    const Job job = stack[--top];
    if (job.slot >= 0) {
      caps[job.slot] = job.pos;
      continue;
    }
    uint32_t pc = job.pc;
    size_t pos = job.pos;
    for (;;) {
      const size_t bit = pc * width + (pos - begin);
      uint64_t& word = bits[bit >> 6];
      const uint64_t mask = uint64_t{1} << (bit & 63);
      if (word & mask) break;
      if (word == 0) mark(static_cast<uint32_t>(bit >> 6));
      word |= mask;
      const Inst& inst = prog_[pc];
      bool go = false;
      switch (inst.op) {
        case Inst::kMatch:
          if (pos == end) {
            for (int k = 0; k < n; ++k) {
              size_t b = k == 0 ? begin : caps[2 * k];
              size_t e = k == 0 ? end : caps[2 * k + 1];
              groups[k] = k <= captures_ && b != SIZE_MAX && e != SIZE_MAX
                              ? re2::StringPiece(text.data() + b, e - b)
                              : re2::StringPiece();
            }
            found = true;
          }
          break;
        case Inst::kChar:
        case Inst::kClass:
        case Inst::kAny:
          if (pos < end) {
            read(pos);
            if (after > end) break;  // a character across the span's end
            if (inst.op == Inst::kAny) {
              go = c != '\n';
            } else if (inst.op == Inst::kChar) {
              go = (inst.fold ? folded : c) == inst.a;
            } else {
              const bool in = c < 0x80 ? (ascii_class_[pc][c >> 6] >> (c & 63)) & 1
                                       : InClass(classes_[inst.a], c, inst.fold);
              go = in != inst.negated;
            }
            if (go) {
              ++pc;
              pos = after;
            }
          }
          break;
        case Inst::kSplit:
          if (inst.guard != 0) {
            if (pos < end) read(pos);
            if (pos >= end || (inst.guard_fold ? folded : c) != inst.guard) {
              // The preferred branch cannot start here, nor can the
              // alternatives after it that need another character.
              pc = inst.chain == 0 || pos >= end
                       ? inst.b
                       : NextAlternative(chains_[inst.chain - 1],
                                         inst.alternative, c, folded);
              go = true;
              break;
            }
          }
          push({inst.b, -1, pos});
          pc = inst.a;
          go = true;
          break;
        case Inst::kJmp:
          pc = inst.a;
          go = true;
          break;
        case Inst::kSave:
          push({0, static_cast<int32_t>(inst.a), caps[inst.a]});
          caps[inst.a] = pos;
          ++pc;
          go = true;
          break;
        case Inst::kAssert:
          go = Holds(inst.a, text, pos);
          if (go) ++pc;
          break;
      }
      if (!go) break;
    }
  }
  for (size_t k = 0; k < marked; ++k) bits[dirty[k]] = 0;
  return found;
}

}  // namespace crosscheck::extract_internal
