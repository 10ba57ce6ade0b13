/* See LICENSE file for copyright and license details. */
#ifndef LEDE_SUMRANK_H
#define LEDE_SUMRANK_H

#include <stddef.h>

#include "boiler.h"
#include "df.h"
#include "stream.h"
#include "util.h"

/*
 * Extractive summaries of one document (docs/SUMMARIZE.md): sentences are
 * scored by position, word frequency, centrality (LexRank over tf-idf
 * cosine similarity) and overlap with the title, after boilerplate lines
 * are set aside, and picked greedily with a redundancy penalty (MMR).
 */
typedef enum {
	LEDE_SUM_DEFAULT,	/* the weights below */
	LEDE_SUM_LEAD,		/* the first sentences */
	LEDE_SUM_FREQ,		/* word frequency alone */
	LEDE_SUM_LEXRANK,	/* centrality alone */
	LEDE_SUM_MODEL,		/* a linear model over the features */
} LedeSumMethod;

/* Features of a sentence for a learnt scorer (lede_sum_feature_name). */
#define LEDE_SUM_NFEAT 26

typedef struct {
	LedeSumMethod method;
	double w_pos, w_freq, w_cent, w_title;	/* feature weights */
	double pos_exp;		/* position feature (rank + 1)^-pos_exp */
	double len_exp;		/* frequency score / words^len_exp */
	double sim_min;		/* LexRank: edges of cosine >= sim_min */
	double mmr;		/* score - mmr * (max similarity to picked) */
	int boiler;		/* set boilerplate aside */
	double w_frag;		/* penalty of a fragment (continued quotation) */
	double w_centroid;	/* weight of the centroid feature (tf x idf) */
	double pos_decay;	/* position weight x (1 - summary share)^pos_decay */
	double w_pron;		/* penalty of a sentence opening with a pronoun */
	size_t graph_max;	/* no similarity graph past this many sentences */
	double density;		/* word budget: score / (words / mean)^density */
} LedeSumParams;

void lede_sum_defaults(LedeSumParams *p);

typedef struct LedeSum LedeSum;

LedeSum *lede_sum_new(const LedeSumParams *p);
void lede_sum_free(LedeSum *s);
/* Stop words: a lede-stop 1 list in buf; -1 with "LINE: reason" in err. */
int lede_sum_load_stop(LedeSum *s, const char *buf, size_t len, char *err,
    size_t errlen);
/* Name of feature j, NULL past the last. */
const char *lede_sum_feature_name(size_t j);
/*
 * Score sentences with a linear model over the features (the method
 * becomes LEDE_SUM_MODEL): lines NAME<TAB>WEIGHT for features and "bias";
 * # starts a comment.  Features not named weigh 0.  A line may end in CR
 * LF; a NUL byte is refused.  -1 with "LINE: reason" in err.
 */
int lede_sum_load_model(LedeSum *s, const char *buf, size_t len, char *err,
    size_t errlen);
/* Compute the features also when the method does not use them. */
void lede_sum_want_features(LedeSum *s, int on);
/*
 * After lede_sum_pick: the LEDE_SUM_NFEAT features of sentence i, NULL when
 * they were not computed or it was not scored (boilerplate, no words).
 */
const double *lede_sum_features(const LedeSum *s, size_t i);

/* Background document frequencies for idf (may be NULL); not owned. */
void lede_sum_set_df(LedeSum *s, const LedeDf *df);

/*
 * Patterns of the user's that make a sentence boilerplate (may be NULL;
 * not owned); they apply also when LedeSumParams.boiler is 0.
 */
void lede_sum_set_patterns(LedeSum *s, LedeBoilPat *p);
/*
 * After lede_sum_pick: the sentences of the document where a pattern hit a
 * limit (they were kept), and the first message.
 */
size_t lede_sum_pattern_failures(const LedeSum *s, const char **msg);

/* Start a document with its title (may be NULL). */
void lede_sum_begin(LedeSum *s, const char *title, size_t tlen);
/* Start the next sentence: its exact text, and whether it opens a paragraph. */
void lede_sum_sent(LedeSum *s, const char *text, size_t len, int newpar);
/* A token of the current sentence (stem NULL: stemmed here). */
void lede_sum_token(LedeSum *s, const char *form, size_t n, const char *stem,
    size_t slen);
/*
 * A whole document of a stream: begin (with its "# title"), then each
 * sentence's text (lede_sent_text: its "# text", or its forms between
 * spaces) and tokens, with the STEM column when it has one.  text is
 * scratch space, kept between calls.
 */
void lede_sum_doc(LedeSum *s, const LedeDoc *d, LedeBuf *text);

/*
 * Pick the summary: nsent sentences (when > 0), or sentences until nwords
 * words are reached (when > 0; the sentence that crosses the limit is
 * kept), or until ratio times the document's words; words as wc -w counts
 * them, runs of characters between blanks.  Returns the number
 * picked; *idx (owned by s) gets their indices in document order.
 */
size_t lede_sum_pick(LedeSum *s, long nsent, long nwords, double ratio,
    const size_t **idx);

/* Number of sentences, a sentence's text, and its boilerplate rule. */
size_t lede_sum_nsent(const LedeSum *s);
const char *lede_sum_text(const LedeSum *s, size_t i, size_t *len);
LedeBoil lede_sum_boiler(const LedeSum *s, size_t i);

#endif
