/* See LICENSE file for copyright and license details. */
/*
 * The part-of-speech tagger of keywords (postag.h).
 *
 * Model file, little-endian:
 *
 *	"LEDEPOS1"			magic, 8 bytes
 *	u32 ntags			LEDE_POS_NTAGS
 *	u32 nfeat
 *	f32 scale			weight = scale x stored value
 *	nfeat records, keys strictly increasing:
 *		u64 key, u8 nnz (1..ntags),
 *		nnz x (u8 tag, strictly increasing; i16 value, not 0)
 *	u64 checksum			lede_hash of every byte before it
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "postag.h"
#include "text.h"
#include "util.h"

#define T LEDE_POS_NTAGS
#define MAXFEAT 16

static const char *names[T] = {
	"NN", "NNS", "NNP", "JJ", "VB", "VBD", "VBG", "VBN", "VBZ", "MD", "RB",
	"IN", "TO", "DT", "CC", "CD", "PRP", "POS", "RP", "PUNCT", "X",
};

static const struct {
	const char *penn;
	int tag;
} folds[] = {
	{"NN", LEDE_POS_NN}, {"NNS", LEDE_POS_NNS}, {"NNP", LEDE_POS_NNP},
	{"NNPS", LEDE_POS_NNP}, {"JJ", LEDE_POS_JJ}, {"JJR", LEDE_POS_JJ},
	{"JJS", LEDE_POS_JJ}, {"VB", LEDE_POS_VB}, {"VBP", LEDE_POS_VB},
	{"VBD", LEDE_POS_VBD}, {"VBG", LEDE_POS_VBG}, {"VBN", LEDE_POS_VBN},
	{"VBZ", LEDE_POS_VBZ}, {"MD", LEDE_POS_MD}, {"RB", LEDE_POS_RB},
	{"RBR", LEDE_POS_RB}, {"RBS", LEDE_POS_RB}, {"WRB", LEDE_POS_RB},
	{"IN", LEDE_POS_IN}, {"TO", LEDE_POS_TO}, {"DT", LEDE_POS_DT},
	{"PDT", LEDE_POS_DT}, {"WDT", LEDE_POS_DT}, {"CC", LEDE_POS_CC},
	{"CD", LEDE_POS_CD}, {"PRP", LEDE_POS_PRP}, {"PRP$", LEDE_POS_PRP},
	{"WP", LEDE_POS_PRP}, {"WP$", LEDE_POS_PRP}, {"EX", LEDE_POS_PRP},
	{"POS", LEDE_POS_POS}, {"RP", LEDE_POS_RP}, {".", LEDE_POS_PUNCT},
	{",", LEDE_POS_PUNCT}, {":", LEDE_POS_PUNCT}, {"``", LEDE_POS_PUNCT},
	{"''", LEDE_POS_PUNCT}, {"-LRB-", LEDE_POS_PUNCT},
	{"-RRB-", LEDE_POS_PUNCT}, {"HYPH", LEDE_POS_PUNCT},
	{"NFP", LEDE_POS_PUNCT}, {"$", LEDE_POS_PUNCT}, {"#", LEDE_POS_PUNCT},
	{"SYM", LEDE_POS_PUNCT}, {"FW", LEDE_POS_X}, {"UH", LEDE_POS_X},
	{"LS", LEDE_POS_X}, {"ADD", LEDE_POS_X}, {"GW", LEDE_POS_X},
	{"XX", LEDE_POS_X}, {"AFX", LEDE_POS_X},
};

const char *
lede_pos_name(int tag)
{
	return tag >= 0 && tag < T ? names[tag] : "?";
}

int
lede_pos_fold(const char *xpos, size_t n)
{
	for (size_t i = 0; i < LEDE_LEN(folds); i++)
		if (strlen(folds[i].penn) == n && !memcmp(folds[i].penn, xpos, n))
			return folds[i].tag;
	return -1;
}

/* Key of a feature: its group, template and bytes. */
static uint64_t
key(int g, int tmpl, const char *s, size_t n)
{
	char buf[64];
	uint64_t h;

	if (n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[0] = (char)('0' + g);
	buf[1] = (char)tmpl;
	memcpy(buf + 2, s, n);
	h = lede_hash(buf, n + 2);
	return h ? h : 1;
}

uint64_t
lede_pos_key_t1(int t1)
{
	char c = (char)t1;

	return key(9, 't', &c, 1);
}

uint64_t
lede_pos_key_t2(int t1, int t2)
{
	char c[2] = {(char)t1, (char)t2};

	return key(9, 'u', c, 2);
}

uint64_t
lede_pos_key_bias(void)
{
	return key(9, 'b', "", 0);
}

/* Shape: X upper, x lower, d digit, u other letters, else the byte; runs
 * of one class collapsed. */
static size_t
shape(const char *s, size_t n, char *out, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < max; i++) {
		unsigned char c = (unsigned char)s[i];
		char x;

		if (c >= 0x80 && c < 0xc0)
			continue;
		if (c >= 'A' && c <= 'Z')
			x = 'X';
		else if (c >= 'a' && c <= 'z')
			x = 'x';
		else if (c >= '0' && c <= '9')
			x = 'd';
		else if (c >= 0x80)
			x = 'u';
		else
			x = (char)c;
		if (k == 0 || out[k - 1] != x)
			out[k++] = x;
	}
	return k;
}

