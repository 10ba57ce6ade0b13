/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "formtab.h"
#include "keyphrase.h"
#include "nerrules.h"
#include "postag.h"
#include "rank.h"
#include "segment.h"
#include "text.h"
#include "util.h"

/* Word flags. */
enum {
	F_MOD = 1,	/* may stand before the head of a phrase */
	F_HEAD = 2,	/* may end a phrase */
	F_HYPH = 4,	/* a hyphen that may join two words */
	F_WORD = 8,	/* has a letter or digit: counts for positions */
	F_VERB = 16,	/* may be a verb */
	F_PART = 32,	/* a participle (-ing, -ed) that is no noun */
	F_DET = 64,	/* a determiner or possessive: a noun phrase follows */
	F_NUM = 128,	/* digits, no letter */
	F_STOP = 256,	/* a stop word or determiner: never in a phrase */
	F_TAGGED = F_MOD | F_HEAD | F_VERB | F_PART,	/* what tags decide */
};

/* Determiners and possessives, after which a participle modifies a noun. */
static const char *dets[] = {
	"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
	"their", "our", "my", "your", "'s", "'", "\xe2\x80\x99s", "every", "each",
	"no", "some", "any", "another", "other", "such", "whose",
};

/* The caches of stems and forms are dropped when they grow past this. */
#define CACHE_MAX 500000
/* The tagger's blocks are dropped past this many forms (240 bytes each). */
#define BLK_MAX 100000
/* Entity spans longer than this (in tokens) are not candidates. */
#define ENT_MAX 8

typedef struct {
	long stem;		/* id in kp->stems */
	long form;		/* index in kp->ft */
	size_t off, len;	/* FORM in kp->text */
	long wpos;		/* position among the words, -1 if none */
	int sent;
	unsigned short flags;
	signed char glued;
	char ner;		/* 'B', 'I' or 0 */
} Tok;

typedef struct {
	long count, first;	/* occurrences; word position of the first */
	int firstsent;		/* sentence of the first */
	int sub;		/* inside a better phrase */
	size_t woff, nw;	/* stems of its words in kp->pw */
	long surf;		/* best surface so far (index in kp->sf) */
	long surfcount, surffirst;
	int surfhl;		/* it is of the title (lede_kp_headline) */
	size_t bare;		/* stems without its legal form, or 0 */
	int dead;		/* merged into its legal name's phrase */
	double score;
} Phrase;

/* A surface form of a phrase: its text in kp->sbytes. */
typedef struct {
	long phrase;
	size_t off, len;
	long count, first;
	int hl;			/* of the title: shown only if the text lacks the phrase */
} Surf;

/*
 * Tokens are looked up in batches: the hash of each is computed and its
 * slot fetched into the cache when it comes, the entries when the batch
 * is full or the sentence ends, so that the cache misses overlap.
 */
#define PEND_MAX 64
typedef struct {
	uint64_t hash;
	size_t soff, slen;	/* STEM value in kp->colstems */
	int hasstem;
} Pend;

/* Slots of the per-document tables, valid when gen is the document's. */
typedef struct {
	uint32_t gen, hash, id;
} GSlot;

/*
 * A stem's node in the document's word graph, valid when stamp is the
 * document's: side by side, a token's look-up costs one cache miss.
 */
typedef struct {
	long stamp, id;
} Node;

struct LedeKp {
	LedeKpParams p;
	LedeSeg *seg;		/* for lede_kp_headline, made when first used */
	int hlsents;		/* the title's sentences: 0 to hlsents - 1 */
	LedeBuf hlshow;		/* its tokens as shown, from kp->text's start */
	struct sb_stemmer *st;
	LedeDict *lex, *stop;
	unsigned char *lexflags;
	size_t nlexflags;
	const LedeDf *df;

	LedeFt *ft;		/* forms seen: v[0] stem id, v[1] tagger block
				 * (-1 none, for both), flags */
	LedeDict *stems;	/* stem -> id */
	double *idf;		/* by stem id, < 0 when not computed */
	Node *node;		/* by stem id */
	long *titlestamp;
	size_t cstems;
	long docno;

	Tok *tok;
	size_t ntok, ctok;
	Pend pend[PEND_MAX];	/* tokens from tok[ntok - npend] on */
	size_t npend;
	LedeBuf colstems;	/* their STEM values */
	LedeBuf text, low, key, sbuf, titlebuf;
	long nword;
	int sent;

	GSlot *pslot, *sslot;	/* per document: phrases, surfaces */
	size_t npslot, nsslot;
	uint32_t gen;
	Phrase *ph;
	size_t nph, cph;
	Surf *sf;
	size_t nsf, csf;
	LedeBuf sbytes, keys;
	long *pw, *cand;
	size_t npw, cpw, ccand;
	LedeKpPhrase *out;
	size_t cout;
	size_t *order;
	double *powpos, *powtf;	/* pow() of word positions and counts */
	size_t npowpos, npowtf;

	const LedePosModel *pos;	/* the tagger, or NULL */
	LedePosW *blk;		/* blocks of the forms, LEDE_POS_BLOCK each */
	size_t nblk, cblk;
	const LedePosW **bp;	/* blocks of a sentence's tokens */
	int *tags;
	int32_t *gap;		/* work space of lede_pos_tag_verb */
	unsigned char *vonly;	/* its words known only as verbs */
	size_t cbp;
	size_t sentstart;	/* first token of the sentence */
	LedeBuf poslow;

	LedeGraph *g;
	long *nodestem;
	double *pers, *score;
	size_t cnode;

	uint64_t data;		/* lede_fnv1a of the data loaded (lede_kp_add_data) */
	int hasdata;
};

static const struct {
	const char *name;
	LedeKpMethod m;
} methods[] = {
	{"default", LEDE_KP_DEFAULT},
	{"positionrank", LEDE_KP_POSITIONRANK},
	{"textrank", LEDE_KP_TEXTRANK},
	{"tfidf", LEDE_KP_TFIDF},
	{"tf", LEDE_KP_TF},
	{"position", LEDE_KP_POSITION},
};

#define KNOB(name, min, max, field, isint) \
	{name, min, max, offsetof(LedeKpParams, field), isint}
const LedeKnob lede_kp_knobs[] = {
	KNOB("window", 2, 100, window, 1), KNOB("damping", 0, 0.99, damping, 0),
	KNOB("idf", 0, 10, idf_exp, 0), KNOB("maxlen", 1, 32, maxlen, 1),
	KNOB("participles", 0, 1, participles, 1), KNOB("length", 0, 3, len_exp, 0),
	KNOB("tf", 0, 10, tf_exp, 0), KNOB("title", 0, 100, title_boost, 0),
	KNOB("position", 0, 10, pos_exp, 0), KNOB("context", 0, 15, context, 1),
	KNOB("graph", 0, 10, rank_exp, 0), KNOB("subsume", 0, 1, subsume, 1),
	KNOB("lead", 0, 100, lead_boost, 0), KNOB("tagger", 0, 1, tagger, 1),
	KNOB("core", 0, 1, core, 1), KNOB("leadwords", 0, 100, leadword_boost, 0),
	KNOB("hyphen", 0, 1, hyphen, 1), KNOB("single", 0, 10, single, 0),
	KNOB("short", 0, 1e6, short_len, 0), KNOB("shortexp", 0, 20, short_exp, 0),
	KNOB("entities", 0, 2, entities, 1), KNOB("verbgap", 0, 1000, verbgap, 0),
	KNOB("headline", 0, 1, headline, 1), KNOB("longsplit", 0, 1, longsplit, 1),
	KNOB("numverb", 0, 1, numverb, 1), KNOB("figures", 0, 1, figures, 1),
};
const size_t lede_kp_nknobs = LEDE_LEN(lede_kp_knobs);

const char *
lede_kp_method_name(LedeKpMethod m)
{
	size_t i;

	for (i = 0; i < LEDE_LEN(methods); i++)
		if (methods[i].m == m)
			return methods[i].name;
	return "unknown";
}

int
lede_kp_method_parse(const char *s, LedeKpMethod *m)
{
	size_t i;

	for (i = 0; i < LEDE_LEN(methods); i++)
		if (!strcmp(s, methods[i].name)) {
			*m = methods[i].m;
			return 0;
		}
	return -1;
}

void
lede_kp_defaults(LedeKpParams *p)
{
	p->method = LEDE_KP_DEFAULT;
	p->window = 2;
	p->damping = 0.5;
	p->idf_exp = 1.0;
	p->maxlen = 4;
	p->participles = 1;
	p->len_exp = 1.0;
	p->tf_exp = 0.5;
	p->title_boost = 0.0;
	p->pos_exp = 0.5;
	p->context = 7;
	p->verbgap = 8;
	p->rank_exp = 1.0;
	p->subsume = 1;
	p->lead_boost = 0.7;
	p->tagger = 1;
	p->core = 0;
	p->leadword_boost = 0;
	p->hyphen = 1;
	p->single = 0.7;
	p->short_len = 300;
	p->short_exp = 4;
	p->entities = 2;
	p->longsplit = 1;
	p->numverb = 1;
	p->figures = 1;
	p->headline = 1;
}

