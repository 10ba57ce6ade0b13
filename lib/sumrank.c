/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "formtab.h"
#include "keyphrase.h"
#include "rank.h"
#include "sumrank.h"
#include "text.h"

/* The caches of forms and stems are dropped when they grow past this. */
#define CACHE_MAX 500000

typedef struct {
	size_t off, len;	/* text in s->text */
	int newpar;
	long words;		/* tokens with a letter or a digit */
	long spaced;		/* words as wc -w counts them (a word budget only) */
	size_t boff, nb;	/* bag: (stem, count) pairs in s->bag */
	double norm;
	LedeBoil boil;
	int fragment;		/* starts inside a quotation or in lower case */
	int pronoun;		/* starts with a pronoun that points back */
	int quote;		/* holds a quotation mark */
	long ndigit;		/* words with a digit */
	long ncap;		/* capitalised words after the first */
	double score;
} Sent;

typedef struct {
	long stem;
	long count;
} Term;

/*
 * Tokens are looked up in batches, so that the cache misses of the form
 * table overlap (lib/formtab.h).
 */
#define PEND_MAX 64
typedef struct {
	uint64_t hash;
	size_t foff, flen, soff, slen;	/* form and STEM value in pendbuf */
	int hasstem;
} Pend;

struct LedeSum {
	LedeSumParams p;
	struct sb_stemmer *st;
	LedeDict *stop, *stems;
	LedeFt *forms;		/* v[0]: stem id, -1 for no content word */
	Pend pend[PEND_MAX];	/* tokens not looked up yet */
	size_t npend;
	LedeBuf pendbuf;	/* their forms and STEM values */
	long *tf, *tfstamp, *titlestamp;
	double *idf;
	size_t cstems;
	long docno;
	const LedeDf *df;

	Sent *sent;
	size_t nsent, csent;
	LedeBuf text, low, norm;
	long *cur;		/* stems of the current sentence */
	size_t ncur, ccur;
	Term *bag;
	size_t nbag, cbag;
	double *sim;		/* nsent x nsent cosines, when computed */
	size_t csim;
	size_t *pick;
	size_t cpick;
	double *tmp, *cent;
	size_t ctmp;
	LedeGraph *g;
	LedeDict *seen;
	LedeBuf titlenorm;	/* the title as lede_boil_norm gives it */
	LedeBoilPat *pats;	/* the user's patterns (not owned), or NULL */
	size_t patfail;		/* sentences where a pattern hit a limit */
	char paterr[160];	/* the first such message of the document */
	long pass;		/* picks so far: stamps tf */
	double *feat;		/* LEDE_SUM_NFEAT features a sentence */
	char *haskeep;		/* whether feat of a sentence is set */
	size_t cfeat;
	double model[LEDE_SUM_NFEAT + 1];	/* weights, then the bias */
	int wantfeat;		/* compute the features for every method */
	double titleidf;
};

void
lede_sum_defaults(LedeSumParams *p)
{
	p->method = LEDE_SUM_DEFAULT;
	p->w_pos = 4.0;
	p->w_freq = 0.5;
	p->w_cent = 1.0;
	p->w_title = 0.0;
	p->pos_exp = 1.0;
	p->len_exp = 0.0;
	p->sim_min = 0.0;
	p->mmr = 0.0;
	p->boiler = 1;
	p->graph_max = 400;
	p->density = 0.3;
	p->w_frag = 1.0;
	p->w_pron = 0.0;
	p->w_centroid = 0.0;
	p->pos_decay = 5.0;
}

static const char *featname[LEDE_SUM_NFEAT] = {
	"lead", "position", "first", "second", "relpos", "paragraph",
	"parfirst", "centrality", "frequency", "centroid", "fragment", "pronoun",
	"quote", "length", "loglength", "short", "long", "digits", "capitals",
	"firstsim", "meanidf", "content", "share", "position-share",
	"first-share", "docsize",
};

const char *
lede_sum_feature_name(size_t j)
{
	return j < LEDE_SUM_NFEAT ? featname[j] : NULL;
}

LedeSum *
lede_sum_new(const LedeSumParams *p)
{
	LedeSum *s = ecalloc(1, sizeof(*s));

	if (p)
		s->p = *p;
	else
		lede_sum_defaults(&s->p);
	if (!(s->st = sb_stemmer_new("english", "UTF_8")))
		eprintf("out of memory in the stemmer");
	s->stop = lede_dict_new();
	s->forms = lede_ft_new();
	s->stems = lede_dict_new();
	s->seen = lede_dict_new();
	s->g = lede_graph_new();
	return s;
}