/* Features of the lower-cased form w[0..l) (of s[0..n)) at group g. */
static size_t
feats(const char *s, size_t n, const char *w, size_t l, const char *sh,
    size_t shn, int g, uint64_t *keys)
{
	size_t k = 0, i;

	keys[k++] = key(g, 'w', w, l);
	if (g == 1) {
		for (i = 1; i <= 4 && i < l; i++)
			keys[k++] = key(g, (int)('0' + i), w + l - i, i);
		keys[k++] = key(g, 'p', w, 1);
		keys[k++] = key(g, 'h', sh, shn);
		/* the exact form when its case says something */
		if (n != l || memcmp(s, w, n))
			keys[k++] = key(g, 'W', s, n);
	} else {
		if (l > 3)
			keys[k++] = key(g, '3', w + l - 3, 3);
		keys[k++] = key(g, 'h', sh, shn);
	}
	return k;
}

/* The lower-cased form in low. */
static void
lowform(const char *s, size_t n, LedeBuf *low)
{
	lede_buf_clear(low);
	lede_lower(low, s, n);
}

int
lede_pos_number(const char *s, size_t n)
{
	int digit = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digit = 1;
		else if (!strchr(".,:/-", s[i]) || s[i] == '\0')
			return 0;
	}
	return digit;
}

size_t
lede_pos_feats(const char *s, size_t n, int g, uint64_t *keys, LedeBuf *low)
{
	char sh[16];
	size_t shn = shape(s, n, sh, sizeof(sh));

	lowform(s, n, low);
	return feats(s, n, low->p, low->len, sh, shn, g, keys);
}

/* Model. */

typedef struct {
	uint64_t key;
	uint32_t off;		/* first entry in m->ent */
	uint8_t nnz;
} Feat;

/* A weight of a feature and its tag, side by side: one cache miss. */
typedef struct {
	int16_t w;
	uint8_t tag;
} Ent;

#define L LEDE_POS_LANES
#define LEDE_STATIC_ASSERT_LANES _Static_assert(L >= T, "lanes for the tags")

/* Weights are integers in units of the model's scale. */
struct LedePosModel {
	Feat *f;		/* as read */
	size_t nfeat;
	Feat *slot;		/* the same, hashed by key (0 = empty) */
	size_t nslot;
	Ent *ent;
	int32_t bias[L], t1[T + 1][L], t2[(T + 1) * (T + 1)][L];
	double scale;		/* of the weights */
	LedePosW bos[LEDE_POS_BLOCK], eos[LEDE_POS_BLOCK];
};

