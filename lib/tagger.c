/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "io.h"
#include "stream.h"
#include "tagger.h"
#include "text.h"
#include "util.h"

/* ---- lexicon ---- */

struct LedeNerLex {
	LedeDict *dict;
	LedeNerLexEnt *ent;
	size_t cap;
};

LedeNerLex *
lede_nerlex_new(void)
{
	LedeNerLex *x = ecalloc(1, sizeof(*x));

	x->dict = lede_dict_new();
	return x;
}

void
lede_nerlex_free(LedeNerLex *x)
{
	if (!x)
		return;
	lede_dict_free(x->dict);
	free(x->ent);
	free(x);
}

LedeNerLexEnt *
lede_nerlex_put(LedeNerLex *x, const char *s, size_t n)
{
	int added;
	long id = lede_dict_put(x->dict, s, n, &added);

	if (added) {
		if ((size_t)id >= x->cap) {
			x->cap = x->cap ? x->cap * 2 : 1024;
			x->ent = ereallocarray(x->ent, x->cap, sizeof(*x->ent));
		}
		memset(&x->ent[id], 0, sizeof(x->ent[id]));
	}
	return &x->ent[id];
}

const LedeNerLexEnt *
lede_nerlex_get(const LedeNerLex *x, const char *s, size_t n)
{
	long id = lede_dict_get(x->dict, s, n);

	return id < 0 ? NULL : &x->ent[id];
}

size_t
lede_nerlex_size(const LedeNerLex *x)
{
	return lede_dict_size(x->dict);
}

const char *
lede_nerlex_key(const LedeNerLex *x, size_t i, size_t *n,
    const LedeNerLexEnt **e)
{
	*e = &x->ent[i];
	return lede_dict_key(x->dict, (long)i, n);
}

/* Title case: the lower-case form with its first code point upper-cased. */
static void
titlecase(LedeBuf *out, const char *s, size_t n)
{
	LedeBuf low = {0};
	int32_t cp;
	int k;
	char enc[4];

	lede_lower(&low, s, n);
	lede_buf_clear(out);
	if (low.len && (k = lede_utf8_decode(low.p, low.len, &cp)) > 0) {
		int m = lede_utf8_encode(utf8proc_toupper(cp), enc);

		lede_buf_add(out, enc, (size_t)m);
		lede_buf_add(out, low.p + k, low.len - (size_t)k);
	}
	lede_buf_free(&low);
}

const LedeNerLexEnt *
lede_nerlex_lookup(const LedeNerLex *x, const char *s, size_t n)
{
	const LedeNerLexEnt *e;
	int up = 0, lo = 0;
	size_t i;
	int32_t cp;
	int k;
	LedeBuf b = {0};

	if ((e = lede_nerlex_get(x, s, n)))
		return e;
	for (i = 0; i < n; i += (size_t)k) {
		if ((k = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return NULL;
		up |= lede_isupper(cp);
		lo |= lede_islower(cp);
	}
	if (up && !lo) {
		titlecase(&b, s, n);
		if (!(e = lede_nerlex_get(x, b.p, b.len))) {
			lede_buf_clear(&b);
			lede_lower(&b, s, n);
			e = lede_nerlex_get(x, b.p, b.len);
		}
	} else if (lo && !up) {
		titlecase(&b, s, n);
		e = lede_nerlex_get(x, b.p, b.len);
	}
	lede_buf_free(&b);
	return e;
}

/* ---- features ---- */

static uint64_t
mix(uint64_t h)
{
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return h;
}

/*
 * The hash of feature strings is part of the model format (the keys in a
 * model file are these hashes), so it is defined here and must never
 * change: 64-bit FNV-1a of the template character and the string, with a
 * final avalanche; the group is mixed in after (addkey).
 */
static uint64_t
keyhash(char tmpl, const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	if (n > 1 + 4 * LEDE_NER_MAXWORD)	/* as the buffer it once was */
		n = 1 + 4 * LEDE_NER_MAXWORD;
	h ^= (unsigned char)tmpl;
	h *= 1099511628211ULL;
	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* Add the feature of hash base (keyhash) in group grp. */
static void
addkey(LedeNerFeats *f, int grp, uint64_t base)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->key = ereallocarray(f->key, f->cap, sizeof(*f->key));
		f->grp = ereallocarray(f->grp, f->cap, sizeof(*f->grp));
	}
	f->key[f->n] = mix(base + (uint64_t)(grp + 1) * 0xc2b2ae3d27d4eb4fULL);
	f->grp[f->n] = (uint8_t)grp;
	f->n++;
}

static uint64_t
numhash(char tmpl, unsigned v)
{
	char buf[16], *p = buf + sizeof(buf);

	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return keyhash(tmpl, p, (size_t)(buf + sizeof(buf) - p));
}

void
lede_nerfeats_free(LedeNerFeats *f)
{
	free(f->key);
	free(f->grp);
	memset(f, 0, sizeof(*f));
}

uint64_t
lede_ner_histkey_major(int major)
{
	LedeNerFeats f = {0};
	uint64_t k;

	addkey(&f, 2, numhash('H', (unsigned)major));
	k = f.key[0];
	lede_nerfeats_free(&f);
	return k;
}

uint64_t
lede_ner_histkey_set(unsigned bits)
{
	LedeNerFeats f = {0};
	uint64_t k;

	addkey(&f, 2, numhash('h', bits));
	k = f.key[0];
	lede_nerfeats_free(&f);
	return k;
}

static char
cpclass(int32_t cp)
{
	if (lede_isupper(cp))
		return 'X';
	if (lede_islower(cp))
		return 'x';
	if (lede_isdigit(cp))
		return 'd';
	if (lede_isletter(cp) || lede_ismark(cp))
		return 'a';
	if (cp < 128)
		return (char)cp;
	return '*';
}

#define SHAPE_MAX 24

/*
 * The features of the groups in gmask (bit g: group g), in the order of
 * lede_ner_typefeats within each group; each string is hashed once and
 * its key made for each group that uses it.
 */
static unsigned
typefeats(const LedeNerLex *x, unsigned fset, unsigned gmask, const char *s,
    size_t n, LedeNerFeats *f, LedeBuf *low)
{
	char shl[SHAPE_MAX], shs[SHAPE_MAX];
	size_t nl = 0, ns = 0, i, nch = 0, off[LEDE_NER_MAXWORD + 1];
	unsigned flags = 0, fl = 0;
	int run = 0, k, g, b, ngaz = 0;
	char prev = 0;
	int32_t cp;
	const LedeNerLexEnt *e = NULL;
	uint64_t hb, hw, hl, hA, hB, hc, hd, he, hk, h7 = 0, hg[32];

	if (n > LEDE_NER_MAXWORD)
		n = LEDE_NER_MAXWORD;
	for (i = 0; i < n; i += (size_t)k) {
		char c;

		if ((k = lede_utf8_decode(s + i, n - i, &cp)) < 0) {
			k = 1;	/* cut inside a sequence: treat as a symbol */
			cp = 0xfffd;
		}
		c = cpclass(cp);
		if (c == 'X')
			flags |= LEDE_NT_LETTER | LEDE_NT_UPPER;
		else if (c == 'x')
			flags |= LEDE_NT_LETTER | LEDE_NT_LOWER;
		else if (c == 'a')
			flags |= LEDE_NT_LETTER;
		else if (c == 'd')
			fl |= 1;
		else if (c == '-')
			fl |= 2;
		else if (c == '.')
			fl |= 4;
		else if (c == '&' || c == '/' || c == '\'')
			fl |= 8;
		if (c == prev)
			run++;
		else
			run = 1;
		if (run <= 4 && nl < SHAPE_MAX)
			shl[nl++] = c;
		if (run == 1 && ns < SHAPE_MAX)
			shs[ns++] = c;
		prev = c;
		nch++;
	}
	lede_buf_clear(low);
	lede_lower(low, s, n);
	if (low->len > LEDE_NER_MAXWORD)
		low->len = LEDE_NER_MAXWORD;

	if (x)
		e = lede_nerlex_lookup(x, s, n);
	if ((flags & LEDE_NT_UPPER) && !(flags & LEDE_NT_LOWER) && nch > 1)
		fl |= 16;
	else if (flags & LEDE_NT_UPPER)
		fl |= 32;

	/* the strings, hashed once */
	hb = keyhash('b', "", 0);
	hw = keyhash('w', s, n);
	hl = keyhash('l', low->p, low->len);
	hA = keyhash('A', shl, nl);
	hB = keyhash('B', shs, ns);
	hc = numhash('c', e ? e->cl[0] : 0);
	hd = numhash('d', e ? e->cl[1] : 0);
	he = numhash('e', e ? e->cl[2] : 0);
	hk = numhash('k', e ? e->cap : 0);
	if (low->len > 3)
		h7 = keyhash('7', low->p + low->len - 3, 3);
	if (e)
		for (b = 0; b < 32; b++)
			if (e->gaz & (1u << b))
				hg[ngaz++] = numhash('g', (unsigned)b);

	/* the token itself */
	if (gmask & (1u << 2)) {
		addkey(f, 2, hb);
		if (fset & LEDE_NF_WORD) {
			addkey(f, 2, hw);
			addkey(f, 2, hl);
		}
		if (fset & LEDE_NF_AFFIX) {
			size_t m = 0, j;

			for (i = 0; i < low->len && m < LEDE_NER_MAXWORD;
			    i += (size_t)k) {
				if ((k = lede_utf8_decode(low->p + i, low->len - i,
				    &cp)) < 0)
					k = 1;
				off[m++] = i;
			}
			off[m] = low->len;
			for (j = 1; j <= 4 && j < m; j++) {
				addkey(f, 2, keyhash((char)('0' + j), low->p,
				    off[j]));
				addkey(f, 2, keyhash((char)('4' + j), low->p +
				    off[m - j], low->len - off[m - j]));
			}
		}
		if (fset & LEDE_NF_SHAPE) {
			addkey(f, 2, hA);
			addkey(f, 2, hB);
			addkey(f, 2, numhash('F', fl));
			addkey(f, 2, numhash('N', nch > 12 ? 12 : (unsigned)nch));
		}
		if (fset & LEDE_NF_CLUSTER) {
			addkey(f, 2, hc);
			addkey(f, 2, hd);
			addkey(f, 2, he);
		}
		if (fset & LEDE_NF_GAZ)
			for (b = 0; b < ngaz; b++)
				addkey(f, 2, hg[b]);
		if (fset & LEDE_NF_CASE)
			addkey(f, 2, hk);
	}

	/* as a neighbour */
	if (fset & LEDE_NF_CONTEXT) {
		for (g = 0; g < 5; g++) {
			if (g == 2 || !(gmask & (1u << g)))
				continue;
			addkey(f, g, hl);
			if (fset & LEDE_NF_SHAPE)
				addkey(f, g, hB);
			if (fset & LEDE_NF_CLUSTER)
				addkey(f, g, hd);
			if (g == 0 || g == 4)
				continue;
			/* the next neighbours in more detail */
			addkey(f, g, hw);
			if (fset & LEDE_NF_SHAPE)
				addkey(f, g, hA);
			if ((fset & LEDE_NF_AFFIX) && low->len > 3)
				addkey(f, g, h7);
			if (fset & LEDE_NF_CLUSTER) {
				addkey(f, g, hc);
				addkey(f, g, he);
			}
			if (fset & LEDE_NF_CASE)
				addkey(f, g, hk);
			if (fset & LEDE_NF_GAZ)
				for (b = 0; b < ngaz; b++)
					addkey(f, g, hg[b]);
		}
	}

	/* sentence position and mode */
	if (fset & LEDE_NF_SENT) {
		for (g = LEDE_NG_FIRST; g <= LEDE_NG_LOWER; g++) {
			if (!(gmask & (1u << g)))
				continue;
			addkey(f, g, hb);
			addkey(f, g, hl);
			if (fset & LEDE_NF_SHAPE)
				addkey(f, g, hB);
			if (fset & LEDE_NF_CLUSTER) {
				addkey(f, g, hd);
				addkey(f, g, he);
			}
			if (fset & LEDE_NF_CASE)
				addkey(f, g, hk);
			if ((fset & LEDE_NF_GAZ) && g != LEDE_NG_FIRST)
				for (b = 0; b < ngaz; b++)
					addkey(f, g, hg[b]);
		}
	}
	return flags;
}

unsigned
lede_ner_typefeats(const LedeNerLex *x, unsigned fset, const char *s,
    size_t n, LedeNerFeats *f, LedeBuf *lowp)
{
	LedeBuf lowb = {0};
	unsigned flags;

	flags = typefeats(x, fset, (1u << LEDE_NER_NGROUPS) - 1, s, n, f,
	    lowp ? lowp : &lowb);
	lede_buf_free(&lowb);
	return flags;
}

int
lede_ner_sentmode(const unsigned *flags, size_t n)
{
	size_t i, nlet = 0, nup = 0, nlo = 0, nmixed = 0;

	for (i = 0; i < n; i++) {
		if (!(flags[i] & LEDE_NT_LETTER))
			continue;
		nlet++;
		if (flags[i] & LEDE_NT_LOWER)
			nlo++;
		if (flags[i] & LEDE_NT_UPPER)
			nup++;
		if ((flags[i] & LEDE_NT_LOWER) && (flags[i] & LEDE_NT_UPPER))
			nmixed++;
	}
	if (nlet >= 2 && nlo == 0)
		return LEDE_NG_UPPER;
	if (nlet >= 3 && nup == 0)
		return LEDE_NG_LOWER;
	return 0;
}

int
lede_ner_allowed(int a, int b)
{
	int ina = a > 0 && ((a - 1) % 4 == 0 || (a - 1) % 4 == 1);

	if (!ina)
		return b == 0 || (b - 1) % 4 == 0 || (b - 1) % 4 == 3;
	/* inside an entity: I or L of the same type */
	return b > 0 && (b - 1) / 4 == (a - 1) / 4 &&
	    ((b - 1) % 4 == 1 || (b - 1) % 4 == 2);
}

int
lede_ner_endok(int a)
{
	return a == 0 || (a - 1) % 4 == 2 || (a - 1) % 4 == 3;
}

/* ---- the model file ---- */

#define MAGIC "LEDENER\0"
#define MODEL_VERSION 1
#define TYPENAME 16

/*
 * A slot of the feature table: the key and where its weights are, so that
 * a lookup touches one slot and then the weights.
 */
typedef struct {
	uint64_t key;
	uint32_t off;		/* its weights at row + off, then its labels */
	uint8_t n;		/* weights (at most L) */
	uint8_t used;
} NerSlot;

struct LedeNerModel {
	unsigned fset;
	int ntypes, nlabels;
	char types[LEDE_NER_MAXTYPES][TYPENAME];
	LedeNerLex *lex;
	float *trans;		/* (L + 1) x (L + 1) */
	size_t nfeat, npair;
	uint64_t *keys;
	uint32_t *off;		/* nfeat + 1 */
	uint8_t *plab;		/* while loading */
	float *pw;
	/*
	 * Each feature's n weights and then its n labels (bytes, padded to a
	 * float), so that a feature's row is one or two cache lines.
	 */
	float *row;
	NerSlot *slot;		/* open addressing by mix(key) */
	size_t mask;
};

static uint64_t
checksum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x84222325cbf29ce4ULL, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return mix(h);
}