void
lede_sum_free(LedeSum *s)
{
	if (!s)
		return;
	sb_stemmer_delete(s->st);
	lede_dict_free(s->stop);
	lede_ft_free(s->forms);
	lede_buf_free(&s->pendbuf);
	lede_dict_free(s->stems);
	lede_dict_free(s->seen);
	free(s->tf);
	free(s->tfstamp);
	free(s->titlestamp);
	free(s->idf);
	free(s->sent);
	lede_buf_free(&s->text);
	lede_buf_free(&s->low);
	lede_buf_free(&s->norm);
	lede_buf_free(&s->titlenorm);
	free(s->cur);
	free(s->bag);
	free(s->sim);
	free(s->pick);
	free(s->tmp);
	free(s->cent);
	free(s->feat);
	free(s->haskeep);
	lede_graph_free(s->g);
	free(s);
}

int
lede_sum_load_stop(LedeSum *s, const char *buf, size_t len, char *err,
    size_t errlen)
{
	lede_ft_clear(s->forms);
	return lede_stoplist_parse(s->stop, buf, len, err, errlen);
}

int
lede_sum_load_model(LedeSum *s, const char *buf, size_t len, char *err,
    size_t errlen)
{
	size_t i = 0, j, lineno = 0, nweights = 0;
	double w[LEDE_SUM_NFEAT + 1] = {0};
	char name[64], num[64];

	i = lede_bom(buf, len);
	while (i < len) {
		size_t e = i, k, a, b;

		while (e < len && buf[e] != '\n')
			e++;
		lineno++;
		a = i;
		i = e + 1;
		if (memchr(buf + a, '\0', e - a)) {
			snprintf(err, errlen, "%zu: NUL byte in line", lineno);
			return -1;
		}
		if (e > a && buf[e - 1] == '\r')
			e--;	/* CRLF, as the lexicon takes it */
		if (a == e || buf[a] == '#')
			continue;
		for (k = a; k < e && buf[k] != '\t'; k++)
			;
		if (k == e || k - a >= sizeof(name) || e - k - 1 >= sizeof(num) ||
		    e - k - 1 == 0) {
			snprintf(err, errlen, "%zu: expected NAME<TAB>WEIGHT", lineno);
			return -1;
		}
		memcpy(name, buf + a, k - a);
		name[k - a] = '\0';
		b = e - k - 1;
		memcpy(num, buf + k + 1, b);
		num[b] = '\0';
		/* j = LEDE_SUM_NFEAT is the bias */
		for (j = 0; j < LEDE_SUM_NFEAT; j++)
			if (!strcmp(name, featname[j]))
				break;
		if (j == LEDE_SUM_NFEAT && strcmp(name, "bias")) {
			snprintf(err, errlen, "%zu: unknown feature '%s'", lineno, name);
			return -1;
		}
		if (lede_strtod(num, -1e6, 1e6, &w[j]) < 0) {
			snprintf(err, errlen, "%zu: bad weight '%s'", lineno, num);
			return -1;
		}
		nweights++;
	}
	if (nweights == 0) {
		/* every sentence would score the bias: the lead, silently */
		snprintf(err, errlen, "%zu: no NAME<TAB>WEIGHT line (an empty "
		    "model)", lineno ? lineno : 1);
		return -1;
	}
	memcpy(s->model, w, sizeof(w));
	s->p.method = LEDE_SUM_MODEL;
	return 0;
}

/* Whether the features are computed: for the model, or to print them. */
static int
usefeat(const LedeSum *s)
{
	return s->wantfeat || s->p.method == LEDE_SUM_MODEL;
}

void
lede_sum_want_features(LedeSum *s, int on)
{
	s->wantfeat = on;
}

const double *
lede_sum_features(const LedeSum *s, size_t i)
{
	if (i >= s->nsent || !s->haskeep || !s->haskeep[i])
		return NULL;
	return s->feat + i * LEDE_SUM_NFEAT;
}

void
lede_sum_set_df(LedeSum *s, const LedeDf *df)
{
	s->df = df;
	for (size_t i = 0; i < s->cstems; i++)
		s->idf[i] = -1;
}