static uint64_t
rd64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static const Feat *
findfeat(const LedePosModel *m, uint64_t k)
{
	size_t mask = m->nslot - 1, i;

	for (i = (size_t)k & mask; m->slot[i].key; i = (i + 1) & mask)
		if (m->slot[i].key == k)
			return &m->slot[i];
	return NULL;
}

/* Add the weights of feature f (may be NULL) to v (L lanes). */
static void
addweights(const LedePosModel *m, const Feat *f, int32_t *v)
{
	if (f)
		for (uint32_t j = 0; j < f->nnz; j++)
			v[m->ent[f->off + j].tag] += m->ent[f->off + j].w;
}

/* Add the weights of feature k to v (L lanes). */
static void
addfeat(const LedePosModel *m, uint64_t k, int32_t *v)
{
	addweights(m, findfeat(m, k), v);
}

static void
seterr(char *err, size_t errlen, const char *msg)
{
	if (errlen)
		snprintf(err, errlen, "%s", msg);
}

void
lede_pos_free(LedePosModel *m)
{
	if (!m)
		return;
	free(m->f);
	free(m->slot);
	free(m->ent);
	free(m);
}

size_t
lede_pos_nfeat(const LedePosModel *m)
{
	return m->nfeat;
}

LedePosModel *
lede_pos_load_mem(const void *buf, size_t n, char *err, size_t errlen)
{
	const unsigned char *p = buf, *end = p + n;
	LedePosModel *m;
	size_t i, nent = 0, cent = 0;
	uint32_t nfeat;
	float scale;
	uint64_t prev = 0;
	LedeBuf low = {0};

	LEDE_STATIC_ASSERT_LANES;
	if (n < 8 + 4 + 4 + 4 + 8 || memcmp(p, "LEDEPOS1", 8)) {
		seterr(err, errlen, n < 8 ? "truncated" : "bad magic");
		return NULL;
	}
	if (rd64(end - 8) != lede_hash(p, n - 8)) {
		seterr(err, errlen, "bad checksum");
		return NULL;
	}
	end -= 8;
	if (rd32(p + 8) != T) {
		seterr(err, errlen, "wrong number of tags");
		return NULL;
	}
	nfeat = rd32(p + 12);
	{
		uint32_t u = rd32(p + 16);

		memcpy(&scale, &u, sizeof(scale));
	}
	if (!isfinite(scale) || scale <= 0 || scale > 1e6) {
		seterr(err, errlen, "bad scale");
		return NULL;
	}
	if (nfeat > (size_t)(end - p) / 12) {
		seterr(err, errlen, "truncated");
		return NULL;
	}
	p += 20;
	m = ecalloc(1, sizeof(*m));
	m->scale = scale;
	m->f = ecalloc(nfeat ? nfeat : 1, sizeof(*m->f));
	for (i = 0; i < nfeat; i++) {
		uint64_t k;
		unsigned nnz, j, last = 0;

		if (end - p < 9)
			goto trunc;
		k = rd64(p);
		nnz = p[8];
		p += 9;
		if ((i > 0 && k <= prev) || k == 0) {
			seterr(err, errlen, "feature keys not increasing");
			goto bad;
		}
		prev = k;
		if (nnz == 0 || nnz > T) {
			seterr(err, errlen, "bad number of weights");
			goto bad;
		}
		if ((size_t)(end - p) < 3 * (size_t)nnz)
			goto trunc;
		if (nent + nnz > cent) {
			cent = (nent + nnz) * 2;
			m->ent = ereallocarray(m->ent, cent, sizeof(*m->ent));
		}
		m->f[i].key = k;
		m->f[i].off = (uint32_t)nent;
		m->f[i].nnz = (uint8_t)nnz;
		for (j = 0; j < nnz; j++, p += 3) {
			int16_t v = (int16_t)(uint16_t)(p[1] | p[2] << 8);

			if (p[0] >= T || (j > 0 && p[0] <= last) || v == 0) {
				seterr(err, errlen, "bad weight entry");
				goto bad;
			}
			last = p[0];
			m->ent[nent].tag = p[0];
			m->ent[nent++].w = v;
		}
	}
	if (p != end) {
		seterr(err, errlen, "trailing bytes");
		goto bad;
	}
	m->nfeat = nfeat;
	for (m->nslot = 16; m->nslot < 2 * (size_t)nfeat + 2; m->nslot *= 2)
		;
	m->slot = ecalloc(m->nslot, sizeof(*m->slot));
	for (i = 0; i < nfeat; i++) {
		size_t j;

		for (j = (size_t)m->f[i].key & (m->nslot - 1); m->slot[j].key;
		    j = (j + 1) & (m->nslot - 1))
			;
		m->slot[j] = m->f[i];
	}
	free(m->f);
	m->f = NULL;
	/* the dense tables of the history, the bias and the boundaries */
	addfeat(m, lede_pos_key_bias(), m->bias);
	for (i = 0; i <= T; i++) {
		addfeat(m, lede_pos_key_t1((int)i), m->t1[i]);
		for (size_t j = 0; j <= T; j++)
			addfeat(m, lede_pos_key_t2((int)i, (int)j),
			    m->t2[i * (T + 1) + j]);
	}
	lede_pos_block(m, LEDE_POS_BOS, strlen(LEDE_POS_BOS), m->bos, &low);
	lede_pos_block(m, LEDE_POS_EOS, strlen(LEDE_POS_EOS), m->eos, &low);
	lede_buf_free(&low);
	return m;
trunc:
	seterr(err, errlen, "truncated");
bad:
	lede_pos_free(m);
	return NULL;
}