uint64_t
lede_ner_checksum(const void *p, size_t n)
{
	return checksum(p, n);
}

typedef struct {
	const unsigned char *p;
	size_t n, i;
	int bad;
} Cur;

static int
need(Cur *c, size_t k)
{
	if (c->bad || c->n - c->i < k) {
		c->bad = 1;
		return 0;
	}
	return 1;
}

static uint32_t
rd32(Cur *c)
{
	const unsigned char *p;

	if (!need(c, 4))
		return 0;
	p = c->p + c->i;
	c->i += 4;
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
rd64(Cur *c)
{
	uint64_t lo = rd32(c);

	return lo | (uint64_t)rd32(c) << 32;
}

static unsigned
rd8(Cur *c)
{
	if (!need(c, 1))
		return 0;
	return c->p[c->i++];
}

static unsigned
rd16(Cur *c)
{
	unsigned lo = rd8(c);

	return lo | rd8(c) << 8;
}

static float
rdf(Cur *c)
{
	uint32_t u = rd32(c);
	float f;

	memcpy(&f, &u, 4);
	return f;
}

static LedeNerModel *
fail(LedeNerModel *m, char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "%s", why);
	lede_ner_free(m);
	return NULL;
}

static size_t
findslot(const LedeNerModel *m, uint64_t key)
{
	size_t i = (size_t)mix(key) & m->mask;

	while (m->slot[i].used && m->slot[i].key != key)
		i = (i + 1) & m->mask;
	return i;
}

