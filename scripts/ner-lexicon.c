/* See LICENSE file for copyright and license details. */
/*
 * ner-lexicon: learn the word lexicon of the NER model from unlabelled
 * text.  Reads JSON Lines files (their "text" member), CoNLL-style files
 * (.bio: the first column) and plain text files (one paragraph a line),
 * tokenizes them roughly as CoNLL-2003 is (punctuation and clitics split,
 * hyphenated words whole), and writes on stdout one line a word form:
 *
 *	FORM TAB C64 TAB C256 TAB C1024 TAB CAP
 *
 * Cn is the word's class (1..n) from the exchange algorithm (Kneser & Ney
 * 1993, Martin et al. 1998), which maximises the likelihood of a class
 * bigram model, run at three granularities; CAP is a bucket (1..10) of how
 * often the lower-cased form is capitalised inside sentences that are not
 * all-caps (0 = too rare to say).  Only a word list and numbers come out:
 * no text.  Deterministic for a seed.
 *
 * usage: ner-lexicon [-m MINCOUNT] [-i ITER] [-s SEED] FILE...
 */
#include <ctype.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "json.h"
#include "text.h"
#include "util.h"

static LedeDict *vocab;		/* all forms seen */
static unsigned long *vcount;
static size_t cvcount;
static uint32_t *stream;	/* token ids; UINT32_MAX = sentence break */
static size_t nstream, cstream;
static LedeDict *lowd;		/* lower-case forms: case profile */
static unsigned long (*lowc)[2];	/* [0] seen inside a sentence, [1] capitalised */
static size_t clowc;

static void
push(uint32_t id)
{
	if (nstream == cstream) {
		cstream = cstream ? cstream * 2 : 1 << 20;
		stream = ereallocarray(stream, cstream, sizeof(*stream));
	}
	stream[nstream++] = id;
}

static void
brk(void)
{
	if (nstream && stream[nstream - 1] != UINT32_MAX)
		push(UINT32_MAX);
}

static void
addword(const char *s, size_t n, int pos, int allcaps)
{
	int added;
	long id;
	LedeBuf low = {0};
	int32_t cp;

	if (n == 0 || n > 100)
		return;
	id = lede_dict_put(vocab, s, n, &added);
	if ((size_t)id >= cvcount) {
		cvcount = cvcount ? cvcount * 2 : 1 << 16;
		vcount = ereallocarray(vcount, cvcount, sizeof(*vcount));
	}
	if (added)
		vcount[id] = 0;
	vcount[id]++;
	push((uint32_t)id);
	if (pos == 0 || allcaps || lede_utf8_decode(s, n, &cp) < 0 ||
	    !lede_isletter(cp))
		return;
	lede_lower(&low, s, n);
	id = lede_dict_put(lowd, low.p, low.len, &added);
	if ((size_t)id >= clowc) {
		clowc = clowc ? clowc * 2 : 1 << 16;
		lowc = ereallocarray(lowc, clowc, sizeof(*lowc));
	}
	if (added)
		lowc[id][0] = lowc[id][1] = 0;
	lowc[id][0]++;
	if (lede_isupper(cp))
		lowc[id][1]++;
	lede_buf_free(&low);
}

static const char *abbrev[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "Inc.", "Corp.",
    "Co.", "Ltd.", "Jr.", "Sr.", "St.", "Jan.", "Feb.", "Mar.", "Apr.",
    "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Gen.", "Gov.", "Sen.",
    "Rep.", "Lt.", "Col.", "Capt.", "Prof.", "vs.", "No.", "Bros.", "Mt."};

static int
isabbrev(const char *s, size_t n)
{
	size_t i;

	if (n >= 2 && memchr(s, '.', n - 1))
		return 1;	/* U.S., p.m. */
	if (n == 2 && isupper((unsigned char)s[0]))
		return 1;	/* J. */
	for (i = 0; i < LEDE_LEN(abbrev); i++)
		if (strlen(abbrev[i]) == n && !memcmp(abbrev[i], s, n))
			return 1;
	return 0;
}

