/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"
#include "tone.h"

#define MAGIC "# lede-partial tone "
/* Counts and sums in a partial stay below this, so adding two never overflows. */
#define VAL_MAX ((int64_t)1 << 60)

void
lede_tone_init(LedeTone *t)
{
	memset(t, 0, sizeof(*t));
	t->ents = lede_dict_new();
}

void
lede_tone_stats_free(LedeToneStats *s)
{
	free(s->best.text);
	free(s->worst.text);
	s->best.text = s->worst.text = NULL;
}

void
lede_tone_free(LedeTone *t)
{
	lede_tone_stats_free(&t->all);
	lede_dict_free(t->ents);
	free(t->ent);
	memset(t, 0, sizeof(*t));
}

static int
textcmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

void
lede_tone_offer(LedeToneSent *k, int best, int64_t score, const char *text,
    size_t n)
{
	int32_t cp;
	size_t i = 0;
	int len;
	char *p;

	if (best ? score <= 0 : score >= 0)
		return;
	if (n > LEDE_TONE_TEXT_MAX) {
		/* cut on a character boundary */
		while (i < n) {
			len = lede_utf8_decode(text + i, n - i, &cp);
			if (len < 0)
				len = 1;
			if (i + (size_t)len > LEDE_TONE_TEXT_MAX)
				break;
			i += (size_t)len;
		}
		n = i;
	}
	p = estrndup(text, n);
	if (k->text) {
		int better = best ? score > k->score : score < k->score;

		if (!better && (score != k->score || textcmp(p, k->text) >= 0)) {
			free(p);
			return;
		}
		free(k->text);
	}
	k->text = p;
	k->score = score;
}

void
lede_tone_stats_add(LedeToneStats *a, const LedeToneStats *b)
{
	a->docs += b->docs;
	a->sents += b->sents;
	a->words += b->words;
	a->pos += b->pos;
	a->neg += b->neg;
	a->scoresum += b->scoresum;
	if (b->best.text)
		lede_tone_offer(&a->best, 1, b->best.score, b->best.text,
		    strlen(b->best.text));
	if (b->worst.text)
		lede_tone_offer(&a->worst, 0, b->worst.score, b->worst.text,
		    strlen(b->worst.text));
}

LedeToneEntity *
lede_tone_entity(LedeTone *t, const char *key, size_t n)
{
	int added;
	long id = lede_dict_put(t->ents, key, n, &added);

	if ((size_t)id >= t->cent) {
		size_t old = t->cent;

		t->cent = t->cent ? t->cent * 2 : 256;
		t->ent = ereallocarray(t->ent, t->cent, sizeof(*t->ent));
		memset(t->ent + old, 0, (t->cent - old) * sizeof(*t->ent));
	}
	return &t->ent[id];
}

int64_t
lede_tone_mean(int64_t sum, int64_t n)
{
	if (n <= 0)
		return 0;
	if (sum >= 0)
		return (sum + n / 2) / n;
	return -((-sum + n / 2) / n);
}

static void
put_escaped(FILE *fp, const char *s)
{
	lede_tsv_field(fp, s, strlen(s));
}