/*
 * The keys of every group first, then their slots, then their weights:
 * each step's cache misses wait for no other of the step, where a
 * feature at a time would wait for each in turn.
 */
void
lede_pos_block(const LedePosModel *m, const char *s, size_t n, LedePosW *block,
    LedeBuf *low)
{
	uint64_t keys[LEDE_POS_NGROUPS][MAXFEAT];
	const Feat *f[LEDE_POS_NGROUPS][MAXFEAT];
	size_t nk[LEDE_POS_NGROUPS], i;
	char sh[16];
	size_t shn = shape(s, n, sh, sizeof(sh));
	int g;

	lede_buf_clear(low);
	lede_lower(low, s, n);
	for (g = 0; g < LEDE_POS_NGROUPS; g++) {
		nk[g] = feats(s, n, low->p, low->len, sh, shn, g, keys[g]);
		for (i = 0; i < nk[g]; i++)
			LEDE_PREFETCH(&m->slot[keys[g][i] & (m->nslot - 1)]);
	}
	for (g = 0; g < LEDE_POS_NGROUPS; g++)
		for (i = 0; i < nk[g]; i++) {
			f[g][i] = findfeat(m, keys[g][i]);
			if (f[g][i])
				LEDE_PREFETCH(&m->ent[f[g][i]->off]);
		}
	for (g = 0; g < LEDE_POS_NGROUPS; g++) {
		int32_t acc[L] = {0};

		for (i = 0; i < nk[g]; i++)
			addweights(m, f[g][i], acc);
		for (i = 0; i < L; i++)
			block[g * L + i] = (LedePosW)(acc[i] > 32767 ? 32767 :
			    acc[i] < -32767 ? -32767 : acc[i]);
	}
}

/*
 * Greedy decoding of tokens from..n-1, the tags before from already in
 * tags; gap[2i] and gap[2i + 1] (if gap) get the score of token i's tag
 * less that of VBZ and of VB: what it would cost to make it a verb.
 */
