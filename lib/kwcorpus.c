/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "kwcorpus.h"
#include "report.h"
#include "text.h"

/* Upper bound of each statistic, so that sums cannot overflow. */
#define STAT_MAX (1LL << 53)

typedef struct {
	long long docs, count, score;
} Stat;

struct LedeKwCorpus {
	LedeDict *pairs;	/* "key\x1fsurface" */
	Stat *st;
	size_t cst;
	int state;		/* 0 magic expected, 1 settings expected,
				 * 3 header expected, 2 rows */
	LedeBuf settings;	/* the settings line, when hasset */
	int hasset;
	LedeBuf tmp;
	LedeKwRow *rows;
	size_t *order;
	LedeDict *keys;
};

LedeKwCorpus *
lede_kwc_new(void)
{
	LedeKwCorpus *c = ecalloc(1, sizeof(*c));

	c->pairs = lede_dict_new();
	return c;
}

void
lede_kwc_free(LedeKwCorpus *c)
{
	if (!c)
		return;
	lede_dict_free(c->pairs);
	lede_dict_free(c->keys);
	free(c->st);
	free(c->rows);
	free(c->order);
	lede_buf_free(&c->tmp);
	lede_buf_free(&c->settings);
	free(c);
}

static long long
sat(long long a, long long b)
{
	return a > STAT_MAX - b ? STAT_MAX : a + b;
}

void
lede_kwc_add(LedeKwCorpus *c, const char *key, size_t klen, const char *surf,
    size_t slen, long long docs, long long count, long long score)
{
	int added;
	long id;

	lede_buf_clear(&c->tmp);
	lede_buf_add(&c->tmp, key, klen);
	lede_buf_addc(&c->tmp, '\x1f');
	lede_buf_add(&c->tmp, surf, slen);
	id = lede_dict_put(c->pairs, c->tmp.p, c->tmp.len, &added);
	if ((size_t)id >= c->cst) {
		size_t old = c->cst;

		c->cst = c->cst ? c->cst * 2 : 1024;
		c->st = ereallocarray(c->st, c->cst, sizeof(*c->st));
		memset(c->st + old, 0, (c->cst - old) * sizeof(*c->st));
	}
	c->st[id].docs = sat(c->st[id].docs, docs);
	c->st[id].count = sat(c->st[id].count, count);
	c->st[id].score = sat(c->st[id].score, score);
}

