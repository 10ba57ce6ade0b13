/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "nerrules.h"
#include "stream.h"
#include "tagger.h"
#include "util.h"

#define DEFAULT_MODEL "models/ner-en.model"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-m MODEL] [--types LIST] [FILE...]\n"
	    "       %s [-m MODEL] --eval GOLD...\n"
	    "       %s --score FILE...\n"
	    "Add a NER column of BIO entity tags (B-TYPE, I-TYPE, O) to a token\n"
	    "stream.\n"
	    "\n"
	    "  -m, --model FILE  the model (default %s, found as data)\n"
	    "  -t, --types LIST  these entity types, comma-separated: 'model' for\n"
	    "                    the model's (the default), 'all' for those and\n"
	    "                    the rule-based DATE, TIME, MONEY, PERCENT and\n"
	    "                    QUANTITY; see --list\n"
	    "      --eval        the files are CoNLL-style gold (token first, tag\n"
	    "                    last): tag their tokens and print conlleval scores\n"
	    "      --score       the files hold token ... GOLD GUESS lines: print\n"
	    "                    their conlleval scores (no model needed)\n"
	    "      --list        print the model's entity types and exit\n"
	    "      --stats       print documents and sentences read on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0, argv0, DEFAULT_MODEL);
}

static const char *cols_in[] = {"ID", "FORM"};
static const char *cols_out[] = {"NER"};

static LedeNerModel *model;
static unsigned keep = ~0u;	/* types to keep, bit t */
static int *lab;
static size_t clab;

/* Output tags of the tokens of a sentence. */
typedef char Tag[32];
static Tag *otag;
static size_t cotag;

/* BIO tag of each model label, and its length. */
static Tag bio[LEDE_NER_MAXLABELS];
static size_t biolen[LEDE_NER_MAXLABELS];

static void
biotags(void)
{
	int l;

	for (l = 0; l < 1 + 4 * lede_ner_ntypes(model); l++)
		biolen[l] = lede_ner_bio(model, l, bio[l], sizeof(bio[l]));
}

/* Labels of dropped types become O (whole spans, since B and I go alike). */
static void
filter(int *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (l[i] > 0 && !(keep & (1u << ((l[i] - 1) / 4))))
			l[i] = 0;
}

/*
 * Rule-based types (lib/nerrules.h) on the tokens tagged O, for the types
 * kept (bits ntypes.. of keep).
 */
static unsigned char *freetok;
static int *xout;
static size_t cx;

static void
extras(const char *const *forms, const size_t *len, size_t n)
{
	int nt = lede_ner_ntypes(model);
	size_t i;

	if (n > cx) {
		cx = n * 2;
		freetok = erealloc(freetok, cx);
		xout = ereallocarray(xout, cx, sizeof(*xout));
	}
	for (i = 0; i < n; i++)
		freetok[i] = otag[i][0] == 'O';
	lede_nerx_tag(forms, len, n, freetok, keep >> nt, xout);
	for (i = 0; i < n; i++)
		if (xout[i] >= 0) {
			snprintf(otag[i], sizeof(otag[i]), "%c-%s",
			    xout[i] & 1 ? 'I' : 'B', lede_nerx_name(xout[i] / 2));
		}
}

static void
ensure(size_t n)
{
	if (n > clab) {
		clab = n * 2;
		lab = ereallocarray(lab, clab, sizeof(*lab));
	}
}

/*
 * --eval: tag the tokens of gold files and score; --score (model NULL):
 * score files of "token ... gold guess" lines as conlleval does.
 */