static long
stem_id(LedeSum *s, const char *st, size_t n)
{
	long id = lede_dict_put(s->stems, st, n, NULL);

	if ((size_t)id >= s->cstems) {
		size_t old = s->cstems;

		s->cstems = s->cstems ? s->cstems * 2 : 8192;
		s->tf = ereallocarray(s->tf, s->cstems, sizeof(*s->tf));
		s->tfstamp = ereallocarray(s->tfstamp, s->cstems, sizeof(long));
		s->titlestamp = ereallocarray(s->titlestamp, s->cstems, sizeof(long));
		s->idf = ereallocarray(s->idf, s->cstems, sizeof(double));
		for (size_t i = old; i < s->cstems; i++) {
			s->tfstamp[i] = s->titlestamp[i] = -1;
			s->idf[i] = -1;
		}
	}
	return id;
}

static double
idf(LedeSum *s, long st)
{
	if (!s->df)
		return 1.0;
	if (s->idf[st] < 0) {
		size_t n;
		const char *k = lede_dict_key(s->stems, st, &n);

		s->idf[st] = lede_df_idf(s->df, k, n);
	}
	return s->idf[st];
}

/* Stem id of a content word, or -1 (no letter, or a stop word). */
static long
content_stem(LedeSum *s, const char *form, size_t n, uint64_t h,
    const char *stem, size_t slen)
{
	int added;
	LedeFtEnt *e = lede_ft_get(s->forms, form, n, h, &added);

	if (added) {
		e->v[0] = -1;
		lede_buf_clear(&s->low);
		lede_lower(&s->low, form, n);
		if (lede_hasletter(s->low.p, s->low.len) &&
		    lede_dict_get(s->stop, s->low.p, s->low.len) < 0) {
			const char *st = (const char *)sb_stemmer_stem(s->st,
			    (const sb_symbol *)s->low.p, (int)s->low.len);

			if (!st)
				eprintf("out of memory in the stemmer");
			e->v[0] = (int32_t)stem_id(s, st,
			    (size_t)sb_stemmer_length(s->st));
		}
	}
	if (e->v[0] >= 0 && stem) {
		/* the STEM value of this form is most often the one before */
		if (e->col < 0 || e->cslen != slen || memcmp(e->cs, stem, slen)) {
			size_t k;

			e->col = (int32_t)stem_id(s, stem, slen);
			e->cs = lede_dict_key(s->stems, e->col, &k);
			e->cslen = (uint32_t)k;
		}
		return e->col;
	}
	return e->v[0];
}

/* Look the pending tokens up: their content stems go to s->cur. */
static void
resolve(LedeSum *s)
{
	size_t i;

	for (i = 0; i < s->npend; i++)
		lede_ft_prefetch_entry(s->forms, s->pend[i].hash);
	for (i = 0; i < s->npend; i++) {
		const Pend *pd = &s->pend[i];
		long st = content_stem(s, s->pendbuf.p + pd->foff, pd->flen, pd->hash,
		    pd->hasstem ? s->pendbuf.p + pd->soff : NULL, pd->slen);

		if (st < 0)
			continue;
		if (s->ncur == s->ccur) {
			s->ccur = s->ccur ? s->ccur * 2 : 256;
			s->cur = ereallocarray(s->cur, s->ccur, sizeof(*s->cur));
		}
		s->cur[s->ncur++] = st;
	}
	s->npend = 0;
	lede_buf_clear(&s->pendbuf);
}