LedeKp *
lede_kp_new(const LedeKpParams *params)
{
	LedeKp *kp = ecalloc(1, sizeof(*kp));

	if (params)
		kp->p = *params;
	else
		lede_kp_defaults(&kp->p);
	if (!(kp->st = sb_stemmer_new("english", "UTF_8")))
		eprintf("out of memory in the stemmer");
	kp->lex = lede_dict_new();
	kp->stop = lede_dict_new();
	kp->stems = lede_dict_new();
	kp->ft = lede_ft_new();
	kp->g = lede_graph_new();
	return kp;
}

void
lede_kp_free(LedeKp *kp)
{
	if (!kp)
		return;
	sb_stemmer_delete(kp->st);
	lede_seg_free(kp->seg);
	lede_dict_free(kp->lex);
	lede_dict_free(kp->stop);
	free(kp->lexflags);
	lede_ft_free(kp->ft);
	lede_dict_free(kp->stems);
	free(kp->idf);
	free(kp->node);
	free(kp->titlestamp);
	free(kp->tok);
	lede_buf_free(&kp->text);
	lede_buf_free(&kp->low);
	lede_buf_free(&kp->key);
	lede_buf_free(&kp->sbuf);
	lede_buf_free(&kp->titlebuf);
	lede_buf_free(&kp->hlshow);
	lede_buf_free(&kp->colstems);
	free(kp->pslot);
	free(kp->sslot);
	free(kp->ph);
	free(kp->sf);
	lede_buf_free(&kp->sbytes);
	lede_buf_free(&kp->keys);
	free(kp->pw);
	free(kp->cand);
	free(kp->out);
	free(kp->order);
	free(kp->powpos);
	free(kp->powtf);
	free(kp->blk);
	free(kp->bp);
	free(kp->tags);
	free(kp->gap);
	free(kp->vonly);
	lede_buf_free(&kp->poslow);
	lede_graph_free(kp->g);
	free(kp->nodestem);
	free(kp->pers);
	free(kp->score);
	free(kp);
}

/*
 * A word list: the magic line, "words N", then N rows of ncols
 * TAB-separated fields, the first (the word) strictly increasing in byte
 * order.  fn is called for each row.
 */
static int
parse_words(const char *buf, size_t len, const char *magic, int ncols,
    void (*fn)(LedeKp *, const char *, size_t, const char *, size_t),
    LedeKp *kp, char *err, size_t errlen)
{
	const char *p = buf, *end = buf + len, *nl, *prev = NULL;
	size_t n, prevlen = 0, rows = 0, bad;
	unsigned long line = 0;
	long words = -1;
	char tmp[32];

	if ((bad = lede_utf8_check(buf, len)) != len) {
		for (p = buf; p < buf + bad; p++)
			if (*p == '\n')
				line++;
		lede_lineerr(err, errlen, line + 1, "invalid UTF-8");
		return -1;
	}
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		line++;
		if (memchr(p, '\0', n)) {
			lede_lineerr(err, errlen, line, "NUL byte");
			return -1;
		}
		if (line == 1) {
			if (n != strlen(magic) || memcmp(p, magic, n)) {
				lede_lineerr(err, errlen, line, "expected '%s'", magic);
				return -1;
			}
		} else if (line == 2) {
			if (n < 7 || n - 6 >= sizeof(tmp) || memcmp(p, "words ", 6)) {
				lede_lineerr(err, errlen, line, "expected 'words N'");
				return -1;
			}
			memcpy(tmp, p + 6, n - 6);
			tmp[n - 6] = '\0';
			if (lede_strtol(tmp, 0, 1L << 30, &words) < 0) {
				lede_lineerr(err, errlen, line, "expected 'words N'");
				return -1;
			}
		} else {
			const char *tab = memchr(p, '\t', n);
			size_t wlen = tab ? (size_t)(tab - p) : n, m;
			const char *val = tab ? tab + 1 : p + n;
			size_t vlen = (size_t)(p + n - val);

			if ((ncols == 1) != !tab || wlen == 0 || memchr(p, ' ', wlen) ||
			    (tab && (vlen == 0 || memchr(val, '\t', vlen)))) {
				lede_lineerr(err, errlen, line, ncols == 1 ?
				    "expected one word" : "expected WORD<TAB>VALUE");
				return -1;
			}
			m = prevlen < wlen ? prevlen : wlen;
			if (prev && (memcmp(prev, p, m) > 0 ||
			    (memcmp(prev, p, m) == 0 && prevlen >= wlen))) {
				lede_lineerr(err, errlen, line,
				    "words not in strictly increasing order");
				return -1;
			}
			if ((long)rows >= words) {
				lede_lineerr(err, errlen, line, "more rows than 'words %ld'", words);
				return -1;
			}
			if (ncols == 2) {
				for (m = 0; m < vlen; m++)
					if (!strchr("NJGDVO", val[m]))
						break;
				if (m < vlen) {
					lede_lineerr(err, errlen, line,
					    "word classes are letters of NJGDVO");
					return -1;
				}
			}
			fn(kp, p, wlen, val, vlen);
			prev = p;
			prevlen = wlen;
			rows++;
		}
		p = nl ? nl + 1 : end;
	}
	if (line < 2) {
		lede_lineerr(err, errlen, line ? line : 1, line ? "expected 'words N'" :
		    "empty file");
		return -1;
	}
	if ((long)rows != words) {
		lede_lineerr(err, errlen, line, "%zu rows, but 'words %ld'", rows, words);
		return -1;
	}
	return 0;
}

static unsigned char
classflags(const LedeKp *kp, const char *c, size_t n)
{
	int hasn = memchr(c, 'N', n) != NULL;

	unsigned char v = memchr(c, 'V', n) ? F_VERB : 0;

	switch (c[0]) {
	case 'N':
		return F_MOD | F_HEAD | v;
	case 'J':
		return F_MOD | (hasn ? F_HEAD : 0) | v;
	case 'G':
	case 'D':
		if (hasn)
			return F_MOD | F_HEAD | v;
		return (kp->p.participles ? F_MOD | F_PART : 0) | F_VERB;
	case 'V':
		return (hasn ? F_MOD | F_HEAD : 0) | F_VERB;
	default:
		return v;
	}
}

static void
add_pos(LedeKp *kp, const char *w, size_t n, const char *v, size_t vlen)
{
	long id = lede_dict_put(kp->lex, w, n, NULL);

	if ((size_t)id >= kp->nlexflags) {
		kp->nlexflags = kp->nlexflags ? kp->nlexflags * 2 : 4096;
		kp->lexflags = erealloc(kp->lexflags, kp->nlexflags);
	}
	kp->lexflags[id] = classflags(kp, v, vlen);
}

static void
add_stop(LedeKp *kp, const char *w, size_t n, const char *v, size_t vlen)
{
	(void)v;
	(void)vlen;
	lede_dict_put(kp->stop, w, n, NULL);
}

static void
drop_caches(LedeKp *kp)
{
	kp->nblk = 0;
	lede_ft_clear(kp->ft);
}

int
lede_kp_load_pos(LedeKp *kp, const char *buf, size_t len, char *err,
    size_t errlen)
{
	drop_caches(kp);
	return parse_words(buf, len, "lede-pos 1", 2, add_pos, kp, err, errlen);
}

int
lede_kp_load_stop(LedeKp *kp, const char *buf, size_t len, char *err,
    size_t errlen)
{
	drop_caches(kp);
	return parse_words(buf, len, "lede-stop 1", 1, add_stop, kp, err, errlen);
}

int
lede_stoplist_parse(LedeDict *d, const char *buf, size_t len, char *err,
    size_t errlen)
{
	LedeKp tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stop = d;
	return parse_words(buf, len, "lede-stop 1", 1, add_stop, &tmp, err, errlen);
}

void
lede_kp_add_data(LedeKp *kp, const char *name, const void *buf, size_t len)
{
	if (!kp->hasdata)
		kp->data = LEDE_FNV_INIT;
	kp->hasdata = 1;
	kp->data = lede_fnv1a(kp->data, name, strlen(name) + 1);
	kp->data = lede_fnv1a(kp->data, buf, len);
}