static int
evaluate(char **files, int nfiles, int score)
{
	LedeNerTagger *t = score ? NULL : lede_ner_tagger_new(model);
	LedeNerEval ev;
	size_t *len = NULL, cap = 0, n, i;
	char **form, **tag, (*buf)[32] = NULL;
	const char **guess = NULL;
	int f, nd, rc, status = 0;

	memset(&ev, 0, sizeof(ev));
	for (f = 0; f < (nfiles ? nfiles : 1); f++) {
		const char *name = nfiles ? files[f] : "-";
		FILE *fp = strcmp(name, "-") ? fopen(name, "r") : stdin;
		LedeBio *b;

		if (!fp) {
			weprintf("%s:", name);
			status = 1;
			continue;
		}
		b = lede_bio_open(fp, strcmp(name, "-") ? name : "<stdin>");
		if (t)
			lede_ner_tagger_newdoc(t);
		while ((rc = lede_bio_next(b, &form, &tag, &n, &nd)) != 0) {
			if (rc < 0) {
				weprintf("%s", lede_bio_error(b));
				status = 1;
				continue;
			}
			if (score) {
				char **gold = lede_bio_tag2(b);

				for (i = 0; i < n && gold[i]; i++)
					;
				if (i < n) {
					weprintf("%s: a sentence without gold and "
					    "guessed tags (token ... GOLD GUESS)", name);
					status = 1;
					continue;
				}
				if (lede_ner_eval_add(&ev, (const char *const *)gold,
				    (const char *const *)tag, n) < 0) {
					weprintf("%s: too many entity types", name);
					status = 1;
				}
				continue;
			}
			if (nd)
				lede_ner_tagger_newdoc(t);
			if (n > cap) {
				cap = n * 2;
				len = ereallocarray(len, cap, sizeof(*len));
				buf = ereallocarray(buf, cap, sizeof(*buf));
				guess = ereallocarray(guess, cap, sizeof(*guess));
			}
			ensure(n);
			for (i = 0; i < n; i++)
				len[i] = strlen(form[i]);
			lede_ner_tag(t, (const char *const *)form, len, n, lab);
			filter(lab, n);
			if (n > cotag) {
				cotag = n * 2;
				otag = ereallocarray(otag, cotag, sizeof(*otag));
			}
			for (i = 0; i < n; i++)
				memcpy(otag[i], bio[lab[i]], sizeof(otag[i]));
			if (keep >> lede_ner_ntypes(model))
				extras((const char *const *)form, len, n);
			for (i = 0; i < n; i++) {
				memcpy(buf[i], otag[i], sizeof(buf[i]));
				guess[i] = buf[i];
			}
			if (lede_ner_eval_add(&ev, (const char *const *)tag, guess,
			    n) < 0) {
				weprintf("%s: too many entity types", name);
				status = 1;
			}
		}
		lede_bio_free(b);
		if (fp != stdin)
			fclose(fp);
	}
	lede_ner_eval_print(&ev, stdout);
	free(len);
	free(buf);
	free(guess);
	lede_ner_tagger_free(t);
	return status;
}

/*
 * Hyphenated words that the tokenizer split ("German - based", adjacent by
 * START/END) are tagged as one word, as in the CoNLL data the model learnt
 * from, and the tag is projected back on the pieces: pieces that start
 * with a capital or a digit stay in the name, the others leave it.
 */
typedef struct {
	size_t first, n;	/* original tokens */
} Group;

static Group *grp;
static size_t cgrp;
static LedeBuf joined;

static int
isnum(const char *s, unsigned long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return 0;
	*v = strtoul(s, &end, 10);
	return *end == '\0';
}

static int
adjacent(const LedeSent *s, size_t i, int sc, int ec)
{
	unsigned long e, b;

	return isnum(lede_field(s, i, ec), &e) &&
	    isnum(lede_field(s, i + 1, sc), &b) && e == b;
}

static size_t
group(const LedeSent *s, int fc, int sc, int ec)
{
	size_t i = 0, n = 0;

	if (s->ntok > cgrp) {
		cgrp = s->ntok * 2;
		grp = ereallocarray(grp, cgrp, sizeof(*grp));
	}
	while (i < s->ntok) {
		size_t j = i;

		if (sc >= 0 && ec >= 0 && strcmp(lede_field(s, i, fc), "-"))
			while (j + 2 < s->ntok &&
			    !strcmp(lede_field(s, j + 1, fc), "-") &&
			    strcmp(lede_field(s, j + 2, fc), "-") &&
			    adjacent(s, j, sc, ec) && adjacent(s, j + 1, sc, ec))
				j += 2;
		grp[n].first = i;
		grp[n].n = j - i + 1;
		n++;
		i = j + 1;
	}
	return n;
}