LedeNerModel *
lede_ner_load_mem(const void *buf, size_t n, char *err, size_t errlen)
{
	LedeNerModel *m = ecalloc(1, sizeof(*m));
	Cur c = {buf, n, 0, 0};
	uint32_t ver, nlex, nfeat, i, j, L;
	size_t npair = 0, ns, nrow;
	float scale;
	char word[LEDE_NER_MAXWORD];

	if (n < 8 || memcmp(buf, MAGIC, 8))
		return fail(m, err, errlen, "bad magic (not a lede NER model)");
	c.i = 8;
	ver = rd32(&c);
	if (c.bad)
		return fail(m, err, errlen, "truncated");
	if (ver != MODEL_VERSION) {
		snprintf(err, errlen, "unsupported version %u (expected %u)",
		    (unsigned)ver, (unsigned)MODEL_VERSION);
		lede_ner_free(m);
		return NULL;
	}
	if (n < 16 || checksum(buf, n - 8) !=
	    (c.i = n - 8, rd64(&c)))
		return fail(m, err, errlen, "truncated or corrupt (bad checksum)");
	c.n = n - 8;
	c.i = 12;
	m->fset = rd32(&c);
	if (m->fset & ~(unsigned)LEDE_NF_ALL)
		return fail(m, err, errlen, "unknown feature set");
	m->ntypes = (int)rd32(&c);
	if (c.bad)
		return fail(m, err, errlen, "truncated");
	if (m->ntypes < 1 || m->ntypes > LEDE_NER_MAXTYPES)
		return fail(m, err, errlen, "number of types out of range");
	m->nlabels = 1 + 4 * m->ntypes;
	L = (uint32_t)m->nlabels;
	for (i = 0; i < (uint32_t)m->ntypes; i++) {
		if (!need(&c, TYPENAME))
			return fail(m, err, errlen, "truncated");
		memcpy(m->types[i], c.p + c.i, TYPENAME);
		c.i += TYPENAME;
		if (!m->types[i][0] || m->types[i][TYPENAME - 1])
			return fail(m, err, errlen, "bad type name");
		for (j = 0; m->types[i][j]; j++) {
			char ch = m->types[i][j];

			if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			    (ch >= '0' && ch <= '9') || ch == '_'))
				return fail(m, err, errlen, "bad type name");
		}
	}
	nlex = rd32(&c);
	if (c.bad)
		return fail(m, err, errlen, "truncated");
	if (nlex > c.n / 10)
		return fail(m, err, errlen, "lexicon size out of range");
	m->lex = lede_nerlex_new();
	for (i = 0; i < nlex; i++) {
		LedeNerLexEnt *e;
		unsigned len = rd8(&c);

		if (!need(&c, len))
			return fail(m, err, errlen, "truncated");
		if (len == 0 || lede_utf8_check((const char *)c.p + c.i, len) != len)
			return fail(m, err, errlen, "bad lexicon word");
		memcpy(word, c.p + c.i, len);
		c.i += len;
		if (lede_nerlex_get(m->lex, word, len))
			return fail(m, err, errlen, "duplicate lexicon word");
		e = lede_nerlex_put(m->lex, word, len);
		for (j = 0; j < LEDE_NER_NCLUST; j++)
			e->cl[j] = (uint16_t)rd16(&c);
		e->cap = (uint8_t)rd8(&c);
		e->gaz = rd32(&c);
		if (c.bad)
			return fail(m, err, errlen, "truncated");
	}
	scale = rdf(&c);
	if (c.bad)
		return fail(m, err, errlen, "truncated");
	if (!isfinite(scale) || scale <= 0)
		return fail(m, err, errlen, "bad weight scale");
	m->trans = emalloc((L + 1) * (L + 1) * sizeof(*m->trans));
	for (i = 0; i < (L + 1) * (L + 1); i++) {
		m->trans[i] = rdf(&c);
		if (!isfinite(m->trans[i]) || fabsf(m->trans[i]) > 1e9f)
			return fail(m, err, errlen, c.bad ? "truncated" :
			    "transition weight out of range");
	}
	nfeat = rd32(&c);
	if (c.bad)
		return fail(m, err, errlen, "truncated");
	if (nfeat > (c.n - c.i) / 9)
		return fail(m, err, errlen, "feature count out of range");
	m->nfeat = nfeat;
	m->keys = emalloc((nfeat ? nfeat : 1) * sizeof(*m->keys));
	m->off = emalloc((nfeat + 1) * sizeof(*m->off));
	for (i = 0; i < nfeat; i++)
		m->keys[i] = rd64(&c);
	for (i = 0; i < nfeat; i++) {
		unsigned k = rd8(&c);

		if (k > L)
			return fail(m, err, errlen, "feature row too long");
		m->off[i] = (uint32_t)npair;
		npair += k;
	}
	m->off[nfeat] = (uint32_t)npair;
	if (c.bad || npair > (c.n - c.i) / 3)
		return fail(m, err, errlen, "truncated");
	m->npair = npair;
	m->plab = emalloc(npair ? npair : 1);
	m->pw = emalloc((npair ? npair : 1) * sizeof(*m->pw));
	memcpy(m->plab, c.p + c.i, npair);
	c.i += npair;
	for (i = 0; i < npair; i++) {
		unsigned q = (unsigned)c.p[c.i + 2 * i] |
		    (unsigned)c.p[c.i + 2 * i + 1] << 8;
		int16_t sq = (int16_t)(q >= 0x8000 ? (int)q - 0x10000 : (int)q);

		if (m->plab[i] >= L)
			return fail(m, err, errlen, "label out of range");
		m->pw[i] = (float)sq * scale;
	}
	c.i += 2 * npair;
	for (i = 0; i < nfeat; i++)
		for (j = m->off[i] + 1; j < m->off[i + 1]; j++)
			if (m->plab[j] <= m->plab[j - 1])
				return fail(m, err, errlen, "feature row not sorted");
	if (c.i != c.n)
		return fail(m, err, errlen, "trailing bytes");
	for (ns = 16; ns < 2 * (size_t)nfeat; ns *= 2)
		;
	m->slot = ecalloc(ns, sizeof(*m->slot));
	m->mask = ns - 1;
	m->row = emalloc((npair + (npair + 3 * (size_t)nfeat) / 4 + 1) *
	    sizeof(*m->row));
	for (i = 0, nrow = 0; i < nfeat; i++) {
		size_t s = findslot(m, m->keys[i]);
		uint32_t k = m->off[i + 1] - m->off[i];

		if (m->slot[s].used)
			return fail(m, err, errlen, "duplicate feature");
		m->slot[s].key = m->keys[i];
		m->slot[s].off = (uint32_t)nrow;
		m->slot[s].n = (uint8_t)k;
		m->slot[s].used = 1;
		memcpy(m->row + nrow, m->pw + m->off[i], k * sizeof(*m->row));
		memcpy(m->row + nrow + k, m->plab + m->off[i], k);
		nrow += k + (k + 3) / 4;
	}
	free(m->keys);
	free(m->off);
	free(m->plab);
	free(m->pw);
	m->keys = NULL;
	m->off = NULL;
	m->plab = NULL;
	m->pw = NULL;
	return m;
}

LedeNerModel *
lede_ner_load(const char *path, char *err, size_t errlen)
{
	FILE *fp;
	LedeBuf b = {0};
	LedeNerModel *m;
	int rc;

	if (!(fp = fopen(path, "rb"))) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	rc = lede_slurp(fp, &b, (size_t)1 << 30);
	fclose(fp);
	if (rc < 0) {
		snprintf(err, errlen, "%s", rc == -2 ? "file too large" :
		    strerror(errno));
		lede_buf_free(&b);
		return NULL;
	}
	m = lede_ner_load_mem(b.p ? b.p : "", b.len, err, errlen);
	lede_buf_free(&b);
	return m;
}

void
lede_ner_free(LedeNerModel *m)
{
	if (!m)
		return;
	lede_nerlex_free(m->lex);
	free(m->trans);
	free(m->keys);
	free(m->off);
	free(m->plab);
	free(m->pw);
	free(m->row);
	free(m->slot);
	free(m);
}

int
lede_ner_ntypes(const LedeNerModel *m)
{
	return m->ntypes;
}

const char *
lede_ner_typename(const LedeNerModel *m, int t)
{
	return m->types[t];
}

unsigned
lede_ner_fset(const LedeNerModel *m)
{
	return m->fset;
}

size_t
lede_ner_nfeat(const LedeNerModel *m)
{
	return m->nfeat;
}

size_t
lede_ner_nlex(const LedeNerModel *m)
{
	return lede_nerlex_size(m->lex);
}

/* The slot of the feature key (an empty slot, n = 0, when absent). */
static const NerSlot *
lookup(const LedeNerModel *m, uint64_t key)
{
	return &m->slot[findslot(m, key)];
}

static void
wr32(LedeBuf *b, uint32_t v)
{
	unsigned char p[4] = {v, v >> 8, v >> 16, v >> 24};

	lede_buf_add(b, p, 4);
}

static void
wrf(LedeBuf *b, float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	wr32(b, u);
}

/*
 * Write p to path.  A regular file (or a new one) is written to a
 * temporary file beside it, then renamed over it, so that a failed write
 * leaves the old file whole; through a symbolic link, the file it points
 * to is replaced.  Anything else (/dev/null, a FIFO) is written directly.
 * Returns -1 with errno set on failure.
 */
