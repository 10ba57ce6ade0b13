/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"
#include "io.h"
#include "text.h"

#define DF_MAGIC "lede-df 1"
/* A table file larger than this is refused rather than read. */
#define DF_FILE_MAX ((size_t)256 << 20)

struct LedeDf {
	LedeDict *terms;
	long *df;
	long docs, mindf;
	char *stemmer;
};

void
lede_df_free(LedeDf *df)
{
	if (!df)
		return;
	lede_dict_free(df->terms);
	free(df->df);
	free(df->stemmer);
	free(df);
}

/* Parse a whole decimal number s[0..n) into *v within [min, max]. */
static int
num(const char *s, size_t n, long min, long max, long *v)
{
	char tmp[32];

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return lede_strtol(tmp, min, max, v);
}

LedeDf *
lede_df_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	LedeDf *df = ecalloc(1, sizeof(*df));
	const char *p = buf, *end = buf + len, *nl, *tab, *prev = NULL;
	size_t n, prevlen = 0, nrows = 0;
	unsigned long line = 0;
	long terms = -1, v;
	int added;

	df->docs = df->mindf = -1;
	df->terms = lede_dict_new();
	if (lede_utf8_check(buf, len) != len) {
		const char *q;

		for (q = buf; q < buf + lede_utf8_check(buf, len); q++)
			if (*q == '\n')
				line++;
		lede_lineerr(err, errlen, line + 1, "invalid UTF-8");
		goto bad;
	}
	p += lede_bom(p, len);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;	/* CRLF, as from an editor on Windows */
		line++;
		if (memchr(p, '\0', n)) {
			lede_lineerr(err, errlen, line, "NUL byte");
			goto bad;
		}
		if (line == 1) {
			if (n != strlen(DF_MAGIC) || memcmp(p, DF_MAGIC, n)) {
				lede_lineerr(err, errlen, line, "not a df table (expected '%s')",
				    DF_MAGIC);
				goto bad;
			}
		} else if (!(tab = memchr(p, '\t', n))) {
			const char *sp = memchr(p, ' ', n);
			size_t klen = sp ? (size_t)(sp - p) : n;
			const char *val = sp ? sp + 1 : p + n;
			size_t vlen = (size_t)(p + n - val);

			if (nrows > 0 || !sp) {
				lede_lineerr(err, errlen, line, "expected TERM<TAB>DF");
				goto bad;
			}
			if (klen == 4 && !memcmp(p, "docs", 4)) {
				if (df->docs >= 0 || num(val, vlen, 0, 1L << 40, &df->docs) < 0)
					goto badval;
				if (df->docs == 0) {
					/* every idf would be 0, and so every score */
					lede_lineerr(err, errlen, line, "docs 0: a table of no "
					    "document (built from an empty input?) "
					    "weighs every word 0");
					goto bad;
				}
			} else if (klen == 5 && !memcmp(p, "terms", 5)) {
				if (terms >= 0 || num(val, vlen, 0, 1L << 30, &terms) < 0)
					goto badval;
				/*
				 * no more rows than the bytes left hold ("t<TAB>1"
				 * and a newline): the array is not sized by a
				 * number the file only claims
				 */
				if ((size_t)terms > ((size_t)(end - p) + 1) / 4) {
					lede_lineerr(err, errlen, line, "'terms %ld': more "
					    "rows than the table holds", terms);
					goto bad;
				}
				df->df = ecalloc(terms ? (size_t)terms : 1, sizeof(*df->df));
			} else if (klen == 5 && !memcmp(p, "mindf", 5)) {
				if (df->mindf >= 0 || num(val, vlen, 1, 1L << 40, &df->mindf) < 0)
					goto badval;
			} else if (klen == 7 && !memcmp(p, "stemmer", 7)) {
				if (vlen == 0 || df->stemmer)
					goto badval;
				df->stemmer = estrndup(val, vlen);
			} else {
				lede_lineerr(err, errlen, line, "unknown header key '%.*s'",
				    (int)(klen > 40 ? 40 : klen), p);
				goto bad;
			}
		} else {
			size_t tlen = (size_t)(tab - p);

			if (df->docs < 0 || terms < 0 || df->mindf < 0 || !df->stemmer) {
				lede_lineerr(err, errlen, line,
				    "a header key (docs, terms, mindf, stemmer) is missing");
				goto bad;
			}
			if (tlen == 0 || memchr(p, ' ', tlen)) {
				lede_lineerr(err, errlen, line, "empty term or a space in it");
				goto bad;
			}
			if (prev && lede_bytecmp(prev, prevlen, p, tlen) >= 0) {
				lede_lineerr(err, errlen, line, "terms not in strictly increasing order");
				goto bad;
			}
			if ((long)nrows >= terms) {
				lede_lineerr(err, errlen, line, "more rows than 'terms %ld'", terms);
				goto bad;
			}
			if (num(tab + 1, (size_t)(p + n - tab - 1), df->mindf, df->docs,
			    &v) < 0) {
				lede_lineerr(err, errlen, line,
				    "document frequency not a number in [mindf, docs]");
				goto bad;
			}
			lede_dict_put(df->terms, p, tlen, &added);
			df->df[nrows++] = v;
			prev = p;
			prevlen = tlen;
		}
		p = nl ? nl + 1 : end;
	}
	if (line == 0) {
		lede_lineerr(err, errlen, 1, "empty file");
		goto bad;
	}
	if (df->docs < 0 || terms < 0 || df->mindf < 0 || !df->stemmer) {
		lede_lineerr(err, errlen, line,
		    "a header key (docs, terms, mindf, stemmer) is missing");
		goto bad;
	}
	if ((long)nrows != terms) {
		lede_lineerr(err, errlen, line, "%zu rows, but 'terms %ld'", nrows, terms);
		goto bad;
	}
	return df;
