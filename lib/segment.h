/* See LICENSE file for copyright and license details. */
#ifndef LEDE_SEGMENT_H
#define LEDE_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * Sentence splitting and tokenization of (English news) text: the rules
 * are in docs/TOKENIZE.md.  The segmenter works on one document at a time,
 * held by the caller in memory as valid UTF-8 without NUL bytes, and hands
 * it back one sentence at a time, so that its own memory is bounded by the
 * largest paragraph.  Nothing here prints or exits (except through emalloc).
 */

/* One token: where it is in the document, in bytes and in code points. */
typedef struct {
	size_t off;		/* byte offset of its first byte */
	size_t start;		/* code-point offset of its first code point */
	uint32_t len;		/* length in bytes */
	uint32_t cplen;		/* length in code points */
	uint32_t flags;		/* LEDE_TOK_* and private bits */
} LedeTok;

/* Public flag bits of LedeTok.flags. */
enum {
	LEDE_TOK_SENT = 1 << 0,	/* the first token of a sentence */
	LEDE_TOK_PAR = 1 << 1,	/* the first token of a paragraph */
};

/* Options (a bit set) for lede_seg_new. */
enum {
	/* keep hyphenated words whole, as in the Penn Treebank and CoNLL-2003 */
	LEDE_SEG_HYPHEN_KEEP = 1 << 0,
	/* keep a sentence-final abbreviation whole ("etc." rather than "etc" ".") */
	LEDE_SEG_ABBR_KEEP = 1 << 1,
};

/* How line breaks separate paragraphs. */
enum {
	LEDE_PARA_AUTO = 0,	/* BLANK for hard-wrapped text, else LINE */
	LEDE_PARA_LINE,		/* every line break ends a paragraph */
	LEDE_PARA_BLANK,	/* only a blank line (or U+2029) ends a paragraph */
};

/*
 * Limits, so that no line of the output grows without bound: a token is
 * cut into pieces of at most LEDE_SEG_TOKEN_MAX bytes (at grapheme-cluster
 * boundaries, or between code points inside a single cluster longer than
 * that), a sentence after LEDE_SEG_SENT_MAX tokens or LEDE_SEG_SENT_BYTES
 * bytes of text (between tokens).  Real text never comes near them.
 */
#define LEDE_SEG_TOKEN_MAX 4096
#define LEDE_SEG_SENT_MAX 4096
#define LEDE_SEG_SENT_BYTES ((size_t)1 << 20)

typedef struct LedeSeg LedeSeg;

/* A segmenter with options opts (LEDE_SEG_*) and paragraph mode para. */
LedeSeg *lede_seg_new(unsigned opts, int para);
void lede_seg_free(LedeSeg *sg);

/*
 * Start on a document: text[0..len) must stay valid and unchanged until
 * the last call of lede_seg_next for it.  It must be valid UTF-8 without
 * NUL bytes (the caller checks; lede_utf8_check).
 */
void lede_seg_start(LedeSeg *sg, const char *text, size_t len);

/*
 * The next sentence of the document: returns its number of tokens (at
 * least 1) and sets *tok to them (owned by sg, valid until the next call),
 * or returns 0 at the end of the document.  The first token's flags tell
 * whether the sentence opens a paragraph (LEDE_TOK_PAR).
 */
size_t lede_seg_next(LedeSeg *sg, const LedeTok **tok);

/* The paragraph mode chosen for the current document (LINE or BLANK). */
int lede_seg_para(const LedeSeg *sg);

/*
 * CoNLL-U into the token stream (tokenize --conllu, docs/TOKENIZE.md):
 * feed the input a line at a time; the stream text (comments, rows of
 * ID FORM START END LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC, blank
 * lines, but no header) is appended to out as sentences complete.
 * base names documents of a file without "# newdoc id".
 */
typedef struct LedeConllu LedeConllu;

LedeConllu *lede_conllu_new(const char *base);
void lede_conllu_free(LedeConllu *c);
/*
 * One line, without its line end (any bytes).  Returns 0, or -1 with
 * "LINE: reason; document X skipped" in err: the rest of the damaged
 * document, up to the next "# newdoc", is then skipped.
 */
int lede_conllu_line(LedeConllu *c, const char *line, size_t len,
    unsigned long lineno, LedeBuf *out, char *err, size_t errlen);
/* Report a damaged line (say, too long) as lede_conllu_line does; -1. */
int lede_conllu_fail(LedeConllu *c, unsigned long line, const char *what,
    char *err, size_t errlen);
/* The end of a file: the last sentence (0 or -1 as above). */
int lede_conllu_end(LedeConllu *c, LedeBuf *out, char *err, size_t errlen);
/* Documents and sentences written so far. */
unsigned long lede_conllu_ndocs(const LedeConllu *c);
unsigned long lede_conllu_nsents(const LedeConllu *c);

#endif
