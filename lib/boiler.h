/* See LICENSE file for copyright and license details. */
#ifndef LEDE_BOILER_H
#define LEDE_BOILER_H

#include <stddef.h>

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
} LedeBoil;

/* Name of a reason ("byline", ...). */
const char *lede_boil_name(LedeBoil b);

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

#endif
