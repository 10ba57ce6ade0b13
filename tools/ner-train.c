/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "io.h"
#include "tagger.h"
#include "text.h"
#include "util.h"

/*
 * Train a NER model: an averaged structured perceptron over BILOU labels
 * with Viterbi decoding, features as in lib/tagger.c, early stopping on a
 * dev set.
 */

#define NG LEDE_NER_NGROUPS
#define MAXGAZ 4

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-o MODEL] [-n ITER] [-c CUTOFF] [-d DEV] [-s SEED]\n"
	    "          [-x LEXICON] [-g GAZ]... [-e EXTRA]... [options] TRAIN...\n"
	    "Train a named-entity model from CoNLL-style files (token first,\n"
	    "tag last, BIO or IOB1, blank lines between sentences).\n"
	    "\n"
	    "  -o, --output MODEL    write the model here (default ner.model)\n"
	    "  -n, --iterations N    at most N passes over the data (default 20)\n"
	    "  -c, --cutoff N        keep features seen at least N times (default 2)\n"
	    "  -d, --dev FILE        dev set: report F1, keep the best pass, stop early\n"
	    "  -p, --patience N      stop after N passes without a better dev F1 (default 4)\n"
	    "  -s, --seed N          seed of the shuffles (default 1)\n"
	    "  -r, --runs N          average the weights of N runs with other shuffles\n"
	    "  -x, --lexicon FILE    word clusters and case profiles (TSV)\n"
	    "  -g, --gazetteer FILE  a CoNLL file whose entity words become gazetteer bits\n"
	    "  -e, --extra FILE      more training data, used a fraction at a time\n"
	    "      --extra-frac F    fraction of the extra documents per pass (default 0.3)\n"
	    "  -F, --features LIST   feature groups, comma-separated, or -GROUP to drop one\n"
	    "                        (word,affix,shape,context,cluster,gaz,case,\n"
	    "                        sent,doc; default all)\n"
	    "      --split-hyphens F split hyphenated tokens in this fraction of sentences\n"
	    "      --case-aug F      add all-caps or lower-case copies of this\n"
	    "                        fraction of the training documents\n"
	    "  -q, --quiet           no progress on stderr\n"
	    "      --help            print this help and exit\n"
	    "      --version         print the version and exit\n",
	    argv0);
}

/* ---- deterministic random numbers (splitmix64) ---- */

static uint64_t rng;

static uint64_t
rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double
rndf(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

/* ---- data ---- */

typedef struct {
	size_t off, n;		/* tokens in the token arrays */
	int newdoc;
	int set;		/* 0 train, 1 dev, 2 extra */
} Sent;

static LedeDict *types;		/* word types */
static long *tok;		/* type of each token */
static int *gold;		/* BILOU label of each token */
static size_t ntok, ctok;
static Sent *sent;
static size_t nsent, csent;
static char tname[LEDE_NER_MAXTYPES][16];
static int ntypes;
static int ntypes_fixed;	/* type list frozen (after training files) */

/*
 * The index of type name (a tag's after "B-"), added while the list is
 * open; -1 for a type not in the frozen list.  Names the model loader
 * would refuse stop the run at the tag's line.
 */
static int
typeindex(const char *name, const LedeBio *b, size_t i)
{
	const char *p;
	int t;

	for (p = name; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_'))
			eprintf("%s:%lu: bad entity type '%s' (letters A-Z and "
			    "a-z, digits and _ only)", lede_bio_name(b),
			    lede_bio_lineno(b, i), name);
	if (strlen(name) >= sizeof(tname[0]))
		eprintf("%s:%lu: entity type name too long (at most %zu bytes)",
		    lede_bio_name(b), lede_bio_lineno(b, i), sizeof(tname[0]) - 1);
	for (t = 0; t < ntypes; t++)
		if (!strcmp(tname[t], name))
			return t;
	if (ntypes_fixed)
		return -1;
	if (ntypes == LEDE_NER_MAXTYPES)
		eprintf("%s:%lu: too many entity types (at most %d): %s",
		    lede_bio_name(b), lede_bio_lineno(b, i), LEDE_NER_MAXTYPES,
		    name);
	snprintf(tname[ntypes], sizeof(tname[0]), "%s", name);
	return ntypes++;
}

/* BIO or IOB1 tags to (type, begins) pairs; -1 type for O or unknown. */
static void
tagtypes(const LedeBio *b, char **tags, size_t n, int *ty, int *beg)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (tags[i][0] == 'O') {
			ty[i] = -1;
			beg[i] = 0;
			continue;
		}
		ty[i] = typeindex(tags[i] + 2, b, i);
		beg[i] = tags[i][0] == 'B' || i == 0 || ty[i - 1] != ty[i];
	}
}

static void
pushtok(const char *form, size_t len, int label)
{
	if (ntok == ctok) {
		ctok = ctok ? ctok * 2 : 1 << 16;
		tok = ereallocarray(tok, ctok, sizeof(*tok));
		gold = ereallocarray(gold, ctok, sizeof(*gold));
	}
	if (len > LEDE_NER_MAXWORD)
		len = LEDE_NER_MAXWORD;
	while (len > 0 && lede_utf8_check(form, len) != len)
		len--;
	tok[ntok] = lede_dict_put(types, form, len, NULL);
	gold[ntok] = label;
	ntok++;
}

static void
pushsent(size_t off, int newdoc, int set)
{
	if (nsent == csent) {
		csent = csent ? csent * 2 : 1024;
		sent = ereallocarray(sent, csent, sizeof(*sent));
	}
	sent[nsent].off = off;
	sent[nsent].n = ntok - off;
	sent[nsent].newdoc = newdoc;
	sent[nsent].set = set;
	nsent++;
}

/* BILOU labels from types and begin flags. */
static void
bilou(const int *ty, const int *beg, size_t n, int *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int last = i + 1 == n || ty[i + 1] != ty[i] || beg[i + 1];

		if (ty[i] < 0)
			out[i] = 0;
		else if (beg[i])
			out[i] = lede_ner_label(ty[i], last ? 3 : 0);
		else
			out[i] = lede_ner_label(ty[i], last ? 2 : 1);
	}
}

