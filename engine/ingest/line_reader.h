// Line iteration over a file held in memory.
//
// A line ends at '\n'; one '\r' before it (or before the end of the data) is
// not part of the line, so LF and CRLF files read alike. A UTF-8 byte order
// mark at the start of the data is skipped: columns of line 1 count from the
// byte after it. Lines are views into the data: nothing is copied, so an
// over-long line costs one memchr pass and no memory.
#ifndef CROSSCHECK_ENGINE_INGEST_LINE_READER_H_
#define CROSSCHECK_ENGINE_INGEST_LINE_READER_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace crosscheck::internal {

inline constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// `data` without a leading UTF-8 byte order mark.
absl::string_view StripBom(absl::string_view data);

// True if `line` holds only ASCII spaces, tabs and carriage returns.
bool IsBlankLine(absl::string_view line);

// True for ' ', '\t', '\n', '\v', '\f' and '\r'.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// `s` without leading and trailing ASCII white space.
absl::string_view TrimAscii(absl::string_view s);

struct Line {
  absl::string_view text;  // without the terminator and a final '\r'
  uint32_t number = 0;     // 1-based
  size_t offset = 0;       // of text[0] in the data (after the BOM)
};

class LineCursor {
 public:
  // REQUIRES: `data` outlives the cursor. A leading BOM is skipped.
  explicit LineCursor(absl::string_view data);

  // Sets *line to the next line and returns true, or returns false at the
  // end. Data ending with '\n' has no empty last line.
  bool Next(Line* line);

  // The data after the BOM; Line::offset indexes it.
  absl::string_view data() const { return data_; }

 private:
  absl::string_view data_;
  size_t pos_ = 0;
  uint32_t number_ = 0;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_ENGINE_INGEST_LINE_READER_H_
