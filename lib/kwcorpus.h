/* See LICENSE file for copyright and license details. */
#ifndef LEDE_KWCORPUS_H
#define LEDE_KWCORPUS_H

#include <stdio.h>

#include "util.h"

/*
 * The top keyphrases of a whole dump (`keywords --corpus`) and its
 * mergeable partial reports (`--partial`, `--merge`).  Every statistic is
 * an integer sum, so parts merge in any order to the same result:
 *
 *   docs   documents that have the phrase among their top phrases
 *   count  its occurrences in those documents
 *   score  the sum of its per-document scores (each in [0, 1], the top
 *          phrase of a document scoring 1), in millionths
 *
 * kept per (stem key, surface form).  A partial is text:
 *
 *   # lede-partial keywords 2
 *   # settings rank=METHOD df=DOCS:HASH data=HASH KNOB=VALUE ... keep-boilerplate=no
 *   key<TAB>surface<TAB>docs<TAB>count<TAB>score
 *   KEY<TAB>SURFACE<TAB>DOCS<TAB>COUNT<TAB>SCORE     (any number of rows)
 *
 * and partials may be concatenated (the three header lines then appear
 * again).  The settings line (report.h, docs/KEYWORDS.md) says what shaped
 * the scores; a partial whose settings differ from those of the first one
 * read (or those set) is refused.  Version 1, without it, is refused.
 */
#define LEDE_KWC_MAGIC "# lede-partial keywords 2"
#define LEDE_KWC_HEADER "key\tsurface\tdocs\tcount\tscore"
/* Fixed-point unit of scores. */
#define LEDE_KWC_UNIT 1000000LL

typedef struct LedeKwCorpus LedeKwCorpus;

typedef struct {
	const char *phrase;	/* most frequent surface form */
	size_t len;
	const char *key;
	size_t keylen;
	long long docs, count, score;
} LedeKwRow;

LedeKwCorpus *lede_kwc_new(void);
void lede_kwc_free(LedeKwCorpus *c);
/* Add statistics of a (key, surface) pair; both are non-empty, without TAB or LF. */
void lede_kwc_add(LedeKwCorpus *c, const char *key, size_t klen,
    const char *surf, size_t slen, long long docs, long long count,
    long long score);
/*
 * The settings line[0..len) ("# settings ...", lede_kw_report_settings
 * makes it) that c's partial is written with and that partials read into
 * c must have.  Without it, the first partial read sets it.
 */
void lede_kwc_set_settings(LedeKwCorpus *c, const char *line, size_t len);
/* The settings line, or NULL when none is set yet. */
const char *lede_kwc_settings(const LedeKwCorpus *c);
/*
 * Read partial lines one at a time (line without its LF).  Returns 0, or
 * -1 with a reason in err: a damaged line, or a settings line other than
 * c's ("made with --rank tf, the first partial with --rank default").
 * Call lede_kwc_end after the last line of an input: -1 when it ended
 * before its header.
 */
int lede_kwc_line(LedeKwCorpus *c, const char *line, size_t len, char *err,
    size_t errlen);
int lede_kwc_end(LedeKwCorpus *c, char *err, size_t errlen);
/* A whole partial (or several concatenated) in buf[0..len); "LINE: reason". */
int lede_kwc_parse(LedeKwCorpus *c, const char *buf, size_t len, char *err,
    size_t errlen);
/* Write c as a partial; -1 on a write error or when c has no settings. */
int lede_kwc_write(LedeKwCorpus *c, FILE *fp);
/*
 * The phrases by score, then docs, then count (all descending), then key
 * bytes; *rows (owned by c, valid until the next call) gets them.
 */
size_t lede_kwc_rank(LedeKwCorpus *c, const LedeKwRow **rows);

#endif