static double split_frac, case_frac;

static int
isupperstart(const char *s)
{
	int32_t cp;

	if (lede_utf8_decode(s, strlen(s), &cp) < 0)
		return 0;
	return lede_isupper(cp) || lede_isdigit(cp);
}

/*
 * Split hyphenated tokens as UD does ("German-based" -> German - based):
 * parts that start with a capital or digit stay in the entity, the
 * others leave it.
 */
static size_t
splithyphens(char **form, int *ty, int *beg, size_t n, LedeBuf *store,
    char ***oform, int **oty, int **obeg)
{
	static char **f;
	static int *t, *b;
	static size_t *soff, cap;
	size_t i, m = 0, j;

	lede_buf_clear(store);
	for (i = 0; i < n; i++) {
		const char *s = form[i], *p, *q;
		size_t len = strlen(s), m0 = m;
		int started = 0, inent = 0;

		if (m + 2 * len + 2 > cap) {
			cap = (m + 2 * len + 2) * 2;
			f = ereallocarray(f, cap, sizeof(*f));
			t = ereallocarray(t, cap, sizeof(*t));
			b = ereallocarray(b, cap, sizeof(*b));
			soff = ereallocarray(soff, cap, sizeof(*soff));
		}
		if (len < 3 || !strchr(s + 1, '-') || s[len - 1] == '-') {
			f[m] = form[i];
			soff[m] = SIZE_MAX;
			t[m] = ty[i];
			b[m] = beg[i];
			m++;
			continue;
		}
		for (p = s;; p = q + 1) {
			q = strchr(p, '-');
			if (!q)
				q = s + len;
			if (q > p) {
				int in = ty[i] >= 0 && isupperstart(p) &&
				    (!started || inent);

				soff[m] = store->len;
				lede_buf_add(store, p, (size_t)(q - p));
				lede_buf_addc(store, '\0');
				t[m] = in ? ty[i] : -1;
				b[m] = in && !started ? beg[i] : 0;
				started |= in;
				inent = in;
				m++;
			}
			if (*q != '-')
				break;
			soff[m] = store->len;
			lede_buf_add(store, "-", 2);
			t[m] = -1;
			b[m] = 0;
			m++;
		}
		/* hyphens between two entity pieces join them */
		for (j = m0 + 1; j + 1 < m; j++)
			if (t[j] < 0 && t[j - 1] >= 0 && t[j + 1] == t[j - 1]) {
				t[j] = t[j - 1];
				b[j] = 0;
			}
	}
	for (i = 0; i < m; i++)
		if (soff[i] != SIZE_MAX)
			f[i] = store->p + soff[i];
	*oform = f;
	*oty = t;
	*obeg = b;
	return m;
}

