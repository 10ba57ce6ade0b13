/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "io.h"
#include "report.h"
#include "sentiment.h"
#include "stream.h"
#include "text.h"
#include "tone.h"
#include "util.h"

/* Sentence texts in reports are cut to this many characters. */
#define SHOW_MAX 100
/* A partial report larger than this is refused. */
#define PARTIAL_MAX ((size_t)1 << 30)

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-f tsv|jsonl|text] [--corpus] [--by-entity] [FILE...]\n"
	    "       %s --partial [--corpus] [FILE...]\n"
	    "       %s --merge [-f FORMAT] [--by-entity] [PARTIAL...]\n"
	    "Report the tone of each document of a stream scored by sentiment:\n"
	    "score, GDELT-style tone, the share of positive and negative words,\n"
	    "and the most positive and most negative sentence.\n"
	    "\n"
	    "  -f, --format FMT  tsv (default), jsonl or text (a tone arc)\n"
	    "      --corpus      one report for the whole input\n"
	    "      --by-entity   the mean tone of the sentences that mention each\n"
	    "                    entity of the NER column\n"
	    "      --partial     write mergeable statistics (for --merge)\n"
	    "      --merge       read partial reports and print the --corpus (or\n"
	    "                    --by-entity) report of all of them\n"
	    "  -w, --width N     width of the text format (default: the terminal's,\n"
	    "                    or 80)\n"
	    "      --stats       print documents and sentences read on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM", "SENT"};
static const char *doc_names[] = {"doc", "score", "tone", "positive", "negative",
    "polarity", "words", "sentences", "most_positive", "most_negative"};
static const char *corpus_names[] = {"documents", "score", "tone", "positive",
    "negative", "polarity", "words", "sentences", "most_positive",
    "most_negative"};
static const LedeColKind doc_kinds[] = {LEDE_COL_STR, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_STR, LEDE_COL_STR};
static const LedeColKind corpus_kinds[] = {LEDE_COL_NUM, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_STR, LEDE_COL_STR};
static const char *ent_names[] = {"entity", "type", "mentions", "sentences",
    "score", "positive", "negative"};
static const LedeColKind ent_kinds[] = {LEDE_COL_STR, LEDE_COL_STR,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM};

static LedeFormat fmt = LEDE_FMT_TSV;
static int width;
static LedeBuf scratch;

/*
 * A score written with decimals ("0.125", "-1", "0") into micro-units;
 * -1 when it is not such a number in [-1, 1].
 */
static int
parse_score(const char *s, int64_t *out)
{
	int64_t v = 0, frac = 0;
	int neg = 0, nd = 0, nf = 0;

	if (*s == '-')
		neg = 1, s++;
	for (; *s >= '0' && *s <= '9'; s++, nd++) {
		if (nd > 2)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (nd == 0)
		return -1;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, nf++)
			if (nf < 6)
				frac = frac * 10 + (*s - '0');
		if (nf == 0)
			return -1;
		for (int k = nf; k < 6; k++)
			frac *= 10;
	}
	if (*s)
		return -1;
	v = v * LEDE_TONE_MICRO + frac;
	if (v > LEDE_TONE_MICRO)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

#define SENT_MAX 10000		/* |SENT| of one token, in whole units */

/*
 * A SENT value ("-1.250", "0") into micro-units in *out; returns its sign
 * (1, -1, 0), or 2 when it is not such a number (digits, at most one '.',
 * at most 5 digits before it, |value| at most SENT_MAX).
 */
static int
value_sign(const char *s, int64_t *out)
{
	int64_t v = 0, frac = 0;
	int neg = 0, nonzero = 0, digits = 0, dot = 0, nf = 0;

	if (*s == '-')
		neg = 1, s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (*s != '0')
				nonzero = 1;
			if (dot) {
				if (nf++ < 6)
					frac = frac * 10 + (*s - '0');
			} else {
				if (++digits > 5)
					return 2;
				v = v * 10 + (*s - '0');
			}
		} else if (*s == '.' && !dot) {
			dot = 1;
		} else {
			return 2;
		}
	}
	if (!digits && !nf)
		return 2;
	if (v > SENT_MAX)
		return 2;
	for (; nf < 6; nf++)
		frac *= 10;
	v = v * LEDE_TONE_MICRO + frac;
	*out = neg ? -v : v;
	return nonzero ? (neg ? -1 : 1) : 0;
}