static void
decode(const LedePosModel *m, const LedePosW *const *b, size_t n,
    size_t from, int *tags, int32_t *gap)
{
	size_t i;
	int y, t1 = from >= 1 ? tags[from - 1] : LEDE_POS_START,
	    t2 = from >= 2 ? tags[from - 2] : LEDE_POS_START;

	/* the blocks of the sentence, loads that wait for none before them */
	for (i = from; i < n; i++) {
		LEDE_PREFETCH(b[i]);
		LEDE_PREFETCH(b[i] + 32);
		LEDE_PREFETCH(b[i] + 64);
	}
	for (i = from; i < n; i++) {
		const LedePosW *m1 = i >= 1 ? b[i - 1] : m->bos;
		const LedePosW *c = b[i] + L;
		const LedePosW *p1 = (i + 1 < n ? b[i + 1] : m->eos) + 2 * L;
		const int32_t *h1 = m->t1[t1], *h2 = m->t2[t1 * (T + 1) + t2];
		int32_t v[L], best;
		int arg = 0;

		for (y = 0; y < L; y++)
			v[y] = m->bias[y] + h1[y] + h2[y] + m1[y] + c[y] + p1[y];
		best = v[0];
		for (y = 1; y < T; y++)
			if (v[y] > best) {
				best = v[y];
				arg = y;
			}
		tags[i] = arg;
		if (gap) {
			gap[2 * i] = best - v[LEDE_POS_VBZ];
			gap[2 * i + 1] = best - v[LEDE_POS_VB];
		}
		t2 = t1;
		t1 = arg;
	}
}

void
lede_pos_tag(const LedePosModel *m, const LedePosW *const *b, size_t n,
    int *tags)
{
	decode(m, b, n, 0, tags, NULL);
}

static int
finite_verb(int tag)
{
	return tag == LEDE_POS_VB || tag == LEDE_POS_VBD ||
	    tag == LEDE_POS_VBZ || tag == LEDE_POS_MD;
}

static int
noun(int tag)
{
	return tag == LEDE_POS_NN || tag == LEDE_POS_NNS || tag == LEDE_POS_NNP;
}

/*
 * Can the words before i be a subject?  The noun phrase before i (nouns,
 * adjectives, numbers, determiners, possessives, participles) must open
 * the sentence or follow punctuation or a conjunction, not a preposition
 * or a verb: "in Third World loans", "of random walks" are no subjects;
 * nor is a phrase with a number after a noun, a line of figures ("Net
 * loss 90,656 vs profit 892").
 */
static int
subject(const int *tags, size_t i)
{
	while (i > 0) {
		switch (tags[--i]) {
		case LEDE_POS_CD:	/* "3 men", not "loss 90,656 vs" */
			if (i > 0 && noun(tags[i - 1]))
				return 0;
			continue;
		case LEDE_POS_NN: case LEDE_POS_NNS: case LEDE_POS_NNP:
		case LEDE_POS_JJ: case LEDE_POS_DT:
		case LEDE_POS_POS: case LEDE_POS_PRP: case LEDE_POS_VBN:
		case LEDE_POS_VBG:
			continue;
		default:
			return tags[i] == LEDE_POS_PUNCT || tags[i] == LEDE_POS_CC;
		}
	}
	return 1;
}

size_t
lede_pos_tag_verb(const LedePosModel *m, const LedePosW *const *b, size_t n,
    int *tags, int32_t *gap, double maxgap, const unsigned char *vonly)
{
	size_t i, j = n;
	int32_t lim = maxgap / m->scale > INT32_MAX ? INT32_MAX :
	    (int32_t)(maxgap / m->scale), best = 0;
	int vt = 0;

	decode(m, b, n, 0, tags, gap);
	/* a verb in -s read as a noun (NNS, or NNP in capitals) after a subject */
	for (i = 1; vonly && i < n; i++)
		if (vonly[i] && (tags[i] == LEDE_POS_NNS ||
		    tags[i] == LEDE_POS_NNP) && subject(tags, i)) {
			tags[i] = LEDE_POS_VBZ;
			decode(m, b, n, i + 1, tags, gap);
			return i;
		}
	/* a finite verb, or a participle after a noun ("troops fired") */
	for (i = 0; i < n; i++)
		if (finite_verb(tags[i]) || (i > 0 && (tags[i] == LEDE_POS_VBN ||
		    tags[i] == LEDE_POS_VBG) && (noun(tags[i - 1]) ||
		    tags[i - 1] == LEDE_POS_PRP)))
			return n;
	/*
	 * A verb that agrees with the noun before it, with words after it:
	 * a plural noun after a singular one ("price jumps on"), a singular
	 * noun after a plural one ("workers strike at").
	 */
	for (i = 1; i + 1 < n; i++) {
		int32_t g;
		int t;

		if (tags[i + 1] == LEDE_POS_PUNCT || tags[i + 1] == LEDE_POS_CD)
			continue;
		if (tags[i] == LEDE_POS_NNS && (tags[i - 1] == LEDE_POS_NN ||
		    tags[i - 1] == LEDE_POS_NNP)) {
			g = gap[2 * i];
			t = LEDE_POS_VBZ;
		} else if (tags[i] == LEDE_POS_NN &&
		    tags[i - 1] == LEDE_POS_NNS) {
			g = gap[2 * i + 1];
			t = LEDE_POS_VB;
		} else
			continue;
		if (g <= lim && (j == n || g < best) && subject(tags, i)) {
			j = i;
			best = g;
			vt = t;
		}
	}
	if (j == n)
		return n;
	tags[j] = vt;
	decode(m, b, n, j + 1, tags, gap);
	return j;
}