static int
writefile(const char *path, const char *p, size_t len)
{
	struct stat st;
	char *real = NULL, *tmp;
	const char *target = path;
	FILE *fp;
	size_t n;
	int fd, e;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)))
		target = real;
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
		free(real);
		if (!(fp = fopen(path, "wb")))
			return -1;
		n = fwrite(p, 1, len, fp);
		e = errno;
		if (fclose(fp) != 0)
			return -1;
		errno = e;
		return n == len ? 0 : -1;
	}
	tmp = emalloc(strlen(target) + 12);
	sprintf(tmp, "%s.tmpXXXXXX", target);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		free(real);
		return -1;
	}
	if (stat(target, &st) == 0)
		fchmod(fd, st.st_mode & 07777);
	else {
		mode_t um = umask(0);

		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	if (!(fp = fdopen(fd, "wb"))) {
		e = errno;
		close(fd);
		goto fail;
	}
	n = fwrite(p, 1, len, fp);
	e = errno;
	if (fclose(fp) != 0) {
		e = errno;
		goto fail;
	}
	if (n != len)
		goto fail;
	if (rename(tmp, target) < 0) {
		e = errno;
		goto fail;
	}
	free(tmp);
	free(real);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	free(real);
	errno = e;
	return -1;
}

int
lede_ner_save(const char *path, const LedeNerModelSpec *sp)
{
	LedeBuf b = {0}, lab = {0}, wt = {0};
	int L = 1 + 4 * sp->ntypes, t, l;
	size_t i, n;
	float maxw = 0, scale;
	uint64_t h;
	int rc;

	lede_buf_add(&b, MAGIC, 8);
	wr32(&b, MODEL_VERSION);
	wr32(&b, sp->fset);
	wr32(&b, (uint32_t)sp->ntypes);
	for (t = 0; t < sp->ntypes; t++) {
		char name[TYPENAME] = {0};

		snprintf(name, sizeof(name), "%s", sp->types[t]);
		lede_buf_add(&b, name, TYPENAME);
	}
	n = sp->lex ? lede_nerlex_size(sp->lex) : 0;
	wr32(&b, (uint32_t)n);
	for (i = 0; i < n; i++) {
		const LedeNerLexEnt *e;
		size_t len;
		const char *k = lede_nerlex_key(sp->lex, i, &len, &e);
		int g;

		lede_buf_addc(&b, (int)len);
		lede_buf_add(&b, k, len);
		for (g = 0; g < LEDE_NER_NCLUST; g++) {
			lede_buf_addc(&b, e->cl[g] & 0xff);
			lede_buf_addc(&b, e->cl[g] >> 8);
		}
		lede_buf_addc(&b, e->cap);
		wr32(&b, e->gaz);
	}
	for (i = 0; i < sp->nfeat * (size_t)L; i++)
		if (fabsf(sp->w[i]) > maxw)
			maxw = fabsf(sp->w[i]);
	scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
	wrf(&b, scale);
	for (i = 0; i < (size_t)(L + 1) * (L + 1); i++)
		wrf(&b, sp->trans[i]);
	/* features with at least one non-zero quantised weight */
	for (i = 0, n = 0; i < sp->nfeat; i++) {
		int k = 0;

		for (l = 0; l < L; l++) {
			long q = lroundf(sp->w[i * L + l] / scale);

			if (q) {
				lede_buf_addc(&lab, l);
				lede_buf_addc(&wt, (int)(q & 0xff));
				lede_buf_addc(&wt, (int)((q >> 8) & 0xff));
				k++;
			}
		}
		if (k)
			n++;
	}
	wr32(&b, (uint32_t)n);
	for (i = 0; i < sp->nfeat; i++) {
		for (l = 0; l < L; l++)
			if (lroundf(sp->w[i * L + l] / scale))
				break;
		if (l == L)
			continue;
		wr32(&b, (uint32_t)sp->keys[i]);
		wr32(&b, (uint32_t)(sp->keys[i] >> 32));
	}
	for (i = 0; i < sp->nfeat; i++) {
		int k = 0;

		for (l = 0; l < L; l++)
			if (lroundf(sp->w[i * L + l] / scale))
				k++;
		if (k)
			lede_buf_addc(&b, k);
	}
	lede_buf_add(&b, lab.p, lab.len);
	lede_buf_add(&b, wt.p, wt.len);
	h = checksum((const unsigned char *)b.p, b.len);
	wr32(&b, (uint32_t)h);
	wr32(&b, (uint32_t)(h >> 32));
	lede_buf_free(&lab);
	lede_buf_free(&wt);
	rc = writefile(path, b.p, b.len);
	lede_buf_free(&b);
	return rc;
}

/* ---- the tagger ---- */

/*
 * The per-type cache (640 bytes a type with 4 entity types, and a 32-byte
 * slot) is dropped at a document boundary once it holds more than
 * CACHE_MAX types, and within a document past CACHE_HARD (the document
 * history is lost then), so that its arrays stay below 131,072 types
 * (84 MB).
 */
#define CACHE_MAX 100000
#define CACHE_HARD 125000
#define SLOTS0 256		/* slots of an empty type table */

#define KEYIN 19		/* bytes of a form kept in its slot */

/*
 * The groups of the neighbours and the token itself (0..4) are needed for
 * every token; the sentence conditions (5..7) for the first token and in
 * all-caps or lower-case sentences only, so they are computed when first
 * needed (about one type in five on news text).
 */
#define HOT 5
#define HOTMASK ((1u << HOT) - 1)
#define COLDMASK (((1u << LEDE_NER_NGROUPS) - 1) & ~HOTMASK)

/*
 * A slot of the word-type table: all a token needs of its type but the
 * vectors, in 32 bytes.  The first KEYIN bytes of the form are in the slot;
 * longer forms are compared with their copy in keys.
 */
typedef struct {
	uint32_t id1;		/* type id + 1, 0 = empty */
	int32_t hid;		/* history id, -1 = none */
	uint32_t len;		/* length of the form, UINT32_MAX if longer */
	uint8_t flag;		/* LEDE_NT_* */
	char key[KEYIN];	/* first bytes of the form (the rest zero) */
} TypeSlot;

struct LedeNerTagger {
	const LedeNerModel *m;
	int L;
	size_t P;		/* stride of the vectors: L, no padding */
	size_t B;		/* floats a type: HOT x P */
	/* word types: open addressing by lede_hash, ids in order of arrival */
	TypeSlot *slot;
	size_t mask, ntypes, ctypes;
	float *vec;		/* per type HOT x P: groups 0..HOT-1 */
	void *vmap;		/* vec's mapping (vmaplen bytes), or NULL */
	size_t vmaplen;		/* it holds VRESERVE types */
	int32_t *cid;		/* per type: its cold vectors, -1 = none yet */
	float *cold;		/* per cold id (NGROUPS - HOT) x P */
	size_t ncold, ccold;
	uint64_t *thash;	/* per type: its hash, for rehashing */
	size_t *koff, *klen;	/* per type: a long form in keys */
	LedeBuf keys;
	/* document history */
	LedeDict *hdict;	/* lower-case forms with a history slot */
	uint16_t *hist;		/* per history id, ntypes + 1 counts */
	size_t chist;
	long *touched;
	size_t ntouched, ctouched;
	float *hmaj, *hset;
	/* computing a new type's vectors */
	LedeNerFeats f;
	const NerSlot **fs;
	size_t cfs;
	LedeBuf low;
	long bos, eos;
	/* per sentence */
	long *tid, *hid;
	unsigned *fl;
	uint64_t *th;
	float *em, *score;
	int *bp;
	size_t cap;
	/*
	 * Allowed predecessors of each label: pred[b * L ..], npred[b] of
	 * them; negative (-count - 1) when b may not start a sentence.
	 */
	int *pred, *npred;
	/*
	 * Viterbi: the labels that may follow O (and each follow exactly
	 * O's predecessors: O, L-X and U-X) are scored together, SW lanes at
	 * a time: sl[0..nsl) those labels, po[0..npo) their predecessors,
	 * trs[j * SW + k] the transition po[j] -> sl[k] (-inf in padding).
	 * The other labels rl[0..nrl) (I-X, L-X) likewise, RW lanes at a
	 * time, each with its own predecessors: the j-th of rl[k] is
	 * rpred[j * RW + k] (0 with transition -inf when it has fewer
	 * than nrp), the transition rtr[j * RW + k].
	 */
	int *sl, *po, *rl, nsl, npo, nrl, nrp;
	int32_t *rpred;
	size_t SW, RW;
	float *trs, *rtr;
};

/*
 * The vectors of the types: 640 bytes a type, 50 MB for the 78,000 types
 * of Reuters, each page first touched as the types arrive, and read at
 * random.  On Linux they live in a mapping reserved once for VRESERVE
 * types (address space only: a page costs memory when touched) and
 * marked for transparent huge pages: one fault for 2 MB instead of one
 * for 4 kB, and fewer TLB misses.  Past the reservation (a sentence of
 * more new types than the cache holds), or without the mapping, an
 * array of malloc's.
 */
#define VRESERVE ((size_t)1 << 17)
#define HUGE2M ((size_t)2 << 20)

static void
vecfree(LedeNerTagger *t)
{
#ifdef __linux__
	if (t->vmap) {
		munmap(t->vmap, t->vmaplen);
		t->vmap = NULL;
		t->vec = NULL;
		return;
	}
#endif
	free(t->vec);
	t->vec = NULL;
}