/* The shortest decimal of v that reads back as v ("0.5", "300"). */
static void
add_double(LedeBuf *out, double v)
{
	char tmp[40];
	int prec;

	if (v == (double)(long)v && v > -1e15 && v < 1e15) {
		lede_buf_printf(out, "%ld", (long)v);
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	lede_buf_printf(out, "%.*g", prec, v);
}

void
lede_kp_settings(const LedeKp *kp, LedeBuf *out)
{
	size_t i;

	lede_buf_printf(out, "rank=%s", lede_kp_method_name(kp->p.method));
	if (kp->df)
		lede_buf_printf(out, " df=%ld:%016llx", lede_df_docs(kp->df),
		    (unsigned long long)lede_df_hash(kp->df));
	else
		lede_buf_adds(out, " df=none");
	for (i = 0; i < lede_kp_nknobs; i++) {
		const LedeKnob *k = &lede_kp_knobs[i];
		const char *f = (const char *)&kp->p + k->off;

		lede_buf_printf(out, " %s=", k->name);
		if (k->isint)
			lede_buf_printf(out, "%d", *(const int *)(const void *)f);
		else
			add_double(out, *(const double *)(const void *)f);
	}
	/* after the knobs: "tagger=0" is named before the data it leaves out */
	if (kp->hasdata)
		lede_buf_printf(out, " data=%016llx", (unsigned long long)kp->data);
	else
		lede_buf_adds(out, " data=none");
}

void
lede_kp_set_df(LedeKp *kp, const LedeDf *df)
{
	kp->df = df;
	for (size_t i = 0; i < kp->cstems; i++)
		kp->idf[i] = -1;
}

/* Id of stem s[0..n), growing the arrays indexed by stem id. */
static long
stem_id(LedeKp *kp, const char *s, size_t n)
{
	long id = lede_dict_put(kp->stems, s, n, NULL);

	if ((size_t)id >= kp->cstems) {
		size_t old = kp->cstems;

		kp->cstems = kp->cstems ? kp->cstems * 2 : 8192;
		kp->idf = ereallocarray(kp->idf, kp->cstems, sizeof(*kp->idf));
		kp->node = ereallocarray(kp->node, kp->cstems, sizeof(*kp->node));
		kp->titlestamp = ereallocarray(kp->titlestamp, kp->cstems,
		    sizeof(*kp->titlestamp));
		for (size_t i = old; i < kp->cstems; i++) {
			kp->idf[i] = -1;
			kp->node[i].stamp = kp->titlestamp[i] = -1;
		}
	}
	return id;
}

const char *
lede_kp_stem(LedeKp *kp, const char *form, size_t n, size_t *slen)
{
	const char *s;

	lede_buf_clear(&kp->low);
	lede_lower(&kp->low, form, n);
	if (!lede_hasletter(kp->low.p, kp->low.len)) {
		*slen = kp->low.len;
		return kp->low.p;
	}
	s = (const char *)sb_stemmer_stem(kp->st, (const sb_symbol *)kp->low.p,
	    (int)kp->low.len);
	if (!s)
		eprintf("out of memory in the stemmer");
	*slen = (size_t)sb_stemmer_length(kp->st);
	return s;
}

/* Flags of a lower-cased word. */
static unsigned short
wordflags(LedeKp *kp, const char *w, size_t n)
{
	long id;
	size_t i;
	int word = 0, letter = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			word = 1;
		if (c >= 0x80 || (c >= 'a' && c <= 'z'))
			letter = 1;
	}
	if (letter)
		letter = lede_hasletter(w, n);
	if (!word)
		return n == 1 && w[0] == '-' ? F_HYPH : 0;
	if (!letter)
		return F_WORD | F_NUM;
	for (i = 0; i < LEDE_LEN(dets); i++)
		if (strlen(dets[i]) == n && !memcmp(dets[i], w, n))
			return F_WORD | F_DET | F_STOP;
	if (lede_dict_get(kp->stop, w, n) >= 0)
		return F_WORD | F_STOP;
	if ((id = lede_dict_get(kp->lex, w, n)) >= 0)
		return F_WORD | kp->lexflags[id];
	if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y')
		return F_WORD;
	/* an unknown -ed word is taken for a participle */
	if (n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd')
		return F_WORD | F_VERB | (kp->p.participles ? F_MOD | F_PART : 0);
	return F_WORD | F_MOD | F_HEAD;
}

/*
 * The entry of form[0..n) of hash h, made (its flags) when new.  Its stem
 * is left to form_stem: a stream's STEM column gives the stems, and the
 * stemmer and a look-up for each new form cost more than the forms' other
 * work.
 */
static LedeFtEnt *
form_get(LedeKp *kp, const char *form, size_t n, uint64_t h)
{
	int added;
	LedeFtEnt *e = lede_ft_get(kp->ft, form, n, h, &added);

	if (added) {
		lede_buf_clear(&kp->low);
		lede_lower(&kp->low, form, n);
		e->flags = wordflags(kp, kp->low.p, kp->low.len);
		e->v[0] = -1;
		e->v[1] = -1;
	}
	return e;
}

/* The stem id of the entry e of form[0..n), made when it has none. */
static long
form_stem(LedeKp *kp, LedeFtEnt *e, const char *form, size_t n)
{
	if (e->v[0] < 0) {
		size_t sl;
		const char *s = lede_kp_stem(kp, form, n, &sl);

		e->v[0] = (int32_t)stem_id(kp, s, sl);
	}
	return e->v[0];
}

/* Index of a form's entry. */
static long
form_index(LedeKp *kp, const LedeFtEnt *e)
{
	return (long)(e - lede_ft_ent(kp->ft, 0));
}

void
lede_kp_begin(LedeKp *kp, const char *title, size_t titlelen)
{
	size_t i = 0, j;
	long st;

	kp->ntok = kp->npend = 0;
	lede_buf_clear(&kp->colstems);
	kp->nword = 0;
	kp->sent = 0;
	kp->hlsents = 0;
	lede_buf_clear(&kp->text);
	kp->docno++;
	if (lede_dict_size(kp->stems) > CACHE_MAX) {
		lede_dict_free(kp->stems);
		kp->stems = lede_dict_new();
		for (i = 0; i < kp->cstems; i++) {
			kp->idf[i] = -1;
			kp->node[i].stamp = kp->titlestamp[i] = -1;
		}
		drop_caches(kp);
		i = 0;
	}
	if (lede_ft_size(kp->ft) > CACHE_MAX || kp->nblk > BLK_MAX)
		drop_caches(kp);
	kp->sentstart = 0;
	/* title words: runs of letters and digits, stemmed (only a title
	 * boost reads them) */
	if (!title || kp->p.title_boost == 0)
		return;
	lede_buf_clear(&kp->titlebuf);
	lede_buf_add(&kp->titlebuf, title, titlelen);
	title = kp->titlebuf.p;
	while (i < titlelen) {
		int32_t cp;
		int l = lede_utf8_decode(title + i, titlelen - i, &cp);

		if (l < 0)
			return;
		if (!lede_iswordchar(cp)) {
			i += (size_t)l;
			continue;
		}
		for (j = i; j < titlelen;) {
			l = lede_utf8_decode(title + j, titlelen - j, &cp);
			if (l < 0 || !lede_iswordchar(cp))
				break;
			j += (size_t)l;
		}
		/* the stem first: form_get may move kp->titlestamp */
		st = form_stem(kp, form_get(kp, title + i, j - i,
		    lede_hash(title + i, j - i)), title + i, j - i);
		kp->titlestamp[st] = kp->docno;
		i = j;
	}
}

/* Look the pending tokens up. */
static void
resolve(LedeKp *kp)
{
	size_t i, base = kp->ntok - kp->npend;

	if (!kp->npend)
		return;
	for (i = 0; i < kp->npend; i++)
		lede_ft_prefetch_entry(kp->ft, kp->pend[i].hash);
	for (i = 0; i < kp->npend; i++) {
		Tok *t = &kp->tok[base + i];
		const Pend *pd = &kp->pend[i];
		LedeFtEnt *e = form_get(kp, kp->text.p + t->off, t->len, pd->hash);
		const char *stem = kp->colstems.p ? kp->colstems.p + pd->soff : "";
		size_t slen = pd->slen;

		t->form = form_index(kp, e);
		if (!pd->hasstem) {
			t->stem = form_stem(kp, e, kp->text.p + t->off, t->len);
		} else if (e->col >= 0 && e->cslen == slen &&
		    !memcmp(e->cs, stem, slen)) {
			t->stem = e->col;
		} else {
			size_t n;

			t->stem = stem_id(kp, stem, slen);
			e->col = (int32_t)t->stem;
			e->cs = lede_dict_key(kp->stems, t->stem, &n);
			e->cslen = (uint32_t)n;
		}
		t->flags = e->flags;
		t->wpos = (t->flags & F_WORD) ? kp->nword++ : -1;
	}
	kp->npend = 0;
	lede_buf_clear(&kp->colstems);
}

void
lede_kp_token(LedeKp *kp, const char *form, size_t flen, const char *stem,
    size_t slen, const char *ner, int glued)
{
	Tok *t;
	Pend *pd;

	if (kp->npend == PEND_MAX)
		resolve(kp);
	if (kp->ntok == kp->ctok) {
		kp->ctok = kp->ctok ? kp->ctok * 2 : 1024;
		kp->tok = ereallocarray(kp->tok, kp->ctok, sizeof(*kp->tok));
	}
	t = &kp->tok[kp->ntok++];
	pd = &kp->pend[kp->npend++];
	pd->hash = lede_hash(form, flen);
	lede_ft_prefetch(kp->ft, pd->hash);
	pd->hasstem = stem != NULL;
	pd->soff = kp->colstems.len;
	pd->slen = slen;
	if (stem)
		lede_buf_add(&kp->colstems, stem, slen);
	t->off = kp->text.len;
	t->len = flen;
	lede_buf_add(&kp->text, form, flen);
	t->sent = kp->sent;
	t->glued = (signed char)glued;
	t->ner = 0;
	if (ner && (ner[0] == 'B' || ner[0] == 'I') && ner[1] == '-')
		t->ner = ner[0];
}

/* Flags a tag gives a word that may be in a phrase. */
static unsigned short
tagflags(const LedeKp *kp, int tag)
{
	switch (tag) {
	case LEDE_POS_NN:
	case LEDE_POS_NNS:
	case LEDE_POS_NNP:
	case LEDE_POS_X:
		return F_MOD | F_HEAD;
	case LEDE_POS_JJ:
		return F_MOD;
	case LEDE_POS_VBG:
	case LEDE_POS_VBN:
		return F_VERB | (kp->p.participles ? F_MOD | F_PART : 0);
	default:
		return F_VERB * (tag == LEDE_POS_VB || tag == LEDE_POS_VBD ||
		    tag == LEDE_POS_VBZ);
	}
}

/* A new block for form[0..n) (the tagger's summed weights). */
static int32_t
newblock(LedeKp *kp, const char *form, size_t n)
{
	if (kp->nblk == kp->cblk) {
		kp->cblk = kp->cblk ? kp->cblk * 2 : 4096;
		kp->blk = ereallocarray(kp->blk, kp->cblk,
		    LEDE_POS_BLOCK * sizeof(*kp->blk));
	}
	lede_pos_block(kp->pos, form, n, kp->blk + kp->nblk * LEDE_POS_BLOCK,
	    &kp->poslow);
	return (int32_t)kp->nblk++;
}

/*
 * The block of form[0..n), which has none yet.  Numbers of one shape
 * share the block of their form with zeros ("1987" that of "0000"): a
 * number's own class comes from the F_NUM flag, not from its tag, and as
 * a neighbour it counts by its shape and suffix (the features of "0000"),
 * which saves a block for each number of a news stream.
 */
static int32_t
getblock(LedeKp *kp, const char *form, size_t n)
{
	size_t i;
	long z;

	if (!lede_pos_number(form, n))
		return newblock(kp, form, n);
	lede_buf_clear(&kp->sbuf);
	lede_buf_add(&kp->sbuf, form, n);
	for (i = 0; i < n; i++)
		if (kp->sbuf.p[i] >= '1' && kp->sbuf.p[i] <= '9')
			kp->sbuf.p[i] = '0';
	z = form_index(kp, form_get(kp, kp->sbuf.p, n, lede_hash(kp->sbuf.p, n)));
	if (lede_ft_ent(kp->ft, (size_t)z)->v[1] < 0) {
		int32_t b = newblock(kp, kp->sbuf.p, n);

		lede_ft_ent(kp->ft, (size_t)z)->v[1] = b;
	}
	return lede_ft_ent(kp->ft, (size_t)z)->v[1];
}

static int
nounlike(int tag)
{
	return tag == LEDE_POS_NN || tag == LEDE_POS_NNS || tag == LEDE_POS_NNP;
}

/* Is token t the word w? */
static int
formis(const LedeKp *kp, const Tok *t, const char *w)
{
	size_t n = strlen(w);

	return t->len == n && !memcmp(kp->text.p + t->off, w, n);
}

/*
 * Is the noun phrase that ends before word i the object of a verb
 * ("includes tax gain 9,000")?  A verb of saying does not count ("said
 * deposits rose").
 */
static int
object(const LedeKp *kp, size_t a, size_t i)
{
	static const char *say[] = {"said", "says", "say", "reported",
	    "showed", "shows", "show", "added", "estimated"};
	const int *tg = kp->tags;
	size_t k;

	while (i > 0 && (nounlike(tg[i - 1]) || tg[i - 1] == LEDE_POS_JJ ||
	    tg[i - 1] == LEDE_POS_DT || tg[i - 1] == LEDE_POS_CD ||
	    tg[i - 1] == LEDE_POS_POS))
		i--;
	if (i == 0 || !(tg[i - 1] == LEDE_POS_VB || tg[i - 1] == LEDE_POS_VBD ||
	    tg[i - 1] == LEDE_POS_VBZ || tg[i - 1] == LEDE_POS_VBG ||
	    tg[i - 1] == LEDE_POS_VBN))
		return 0;
	for (k = 0; k < LEDE_LEN(say); k++)
		if (formis(kp, &kp->tok[a + i - 1], say[k]))
			return 0;
	return 1;
}

/*
 * A word that may be a verb (the lexicon's V), tagged a noun after a noun
 * and before an amount, is a verb ("deposits rose 2.6 pct", "the dollar
 * fell to 1.50 marks", "2ND QTR SALES RISE 5 PCT"; the numverb knob):
 * the tagger, trained on web text, reads these verbs of market reports as
 * nouns.  Not in a line of figures, nor after a noun phrase that is the
 * object of a verb ("includes tax gain 9,000").
 */
static void
numverbs(LedeKp *kp, size_t a, size_t n)
{
	size_t i, k;
	int *tg = kp->tags, figs = -1;

	for (i = 1; i + 1 < n; i++) {
		const Tok *t = &kp->tok[a + i], *nx = &kp->tok[a + i + 1];

		if (!(t->flags & F_VERB) || !(tg[i] == LEDE_POS_NN ||
		    tg[i] == LEDE_POS_NNS) || !nounlike(tg[i - 1]))
			continue;
		if (!(tg[i + 1] == LEDE_POS_CD || (i + 2 < n &&
		    tg[i + 2] == LEDE_POS_CD && (formis(kp, nx, "to") ||
		    formis(kp, nx, "by") || formis(kp, nx, "from")))))
			continue;
		/* not in a line of figures ("Cash flow 294.3 mln vs 242.6 mln") */
		for (k = 0; figs < 0 && k <= n; k++)
			if (k == n)
				figs = 0;
			else if (formis(kp, &kp->tok[a + k], "vs") ||
			    formis(kp, &kp->tok[a + k], "vs."))
				figs = 1;
		if (figs)
			return;
		if (!object(kp, a, i))
			tg[i] = LEDE_POS_VBD;
	}
}

/* Tag the tokens of the sentence and set their flags from the tags. */
static void
tagsent(LedeKp *kp)
{
	size_t i, a = kp->sentstart, n = kp->ntok - a;
	int head;

	if (n > kp->cbp) {
		kp->cbp = 2 * n;
		kp->bp = ereallocarray(kp->bp, kp->cbp, sizeof(*kp->bp));
		kp->tags = ereallocarray(kp->tags, kp->cbp, sizeof(*kp->tags));
		kp->gap = ereallocarray(kp->gap, kp->cbp, 2 * sizeof(*kp->gap));
		kp->vonly = erealloc(kp->vonly, kp->cbp);
	}
	/* blocks first (kp->blk may move), then their addresses */
	for (i = 0; i < n; i++) {
		Tok *t = &kp->tok[a + i];

		if (lede_ft_ent(kp->ft, (size_t)t->form)->v[1] < 0) {
			int32_t b = getblock(kp, kp->text.p + t->off, t->len);

			lede_ft_ent(kp->ft, (size_t)t->form)->v[1] = b;
		}
	}
	for (i = 0; i < n; i++)
		kp->bp[i] = kp->blk + (size_t)lede_ft_ent(kp->ft,
		    (size_t)kp->tok[a + i].form)->v[1] * LEDE_POS_BLOCK;
	/*
	 * A headline (the title, or a first sentence without end
	 * punctuation): its words in -s that the lexicon knows only as
	 * verbs ("launches", "SEES").
	 */
	head = kp->sent < kp->hlsents || (kp->sent == 0 &&
	    (kp->tok[kp->ntok - 1].flags & F_WORD));
	for (i = 0; head && i < n; i++) {
		const Tok *t = &kp->tok[a + i];

		kp->vonly[i] = (t->flags & F_TAGGED) == F_VERB &&
		    (kp->text.p[t->off + t->len - 1] | 32) == 's';
	}
	if (kp->p.verbgap > 0)
		lede_pos_tag_verb(kp->pos, kp->bp, n, kp->tags, kp->gap,
		    kp->p.verbgap, head ? kp->vonly : NULL);
	else
		lede_pos_tag(kp->pos, kp->bp, n, kp->tags);
	if (kp->p.numverb)
		numverbs(kp, a, n);
	for (i = 0; i < n; i++) {
		Tok *t = &kp->tok[a + i];

		if (!(t->flags & F_WORD) || (t->flags & (F_STOP | F_NUM | F_HYPH)))
			continue;
		t->flags = (unsigned short)((t->flags & ~F_TAGGED) |
		    tagflags(kp, kp->tags[i]));
	}
}

/*
 * A unit glued to a number ("$1.5bn", "300m", "10km", "4GB": tokenize
 * splits them "1.5 bn") is a word of the amount, never of a phrase, like
 * the amount words of nophrase-en.txt: a word of 1 to 3 ASCII letters,
 * the first in lower case, that follows a number with no space between,
 * in the same sentence, unless the number is itself glued to a word or
 * hyphen before it (a currency sign, "$" or "£", is no word here).  A
 * capital after a number mostly starts a name or a designation ("3Com",
 * "Audi 5000CS", "767-300ER", "F-4EJ"), not a unit.
 */
static void
units(LedeKp *kp)
{
	size_t i, j;

	for (i = kp->sentstart + 1; i < kp->ntok; i++) {
		Tok *t = &kp->tok[i];
		const char *f = kp->text.p + t->off;

		if (t->glued != 1 || t->len > 3 || !(kp->tok[i - 1].flags & F_NUM) ||
		    !(t->flags & F_WORD) || (t->flags & F_STOP))
			continue;
		if (i >= kp->sentstart + 2 && kp->tok[i - 1].glued == 1 &&
		    (kp->tok[i - 2].flags & (F_WORD | F_HYPH | F_NUM)) != 0 &&
		    (kp->tok[i - 2].flags & (F_WORD | F_HYPH | F_NUM)) !=
		    (F_WORD | F_NUM))
			continue;
		if (!(f[0] >= 'a' && f[0] <= 'z'))
			continue;
		for (j = 1; j < t->len; j++)
			if (!((f[j] >= 'a' && f[j] <= 'z') || (f[j] >= 'A' && f[j] <= 'Z')))
				break;
		if (j == t->len)
			t->flags = (unsigned short)((t->flags & ~F_TAGGED) | F_STOP);
	}
}

int
lede_kp_figures(const LedeKp *kp)
{
	return kp->p.figures;
}

int
lede_kp_wants_headline(const LedeKp *kp)
{
	return kp->p.headline;
}

void
lede_kp_headline(LedeKp *kp, const char *title, const char *cased,
    size_t len)
{
	const LedeTok *tok;
	size_t n, i, prevend = 0;

	if (!kp->p.headline || kp->ntok > 0)
		return;
	if (!cased)
		cased = title;
	if (!kp->seg)
		kp->seg = lede_seg_new(0, LEDE_PARA_AUTO);
	/*
	 * Each sentence of the title is one, as in the text; its bytes are
	 * laid out in kp->hlshow as the tokens' forms are in kp->text.
	 */
	lede_buf_clear(&kp->hlshow);
	lede_seg_start(kp->seg, cased, len);
	while ((n = lede_seg_next(kp->seg, &tok)) > 0) {
		for (i = 0; i < n; i++) {
			lede_kp_token(kp, cased + tok[i].off, tok[i].len, NULL, 0,
			    NULL, i > 0 ? tok[i].off == prevend : -1);
			lede_buf_add(&kp->hlshow, title + tok[i].off, tok[i].len);
			prevend = tok[i].off + tok[i].len;
		}
		kp->hlsents = kp->sent + 1;
		lede_kp_endsent(kp);
	}
}

void
lede_kp_endsent(LedeKp *kp)
{
	resolve(kp);
	if (kp->pos && kp->ntok > kp->sentstart)
		tagsent(kp);
	units(kp);
	kp->sentstart = kp->ntok;
	kp->sent++;
}

void
lede_kp_set_tagger(LedeKp *kp, const LedePosModel *m)
{
	kp->pos = m;
	drop_caches(kp);
}

/*
 * Grow a per-document table to hold twice n entries; hash(i) gives the
 * hash of entry i.  Slots of other documents count as empty.
 */
static GSlot *
gtab_grow(GSlot *old, size_t *nslot, size_t n, uint32_t gen,
    uint64_t (*hash)(const LedeKp *, size_t), const LedeKp *kp)
{
	size_t ns = *nslot ? *nslot : 512, i, j;
	GSlot *t;

	while (ns < 2 * n + 2)	/* n entries and the one to come */
		ns *= 2;
	if (ns == *nslot && old)
		return old;
	free(old);
	t = ecalloc(ns, sizeof(*t));
	for (i = 0; i < n; i++) {
		uint64_t h = hash(kp, i);

		for (j = (size_t)h & (ns - 1); t[j].gen == gen; j = (j + 1) & (ns - 1))
			;
		t[j].gen = gen;
		t[j].hash = (uint32_t)(h >> 32);
		t[j].id = (uint32_t)i;
	}
	*nslot = ns;
	return t;
}

static uint64_t
phrase_hash(const LedeKp *kp, size_t i)
{
	return lede_hash(kp->pw + kp->ph[i].woff, kp->ph[i].nw * sizeof(long));
}

static uint64_t
surf_hash(const LedeKp *kp, size_t i)
{
	const Surf *f = &kp->sf[i];

	return lede_hash(kp->sbytes.p + f->off, f->len) ^
	    ((uint64_t)f->phrase * 0x9E3779B97F4A7C15ULL);
}

/*
 * The number of stems of the phrase of tokens [a, b) (nw in all) without
 * the short legal-form designators (up to four letters and a full stop:
 * "Corp.", "GmbH"; not "Corporation") that end a name of two words or
 * more, and an "and" or "&" or a bracketed part before them: "Wrather
 * Corp" -> "Wrather", "Goldman Sachs & Co" -> "Goldman Sachs", "Industrial
 * Equity (Pacific) Ltd" -> "Industrial Equity"; nw when it ends in none.
 */
static size_t
undesignate(const LedeKp *kp, size_t a, size_t b, size_t nw)
{
	size_t i = b, k = nw;
	const Tok *t;

	while (k > 1 && i > a) {
		t = &kp->tok[--i];
		if (t->flags & F_HYPH)
			return nw;
		/* the short forms: "Internet Corporation" is no legal name */
		if (t->len > 5 || (t->len == 5 && kp->text.p[t->off + 4] != '.') ||
		    !lede_nerx_legal(kp->text.p + t->off, t->len))
			break;
		k--;
	}
	if (k == nw)
		return nw;
	t = &kp->tok[i];
	if (k > 1 && ((t->len == 1 && kp->text.p[t->off] == '&') ||
	    (t->len == 3 && !memcmp(kp->text.p + t->off, "and", 3))))
		k--;
	else if (t->len == 1 && kp->text.p[t->off] == ')') {
		/* "Industrial Equity (Pacific) Ltd": the bracket too */
		size_t j = i, m = k;

		while (j > a && m > 1 && !(kp->tok[j].len == 1 &&
		    kp->text.p[kp->tok[j].off] == '(')) {
			if (kp->tok[j].flags & F_HYPH)
				return k;
			j--;
			m--;
		}
		if (m > 1 && kp->tok[j].len == 1 &&
		    kp->text.p[kp->tok[j].off] == '(')
			k = m - 1;
	}
	return k;
}

/*
 * The slot of kp->pslot that holds the phrase whose stems are w[0..nw)
 * (hash h), or the free slot where it would go.
 */
static size_t
phrase_slot(const LedeKp *kp, const long *w, size_t nw, uint64_t h)
{
	size_t mask = kp->npslot - 1, j;

	for (j = (size_t)h & mask; kp->pslot[j].gen == kp->gen; j = (j + 1) & mask) {
		const Phrase *q = &kp->ph[kp->pslot[j].id];

		if (kp->pslot[j].hash == (uint32_t)(h >> 32) && q->nw == nw &&
		    !memcmp(kp->pw + q->woff, w, nw * sizeof(long)))
			break;
	}
	return j;
}

static void
add_candidate(LedeKp *kp, size_t a, size_t b)
{
	size_t i, j, nw = 0, mask, soff, slen, bare;
	long id, sid;
	uint64_t h;
	Phrase *ph;
	Surf *sf;

	if (b - a > kp->ccand) {
		kp->ccand = 2 * (b - a);
		kp->cand = ereallocarray(kp->cand, kp->ccand, sizeof(*kp->cand));
	}
	/* the surface text goes to the end of kp->sbytes (kept if new) */
	soff = kp->sbytes.len;
	for (i = a; i < b; i++) {
		const Tok *t = &kp->tok[i];

		if (i > a && t->glued != 1 &&
		    !(t->glued < 0 && ((t->flags & F_HYPH) ||
		    (kp->tok[i - 1].flags & F_HYPH))))
			lede_buf_addc(&kp->sbytes, ' ');
		lede_buf_add(&kp->sbytes, (t->sent < kp->hlsents ?
		    kp->hlshow.p : kp->text.p) + t->off, t->len);
		if (!(t->flags & F_HYPH))
			kp->cand[nw++] = t->stem;
	}
	slen = kp->sbytes.len - soff;
	if (nw == 0) {
		kp->sbytes.len = soff;
		return;
	}
	/* a legal-form designator alone ("Ltd" of "(Pacific) Ltd") is none */
	if (nw == 1 && b - a == 1 &&
	    lede_nerx_legal(kp->text.p + kp->tok[a].off, kp->tok[a].len)) {
		kp->sbytes.len = soff;
		return;
	}
	bare = undesignate(kp, a, b, nw);
	/* the phrase: its stems */
	if (2 * (kp->nph + 1) > kp->npslot)
		kp->pslot = gtab_grow(kp->pslot, &kp->npslot, kp->nph, kp->gen,
		    phrase_hash, kp);
	h = lede_hash(kp->cand, nw * sizeof(long));
	j = phrase_slot(kp, kp->cand, nw, h);
	if (kp->pslot[j].gen == kp->gen) {
		id = (long)kp->pslot[j].id;
		ph = &kp->ph[id];
	} else {
		id = (long)kp->nph++;
		kp->pslot[j].gen = kp->gen;
		kp->pslot[j].hash = (uint32_t)(h >> 32);
		kp->pslot[j].id = (uint32_t)id;
		if ((size_t)id >= kp->cph) {
			kp->cph = kp->cph ? kp->cph * 2 : 256;
			kp->ph = ereallocarray(kp->ph, kp->cph, sizeof(*kp->ph));
		}
		ph = &kp->ph[id];
		ph->count = 0;
		ph->first = kp->tok[a].wpos;
		ph->firstsent = kp->tok[a].sent;
		ph->woff = kp->npw;
		ph->nw = nw;
		ph->surf = -1;
		ph->surfcount = 0;
		ph->surffirst = 0;
		ph->surfhl = 1;
		ph->bare = bare < nw ? bare : 0;
		ph->dead = 0;
		if (kp->npw + nw > kp->cpw) {
			kp->cpw = (kp->npw + nw) * 2;
			kp->pw = ereallocarray(kp->pw, kp->cpw, sizeof(*kp->pw));
		}
		memcpy(kp->pw + kp->npw, kp->cand, nw * sizeof(long));
		kp->npw += nw;
	}
	ph->count++;
	/* its surface: phrase id and text */
	if (2 * (kp->nsf + 1) > kp->nsslot)
		kp->sslot = gtab_grow(kp->sslot, &kp->nsslot, kp->nsf, kp->gen,
		    surf_hash, kp);
	h = lede_hash(kp->sbytes.p + soff, slen) ^
	    ((uint64_t)id * 0x9E3779B97F4A7C15ULL);
	mask = kp->nsslot - 1;
	for (j = (size_t)h & mask; kp->sslot[j].gen == kp->gen; j = (j + 1) & mask) {
		const Surf *f = &kp->sf[kp->sslot[j].id];

		if (kp->sslot[j].hash == (uint32_t)(h >> 32) && f->phrase == id &&
		    f->len == slen && !memcmp(kp->sbytes.p + f->off,
		    kp->sbytes.p + soff, slen))
			break;
	}
	if (kp->sslot[j].gen == kp->gen) {
		sid = (long)kp->sslot[j].id;
		kp->sbytes.len = soff;
	} else {
		sid = (long)kp->nsf++;
		kp->sslot[j].gen = kp->gen;
		kp->sslot[j].hash = (uint32_t)(h >> 32);
		kp->sslot[j].id = (uint32_t)sid;
		if ((size_t)sid >= kp->csf) {
			kp->csf = kp->csf ? kp->csf * 2 : 256;
			kp->sf = ereallocarray(kp->sf, kp->csf, sizeof(*kp->sf));
		}
		kp->sf[sid].phrase = id;
		kp->sf[sid].off = soff;
		kp->sf[sid].len = slen;
		kp->sf[sid].count = 0;
		kp->sf[sid].first = kp->tok[a].wpos;
		kp->sf[sid].hl = kp->tok[a].sent < kp->hlsents;
	}
	sf = &kp->sf[sid];
	sf->count++;
	if (kp->tok[a].sent >= kp->hlsents)
		sf->hl = 0;
	if (sf->hl < ph->surfhl || (sf->hl == ph->surfhl &&
	    (sf->count > ph->surfcount || (sf->count == ph->surfcount &&
	    sf->first < ph->surffirst)))) {
		ph->surf = sid;
		ph->surfcount = sf->count;
		ph->surffirst = sf->first;
		ph->surfhl = sf->hl;
	}
}

/* The end of the entity span that starts at token i (tagged B or I). */
static size_t
span_end(const LedeKp *kp, size_t i)
{
	size_t j = i + 1;

	while (j < kp->ntok && kp->tok[j].ner == 'I' &&
	    kp->tok[j].sent == kp->tok[i].sent)
		j++;
	return j;
}

/* Does token i start an entity span (B, or I after no span)? */
static int
span_start(const LedeKp *kp, size_t i)
{
	const Tok *t = &kp->tok[i];

	return t->ner == 'B' || (t->ner == 'I' && (i == 0 ||
	    !kp->tok[i - 1].ner || kp->tok[i - 1].sent != t->sent));
}

/* Is a word inside span [i, j), not at its ends, one no phrase holds? */
static int
span_gap(const LedeKp *kp, size_t i, size_t j)
{
	size_t k;

	for (k = i + 1; k + 1 < j; k++)
		if (!(kp->tok[k].flags & F_HYPH) &&
		    (!(kp->tok[k].flags & (F_MOD | F_HEAD)) ||
		    (kp->tok[k].flags & F_STOP)))
			return 1;
	return 0;
}

static void close_run(LedeKp *kp, size_t a, size_t b);

/*
 * Does an entity span that split_long cuts out start at token i?  Not a
 * span of one adjective: it goes with the words after it ("Mexican
 * outfit").
 */
static int
cutspan(const LedeKp *kp, size_t i)
{
	const Tok *t = &kp->tok[i];

	return t->ner && span_start(kp, i) && !(span_end(kp, i) == i + 1 &&
	    (t->flags & (F_MOD | F_HEAD)) == F_MOD);
}

/*
 * The run [a, b), too long to be a phrase: when it holds entity spans,
 * each span is a candidate as it is and the words between them are runs
 * of their own ("BBC political editor Andrew Marr": "BBC", "political
 * editor", "Andrew Marr"; the longsplit knob).
 */
static void
split_long(LedeKp *kp, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b && !cutspan(kp, i); i++)
		;
	if (i == b)
		return;
	for (i = a; i < b; i = j) {
		if (cutspan(kp, i)) {
			if ((j = span_end(kp, i)) > b)
				j = b;
			if (j - i <= ENT_MAX && (kp->tok[i].flags & F_WORD))
				add_candidate(kp, i, j);
			continue;
		}
		for (j = i + 1; j < b && !cutspan(kp, j); j++)
			;
		close_run(kp, i, j);
	}
}

