/* See LICENSE file for copyright and license details. */
#ifndef LEDE_BOILER_H
#define LEDE_BOILER_H

#include <stddef.h>

#include "stream.h"

/*
 * Boilerplate lines of news pages (docs/SUMMARIZE.md, "Boilerplate"):
 * the rules `summarize` applies to each sentence before scoring.
 */
typedef enum {
	LEDE_BOIL_NONE,
	LEDE_BOIL_DISCLOSURE,	/* sponsored, affiliate, advertisement lines */
	LEDE_BOIL_SUBSCRIBE,	/* newsletter, sign-up, follow-us lines */
	LEDE_BOIL_BYLINE,	/* "By NAME", "Reporting by ..." */
	LEDE_BOIL_DATELINE,	/* "Published ... | Updated ...", a lone date */
	LEDE_BOIL_PHOTO,	/* photo and image credits, captions */
	LEDE_BOIL_READMORE,	/* "Read more:", "Related:", "Click here" */
	LEDE_BOIL_COPYRIGHT,	/* "(c) 2025 ...", "All rights reserved" */
	LEDE_BOIL_NAV,		/* "Home | World | Business" */
	LEDE_BOIL_HEADING,	/* a short line alone without end punctuation */
	LEDE_BOIL_REPEAT,	/* the title or an earlier sentence again */
	LEDE_BOIL_PATTERN,	/* a pattern of the user's (summarize --skip) */
	LEDE_BOIL_SIGNOFF,	/* a wire's sign-off: "Reuter" alone */
} LedeBoil;

/* Name of a reason ("byline", ...). */
const char *lede_boil_name(LedeBoil b);

/* No rule applies to a sentence of more words than this. */
#define LEDE_BOIL_MAXWORDS 40

/* A byte that makes a token a word for the rules: a letter or digit. */
static inline int
lede_boil_wordbyte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') ||
	    ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/*
 * Append to b the bytes of s[0..n) that lede_boil_wordbyte takes, ASCII
 * letters lower-cased: the form in which a sentence repeats another or
 * the title whatever its case and punctuation.
 */
void lede_boil_norm(LedeBuf *b, const char *s, size_t n);

/*
 * Whether a text repeats its title t[0..tn), a sentence at a time: the
 * letters and digits of the sentence s[0..n), as lede_boil_norm gives
 * them, are those of t from *j on.  1, with *j past them, or 0.  Then
 * lede_boil_titledone tells whether t holds no letter or digit from j on
 * (the sentences so far are the whole title).
 */
int lede_boil_titlepart(const char *t, size_t tn, size_t *j, const char *s,
    size_t n);
int lede_boil_titledone(const char *t, size_t tn, size_t j);

/*
 * The words (tokens with a letter or digit) of s, whose FORM column is
 * formcol, counted up to LEDE_BOIL_MAXWORDS + 1.
 */
long lede_boil_words(const LedeSent *s, int formcol);

/* What is known of a sentence besides its text. */
typedef struct {
	int alone;	/* 1: a paragraph of its own; 0: not; -1: unknown */
	long words;	/* tokens with a letter or digit */
} LedeBoilCtx;

/*
 * The rule that makes the sentence text[0..len) (valid UTF-8) boilerplate,
 * or LEDE_BOIL_NONE.  LEDE_BOIL_REPEAT is the caller's to find (it needs
 * the other sentences).
 */
LedeBoil lede_boil_check(const char *text, size_t len, const LedeBoilCtx *ctx);

/*
 * 1 when the sentence s of a token stream (its "# text", else its forms
 * joined by spaces; formcol: the FORM column) is boilerplate whose names
 * are not the article's: a disclosure, subscribe, read-more, navigation,
 * copyright, dateline or sign-off line.  `entities` and `tone --by-entity` leave its
 * mentions out.  Whether it is alone in its paragraph is taken from its
 * "# newpar" (or "# newdoc"): the next sentence is not known yet.
 */
int lede_boil_nomentions(const LedeSent *s, int formcol);

