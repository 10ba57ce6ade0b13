/* See LICENSE file for copyright and license details. */
#ifndef LEDE_TONE_H
#define LEDE_TONE_H

#include <stdint.h>
#include <stdio.h>

#include "util.h"

/*
 * The sufficient statistics of the tone report (tools/tone.c), kept in
 * integers so that partial reports merge exactly in any order: scores are
 * in micro-units (1e-6), counts are counts.
 *
 * Partial report format, version 1 (docs/SENTIMENT.md): the first line is
 * "# lede-partial tone 1"; then TAB-separated rows
 *
 *	stats	DOCS	SENTENCES	WORDS	POSITIVE	NEGATIVE	SCORESUM
 *	best	SCORE	TEXT
 *	worst	SCORE	TEXT
 *	entity	TYPE	NAME	MENTIONS	SENTENCES	SCORESUM	POSITIVE	NEGATIVE
 *
 * TEXT, TYPE and NAME are TSV-escaped (\\ \t \n \r).  Several partials may
 * be concatenated; their header lines repeat.
 */
#define LEDE_TONE_MICRO 1000000
#define LEDE_TONE_BAND 50000	/* |score| above 0.05: positive or negative */
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
	int64_t mentions, sents, scoresum, pos, neg;
} LedeToneEntity;

typedef struct {
	LedeToneStats all;
	LedeDict *ents;		/* "TYPE\tNAME" -> index into ent */
	LedeToneEntity *ent;
	size_t cent;
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

/* The entity "TYPE\tNAME" (key[0..n)), created empty when new. */
LedeToneEntity *lede_tone_entity(LedeTone *t, const char *key, size_t n);

/* Mean of sum over n, rounded half away from zero (exact). */
int64_t lede_tone_mean(int64_t sum, int64_t n);

/* Write t as a partial report; 0, or -1 on a write error. */
int lede_tone_write_partial(FILE *fp, const LedeTone *t);

/*
 * Add the partial report(s) in buf[0..n) to t.  Returns 0, or -1 with
 * "NAME:LINE: reason" in err (t then holds the rows before the bad one).
 * Never prints or exits.
 */
int lede_tone_read_partial(LedeTone *t, const char *buf, size_t n,
    const char *name, LedeBuf *err);

#endif
