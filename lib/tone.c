/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"
#include "tone.h"

#define MAGIC "# lede-partial tone "
/* Counts and sums in a partial stay below this, so adding two never overflows. */
#define VAL_MAX ((int64_t)1 << 60)
#define NOENTS "a partial without entities (make it with tone --partial --by-entity)"

void
lede_tone_init(LedeTone *t)
{
	memset(t, 0, sizeof(*t));
	t->ents = lede_entcorpus_new();
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
	lede_entcorpus_free(t->ents);
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

	fprintf(fp, "%s2\n", MAGIC);
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
	if (t->hasents && lede_entcorpus_write(t->ents, fp) < 0)
		return -1;
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
	unsigned long lineno = 0, headline = 0;
	int have_header = 0, rc = 0, nf, i, sectents = 0;
	LedeBuf line = {0};
	char *f[9], *p, *tab;
	int64_t v[6];
	LedeToneStats s;

	/* entities that are not reported may have been counted any way */
	lede_entcorpus_any_settings(t->ents, !t->needents);
	while (pos < n && rc == 0) {
		const char *nl = memchr(buf + pos, '\n', n - pos);

		len = nl ? (size_t)(nl - (buf + pos)) : n - pos;
		lineno++;
		lede_buf_clear(&line);
		/* CRLF, as the keywords and entities partials take it */
		lede_buf_add(&line, buf + pos, len - (len && buf[pos + len - 1] == '\r'));
		pos += len + (nl != NULL);
		if (memchr(line.p, '\0', line.len)) {
			rc = fail(err, name, lineno, "NUL byte in line");
			break;
		}
		if (lede_utf8_check(line.p, line.len) != line.len) {
			rc = fail(err, name, lineno, "invalid UTF-8");
			break;
		}
		if (have_header && line.len > 23 &&
		    !memcmp(line.p, "# lede-partial entities", 23)) {
			/* the entities, up to the next tone header */
			size_t start = pos - len - (nl != NULL), end = pos;
			unsigned long lines = 1;

			while (end < n && (n - end < strlen(MAGIC) ||
			    memcmp(buf + end, MAGIC, strlen(MAGIC)))) {
				const char *e = memchr(buf + end, '\n', n - end);

				end = e ? (size_t)(e - buf) + 1 : n;
				lines++;
			}
			if (lede_entcorpus_load_at(t->ents, buf + start, end - start,
			    name, lineno - 1, err) < 0) {
				rc = -1;
				break;
			}
			t->hasents = 1;
			sectents = 1;
			pos = end;
			lineno += lines - 1;
			continue;
		}
		if (line.len && line.p[0] == '#') {
			long ver;

			if (line.len < strlen(MAGIC) || memcmp(line.p, MAGIC, strlen(MAGIC)) ||
			    lede_strtol(line.p + strlen(MAGIC), 0, 1000000, &ver) < 0) {
				rc = fail(err, name, lineno, "not a tone partial report (expected '# lede-partial tone 2')");
				break;
			}
			if (ver != 2) {
				rc = fail(err, name, lineno, "unsupported partial report version (this program reads version 2; make the partial again)");
				break;
			}
			if (have_header && t->needents && !sectents) {
				rc = fail(err, name, headline, NOENTS);
				break;
			}
			have_header = 1;
			headline = lineno;
			sectents = 0;
			continue;
		}
		if (!have_header) {
			rc = fail(err, name, lineno, "not a tone partial report (expected '# lede-partial tone 2')");
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
		} else {
			rc = fail(err, name, lineno, "unknown row (expected stats, best or worst)");
			break;
		}
	}
	if (rc == 0 && !have_header)
		rc = fail(err, name, lineno ? lineno : 1, "empty partial report");
	else if (rc == 0 && t->needents && !sectents)
		rc = fail(err, name, headline, NOENTS);
	lede_buf_free(&line);
	return rc;
}