/* Training. */

typedef struct {
	uint64_t *key;		/* static keys of each token, in tokoff order */
	size_t nkey, ckey;
	size_t *tokoff;		/* token i's keys: tokoff[i]..tokoff[i + 1] */
	int *gold;
	size_t ntok, ctok;
	size_t *sent;		/* first token of each sentence, and the end */
	size_t nsent, csent;
} Data;

struct LedePosTrainer {
	Data d;
	/* weights: feature index x T */
	uint64_t *fkey;
	size_t nf, cf;
	uint32_t *slot;
	size_t nslot;
	double *w, *tot;
	long *ts;
	long now;
	LedeBuf low;
	int *pred;
	size_t cpred;
};

LedePosTrainer *
lede_pos_trainer_new(void)
{
	LedePosTrainer *t = ecalloc(1, sizeof(*t));

	t->d.sent = ecalloc(1, sizeof(size_t));
	t->d.csent = 1;
	t->d.tokoff = ecalloc(1, sizeof(size_t));
	t->d.ctok = 0;
	return t;
}

void
lede_pos_trainer_free(LedePosTrainer *t)
{
	if (!t)
		return;
	free(t->d.key);
	free(t->d.tokoff);
	free(t->d.gold);
	free(t->d.sent);
	free(t->fkey);
	free(t->slot);
	free(t->w);
	free(t->tot);
	free(t->ts);
	free(t->pred);
	lede_buf_free(&t->low);
	free(t);
}

static void
addkeys(LedePosTrainer *t, const char *s, size_t n, int g)
{
	uint64_t k[MAXFEAT];
	size_t m = lede_pos_feats(s, n, g, k, &t->low);

	if (t->d.nkey + m > t->d.ckey) {
		t->d.ckey = (t->d.nkey + m) * 2;
		t->d.key = ereallocarray(t->d.key, t->d.ckey, sizeof(*t->d.key));
	}
	memcpy(t->d.key + t->d.nkey, k, m * sizeof(*k));
	t->d.nkey += m;
}

void
lede_pos_trainer_add(LedePosTrainer *t, const char *const *forms,
    const size_t *lens, const int *tags, size_t n)
{
	size_t i;
	int g;

	for (i = 0; i < n; i++) {
		for (g = 0; g < LEDE_POS_NGROUPS; g++) {
			long j = (long)i + g - 1;

			if (j < 0)
				addkeys(t, LEDE_POS_BOS, strlen(LEDE_POS_BOS), g);
			else if ((size_t)j >= n)
				addkeys(t, LEDE_POS_EOS, strlen(LEDE_POS_EOS), g);
			else
				addkeys(t, forms[j], lens[j], g);
		}
		if (t->d.ntok + 1 >= t->d.ctok) {
			t->d.ctok = t->d.ctok ? t->d.ctok * 2 : 4096;
			t->d.tokoff = ereallocarray(t->d.tokoff, t->d.ctok + 1,
			    sizeof(*t->d.tokoff));
			t->d.gold = ereallocarray(t->d.gold, t->d.ctok, sizeof(int));
		}
		t->d.gold[t->d.ntok] = tags[i];
		t->d.tokoff[++t->d.ntok] = t->d.nkey;
	}
	if (t->d.nsent + 2 > t->d.csent) {
		t->d.csent = (t->d.nsent + 2) * 2;
		t->d.sent = ereallocarray(t->d.sent, t->d.csent, sizeof(size_t));
	}
	t->d.sent[++t->d.nsent] = t->d.ntok;
}