static void
casecopy(LedeBuf *out, const char *s, int upper)
{
	size_t i, n = strlen(s);
	int32_t cp;
	int k;
	char enc[4];

	lede_buf_clear(out);
	if (!upper) {
		lede_lower(out, s, n);
		return;
	}
	for (i = 0; i < n; i += (size_t)k) {
		if ((k = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return;
		if (lede_islower(cp)) {
			int32_t u = utf8proc_toupper(cp);

			lede_buf_add(out, enc, (size_t)lede_utf8_encode(u, enc));
		} else
			lede_buf_add(out, s + i, (size_t)k);
	}
}

static void
readfile(const char *path, int set)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	LedeBio *b;
	char **form, **tag, **f2;
	size_t n, i, m;
	int nd, rc, pending = 1, *ty = NULL, *beg = NULL, *lab = NULL, *t2, *b2;
	size_t cap = 0;
	LedeBuf store = {0};

	if (!fp)
		eprintf("%s:", path);
	b = lede_bio_open(fp, fp == stdin ? "<stdin>" : path);
	while ((rc = lede_bio_next(b, &form, &tag, &n, &nd)) != 0) {
		size_t off = ntok;

		if (rc < 0)
			eprintf("%s", lede_bio_error(b));
		if (n > cap) {
			cap = n * 4 + 16;
			ty = ereallocarray(ty, cap, sizeof(*ty));
			beg = ereallocarray(beg, cap, sizeof(*beg));
			lab = ereallocarray(lab, cap, sizeof(*lab));
		}
		tagtypes(b, tag, n, ty, beg);
		f2 = form;
		t2 = ty;
		b2 = beg;
		m = n;
		if (set != 1 && split_frac > 0 && rndf() < split_frac)
			m = splithyphens(form, ty, beg, n, &store, &f2, &t2, &b2);
		if (m > cap) {
			cap = m * 2;
			lab = ereallocarray(lab, cap, sizeof(*lab));
		}
		bilou(t2, b2, m, lab);
		for (i = 0; i < m; i++)
			pushtok(f2[i], strlen(f2[i]), lab[i]);
		pushsent(off, nd || pending, set);
		pending = 0;
	}
	lede_bio_free(b);
	if (fp != stdin)
		fclose(fp);
	free(ty);
	free(beg);
	free(lab);
	lede_buf_free(&store);
}

/*
 * Append an all-caps (half of them) or lower-case copy of this fraction
 * of the training documents, as documents of their own.
 */
static void
augment_case(double frac)
{
	size_t ns = nsent, s, e, k, j;
	LedeBuf cb = {0};

	for (s = 0; s < ns; s = e) {
		double u;
		int upper;

		for (e = s + 1; e < ns && !sent[e].newdoc; e++)
			;
		if (sent[s].set != 0 || (u = rndf()) >= frac)
			continue;
		upper = u < frac / 2;
		for (k = s; k < e; k++) {
			size_t off = ntok;

			for (j = 0; j < sent[k].n; j++) {
				size_t len;
				const char *w = lede_dict_key(types,
				    tok[sent[k].off + j], &len);

				casecopy(&cb, w, upper);
				pushtok(cb.p, cb.len, gold[sent[k].off + j]);
			}
			pushsent(off, k == s, 0);
		}
	}
	lede_buf_free(&cb);
}

/* ---- lexicon and gazetteers ---- */

/*
 * The lexicon: form TAB c1 TAB c2 TAB c3 TAB cap a line, clusters 1 to
 * 65535, the bucket 0 to 255, each form once.  Any other line stops the
 * run at its file:line.
 */
static void
readlexicon(LedeNerLex *lex, const char *path)
{
	FILE *fp = fopen(path, "r");
	LedeLines *in;
	char *line;
	size_t len, nent = 0;
	int rc;

	if (!fp)
		eprintf("%s:", path);
	in = lede_lines_open(fp, path, 4096);
	while ((rc = lede_lines_next(in, &line, &len)) != LEDE_IO_EOF) {
		char *fld[5], *p = line;
		unsigned long ln = lede_lines_lineno(in);
		long v[4];
		int k;
		LedeNerLexEnt *e;

		if (rc == LEDE_IO_TOOLONG)
			eprintf("%s:%lu: line too long", path, ln);
		if (rc != LEDE_IO_LINE)
			eprintf("%s:", path);
		if (lede_utf8_check(line, len) != len || memchr(line, '\0', len))
			eprintf("%s:%lu: invalid UTF-8", path, ln);
		for (k = 0; k < 5; k++) {
			fld[k] = p;
			p = strchr(p, '\t');
			if (!p && k < 4)
				eprintf("%s:%lu: expected 5 fields", path, ln);
			if (p)
				*p++ = '\0';
		}
		if (p)
			eprintf("%s:%lu: expected 5 fields", path, ln);
		len = strlen(fld[0]);
		if (len == 0)
			eprintf("%s:%lu: empty form", path, ln);
		if (len > LEDE_NER_MAXWORD)
			eprintf("%s:%lu: form longer than %d bytes", path, ln,
			    LEDE_NER_MAXWORD);
		for (k = 0; k < 4; k++)
			if (*fld[1 + k] < '0' || *fld[1 + k] > '9' ||
			    lede_strtol(fld[1 + k], k < 3 ? 1 : 0,
			    k < 3 ? 65535 : 255, &v[k]) < 0)
				eprintf("%s:%lu: bad %s '%s' (expected %s)", path,
				    ln, k < 3 ? "cluster" : "case bucket",
				    fld[1 + k], k < 3 ? "1 to 65535" : "0 to 255");
		if (lede_nerlex_get(lex, fld[0], len))
			eprintf("%s:%lu: form '%s' listed twice", path, ln, fld[0]);
		e = lede_nerlex_put(lex, fld[0], len);
		for (k = 0; k < 3; k++)
			e->cl[k] = (uint16_t)v[k];
		e->cap = (uint8_t)v[3];
		nent++;
	}
	/* an empty file would train without the cluster features, silently */
	if (nent == 0)
		eprintf("%s: no entry in the lexicon", path);
	lede_lines_free(in);
	fclose(fp);
}

/*
 * Gazetteer bits from a tagged file: per form, bit 8s + t when at least
 * 30% of its occurrences (and 2) are in entities of type t, and
 * 8s + 4 + t when at least 70% are.  Types are matched by name to the
 * training types (first four).
 */
static void
readgaz(LedeNerLex *lex, const char *path, int src)
{
	FILE *fp = fopen(path, "r");
	LedeBio *b;
	char **form, **tag;
	size_t n, i, k;
	int nd, rc;
	LedeDict *d = lede_dict_new();
	unsigned (*cnt)[5] = NULL;
	size_t ccnt = 0, nnames = 0;

	if (!fp)
		eprintf("%s:", path);
	b = lede_bio_open(fp, path);
	while ((rc = lede_bio_next(b, &form, &tag, &n, &nd)) != 0) {
		if (rc < 0)
			eprintf("%s", lede_bio_error(b));
		for (i = 0; i < n; i++) {
			size_t len = strlen(form[i]);
			int added, t = 4, j;
			long id;

			if (len > LEDE_NER_MAXWORD)
				continue;
			id = lede_dict_put(d, form[i], len, &added);
			if ((size_t)id >= ccnt) {
				ccnt = ccnt ? ccnt * 2 : 4096;
				cnt = ereallocarray(cnt, ccnt, sizeof(*cnt));
			}
			if (added)
				memset(cnt[id], 0, sizeof(cnt[id]));
			if (tag[i][0] != 'O') {
				nnames++;
				for (j = 0; j < ntypes && j < 4; j++)
					if (!strcmp(tag[i] + 2, tname[j]))
						t = j;
			}
			cnt[id][t]++;
		}
	}
	/* an empty file would train without its gazetteer bits, silently */
	if (nnames == 0)
		eprintf("%s: no entity in the gazetteer", path);
	for (k = 0; k < lede_dict_size(d); k++) {
		size_t len;
		const char *w = lede_dict_key(d, (long)k, &len);
		unsigned tot = 0;
		int t;

		for (t = 0; t < 5; t++)
			tot += cnt[k][t];
		for (t = 0; t < 4; t++) {
			if (cnt[k][t] < 2 || cnt[k][t] * 10 < tot * 3)
				continue;
			lede_nerlex_put(lex, w, len)->gaz |= 1u << (8 * src + t);
			if (cnt[k][t] * 10 >= tot * 7)
				lede_nerlex_put(lex, w, len)->gaz |= 1u << (8 * src + 4 + t);
		}
	}
	lede_bio_free(b);
	fclose(fp);
	free(cnt);
	lede_dict_free(d);
}

/* ---- features ---- */

/* Open-addressing map of feature keys to indices. */
static uint64_t *fkey;
static long *fslot;
static size_t fmask, nfeat, cfeat;
static unsigned *fcount;

static size_t
fmix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

static long
fput(uint64_t k, int add)
{
	size_t i = fmix(k) & fmask;

	while (fslot[i] >= 0 && fkey[fslot[i]] != k)
		i = (i + 1) & fmask;
	if (fslot[i] >= 0)
		return fslot[i];
	if (!add)
		return -1;
	if (nfeat == cfeat) {
		cfeat = cfeat ? cfeat * 2 : 1 << 16;
		fkey = ereallocarray(fkey, cfeat, sizeof(*fkey));
		fcount = ereallocarray(fcount, cfeat, sizeof(*fcount));
	}
	fkey[nfeat] = k;
	fcount[nfeat] = 0;
	fslot[i] = (long)nfeat;
	if (++nfeat * 2 > fmask) {
		size_t j, ns = (fmask + 1) * 2;

		free(fslot);
		fslot = emalloc(ns * sizeof(*fslot));
		for (j = 0; j < ns; j++)
			fslot[j] = -1;
		fmask = ns - 1;
		for (j = 0; j < nfeat; j++) {
			size_t s = fmix(fkey[j]) & fmask;

			while (fslot[s] >= 0)
				s = (s + 1) & fmask;
			fslot[s] = (long)j;
		}
	}
	return (long)nfeat - 1;
}

static void
finit(void)
{
	size_t j;

	fmask = (1 << 16) - 1;
	fslot = emalloc((fmask + 1) * sizeof(*fslot));
	for (j = 0; j <= fmask; j++)
		fslot[j] = -1;
}

/* Per type: feature indices by group. */
static int32_t *tfeat;
static size_t *tfoff;		/* ntypes * NG + 1 */
static unsigned *tflag;
static long *thist;		/* history slot (lower-case form) or -1 */
static LedeDict *hdict;
static long bos, eos;
static int L;
static unsigned fset = LEDE_NF_ALL;
static long histmaj[LEDE_NER_MAXTYPES + 2], histset[1 << (LEDE_NER_MAXTYPES + 1)];

static void
buildfeatures(LedeNerLex *lex, unsigned cutoff)
{
	size_t nt = lede_dict_size(types), i, j, nkeys = 0;
	LedeNerFeats f = {0};
	LedeBuf low = {0};
	size_t *tkoff = emalloc((nt + 1) * sizeof(*tkoff));
	uint64_t *keys = NULL;
	uint8_t *grps = NULL;
	size_t ckeys = 0;
	unsigned *freq = ecalloc(nt, sizeof(*freq));
	long *remap;
	int b;

	for (i = 0; i < nsent; i++)
		if (sent[i].set != 1)
			for (j = 0; j < sent[i].n; j++)
				freq[tok[sent[i].off + j]]++;
	freq[bos] = freq[eos] = (unsigned)nsent;
	tflag = emalloc(nt * sizeof(*tflag));
	thist = emalloc(nt * sizeof(*thist));
	hdict = lede_dict_new();
	finit();
	for (i = 0; i < nt; i++) {
		size_t len;
		const char *w = lede_dict_key(types, (long)i, &len);

		f.n = 0;
		tflag[i] = lede_ner_typefeats(lex, fset, w, len, &f, &low);
		thist[i] = -1;
		if ((fset & LEDE_NF_DOC) && (tflag[i] & LEDE_NT_UPPER))
			thist[i] = lede_dict_put(hdict, low.p, low.len, NULL);
		tkoff[i] = nkeys;
		if (nkeys + f.n > ckeys) {
			ckeys = (nkeys + f.n) * 2;
			keys = ereallocarray(keys, ckeys, sizeof(*keys));
			grps = ereallocarray(grps, ckeys, sizeof(*grps));
		}
		for (j = 0; j < f.n; j++) {
			long id = fput(f.key[j], freq[i] > 0);

			if (id >= 0 && fcount[id] < UINT32_MAX - freq[i])
				fcount[id] += freq[i];
			keys[nkeys] = f.key[j];
			grps[nkeys++] = f.grp[j];
		}
	}
	tkoff[nt] = nkeys;
	/*
	 * history features are always kept; fput may move fcount, so the
	 * index is taken before the array
	 */
	for (b = 0; b < ntypes + 2; b++) {
		long id = fput(lede_ner_histkey_major(b), 1);

		fcount[id] = UINT32_MAX;
	}
	for (b = 0; b < 1 << (ntypes + 1); b++) {
		long id = fput(lede_ner_histkey_set((unsigned)b), 1);

		fcount[id] = UINT32_MAX;
	}
	/* cut-off: renumber the kept features */
	remap = emalloc(nfeat * sizeof(*remap));
	{
		size_t k = 0;

		for (j = 0; j < nfeat; j++) {
			if (fcount[j] >= cutoff) {
				remap[j] = (long)k;
				fkey[k++] = fkey[j];
			} else
				remap[j] = -1;
		}
		nfeat = k;
		for (j = 0; j <= fmask; j++)
			fslot[j] = -1;
		for (j = 0; j < nfeat; j++) {
			size_t s = fmix(fkey[j]) & fmask;

			while (fslot[s] >= 0)
				s = (s + 1) & fmask;
			fslot[s] = (long)j;
		}
	}
	free(remap);
	for (b = 0; b < ntypes + 2; b++)
		histmaj[b] = fput(lede_ner_histkey_major(b), 0);
	for (b = 0; b < 1 << (ntypes + 1); b++)
		histset[b] = fput(lede_ner_histkey_set((unsigned)b), 0);
	/* per type and group, the kept indices */
	tfoff = emalloc((nt * NG + 1) * sizeof(*tfoff));
	tfeat = emalloc((nkeys ? nkeys : 1) * sizeof(*tfeat));
	{
		size_t k = 0;
		int g;

		for (i = 0; i < nt; i++) {
			for (g = 0; g < NG; g++) {
				tfoff[i * NG + (size_t)g] = k;
				for (j = tkoff[i]; j < tkoff[i + 1]; j++) {
					long id;

					if (grps[j] != g || (id = fput(keys[j], 0)) < 0)
						continue;
					tfeat[k++] = (int32_t)id;
				}
			}
		}
		tfoff[nt * NG] = k;
	}
	free(tkoff);
	free(keys);
	free(grps);
	free(freq);
	lede_nerfeats_free(&f);
	lede_buf_free(&low);
}

/* ---- the perceptron ---- */

static float *W;		/* nfeat x L */
static double *U;		/* sums for averaging */
static float *T;		/* (L + 1) x (L + 1) transitions */
static double *TU;
static double cstep = 1;
static float *AW, *AT;		/* averaged */
static float *BW, *BT;		/* best so far */

/* Feature lists of a token: up to 10 (type, group) slices plus history. */
typedef struct {
	const int32_t *p[10];
	size_t n[10];
	int np;
	long h[2];
} TokFeats;

static uint16_t *hcount;	/* per history slot, ntypes + 1 */
static long *htouched;
static size_t nhtouched, chtouched;

static void
hist_reset(void)
{
	size_t i, k = (size_t)ntypes + 1;

	for (i = 0; i < nhtouched; i++)
		memset(hcount + (size_t)htouched[i] * k, 0, k * sizeof(*hcount));
	nhtouched = 0;
}

static void
hist_add(const long *tt, const int *lab, size_t n)
{
	size_t i, k = (size_t)ntypes + 1, z;

	if (!(fset & LEDE_NF_DOC))
		return;
	for (i = 0; i < n; i++) {
		long h = thist[tt[i]];
		uint16_t *c;
		int any = 0;

		if (h < 0)
			continue;
		c = hcount + (size_t)h * k;
		for (z = 0; z < k; z++)
			any |= c[z];
		if (!any) {
			if (nhtouched == chtouched) {
				chtouched = chtouched ? chtouched * 2 : 256;
				htouched = ereallocarray(htouched, chtouched,
				    sizeof(*htouched));
			}
			htouched[nhtouched++] = h;
		}
		z = lab[i] ? (size_t)(lab[i] - 1) / 4 : (size_t)ntypes;
		if (c[z] < UINT16_MAX)
			c[z]++;
	}
}

static void
tokfeats(const long *tt, size_t n, size_t i, int mode, TokFeats *tf)
{
	long nb[5];
	int g;

	tf->np = 0;
	nb[0] = i >= 2 ? tt[i - 2] : bos;
	nb[1] = i >= 1 ? tt[i - 1] : bos;
	nb[2] = tt[i];
	nb[3] = i + 1 < n ? tt[i + 1] : eos;
	nb[4] = i + 2 < n ? tt[i + 2] : eos;
	for (g = 0; g < 5; g++) {
		size_t a;

		if (g != 2 && !(fset & LEDE_NF_CONTEXT))
			continue;
		a = (size_t)nb[g] * NG + (size_t)g;
		tf->p[tf->np] = tfeat + tfoff[a];
		tf->n[tf->np++] = tfoff[a + 1] - tfoff[a];
	}
	if (i == 0 && (fset & LEDE_NF_SENT)) {
		size_t a = (size_t)tt[i] * NG + LEDE_NG_FIRST;

		tf->p[tf->np] = tfeat + tfoff[a];
		tf->n[tf->np++] = tfoff[a + 1] - tfoff[a];
	}
	if (mode) {
		size_t a = (size_t)tt[i] * NG + (size_t)mode;

		tf->p[tf->np] = tfeat + tfoff[a];
		tf->n[tf->np++] = tfoff[a + 1] - tfoff[a];
	}
	tf->h[0] = tf->h[1] = -1;
	if (thist[tt[i]] >= 0) {
		unsigned bits;
		int maj = lede_ner_histfeat(hcount + (size_t)thist[tt[i]] *
		    ((size_t)ntypes + 1), ntypes, &bits);

		if (maj) {
			tf->h[0] = histmaj[maj];
			tf->h[1] = histset[bits];
		}
	}
}

static TokFeats *tfs;
static float *em, *sc;
static int *bp, *pred;
static unsigned *sfl;
static size_t cbuf;

static void
ensure(size_t n)
{
	if (n <= cbuf)
		return;
	cbuf = n * 2;
	tfs = ereallocarray(tfs, cbuf, sizeof(*tfs));
	em = ereallocarray(em, cbuf, (size_t)L * sizeof(*em));
	sc = ereallocarray(sc, cbuf, (size_t)L * sizeof(*sc));
	bp = ereallocarray(bp, cbuf, (size_t)L * sizeof(*bp));
	pred = ereallocarray(pred, cbuf, sizeof(*pred));
	sfl = ereallocarray(sfl, cbuf, sizeof(*sfl));
}

static void
decode(const long *tt, size_t n, const float *w, const float *tr, int *out)
{
	size_t i;
	int a, b, k, mode;

	ensure(n);
	for (i = 0; i < n; i++)
		sfl[i] = tflag[tt[i]];
	mode = (fset & LEDE_NF_SENT) ? lede_ner_sentmode(sfl, n) : 0;
	for (i = 0; i < n; i++) {
		TokFeats *tf = &tfs[i];
		float *e = em + i * (size_t)L;
		size_t j;

		tokfeats(tt, n, i, mode, tf);
		for (a = 0; a < L; a++)
			e[a] = 0;
		for (k = 0; k < tf->np; k++)
			for (j = 0; j < tf->n[k]; j++) {
				const float *row = w + (size_t)tf->p[k][j] * (size_t)L;

				for (a = 0; a < L; a++)
					e[a] += row[a];
			}
		for (k = 0; k < 2; k++)
			if (tf->h[k] >= 0) {
				const float *row = w + (size_t)tf->h[k] * (size_t)L;

				for (a = 0; a < L; a++)
					e[a] += row[a];
			}
	}
	for (b = 0; b < L; b++)
		sc[b] = lede_ner_allowed(-1, b) ? em[b] + tr[L * (L + 1) + b] :
		    -INFINITY;
	for (i = 1; i < n; i++) {
		float *prev = sc + (i - 1) * (size_t)L, *cur = sc + i * (size_t)L;

		for (b = 0; b < L; b++) {
			float best = -INFINITY;
			int arg = 0;

			for (a = 0; a < L; a++) {
				float s;

				if (prev[a] == -INFINITY || !lede_ner_allowed(a, b))
					continue;
				s = prev[a] + tr[a * (L + 1) + b];
				if (s > best) {
					best = s;
					arg = a;
				}
			}
			cur[b] = best + em[i * (size_t)L + (size_t)b];
			bp[i * (size_t)L + (size_t)b] = arg;
		}
	}
	{
		float best = -INFINITY, *last = sc + (n - 1) * (size_t)L;
		int arg = 0;

		for (a = 0; a < L; a++) {
			float s;

			if (last[a] == -INFINITY || !lede_ner_endok(a))
				continue;
			s = last[a] + tr[a * (L + 1) + L];
			if (s > best) {
				best = s;
				arg = a;
			}
		}
		out[n - 1] = arg;
		for (i = n - 1; i > 0; i--)
			out[i - 1] = bp[i * (size_t)L + (size_t)out[i]];
	}
}

static void
upd(long f, int l, float d)
{
	size_t i = (size_t)f * (size_t)L + (size_t)l;

	W[i] += d;
	U[i] += cstep * d;
}

static void
updt(int a, int b, float d)
{
	size_t i = (size_t)a * (size_t)(L + 1) + (size_t)b;

	T[i] += d;
	TU[i] += cstep * d;
}

/* One perceptron step on sentence s; returns 1 when it made a mistake. */
static int
train_sent(const Sent *s)
{
	const long *tt = tok + s->off;
	const int *g = gold + s->off;
	size_t n = s->n, i, j;
	int k, err = 0;

	ensure(n);
	decode(tt, n, W, T, pred);
	for (i = 0; i < n; i++) {
		TokFeats *tf = &tfs[i];
		int pa = i ? pred[i - 1] : L, ga = i ? g[i - 1] : L;

		if (pred[i] != g[i]) {
			err = 1;
			for (k = 0; k < tf->np; k++)
				for (j = 0; j < tf->n[k]; j++) {
					upd(tf->p[k][j], g[i], 1);
					upd(tf->p[k][j], pred[i], -1);
				}
			for (k = 0; k < 2; k++)
				if (tf->h[k] >= 0) {
					upd(tf->h[k], g[i], 1);
					upd(tf->h[k], pred[i], -1);
				}
		}
		if (pa != ga || pred[i] != g[i]) {
			updt(ga, g[i], 1);
			updt(pa, pred[i], -1);
		}
	}
	if (pred[n - 1] != g[n - 1]) {
		updt(g[n - 1], L, 1);
		updt(pred[n - 1], L, -1);
	}
	hist_add(tt, pred, n);
	cstep++;
	return err;
}

static void
average(void)
{
	size_t i, nw = nfeat * (size_t)L, nt = (size_t)(L + 1) * (size_t)(L + 1);

	for (i = 0; i < nw; i++)
		AW[i] = (float)(W[i] - U[i] / cstep);
	for (i = 0; i < nt; i++)
		AT[i] = (float)(T[i] - TU[i] / cstep);
}

static void
labelbio(int l, char *buf, size_t size)
{
	if (l <= 0)
		snprintf(buf, size, "O");
	else
		snprintf(buf, size, "%c-%s", ((l - 1) % 4 == 0 ||
		    (l - 1) % 4 == 3) ? 'B' : 'I', tname[(l - 1) / 4]);
}

static void
addeval(LedeNerEval *ev, const int *g, const int *p, size_t n)
{
	static char (*gs)[24], (*ps)[24];
	static const char **gp, **pp;
	static size_t cap;
	size_t i;

	if (n > cap) {
		cap = n * 2;
		gs = ereallocarray(gs, cap, sizeof(*gs));
		ps = ereallocarray(ps, cap, sizeof(*ps));
		gp = ereallocarray(gp, cap, sizeof(*gp));
		pp = ereallocarray(pp, cap, sizeof(*pp));
	}
	for (i = 0; i < n; i++) {
		labelbio(g[i], gs[i], sizeof(gs[i]));
		labelbio(p[i], ps[i], sizeof(ps[i]));
		gp[i] = gs[i];
		pp[i] = ps[i];
	}
	lede_ner_eval_add(ev, gp, pp, n);
}

static double
evaluate(const float *w, const float *tr, LedeNerEval *ev)
{
	size_t i;
	int *out = NULL;
	size_t cap = 0;

	memset(ev, 0, sizeof(*ev));
	hist_reset();
	for (i = 0; i < nsent; i++) {
		const Sent *s = &sent[i];

		if (s->set != 1)
			continue;
		if (s->newdoc)
			hist_reset();
		if (s->n > cap) {
			cap = s->n * 2;
			out = ereallocarray(out, cap, sizeof(*out));
		}
		decode(tok + s->off, s->n, w, tr, out);
		hist_add(tok + s->off, out, s->n);
		addeval(ev, gold + s->off, out, s->n);
	}
	free(out);
	hist_reset();
	return lede_ner_eval_f1(ev);
}

static unsigned
parsefeatures(const char *arg)
{
	static const char *names[] = {"word", "affix", "shape", "context",
	    "cluster", "gaz", "case", "sent", "doc"};
	char *s = estrdup(arg), *p, *save = NULL;
	unsigned set = 0;
	int minus = arg[0] == '-';
	size_t i;

	if (minus)
		set = LEDE_NF_ALL;
	for (p = strtok_r(s, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		int neg = *p == '-';

		if (neg)
			p++;
		if (!strcmp(p, "all")) {
			set = neg ? 0 : LEDE_NF_ALL;
			continue;
		}
		for (i = 0; i < LEDE_LEN(names); i++)
			if (!strcmp(p, names[i]))
				break;
		if (i == LEDE_LEN(names))
			uprintf("unknown feature group '%s'", p);
		if (neg)
			set &= ~(1u << i);
		else
			set |= 1u << i;
	}
	free(s);
	if (!set)
		uprintf("--features: no feature group in '%s'", arg);
	return set;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"iterations", required_argument, NULL, 'n'},
		{"cutoff", required_argument, NULL, 'c'},
		{"dev", required_argument, NULL, 'd'},
		{"patience", required_argument, NULL, 'p'},
		{"seed", required_argument, NULL, 's'},
		{"runs", required_argument, NULL, 'r'},
		{"lexicon", required_argument, NULL, 'x'},
		{"gazetteer", required_argument, NULL, 'g'},
		{"extra", required_argument, NULL, 'e'},
		{"extra-frac", required_argument, NULL, 'E'},
		{"features", required_argument, NULL, 'F'},
		{"split-hyphens", required_argument, NULL, 'H'},
		{"case-aug", required_argument, NULL, 'C'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *out = "ner.model", *dev = NULL, *lexfile = NULL;
	const char *gaz[MAXGAZ], *extra[16];
	int ngaz = 0, nextra = 0, c, quiet = 0, it, i, bestit = 0;
	int patset = 0, fracset = 0;
	long iters = 20, cutoff = 2, seed = 1, patience = 4, runs = 1;
	float *SW = NULL, *ST = NULL;
	size_t nw, nt;
	int run;
	double extra_frac = 0.3, bestf = -1, v;
	LedeNerLex *lex;
	size_t *order, norder, s, ntrain = 0;
	LedeNerModelSpec spec;
	const char *tn[LEDE_NER_MAXTYPES];
	struct timespec t0, t1;
	LedeNerEval ev;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:n:c:d:p:r:s:x:g:e:F:q", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'n':
			if (lede_strtol(optarg, 1, 1000, &iters) < 0)
				uprintf("bad iteration count '%s'", optarg);
			break;
		case 'c':
			if (lede_strtol(optarg, 1, 1000000, &cutoff) < 0)
				uprintf("bad cut-off '%s'", optarg);
			break;
		case 'd':
			dev = optarg;
			break;
		case 'p':
			if (lede_strtol(optarg, 1, 1000, &patience) < 0)
				uprintf("bad patience '%s'", optarg);
			patset = 1;
			break;
		case 'r':
			if (lede_strtol(optarg, 1, 100, &runs) < 0)
				uprintf("bad number of runs '%s'", optarg);
			break;
		case 's':
			if (lede_strtol(optarg, 0, 2147483647L, &seed) < 0)
				uprintf("bad seed '%s'", optarg);
			break;
		case 'x':
			lexfile = optarg;
			break;
		case 'g':
			if (ngaz == MAXGAZ)
				uprintf("at most %d gazetteers", MAXGAZ);
			gaz[ngaz++] = optarg;
			break;
		case 'e':
			if (nextra == (int)LEDE_LEN(extra))
				uprintf("too many extra files");
			extra[nextra++] = optarg;
			break;
		case 'E':
			if (lede_strtod(optarg, 0, 1, &extra_frac) < 0)
				uprintf("bad fraction '%s'", optarg);
			fracset = 1;
			break;
		case 'F':
			fset = parsefeatures(optarg);
			break;
		case 'H':
			if (lede_strtod(optarg, 0, 1, &split_frac) < 0)
				uprintf("bad fraction '%s'", optarg);
			break;
		case 'C':
			if (lede_strtod(optarg, 0, 1, &case_frac) < 0)
				uprintf("bad fraction '%s'", optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return fshut(stdout, "<stdout>");
		case 'V':
			lede_version();
			break;
		default:
			lede_badopt(c, argv);
		}
	}
	if (optind == argc)
		uprintf("no training file");
	/* options that would do nothing, silently: say so */
	if (patset && !dev)
		uprintf("--patience needs --dev (it counts passes without a "
		    "better dev F1)");
	if (fracset && !nextra)
		uprintf("--extra-frac needs --extra");
	{
		int nstdin = dev && !strcmp(dev, "-");

		for (i = optind; i < argc; i++)
			nstdin += !strcmp(argv[i], "-");
		for (i = 0; i < nextra; i++)
			nstdin += !strcmp(extra[i], "-");
		if (nstdin > 1)
			uprintf("standard input (-) given more than once");
	}
	rng = (uint64_t)seed * 0x9e3779b97f4a7c15ULL + 1;
	types = lede_dict_new();
	bos = lede_dict_put(types, LEDE_NER_BOS, strlen(LEDE_NER_BOS), NULL);
	eos = lede_dict_put(types, LEDE_NER_EOS, strlen(LEDE_NER_EOS), NULL);

	/* types: from the training files, in a fixed order */
	for (i = optind; i < argc; i++)
		readfile(argv[i], 0);
	{
		static const char *std[] = {"PER", "ORG", "LOC", "MISC"};
		char tmp[LEDE_NER_MAXTYPES][16];
		int n = 0, j, k, perm[LEDE_NER_MAXTYPES];

		for (j = 0; j < 4; j++)
			for (k = 0; k < ntypes; k++)
				if (!strcmp(tname[k], std[j]))
					snprintf(tmp[n++], 16, "%s", std[j]);
		for (k = 0; k < ntypes; k++) {
			for (j = 0; j < 4 && strcmp(tname[k], std[j]); j++)
				;
			if (j == 4)
				memcpy(tmp[n++], tname[k], 16);
		}
		/*
		 * relabel in memory with the fixed order: the files are read
		 * once, so standard input and pipes work
		 */
		for (k = 0; k < ntypes; k++)
			for (perm[k] = 0; strcmp(tmp[perm[k]], tname[k]); perm[k]++)
				;
		for (s = 0; s < ntok; s++)
			if (gold[s] > 0)
				gold[s] = lede_ner_label(perm[(gold[s] - 1) / 4],
				    (gold[s] - 1) % 4);
		memcpy(tname, tmp, sizeof(tmp));
		ntypes_fixed = 1;
	}
	if (ntok == 0)
		eprintf("no token in the training data");
	if (ntypes == 0)
		eprintf("no entity in the training data");
	L = 1 + 4 * ntypes;
	if (case_frac > 0)
		augment_case(case_frac);
	for (i = 0; i < nextra; i++) {
		size_t before = nsent;

		readfile(extra[i], 2);
		if (nsent == before)
			eprintf("%s: no sentence in the extra data", extra[i]);
	}
	if (dev) {
		size_t k, devtok = 0, devent = 0;

		readfile(dev, 1);
		/*
		 * a dev set without a name scores every pass 0: the first
		 * would be kept, and training stop after --patience passes
		 */
		for (k = 0; k < nsent; k++)
			if (sent[k].set == 1)
				for (s = sent[k].off; s < sent[k].off + sent[k].n; s++) {
					devtok++;
					devent += gold[s] > 0;
				}
		if (devtok == 0)
			eprintf("%s: no token in the dev set", dev);
		if (devent == 0)
			eprintf("%s: no entity in the dev set (a dev F1 of 0 would "
			    "keep the first pass)", dev);
	}

	lex = lede_nerlex_new();
	if (lexfile)
		readlexicon(lex, lexfile);
	for (i = 0; i < ngaz; i++)
		readgaz(lex, gaz[i], i);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	buildfeatures(lex, (unsigned)cutoff);
	hcount = ecalloc(lede_dict_size(hdict) + 1, ((size_t)ntypes + 1) *
	    sizeof(*hcount));
	if (!quiet)
		fprintf(stderr, "%s: %zu sentences, %zu tokens, %zu types, "
		    "%zu features, %d labels\n", argv0, nsent, ntok,
		    lede_dict_size(types), nfeat, L);

	W = ecalloc(nfeat * (size_t)L, sizeof(*W));
	U = ecalloc(nfeat * (size_t)L, sizeof(*U));
	AW = ecalloc(nfeat * (size_t)L, sizeof(*AW));
	T = ecalloc((size_t)(L + 1) * (size_t)(L + 1), sizeof(*T));
	TU = ecalloc((size_t)(L + 1) * (size_t)(L + 1), sizeof(*TU));
	AT = ecalloc((size_t)(L + 1) * (size_t)(L + 1), sizeof(*AT));
	if (dev) {
		BW = ecalloc(nfeat * (size_t)L, sizeof(*BW));
		BT = ecalloc((size_t)(L + 1) * (size_t)(L + 1), sizeof(*BT));
	}

	/* documents: runs of sentences from one newdoc to the next */
	order = emalloc((nsent + 1) * sizeof(*order));
	nw = nfeat * (size_t)L;
	nt = (size_t)(L + 1) * (size_t)(L + 1);
	if (runs > 1) {
		SW = ecalloc(nw, sizeof(*SW));
		ST = ecalloc(nt, sizeof(*ST));
	}
	for (run = 0; run < runs; run++) {
		memset(W, 0, nw * sizeof(*W));
		memset(U, 0, nw * sizeof(*U));
		memset(T, 0, nt * sizeof(*T));
		memset(TU, 0, nt * sizeof(*TU));
		cstep = 1;
		bestf = -1;
		bestit = 0;
		rng = ((uint64_t)seed + 7919 * (uint64_t)run) *
		    0x9e3779b97f4a7c15ULL + 3;
		if (runs > 1 && !quiet)
			fprintf(stderr, "%s: run %d of %ld\n", argv0, run + 1, runs);
		for (it = 1; it <= iters; it++) {
			size_t ndoc = 0, d, nseen = 0;
			LedeNerEval tev;

			memset(&tev, 0, sizeof(tev));
			for (s = 0; s < nsent; s++) {
				if (sent[s].set == 1 || !(sent[s].newdoc || s == 0))
					continue;
				if (sent[s].set == 2 && rndf() >= extra_frac)
					continue;
				order[ndoc++] = s;
			}
			norder = ndoc;
			for (d = norder; d > 1; d--) {	/* Fisher-Yates */
				size_t j = (size_t)(rnd() % d), tmp = order[d - 1];

				order[d - 1] = order[j];
				order[j] = tmp;
			}
			for (d = 0; d < norder; d++) {
				hist_reset();
				for (s = order[d]; s < nsent; s++) {
					if (s > order[d] && (sent[s].newdoc ||
					    sent[s].set != sent[order[d]].set))
						break;
					if (sent[s].n == 0)
						continue;
					(void)train_sent(&sent[s]);
					addeval(&tev, gold + sent[s].off, pred, sent[s].n);
					nseen++;
				}
			}
			hist_reset();
			ntrain = nseen;
			average();
			clock_gettime(CLOCK_MONOTONIC, &t1);
			v = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec -
			    t0.tv_nsec) / 1e9;
			if (dev) {
				double f = evaluate(AW, AT, &ev);

				if (!quiet)
					fprintf(stderr, "%s: iteration %d: %zu sentences, "
					    "train F1 %.2f, dev F1 %.2f, %.1f s\n", argv0, it,
					    ntrain, lede_ner_eval_f1(&tev), f, v);
				if (f > bestf) {
					bestf = f;
					bestit = it;
					memcpy(BW, AW, nfeat * (size_t)L * sizeof(*BW));
					memcpy(BT, AT, (size_t)(L + 1) * (size_t)(L + 1) *
					    sizeof(*BT));
				} else if (it - bestit >= patience)
					break;
			} else if (!quiet)
				fprintf(stderr, "%s: iteration %d: %zu sentences, train F1 "
				    "%.2f, %.1f s\n", argv0, it, ntrain,
				    lede_ner_eval_f1(&tev), v);
		}
		if (dev && !quiet)
			fprintf(stderr, "%s: best dev F1 %.2f at iteration %d\n", argv0,
			    bestf, bestit);
		if (runs > 1) {
			const float *bw = dev ? BW : AW, *bt = dev ? BT : AT;

			for (s = 0; s < nw; s++)
				SW[s] += bw[s] / (float)runs;
			for (s = 0; s < nt; s++)
				ST[s] += bt[s] / (float)runs;
		}
	}
	if (runs > 1) {
		if (dev) {
			memcpy(BW, SW, nw * sizeof(*BW));
			memcpy(BT, ST, nt * sizeof(*BT));
		} else {
			memcpy(AW, SW, nw * sizeof(*AW));
			memcpy(AT, ST, nt * sizeof(*AT));
		}
		if (dev && !quiet)
			fprintf(stderr, "%s: average of %ld runs: dev F1 %.2f\n",
			    argv0, runs, evaluate(BW, BT, &ev));
	}
	for (i = 0; i < ntypes; i++)
		tn[i] = tname[i];
	spec.fset = fset;
	spec.ntypes = ntypes;
	spec.types = tn;
	spec.lex = lex;
	spec.trans = dev ? BT : AT;
	spec.nfeat = nfeat;
	spec.keys = fkey;
	spec.w = dev ? BW : AW;
	/* lexicon entries that can never matter are dropped by the writer */
	if (lede_ner_save(out, &spec) < 0)
		eprintf("%s:", out);
	if (dev && !quiet) {
		evaluate(BW, BT, &ev);
		lede_ner_eval_print(&ev, stderr);
	}
	free(order);
	free(SW);
	free(ST);
	lede_nerlex_free(lex);
	return 0;
}
