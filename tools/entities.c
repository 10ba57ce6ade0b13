/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "io.h"
#include "report.h"
#include "stream.h"
#include "text.h"
#include "util.h"

/* A partial report read by --merge may be this long. */
#define PARTIAL_MAX ((size_t)1 << 40)

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-f FORMAT] [-n N] [--types LIST] [--corpus] [FILE...]\n"
	    "       %s --corpus --partial [FILE...]\n"
	    "       %s --merge [--partial | -f FORMAT -n N --types LIST] [FILE...]\n"
	    "Report the named entities of a tagged token stream (an NER column of\n"
	    "BIO tags): one row per entity per document, mentions of one entity\n"
	    "merged, with its canonical name, type, mentions, first offset,\n"
	    "aliases and tone.\n"
	    "\n"
	    "  -f, --format FMT  tsv (default, with a header row), jsonl or text\n"
	    "  -n, --top N       at most N rows per document (or for the corpus)\n"
	    "      --types LIST  only these types, e.g. PER,ORG\n"
	    "      --corpus      one report over all documents\n"
	    "      --partial     write a partial corpus report, for --merge\n"
	    "      --merge       read partial reports and print their corpus report\n"
	    "      --stats       print documents, sentences and rows on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM", "NER"};
static const char *names[] = {"doc", "entity", "type", "mentions", "first",
    "aliases", "tone", "similar"};
static const LedeColKind kinds[] = {LEDE_COL_STR, LEDE_COL_STR, LEDE_COL_STR,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_LIST, LEDE_COL_NUM, LEDE_COL_LIST};

static LedeFormat format = LEDE_FMT_TSV;
static long top;		/* 0: all */
static char **types;		/* --types, or NULL */
static size_t ntypes;
static LedeTable *table;
static unsigned long nrows;

/* Columns of the current schema. */
static struct {
	unsigned gen;
	int form, ner, start, end;
} col;

/* Mentions of the current sentence, for the parentheses. */
typedef struct {
	size_t first, last;	/* tokens in the sentence */
	size_t m;		/* mention index in the document */
} Span;

static Span *span;
static size_t nspan, cspan;
static LedeBuf text, aliasbuf, errbuf;
static int alloffsets;		/* every mention of the document has a START */

static void
parse_types(char *list)
{
	char *p;

	for (p = strtok(list, ","); p; p = strtok(NULL, ",")) {
		types = ereallocarray(types, ntypes + 1, sizeof(*types));
		types[ntypes++] = p;
	}
	if (!ntypes)
		uprintf("--types: empty list");
}

static int
wanted(const char *type)
{
	size_t i;

	if (!types)
		return 1;
	for (i = 0; i < ntypes; i++)
		if (!strcmp(types[i], type))
			return 1;
	return 0;
}

/*
 * Offset column value of a token: 1 and *v for a number, 0 for "_", -1
 * for anything else.
 */
static int
offset(const LedeSent *s, size_t tok, int c, long *v)
{
	const char *f;

	if (c < 0)
		return 0;
	f = lede_field(s, tok, c);
	if (!strcmp(f, "_"))
		return 0;
	if (lede_strtol(f, 0, LONG_MAX, v) < 0)
		return -1;
	return 1;
}

static int
possessive(const char *f)
{
	return !strcmp(f, "'s") || !strcmp(f, "\xE2\x80\x99s") || !strcmp(f, "'") ||
	    !strcmp(f, "\xE2\x80\x99") || !strcmp(f, "'S") || !strcmp(f, "\xE2\x80\x99S");
}

static unsigned long
rowline(const LedeSent *s, size_t tok)
{
	return s->rowline + tok;
}

/* Keep "FILE:LINE: reason" for the message; returns -1. */
static int
fail(const LedeSent *s, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	lede_buf_clear(&errbuf);
	lede_buf_printf(&errbuf, "%s:%lu: ", s->file, line);
	va_start(ap, fmt);
	{
		char msg[256];

		vsnprintf(msg, sizeof(msg), fmt, ap);
		lede_buf_adds(&errbuf, msg);
	}
	va_end(ap);
	return -1;
}

/*
 * Add the mention of tokens first..last of s; returns 0 or -1 with the
 * message printed.
 */