/* Tokens of one sentence-ish stretch of text. */
typedef struct {
	const char *s;
	size_t n;
} Tok;

static Tok *toks;
static size_t ntoks, ctoks;

static void
addtok(const char *s, size_t n)
{
	if (n == 0)
		return;
	if (ntoks == ctoks) {
		ctoks = ctoks ? ctoks * 2 : 256;
		toks = ereallocarray(toks, ctoks, sizeof(*toks));
	}
	toks[ntoks].s = s;
	toks[ntoks].n = n;
	ntoks++;
}

/* Flush the sentence gathered in toks. */
static void
flush(void)
{
	size_t i, letters = 0, lower = 0;

	for (i = 0; i < ntoks; i++) {
		size_t j;

		for (j = 0; j < toks[i].n; j++) {
			unsigned char c = (unsigned char)toks[i].s[j];

			if (isalpha(c))
				letters++;
			if (islower(c))
				lower++;
		}
	}
	for (i = 0; i < ntoks; i++)
		addword(toks[i].s, toks[i].n, (int)i, letters > 0 && lower == 0);
	if (ntoks)
		brk();
	ntoks = 0;
}

static int
lpunct(int c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
	    c == '`' || c == '<';
}

static int
rpunct(int c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
	    c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
	    c == '.' || c == '>';
}

static void
text(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t a, b, e;

		while (i < n && isspace((unsigned char)p[i])) {
			if (p[i] == '\n')
				flush();
			i++;
		}
		if (i >= n)
			break;
		a = i;
		while (i < n && !isspace((unsigned char)p[i]))
			i++;
		b = i;
		while (a < b && lpunct((unsigned char)p[a])) {
			addtok(p + a, 1);
			a++;
		}
		e = b;
		while (e > a && rpunct((unsigned char)p[e - 1])) {
			if (p[e - 1] == '.' && isabbrev(p + a, e - a))
				break;
			e--;
		}
		if (e > a) {
			size_t k = e;

			if (e - a > 2 && p[e - 2] == '\'' && (p[e - 1] == 's' ||
			    p[e - 1] == 'S'))
				k = e - 2;
			else if (e - a > 3 && !memcmp(p + e - 3, "n't", 3))
				k = e - 3;
			addtok(p + a, k - a);
			addtok(p + k, e - k);
		}
		for (; e < b; e++) {
			addtok(p + e, 1);
			if (p[e] == '.' || p[e] == '!' || p[e] == '?') {
				if (e + 1 == b)
					flush();
			}
		}
	}
	flush();
}

static void
readfile(const char *path)
{
	FILE *fp = fopen(path, "r");
	LedeLines *in;
	char *line;
	size_t len, plen = strlen(path);
	int rc, kind = 0;	/* 0 text, 1 jsonl, 2 bio */
	LedeBuf val = {0};
	static const char *keys[] = {"text"};

	if (!fp)
		eprintf("%s:", path);
	if (plen > 6 && !strcmp(path + plen - 6, ".jsonl"))
		kind = 1;
	else if (plen > 4 && !strcmp(path + plen - 4, ".bio"))
		kind = 2;
	in = lede_lines_open(fp, path, (size_t)1 << 24);
	while ((rc = lede_lines_next(in, &line, &len)) != LEDE_IO_EOF) {
		if (rc != LEDE_IO_LINE)
			eprintf("%s:%lu: bad line", path, lede_lines_lineno(in));
		if (lede_utf8_check(line, len) != len)
			continue;
		if (kind == 1) {
			char err[128];
			int found;

			lede_buf_clear(&val);
			if (lede_json_pick(line, len, keys, 1, &val, &found, err,
			    sizeof(err)) < 0)
				eprintf("%s:%lu: %s", path, lede_lines_lineno(in), err);
			if (found)
				text(val.p, val.len);
		} else if (kind == 2) {
			size_t k = 0;

			while (k < len && line[k] != '\t' && line[k] != ' ')
				k++;
			if (k == 0 || (k == 10 && !memcmp(line, "-DOCSTART-", 10)))
				flush();
			else
				addtok(line, k);
			if (k == 0)
				continue;
			/* keep the line: toks point into it */
			toks[ntoks - 1].s = estrndup(line, k);
		} else
			text(line, len);
	}
	flush();
	lede_lines_free(in);
	fclose(fp);
	lede_buf_free(&val);
}