badval:
	lede_lineerr(err, errlen, line, "bad or repeated value of a header key");
bad:
	lede_df_free(df);
	return NULL;
}

LedeDf *
lede_df_load(const char *path, char *err, size_t errlen)
{
	LedeBuf b = {0};
	LedeDf *df;
	FILE *fp;
	char e[256];
	int rc;

	if (!(fp = fopen(path, "rb"))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	rc = lede_slurp(fp, &b, DF_FILE_MAX);
	fclose(fp);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path,
		    rc == -2 ? "file too large" : strerror(errno));
		lede_buf_free(&b);
		return NULL;
	}
	df = lede_df_parse(b.p ? b.p : "", b.len, e, sizeof(e));
	if (!df)
		snprintf(err, errlen, "%s:%s", path, e);
	lede_buf_free(&b);
	return df;
}

long
lede_df_docs(const LedeDf *df)
{
	return df->docs;
}

/*
 * Computed when asked (a keywords partial asks once), not while parsing:
 * every run that loads the table would pay for it.  The terms are unique
 * and in the file's order, so a term's dictionary id is its row.
 */
uint64_t
lede_df_hash(const LedeDf *df)
{
	uint64_t h = LEDE_FNV_INIT;
	size_t i, n = lede_dict_size(df->terms), len;
	LedeBuf b = {0};

	for (i = 0; i < n; i++) {
		const char *t = lede_dict_key(df->terms, (long)i, &len);

		lede_buf_clear(&b);
		lede_buf_add(&b, t, len);
		lede_buf_printf(&b, "\t%ld\n", df->df[i]);
		h = lede_fnv1a(h, b.p, b.len);
	}
	/* the rows, then the header as it would be written */
	lede_buf_clear(&b);
	lede_buf_printf(&b, "%s\ndocs %ld\nmindf %ld\nstemmer %s\n", DF_MAGIC,
	    df->docs, df->mindf, df->stemmer);
	h = lede_fnv1a(h, b.p, b.len);
	lede_buf_free(&b);
	return h;
}

const char *
lede_df_stemmer(const LedeDf *df)
{
	return df->stemmer;
}

long
lede_df_get(const LedeDf *df, const char *term, size_t n)
{
	long id = lede_dict_get(df->terms, term, n);

	return id < 0 ? 0 : df->df[id];
}

double
lede_df_idf(const LedeDf *df, const char *term, size_t n)
{
	double d = (double)lede_df_get(df, term, n);

	if (df->docs <= 0)
		return 0.0;
	if (d <= 0)
		d = df->mindf > 1 ? df->mindf / 2.0 : 0.5;
	return log(1.0 + (double)df->docs / d);
}

struct LedeDfBuild {
	LedeDict *terms;
	long *df, *last;
	size_t cap;
	long doc, docs;
	int any;
};

LedeDfBuild *
lede_dfb_new(void)
{
	LedeDfBuild *b = ecalloc(1, sizeof(*b));

	b->terms = lede_dict_new();
	return b;
}

void
lede_dfb_term(LedeDfBuild *b, const char *term, size_t n)
{
	long id = lede_dict_put(b->terms, term, n, NULL);

	if ((size_t)id >= b->cap) {
		size_t old = b->cap;

		b->cap = b->cap ? b->cap * 2 : 4096;
		b->df = ereallocarray(b->df, b->cap, sizeof(*b->df));
		b->last = ereallocarray(b->last, b->cap, sizeof(*b->last));
		memset(b->df + old, 0, (b->cap - old) * sizeof(*b->df));
		for (size_t i = old; i < b->cap; i++)
			b->last[i] = -1;
	}
	if (b->last[id] != b->doc) {
		b->last[id] = b->doc;
		b->df[id]++;
	}
	b->any = 1;
}

void
lede_dfb_enddoc(LedeDfBuild *b)
{
	if (b->any)
		b->docs++;
	b->any = 0;
	b->doc++;
}

static const LedeDict *sort_dict;

static int
cmpterm(const void *a, const void *b)
{
	size_t na, nb;
	const char *sa = lede_dict_key(sort_dict, *(const long *)a, &na);
	const char *sb = lede_dict_key(sort_dict, *(const long *)b, &nb);

	return lede_bytecmp(sa, na, sb, nb);
}

long
lede_dfb_write(LedeDfBuild *b, FILE *fp, long mindf, const char *stemmer)
{
	size_t n = lede_dict_size(b->terms), i, k = 0;
	long *ids = ereallocarray(NULL, n ? n : 1, sizeof(*ids));

	if (mindf < 1)
		mindf = 1;
	for (i = 0; i < n; i++)
		if (b->df[i] >= mindf)
			ids[k++] = (long)i;
	sort_dict = b->terms;
	lede_sort(ids, k, sizeof(*ids), cmpterm);
	fprintf(fp, "%s\ndocs %ld\nterms %zu\nmindf %ld\nstemmer %s\n", DF_MAGIC,
	    b->docs, k, mindf, stemmer);
	for (i = 0; i < k; i++) {
		size_t len;
		const char *t = lede_dict_key(b->terms, ids[i], &len);

		fwrite(t, 1, len, fp);
		fprintf(fp, "\t%ld\n", b->df[ids[i]]);
	}
	free(ids);
	return ferror(fp) ? -1 : (long)k;
}

void
lede_dfb_free(LedeDfBuild *b)
{
	if (!b)
		return;
	lede_dict_free(b->terms);
	free(b->df);
	free(b->last);
	free(b);
}