/*
 * The document score (docs/SENTIMENT.md): the raw sums S of the sentences
 * that carry tone (S != 0), added and divided by the square root of their
 * number, then mapped into [-1, 1] like a sentence score; in micro-units.
 */
static int64_t
doc_score(int64_t rawsum, int64_t ntoned)
{
	double x;

	if (ntoned == 0)
		return 0;
	x = (double)rawsum / LEDE_TONE_MICRO / sqrt((double)ntoned);
	return (int64_t)llround(lede_sentiment_norm(x) * LEDE_TONE_MICRO);
}

static int
is_word(const char *s)
{
	size_t n = strlen(s), i = 0;
	int32_t cp;
	int len;

	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return 0;
		if (lede_isletter(cp) || lede_isnumber(cp))
			return 1;
		i += (size_t)len;
	}
	return 0;
}

/* The sentence's text (its "# text" comment, or its forms joined). */
static const char *
sent_text(const LedeSent *s, int formcol, size_t *len)
{
	const char *t = lede_sent_meta(s, "text", len);
	size_t i;

	if (t)
		return t;
	lede_buf_clear(&scratch);
	for (i = 0; i < s->ntok; i++) {
		if (i)
			lede_buf_addc(&scratch, ' ');
		lede_buf_adds(&scratch, lede_field(s, i, formcol));
	}
	*len = scratch.len;
	return scratch.p ? scratch.p : "";
}

/* s cut to SHOW_MAX characters with an ellipsis, into b. */
static void
shorten(LedeBuf *b, const char *s)
{
	size_t n = strlen(s), i = 0, k = 0;
	int32_t cp;
	int len;

	lede_buf_clear(b);
	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			len = 1;
		if (++k > SHOW_MAX - 1 && lede_utf8_count(s + i, n - i) > 1) {
			lede_buf_adds(b, "\xE2\x80\xA6");
			return;
		}
		lede_buf_add(b, s + i, (size_t)len);
		i += (size_t)len;
	}
	if (!b->p)
		lede_buf_adds(b, "");
}

static double
pct(int64_t a, int64_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0;
}

/* The arc: one cell per score, above and below a zero line. */
static void
arc(FILE *fp, const int64_t *score, size_t n)
{
	static const char *up[] = {" ", "\xE2\x96\x81", "\xE2\x96\x82",
	    "\xE2\x96\x83", "\xE2\x96\x84", "\xE2\x96\x85", "\xE2\x96\x86",
	    "\xE2\x96\x87", "\xE2\x96\x88"};
	static const char *down[] = {" ", "\xE2\x96\x94", "\xE2\x96\x80",
	    "\xE2\x96\x88"};
	size_t per = width > 8 ? (size_t)width - 4 : 4, i, j, end;
	int row;

	for (i = 0; i < n; i += per) {
		end = i + per < n ? i + per : n;
		for (row = 0; row < 3; row++) {
			fputs(row == 0 ? "  + " : row == 1 ? "  0 " : "  - ", fp);
			for (j = i; j < end; j++) {
				int64_t s = score[j];
				int lvl;

				if (row == 0) {
					lvl = s > 0 ? (int)((s * 8 + LEDE_TONE_MICRO - 1) / LEDE_TONE_MICRO) : 0;
					fputs(up[lvl > 8 ? 8 : lvl], fp);
				} else if (row == 1) {
					fputs(s > LEDE_TONE_BAND || s < -LEDE_TONE_BAND ?
					    "\xE2\x94\x80" : "\xC2\xB7", fp);
				} else {
					s = -s;
					lvl = s <= 0 ? 0 : s <= 250000 ? 1 : s <= 600000 ? 2 : 3;
					fputs(down[lvl], fp);
				}
			}
			putc('\n', fp);
		}
	}
}