/* ---- the exchange algorithm ---- */

static double *xlx;		/* x log x for x = 0..ntokens */
static size_t nxlx;

static inline double
F(long x)
{
	return (size_t)x < nxlx ? xlx[x] : (double)x * log((double)x);
}

typedef struct {
	uint32_t w;
	uint32_t c;
} Pair;

static int
cmpu64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Cluster words 0..V-1 (by rank; ids in the stream are ranks, V-1 is the
 * rare-word class) into C classes.
 */
static void
exchange(const uint32_t *s, size_t ns, size_t V, int C, int iters,
    uint64_t seed, uint16_t *cls)
{
	uint64_t *pr = emalloc(ns * sizeof(*pr));
	size_t np = 0, i, j, *soff, *poff;
	Pair *succ, *pred;
	long *N, *NT, *Nl, *Nr, *lw, *rw, *sd, *pc;
	int *touched, ntouched, it;
	uint32_t *order;

	(void)seed;
	soff = ecalloc(V + 1, sizeof(*soff));
	poff = ecalloc(V + 1, sizeof(*poff));
	lw = ecalloc(V, sizeof(*lw));
	rw = ecalloc(V, sizeof(*rw));
	np = 0;
	for (i = 0; i + 1 < ns; i++)
		if (s[i] != UINT32_MAX && s[i + 1] != UINT32_MAX)
			pr[np++] = (uint64_t)s[i] << 32 | s[i + 1];
	qsort(pr, np, sizeof(*pr), cmpu64);
	{
		size_t u = 0;

		for (i = 0; i < np; i = j) {
			for (j = i; j < np && pr[j] == pr[i]; j++)
				;
			soff[(pr[i] >> 32) + 1]++;
			poff[(pr[i] & 0xffffffff) + 1]++;
			u++;
		}
		for (i = 0; i < V; i++) {
			soff[i + 1] += soff[i];
			poff[i + 1] += poff[i];
		}
		succ = emalloc((u ? u : 1) * sizeof(*succ));
		pred = emalloc((u ? u : 1) * sizeof(*pred));
		{
			size_t *sf = emalloc(V * sizeof(*sf)), *pf = emalloc(V *
			    sizeof(*pf));

			memcpy(sf, soff, V * sizeof(*sf));
			memcpy(pf, poff, V * sizeof(*pf));
			for (i = 0; i < np; i = j) {
				uint32_t a = (uint32_t)(pr[i] >> 32);
				uint32_t b = (uint32_t)(pr[i] & 0xffffffff);

				for (j = i; j < np && pr[j] == pr[i]; j++)
					;
				succ[sf[a]].w = b;
				succ[sf[a]++].c = (uint32_t)(j - i);
				pred[pf[b]].w = a;
				pred[pf[b]++].c = (uint32_t)(j - i);
				lw[a] += (long)(j - i);
				rw[b] += (long)(j - i);
			}
			free(sf);
			free(pf);
		}
	}
	free(pr);

	N = ecalloc((size_t)C * (size_t)C, sizeof(*N));
	NT = ecalloc((size_t)C * (size_t)C, sizeof(*NT));
	Nl = ecalloc((size_t)C, sizeof(*Nl));
	Nr = ecalloc((size_t)C, sizeof(*Nr));
	sd = ecalloc((size_t)C, sizeof(*sd));
	pc = ecalloc((size_t)C, sizeof(*pc));
	touched = emalloc(2 * (size_t)C * sizeof(*touched));
	for (i = 0; i < V; i++)
		cls[i] = (uint16_t)(i < (size_t)C ? i : i % (size_t)C);
	for (i = 0; i < V; i++) {
		for (j = soff[i]; j < soff[i + 1]; j++) {
			N[(size_t)cls[i] * (size_t)C + cls[succ[j].w]] += succ[j].c;
			NT[(size_t)cls[succ[j].w] * (size_t)C + cls[i]] += succ[j].c;
		}
		Nl[cls[i]] += lw[i];
		Nr[cls[i]] += rw[i];
	}
	order = emalloc(V * sizeof(*order));
	for (i = 0; i < V; i++)
		order[i] = (uint32_t)i;
	for (it = 0; it < iters; it++) {
		size_t moved = 0;

		for (i = 0; i < V; i++) {
			uint32_t w = order[i];
			int a = cls[w], b, best, k;
			long nww = 0;
			double bestd, d;

			ntouched = 0;
			for (j = soff[w]; j < soff[w + 1]; j++) {
				int c = cls[succ[j].w];

				if (succ[j].w == w) {
					nww = succ[j].c;
					continue;
				}
				if (!sd[c] && !pc[c])
					touched[ntouched++] = c;
				sd[c] += succ[j].c;
			}
			for (j = poff[w]; j < poff[w + 1]; j++) {
				int c = cls[pred[j].w];

				if (pred[j].w == w)
					continue;
				if (!sd[c] && !pc[c])
					touched[ntouched++] = c;
				pc[c] += pred[j].c;
			}
			/* take w out of a */
			for (k = 0; k < ntouched; k++) {
				int c = touched[k];

				N[(size_t)a * C + c] -= sd[c];
				NT[(size_t)c * C + a] -= sd[c];
				N[(size_t)c * C + a] -= pc[c];
				NT[(size_t)a * C + c] -= pc[c];
			}
			N[(size_t)a * C + a] -= nww;
			NT[(size_t)a * C + a] -= nww;
			Nl[a] -= lw[w];
			Nr[a] -= rw[w];
			best = a;
			bestd = -INFINITY;
			for (b = 0; b < C; b++) {
				const long *row = N + (size_t)b * C, *col = NT +
				    (size_t)b * C;
				long bb;

				d = 0;
				for (k = 0; k < ntouched; k++) {
					int c = touched[k];

					if (c == b)
						continue;
					if (sd[c])
						d += F(row[c] + sd[c]) - F(row[c]);
					if (pc[c])
						d += F(col[c] + pc[c]) - F(col[c]);
				}
				bb = row[b];
				d += F(bb + sd[b] + pc[b] + nww) - F(bb);
				d -= F(Nl[b] + lw[w]) - F(Nl[b]);
				d -= F(Nr[b] + rw[w]) - F(Nr[b]);
				if (d > bestd + 1e-9) {
					bestd = d;
					best = b;
				}
			}
			/* the old class wins ties */
			{
				const long *row = N + (size_t)a * C, *col = NT +
				    (size_t)a * C;

				d = 0;
				for (k = 0; k < ntouched; k++) {
					int c = touched[k];

					if (c == a)
						continue;
					if (sd[c])
						d += F(row[c] + sd[c]) - F(row[c]);
					if (pc[c])
						d += F(col[c] + pc[c]) - F(col[c]);
				}
				d += F(row[a] + sd[a] + pc[a] + nww) - F(row[a]);
				d -= F(Nl[a] + lw[w]) - F(Nl[a]);
				d -= F(Nr[a] + rw[w]) - F(Nr[a]);
				if (d >= bestd - 1e-9)
					best = a;
			}
			b = best;
			if (b != a)
				moved++;
			for (k = 0; k < ntouched; k++) {
				int c = touched[k], cc = c;

				N[(size_t)b * C + cc] += sd[c];
				NT[(size_t)cc * C + b] += sd[c];
				N[(size_t)cc * C + b] += pc[c];
				NT[(size_t)b * C + cc] += pc[c];
				sd[c] = pc[c] = 0;
			}
			N[(size_t)b * C + b] += nww;
			NT[(size_t)b * C + b] += nww;
			Nl[b] += lw[w];
			Nr[b] += rw[w];
			cls[w] = (uint16_t)b;
		}
		fprintf(stderr, "ner-lexicon: C=%d iteration %d: %zu moved\n", C,
		    it + 1, moved);
		if (moved < V / 1000)
			break;
	}
	free(order);
	free(N);
	free(NT);
	free(Nl);
	free(Nr);
	free(sd);
	free(pc);
	free(touched);
	free(succ);
	free(pred);
	free(soff);
	free(poff);
	free(lw);
	free(rw);
}

