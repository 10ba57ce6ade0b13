/* See LICENSE file for copyright and license details. */
#ifndef LEDE_TAGGER_H
#define LEDE_TAGGER_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "util.h"

/*
 * Named-entity tagging with a linear-chain model (averaged structured
 * perceptron, Viterbi decoding) over BILOU labels.  The layers:
 *
 *   - the lexicon: per word form, word-cluster ids learnt from unlabelled
 *     text, a capitalisation profile and gazetteer bits;
 *   - feature extraction: every feature of a token is a feature of one
 *     word type at one "group" (its offset from the token, or a sentence
 *     mode), so the tagger caches per word type the summed weights;
 *   - the model file (docs/NER.md): magic, version, sizes, lexicon,
 *     transition and feature weights, checksum; validated on load;
 *   - the tagger: caches, document history, Viterbi, BIO output;
 *   - conlleval-style scoring of BIO tag sequences.
 *
 * Nothing here prints or exits (except allocation failure).
 */

#define LEDE_NER_MAXTYPES 8		/* entity types in a model */
#define LEDE_NER_MAXLABELS (1 + 4 * LEDE_NER_MAXTYPES)
#define LEDE_NER_NGROUPS 8		/* feature groups, see below */
#define LEDE_NER_NCLUST 3		/* cluster granularities */
#define LEDE_NER_MAXWORD 255		/* longer forms are cut for the lexicon */

/* Feature sets (bits of a model's fset), for training and ablations. */
enum {
	LEDE_NF_WORD = 1 << 0,		/* form and lower-case form */
	LEDE_NF_AFFIX = 1 << 1,		/* prefixes and suffixes 1-4 */
	LEDE_NF_SHAPE = 1 << 2,		/* shapes and orthographic flags */
	LEDE_NF_CONTEXT = 1 << 3,	/* neighbours at -2..+2 */
	LEDE_NF_CLUSTER = 1 << 4,	/* word clusters */
	LEDE_NF_GAZ = 1 << 5,		/* gazetteer bits */
	LEDE_NF_CASE = 1 << 6,		/* capitalisation profile */
	LEDE_NF_SENT = 1 << 7,		/* sentence position and mode */
	LEDE_NF_DOC = 1 << 8,		/* labels earlier in the document */
	LEDE_NF_ALL = (1 << 9) - 1,
};

/*
 * Feature groups: 0..4 the word at offset -2..+2 of the token; 5 the token
 * itself when it opens the sentence; 6 the token in an all-caps sentence;
 * 7 the token in an all-lower-case sentence.
 */
enum {
	LEDE_NG_FIRST = 5,
	LEDE_NG_UPPER = 6,
	LEDE_NG_LOWER = 7,
};

/* What the lexicon knows about one form. */
typedef struct {
	uint16_t cl[LEDE_NER_NCLUST];	/* cluster ids, 0 = none */
	uint8_t cap;			/* capitalisation bucket, 0 = unknown */
	uint32_t gaz;			/* gazetteer bits */
} LedeNerLexEnt;

typedef struct LedeNerLex LedeNerLex;

LedeNerLex *lede_nerlex_new(void);
void lede_nerlex_free(LedeNerLex *x);
/* Entry of the form (added zeroed when absent). */
LedeNerLexEnt *lede_nerlex_put(LedeNerLex *x, const char *s, size_t n);
const LedeNerLexEnt *lede_nerlex_get(const LedeNerLex *x, const char *s,
    size_t n);
size_t lede_nerlex_size(const LedeNerLex *x);
/* The i-th form and entry, in insertion order. */
const char *lede_nerlex_key(const LedeNerLex *x, size_t i, size_t *n,
    const LedeNerLexEnt **e);

/*
 * Lexicon entry for a token: the form itself, or for all-caps and
 * lower-case forms the title-case and lower-case variants.  NULL when the
 * lexicon knows none of them.
 */
const LedeNerLexEnt *lede_nerlex_lookup(const LedeNerLex *x, const char *s,
    size_t n);

/* Pseudo-forms of the sentence boundaries, for neighbours out of range. */
#define LEDE_NER_BOS "\001<s>"
#define LEDE_NER_EOS "\001</s>"

/* Hashed feature keys of one word type, each with its group. */
typedef struct {
	uint64_t *key;
	uint8_t *grp;
	size_t n, cap;
} LedeNerFeats;

/* Word-type flags (lede_ner_typefeats sets them). */
enum {
	LEDE_NT_LETTER = 1,	/* has a letter */
	LEDE_NT_UPPER = 2,	/* has an upper-case letter */
	LEDE_NT_LOWER = 4,	/* has a lower-case letter */
};

/*
 * Append to f the features of the form s[0..n) (valid UTF-8) for the
 * feature set fset; returns the type flags.  The lower-case form is left
 * in *low (cleared first) when low is not NULL.
 */
unsigned lede_ner_typefeats(const LedeNerLex *x, unsigned fset,
    const char *s, size_t n, LedeNerFeats *f, LedeBuf *low);
void lede_nerfeats_free(LedeNerFeats *f);

/*
 * Document-history features of a token: the entity types (bit t) and O
 * (bit ntypes) its lower-case form got earlier in the document, and the
 * most frequent of them (0 = none, 1 = O, 2 + t).  Keys of the two
 * features; each is looked up in the model like any other.
 */
uint64_t lede_ner_histkey_major(int major);
uint64_t lede_ner_histkey_set(unsigned bits);

/*
 * The history features of the counts c[0..ntypes] of a form's earlier
 * labels (c[ntypes] = O): returns the most frequent class (0 = no history,
 * 1 = O, 2 + t; ties to the lower index) and sets *bits to the classes seen.
 */
