/* See LICENSE file for copyright and license details. */
#ifndef LEDE_TONE_H
#define LEDE_TONE_H

#include <stdint.h>
#include <stdio.h>

#include "entity.h"
#include "util.h"

/*
 * The sufficient statistics of the tone report (tools/tone.c), kept in
 * integers so that partial reports merge exactly in any order: scores are
 * in micro-units (1e-6), counts are counts.
 *
 * Partial report format, version 2 (docs/SENTIMENT.md): the first line is
 * "# lede-partial tone 2"; then TAB-separated rows
 *
 *	stats	DOCS	SENTENCES	WORDS	POSITIVE	NEGATIVE	SCORESUM
 *	best	SCORE	TEXT
 *	worst	SCORE	TEXT
 *
 * TEXT is TSV-escaped (\\ \t \n \r).  When entities were counted, a
 * partial of entities follows ("# lede-partial entities 2" and its rows,
 * entity.h): the entities of tone --by-entity are those of entities(1).
 * Several partials may be concatenated; their header lines repeat.
 */
#define LEDE_TONE_MICRO 1000000
#define LEDE_TONE_TEXT_MAX 4096	/* bytes of a sentence text kept */

typedef struct {
	int64_t score;		/* micro-units */
	char *text;		/* NULL when unset */
} LedeToneSent;

typedef struct {
	int64_t docs, sents, words, pos, neg;
	int64_t scoresum;	/* sum of document scores, micro-units */
	LedeToneSent best, worst;
} LedeToneStats;

typedef struct {
	LedeToneStats all;
	LedeEntCorpus *ents;	/* the entities, as entities --corpus counts them */
	int hasents;		/* entities were counted (or read) */
	int needents;		/* reading: a partial without entities is an error */
} LedeTone;

void lede_tone_init(LedeTone *t);
void lede_tone_free(LedeTone *t);
void lede_tone_stats_free(LedeToneStats *s);

/*
 * Offer a sentence as the most positive (best = 1: kept when its score is
 * above 0 and above the one held) or most negative (best = 0).  Ties go
 * to the bytewise smaller text, so that the result does not depend on
 * order.  text[0..n) is copied (cut to LEDE_TONE_TEXT_MAX bytes on a
 * character boundary).
 */
void lede_tone_offer(LedeToneSent *k, int best, int64_t score,
    const char *text, size_t n);

/* Add the statistics b into a (sums, best and worst). */
void lede_tone_stats_add(LedeToneStats *a, const LedeToneStats *b);

/* Mean of sum over n, rounded half away from zero (exact). */
int64_t lede_tone_mean(int64_t sum, int64_t n);

/* Write t as a partial report; 0, or -1 on a write error. */
int lede_tone_write_partial(FILE *fp, const LedeTone *t);

/*
 * Add the partial report(s) in buf[0..n) to t.  Returns 0, or -1 with
 * "NAME:LINE: reason" in err (t then holds the rows before the bad one).
 * With t->needents set (tone --merge --by-entity), a partial that holds
 * no entities (made without --by-entity) is an error at its header line.
 * Never prints or exits.
 */
int lede_tone_read_partial(LedeTone *t, const char *buf, size_t n,
    const char *name, LedeBuf *err);

#endif