/* Is t an ordinal in digits ("3rd", "4TH", "21st")?  No phrase ends in one. */
static int
ordinal(const LedeKp *kp, const Tok *t)
{
	const char *f = kp->text.p + t->off;
	size_t i;

	for (i = 0; i < t->len && f[i] >= '0' && f[i] <= '9'; i++)
		;
	if (i == 0 || t->len - i != 2)
		return 0;
	return ((f[i] | 32) == 's' && (f[i + 1] | 32) == 't') ||
	    ((f[i] | 32) == 'n' && (f[i + 1] | 32) == 'd') ||
	    ((f[i] | 32) == 'r' && (f[i + 1] | 32) == 'd') ||
	    ((f[i] | 32) == 't' && (f[i + 1] | 32) == 'h');
}

/* Close the run [a, b): trim it to end in a head, then add it. */
static void
close_run(LedeKp *kp, size_t a, size_t b)
{
	size_t i, nw = 0;

	while (b > a && (ordinal(kp, &kp->tok[b - 1]) ||
	    ((!(kp->tok[b - 1].flags & F_HEAD) ||
	    (kp->tok[b - 1].flags & F_HYPH)) && !((kp->tok[b - 1].flags & F_NUM) &&
	    b - 1 > a && (kp->tok[b - 2].flags & F_HYPH)))))
		b--;
	while (a < b && (kp->tok[a].flags & F_HYPH))
		a++;
	/* words joined by hyphens count as one */
	for (i = a; i < b; i++)
		if (!(kp->tok[i].flags & F_HYPH) &&
		    !(i > a && (kp->tok[i - 1].flags & F_HYPH)))
			nw++;
	if (nw == 0)
		return;
	if ((long)nw > kp->p.maxlen) {
		if (kp->p.longsplit && kp->p.entities >= 2)
			split_long(kp, a, b);
		return;
	}
	add_candidate(kp, a, b);
	/* the nouns without the modifiers before them ("cellular automata"
	 * of "additive cellular automata") */
	if (kp->p.core) {
		size_t c = a;

		while (c < b && !(kp->tok[c].flags & F_HEAD))
			c++;
		while (c < b && (kp->tok[c].flags & F_HYPH))
			c++;
		if (c > a && c < b && !(kp->tok[c - 1].flags & F_HYPH))
			add_candidate(kp, c, b);
	}
}