/* Index of feature k, added when new. */
static size_t
feat(LedePosTrainer *t, uint64_t k)
{
	size_t i, j;

	if (2 * (t->nf + 1) > t->nslot) {
		t->nslot = t->nslot ? t->nslot * 2 : 1 << 16;
		free(t->slot);
		t->slot = ecalloc(t->nslot, sizeof(*t->slot));
		for (i = 0; i < t->nf; i++) {
			for (j = (size_t)t->fkey[i] & (t->nslot - 1); t->slot[j];
			    j = (j + 1) & (t->nslot - 1))
				;
			t->slot[j] = (uint32_t)i + 1;
		}
	}
	for (j = (size_t)k & (t->nslot - 1); t->slot[j]; j = (j + 1) & (t->nslot - 1))
		if (t->fkey[t->slot[j] - 1] == k)
			return t->slot[j] - 1;
	if (t->nf == t->cf) {
		t->cf = t->cf ? t->cf * 2 : 1 << 15;
		t->fkey = ereallocarray(t->fkey, t->cf, sizeof(*t->fkey));
		t->w = ereallocarray(t->w, t->cf * T, sizeof(*t->w));
		t->tot = ereallocarray(t->tot, t->cf * T, sizeof(*t->tot));
		t->ts = ereallocarray(t->ts, t->cf * T, sizeof(*t->ts));
	}
	t->fkey[t->nf] = k;
	for (i = 0; i < T; i++) {
		t->w[t->nf * T + i] = 0;
		t->tot[t->nf * T + i] = 0;
		t->ts[t->nf * T + i] = 0;
	}
	t->slot[j] = (uint32_t)t->nf + 1;
	return t->nf++;
}

static void
update(LedePosTrainer *t, size_t f, int y, double v)
{
	size_t i = f * T + (size_t)y;

	t->tot[i] += (double)(t->now - t->ts[i]) * t->w[i];
	t->ts[i] = t->now;
	t->w[i] += v;
}

/* Keys of token i (static, then history and bias) into k; returns count. */
static size_t
tokkeys(const LedePosTrainer *t, size_t i, int t1, int t2, uint64_t *k)
{
	size_t a = t->d.tokoff[i], b = t->d.tokoff[i + 1], n = b - a;

	memcpy(k, t->d.key + a, n * sizeof(*k));
	k[n++] = lede_pos_key_t1(t1);
	k[n++] = lede_pos_key_t2(t1, t2);
	k[n++] = lede_pos_key_bias();
	return n;
}

double
lede_pos_train_epoch(LedePosTrainer *t, unsigned long seed)
{
	size_t *order, i, j, s, right = 0, total = 0;
	uint64_t r = seed * 0x9E3779B97F4A7C15ULL + 1;
	uint64_t k[LEDE_POS_NGROUPS * MAXFEAT + 3];

	order = ereallocarray(NULL, t->d.nsent ? t->d.nsent : 1, sizeof(*order));
	for (i = 0; i < t->d.nsent; i++)
		order[i] = i;
	for (i = t->d.nsent; i > 1; i--) {
		size_t x;

		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		x = (size_t)(r % i);
		j = order[i - 1];
		order[i - 1] = order[x];
		order[x] = j;
	}
	for (s = 0; s < t->d.nsent; s++) {
		size_t a = t->d.sent[order[s]], b = t->d.sent[order[s] + 1];
		int t1 = LEDE_POS_START, t2 = LEDE_POS_START;

		for (i = a; i < b; i++) {
			size_t n = tokkeys(t, i, t1, t2, k), q;
			double sc[T];
			int y, best = 0, gold = t->d.gold[i];

			for (y = 0; y < T; y++)
				sc[y] = 0;
			for (q = 0; q < n; q++) {
				size_t f = feat(t, k[q]);

				for (y = 0; y < T; y++)
					sc[y] += t->w[f * T + (size_t)y];
			}
			for (y = 1; y < T; y++)
				if (sc[y] > sc[best])
					best = y;
			t->now++;
			if (best != gold) {
				for (q = 0; q < n; q++) {
					size_t f = feat(t, k[q]);

					update(t, f, gold, 1);
					update(t, f, best, -1);
				}
			} else {
				right++;
			}
			total++;
			t2 = t1;
			t1 = best;
		}
	}
	free(order);
	return total ? (double)right / (double)total : 0;
}