static int
cmplong(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static void
endsent(LedeSum *s)
{
	Sent *se;
	size_t i;

	resolve(s);
	if (s->nsent == 0)
		return;
	se = &s->sent[s->nsent - 1];
	if (se->nb || s->ncur == 0)
		return;
	/* sort the stems and count repeats: the sentence's bag of words */
	lede_sort(s->cur, s->ncur, sizeof(*s->cur), cmplong);
	se->boff = s->nbag;
	for (i = 0; i < s->ncur; i++) {
		if (i > 0 && s->cur[i] == s->cur[i - 1]) {
			s->bag[s->nbag - 1].count++;
			continue;
		}
		if (s->nbag == s->cbag) {
			s->cbag = s->cbag ? s->cbag * 2 : 1024;
			s->bag = ereallocarray(s->bag, s->cbag, sizeof(*s->bag));
		}
		s->bag[s->nbag].stem = s->cur[i];
		s->bag[s->nbag].count = 1;
		s->nbag++;
	}
	se->nb = s->nbag - se->boff;
	s->ncur = 0;
}

void
lede_sum_begin(LedeSum *s, const char *title, size_t tlen)
{
	size_t i = 0, j;

	s->nsent = 0;
	s->nbag = 0;
	s->ncur = 0;
	s->npend = 0;
	lede_buf_clear(&s->pendbuf);
	s->titleidf = 0;
	lede_buf_clear(&s->text);
	s->docno++;
	if (lede_dict_size(s->stems) > CACHE_MAX) {
		lede_dict_free(s->stems);
		s->stems = lede_dict_new();
		for (i = 0; i < s->cstems; i++) {
			s->tfstamp[i] = s->titlestamp[i] = -1;
			s->idf[i] = -1;
		}
		lede_ft_clear(s->forms);
		i = 0;
	}
	if (lede_ft_size(s->forms) > CACHE_MAX)
		lede_ft_clear(s->forms);
	lede_buf_clear(&s->titlenorm);
	if (!title)
		return;
	lede_boil_norm(&s->titlenorm, title, tlen);
	/* the stems of the title's words */
	while (i < tlen) {
		int32_t cp;
		int l = lede_utf8_decode(title + i, tlen - i, &cp);

		if (l < 0)
			return;
		if (!lede_iswordchar(cp)) {
			i += (size_t)l;
			continue;
		}
		for (j = i; j < tlen;) {
			l = lede_utf8_decode(title + j, tlen - j, &cp);
			if (l < 0 || !lede_iswordchar(cp))
				break;
			j += (size_t)l;
		}
		{
			long st = content_stem(s, title + i, j - i,
			    lede_hash(title + i, j - i), NULL, 0);

			if (st >= 0 && s->titlestamp[st] != s->docno) {
				s->titlestamp[st] = s->docno;
				s->titleidf += idf(s, st);
			}
		}
		i = j;
	}
}

/*
 * A sentence that continues a quotation opened in an earlier one (its
 * first quotation mark closes) or starts in lower case reads badly alone.
 */
static int
fragment(const char *t, size_t n)
{
	size_t i;
	int32_t cp;
	int l;

	if (n > 0 && (l = lede_utf8_decode(t, n, &cp)) > 0 && lede_islower(cp))
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (i + 2 < n && c == 0xe2 && (unsigned char)t[i + 1] == 0x80) {
			if ((unsigned char)t[i + 2] == 0x9c)
				return 0;	/* an opening curly quote first */
			if ((unsigned char)t[i + 2] == 0x9d)
				return 1;
		}
		if (c == '`' && i + 1 < n && t[i + 1] == '`')
			return 0;
		if (c == '\'' && i + 1 < n && t[i + 1] == '\'')
			return 1;
		if (c == '"') {
			/* a straight quote closes when a letter or punctuation
			 * is right before it and no letter right after */
			int before = i > 0 && t[i - 1] != ' ' && t[i - 1] != '(';
			return before;
		}
	}
	return 0;
}

/* Starts with a pronoun that needs an earlier sentence ("He said ..."). */
static int
pronoun(const char *t, size_t n)
{
	static const char *words[] = {
		"He", "She", "It", "They", "This", "That", "These", "Those", "His",
		"Her", "Its", "Their", "Him", "Them",
	};
	size_t i, m;

	for (i = 0; i < LEDE_LEN(words); i++) {
		m = strlen(words[i]);
		if (n > m && !memcmp(t, words[i], m) && (t[m] == ' ' || t[m] == '\''))
			return 1;
	}
	return 0;
}

/*
 * The words of a summary's length (--words, --ratio) are those that wc -w
 * and ROUGE's -l count: runs of characters between blanks, so that "_"
 * and "--" take their place in the budget and "Alaska's" is one word.
 */
static int
blank(unsigned char c)
{
	return c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t';
}

static long
spaced_words(const char *t, size_t n)
{
	size_t i;
	long w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int b = blank((unsigned char)t[i]);

		w += !b && !in;
		in = !b;
	}
	return w;
}

/* Holds a quotation mark: " `` '' or a curly double quote. */
static int
hasquote(const char *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '"')
			return 1;
		if ((c == '`' || c == '\'') && i + 1 < n && t[i + 1] == (char)c)
			return 1;
		if (c == 0xe2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
		    ((unsigned char)t[i + 2] == 0x9c || (unsigned char)t[i + 2] == 0x9d))
			return 1;
	}
	return 0;
}