/* The phrase whose stems are w[0..nw), or -1. */
static long
find_phrase(const LedeKp *kp, const long *w, size_t nw)
{
	size_t j;

	if (!kp->pslot)
		return -1;
	j = phrase_slot(kp, w, nw, lede_hash(w, nw * sizeof(long)));
	return kp->pslot[j].gen == kp->gen ? (long)kp->pslot[j].id : -1;
}

/*
 * A company's name joins its legal name's phrase ("Wrather" counts with
 * "Wrather Corp", "Volkswagen" with "Volkswagen AG"), as in `entities`:
 * the legal name is shown, with the count and first place of both; not
 * when two legal names have the name ("Unilever Plc", "Unilever NV").
 */
static void
merge_legal(LedeKp *kp)
{
	size_t i, n = kp->nph;
	long q, *claim = NULL;

	for (i = 0; i < n; i++)
		if (kp->ph[i].bare)
			break;
	if (i == n)
		return;
	claim = emalloc(n * sizeof(*claim));
	for (i = 0; i < n; i++)
		claim[i] = -1;
	for (i = 0; i < n; i++) {
		const Phrase *p = &kp->ph[i];

		if (p->bare && (q = find_phrase(kp, kp->pw + p->woff,
		    p->bare)) >= 0)
			claim[q] = claim[q] == -1 ? (long)i : -2;
	}
	for (i = 0; i < n; i++) {
		Phrase *p, *b = &kp->ph[i];

		if (claim[i] < 0)
			continue;
		p = &kp->ph[claim[i]];
		p->count += b->count;
		if (b->first < p->first)
			p->first = b->first;
		if (b->firstsent < p->firstsent)
			p->firstsent = b->firstsent;
		b->dead = 1;
	}
	free(claim);
}