static float *
vecgrow(LedeNerTagger *t, size_t n)
{
	size_t sz = t->B * sizeof(float);
	float *v;

	if (t->vmap && n <= VRESERVE)
		return t->vec;
#if defined(__linux__) && defined(MAP_ANONYMOUS)
	if (!t->vec && n <= VRESERVE && sz <= SIZE_MAX / VRESERVE - HUGE2M) {
		size_t len = VRESERVE * sz + HUGE2M;
		void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

		if (p != MAP_FAILED) {
			uintptr_t a = ((uintptr_t)p + HUGE2M - 1) &
			    ~(uintptr_t)(HUGE2M - 1);

#ifdef MADV_HUGEPAGE
			(void)madvise((void *)a, VRESERVE * sz, MADV_HUGEPAGE);
#endif
			t->vmap = p;
			t->vmaplen = len;
			return (float *)a;
		}
	}
	if (t->vmap) {	/* past the reservation: to the heap */
		v = ereallocarray(NULL, n, sz);
		memcpy(v, t->vec, t->ntypes * sz);
		munmap(t->vmap, t->vmaplen);
		t->vmap = NULL;
		return v;
	}
#endif
	v = ereallocarray(t->vec, n, sz);
	return v;
}

static void
types_grow(LedeNerTagger *t)
{
	t->ctypes = t->ctypes ? t->ctypes * 2 : 4096;
	t->vec = vecgrow(t, t->ctypes);
	t->thash = ereallocarray(t->thash, t->ctypes, sizeof(*t->thash));
	t->koff = ereallocarray(t->koff, t->ctypes, sizeof(*t->koff));
	t->cid = ereallocarray(t->cid, t->ctypes, sizeof(*t->cid));
	t->klen = ereallocarray(t->klen, t->ctypes, sizeof(*t->klen));
}

static void
types_rehash(LedeNerTagger *t)
{
	TypeSlot *old = t->slot;
	size_t i, j, nold = t->mask + 1;

	t->slot = ecalloc(nold * 2, sizeof(*t->slot));
	t->mask = nold * 2 - 1;
	for (i = 0; i < nold; i++) {
		if (!old[i].id1)
			continue;
		for (j = (size_t)t->thash[old[i].id1 - 1] & t->mask;
		    t->slot[j].id1; j = (j + 1) & t->mask)
			;
		t->slot[j] = old[i];
	}
	free(old);
}

/* The slot of form s[0..n) with hash h: its type, or the empty slot. */
static TypeSlot *
types_find(const LedeNerTagger *t, const char *s, size_t n, uint64_t h)
{
	uint32_t n32 = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;
	size_t i = (size_t)h & t->mask, k = n < KEYIN ? n : KEYIN;
	TypeSlot *e;

	for (;; i = (i + 1) & t->mask) {
		e = &t->slot[i];
		if (!e->id1)
			return e;
		if (e->len == n32 && !memcmp(e->key, s, k) && (n <= KEYIN ||
		    (t->klen[e->id1 - 1] == n &&
		    !memcmp(t->keys.p + t->koff[e->id1 - 1], s, n))))
			return e;
	}
}

/*
 * Rows g0..g0+ng-1 of a type (at v, stride P) from the features in t->f:
 * the summed weights of each group's features, in their order.
 */
static void
sumfeats(LedeNerTagger *t, float *v, int g0, int ng)
{
	const LedeNerModel *m = t->m;
	size_t i, j;

	memset(v, 0, (size_t)ng * t->P * sizeof(float));
	if (t->f.n > t->cfs) {
		t->cfs = t->f.cap;
		t->fs = ereallocarray(t->fs, t->cfs, sizeof(*t->fs));
	}
	/* three passes, so that the memory loads of each overlap */
	for (i = 0; i < t->f.n; i++)
		LEDE_PREFETCH(&m->slot[mix(t->f.key[i]) & m->mask]);
	for (i = 0; i < t->f.n; i++) {
		const NerSlot *z = t->fs[i] = lookup(m, t->f.key[i]);

		LEDE_PREFETCH(m->row + z->off);
		LEDE_PREFETCH(m->row + z->off + z->n + (z->n - 1) / 4);
	}
	for (i = 0; i < t->f.n; i++) {
		const NerSlot *z = t->fs[i];
		float *row = v + (size_t)(t->f.grp[i] - g0) * t->P;
		const float *w = m->row + z->off;
		const uint8_t *lab = (const uint8_t *)(w + z->n);

		for (j = 0; j < z->n; j++)
			row[lab[j]] += w[j];
	}
}

/*
 * The cold rows (sentence conditions) of type id, whose form is s[0..n):
 * computed when first needed.
 */
static const float *
coldrows(LedeNerTagger *t, long id, const char *s, size_t n)
{
	size_t C = (LEDE_NER_NGROUPS - HOT) * t->P;

	if (t->cid[id] < 0) {
		if (t->ncold == t->ccold) {
			t->ccold = t->ccold ? t->ccold * 2 : 1024;
			t->cold = ereallocarray(t->cold, t->ccold,
			    C * sizeof(float));
		}
		t->cid[id] = (int32_t)t->ncold++;
		t->f.n = 0;
		typefeats(t->m->lex, t->m->fset, COLDMASK, s, n, &t->f, &t->low);
		sumfeats(t, t->cold + (size_t)t->cid[id] * C, HOT,
		    LEDE_NER_NGROUPS - HOT);
	}
	return t->cold + (size_t)t->cid[id] * C;
}

/*
 * A new type in the empty slot e: its flags, history slot and vectors
 * (the summed weights of its features, per group).
 */
static long
types_add(LedeNerTagger *t, TypeSlot *e, const char *s, size_t n, uint64_t h)
{
	const LedeNerModel *m = t->m;
	long id = (long)t->ntypes;
	int added;

	if (t->ntypes == t->ctypes)
		types_grow(t);
	e->id1 = (uint32_t)id + 1;
	e->len = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;
	memcpy(e->key, s, n < KEYIN ? n : KEYIN);
	t->thash[id] = h;
	t->klen[id] = n;
	t->koff[id] = 0;
	if (n > KEYIN) {
		t->koff[id] = t->keys.len;
		lede_buf_add(&t->keys, s, n);
	}
	t->ntypes++;

	t->cid[id] = -1;
	t->f.n = 0;
	e->flag = (uint8_t)typefeats(m->lex, m->fset, HOTMASK, s, n, &t->f,
	    &t->low);
	sumfeats(t, t->vec + (size_t)id * t->B, 0, HOT);

	e->hid = -1;
	if ((m->fset & LEDE_NF_DOC) && (e->flag & LEDE_NT_UPPER)) {
		long hi = lede_dict_put(t->hdict, t->low.p, t->low.len, &added);

		if (added) {
			size_t k = (size_t)m->ntypes + 1;

			if ((size_t)hi >= t->chist) {
				t->chist = t->chist ? t->chist * 2 : 4096;
				t->hist = ereallocarray(t->hist, t->chist,
				    k * sizeof(*t->hist));
			}
			memset(t->hist + (size_t)hi * k, 0, k * sizeof(*t->hist));
		}
		e->hid = (int32_t)hi;
	}
	if (t->ntypes * 2 > t->mask + 1)
		types_rehash(t);	/* e is stale from here */
	return id;
}

static long
typeid(LedeNerTagger *t, const char *s, size_t n)
{
	uint64_t h = lede_hash(s, n);
	TypeSlot *e = types_find(t, s, n, h);

	return e->id1 ? (long)e->id1 - 1 : types_add(t, e, s, n, h);
}

static void
cache_reset(LedeNerTagger *t)
{
	free(t->slot);
	t->slot = ecalloc(SLOTS0, sizeof(*t->slot));
	t->mask = SLOTS0 - 1;
	t->ntypes = 0;
	t->ncold = 0;
	lede_buf_clear(&t->keys);
	lede_dict_free(t->hdict);
	t->hdict = lede_dict_new();
	t->ntouched = 0;
	t->bos = typeid(t, LEDE_NER_BOS, strlen(LEDE_NER_BOS));
	t->eos = typeid(t, LEDE_NER_EOS, strlen(LEDE_NER_EOS));
}

static void
addrow(float *dst, const LedeNerModel *m, uint64_t key)
{
	const NerSlot *z = lookup(m, key);
	size_t j;

	const float *w = m->row + z->off;
	const uint8_t *lab = (const uint8_t *)(w + z->n);

	for (j = 0; j < z->n; j++)
		dst[lab[j]] += w[j];
}