/* v with dec decimals, never "-0.00"; in a static buffer. */
static const char *
num(double v, int dec)
{
	static char buf[4][64];
	static int k;
	char *b = buf[k++ % 4];

	snprintf(b, 64, "%.*f", dec, v);
	if (b[0] == '-' && strspn(b + 1, "0.") == strlen(b + 1))
		memmove(b, b + 1, strlen(b));
	return b;
}

static void
summary_text(FILE *fp, const char *head, const LedeToneStats *s, int64_t score,
    const int64_t *scores, size_t nscores, const char *unit)
{
	LedeBuf b = {0};

	fprintf(fp, "%s\n", head);
	fprintf(fp, "  score %s  tone %s", num((double)score / LEDE_TONE_MICRO, 3),
	    num(pct(s->pos, s->words) - pct(s->neg, s->words), 2));
	fprintf(fp, "  positive %s%%  negative %s%%", num(pct(s->pos, s->words), 2),
	    num(pct(s->neg, s->words), 2));
	fprintf(fp, "  polarity %s%%\n", num(pct(s->pos + s->neg, s->words), 2));
	fprintf(fp, "  words %lld  sentences %lld", (long long)s->words,
	    (long long)s->sents);
	if (!strcmp(unit, "document"))
		fprintf(fp, "  documents %lld", (long long)s->docs);
	fputc('\n', fp);
	if (nscores) {
		fprintf(fp, "  tone arc, one cell a %s:\n", unit);
		arc(fp, scores, nscores);
	}
	if (s->best.text) {
		shorten(&b, s->best.text);
		fprintf(fp, "  most positive (%.3f): %s\n",
		    (double)s->best.score / LEDE_TONE_MICRO, b.p);
	}
	if (s->worst.text) {
		shorten(&b, s->worst.text);
		fprintf(fp, "  most negative (%.3f): %s\n",
		    (double)s->worst.score / LEDE_TONE_MICRO, b.p);
	}
	lede_buf_free(&b);
}

static void
row(LedeTable *t, const char *doc, long long ndocs, const LedeToneStats *s,
    int64_t score)
{
	LedeBuf b = {0};
	double p = pct(s->pos, s->words), q = pct(s->neg, s->words);

	if (doc)
		lede_table_str(t, doc, strlen(doc));
	else
		lede_table_int(t, ndocs);
	lede_table_num(t, (double)score / LEDE_TONE_MICRO, 3);
	lede_table_num(t, p - q, 2);
	lede_table_num(t, p, 2);
	lede_table_num(t, q, 2);
	lede_table_num(t, pct(s->pos + s->neg, s->words), 2);
	lede_table_int(t, s->words);
	lede_table_int(t, s->sents);
	shorten(&b, s->best.text ? s->best.text : "");
	lede_table_str(t, b.p, b.len);
	shorten(&b, s->worst.text ? s->worst.text : "");
	lede_table_str(t, b.p, b.len);
	lede_table_endrow(t);
	lede_buf_free(&b);
}

/* The corpus score: the mean of the document scores. */
static int64_t
corpus_score(const LedeToneStats *s)
{
	return lede_tone_mean(s->scoresum, s->docs);
}

static void
print_corpus(const LedeTone *t)
{
	if (fmt == LEDE_FMT_TEXT) {
		summary_text(stdout, "corpus", &t->all, corpus_score(&t->all),
		    NULL, 0, "document");
	} else {
		LedeTable *tb = lede_table_new(stdout, fmt, corpus_names,
		    corpus_kinds, (int)LEDE_LEN(corpus_names));

		row(tb, NULL, (long long)t->all.docs, &t->all, corpus_score(&t->all));
		lede_table_flush(tb);
		lede_table_free(tb);
	}
}

static const LedeTone *sort_tone;