static void
candidates(LedeKp *kp)
{
	size_t i, run = (size_t)-1;
	int brk = kp->p.entities == 1;

	for (i = 0; i < kp->ntok; i++) {
		Tok *t = &kp->tok[i];
		int newsent = i > 0 && t->sent != kp->tok[i - 1].sent;

		/*
		 * An entity span is a candidate as it is, and breaks the runs
		 * of words, when every span does (entities=1) or when a word
		 * inside it is one that no phrase holds: "Bank of England",
		 * "St. John's Hospital".  Other spans are words like any.
		 */
		if (t->ner && (brk || (kp->p.entities >= 2 && span_start(kp, i)))) {
			size_t j = span_end(kp, i);

			if (brk || span_gap(kp, i, j)) {
				if (run != (size_t)-1)
					close_run(kp, run, i);
				run = (size_t)-1;
				if (j - i <= ENT_MAX && (t->flags & F_WORD))
					add_candidate(kp, i, j);
				i = j - 1;
				continue;
			}
		}
		if (newsent && run != (size_t)-1) {
			close_run(kp, run, i);
			run = (size_t)-1;
		}
		/* the first word of a hyphenated compound ("closed-form",
		 * "three-source") modifies what follows, whatever its class */
		if ((kp->p.hyphen & 1) && (t->flags & F_WORD) &&
		    !(t->flags & F_STOP) && i + 2 < kp->ntok &&
		    (kp->tok[i + 1].flags & F_HYPH) && kp->tok[i + 1].glued != 0 &&
		    kp->tok[i + 2].glued != 0 && kp->tok[i + 2].sent == t->sent &&
		    !(brk && (kp->tok[i + 1].ner || kp->tok[i + 2].ner)) &&
		    (kp->tok[i + 2].flags & (F_MOD | F_HEAD | F_NUM))) {
			if (run == (size_t)-1)
				run = i;
			continue;
		}
		if (t->flags & (F_MOD | F_HEAD)) {
			const Tok *prev = i > 0 && !newsent ? &kp->tok[i - 1] : NULL;
			const Tok *next = i + 1 < kp->ntok &&
			    kp->tok[i + 1].sent == t->sent ? &kp->tok[i + 1] : NULL;
			int verb = 0;

			/* a verb-like word before a determiner is a verb */
			if ((kp->p.context & 1) && (t->flags & F_VERB) && next &&
			    (next->flags & F_DET))
				verb = 1;
			/* a participle modifies a noun after a determiner
			 * or an adjective, not after a noun (a verb then) */
			if ((t->flags & F_PART) && (run == (size_t)-1 ?
			    (kp->p.context & 2) && !(prev && (prev->flags & F_DET)) :
			    (kp->p.context & 4) && (prev->flags & F_HEAD) != 0))
				verb = 1;
			/* ... unless a noun follows ("leaf sequencing algorithm") */
			if (verb && (kp->p.context & 8) && run != (size_t)-1 &&
			    next && (next->flags & F_HEAD) && !(next->flags & F_PART))
				verb = 0;
			if (!verb) {
				if (run == (size_t)-1)
					run = i;
				continue;
			}
		}
		/* "B-52", "COVID-19": digits joined by a hyphen */
		if ((t->flags & F_NUM) && run != (size_t)-1 && t->glued == 1 &&
		    i > 0 && (kp->tok[i - 1].flags & F_HYPH))
			continue;
		if ((t->flags & F_HYPH) && run != (size_t)-1 && t->glued != 0 &&
		    i + 1 < kp->ntok && kp->tok[i + 1].glued != 0 &&
		    kp->tok[i + 1].sent == t->sent && !(brk && kp->tok[i + 1].ner) &&
		    (kp->tok[i + 1].flags & (F_MOD | F_HEAD | F_NUM)))
			continue;
		if (run != (size_t)-1)
			close_run(kp, run, i);
		run = (size_t)-1;
	}
	if (run != (size_t)-1)
		close_run(kp, run, kp->ntok);
}