int lede_ner_histfeat(const uint16_t *c, int ntypes, unsigned *bits);

/* Sentence mode from the type flags of its tokens: 0, UPPER or LOWER. */
int lede_ner_sentmode(const unsigned *flags, size_t n);

/* Labels: 0 = O, 1 + 4t + {0 B, 1 I, 2 L, 3 U}. */
static inline int
lede_ner_label(int type, int part)
{
	return 1 + 4 * type + part;
}

/* 1 when label b may follow label a (a < 0: sentence start). */
int lede_ner_allowed(int a, int b);
/* 1 when a sentence may end after label a. */
int lede_ner_endok(int a);

/* A trained model, as loaded. */
typedef struct LedeNerModel LedeNerModel;

/*
 * Load a model from a file or a memory buffer.  Returns the model, or
 * NULL with a reason in err ("bad magic", "truncated", ...).
 */
LedeNerModel *lede_ner_load(const char *path, char *err, size_t errlen);
LedeNerModel *lede_ner_load_mem(const void *buf, size_t n, char *err,
    size_t errlen);
void lede_ner_free(LedeNerModel *m);
/*
 * The checksum a model file ends with (little-endian), of its bytes
 * before it; for tools and fuzz harnesses that build or patch models.
 */
uint64_t lede_ner_checksum(const void *p, size_t n);
int lede_ner_ntypes(const LedeNerModel *m);
const char *lede_ner_typename(const LedeNerModel *m, int t);
unsigned lede_ner_fset(const LedeNerModel *m);
size_t lede_ner_nfeat(const LedeNerModel *m);
size_t lede_ner_nlex(const LedeNerModel *m);

/*
 * Writing a model: the trainer gives the type names, the lexicon, the
 * transition weights ((L + 1) x (L + 1), row L the start, column L the
 * end) and the feature keys with their L weights each.  Weights are
 * quantised to 16 bits; those that round to 0 are dropped.  Returns 0,
 * or -1 with errno set.
 */
typedef struct {
	unsigned fset;
	int ntypes;
	const char *const *types;
	const LedeNerLex *lex;
	const float *trans;
	size_t nfeat;
	const uint64_t *keys;
	const float *w;		/* nfeat x L */
} LedeNerModelSpec;

int lede_ner_save(const char *path, const LedeNerModelSpec *spec);

/* A tagger: caches by word type and the document history. */
typedef struct LedeNerTagger LedeNerTagger;

LedeNerTagger *lede_ner_tagger_new(const LedeNerModel *m);
void lede_ner_tagger_free(LedeNerTagger *t);
/* Forget the document history (at a new document). */
void lede_ner_tagger_newdoc(LedeNerTagger *t);
/*
 * Tag a sentence of n forms (valid UTF-8, lengths in len): out[i] gets
 * the BILOU label of token i.
 */
void lede_ner_tag(LedeNerTagger *t, const char *const *forms,
    const size_t *len, size_t n, int *out);

/*
 * BIO tag of label l: "O", or "B-" / "I-" and the type name, written to
 * buf (at least 3 + type name length + 1 bytes); returns its length.
 */
size_t lede_ner_bio(const LedeNerModel *m, int l, char *buf, size_t size);

/*
 * conlleval-style scores.  Tags are BIO or IOB1 strings ("O", "B-PER",
 * "I-LOC"); a chunk starts at B-X, or at I-X after anything but B-X or
 * I-X; chunks match when start, end and type do.
 */
#define LEDE_EVAL_MAXTYPES 32
typedef struct {
	unsigned long tokens, correct_tags;
	unsigned long gold, guess, correct;	/* chunks */
	int ntypes;
	char type[LEDE_EVAL_MAXTYPES][32];
	unsigned long tgold[LEDE_EVAL_MAXTYPES], tguess[LEDE_EVAL_MAXTYPES];
	unsigned long tcorrect[LEDE_EVAL_MAXTYPES];
} LedeNerEval;

/* Add a sentence of n gold and guessed tags.  Returns 0, -1 on too many types. */
int lede_ner_eval_add(LedeNerEval *e, const char *const *gold,
    const char *const *guess, size_t n);
/* Overall F1 in percent. */
double lede_ner_eval_f1(const LedeNerEval *e);
/* Print the conlleval report (types sorted by name). */
void lede_ner_eval_print(const LedeNerEval *e, FILE *fp);


/*
 * A reader of CoNLL-style NER files: the token in the first column, the
 * tag in the last (TAB or space separated), a blank line between
 * sentences, "-DOCSTART-" lines opening documents.  Tags are O, B-X, I-X
 * (BIO or IOB1).
 */
typedef struct LedeBio LedeBio;

LedeBio *lede_bio_open(FILE *fp, const char *name);
void lede_bio_free(LedeBio *b);
/*
 * Next sentence: its n forms and tags (valid until the next call).
 * *newdoc is set when a -DOCSTART- line came before it.  Returns 1, 0 at
 * the end, or -1 on an error (lede_bio_error tells "FILE:LINE: reason";
 * the rest of that sentence is skipped).
 */
int lede_bio_next(LedeBio *b, char ***forms, char ***tags, size_t *n,
    int *newdoc);
const char *lede_bio_error(const LedeBio *b);
/* The name given to lede_bio_open. */
const char *lede_bio_name(const LedeBio *b);
/* The line of token i of the last sentence (its lines are consecutive). */
unsigned long lede_bio_lineno(const LedeBio *b, size_t i);
/*
 * The column before the tag of each token of the last sentence, when it
 * is a tag too (conlleval input: token ... gold guess), else NULL.
 */
char **lede_bio_tag2(const LedeBio *b);

#endif
