/* See LICENSE file for copyright and license details. */
#ifndef LEDE_LEXICON_H
#define LEDE_LEXICON_H

#include <stddef.h>

#include "util.h"

/*
 * A valence lexicon (docs/SENTIMENT.md, data/sentiment/README.md): a text
 * file whose first line is "# lede-lexicon 1" and whose other lines are
 * comments ("#..."), blank, or
 *
 *	TERM<TAB>VALUE[<TAB>ROLE]
 *
 * TERM is one word or a multi-word expression (words separated by single
 * spaces, at most LEDE_LEX_WORDS), matched against lower-cased tokens.
 * Without ROLE, VALUE is the term's valence in [-4, 4].  With a ROLE, the
 * line gives the term a part in the context rules instead; a term may have
 * a valence and a role (two lines).  A later line for the same term and
 * the same kind (valence or role) replaces the earlier one, also across
 * files, so that a user's file overrides the shipped one.
 *
 *	boost     VALUE in [-1, 1]: an intensifier (> 0) or diminisher (< 0);
 *	          the valence of a word up to 3 tokens later is multiplied by
 *	          1 + VALUE
 *	negate    VALUE in [-1, 1]: a negator; a valence up to 3 tokens later
 *	          in the same clause is multiplied by VALUE (e.g. -0.7)
 *	but       VALUE in [1, 4]: a contrast; what follows it in the sentence
 *	          is multiplied by VALUE and what precedes it by 1/VALUE
 *	though    VALUE in [0, 1]: a concession; the clause it opens (up to the
 *	          next comma, semicolon or colon) is multiplied by VALUE
 *	dir       VALUE in [-4, 4]: a direction (rose, fell); with a quantity
 *	          word nearby in the clause it scores VALUE * the quantity's
 *	          VALUE, and the quantity's own valence is not counted
 *	quantity  VALUE in [-1, 1]: a quantity whose rise is good (profit, 1)
 *	          or bad (loss, -1)
 *	neutral   VALUE 0: a term that is matched (and so hides the words it
 *	          spans from the other rules) but has no valence ("at least")
 *	work      VALUE 0: a word that names a work under review (film,
 *	          novel, "horror film"); matched like neutral, and it makes
 *	          the sentence a review sentence
 *	topic     VALUE in [0, 1]: a word that names subject matter (murder,
 *	          war, grief); in a review sentence its valence is multiplied
 *	          by VALUE, since there it describes the story, not the work
 */
#define LEDE_LEX_WORDS 8

enum {
	LEDE_ROLE_NONE,
	LEDE_ROLE_BOOST,
	LEDE_ROLE_NEGATE,
	LEDE_ROLE_BUT,
	LEDE_ROLE_THOUGH,
	LEDE_ROLE_DIR,
	LEDE_ROLE_QUANTITY,
	LEDE_ROLE_NEUTRAL,
	LEDE_ROLE_WORK,
	LEDE_ROLE_TOPIC,
};

typedef struct {
	float valence;		/* in [-4, 4]; 0 when the term has none */
	float rolev;		/* the role's VALUE */
	unsigned char role;	/* LEDE_ROLE_* */
	unsigned char known;	/* 1 when a line named this term (else only
				 * a first word of a longer term) */
	unsigned char nwords;	/* words in the term */
	unsigned char mwemax;	/* longest term starting with this word (or
				 * these words: every proper prefix of a
				 * multi-word term has an entry) */
} LedeLexEntry;

typedef struct LedeLexicon LedeLexicon;

LedeLexicon *lede_lexicon_new(void);
void lede_lexicon_free(LedeLexicon *lx);

/*
 * Add the lexicon in buf[0..n) (the whole file) to lx.  name is used in
 * messages.  Returns 0, or -1 with "NAME:LINE: reason" in err; lx then
 * holds the lines before the bad one.  Never prints or exits.
 */
int lede_lexicon_load_mem(LedeLexicon *lx, const char *buf, size_t n,
    const char *name, LedeBuf *err);
/* The same for a file; a file that cannot be read is an error too. */
int lede_lexicon_load_file(LedeLexicon *lx, const char *path, LedeBuf *err);

/*
 * The entry of the lower-cased term key[0..n) (words separated by single
 * spaces), or NULL.  An entry with known == 0 only starts longer terms.
 */
const LedeLexEntry *lede_lexicon_get(const LedeLexicon *lx, const char *key,
    size_t n);
/* Number of terms (lines that named a distinct term). */
size_t lede_lexicon_size(const LedeLexicon *lx);
/*
 * Every entry, terms and prefixes of longer terms alike: entry i of
 * 0 .. lede_lexicon_nentries() - 1, in the order they were made, and its
 * lower-cased key in *key and *n.  The pointers stay valid until the
 * lexicon changes.
 */
size_t lede_lexicon_nentries(const LedeLexicon *lx);
const LedeLexEntry *lede_lexicon_entry(const LedeLexicon *lx, size_t i,
    const char **key, size_t *n);

/*
 * The shipped lexicon's path relative to the data directory, for
 * lede_datapath().
 */
#define LEDE_LEXICON_DEFAULT "data/sentiment/lexicon.txt"

#endif
