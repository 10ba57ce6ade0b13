/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "lexicon.h"
#include "text.h"

#define MAGIC "# lede-lexicon "
/* A lexicon file larger than this is refused (the shipped one is ~100 KB). */
#define LEX_FILE_MAX ((size_t)256 << 20)

struct LedeLexicon {
	LedeDict *dict;		/* lower-cased term -> index into ent */
	LedeLexEntry *ent;
	size_t nent, cent;
	size_t nterms;
	LedeBuf low;
};

static const struct {
	const char *name;
	int role;
	double min, max;
} roles[] = {
	{"boost", LEDE_ROLE_BOOST, -1, 1},
	{"negate", LEDE_ROLE_NEGATE, -1, 1},
	{"but", LEDE_ROLE_BUT, 1, 4},
	{"though", LEDE_ROLE_THOUGH, 0, 1},
	{"dir", LEDE_ROLE_DIR, -4, 4},
	{"quantity", LEDE_ROLE_QUANTITY, -1, 1},
	{"neutral", LEDE_ROLE_NEUTRAL, 0, 0},
	{"work", LEDE_ROLE_WORK, 0, 0},
	{"topic", LEDE_ROLE_TOPIC, 0, 1},
};

LedeLexicon *
lede_lexicon_new(void)
{
	LedeLexicon *lx = ecalloc(1, sizeof(*lx));

	lx->dict = lede_dict_new();
	return lx;
}

void
lede_lexicon_free(LedeLexicon *lx)
{
	if (!lx)
		return;
	lede_dict_free(lx->dict);
	free(lx->ent);
	lede_buf_free(&lx->low);
	free(lx);
}

size_t
lede_lexicon_size(const LedeLexicon *lx)
{
	return lx->nterms;
}

size_t
lede_lexicon_nentries(const LedeLexicon *lx)
{
	return lx->nent;
}

const LedeLexEntry *
lede_lexicon_entry(const LedeLexicon *lx, size_t i, const char **key,
    size_t *n)
{
	if (i >= lx->nent)
		return NULL;
	*key = lede_dict_key(lx->dict, (long)i, n);
	return &lx->ent[i];
}

const LedeLexEntry *
lede_lexicon_get(const LedeLexicon *lx, const char *key, size_t n)
{
	long id = lede_dict_get(lx->dict, key, n);

	return id < 0 ? NULL : &lx->ent[id];
}

/* The entry of key, created empty when absent. */
static LedeLexEntry *
entry(LedeLexicon *lx, const char *key, size_t n)
{
	int added;
	long id = lede_dict_put(lx->dict, key, n, &added);

	if (added) {
		if (lx->nent == lx->cent) {
			lx->cent = lx->cent ? lx->cent * 2 : 1024;
			lx->ent = ereallocarray(lx->ent, lx->cent, sizeof(*lx->ent));
		}
		memset(&lx->ent[lx->nent], 0, sizeof(lx->ent[0]));
		lx->nent++;
	}
	return &lx->ent[id];
}

static int
fail(LedeBuf *err, const char *name, unsigned long line, const char *msg)
{
	if (err) {
		lede_buf_clear(err);
		lede_buf_printf(err, "%s:%lu: %s", name, line, msg);
	}
	return -1;
}

/* Check the words of a term; NULL or what is wrong with it. */
static const char *
check_term(const char *t, size_t n, int *nwords)
{
	size_t i;

	*nwords = 1;
	if (n == 0)
		return "empty term";
	if (t[0] == ' ' || t[n - 1] == ' ')
		return "space at the start or end of the term";
	for (i = 0; i < n; i++) {
		if ((unsigned char)t[i] < 0x20 || t[i] == 0x7F)
			return "control character in the term";
		if (t[i] != ' ')
			continue;
		if (t[i + 1] == ' ')
			return "two spaces in a row in the term";
		if (++*nwords > LEDE_LEX_WORDS)
			return "term of more than 8 words";
	}
	return NULL;
}

