// The title of an article whose first line is boilerplate. Ingest takes the
// first non-empty line of a page without front matter as its title; on many
// pages that line is a social-media prompt or a menu ("Suivez-nous sur
// Facebook…"). Extraction, which knows the boilerplate markers, then takes
// the title from the cleaned text instead.
#ifndef CROSSCHECK_ENGINE_EXTRACT_TITLE_H_
#define CROSSCHECK_ENGINE_EXTRACT_TITLE_H_

#include "crosscheck/corpus.h"
#include "crosscheck/text.h"

namespace crosscheck::extract_internal {

// When the text rules cut the whole of doc->title as boilerplate, replaces it
// with the first line of the cleaned text (`prepared`, the prepared form of
// doc->text) that is not cut and not blank, if that line reads as a heading:
// at most 200 bytes and not ending like a sentence ('.', ':', ';', ',').
// Otherwise the title becomes "" (the article has none of its own). A title
// that is not boilerplate is left alone. `scratch` is overwritten.
void TitleFromCleanText(const TextRules& rules, const PreparedText& prepared,
                        absl::string_view language, Document* doc,
                        PreparedText* scratch);

}  // namespace crosscheck::extract_internal

#endif  // CROSSCHECK_ENGINE_EXTRACT_TITLE_H_