static unsigned long *sortcount;

static int
byfreq(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	if (sortcount[x] != sortcount[y])
		return sortcount[x] > sortcount[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	long minc = 3, iters = 15, seed = 1, *rank, *byrank, v;
	int c, g;
	size_t V, i, nt;
	uint32_t *s2;
	uint16_t *cls[3];
	static const int sizes[3] = {64, 256, 1024};
	LedeBuf low = {0};

	lede_init(argv[0]);
	while ((c = getopt(argc, argv, "m:i:s:")) != -1) {
		switch (c) {
		case 'm':
			if (lede_strtol(optarg, 1, 1000000, &minc) < 0)
				uprintf("bad count '%s'", optarg);
			break;
		case 'i':
			if (lede_strtol(optarg, 1, 1000, &iters) < 0)
				uprintf("bad count '%s'", optarg);
			break;
		case 's':
			if (lede_strtol(optarg, 0, 1000000, &seed) < 0)
				uprintf("bad seed '%s'", optarg);
			break;
		default:
			uprintf("usage: ner-lexicon [-m MINCOUNT] [-i ITER] "
			    "[-s SEED] FILE...");
		}
	}
	vocab = lede_dict_new();
	lowd = lede_dict_new();
	for (c = optind; c < argc; c++)
		readfile(argv[c]);
	nt = lede_dict_size(vocab);
	/* ranks by frequency; rare words share the last rank */
	byrank = emalloc(nt * sizeof(*byrank));
	rank = emalloc(nt * sizeof(*rank));
	for (i = 0; i < nt; i++)
		byrank[i] = (long)i;
	sortcount = vcount;
	qsort(byrank, nt, sizeof(*byrank), byfreq);
	for (V = 0; V < nt && vcount[byrank[V]] >= (unsigned long)minc; V++)
		;
	for (i = 0; i < nt; i++)
		rank[byrank[i]] = (long)(i < V ? i : V);
	s2 = emalloc(nstream * sizeof(*s2));
	for (i = 0; i < nstream; i++)
		s2[i] = stream[i] == UINT32_MAX ? UINT32_MAX :
		    (uint32_t)rank[stream[i]];
	nxlx = nstream + 1;
	xlx = emalloc(nxlx * sizeof(*xlx));
	xlx[0] = 0;
	for (i = 1; i < nxlx; i++)
		xlx[i] = (double)i * log((double)i);
	fprintf(stderr, "ner-lexicon: %zu tokens, %zu forms, %zu with at least "
	    "%ld\n", nstream, nt, V, minc);
	for (g = 0; g < 3; g++) {
		cls[g] = emalloc((V + 1) * sizeof(*cls[g]));
		exchange(s2, nstream, V + 1, sizes[g], (int)iters,
		    (uint64_t)seed, cls[g]);
	}
	for (i = 0; i < V; i++) {
		size_t n;
		const char *w = lede_dict_key(vocab, byrank[i], &n);
		long id;
		unsigned cap = 0;

		lede_buf_clear(&low);
		lede_lower(&low, w, n);
		id = lede_dict_get(lowd, low.p, low.len);
		if (id >= 0 && lowc[id][0] >= 3) {
			double r = (double)lowc[id][1] / (double)lowc[id][0];

			cap = r < 0.02 ? 1 : r < 0.2 ? 2 : r < 0.5 ? 3 :
			    r < 0.9 ? 4 : 5;
			if (lowc[id][0] >= 50)
				cap += 5;
		}
		printf("%.*s\t%u\t%u\t%u\t%u\n", (int)n, w, cls[0][i] + 1u,
		    cls[1][i] + 1u, cls[2][i] + 1u, cap);
	}
	(void)v;
	lede_buf_free(&low);
	return fshut(stdout, "<stdout>");
}
