/* See LICENSE file for copyright and license details. */
#ifndef LEDE_KEYPHRASE_H
#define LEDE_KEYPHRASE_H

#include <stddef.h>

#include "df.h"

/*
 * Keyphrases of one document (docs/KEYWORDS.md): candidate phrases are
 * runs of content words by a word-class lexicon and a stop list (noun
 * phrases without a tagger), plus the entity spans of an NER column; they
 * are merged by their stems and ranked.
 */

/* Ranking methods; LEDE_KP_DEFAULT is the one chosen on measured F1. */
typedef enum {
	LEDE_KP_TF,		/* phrase frequency */
	LEDE_KP_TFIDF,		/* frequency times the words' idf */
	LEDE_KP_POSITION,	/* earliest first */
	LEDE_KP_TEXTRANK,	/* word graph, uniform (SingleRank) */
	LEDE_KP_POSITIONRANK,	/* word graph, biased to early words */
	LEDE_KP_DEFAULT,	/* PositionRank x idf, see docs/KEYWORDS.md */
} LedeKpMethod;

typedef struct {
	LedeKpMethod method;
	int window;		/* co-occurrence window of the word graph */
	double damping;		/* PageRank damping */
	double idf_exp;		/* word weight times idf^idf_exp (default method) */
	int maxlen;		/* longest candidate, in words */
	int participles;	/* VBN and VBG words may modify a noun */
	double len_exp;		/* phrase score / words^(1 - len_exp) */
	double tf_exp;		/* phrase score times tf^tf_exp */
	double title_boost;	/* position weight of title words */
	double pos_exp;		/* position weight (word position + 1)^-pos_exp */
	int context;		/* verbs and participles told by their neighbours */
	/*
	 * A sentence the tagger leaves without a verb ("Oil price jumps on
	 * supply fears") gets one, when it costs the tagger at most this
	 * much (lede_pos_tag_verb; 0: never).
	 */
	double verbgap;
	double rank_exp;	/* word weight (graph score)^rank_exp x idf^idf_exp */
	int subsume;		/* drop a phrase inside a better one */
	double lead_boost;	/* score x (1 + lead_boost) for a phrase of the first sentence */
	int tagger;		/* word classes from the tagger (the tool loads it) */
	int core;		/* the nouns of a phrase are a candidate too */
	double leadword_boost;	/* position weight of the first sentence's words */
	int hyphen;		/* 1: a hyphenated compound modifies, whatever its class */
	double single;		/* score x single for a phrase of one word */
	/*
	 * The NER column's entity spans: 0 not used; 1 a span breaks the
	 * runs of words and is a candidate as it is (before 2026-12-06); 2 only a
	 * span holding a word that no phrase holds ("Bank of England") does
	 * that, and the words of the others go into runs like any word
	 * ("Exxon Valdez oil spill", "actress Elizabeth Taylor").
	 */
	int entities;
	/*
	 * 1 (with entities 2): a run of words too long to be a phrase
	 * (maxlen) that holds entity spans is cut at their ends, and each
	 * span and each run between them is a candidate as usual ("BBC
	 * political editor Andrew Marr": "BBC", "political editor", "Andrew
	 * Marr"); 0: the whole run is left out.
	 */
	int longsplit;
	/*
	 * 1 (with the tagger): a word the lexicon knows as a verb, tagged a
	 * noun after a noun and before an amount, is a verb ("deposits rose
	 * 2.6 pct"), but in a line of figures ("... vs ...") or after the
	 * object of a verb ("includes tax gain 9,000").
	 */
	int numverb;
	/*
	 * 1: a line of figures of a wire's earnings table ("Net 1,210,000
	 * vs 904,000") gives no phrases (lib/kwreport.c, figures).
	 */
	int figures;
	/*
	 * 1: the document's "# title" opens it (lede_kp_headline), so that
	 * a title kept out of the text (JSON Lines) gives phrases.
	 */
	int headline;
	/*
	 * The length of a text that is half short, half long (0: every text
	 * is long): a text of n words is long by w = r^k / (1 + r^k), r =
	 * n / short_len, k = short_exp; the graph exponent is rank_exp x w
	 * and a phrase inside a better one keeps score x (1 - w).
	 */
	double short_len;
	double short_exp;
} LedeKpParams;

void lede_kp_defaults(LedeKpParams *p);

/* The name of a method ("default", "positionrank", ... as --rank takes). */
const char *lede_kp_method_name(LedeKpMethod m);
/* The method named s into *m: 0, or -1 for no such name. */
int lede_kp_method_parse(const char *s, LedeKpMethod *m);
/* The knobs of LedeKpParams, by the names --param takes (keywords(1)). */
extern const LedeKnob lede_kp_knobs[];
extern const size_t lede_kp_nknobs;