LedeNerTagger *
lede_ner_tagger_new(const LedeNerModel *m)
{
	LedeNerTagger *t = ecalloc(1, sizeof(*t));
	int L = m->nlabels, k, j;
	unsigned b, nb = 1u << (m->ntypes + 1);

	t->m = m;
	t->L = L;
	t->P = (size_t)L;
	t->B = HOT * t->P;
	t->hmaj = ecalloc((size_t)(m->ntypes + 2) * t->P, sizeof(float));
	t->hset = ecalloc((size_t)nb * t->P, sizeof(float));
	for (k = 0; k < m->ntypes + 2; k++)
		addrow(t->hmaj + (size_t)k * t->P, m, lede_ner_histkey_major(k));
	for (b = 0; b < nb; b++)
		addrow(t->hset + (size_t)b * t->P, m, lede_ner_histkey_set(b));
	t->pred = emalloc((size_t)L * (size_t)L * sizeof(*t->pred));
	t->npred = emalloc((size_t)L * sizeof(*t->npred));
	for (b = 0; b < (unsigned)L; b++) {
		int a, np = 0;

		for (a = 0; a < L; a++)
			if (lede_ner_allowed(a, (int)b))
				t->pred[b * (unsigned)L + (unsigned)np++] = a;
		t->npred[b] = lede_ner_allowed(-1, (int)b) ? np : -np - 1;
	}
	/* the labels with O's predecessors, and the others */
	t->sl = emalloc((size_t)L * sizeof(*t->sl));
	t->rl = emalloc((size_t)L * sizeof(*t->rl));
	t->po = emalloc((size_t)L * sizeof(*t->po));
	t->npo = t->npred[0] < 0 ? -t->npred[0] - 1 : t->npred[0];
	memcpy(t->po, t->pred, (size_t)t->npo * sizeof(*t->po));
	for (k = 0; k < L; k++) {
		int np = t->npred[k] < 0 ? -t->npred[k] - 1 : t->npred[k];

		if (np == t->npo && !memcmp(t->pred + k * L, t->po,
		    (size_t)np * sizeof(*t->po)))
			t->sl[t->nsl++] = k;
		else
			t->rl[t->nrl++] = k;
	}
	t->SW = ((size_t)t->nsl + 3) & ~(size_t)3;
	t->trs = emalloc((size_t)t->npo * t->SW * sizeof(*t->trs));
	for (j = 0; j < t->npo; j++)
		for (k = 0; k < (int)t->SW; k++)
			t->trs[(size_t)j * t->SW + (size_t)k] = k < t->nsl ?
			    m->trans[t->po[j] * (L + 1) + t->sl[k]] : -INFINITY;
	t->RW = ((size_t)t->nrl + 3) & ~(size_t)3;
	for (k = 0; k < t->nrl; k++) {
		int b = t->rl[k], np = t->npred[b] < 0 ? -t->npred[b] - 1 :
		    t->npred[b];

		if (np > t->nrp)
			t->nrp = np;
	}
	t->rpred = ecalloc((size_t)t->nrp * t->RW + 1, sizeof(*t->rpred));
	t->rtr = emalloc(((size_t)t->nrp * t->RW + 1) * sizeof(*t->rtr));
	for (j = 0; j < t->nrp; j++)
		for (k = 0; k < (int)t->RW; k++) {
			size_t z = (size_t)j * t->RW + (size_t)k;
			int b = k < t->nrl ? t->rl[k] : 0, np = t->npred[b] < 0 ?
			    -t->npred[b] - 1 : t->npred[b];

			t->rtr[z] = -INFINITY;
			if (k < t->nrl && j < np) {
				t->rpred[z] = t->pred[b * L + j];
				t->rtr[z] = m->trans[t->rpred[z] * (L + 1) + b];
			}
		}
	cache_reset(t);
	return t;
}

void
lede_ner_tagger_free(LedeNerTagger *t)
{
	if (!t)
		return;
	free(t->slot);
	vecfree(t);
	free(t->cid);
	free(t->cold);
	free(t->thash);
	free(t->koff);
	free(t->klen);
	lede_buf_free(&t->keys);
	lede_dict_free(t->hdict);
	free(t->hist);
	free(t->touched);
	free(t->hmaj);
	free(t->hset);
	lede_nerfeats_free(&t->f);
	free(t->fs);
	lede_buf_free(&t->low);
	free(t->tid);
	free(t->hid);
	free(t->fl);
	free(t->th);
	free(t->em);
	free(t->score);
	free(t->bp);
	free(t->pred);
	free(t->npred);
	free(t->sl);
	free(t->rl);
	free(t->po);
	free(t->trs);
	free(t->rpred);
	free(t->rtr);
	free(t);
}

void
lede_ner_tagger_newdoc(LedeNerTagger *t)
{
	size_t i, k = (size_t)t->m->ntypes + 1;

	for (i = 0; i < t->ntouched; i++)
		memset(t->hist + (size_t)t->touched[i] * k, 0, k * sizeof(*t->hist));
	t->ntouched = 0;
	if (t->ntypes > CACHE_MAX)
		cache_reset(t);
}

/*
 * History features of counts c[0..ntypes] (ntypes = O): the set of
 * classes seen and the most frequent (ties to the lower index).
 */
static int
histfeat(const uint16_t *c, int ntypes, unsigned *bits)
{
	int k, best = -1;

	*bits = 0;
	for (k = 0; k <= ntypes; k++) {
		if (!c[k])
			continue;
		*bits |= 1u << k;
		if (best < 0 || c[k] > c[best])
			best = k;
	}
	if (best < 0)
		return 0;
	return best == ntypes ? 1 : 2 + best;
}

int
lede_ner_histfeat(const uint16_t *c, int ntypes, unsigned *bits)
{
	return histfeat(c, ntypes, bits);
}

/*
 * Emission sums of P lanes, four at a time (the compiler makes them
 * vector operations).  Each lane adds its terms in the same order as a
 * scalar loop would, so the results are the same bits.
 */
static void
vsum2(float *restrict d, const float *restrict x, const float *restrict y,
    size_t P)
{
	size_t z;

	for (z = 0; z + 4 <= P; z += 4) {
		d[z] = x[z] + y[z];
		d[z + 1] = x[z + 1] + y[z + 1];
		d[z + 2] = x[z + 2] + y[z + 2];
		d[z + 3] = x[z + 3] + y[z + 3];
	}
	for (; z < P; z++)
		d[z] = x[z] + y[z];
}

static void
vadd(float *restrict d, const float *restrict x, size_t P)
{
	size_t z;

	for (z = 0; z + 4 <= P; z += 4) {
		d[z] += x[z];
		d[z + 1] += x[z + 1];
		d[z + 2] += x[z + 2];
		d[z + 3] += x[z + 3];
	}
	for (; z < P; z++)
		d[z] += x[z];
}

/*
 * One Viterbi step for the labels sl[]: best[k] = max over the
 * predecessors a = po[j] (in order, the first on ties) of prev[a] +
 * trans(a, sl[k]), arg[k] = that a.  With SSE2, four labels at a time;
 * the comparisons and sums are those of the scalar loop, lane by lane.
 */
static void
vit_out(const LedeNerTagger *t, const float *prev, float *best, int *arg)
{
	size_t k, SW = t->SW;
	int j;

	for (k = 0; k < SW; k += 4) {
		const float *tr = t->trs + k;
#ifdef __SSE2__
		/* max_ps(s, b) is s > b ? s : b, as the scalar loop */
		__m128 bv = _mm_set1_ps(-INFINITY);
		__m128i av = _mm_set1_epi32(t->po[0]);

		for (j = 0; j < t->npo; j++, tr += SW) {
			__m128 s = _mm_add_ps(_mm_set1_ps(prev[t->po[j]]),
			    _mm_loadu_ps(tr));
			__m128i gt = _mm_castps_si128(_mm_cmpgt_ps(s, bv));

			bv = _mm_max_ps(s, bv);
			av = _mm_or_si128(_mm_and_si128(gt,
			    _mm_set1_epi32(t->po[j])), _mm_andnot_si128(gt, av));
		}
		_mm_storeu_ps(best + k, bv);
		_mm_storeu_si128((__m128i *)(void *)(arg + k), av);
#else
		size_t z;

		for (z = k; z < k + 4; z++) {
			best[z] = -INFINITY;
			arg[z] = t->po[0];
		}
		for (j = 0; j < t->npo; j++, tr += SW) {
			float pa = prev[t->po[j]];

			for (z = 0; z < 4; z++) {
				float s = pa + tr[z];

				if (s > best[k + z]) {
					best[k + z] = s;
					arg[k + z] = t->po[j];
				}
			}
		}
#endif
	}
}

/*
 * The same for the labels rl[], whose predecessors differ from lane to
 * lane: best[k] = max over j of prev[rpred[j][k]] + rtr[j][k], arg[k]
 * the first predecessor reaching it.
 */