static int
field_num(const char *s, size_t n, long long *v)
{
	long long x = 0;
	size_t i;

	if (n == 0 || n > 16 || (n > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	if (x > STAT_MAX)
		return -1;
	*v = x;
	return 0;
}

void
lede_kwc_set_settings(LedeKwCorpus *c, const char *line, size_t len)
{
	lede_buf_clear(&c->settings);
	lede_buf_add(&c->settings, line, len);
	c->hasset = 1;
}

const char *
lede_kwc_settings(const LedeKwCorpus *c)
{
	return c->hasset ? c->settings.p : NULL;
}

/* How a partial with setting name = v[0..vl) (v NULL: none) was made. */
static void
describe(LedeBuf *b, const char *name, size_t nl, const char *v, size_t vl)
{
	const char *colon;

#define IS(s) (nl == strlen(s) && !memcmp(name, s, nl))
	if (!v || IS("keep-boilerplate"))
		lede_settings_describe(b, name, nl, v, vl);
	else if (IS("rank"))
		lede_buf_printf(b, "with --rank %.*s", (int)vl, v);
	else if (IS("df") && vl == 4 && !memcmp(v, "none", 4))
		lede_buf_adds(b, "with --no-df");
	else if (IS("df") && (colon = memchr(v, ':', vl)))
		lede_buf_printf(b, "with a df table of %.*s documents (hash %.*s)",
		    (int)(colon - v), v, (int)(v + vl - colon - 1), colon + 1);
	else if (IS("data"))
		lede_buf_printf(b, "with data/keywords files (lexicons, tagger model) "
		    "of hash %.*s", (int)vl, v);
	else
		lede_buf_printf(b, "with --param %.*s=%.*s", (int)nl, name, (int)vl, v);
#undef IS
}

/* The settings line[0..len) of a partial, against the first one's. */
static int
settings(LedeKwCorpus *c, const char *line, size_t len, char *err, size_t errlen)
{
	LedeSettingsDiff d;
	LedeBuf why = {0};

	if (lede_settings_check(line, len) < 0) {
		snprintf(err, errlen, "expected the settings line ('%sNAME=VALUE ...')",
		    LEDE_SETTINGS_PREFIX);
		return -1;
	}
	if (!c->hasset) {
		lede_kwc_set_settings(c, line, len);
		return 0;
	}
	if (!lede_settings_diff(line, len, c->settings.p, c->settings.len, &d))
		return 0;
	lede_settings_why(&why, &d, describe);
	snprintf(err, errlen, "%s", why.p);
	lede_buf_free(&why);
	return -1;
}

int
lede_kwc_line(LedeKwCorpus *c, const char *line, size_t len, char *err,
    size_t errlen)
{
	const char *f[5], *p = line, *end = line + len, *tab;
	size_t fl[5], i, ml = strlen(LEDE_KWC_MAGIC) - 1;
	long long v[3];

	if (lede_utf8_check(line, len) != len || memchr(line, '\0', len)) {
		snprintf(err, errlen, "invalid UTF-8 or a NUL byte");
		return -1;
	}
	/* "# lede-partial keywords N" */
	if (len > ml && !memcmp(line, LEDE_KWC_MAGIC, ml) &&
	    field_num(line + ml, len - ml, &v[0]) == 0) {
		if (c->state == 1 || c->state == 3) {
			snprintf(err, errlen, "expected the %s", c->state == 1 ?
			    "settings line" : "column header");
			return -1;
		}
		if (v[0] == 1) {
			snprintf(err, errlen, "a version 1 partial, which does not say "
			    "how it was made: make it again with keywords --corpus "
			    "--partial");
			return -1;
		}
		if (len != ml + 1 || memcmp(line, LEDE_KWC_MAGIC, len)) {
			snprintf(err, errlen, "unsupported partial version (this "
			    "keywords reads version 2; make the partial again)");
			return -1;
		}
		c->state = 1;
		return 0;
	}
	if (c->state == 0) {
		snprintf(err, errlen, "not a keywords partial (expected '%s')",
		    LEDE_KWC_MAGIC);
		return -1;
	}
	if (c->state == 1) {
		if (settings(c, line, len, err, errlen) < 0)
			return -1;
		c->state = 3;
		return 0;
	}
	if (c->state == 3) {
		if (len != strlen(LEDE_KWC_HEADER) || memcmp(line, LEDE_KWC_HEADER, len)) {
			snprintf(err, errlen, "expected the column header '%s'",
			    "key surface docs count score");
			return -1;
		}
		c->state = 2;
		return 0;
	}
	for (i = 0; i < 5; i++) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (i < 4 && !tab)
			break;
		if (i == 4 && tab) {
			i = 6;
			break;
		}
		f[i] = p;
		fl[i] = tab ? (size_t)(tab - p) : (size_t)(end - p);
		p = tab ? tab + 1 : end;
	}
	if (i != 5) {
		snprintf(err, errlen, "expected 5 TAB-separated fields");
		return -1;
	}
	if (fl[0] == 0 || fl[1] == 0 || memchr(f[0], '\x1f', fl[0]) ||
	    memchr(f[1], '\x1f', fl[1])) {
		snprintf(err, errlen, "empty key or surface, or a control character");
		return -1;
	}
	for (i = 0; i < 3; i++)
		if (field_num(f[i + 2], fl[i + 2], &v[i]) < 0) {
			snprintf(err, errlen, "%s is not a whole number in [0, 2^53]",
			    i == 0 ? "docs" : i == 1 ? "count" : "score");
			return -1;
		}
	/* v[0] * UNIT may overflow: compare by division */
	if (v[2] / LEDE_KWC_UNIT > v[0] || (v[2] / LEDE_KWC_UNIT == v[0] && v[2] % LEDE_KWC_UNIT)) {
		snprintf(err, errlen, "score is more than docs allow");
		return -1;
	}
	lede_kwc_add(c, f[0], fl[0], f[1], fl[1], v[0], v[1], v[2]);
	return 0;
}

int
lede_kwc_end(LedeKwCorpus *c, char *err, size_t errlen)
{
	int st = c->state;

	c->state = 0;
	if (st != 2) {
		snprintf(err, errlen, st == 0 ? "empty partial (no '%s' line)" :
		    st == 1 ? "partial ends before its settings line" :
		    "partial ends before its column header", LEDE_KWC_MAGIC);
		return -1;
	}
	return 0;
}

int
lede_kwc_parse(LedeKwCorpus *c, const char *buf, size_t len, char *err,
    size_t errlen)
{
	const char *p = buf, *end = buf + len, *nl;
	unsigned long line = 0;
	char e[200];

	c->state = 0;
	while (p < end) {
		size_t n;

		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		line++;
		if (lede_kwc_line(c, p, n, e, sizeof(e)) < 0) {
			snprintf(err, errlen, "%lu: %s", line, e);
			c->state = 0;
			return -1;
		}
		p = nl ? nl + 1 : end;
	}
	if (lede_kwc_end(c, e, sizeof(e)) < 0) {
		snprintf(err, errlen, "%lu: %s", line ? line : 1, e);
		return -1;
	}
	return 0;
}

static const LedeKwCorpus *sort_c;

static int
cmppair(const void *a, const void *b)
{
	size_t na, nb;
	const char *sa = lede_dict_key(sort_c->pairs, (long)*(const size_t *)a, &na);
	const char *sb = lede_dict_key(sort_c->pairs, (long)*(const size_t *)b, &nb);

	return lede_bytecmp(sa, na, sb, nb);
}

int
lede_kwc_write(LedeKwCorpus *c, FILE *fp)
{
	size_t n = lede_dict_size(c->pairs), i;

	if (!c->hasset)
		return -1;
	free(c->order);
	c->order = ereallocarray(NULL, n ? n : 1, sizeof(size_t));
	for (i = 0; i < n; i++)
		c->order[i] = i;
	sort_c = c;
	lede_sort(c->order, n, sizeof(size_t), cmppair);
	fprintf(fp, "%s\n%s\n%s\n", LEDE_KWC_MAGIC, c->settings.p, LEDE_KWC_HEADER);
	for (i = 0; i < n; i++) {
		size_t len;
		const char *k = lede_dict_key(c->pairs, (long)c->order[i], &len);
		const char *sep = memchr(k, '\x1f', len);
		const Stat *s = &c->st[c->order[i]];

		fwrite(k, 1, (size_t)(sep - k), fp);
		fputc('\t', fp);
		fwrite(sep + 1, 1, len - (size_t)(sep - k) - 1, fp);
		fprintf(fp, "\t%lld\t%lld\t%lld\n", s->docs, s->count, s->score);
	}
	return ferror(fp) ? -1 : 0;
}

static int
cmprow(const void *a, const void *b)
{
	const LedeKwRow *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->docs != y->docs)
		return x->docs > y->docs ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return lede_bytecmp(x->key, x->keylen, y->key, y->keylen);
}

