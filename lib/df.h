/* See LICENSE file for copyright and license details. */
#ifndef LEDE_DF_H
#define LEDE_DF_H

#include <stdio.h>

#include "util.h"

/*
 * Document-frequency tables (docs/KEYWORDS.md, "The df table"): how many
 * documents of a background corpus hold each term (a Snowball stem of a
 * lower-cased word).  The file is text:
 *
 *   lede-df 1            magic and format version
 *   docs N               documents counted
 *   terms M              rows that follow
 *   mindf K              terms in fewer than K documents were left out
 *   stemmer NAME         the Snowball stemmer of the terms
 *   TERM<TAB>DF          M rows, TERM strictly increasing in byte order,
 *                        K <= DF <= N
 *
 * Nothing else: no text of the corpus, only terms and counts.
 */
typedef struct LedeDf LedeDf;

/*
 * Parse a table from buf[0..len).  Returns it, or NULL with "LINE: reason"
 * in err (LINE is 1-based) when the buffer is not a valid table.
 */
LedeDf *lede_df_parse(const char *buf, size_t len, char *err, size_t errlen);
/* Read and parse the file path; on error NULL and "PATH:LINE: reason" or
 * "PATH: strerror" in err. */
LedeDf *lede_df_load(const char *path, char *err, size_t errlen);
void lede_df_free(LedeDf *df);

/* Documents of the table, and its stemmer's name (owned by the table). */
long lede_df_docs(const LedeDf *df);
const char *lede_df_stemmer(const LedeDf *df);
/*
 * The identity of the table's content: lede_fnv1a of its rows ("TERM<TAB>DF\n"
 * in order) and then of "lede-df 1\ndocs N\nmindf K\nstemmer NAME\n".  It
 * does not depend on the file's line ends, byte-order mark or the order of
 * its header lines; a keywords partial records it.
 */
uint64_t lede_df_hash(const LedeDf *df);
/* Document frequency of term[0..n); 0 when the table does not hold it. */
long lede_df_get(const LedeDf *df, const char *term, size_t n);
/*
 * Inverse document frequency ln(1 + N / df), with df taken as mindf / 2
 * (at least 0.5) for a term the table does not hold; 0 for an empty table.
 */
double lede_df_idf(const LedeDf *df, const char *term, size_t n);

/*
 * Building a table: give the terms of each document (repeats are counted
 * once), end each document, then write.  Memory grows with the number of
 * distinct terms, not with the number of documents.
 */
typedef struct LedeDfBuild LedeDfBuild;

LedeDfBuild *lede_dfb_new(void);
void lede_dfb_term(LedeDfBuild *b, const char *term, size_t n);
/* End the document; one without terms is not counted. */
void lede_dfb_enddoc(LedeDfBuild *b);
/*
 * Write the table (terms in >= mindf documents): the number of terms
 * written, or -1 on a write error.
 */
long lede_dfb_write(LedeDfBuild *b, FILE *fp, long mindf, const char *stemmer);
void lede_dfb_free(LedeDfBuild *b);

#endif