static void
put32(LedeBuf *b, uint32_t v)
{
	char c[4] = {(char)v, (char)(v >> 8), (char)(v >> 16), (char)(v >> 24)};

	lede_buf_add(b, c, 4);
}

static void
put64(LedeBuf *b, uint64_t v)
{
	put32(b, (uint32_t)v);
	put32(b, (uint32_t)(v >> 32));
}

static int
cmpu64(const void *a, const void *b)
{
	uint64_t x = **(const uint64_t *const *)a, y = **(const uint64_t *const *)b;

	return (x > y) - (x < y);
}

void
lede_pos_save_mem(LedePosTrainer *t, double minw, char **out, size_t *outlen)
{
	size_t i, nf = t->nf, kept = 0;
	double *avg = ereallocarray(NULL, nf * T + 1, sizeof(*avg)), max = 0;
	const uint64_t **ord = ereallocarray(NULL, nf + 1, sizeof(*ord));
	LedeBuf b = {0};
	float scale;
	uint32_t u;

	for (i = 0; i < nf * T; i++) {
		double tot = t->tot[i] + (double)(t->now - t->ts[i]) * t->w[i];

		avg[i] = t->now ? tot / (double)t->now : 0;
		if (fabs(avg[i]) > max)
			max = fabs(avg[i]);
	}
	/* room for sums of several weights in the 16 bits of a block */
	scale = (float)(max > 0 ? max / 8191.0 : 1.0);
	for (i = 0; i < nf; i++)
		ord[i] = &t->fkey[i];
	lede_sort(ord, nf, sizeof(*ord), cmpu64);
	lede_buf_add(&b, "LEDEPOS1", 8);
	put32(&b, T);
	put32(&b, 0);		/* nfeat, patched below */
	memcpy(&u, &scale, sizeof(u));
	put32(&b, u);
	for (i = 0; i < nf; i++) {
		size_t f = (size_t)(ord[i] - t->fkey), y, nnz = 0;
		long q[T];

		for (y = 0; y < T; y++) {
			double v = avg[f * T + y];

			q[y] = fabs(v) < minw ? 0 : lround(v / scale);
			if (q[y] > 32767)
				q[y] = 32767;
			if (q[y] < -32767)
				q[y] = -32767;
			nnz += q[y] != 0;
		}
		if (!nnz)
			continue;
		put64(&b, t->fkey[f]);
		lede_buf_addc(&b, (char)nnz);
		for (y = 0; y < T; y++) {
			if (!q[y])
				continue;
			lede_buf_addc(&b, (char)y);
			lede_buf_addc(&b, (char)(q[y] & 0xff));
			lede_buf_addc(&b, (char)((q[y] >> 8) & 0xff));
		}
		kept++;
	}
	{
		unsigned char *p = (unsigned char *)b.p + 12;

		p[0] = (unsigned char)kept;
		p[1] = (unsigned char)(kept >> 8);
		p[2] = (unsigned char)(kept >> 16);
		p[3] = (unsigned char)(kept >> 24);
	}
	put64(&b, lede_hash(b.p, b.len));
	free(avg);
	free(ord);
	*out = b.p;
	*outlen = b.len;
}