static double
idf(LedeKp *kp, long stem)
{
	if (!kp->df)
		return 1.0;
	if (kp->idf[stem] < 0) {
		size_t n;
		const char *s = lede_dict_key(kp->stems, stem, &n);

		kp->idf[stem] = lede_df_idf(kp->df, s, n);
	}
	return kp->idf[stem];
}

/* pow(x, e) for a small whole x >= 1, from a table that grows (*n, *tab). */
static double
powtab(double **tab, size_t *n, size_t x, double e)
{
	if (x >= *n) {
		size_t m = *n ? *n : 64, i;

		while (m <= x)
			m *= 2;
		*tab = ereallocarray(*tab, m, sizeof(**tab));
		for (i = *n; i < m; i++)
			(*tab)[i] = pow((double)i, e);
		*n = m;
	}
	return (*tab)[x];
}

/* Word graph over the stems of candidate words; scores in kp->score. */
static size_t
wordgraph(LedeKp *kp, int positional)
{
	size_t i, j, n = 0;
	long *win;
	size_t w = (size_t)(kp->p.window > 1 ? kp->p.window : 2);
	/* no stem is stamped as a title word without a boost */
	int boost = kp->p.title_boost != 0 || kp->p.leadword_boost > 0;

	/* nodes: stems of the words inside candidates (their misses at once) */
	for (i = 0; i < kp->npw; i++)
		LEDE_PREFETCH(&kp->node[kp->pw[i]]);
	for (i = 0; i < kp->nph; i++) {
		const Phrase *ph = &kp->ph[i];

		for (j = 0; j < ph->nw; j++) {
			long s = kp->pw[ph->woff + j];

			if (kp->node[s].stamp != kp->docno) {
				kp->node[s].stamp = kp->docno;
				if (n == kp->cnode) {
					kp->cnode = kp->cnode ? kp->cnode * 2 : 256;
					kp->nodestem = ereallocarray(kp->nodestem,
					    kp->cnode, sizeof(long));
					kp->pers = ereallocarray(kp->pers, kp->cnode,
					    sizeof(double));
					kp->score = ereallocarray(kp->score, kp->cnode,
					    sizeof(double));
				}
				kp->node[s].id = (long)n;
				kp->nodestem[n] = s;
				kp->pers[n] = 0;
				n++;
			}
		}
	}
	lede_graph_reset(kp->g, n);
	if (n == 0)
		return 0;
	/* words of the first sentence kept (headline, lead or title) */
	if (kp->p.leadword_boost > 0)
		for (i = 0; i < kp->ntok && kp->tok[i].sent == kp->tok[0].sent; i++)
			kp->titlestamp[kp->tok[i].stem] = kp->docno;
	/* edges: node words within the window, counted over all words */
	win = ereallocarray(NULL, w - 1, sizeof(*win));
	for (j = 0; j < w - 1; j++)
		win[j] = -1;
	for (i = 0; i < kp->ntok; i++) {
		const Tok *t = &kp->tok[i];
		long node;

		if (i + 8 < kp->ntok)
			LEDE_PREFETCH(&kp->node[kp->tok[i + 8].stem]);
		if (t->wpos < 0)
			continue;
		node = (t->flags & (F_MOD | F_HEAD)) &&
		    kp->node[t->stem].stamp == kp->docno ? kp->node[t->stem].id : -1;
		if (node >= 0) {
			double pw = positional ? powtab(&kp->powpos, &kp->npowpos,
			    (size_t)t->wpos + 1, -kp->p.pos_exp) : 1.0;

			if (boost && kp->titlestamp[t->stem] == kp->docno)
				pw *= 1.0 + kp->p.title_boost + kp->p.leadword_boost;
			kp->pers[node] += pw;
			for (j = 0; j < w - 1; j++)
				if (win[j] >= 0)
					lede_graph_add(kp->g, (size_t)win[j],
					    (size_t)node, 1.0);
		}
		/* in line: a call per token to move no bytes (w = 2) cost more */
		for (j = 0; j + 2 < w; j++)
			win[j] = win[j + 1];
		win[w - 2] = node;
	}
	free(win);
	lede_pagerank(kp->g, kp->pers, kp->p.damping, 100, 1e-9, kp->score);
	return n;
}

/*
 * Does phrase a come before phrase b: a better score, then an earlier
 * first occurrence, then the smaller index.  The order is total, so any
 * sort gives the same result.
 */
static int
before(const Phrase *ph, size_t a, size_t b)
{
	const Phrase *x = &ph[a], *y = &ph[b];

	if (x->score != y->score)
		return x->score > y->score;
	if (x->first != y->first)
		return x->first < y->first;
	return a < b;
}

/*
 * Sort the phrase indices o[0..n) best first, tmp (n entries) as scratch:
 * runs of 16 by insertion, then merges, with the order in line (qsort
 * called it through a pointer, a large part of the time of a sort of a
 * few dozen phrases).
 */