size_t
lede_kwc_rank(LedeKwCorpus *c, const LedeKwRow **rows)
{
	size_t n = lede_dict_size(c->pairs), i, nk;
	long long *best;

	lede_dict_free(c->keys);
	c->keys = lede_dict_new();
	free(c->rows);
	c->rows = ecalloc(n ? n : 1, sizeof(*c->rows));
	best = ecalloc(n ? n : 1, sizeof(*best));
	for (i = 0; i < n; i++) {
		size_t len;
		const char *k = lede_dict_key(c->pairs, (long)i, &len);
		const char *sep = memchr(k, '\x1f', len);
		size_t klen = (size_t)(sep - k), slen = len - klen - 1;
		int added;
		long id = lede_dict_put(c->keys, k, klen, &added);
		LedeKwRow *r = &c->rows[id];
		const Stat *s = &c->st[i];
		int better;

		if (added) {
			r->key = k;
			r->keylen = klen;
		}
		r->docs = sat(r->docs, s->docs);
		r->count = sat(r->count, s->count);
		r->score = sat(r->score, s->score);
		/* surface: most occurrences, then the smallest in byte order */
		if (added)
			better = 1;
		else if (s->count != best[id])
			better = s->count > best[id];
		else
			better = lede_bytecmp(sep + 1, slen, r->phrase, r->len) < 0;
		if (better) {
			r->phrase = sep + 1;
			r->len = slen;
			best[id] = s->count;
		}
	}
	free(best);
	nk = lede_dict_size(c->keys);
	lede_sort(c->rows, nk, sizeof(*c->rows), cmprow);
	*rows = c->rows;
	return nk;
}