static int
entcmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	const LedeToneEntity *ex = &sort_tone->ent[x], *ey = &sort_tone->ent[y];
	const char *kx, *ky, *nx, *ny;
	size_t lx, ly;
	int c;

	if (ex->sents != ey->sents)
		return ex->sents > ey->sents ? -1 : 1;
	if (ex->mentions != ey->mentions)
		return ex->mentions > ey->mentions ? -1 : 1;
	kx = lede_dict_key(sort_tone->ents, x, &lx);
	ky = lede_dict_key(sort_tone->ents, y, &ly);
	nx = strchr(kx, '\t') + 1;
	ny = strchr(ky, '\t') + 1;
	if ((c = strcmp(nx, ny)))
		return c;
	return strcmp(kx, ky);
}

static void
print_entities(const LedeTone *t)
{
	size_t n = lede_dict_size(t->ents), i, klen;
	long *order = ecalloc(n + 1, sizeof(*order));
	LedeTable *tb = lede_table_new(stdout, fmt, ent_names, ent_kinds,
	    (int)LEDE_LEN(ent_names));

	for (i = 0; i < n; i++)
		order[i] = (long)i;
	sort_tone = t;
	lede_sort(order, n, sizeof(*order), entcmp);
	for (i = 0; i < n; i++) {
		const char *key = lede_dict_key(t->ents, order[i], &klen);
		const char *tab = strchr(key, '\t');
		const LedeToneEntity *e = &t->ent[order[i]];

		lede_table_str(tb, tab + 1, klen - (size_t)(tab - key) - 1);
		lede_table_str(tb, key, (size_t)(tab - key));
		lede_table_int(tb, e->mentions);
		lede_table_int(tb, e->sents);
		lede_table_num(tb, (double)lede_tone_mean(e->scoresum, e->sents) /
		    LEDE_TONE_MICRO, 3);
		lede_table_int(tb, e->pos);
		lede_table_int(tb, e->neg);
		lede_table_endrow(tb);
	}
	lede_table_flush(tb);
	lede_table_free(tb);
	free(order);
}