static void
vit_rest(const LedeNerTagger *t, const float *prev, float *best, int *arg)
{
	size_t k, RW = t->RW;
	int j;

	for (k = 0; k < RW; k += 4) {
		const int32_t *pr = t->rpred + k;
		const float *tr = t->rtr + k;
#ifdef __SSE2__
		__m128 bv = _mm_set1_ps(-INFINITY);
		__m128i av = _mm_loadu_si128((const __m128i *)(const void *)pr);

		for (j = 0; j < t->nrp; j++, pr += RW, tr += RW) {
			__m128 s = _mm_add_ps(_mm_set_ps(prev[pr[3]], prev[pr[2]],
			    prev[pr[1]], prev[pr[0]]), _mm_loadu_ps(tr));
			__m128i gt = _mm_castps_si128(_mm_cmpgt_ps(s, bv));

			bv = _mm_max_ps(s, bv);
			av = _mm_or_si128(_mm_and_si128(gt, _mm_loadu_si128(
			    (const __m128i *)(const void *)pr)),
			    _mm_andnot_si128(gt, av));
		}
		_mm_storeu_ps(best + k, bv);
		_mm_storeu_si128((__m128i *)(void *)(arg + k), av);
#else
		size_t z;

		for (z = 0; z < 4; z++) {
			best[k + z] = -INFINITY;
			arg[k + z] = pr[z];
		}
		for (j = 0; j < t->nrp; j++, pr += RW, tr += RW)
			for (z = 0; z < 4; z++) {
				float s = prev[pr[z]] + tr[z];

				if (s > best[k + z]) {
					best[k + z] = s;
					arg[k + z] = pr[z];
				}
			}
#endif
	}
}

void
lede_ner_tag(LedeNerTagger *t, const char *const *forms, const size_t *len,
    size_t n, int *out)
{
	const LedeNerModel *m = t->m;
	int L = t->L, a, b, mode;
	size_t i, k = (size_t)m->ntypes + 1, G = HOT, P = t->P;
	size_t hot = (m->fset & LEDE_NF_CONTEXT ? 5 : 3) * P * sizeof(float);
	const float *tr = m->trans;
	float *em, *sc, best[LEDE_NER_MAXLABELS + 3];
	int arg[LEDE_NER_MAXLABELS + 3];

	if (n == 0)
		return;
	if (t->ntypes + n > CACHE_HARD)
		cache_reset(t);
	if (n > t->cap) {
		t->cap = n * 2;
		t->tid = ereallocarray(t->tid, t->cap, sizeof(*t->tid));
		t->hid = ereallocarray(t->hid, t->cap, sizeof(*t->hid));
		t->fl = ereallocarray(t->fl, t->cap, sizeof(*t->fl));
		t->th = ereallocarray(t->th, t->cap, sizeof(*t->th));
		t->em = ereallocarray(t->em, t->cap, P * sizeof(float));
		t->score = ereallocarray(t->score, t->cap, (size_t)L * sizeof(float));
		t->bp = ereallocarray(t->bp, t->cap, (size_t)L * sizeof(int));
	}
	/*
	 * The types of the tokens: hashes first, so that the loads of the
	 * slots (and then of the vectors) overlap.
	 */
	for (i = 0; i < n; i++) {
		t->th[i] = lede_hash(forms[i], len[i]);
		LEDE_PREFETCH(&t->slot[(size_t)t->th[i] & t->mask]);
	}
	for (i = 0; i < n; i++) {
		TypeSlot *e = types_find(t, forms[i], len[i], t->th[i]);
		const char *v;
		size_t z;

		if (!e->id1) {
			types_add(t, e, forms[i], len[i], t->th[i]);
			e = types_find(t, forms[i], len[i], t->th[i]);
		}
		t->tid[i] = (long)e->id1 - 1;
		t->fl[i] = e->flag;
		t->hid[i] = e->hid;
		v = (const char *)(t->vec + (size_t)t->tid[i] * G * P);
		for (z = 0; z < hot; z += 64)
			LEDE_PREFETCH(v + z);
		LEDE_PREFETCH(v + hot - 1);
	}
	mode = (m->fset & LEDE_NF_SENT) ? lede_ner_sentmode(t->fl, n) : 0;
	for (i = 0; i < n; i++) {
		const float *v[10];
		int nv = 0, j;
		long h;

		em = t->em + i * P;
		v[nv++] = t->vec + ((size_t)t->tid[i] * G + 2) * P;
		if (m->fset & LEDE_NF_CONTEXT) {
			long t0 = i >= 2 ? t->tid[i - 2] : t->bos;
			long t1 = i >= 1 ? t->tid[i - 1] : t->bos;
			long t3 = i + 1 < n ? t->tid[i + 1] : t->eos;
			long t4 = i + 2 < n ? t->tid[i + 2] : t->eos;

			v[nv++] = t->vec + ((size_t)t0 * G + 0) * P;
			v[nv++] = t->vec + ((size_t)t1 * G + 1) * P;
			v[nv++] = t->vec + ((size_t)t3 * G + 3) * P;
			v[nv++] = t->vec + ((size_t)t4 * G + 4) * P;
		}
		if (i == 0 && (m->fset & LEDE_NF_SENT))
			v[nv++] = coldrows(t, t->tid[i], forms[i], len[i]) +
			    (size_t)(LEDE_NG_FIRST - HOT) * P;
		if (mode)
			v[nv++] = coldrows(t, t->tid[i], forms[i], len[i]) +
			    (size_t)(mode - HOT) * P;
		if ((h = t->hid[i]) >= 0) {
			unsigned bits;
			int maj = histfeat(t->hist + (size_t)h * k, m->ntypes, &bits);

			if (maj) {
				v[nv++] = t->hmaj + (size_t)maj * P;
				v[nv++] = t->hset + (size_t)bits * P;
			}
		}
		if (nv == 1)
			memcpy(em, v[0], P * sizeof(*em));
		else
			vsum2(em, v[0], v[1], P);
		for (j = 2; j < nv; j++)
			vadd(em, v[j], P);
	}
	/* Viterbi over the allowed transitions only */
	sc = t->score;
	for (b = 0; b < L; b++)
		sc[b] = t->npred[b] < 0 ? -INFINITY : t->em[b] + tr[L * (L + 1) + b];
	for (i = 1; i < n; i++) {
		const float *prev = t->score + (i - 1) * (size_t)L;
		float *cur = t->score + i * (size_t)L;
		int *bp = t->bp + i * (size_t)L, r;

		em = t->em + i * P;
		vit_out(t, prev, best, arg);
		for (r = 0; r < t->nsl; r++) {
			b = t->sl[r];
			cur[b] = best[r] + em[b];
			bp[b] = arg[r];
		}
		vit_rest(t, prev, best, arg);
		for (r = 0; r < t->nrl; r++) {
			b = t->rl[r];
			cur[b] = best[r] + em[b];
			bp[b] = arg[r];
		}
	}
	{
		float bs = -INFINITY;
		float *last = t->score + (n - 1) * (size_t)L;
		int ar = 0;

		for (a = 0; a < L; a++) {
			float s;

			if (!lede_ner_endok(a))
				continue;
			s = last[a] + tr[a * (L + 1) + L];
			if (s > bs) {
				bs = s;
				ar = a;
			}
		}
		out[n - 1] = ar;
		for (i = n - 1; i > 0; i--)
			out[i - 1] = t->bp[i * (size_t)L + (size_t)out[i]];
	}
	/* document history */
	if (m->fset & LEDE_NF_DOC) {
		for (i = 0; i < n; i++) {
			long h = t->hid[i];
			int c, any;
			size_t z;
			uint16_t *cnt;

			if (h < 0)
				continue;
			c = out[i] ? (out[i] - 1) / 4 : m->ntypes;
			cnt = t->hist + (size_t)h * k;
			for (z = 0, any = 0; z < k; z++)
				any |= cnt[z];
			if (!any) {
				if (t->ntouched == t->ctouched) {
					t->ctouched = t->ctouched ? t->ctouched * 2 : 256;
					t->touched = ereallocarray(t->touched,
					    t->ctouched, sizeof(*t->touched));
				}
				t->touched[t->ntouched++] = h;
			}
			if (cnt[c] < UINT16_MAX)
				cnt[c]++;
		}
	}
}

size_t
lede_ner_bio(const LedeNerModel *m, int l, char *buf, size_t size)
{
	int n;

	if (l <= 0 || l >= m->nlabels)
		n = snprintf(buf, size, "O");
	else
		n = snprintf(buf, size, "%c-%s",
		    ((l - 1) % 4 == 0 || (l - 1) % 4 == 3) ? 'B' : 'I',
		    m->types[(l - 1) / 4]);
	return n < 0 ? 0 : (size_t)n;
}

/* ---- evaluation ---- */

static int
evtype(LedeNerEval *e, const char *name)
{
	int i;

	for (i = 0; i < e->ntypes; i++)
		if (!strcmp(e->type[i], name))
			return i;
	if (e->ntypes == LEDE_EVAL_MAXTYPES)
		return -1;
	snprintf(e->type[e->ntypes], sizeof(e->type[0]), "%s", name);
	return e->ntypes++;
}