/* A ranked phrase; strings owned by the LedeKp until the next document. */
typedef struct {
	const char *phrase;	/* its most frequent surface form */
	size_t len;
	const char *key;	/* its stems, separated by single spaces (or NULL) */
	size_t keylen;
	double score;
	long count;		/* occurrences as a candidate */
} LedeKpPhrase;

typedef struct LedeKp LedeKp;

/* A context with an empty lexicon and the Snowball english stemmer. */
LedeKp *lede_kp_new(const LedeKpParams *params);
void lede_kp_free(LedeKp *kp);

/*
 * Lexicons, each parsed from a memory buffer.  On error they return -1
 * with "LINE: reason" in err.
 *   lede-pos 1   word classes (data/keywords/pos-en.tsv)
 *   lede-stop 1  stop words (data/keywords/stopwords-en.txt, and for
 *                keywords only data/keywords/nophrase-en.txt); each call
 *                adds its words to those already loaded
 */
int lede_kp_load_pos(LedeKp *kp, const char *buf, size_t len, char *err,
    size_t errlen);
int lede_kp_load_stop(LedeKp *kp, const char *buf, size_t len, char *err,
    size_t errlen);
/* Add the words of a lede-stop 1 list to d (for other tools). */
int lede_stoplist_parse(LedeDict *d, const char *buf, size_t len, char *err,
    size_t errlen);
/*
 * The part-of-speech tagger that gives the words' classes (NULL: the
 * lexicon alone, as before); not owned.
 */
struct LedePosModel;
void lede_kp_set_tagger(LedeKp *kp, const struct LedePosModel *m);
/*
 * Fold data that kp was loaded from (a lexicon, the tagger's model, by
 * its name and bytes) into its identity, for lede_kp_settings.
 */
void lede_kp_add_data(LedeKp *kp, const char *name, const void *buf,
    size_t len);
/*
 * Append to out what shapes kp's scores, as items of a partial's settings
 * line (report.h): "rank=METHOD df=DOCS:HASH" (or df=none), NAME=VALUE
 * for each knob of lede_kp_knobs, then "data=HASH" (or data=none), HASH
 * the lede_fnv1a of the data added (lede_kp_add_data) in 16 hex digits.
 */
void lede_kp_settings(const LedeKp *kp, LedeBuf *out);
/* Background document frequencies (may be NULL); not owned. */
void lede_kp_set_df(LedeKp *kp, const LedeDf *df);

/* Start a document; title (may be NULL) is its "# title". */
void lede_kp_begin(LedeKp *kp, const char *title, size_t titlelen);
/*
 * Add the next token: its FORM, its STEM (NULL to stem it here), its NER
 * tag (NULL, "O", "B-X" or "I-X") and whether it follows the previous one
 * without white space (1), with (0) or unknown (-1).
 */
void lede_kp_token(LedeKp *kp, const char *form, size_t flen,
    const char *stem, size_t slen, const char *ner, int glued);
void lede_kp_endsent(LedeKp *kp);
/*
 * With the headline knob, add the document's title[0..len) (valid UTF-8
 * without NUL) as its first sentences: split and tokenized by tokenize's
 * rules, stemmed by kp's stemmer, without NER; each of them counts as
 * the first sentence for the lead bonus and the headline verbs.  When
 * cased is not NULL, the tokens, stems and tags are those of
 * cased[0..len) (the title with other letter case, byte for byte as
 * long), the phrases shown those of title.  Call it after lede_kp_begin
 * and before the first token, when the text does not begin with the
 * title.  A phrase is shown as the title writes it only when the text
 * lacks it.
 */
void lede_kp_headline(LedeKp *kp, const char *title, const char *cased,
    size_t len);
/* 1 when kp takes a title as a sentence (the headline knob is on). */
int lede_kp_wants_headline(const LedeKp *kp);
/* 1 when lines of figures give no phrases (the figures knob is on). */
int lede_kp_figures(const LedeKp *kp);
/*
 * Rank the document's phrases: *out gets them best first (ties broken by
 * first occurrence); returns their number.  The first nkey of them get
 * their key, the others a NULL key of length 0.
 */
size_t lede_kp_rank(LedeKp *kp, size_t nkey, const LedeKpPhrase **out);

/* The stem of lower-cased word (for --build-df): valid until next call. */
const char *lede_kp_stem(LedeKp *kp, const char *form, size_t n, size_t *slen);

#endif