/* Entity spans of the NER column in s, added to t (once per sentence). */
static void
entities(LedeTone *t, const LedeSent *s, int formcol, int nercol,
    int startcol, int endcol, int64_t score)
{
	static LedeBuf key;
	static long *seen;
	static size_t cseen;
	size_t i = 0, nseen = 0, k;

	while (i < s->ntok) {
		const char *tag = lede_field(s, i, nercol);
		size_t j;
		const char *type;
		long id;
		int dup = 0;

		if ((tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' || !tag[2]) {
			i++;
			continue;
		}
		type = tag + 2;
		lede_buf_clear(&key);
		lede_buf_adds(&key, type);
		lede_buf_addc(&key, '\t');
		lede_buf_adds(&key, lede_field(s, i, formcol));
		for (j = i + 1; j < s->ntok; j++) {
			const char *n = lede_field(s, j, nercol);

			if (n[0] != 'I' || n[1] != '-' || strcmp(n + 2, type))
				break;
			/* no space between tokens that touch */
			if (startcol < 0 || endcol < 0 || strcmp(lede_field(s, j - 1, endcol),
			    lede_field(s, j, startcol)))
				lede_buf_addc(&key, ' ');
			lede_buf_adds(&key, lede_field(s, j, formcol));
		}
		i = j;
		lede_tone_entity(t, key.p, key.len)->mentions++;
		id = lede_dict_get(t->ents, key.p, key.len);
		for (k = 0; k < nseen; k++)
			if (seen[k] == id)
				dup = 1;
		if (dup)
			continue;
		if (nseen == cseen) {
			cseen = cseen ? cseen * 2 : 16;
			seen = ereallocarray(seen, cseen, sizeof(*seen));
		}
		seen[nseen++] = id;
		t->ent[id].sents++;
		t->ent[id].scoresum += score;
		if (score > LEDE_TONE_BAND)
			t->ent[id].pos++;
		else if (score < -LEDE_TONE_BAND)
			t->ent[id].neg++;
	}
}

static int
merge(char **files, int nfiles, LedeTone *t)
{
	static char *stdin_name[] = {"-"};
	LedeBuf b = {0}, err = {0};
	int i, status = 0, rc;

	if (nfiles == 0) {
		files = stdin_name;
		nfiles = 1;
	}
	for (i = 0; i < nfiles; i++) {
		const char *name = strcmp(files[i], "-") ? files[i] : "<stdin>";
		FILE *fp = strcmp(files[i], "-") ? fopen(files[i], "rb") : stdin;

		if (!fp) {
			weprintf("%s:", files[i]);
			status = 1;
			continue;
		}
		rc = lede_slurp(fp, &b, PARTIAL_MAX);
		if (rc == -1) {
			weprintf("%s: read error:", name);
			status = 1;
		} else if (rc == -2) {
			weprintf("%s: larger than %zu bytes", name, PARTIAL_MAX);
			status = 1;
		} else if (lede_tone_read_partial(t, b.p ? b.p : "", b.len, name, &err) < 0) {
			weprintf("%s", err.p);
			status = 1;
		}
		if (fp != stdin)
			fclose(fp);
	}
	lede_buf_free(&b);
	lede_buf_free(&err);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"corpus", no_argument, NULL, 'c'},
		{"by-entity", no_argument, NULL, 'e'},
		{"partial", no_argument, NULL, 'p'},
		{"merge", no_argument, NULL, 'M'},
		{"width", required_argument, NULL, 'w'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c, rc, status = 0, corpus = 0, byent = 0, partial = 0, domerge = 0;
	int stats = 0, formcol = -1, sentcol = -1, nercol = -1;
	int startcol = -1, endcol = -1;
	long v;
	unsigned gen = 0;
	LedeReader *r;
	LedeDoc d = {0};
	LedeTone t;
	LedeTable *tb = NULL;
	int64_t *scores = NULL;
	size_t nscores = 0, cscores = 0;
	struct winsize ws;
	LedeBuf head = {0};

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:w:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (lede_format_parse(optarg, &fmt) < 0)
				uprintf("unknown format '%s' (tsv, jsonl or text)", optarg);
			break;
		case 'c':
			corpus = 1;
			break;
		case 'e':
			byent = 1;
			break;
		case 'p':
			partial = 1;
			break;
		case 'M':
			domerge = 1;
			break;
		case 'w':
			if (lede_strtol(optarg, 20, 10000, &v) < 0)
				uprintf("bad width '%s' (20 to 10000)", optarg);
			width = (int)v;
			break;
		case 'S':
			stats = 1;
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
	if (domerge && partial)
		uprintf("--merge and --partial do not go together");
	if (!width) {
		width = 80;
		if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
		    ws.ws_col >= 20)
			width = ws.ws_col;
	}
	lede_tone_init(&t);

	if (domerge) {
		status = merge(argv + optind, argc - optind, &t);
		if (byent)
			print_entities(&t);
		else
			print_corpus(&t);
		status |= fshut(stdout, "<stdout>");
		lede_tone_free(&t);
		return status;
	}

	r = lede_reader_open(argv + optind, argc - optind);
	lede_reader_require(r, cols_in, 3);
	if (!corpus && !partial && !byent && fmt != LEDE_FMT_TEXT)
		tb = lede_table_new(stdout, fmt, doc_names, doc_kinds,
		    (int)LEDE_LEN(doc_names));
	for (;;) {
		LedeToneStats ds;
		int64_t rawsum = 0, ntoned = 0, dscore;
		size_t i, k;
		int bad = 0;

		rc = lede_read_doc(r, &d);
		if (rc == 0)
			break;
		if (rc < 0) {
			weprintf("%s", lede_reader_error(r));
			status = 1;
			continue;
		}
		memset(&ds, 0, sizeof(ds));
		nscores = 0;
		for (i = 0; i < d.nsent && !bad; i++) {
			const LedeSent *s = &d.sent[i];
			const char *m, *text;
			int64_t score, raw = 0, v;
			size_t tlen;

			if (s->gen != gen) {
				gen = s->gen;
				formcol = lede_sent_col(s, "FORM");
				sentcol = lede_sent_col(s, "SENT");
				nercol = lede_sent_col(s, "NER");
				startcol = lede_sent_col(s, "START");
				endcol = lede_sent_col(s, "END");
			}
			if (s->ntok == 0)
				continue;
			if (!(m = lede_sent_meta(s, "sentiment", NULL))) {
				weprintf("%s:%lu: sentence without '# sentiment' (run sentiment first; document %s skipped)",
				    s->file, s->line, d.id);
				bad = 1;
				break;
			}
			if (parse_score(m, &score) < 0) {
				weprintf("%s:%lu: bad '# sentiment' value '%s' (document %s skipped)",
				    s->file, s->line, m, d.id);
				bad = 1;
				break;
			}
			for (k = 0; k < s->ntok; k++) {
				int sg = value_sign(lede_field(s, k, sentcol), &v);

				if (sg == 2) {
					weprintf("%s:%lu: bad SENT value '%s' (document %s skipped)",
					    s->file, s->line, lede_field(s, k, sentcol), d.id);
					bad = 1;
					break;
				}
				raw += v;
				if (!is_word(lede_field(s, k, formcol)))
					continue;
				ds.words++;
				ds.pos += sg > 0;
				ds.neg += sg < 0;
			}
			if (bad)
				break;
			if (byent) {
				if (nercol < 0) {
					weprintf("%s:%lu: no NER column for --by-entity (run ner-tag first; document %s skipped)",
					    s->file, s->line, d.id);
					bad = 1;
					break;
				}
			}
			ds.sents++;
			if (raw != 0) {
				rawsum += raw;
				ntoned++;
			}
			text = sent_text(s, formcol, &tlen);
			lede_tone_offer(&ds.best, 1, score, text, tlen);
			lede_tone_offer(&ds.worst, 0, score, text, tlen);
			if (nscores == cscores) {
				cscores = cscores ? cscores * 2 : 256;
				scores = ereallocarray(scores, cscores, sizeof(*scores));
			}
			scores[nscores++] = score;
		}
		if (bad) {
			status = 1;
			lede_tone_stats_free(&ds);
			continue;
		}
		if (byent || (partial && nercol >= 0)) {
			for (i = 0; i < d.nsent; i++) {
				const LedeSent *s = &d.sent[i];
				int64_t score;

				if (s->ntok == 0)
					continue;
				parse_score(lede_sent_meta(s, "sentiment", NULL), &score);
				entities(&t, s, formcol, nercol, startcol, endcol, score);
			}
		}
		dscore = doc_score(rawsum, ntoned);
		ds.docs = 1;
		ds.scoresum = dscore;
		if (tb) {
			row(tb, d.id, 1, &ds, dscore);
		} else if (!corpus && !partial && !byent) {
			lede_buf_clear(&head);
			lede_buf_printf(&head, "%s", d.id);
			summary_text(stdout, head.p, &ds, dscore, scores, nscores,
			    "sentence");
			putc('\n', stdout);
		}
		lede_tone_stats_add(&t.all, &ds);
		lede_tone_stats_free(&ds);
		if (ferror(stdout))
			break;
	}
	if (partial) {
		lede_tone_write_partial(stdout, &t);
	} else if (byent) {
		print_entities(&t);
	} else if (corpus) {
		print_corpus(&t);
	} else if (tb) {
		lede_table_flush(tb);
	}
	if (stats)
		fprintf(stderr, "%s: %s\n", argv0, lede_stats_text(r, NULL, lede_table_rows()));
	status |= fshut(stdout, "<stdout>");
	lede_table_free(tb);
	lede_reader_free(r);
	lede_doc_free(&d);
	lede_tone_free(&t);
	lede_buf_free(&head);
	lede_buf_free(&scratch);
	free(scores);
	return status;
}