static int
parse_line(LedeLexicon *lx, char *line, size_t len, const char *name,
    unsigned long lineno, LedeBuf *err)
{
	char *f[4], *p = line, *end = line + len, *tab, *num;
	const char *why;
	int nf = 0, nwords, role = LEDE_ROLE_NONE;
	double v, min = -4, max = 4;
	size_t i, k;
	LedeLexEntry *e;
	char msg[128];

	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (nf == 3)
			return fail(err, name, lineno, "more than 3 fields (TERM TAB VALUE [TAB ROLE])");
		f[nf++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (nf < 2)
		return fail(err, name, lineno, "no TAB between term and value");
	if ((why = check_term(f[0], strlen(f[0]), &nwords)))
		return fail(err, name, lineno, why);
	if (nf == 3) {
		for (k = 0; k < LEDE_LEN(roles); k++)
			if (!strcmp(f[2], roles[k].name))
				break;
		if (k == LEDE_LEN(roles)) {
			snprintf(msg, sizeof(msg), "unknown role '%.40s'", f[2]);
			return fail(err, name, lineno, msg);
		}
		role = roles[k].role;
		min = roles[k].min;
		max = roles[k].max;
	}
	/*
	 * A number too big for a double (1e400, strtod's ERANGE and
	 * HUGE_VAL) or infinite is out of range; one too small for it
	 * (1e-400) is the 0 or subnormal strtod gives.
	 */
	v = strtod(f[1], &num);
	if (!*f[1] || *num || v != v) {
		snprintf(msg, sizeof(msg), "value '%.40s' is not a number", f[1]);
		return fail(err, name, lineno, msg);
	}
	if (v < min || v > max) {
		snprintf(msg, sizeof(msg), "value %.40s out of range [%g, %g]", f[1], min, max);
		return fail(err, name, lineno, msg);
	}
	lede_buf_clear(&lx->low);
	lede_lower(&lx->low, f[0], strlen(f[0]));
	e = entry(lx, lx->low.p, lx->low.len);
	if (!e->known)
		lx->nterms++;
	e->known = 1;
	e->nwords = (unsigned char)nwords;
	if (role == LEDE_ROLE_NONE) {
		e->valence = (float)v;
	} else {
		e->role = (unsigned char)role;
		e->rolev = (float)v;
	}
	if (nwords > 1) {
		/*
		 * each proper prefix (first word, first two words, ...) points
		 * to the longest term it starts, so that a match can stop at
		 * the first prefix that is not there
		 */
		for (i = 0; i < lx->low.len; i++) {
			if (lx->low.p[i] != ' ')
				continue;
			e = entry(lx, lx->low.p, i);
			if (e->mwemax < nwords)
				e->mwemax = (unsigned char)nwords;
		}
	}
	return 0;
}

int
lede_lexicon_load_mem(LedeLexicon *lx, const char *buf, size_t n,
    const char *name, LedeBuf *err)
{
	size_t pos = 0, len, bad;
	unsigned long lineno = 0;
	LedeBuf line = {0};
	int rc = 0;

	pos = lede_bom(buf, n);
	while (pos < n) {
		const char *nl = memchr(buf + pos, '\n', n - pos);

		len = nl ? (size_t)(nl - (buf + pos)) : n - pos;
		lineno++;
		lede_buf_clear(&line);
		lede_buf_add(&line, buf + pos, len);
		pos += len + (nl != NULL);
		if (line.len && line.p[line.len - 1] == '\r')
			line.p[--line.len] = '\0';
		if (memchr(line.p, '\0', line.len)) {
			rc = fail(err, name, lineno, "NUL byte in line");
			break;
		}
		if ((bad = lede_utf8_check(line.p, line.len)) != line.len) {
			rc = fail(err, name, lineno, "invalid UTF-8");
			break;
		}
		if (lineno == 1) {
			long ver;

			if (line.len < strlen(MAGIC) ||
			    memcmp(line.p, MAGIC, strlen(MAGIC))) {
				rc = fail(err, name, lineno,
				    "not a lexicon (the first line must be '# lede-lexicon 1')");
				break;
			}
			if (lede_strtol(line.p + strlen(MAGIC), 0, 1000000, &ver) < 0 ||
			    ver != 1) {
				rc = fail(err, name, lineno,
				    "unsupported lexicon version (this program reads version 1)");
				break;
			}
			continue;
		}
		if (line.len == 0 || line.p[0] == '#')
			continue;
		if ((rc = parse_line(lx, line.p, line.len, name, lineno, err)) < 0)
			break;
	}
	if (rc == 0 && lineno == 0)
		rc = fail(err, name, 1, "empty file (the first line must be '# lede-lexicon 1')");
	lede_buf_free(&line);
	return rc;
}

int
lede_lexicon_load_file(LedeLexicon *lx, const char *path, LedeBuf *err)
{
	FILE *fp;
	LedeBuf b = {0};
	int rc;

	if (!(fp = fopen(path, "rb"))) {
		if (err) {
			lede_buf_clear(err);
			lede_buf_printf(err, "%s: %s", path, strerror(errno));
		}
		return -1;
	}
	rc = lede_slurp(fp, &b, LEX_FILE_MAX);
	if (rc == -1 || ferror(fp)) {
		if (err) {
			lede_buf_clear(err);
			lede_buf_printf(err, "%s: read error: %s", path, strerror(errno));
		}
		rc = -1;
	} else if (rc == -2) {
		if (err) {
			lede_buf_clear(err);
			lede_buf_printf(err, "%s: larger than %zu bytes", path, LEX_FILE_MAX);
		}
		rc = -1;
	} else {
		rc = lede_lexicon_load_mem(lx, b.p ? b.p : "", b.len, path, err);
	}
	fclose(fp);
	lede_buf_free(&b);
	return rc;
}