static int
capstart(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xc0;
}

static void
settag(size_t i, const char *t, size_t len)
{
	if (len >= sizeof(otag[i]))
		len = sizeof(otag[i]) - 1;
	memcpy(otag[i], t, len);
	otag[i][len] = '\0';
}

/* Tags of the pieces of group g, whose joined word got label l. */
static void
project(LedeSent *s, const Group *g, int l, int fc)
{
	char tag[32];
	size_t k, len = biolen[l];
	int any = 0, in = 0, started = 0, stopped = 0;

	memcpy(tag, bio[l], sizeof(tag));

	if (g->n == 1 || l == 0) {
		for (k = 0; k < g->n; k++)
			settag(g->first + k, tag, len);
		return;
	}
	for (k = 0; k < g->n; k += 2)
		any |= capstart(lede_field(s, g->first + k, fc));
	for (k = 0; k < g->n; k++) {
		const char *f = lede_field(s, g->first + k, fc);

		if (k % 2 == 0) {
			in = !stopped && (!any || capstart(f));
			if (started && !in)
				stopped = 1;
		} else	/* a hyphen: inside when the next piece is */
			in = !stopped && started && (!any ||
			    capstart(lede_field(s, g->first + k + 1, fc)));
		if (in) {
			/* the first piece keeps B or I; a later start is a B */
			if (started)
				tag[0] = 'I';
			else if (k > 0)
				tag[0] = 'B';
			started = 1;
			settag(g->first + k, tag, len);
		} else
			settag(g->first + k, "O", 1);
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"model", required_argument, NULL, 'm'},
		{"types", required_argument, NULL, 't'},
		{"eval", no_argument, NULL, 'E'},
		{"score", no_argument, NULL, 'C'},
		{"list", no_argument, NULL, 'L'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *mpath = NULL, *types = NULL;
	char *path, err[256];
	LedeReader *r;
	LedeWriter *w;
	LedeNerTagger *t;
	LedeSent s = {0};
	const char **forms = NULL;
	size_t *len = NULL, cap = 0, i;
	int c, rc, status = 0, formcol = -1, stats = 0, eval = 0, list = 0;
	int startcol = -1, endcol = -1;
	size_t ng, *joff = NULL;
	unsigned gen = 0;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":m:t:", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			mpath = optarg;
			break;
		case 't':
			types = optarg;
			break;
		case 'E':
			eval = 1;
			break;
		case 'C':
			eval = 2;
			break;
		case 'L':
			list = 1;
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
	if (eval == 2) {
		status = evaluate(argv + optind, argc - optind, 1);
		return status | fshut(stdout, "<stdout>");
	}
	if (mpath)
		path = estrdup(mpath);
	else if (!(path = lede_datapath(DEFAULT_MODEL)))
		eprintf("cannot find %s (set LEDE_DATA or use -m)", DEFAULT_MODEL);
	if (!(model = lede_ner_load(path, err, sizeof(err))))
		eprintf("%s: %s", path, err);
	if (list) {
		for (c = 0; c < lede_ner_ntypes(model); c++)
			puts(lede_ner_typename(model, c));
		for (c = 0; c < LEDE_NX_NTYPES; c++)
			puts(lede_nerx_name(c));
		status = fshut(stdout, "<stdout>");
		lede_ner_free(model);
		free(path);
		return status;
	}
	{
		int nt = lede_ner_ntypes(model);

		/* default: the model's types; the rule-based ones on request */
		keep = (1u << nt) - 1;
	}
	if (types) {
		char *tl = estrdup(types), *p, *save = NULL;
		int nt = lede_ner_ntypes(model);

		keep = 0;
		for (p = strtok_r(tl, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
			if (!strcmp(p, "all")) {
				keep = (1u << (nt + LEDE_NX_NTYPES)) - 1;
				continue;
			}
			if (!strcmp(p, "model")) {
				keep |= (1u << nt) - 1;
				continue;
			}
			for (c = 0; c < nt; c++)
				if (!strcmp(p, lede_ner_typename(model, c)))
					break;
			if (c == nt)
				for (; c < nt + LEDE_NX_NTYPES; c++)
					if (!strcmp(p, lede_nerx_name(c - nt)))
						break;
			if (c == nt + LEDE_NX_NTYPES)
				uprintf("unknown entity type '%s' (see --list)", p);
			keep |= 1u << c;
		}
		free(tl);
	}
	biotags();
	if (eval) {
		status = evaluate(argv + optind, argc - optind, 0);
		status |= fshut(stdout, "<stdout>");
		lede_ner_free(model);
		free(path);
		free(lab);
		return status;
	}

	t = lede_ner_tagger_new(model);
	r = lede_reader_open(argv + optind, argc - optind);
	lede_reader_require(r, cols_in, 2);
	lede_reader_outcols(r, cols_out, 1);
	w = lede_writer_new(stdout);
	for (;;) {
		rc = lede_read_sent(r, &s);
		if (rc == 0)
			break;
		if (rc < 0) {
			weprintf("%s", lede_reader_error(r));
			status = 1;
			continue;
		}
		if (s.gen != gen) {
			gen = s.gen;
			formcol = lede_sent_col(&s, "FORM");
			startcol = lede_sent_col(&s, "START");
			endcol = lede_sent_col(&s, "END");
		}
		if (s.newdoc)
			lede_ner_tagger_newdoc(t);
		ng = group(&s, formcol, startcol, endcol);
		if (s.ntok > cap) {
			cap = s.ntok * 2;
			forms = ereallocarray(forms, cap, sizeof(*forms));
			len = ereallocarray(len, cap, sizeof(*len));
		}
		ensure(s.ntok);
		if (ng < s.ntok) {
			size_t k;

			lede_buf_clear(&joined);
			joff = ereallocarray(joff, ng, sizeof(*joff));
			for (i = 0; i < ng; i++) {
				joff[i] = joined.len;
				for (k = 0; k < grp[i].n; k++)
					lede_buf_adds(&joined, lede_field(&s,
					    grp[i].first + k, formcol));
				len[i] = joined.len - joff[i];
			}
			for (i = 0; i < ng; i++)
				forms[i] = joined.p + joff[i];
		} else {
			for (i = 0; i < ng; i++) {
				forms[i] = lede_field(&s, i, formcol);
				len[i] = strlen(forms[i]);
			}
		}
		lede_ner_tag(t, forms, len, ng, lab);
		filter(lab, ng);
		if (s.ntok > cotag) {
			cotag = s.ntok * 2;
			otag = ereallocarray(otag, cotag, sizeof(*otag));
		}
		for (i = 0; i < ng; i++)
			project(&s, &grp[i], lab[i], formcol);
		if (keep >> lede_ner_ntypes(model)) {
			for (i = 0; i < s.ntok; i++) {
				forms[i] = lede_field(&s, i, formcol);
				len[i] = strlen(forms[i]);
			}
			extras(forms, len, s.ntok);
		}
		for (i = 0; i < s.ntok; i++)
			lede_sent_set(&s, i, 0, otag[i], strlen(otag[i]));
		if (lede_write_sent(w, &s) < 0)
			break;
	}
	lede_write_header(w, r);
	if (stats)
		fprintf(stderr, "%s: %s\n", argv0, lede_stats_text(r, w, -1));
	status |= fshut(stdout, "<stdout>");
	lede_writer_free(w);
	lede_reader_free(r);
	lede_sent_free(&s);
	lede_ner_tagger_free(t);
	lede_ner_free(model);
	free(forms);
	free(len);
	free(lab);
	free(path);
	free(joff);
	free(grp);
	free(otag);
	free(freetok);
	free(xout);
	lede_buf_free(&joined);
	return status;
}