static void
sortphrases(const Phrase *ph, size_t *o, size_t *tmp, size_t n)
{
	size_t run = 16, i, j, *src = o, *dst = tmp, *t;

	for (i = 0; i < n; i += run) {
		size_t end = i + run < n ? i + run : n;

		for (j = i + 1; j < end; j++) {
			size_t x = o[j], k = j;

			for (; k > i && before(ph, x, o[k - 1]); k--)
				o[k] = o[k - 1];
			o[k] = x;
		}
	}
	for (; run < n; run *= 2) {
		for (i = 0; i < n; i += 2 * run) {
			size_t a = i, am = i + run < n ? i + run : n, b = am;
			size_t bm = i + 2 * run < n ? i + 2 * run : n, k = i;

			while (a < am && b < bm)
				dst[k++] = before(ph, src[b], src[a]) ? src[b++] : src[a++];
			while (a < am)
				dst[k++] = src[a++];
			while (b < bm)
				dst[k++] = src[b++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != o)
		memcpy(o, src, n * sizeof(*o));
}

/* The bit of stem s in a filter of 4096 bits (64 words). */
#define WORDBIT(s) (((uint64_t)(s) * 0x9E3779B97F4A7C15ULL) >> 52)
#define WORDBIT_SET(b, s) ((b)[WORDBIT(s) >> 6] |= 1ULL << (WORDBIT(s) & 63))
#define WORDBIT_HAS(b, s) (((b)[WORDBIT(s) >> 6] >> (WORDBIT(s) & 63)) & 1)

/* 1 when the words b[0..nb) occur in a row in a[0..na) (nb < na). */
static int
subphrase(const long *a, size_t na, const long *b, size_t nb)
{
	size_t i, j;

	/* a few words each: compare in line, first word first */
	for (i = 0; i + nb <= na; i++) {
		for (j = 0; j < nb && a[i + j] == b[j]; j++)
			;
		if (j == nb)
			return 1;
	}
	return 0;
}

size_t
lede_kp_rank(LedeKp *kp, size_t nkey, const LedeKpPhrase **out)
{
	size_t i, j, nnode = 0;
	LedeKpMethod m = kp->p.method;
	double longw = 1;	/* how long the text is, 0 to 1 */

	resolve(kp);
	if (++kp->gen == 0) {	/* the stamps wrapped round */
		if (kp->pslot)
			memset(kp->pslot, 0, kp->npslot * sizeof(*kp->pslot));
		if (kp->sslot)
			memset(kp->sslot, 0, kp->nsslot * sizeof(*kp->sslot));
		kp->gen = 1;
	}
	kp->nph = kp->npw = kp->nsf = 0;
	lede_buf_clear(&kp->sbytes);
	candidates(kp);
	merge_legal(kp);
	if (m == LEDE_KP_TEXTRANK || m == LEDE_KP_POSITIONRANK || m == LEDE_KP_DEFAULT)
		nnode = wordgraph(kp, m != LEDE_KP_TEXTRANK);
	if (m == LEDE_KP_DEFAULT && kp->p.short_len > 0 && kp->nword > 0) {
		double r = pow((double)kp->nword / kp->p.short_len, kp->p.short_exp);

		longw = r / (1 + r);
	}
	if (m == LEDE_KP_DEFAULT) {
		/* each word's weight: (graph score x words)^g x idf^idf_exp */
		double g = kp->p.rank_exp * longw;

		for (i = 0; i < nnode; i++) {
			long st = kp->nodestem[i];
			double x = kp->score[i] * (double)kp->nword;

			/* pow(x, 1) is x */
			kp->score[i] = (g == 1 ? x : pow(x, g)) *
			    (kp->p.idf_exp == 1 ? idf(kp, st) :
			    pow(idf(kp, st), kp->p.idf_exp));
		}
	}
	for (i = 0; i < kp->nph; i++) {
		Phrase *ph = &kp->ph[i];
		double s = 0;

		for (j = 0; j < ph->nw; j++) {
			long st = kp->pw[ph->woff + j];

			switch (m) {
			case LEDE_KP_TFIDF:
				s += idf(kp, st);
				break;
			case LEDE_KP_TEXTRANK:
			case LEDE_KP_POSITIONRANK:
			case LEDE_KP_DEFAULT:
				s += kp->score[kp->node[st].id];
				break;
			default:
				break;
			}
		}
		switch (m) {
		case LEDE_KP_TF:
			s = (double)ph->count;
			break;
		case LEDE_KP_POSITION:
			s = 1.0 / (double)(ph->first + 1);
			break;
		case LEDE_KP_TFIDF:
			s *= (double)ph->count / pow((double)ph->nw, 1 - kp->p.len_exp);
			break;
		default:
			if (kp->p.len_exp != 1)
				s /= pow((double)ph->nw, 1 - kp->p.len_exp);
			/* the first sentence, or any of the title's */
			if ((ph->firstsent == 0 || ph->firstsent < kp->hlsents) &&
			    m == LEDE_KP_DEFAULT)
				s *= 1 + kp->p.lead_boost;
			if (ph->nw == 1 && m == LEDE_KP_DEFAULT)
				s *= kp->p.single;
			if (kp->p.tf_exp != 0 && m == LEDE_KP_DEFAULT)
				s *= powtab(&kp->powtf, &kp->npowtf, (size_t)ph->count,
				    kp->p.tf_exp);
			break;
		}
		ph->score = ph->dead ? -1 : s;
	}
	/* the order, and the scratch of its sorts after it */
	kp->order = ereallocarray(kp->order, kp->nph ? 2 * kp->nph : 1,
	    sizeof(size_t));
	for (i = 0; i < kp->nph; i++)
		kp->order[i] = i;
	sortphrases(kp->ph, kp->order, kp->order + kp->nph, kp->nph);
	/*
	 * A phrase inside a better one (its words in a row) says less: it is
	 * dropped, or in a text that is not long it stays with a lower score.
	 * The better ones are the first 200 phrases not inside another.
	 */
	if (kp->p.subsume) {
		/*
		 * Only a phrase of more words holds another: the kept ones
		 * of several words are listed apart, their words at hand.
		 */
		struct {
			const long *w;
			size_t nw;
		} keep[200];
		size_t nkeep = 0, nlong = 0, kept = 0;
		/*
		 * A bit for each word of those phrases (a Bloom filter): one
		 * with a word whose bit is clear is inside none of them.
		 */
		uint64_t bits[64] = {0};

		for (i = 0; i < kp->nph; i++) {
			Phrase *ph = &kp->ph[kp->order[i]];
			const long *w = kp->pw + ph->woff;
			int inside = 0;

			for (j = 0; j < ph->nw && WORDBIT_HAS(bits, w[j]); j++)
				;
			if (j == ph->nw)
				for (j = 0; j < nlong && !inside; j++)
					inside = ph->nw < keep[j].nw &&
					    subphrase(keep[j].w, keep[j].nw, w, ph->nw);
			ph->sub = inside;
			if (!inside && nkeep < LEDE_LEN(keep)) {
				nkeep++;
				if (ph->nw > 1) {
					keep[nlong].w = w;
					keep[nlong++].nw = ph->nw;
					for (j = 0; j < ph->nw; j++)
						WORDBIT_SET(bits, w[j]);
				}
			}
		}
		if (longw < 1) {
			for (i = 0; i < kp->nph; i++)
				if (kp->ph[i].sub)
					kp->ph[i].score *= 1 - longw;
			sortphrases(kp->ph, kp->order, kp->order + kp->nph, kp->nph);
		} else {
			for (i = 0; i < kp->nph; i++)
				if (!kp->ph[kp->order[i]].sub)
					kp->order[kept++] = kp->order[i];
			kp->nph = kept;
		}
	}
	/* the names merged into their legal names' phrases go */
	for (i = j = 0; i < kp->nph; i++)
		if (!kp->ph[kp->order[i]].dead)
			kp->order[j++] = kp->order[i];
	kp->nph = j;
	if (kp->nph > kp->cout) {
		kp->cout = kp->nph;
		kp->out = ereallocarray(kp->out, kp->cout, sizeof(*kp->out));
	}
	/*
	 * The stems of the first nkey phrases as text (the others' are not
	 * read by a report of the top phrases, and a stem's bytes are a
	 * cache miss); offsets first: kp->keys grows.
	 */
	if (nkey > kp->nph)
		nkey = kp->nph;
	lede_buf_clear(&kp->keys);
	for (i = 0; i < kp->nph; i++) {
		const Phrase *ph = &kp->ph[kp->order[i]];
		LedeKpPhrase *o = &kp->out[i];
		const Surf *sf = &kp->sf[ph->surf];

		o->phrase = kp->sbytes.p + sf->off;
		o->len = sf->len;
		o->key = NULL;
		o->keylen = kp->keys.len;
		o->score = ph->score;
		o->count = ph->count;
		if (i >= nkey)
			continue;
		for (j = 0; j < ph->nw; j++) {
			size_t n;
			const char *st = lede_dict_key(kp->stems, kp->pw[ph->woff + j], &n);

			if (j)
				lede_buf_addc(&kp->keys, ' ');
			lede_buf_add(&kp->keys, st, n);
		}
		lede_buf_addc(&kp->keys, '\0');
	}
	for (i = 0; i < kp->nph; i++) {
		LedeKpPhrase *o = &kp->out[i];

		if (i < nkey) {
			o->key = kp->keys.p + o->keylen;
			o->keylen = strlen(o->key);
		} else {
			o->keylen = 0;
		}
	}
	*out = kp->out;
	return kp->nph;
}