void
lede_sum_sent(LedeSum *s, const char *text, size_t len, int newpar)
{
	Sent *se;

	endsent(s);
	if (s->nsent == s->csent) {
		s->csent = s->csent ? s->csent * 2 : 64;
		s->sent = ereallocarray(s->sent, s->csent, sizeof(*s->sent));
	}
	se = &s->sent[s->nsent++];
	memset(se, 0, sizeof(*se));
	se->off = s->text.len;
	se->len = len;
	se->newpar = newpar;
	lede_buf_add(&s->text, text, len);
	se->fragment = fragment(text, len);
	se->pronoun = pronoun(text, len);
	if (usefeat(s))
		se->quote = hasquote(text, len);
}

void
lede_sum_token(LedeSum *s, const char *form, size_t n, const char *stem,
    size_t slen)
{
	Pend *pd;
	size_t i;
	int word = 0;

	if (s->nsent == 0)
		lede_sum_sent(s, "", 0, 1);
	for (i = 0; i < n && !word; i++)
		word = lede_boil_wordbyte((unsigned char)form[i]);
	if (!word)
		return;
	if (usefeat(s)) {
		Sent *se = &s->sent[s->nsent - 1];

		for (i = 0; i < n; i++)
			if (form[i] >= '0' && form[i] <= '9') {
				se->ndigit++;
				break;
			}
		if (se->words > 0 && form[0] >= 'A' && form[0] <= 'Z')
			se->ncap++;
	}
	s->sent[s->nsent - 1].words++;
	if (s->npend == PEND_MAX)
		resolve(s);
	pd = &s->pend[s->npend++];
	pd->hash = lede_hash(form, n);
	lede_ft_prefetch(s->forms, pd->hash);
	pd->foff = s->pendbuf.len;
	pd->flen = n;
	lede_buf_add(&s->pendbuf, form, n);
	pd->hasstem = stem != NULL;
	pd->soff = s->pendbuf.len;
	pd->slen = slen;
	if (stem)
		lede_buf_add(&s->pendbuf, stem, slen);
}

void
lede_sum_doc(LedeSum *s, const LedeDoc *d, LedeBuf *text)
{
	unsigned gen = (unsigned)-1;
	int formcol = -1, stemcol = -1;
	size_t i, k, tl = 0;
	const char *title = d->nsent ?
	    lede_sent_meta(&d->sent[0], "title", &tl) : NULL;

	lede_sum_begin(s, title, tl);
	for (i = 0; i < d->nsent; i++) {
		const LedeSent *st = &d->sent[i];
		const char *t;

		if (st->ntok == 0)
			continue;
		if (st->gen != gen) {
			gen = st->gen;
			formcol = lede_sent_col(st, "FORM");
			stemcol = lede_sent_col(st, "STEM");
		}
		if (formcol < 0)
			continue;
		t = lede_sent_text(st, formcol, text, &tl);
		lede_sum_sent(s, t, tl, i == 0 || lede_sent_newpar(st));
		for (k = 0; k < st->ntok; k++) {
			const char *f = lede_field(st, k, formcol);
			const char *sm = stemcol >= 0 ? lede_field(st, k, stemcol) : NULL;

			lede_sum_token(s, f, strlen(f), sm, sm ? strlen(sm) : 0);
		}
	}
}

size_t
lede_sum_nsent(const LedeSum *s)
{
	return s->nsent;
}

const char *
lede_sum_text(const LedeSum *s, size_t i, size_t *len)
{
	*len = s->sent[i].len;
	return s->text.p + s->sent[i].off;
}

void
lede_sum_set_patterns(LedeSum *s, LedeBoilPat *p)
{
	s->pats = p;
}

size_t
lede_sum_pattern_failures(const LedeSum *s, const char **msg)
{
	*msg = s->paterr;
	return s->patfail;
}

LedeBoil
lede_sum_boiler(const LedeSum *s, size_t i)
{
	return s->sent[i].boil;
}

/*
 * How many sentences at the start of the document repeat the title
 * between them ("MINN. BANK, OKLA. THRIFT ACTIONS TAKEN", which tokenize
 * splits in three): 0 when they do not, or when one sentence does (the
 * repeat rule of boilerplate catches that one).
 */
static size_t
title_sents(const LedeSum *s)
{
	const char *t = s->titlenorm.p;
	size_t i, j = 0, tn = s->titlenorm.len;

	for (i = 0; tn && i < s->nsent; i++) {
		if (!lede_boil_titlepart(t, tn, &j, s->text.p + s->sent[i].off,
		    s->sent[i].len))
			return 0;
		if (lede_boil_titledone(t, tn, j))
			return i > 0 ? i + 1 : 0;
	}
	return 0;
}