/*
 * The rule (lede_boil_check) that makes the sentence s of a token stream
 * boilerplate, with its text and paragraph taken as lede_boil_nomentions
 * takes them, or LEDE_BOIL_NONE (LEDE_BOIL_REPEAT is never found).
 */
LedeBoil lede_boil_sentclass(const LedeSent *s, int formcol);

/*
 * 1 when w[0..n), in any case, is a common word of the disclosure,
 * subscribe or read-more phrases ("Subscribe", "Affiliate", "Disclosure",
 * "Newsletter", "Related"), else 0: such a word in such a line is no
 * name (ner-tag).
 */
int lede_boil_cueword(const char *w, size_t n);

/*
 * 1 when w[0..n) is a month's name or its abbreviation ("March", "SEPT",
 * "Feb."), in any case, else 0.
 */
int lede_boil_month(const char *w, size_t n);

/*
 * The leading tokens of s that make a wire dateline, the dash after it
 * counted: "LISBON, March 14 (Meridian Wire) —", "SALVADOR, Feb 26 -",
 * "LITTLE ROCK, Ark. (AP) _", "(Reuters) -"; 0 when it has none.  A place
 * in capitals with only a dash after it ("BEIJING —") counts when the NER
 * column (nercol, or -1) tags its first word B-LOC.  The dateline names
 * the place and the wire, not what the story is about: `keywords` leaves
 * it out of its phrases.
 */
size_t lede_boil_dateline(const LedeSent *s, int formcol, int nercol);
/*
 * The same for a sentence that opens a paragraph (its "# newpar" or
 * "# newdoc"), 0 for any other: what `entities` and `tone --by-entity`
 * use, which see one sentence at a time.  A place named in the dateline
 * is a mention but takes no tone from the sentence.
 */
size_t lede_boil_sentdateline(const LedeSent *s, int formcol, int nercol);

/*
 * The places a dateline names, as token ranges [p[i][0], p[i][1]): the
 * place before the first comma ("BOCA RATON") and each place group after
 * one ("Fla.", "the Netherlands" without "the"), not the date nor the
 * wire.  n is 0 when the sentence has no dateline.
 */
typedef struct {
	size_t n;
	size_t p[4][2];
} LedeDatePlaces;

/* lede_boil_sentdateline, with the places in pl (or NULL). */
size_t lede_boil_sentdateplaces(const LedeSent *s, int formcol, int nercol,
    LedeDatePlaces *pl);

/*
 * 2 when s opens with a label and a colon ("NOTE:", "Update:",
 * "EXCLUSIVE:", "Correction:"; the list is in lib/boiler.c), else 0:
 * the label says what kind of line follows, not what it is about.
 */
size_t lede_boil_label(const LedeSent *s, int formcol);

/*
 * Patterns of the user's (PCRE2, UTF-8 with Unicode properties): a
 * sentence whose text one of them matches is boilerplate.  Each match runs
 * under fixed limits, so that a pattern that backtracks without end (such
 * as (a+)+$) costs bounded time and memory: at most LEDE_BOIL_MATCH_LIMIT
 * calls of PCRE2's internal match function, a backtracking depth of
 * LEDE_BOIL_DEPTH_LIMIT and LEDE_BOIL_HEAP_LIMIT KiB of heap.  A match that
 * hits a limit counts as no match and is reported.
 */
#define LEDE_BOIL_MATCH_LIMIT 1000000
#define LEDE_BOIL_DEPTH_LIMIT 10000
#define LEDE_BOIL_HEAP_LIMIT 65536

typedef struct LedeBoilPat LedeBoilPat;

LedeBoilPat *lede_boilpat_new(void);
void lede_boilpat_free(LedeBoilPat *p);
/* Add a pattern; -1 with "offset N: reason" in err when it does not compile. */
int lede_boilpat_add(LedeBoilPat *p, const char *re, char *err, size_t errlen);
/*
 * 1 when a pattern matches text[0..len) (valid UTF-8), 0 when none does;
 * -1 when none does and a pattern hit a limit, with the pattern and the
 * limit in err.
 */
int lede_boilpat_match(LedeBoilPat *p, const char *text, size_t len, char *err,
    size_t errlen);

#endif