int
lede_tone_write_partial(FILE *fp, const LedeTone *t)
{
	const LedeToneStats *s = &t->all;
	size_t i, n = lede_dict_size(t->ents), klen;

	fprintf(fp, "%s1\n", MAGIC);
	fprintf(fp, "stats\t%lld\t%lld\t%lld\t%lld\t%lld\t%lld\n",
	    (long long)s->docs, (long long)s->sents, (long long)s->words,
	    (long long)s->pos, (long long)s->neg, (long long)s->scoresum);
	if (s->best.text) {
		fprintf(fp, "best\t%lld\t", (long long)s->best.score);
		put_escaped(fp, s->best.text);
		putc('\n', fp);
	}
	if (s->worst.text) {
		fprintf(fp, "worst\t%lld\t", (long long)s->worst.score);
		put_escaped(fp, s->worst.text);
		putc('\n', fp);
	}
	for (i = 0; i < n; i++) {
		const char *key = lede_dict_key(t->ents, (long)i, &klen);
		const char *tab = memchr(key, '\t', klen);
		const LedeToneEntity *e = &t->ent[i];

		fputs("entity\t", fp);
		lede_tsv_field(fp, key, (size_t)(tab - key));
		putc('\t', fp);
		lede_tsv_field(fp, tab + 1, klen - (size_t)(tab - key) - 1);
		fprintf(fp, "\t%lld\t%lld\t%lld\t%lld\t%lld\n",
		    (long long)e->mentions, (long long)e->sents,
		    (long long)e->scoresum, (long long)e->pos, (long long)e->neg);
	}
	return ferror(fp) ? -1 : 0;
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

/* A decimal integer in [min, max], whole field. */
static int
int_field(const char *s, int64_t min, int64_t max, int64_t *out)
{
	long v;

	if (!*s || (s[0] == '0' && s[1]) || (s[0] == '-' && s[1] == '0'))
		return -1;	/* one spelling for each number */
	if (lede_strtol(s, (long)min, (long)max, &v) < 0)
		return -1;
	*out = v;
	return 0;
}

/* Undo TSV escaping (lede_tsv_field) in place; -1 on a bad escape. */
static int
unescape(char *s)
{
	return lede_tsv_unescape(s, s, strlen(s), NULL);
}

static int
add_checked(int64_t *a, int64_t b)
{
	if (*a > VAL_MAX - b || *a < -VAL_MAX - b)
		return -1;
	*a += b;
	return 0;
}

int
lede_tone_read_partial(LedeTone *t, const char *buf, size_t n,
    const char *name, LedeBuf *err)
{
	size_t pos = 0, len;
	unsigned long lineno = 0;
	int have_header = 0, rc = 0, nf, i;
	LedeBuf line = {0};
	char *f[9], *p, *tab;
	int64_t v[6];
	LedeToneStats s;

	while (pos < n && rc == 0) {
		const char *nl = memchr(buf + pos, '\n', n - pos);

		len = nl ? (size_t)(nl - (buf + pos)) : n - pos;
		lineno++;
		lede_buf_clear(&line);
		lede_buf_add(&line, buf + pos, len);
		pos += len + (nl != NULL);
		if (memchr(line.p, '\0', line.len)) {
			rc = fail(err, name, lineno, "NUL byte in line");
			break;
		}
		if (lede_utf8_check(line.p, line.len) != line.len) {
			rc = fail(err, name, lineno, "invalid UTF-8");
			break;
		}
		if (line.len && line.p[0] == '#') {
			long ver;

			if (line.len < strlen(MAGIC) || memcmp(line.p, MAGIC, strlen(MAGIC)) ||
			    lede_strtol(line.p + strlen(MAGIC), 0, 1000000, &ver) < 0) {
				rc = fail(err, name, lineno, "not a tone partial report (expected '# lede-partial tone 1')");
				break;
			}
			if (ver != 1) {
				rc = fail(err, name, lineno, "unsupported partial report version (this program reads version 1)");
				break;
			}
			have_header = 1;
			continue;
		}
		if (!have_header) {
			rc = fail(err, name, lineno, "not a tone partial report (expected '# lede-partial tone 1')");
			break;
		}
		if (line.len == 0) {
			rc = fail(err, name, lineno, "empty line");
			break;
		}
		nf = 0;
		p = line.p;
		for (;;) {
			if (nf == (int)LEDE_LEN(f)) {
				nf++;
				break;
			}
			f[nf++] = p;
			if (!(tab = strchr(p, '\t')))
				break;
			*tab = '\0';
			p = tab + 1;
		}
		memset(&s, 0, sizeof(s));
		if (!strcmp(f[0], "stats")) {
			if (nf != 7) {
				rc = fail(err, name, lineno, "a stats row has 7 fields");
				break;
			}
			for (i = 0; i < 6; i++) {
				if (int_field(f[i + 1], i == 5 ? -VAL_MAX : 0, VAL_MAX, &v[i]) < 0) {
					rc = fail(err, name, lineno, "bad number in a stats row");
					break;
				}
			}
			if (rc)
				break;
			if (v[3] + v[4] > v[2]) {
				rc = fail(err, name, lineno, "more words with tone than words");
				break;
			}
			if (add_checked(&t->all.docs, v[0]) || add_checked(&t->all.sents, v[1]) ||
			    add_checked(&t->all.words, v[2]) || add_checked(&t->all.pos, v[3]) ||
			    add_checked(&t->all.neg, v[4]) || add_checked(&t->all.scoresum, v[5])) {
				rc = fail(err, name, lineno, "sums too large");
				break;
			}
		} else if (!strcmp(f[0], "best") || !strcmp(f[0], "worst")) {
			int best = f[0][0] == 'b';

			if (nf != 3) {
				rc = fail(err, name, lineno, "a best or worst row has 3 fields");
				break;
			}
			if (int_field(f[1], best ? 1 : -LEDE_TONE_MICRO,
			    best ? LEDE_TONE_MICRO : -1, &v[0]) < 0) {
				rc = fail(err, name, lineno, "bad score (micro-units, > 0 for best, < 0 for worst)");
				break;
			}
			if (unescape(f[2]) < 0) {
				rc = fail(err, name, lineno, "bad escape in text");
				break;
			}
			lede_tone_offer(best ? &t->all.best : &t->all.worst, best, v[0],
			    f[2], strlen(f[2]));
		} else if (!strcmp(f[0], "entity")) {
			LedeToneEntity *e;
			LedeBuf key = {0};

			if (nf != 8) {
				rc = fail(err, name, lineno, "an entity row has 8 fields");
				break;
			}
			if (unescape(f[1]) < 0 || unescape(f[2]) < 0 || !*f[1] || !*f[2] ||
			    strchr(f[1], '\t')) {
				rc = fail(err, name, lineno, "bad entity type or name");
				break;
			}
			for (i = 0; i < 5; i++) {
				if (int_field(f[i + 3], i == 2 ? -VAL_MAX : 0, VAL_MAX, &v[i]) < 0) {
					rc = fail(err, name, lineno, "bad number in an entity row");
					break;
				}
			}
			if (rc)
				break;
			if (v[3] + v[4] > v[1] || v[1] > v[0] ||
			    v[2] > v[1] * LEDE_TONE_MICRO || v[2] < -v[1] * LEDE_TONE_MICRO) {
				rc = fail(err, name, lineno, "inconsistent counts in an entity row");
				break;
			}
			lede_buf_adds(&key, f[1]);
			lede_buf_addc(&key, '\t');
			lede_buf_adds(&key, f[2]);
			e = lede_tone_entity(t, key.p, key.len);
			lede_buf_free(&key);
			if (add_checked(&e->mentions, v[0]) || add_checked(&e->sents, v[1]) ||
			    add_checked(&e->scoresum, v[2]) || add_checked(&e->pos, v[3]) ||
			    add_checked(&e->neg, v[4])) {
				rc = fail(err, name, lineno, "sums too large");
				break;
			}
		} else {
			rc = fail(err, name, lineno, "unknown row (expected stats, best, worst or entity)");
			break;
		}
	}
	if (rc == 0 && !have_header)
		rc = fail(err, name, lineno ? lineno : 1, "empty partial report");
	lede_buf_free(&line);
	return rc;
}