/* Boilerplate rules, and repeats of the title or an earlier sentence. */
static void
boilerplate(LedeSum *s)
{
	size_t i, ntitle;

	lede_dict_free(s->seen);
	s->seen = lede_dict_new();
	if (s->titlenorm.len)
		lede_dict_put(s->seen, s->titlenorm.p, s->titlenorm.len, NULL);
	ntitle = title_sents(s);
	for (i = 0; i < s->nsent; i++) {
		Sent *se = &s->sent[i];
		LedeBoilCtx ctx;
		const char *t = s->text.p + se->off;
		int added;

		ctx.alone = se->newpar && (i + 1 == s->nsent || s->sent[i + 1].newpar);
		ctx.words = se->words;
		se->boil = s->p.boiler ? lede_boil_check(t, se->len, &ctx) :
		    LEDE_BOIL_NONE;
		if (se->boil == LEDE_BOIL_NONE && s->pats) {
			char err[sizeof(s->paterr)];
			int m = lede_boilpat_match(s->pats, t, se->len, err, sizeof(err));

			if (m > 0)
				se->boil = LEDE_BOIL_PATTERN;
			else if (m < 0 && s->patfail++ == 0)
				memcpy(s->paterr, err, sizeof(err));
		}
		if (!s->p.boiler)
			continue;
		/* a short tail of a boilerplate line ("(Photo/Agency)") */
		if (se->boil == LEDE_BOIL_NONE && i > 0 && !se->newpar &&
		    s->sent[i - 1].boil != LEDE_BOIL_NONE &&
		    s->sent[i - 1].boil != LEDE_BOIL_REPEAT && se->words <= 8)
			se->boil = s->sent[i - 1].boil;
		/* the letters and digits of the sentence, lower-cased */
		lede_buf_clear(&s->norm);
		lede_boil_norm(&s->norm, t, se->len);
		if (s->norm.len == 0)
			continue;
		lede_dict_put(s->seen, s->norm.p, s->norm.len, &added);
		if ((!added || i < ntitle) && se->boil == LEDE_BOIL_NONE)
			se->boil = LEDE_BOIL_REPEAT;
	}
}

static double
cosine(LedeSum *s, const Sent *a, const Sent *b)
{
	const Term *x = s->bag + a->boff, *y = s->bag + b->boff;
	size_t i = 0, j = 0;
	double dot = 0;

	if (a->norm <= 0 || b->norm <= 0)
		return 0;
	while (i < a->nb && j < b->nb) {
		if (x[i].stem < y[j].stem)
			i++;
		else if (x[i].stem > y[j].stem)
			j++;
		else {
			double w = idf(s, x[i].stem);

			dot += (double)x[i].count * (double)y[j].count * w * w;
			i++;
			j++;
		}
	}
	return dot / (a->norm * b->norm);
}

static void
normalise(double *v, const size_t *keep, size_t n)
{
	double max = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[keep[i]] > max)
			max = v[keep[i]];
	if (max > 0)
		for (i = 0; i < n; i++)
			v[keep[i]] /= max;
}

/* The features of the kept sentences (lede_sum_feature_name). */
static void
features(LedeSum *s, const size_t *keep, size_t nk, double share,
    const double *pos, const double *cent, const double *freq,
    const double *centroid)
{
	size_t n = s->nsent, k, j, par = 0;
	const Sent *first = nk ? &s->sent[keep[0]] : NULL;
	double decay = pow(1 - share, s->p.pos_decay);

	if (s->cfeat < n) {
		s->cfeat = n;
		s->feat = ereallocarray(s->feat, n, LEDE_SUM_NFEAT * sizeof(double));
		s->haskeep = erealloc(s->haskeep, n);
	}
	memset(s->haskeep, 0, n);
	for (k = 0; k < nk; k++) {
		size_t i = keep[k];
		const Sent *se = &s->sent[i];
		double *f = s->feat + i * LEDE_SUM_NFEAT, w = (double)se->words;
		double sidf = 0, ncont = 0;
		int parfirst = k == 0 || se->newpar;

		/* a paragraph opens at # newpar, or after a set-aside one */
		if (k > 0 && !parfirst)
			for (j = keep[k - 1] + 1; j <= i; j++)
				if (s->sent[j].newpar)
					parfirst = 1;
		if (k > 0 && parfirst)
			par++;
		for (j = 0; j < se->nb; j++) {
			const Term *t = &s->bag[se->boff + j];

			sidf += idf(s, t->stem) * (double)t->count;
			ncont += (double)t->count;
		}
		s->haskeep[i] = 1;
		f[0] = pos[i] * decay;
		f[1] = pos[i];
		f[2] = k == 0;
		f[3] = k == 1;
		f[4] = nk > 1 ? (double)k / (double)(nk - 1) : 0;
		f[5] = 1.0 / (double)(par + 1);
		f[6] = parfirst;
		f[7] = cent[i];
		f[8] = freq[i];
		f[9] = centroid[i];
		f[10] = se->fragment;
		f[11] = se->pronoun;
		f[12] = se->quote;
		f[13] = w / 25.0;
		f[14] = log(w);
		f[15] = w < 10;
		f[16] = w > 40;
		f[17] = (double)se->ndigit / w;
		f[18] = (double)se->ncap / w;
		f[19] = k == 0 ? 1 : cosine(s, first, se);
		f[20] = ncont > 0 ? sidf / ncont / 10.0 : 0;
		f[21] = ncont / w;
		f[22] = share;
		f[23] = pos[i] * share;
		f[24] = (k == 0) * share;
		f[25] = log((double)nk);
	}
}