/* Chunk starts: start[i] = type index of the chunk starting at i or -1. */
static int
chunks(LedeNerEval *e, const char *const *tag, size_t n, int *start, int *tp)
{
	size_t i;
	int prev = -1;

	for (i = 0; i < n; i++) {
		const char *s = tag[i];

		start[i] = -1;
		if ((s[0] == 'B' || s[0] == 'I') && s[1] == '-') {
			int ty = evtype(e, s + 2);

			if (ty < 0)
				return -1;
			tp[i] = ty;
			if (s[0] == 'B' || prev != ty)
				start[i] = ty;
			prev = ty;
		} else {
			tp[i] = -1;
			prev = -1;
		}
	}
	return 0;
}

/* End (exclusive) of the chunk starting at i. */
static size_t
chunkend(const int *start, const int *tp, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && start[j] < 0 && tp[j] == tp[i])
		j++;
	return j;
}

int
lede_ner_eval_add(LedeNerEval *e, const char *const *gold,
    const char *const *guess, size_t n)
{
	int *gs = emalloc((n + 1) * 4 * sizeof(int)), *gt = gs + n + 1,
	    *ps = gt + n + 1, *pt = ps + n + 1;
	size_t i;
	int rc = 0, nt0 = e->ntypes;

	if (chunks(e, gold, n, gs, gt) < 0 || chunks(e, guess, n, ps, pt) < 0) {
		/* refused whole: forget the types this sentence added */
		e->ntypes = nt0;
		free(gs);
		return -1;
	}
	for (i = 0; i < n; i++) {
		e->tokens++;
		if (!strcmp(gold[i], guess[i]))
			e->correct_tags++;
		if (gs[i] >= 0) {
			e->gold++;
			e->tgold[gs[i]]++;
		}
		if (ps[i] >= 0) {
			e->guess++;
			e->tguess[ps[i]]++;
		}
		if (gs[i] >= 0 && gs[i] == ps[i] &&
		    chunkend(gs, gt, n, i) == chunkend(ps, pt, n, i)) {
			e->correct++;
			e->tcorrect[gs[i]]++;
		}
	}
	free(gs);
	return rc;
}

static double
f1(unsigned long gold, unsigned long guess, unsigned long correct, double *p,
    double *r)
{
	*p = guess ? 100.0 * (double)correct / (double)guess : 0;
	*r = gold ? 100.0 * (double)correct / (double)gold : 0;
	return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

double
lede_ner_eval_f1(const LedeNerEval *e)
{
	double p, r;

	return f1(e->gold, e->guess, e->correct, &p, &r);
}

void
lede_ner_eval_print(const LedeNerEval *e, FILE *fp)
{
	double p, r, f;
	int order[LEDE_EVAL_MAXTYPES], i, j;

	fprintf(fp, "processed %lu tokens with %lu phrases; found: %lu phrases;"
	    " correct: %lu.\n", e->tokens, e->gold, e->guess, e->correct);
	f = f1(e->gold, e->guess, e->correct, &p, &r);
	fprintf(fp, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; "
	    "FB1: %6.2f\n", e->tokens ? 100.0 * (double)e->correct_tags /
	    (double)e->tokens : 0, p, r, f);
	for (i = 0; i < e->ntypes; i++)
		order[i] = i;
	for (i = 1; i < e->ntypes; i++)
		for (j = i; j > 0 && strcmp(e->type[order[j - 1]],
		    e->type[order[j]]) > 0; j--) {
			int tmp = order[j];

			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	for (i = 0; i < e->ntypes; i++) {
		int k = order[i];

		f = f1(e->tgold[k], e->tguess[k], e->tcorrect[k], &p, &r);
		fprintf(fp, "%17s: precision: %6.2f%%; recall: %6.2f%%; "
		    "FB1: %6.2f  %lu\n", e->type[k], p, r, f, e->tguess[k]);
	}
}

/* ---- CoNLL-style files ---- */

struct LedeBio {
	LedeLines *in;
	LedeArena arena;
	char **form, **tag, **tag2;
	size_t n, cap;
	unsigned long line0;	/* line of the last sentence's first token */
	int docpending;
	char err[256];
};

LedeBio *
lede_bio_open(FILE *fp, const char *name)
{
	LedeBio *b = ecalloc(1, sizeof(*b));

	b->in = lede_lines_open(fp, name, (size_t)1 << 20);
	return b;
}

void
lede_bio_free(LedeBio *b)
{
	if (!b)
		return;
	lede_lines_free(b->in);
	lede_arena_free(&b->arena);
	free(b->form);
	free(b->tag);
	free(b->tag2);
	free(b);
}

char **
lede_bio_tag2(const LedeBio *b)
{
	return b->tag2;
}

const char *
lede_bio_error(const LedeBio *b)
{
	return b->err;
}

const char *
lede_bio_name(const LedeBio *b)
{
	return lede_lines_name(b->in);
}

unsigned long
lede_bio_lineno(const LedeBio *b, size_t i)
{
	return b->line0 + i;
}

static int
bioerr(LedeBio *b, const char *why)
{
	snprintf(b->err, sizeof(b->err), "%s:%lu: %s", lede_lines_name(b->in),
	    lede_lines_lineno(b->in), why);
	return -1;
}

static int
goodtag(const char *t, size_t n)
{
	if (n == 1 && t[0] == 'O')
		return 1;
	if (n < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' || n > 30)
		return 0;
	return 1;
}

int
lede_bio_next(LedeBio *b, char ***forms, char ***tags, size_t *n,
    int *newdoc)
{
	char *line;
	size_t len, i, f0, f1, t0, bom;
	int rc, bad = 0;

	lede_arena_reset(&b->arena);
	b->n = 0;
	*newdoc = b->docpending;
	b->docpending = 0;
	for (;;) {
		rc = lede_lines_next(b->in, &line, &len);
		if (rc == LEDE_IO_EOF)
			break;
		if (rc == LEDE_IO_ERROR) {
			snprintf(b->err, sizeof(b->err), "%s: %s",
			    lede_lines_name(b->in), strerror(errno));
			return -1;
		}
		if (rc == LEDE_IO_TOOLONG) {
			bad = bad ? bad : bioerr(b, "line too long");
			continue;
		}
		if (lede_lines_lineno(b->in) == 1 && (bom = lede_bom(line, len))) {
			line += bom;
			len -= bom;
		}
		for (f0 = 0; f0 < len && (line[f0] == ' ' || line[f0] == '\t'); f0++)
			;
		if (f0 == len) {	/* blank line */
			if (b->n || bad)
				break;
			continue;
		}
		if (bad)
			continue;
		if (lede_utf8_check(line, len) != len || memchr(line, '\0', len)) {
			bad = bioerr(b, "invalid UTF-8");
			continue;
		}
		for (f1 = f0; f1 < len && line[f1] != ' ' && line[f1] != '\t'; f1++)
			;
		if (f1 - f0 == 10 && !memcmp(line + f0, "-DOCSTART-", 10)) {
			if (b->n) {
				bad = bioerr(b, "-DOCSTART- inside a sentence");
				continue;
			}
			*newdoc = 1;
			continue;
		}
		for (i = len; i > f1 && (line[i - 1] == ' ' || line[i - 1] == '\t'); i--)
			;
		for (t0 = i; t0 > f1 && line[t0 - 1] != ' ' && line[t0 - 1] != '\t'; t0--)
			;
		if (t0 == f1) {
			bad = bioerr(b, "no tag column");
			continue;
		}
		if (!goodtag(line + t0, i - t0)) {
			bad = bioerr(b, "bad tag (expected O, B-TYPE or I-TYPE)");
			continue;
		}
		if (b->n == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 64;
			b->form = ereallocarray(b->form, b->cap, sizeof(*b->form));
			b->tag = ereallocarray(b->tag, b->cap, sizeof(*b->tag));
			b->tag2 = ereallocarray(b->tag2, b->cap, sizeof(*b->tag2));
		}
		{
			size_t e2 = t0, s2;

			while (e2 > f1 && (line[e2 - 1] == ' ' || line[e2 - 1] == '\t'))
				e2--;
			for (s2 = e2; s2 > f1 && line[s2 - 1] != ' ' &&
			    line[s2 - 1] != '\t'; s2--)
				;
			b->tag2[b->n] = NULL;
			if (e2 > f1 && s2 > f1 && goodtag(line + s2, e2 - s2))
				b->tag2[b->n] = lede_arena_strndup(&b->arena,
				    line + s2, e2 - s2);
		}
		if (b->n == 0)
			b->line0 = lede_lines_lineno(b->in);
		b->form[b->n] = lede_arena_strndup(&b->arena, line + f0, f1 - f0);
		b->tag[b->n] = lede_arena_strndup(&b->arena, line + t0, i - t0);
		b->n++;
	}
	if (bad)
		return -1;
	if (b->n == 0 && rc == LEDE_IO_EOF)
		return 0;
	*forms = b->form;
	*tags = b->tag;
	*n = b->n;
	return 1;
}