static int
mention(LedeEntDoc *d, const LedeSent *s, size_t first, size_t last,
    const char *type, size_t typelen, size_t doctok)
{
	size_t k;
	long st = -1, prevend = -1;
	int have;

	lede_buf_clear(&text);
	for (k = first; k <= last; k++) {
		const char *f = lede_field(s, k, col.form);
		long b = -1, e = -1;

		if ((have = offset(s, k, col.start, &b)) < 0 ||
		    offset(s, k, col.end, &e) < 0) {
			return fail(s, rowline(s, k), "bad START or END value");
		}
		if (!have)
			b = -1;
		if (k == first) {
			st = b;
		} else {
			if (b >= 0 && prevend >= 0 ? b > prevend : !possessive(f))
				lede_buf_addc(&text, ' ');
		}
		prevend = e;
		lede_buf_adds(&text, f);
	}
	if (st < 0)
		alloffsets = 0;
	if (nspan == cspan) {
		cspan = cspan ? cspan * 2 : 16;
		span = ereallocarray(span, cspan, sizeof(*span));
	}
	span[nspan].first = first;
	span[nspan].last = last;
	span[nspan].m = lede_entdoc_mention(d, type, typelen, text.p, text.len, st,
	    doctok + first);
	nspan++;
	return 0;
}

static int
is(const LedeSent *s, size_t tok, const char *form)
{
	return tok < s->ntok && !strcmp(lede_field(s, tok, col.form), form);
}

/* "Expansion (ACR)" and "ACR (Expansion)" in the sentence. */
static void
definitions(LedeEntDoc *d, const LedeSent *s)
{
	size_t i;

	for (i = 0; i < nspan; i++) {
		size_t e = span[i].last;
		const char *f;

		if (!is(s, e + 1, "("))
			continue;
		if (is(s, e + 3, ")")) {
			f = lede_field(s, e + 2, col.form);
			if (lede_ent_isacronym(f, strlen(f))) {
				lede_entdoc_define(d, span[i].m, f, strlen(f));
				continue;
			}
		}
		f = lede_field(s, span[i].first, col.form);
		if (span[i].first == e && lede_ent_isacronym(f, strlen(f)) &&
		    i + 1 < nspan && span[i + 1].first == e + 2 &&
		    is(s, span[i + 1].last + 1, ")"))
			lede_entdoc_define(d, span[i + 1].m, f, strlen(f));
	}
}

/* The mentions of sentence s; 0, or -1 after a message. */
static int
sentence(LedeEntDoc *d, const LedeSent *s, size_t doctok)
{
	const char *v, *otype = NULL;
	size_t i, open = 0, otlen = 0, vlen;
	int isopen = 0, tone_known = 0;
	long long tone = 0;
	double x;

	if (s->gen != col.gen) {
		col.gen = s->gen;
		col.form = lede_sent_col(s, "FORM");
		col.ner = lede_sent_col(s, "NER");
		col.start = lede_sent_col(s, "START");
		col.end = lede_sent_col(s, "END");
	}
	if ((v = lede_sent_meta(s, "sentiment", &vlen))) {
		if (lede_strtod(v, -1, 1, &x) < 0) {
			for (i = 0; i < s->ncomment && !(v >= s->comment[i] &&
			    v < s->comment[i] + strlen(s->comment[i])); i++)
				;
			/* comments stand right before the rows */
			return fail(s, s->rowline ? s->rowline - (s->ncomment - i) : s->line + i,
			    "bad sentiment value '%.40s' (a number in [-1, 1])", v);
		}
		tone_known = 1;
		tone = llround(x * LEDE_TONE_SCALE);
	}
	lede_entdoc_sentence(d, tone_known, tone);
	nspan = 0;
	for (i = 0; i < s->ntok; i++) {
		const char *tag = lede_field(s, i, col.ner), *type;
		size_t tlen;
		char p;

		if ((tag[0] == 'O' || tag[0] == '_') && tag[1] == '\0') {
			if (isopen && mention(d, s, open, i - 1, otype, otlen, doctok) < 0)
				return -1;
			isopen = 0;
			continue;
		}
		p = tag[0];
		if (!(p == 'B' || p == 'I' || p == 'E' || p == 'S') || tag[1] != '-' ||
		    tag[2] == '\0') {
			return fail(s, rowline(s, i),
			    "bad NER tag '%.40s' (O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)", tag);
		}
		type = tag + 2;
		tlen = strlen(type);
		/* I- or E- goes on a mention of its type; anything else starts one */
		if (!isopen || p == 'B' || p == 'S' || tlen != otlen ||
		    memcmp(type, otype, tlen)) {
			if (isopen && mention(d, s, open, i - 1, otype, otlen, doctok) < 0)
				return -1;
			isopen = 1;
			open = i;
			otype = type;
			otlen = tlen;
		}
		if (p == 'E' || p == 'S') {
			if (mention(d, s, open, i, otype, otlen, doctok) < 0)
				return -1;
			isopen = 0;
		}
	}
	if (isopen && mention(d, s, open, s->ntok - 1, otype, otlen, doctok) < 0)
		return -1;
	definitions(d, s);
	return 0;
}