static int
cmpsize(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

size_t
lede_sum_pick(LedeSum *s, long nsent, long nwords, double ratio,
    const size_t **idx)
{
	size_t n, i, j, k, nk = 0, npick = 0;
	size_t *keep;
	double *pos, *freq, *title, *cent, *centroid, share, wpos;
	long total = 0, spaced = 0, words = 0;
	int graph;
	const LedeSumParams *p = &s->p;

	endsent(s);
	s->pass++;
	n = s->nsent;
	*idx = s->pick;
	if (n == 0)
		return 0;
	s->patfail = 0;
	s->paterr[0] = '\0';
	if (p->boiler || s->pats)
		boilerplate(s);
	else
		for (i = 0; i < n; i++)
			s->sent[i].boil = LEDE_BOIL_NONE;
	if (s->cpick < n) {
		s->cpick = n;
		s->pick = ereallocarray(s->pick, n, sizeof(*s->pick));
	}
	if (s->ctmp < 6 * n) {
		s->ctmp = 6 * n;
		s->tmp = ereallocarray(s->tmp, s->ctmp, sizeof(double));
	}
	keep = (size_t *)ereallocarray(NULL, n, sizeof(size_t));
	pos = s->tmp;
	freq = s->tmp + n;
	title = s->tmp + 2 * n;
	cent = s->tmp + 3 * n;
	centroid = s->tmp + 5 * n;
	for (i = 0; i < n; i++) {
		if (s->sent[i].boil != LEDE_BOIL_NONE || s->sent[i].words == 0)
			continue;
		keep[nk++] = i;
		total += s->sent[i].words;
		if (nsent <= 0) {
			s->sent[i].spaced = spaced_words(s->text.p + s->sent[i].off,
			    s->sent[i].len);
			spaced += s->sent[i].spaced;
		}
	}
	/* document frequencies of the stems, over the kept sentences */
	for (k = 0; k < nk; k++) {
		const Sent *se = &s->sent[keep[k]];
		double norm = 0;

		for (j = 0; j < se->nb; j++) {
			const Term *t = &s->bag[se->boff + j];
			double w = idf(s, t->stem) * (double)t->count;

			if (s->tfstamp[t->stem] != s->pass) {
				s->tfstamp[t->stem] = s->pass;
				s->tf[t->stem] = 0;
			}
			s->tf[t->stem] += t->count;
			norm += w * w;
		}
		s->sent[keep[k]].norm = sqrt(norm);
	}
	for (k = 0; k < nk; k++) {
		const Sent *se = &s->sent[keep[k]];
		double f = 0, ti = 0, ce = 0;

		for (j = 0; j < se->nb; j++) {
			const Term *t = &s->bag[se->boff + j];

			f += (double)(t->count * s->tf[t->stem]);
			ce += (double)(t->count * s->tf[t->stem]) * idf(s, t->stem);
			if (s->titlestamp[t->stem] == s->docno)
				ti += idf(s, t->stem);
		}
		i = keep[k];
		pos[i] = pow((double)(k + 1), -p->pos_exp);
		freq[i] = f / pow((double)se->words, p->len_exp);
		centroid[i] = ce / pow((double)se->words, p->len_exp);
		title[i] = s->titleidf > 0 ? ti / s->titleidf : 0;
		cent[i] = 0;
	}
	/* pairwise similarities, the LexRank graph */
	graph = nk > 1 && nk <= p->graph_max;
	if (graph) {
		if (s->csim < nk * nk) {
			s->csim = nk * nk;
			s->sim = ereallocarray(s->sim, s->csim, sizeof(double));
		}
		lede_graph_reset(s->g, nk);
		for (i = 0; i < nk; i++) {
			s->sim[i * nk + i] = 1;
			for (j = i + 1; j < nk; j++) {
				double c = cosine(s, &s->sent[keep[i]], &s->sent[keep[j]]);

				s->sim[i * nk + j] = s->sim[j * nk + i] = c;
				if (c >= p->sim_min)
					lede_graph_add(s->g, i, j, c);
			}
		}
		lede_pagerank(s->g, NULL, 0.85, 100, 1e-9, s->tmp + 4 * n);
		for (k = 0; k < nk; k++)
			cent[keep[k]] = s->tmp[4 * n + k];
	}
	normalise(pos, keep, nk);
	normalise(freq, keep, nk);
	normalise(title, keep, nk);
	normalise(cent, keep, nk);
	normalise(centroid, keep, nk);
	if (ratio > 0 && nsent <= 0 && nwords <= 0)
		nwords = (long)ceil(ratio * (double)spaced);
	/*
	 * The shorter the summary against the document, the more its lead
	 * counts: the position weight is scaled by (1 - share)^pos_decay,
	 * where share is the part of the document's sentences picked after
	 * the first (-n), or of its words (--words, --ratio).
	 */
	share = nsent > 0 ? (double)(nsent - 1) / (double)(nk ? nk : 1) :
	    nwords > 0 ? (double)nwords / (double)(spaced ? spaced : 1) : 0;
	if (share > 1)
		share = 1;
	wpos = p->w_pos * pow(1 - share, p->pos_decay);
	if (usefeat(s))
		features(s, keep, nk, share, pos, cent, freq, centroid);
	else if (s->haskeep)
		memset(s->haskeep, 0, s->cfeat);
	for (k = 0; k < nk; k++) {
		Sent *se = &s->sent[keep[k]];

		i = keep[k];
		switch (p->method) {
		case LEDE_SUM_LEAD:
			se->score = pos[i];
			break;
		case LEDE_SUM_FREQ:
			se->score = freq[i];
			break;
		case LEDE_SUM_LEXRANK:
			se->score = cent[i];
			break;
		case LEDE_SUM_MODEL:
			se->score = s->model[LEDE_SUM_NFEAT];
			for (j = 0; j < LEDE_SUM_NFEAT; j++)
				se->score += s->model[j] * s->feat[i * LEDE_SUM_NFEAT + j];
			break;
		default:
			se->score = wpos * pos[i] + p->w_freq * freq[i] +
			    p->w_cent * cent[i] + p->w_title * title[i] +
			    p->w_centroid * centroid[i] -
			    p->w_frag * se->fragment - p->w_pron * se->pronoun;
			break;
		}
	}
	/* greedy choice, with the MMR penalty when similarities are known */
	{
		char *used = ecalloc(nk ? nk : 1, 1);

		while (npick < nk) {
			double best = -HUGE_VAL;
			size_t bi = nk;

			if (nsent > 0 && (long)npick >= nsent)
				break;
			if (nsent <= 0 && nwords > 0 && words >= nwords)
				break;
			for (k = 0; k < nk; k++) {
				double v = s->sent[keep[k]].score, red = 0;

				/*
				 * under a word budget, value per word counts;
				 * lead is the first sentences all the same
				 */
				if (nsent <= 0 && p->density > 0 &&
				    p->method != LEDE_SUM_LEAD)
					v /= pow((double)s->sent[keep[k]].words * (double)nk /
					    (double)total, p->density);

				if (used[k])
					continue;
				if (graph && p->mmr > 0 && p->method == LEDE_SUM_DEFAULT) {
					for (j = 0; j < nk; j++)
						if (used[j] && s->sim[k * nk + j] > red)
							red = s->sim[k * nk + j];
					v -= p->mmr * red;
				}
				if (v > best) {
					best = v;
					bi = k;
				}
			}
			if (bi == nk)
				break;
			used[bi] = 1;
			s->pick[npick++] = keep[bi];
			words += s->sent[keep[bi]].spaced;
			if (nsent <= 0 && nwords <= 0)
				break;
		}
		free(used);
	}
	free(keep);
	lede_sort(s->pick, npick, sizeof(*s->pick), cmpsize);
	*idx = s->pick;
	return npick;
}