/* One row of the report. */
static void
row(const char *doc, const LedeEntity *e, long first)
{
	const char **items;
	size_t *lens, n = 0, i, *offs;

	lede_table_str(table, doc, strlen(doc));
	lede_table_str(table, e->name, e->namelen);
	lede_table_str(table, e->type, strlen(e->type));
	lede_table_int(table, e->mentions);
	lede_table_int(table, first);
	items = emalloc((e->nalias + e->nsimilar + 1) * sizeof(*items));
	lens = emalloc((e->nalias + e->nsimilar + 1) * sizeof(*lens));
	offs = emalloc((e->nsimilar + 1) * sizeof(*offs));
	for (i = 0; i < e->nalias; i++, n++) {
		items[n] = e->alias[i];
		lens[n] = e->aliaslen[i];
	}
	if (format != LEDE_FMT_JSONL) {
		/* near-misspellings as "?Name" after the aliases */
		lede_buf_clear(&aliasbuf);
		for (i = 0; i < e->nsimilar; i++) {
			offs[i] = aliasbuf.len;
			lede_buf_addc(&aliasbuf, '?');
			lede_buf_add(&aliasbuf, e->similar[i], e->similarlen[i]);
		}
		for (i = 0; i < e->nsimilar; i++, n++) {
			items[n] = aliasbuf.p + offs[i];
			lens[n] = e->similarlen[i] + 1;
		}
	}
	lede_table_list(table, items, lens, n);
	if (e->tonen > 0)
		lede_table_num(table, (double)e->tonesum / (double)e->tonen /
		    LEDE_TONE_SCALE, 3);
	else
		lede_table_null(table);
	if (format == LEDE_FMT_JSONL)
		lede_table_list(table, e->similar, e->similarlen, e->nsimilar);
	lede_table_endrow(table);
	nrows++;
	free(items);
	free(lens);
	free(offs);
}

/* Rows of a document (first = START or token index) or of the corpus. */
static void
report(const char *doc, const LedeEntity *const *e, size_t n, int corpus)
{
	size_t i;
	long k = 0;

	for (i = 0; i < n && (!top || k < top); i++) {
		if (!wanted(e[i]->type))
			continue;
		row(doc, e[i], corpus ? e[i]->ndocs :
		    alloffsets ? e[i]->start : (long)e[i]->tok);
		k++;
	}
}

/* A document is read: report it, or add it to the corpus. */
static void
end_doc(const char *id, LedeEntDoc *d, LedeEntCorpus *corp)
{
	size_t n = lede_entdoc_resolve(d), i;
	const LedeEntity **e;

	if (corp) {
		lede_entcorpus_add(corp, d);
		return;
	}
	e = emalloc((n ? n : 1) * sizeof(*e));
	for (i = 0; i < n; i++)
		e[i] = lede_entdoc_entity(d, i);
	report(id, e, n, 0);
	free(e);
}

/* --merge: read the partial reports into c; returns the exit status. */
static int
merge(LedeEntCorpus *c, char **files, int nfiles)
{
	static char *dash[] = {"-"};
	LedeBuf buf = {0}, err = {0};
	int i, status = 0, rc;

	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	for (i = 0; i < nfiles; i++) {
		const char *name = files[i];
		FILE *fp = stdin;

		if (!strcmp(name, "-")) {
			name = "<stdin>";
		} else if (!(fp = fopen(name, "r"))) {
			weprintf("%s:", name);
			status = 1;
			continue;
		}
		rc = lede_slurp(fp, &buf, PARTIAL_MAX);
		if (fp != stdin)
			fclose(fp);
		if (rc < 0) {
			weprintf(rc == -1 ? "%s: read error:" : "%s: too long", name);
			status = 1;
			continue;
		}
		if (lede_entcorpus_load(c, buf.p ? buf.p : "", buf.len, name, &err) < 0) {
			weprintf("%s (file skipped)", err.p);
			status = 1;
		}
	}
	lede_buf_free(&buf);
	lede_buf_free(&err);
	return status;
}

int
main(int argc, char *argv[])
{
	enum { O_TYPES = 256, O_CORPUS, O_PARTIAL, O_MERGE, O_STATS, O_HELP, O_VERSION };
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"top", required_argument, NULL, 'n'},
		{"types", required_argument, NULL, O_TYPES},
		{"corpus", no_argument, NULL, O_CORPUS},
		{"partial", no_argument, NULL, O_PARTIAL},
		{"merge", no_argument, NULL, O_MERGE},
		{"stats", no_argument, NULL, O_STATS},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	LedeReader *r = NULL;
	LedeEntDoc *d;
	LedeEntCorpus *corp = NULL;
	int c, rc, status = 0, corpus = 0, partial = 0, merging = 0, stats = 0;
	int setfmt = 0;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:n:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (lede_format_parse(optarg, &format) < 0)
				uprintf("unknown format '%s' (tsv, jsonl or text)", optarg);
			setfmt = 1;
			break;
		case 'n':
			if (lede_strtol(optarg, 1, LONG_MAX, &top) < 0)
				uprintf("-n: '%s' is not a number of rows (1 or more)", optarg);
			break;
		case O_TYPES:
			parse_types(optarg);
			break;
		case O_CORPUS:
			corpus = 1;
			break;
		case O_PARTIAL:
			partial = corpus = 1;
			break;
		case O_MERGE:
			merging = corpus = 1;
			break;
		case O_STATS:
			stats = 1;
			break;
		case O_HELP:
			usage(stdout);
			return fshut(stdout, "<stdout>");
		case O_VERSION:
			lede_version();
			break;
		default:
			lede_badopt(c, argv);
		}
	}
	if (partial && (setfmt || top || types))
		uprintf("--partial writes every entity: -f, -n and --types apply when merging");

	if (corpus)
		corp = lede_entcorpus_new();
	if (merging) {
		status = merge(corp, argv + optind, argc - optind);
	} else {
		LedeSent sent = {0};
		LedeBuf docid = {0};
		size_t doctok = 0;
		int indoc = 0, skipdoc = 0;

		d = lede_entdoc_new();
		r = lede_reader_open(argv + optind, argc - optind);
		lede_reader_require(r, cols_in, 3);
		if (!partial)
			table = lede_table_new(stdout, format, names, kinds,
			    format == LEDE_FMT_JSONL ? 8 : 7);
		/*
		 * Sentence by sentence, keeping only the mentions of the
		 * document; a damaged document is dropped whole.
		 */
		for (;;) {
			rc = lede_read_sent(r, &sent);
			if (rc < 0) {
				if (indoc && !lede_reader_error_newdoc(r)) {
					weprintf("%s (document %s skipped)",
					    lede_reader_error(r), docid.p);
					indoc = 0;
				} else {
					if (indoc && !skipdoc)
						end_doc(docid.p, d, corp);
					indoc = 0;
					weprintf("%s (document %s skipped)",
					    lede_reader_error(r),
					    sent.newdoc && *sent.newdoc ? sent.newdoc : "-");
				}
				status = 1;
				continue;
			}
			if (rc == 0)
				break;
			if (sent.newdoc || !indoc) {
				if (indoc && !skipdoc)
					end_doc(docid.p, d, corp);
				lede_buf_clear(&docid);
				lede_buf_adds(&docid, sent.newdoc && *sent.newdoc ?
				    sent.newdoc : "-");
				lede_entdoc_reset(d);
				alloffsets = 1;
				doctok = 0;
				indoc = 1;
				skipdoc = 0;
			}
			if (skipdoc)
				continue;
			if (sentence(d, &sent, doctok) < 0) {
				weprintf("%s (document %s skipped)", errbuf.p, docid.p);
				status = 1;
				skipdoc = 1;
				continue;
			}
			doctok += sent.ntok;
			if (table && format != LEDE_FMT_TEXT && ferror(stdout))
				break;
		}
		if (indoc && !skipdoc)
			end_doc(docid.p, d, corp);
		lede_entdoc_free(d);
		lede_sent_free(&sent);
		lede_buf_free(&docid);
	}
	if (partial) {
		lede_entcorpus_write(corp, stdout);
	} else if (corpus) {
		const LedeEntity *res, **e;
		size_t n = lede_entcorpus_result(corp, &res), i;

		if (!table)
			table = lede_table_new(stdout, format, names, kinds,
			    format == LEDE_FMT_JSONL ? 8 : 7);
		e = emalloc((n ? n : 1) * sizeof(*e));
		for (i = 0; i < n; i++)
			e[i] = &res[i];
		report("*", e, n, 1);
		free(e);
	}
	if (table)
		lede_table_flush(table);
	if (stats) {
		if (r)
			fprintf(stderr, "%s: %lu documents, %lu sentences in; %lu rows out\n",
			    argv0, lede_reader_ndocs(r), lede_reader_nsents(r), nrows);
		else
			fprintf(stderr, "%s: %lu rows out\n", argv0, nrows);
	}
	status |= fshut(stdout, "<stdout>");
	lede_table_free(table);
	lede_reader_free(r);
	lede_entcorpus_free(corp);
	free(types);
	free(span);
	lede_buf_free(&text);
	lede_buf_free(&aliasbuf);
	lede_buf_free(&errbuf);
	return status;
}
