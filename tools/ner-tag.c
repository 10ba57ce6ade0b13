/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "nerrules.h"
#include "stage.h"
#include "stream.h"
#include "tagger.h"
#include "util.h"

#define DEFAULT_MODEL LEDE_NER_MODEL_DEFAULT

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-m MODEL] [--types LIST] [FILE...]\n"
	    "       %s [-m MODEL] --eval GOLD...\n"
	    "       %s --score FILE...\n"
	    "       %s [-m MODEL] [--types LIST] --list\n"
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
	    "      --list        print the entity types (with --types, those it\n"
	    "                    selects) and exit\n"
	    "      --stats       print documents and sentences read on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0, argv0, argv0, DEFAULT_MODEL);
}

static const char *cols_in[] = {"ID", "FORM"};
static const char *cols_out[] = {"NER"};

static LedeNerModel *model;
static unsigned keep = ~0u;	/* types to keep, bit t */

static void
toomany(const LedeBio *b)
{
	weprintf("%s:%lu: a sentence with too many entity types (at most %d "
	    "in a report); left out", lede_bio_name(b), lede_bio_lineno(b, 0),
	    LEDE_EVAL_MAXTYPES);
}

/*
 * --eval: tag the tokens of gold files and score; --score (model NULL):
 * score files of "token ... gold guess" lines as conlleval does.
 */
static int
evaluate(char **files, int nfiles, int score)
{
	LedeNerStage *t = score ? NULL : lede_ner_stage_new(model, keep);
	LedeNerEval ev;
	size_t *len = NULL, cap = 0, n, i;
	char **form, **tag;
	const char *const *guess;
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
			lede_ner_stage_newdoc(t);
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
					weprintf("%s:%lu: a sentence without gold and "
					    "guessed tags (token ... GOLD GUESS)",
					    lede_bio_name(b), lede_bio_lineno(b, i));
					status = 1;
					continue;
				}
				if (lede_ner_eval_add(&ev, (const char *const *)gold,
				    (const char *const *)tag, n) < 0) {
					toomany(b);
					status = 1;
				}
				continue;
			}
			if (nd)
				lede_ner_stage_newdoc(t);
			if (n > cap) {
				cap = n * 2;
				len = ereallocarray(len, cap, sizeof(*len));
			}
			for (i = 0; i < n; i++)
				len[i] = strlen(form[i]);
			guess = lede_ner_stage_tokens(t, (const char *const *)form, len, n);
			if (lede_ner_eval_add(&ev, (const char *const *)tag, guess,
			    n) < 0) {
				toomany(b);
				status = 1;
			}
		}
		lede_bio_free(b);
		if (fp != stdin)
			fclose(fp);
	}
	lede_ner_eval_print(&ev, stdout);
	free(len);
	lede_ner_stage_free(t);
	return status;
}

static void
filter(void *stage, LedeSent *s, int k)
{
	lede_ner_stage_sent(stage, s, k);
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
	const char *mpath = NULL, *types = NULL, *mode = NULL;
	char *path, err[256];
	LedeNerStage *t;
	int c, status = 0, stats = 0, eval = 0, list = 0;

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
		case 'C':
		case 'L': {
			/* one of three modes: two are a usage error */
			const char *m = c == 'E' ? "--eval" : c == 'C' ?
			    "--score" : "--list";

			if (mode && strcmp(mode, m))
				uprintf("%s and %s exclude each other", mode, m);
			mode = m;
			if (c == 'L')
				list = 1;
			else
				eval = c == 'E' ? 1 : 2;
			break;
		}
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
	/* options that would do nothing, silently: say so */
	if (stats && mode)
		uprintf("--stats and %s exclude each other (--stats counts the "
		    "token stream tagged)", mode);
	if (list && optind < argc)
		uprintf("--list reads no file ('%s')", argv[optind]);
	if (eval == 2) {
		if (types)
			uprintf("--types does not apply to --score");
		if (mpath)
			uprintf("-m does not apply to --score (the files hold the "
			    "guessed tags)");
		status = evaluate(argv + optind, argc - optind, 1);
		return status | fshut(stdout, "<stdout>");
	}
	if (mpath)
		path = estrdup(mpath);
	else if (!(path = lede_datapath(DEFAULT_MODEL)))
		eprintf("cannot find %s (%s, or use -m)", DEFAULT_MODEL,
		    lede_datahint());
	if (!(model = lede_ner_load(path, err, sizeof(err))))
		eprintf("%s: %s", path, err);
	/* default: the model's types; the rule-based ones on request */
	keep = lede_ner_keep_default(model);
	if (types) {
		char *tl = estrdup(types), *p, *save = NULL;
		int nt = lede_ner_ntypes(model);

		keep = 0;
		for (p = strtok_r(tl, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
			if (!strcmp(p, "all")) {
				keep = lede_ner_keep_all(model);
				continue;
			}
			if (!strcmp(p, "model")) {
				keep |= lede_ner_keep_default(model);
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
		if (!keep)
			uprintf("--types: no entity type in '%s' (see --list)", types);
	}
	if (list) {
		/* with --types, the types it selects */
		int nt = lede_ner_ntypes(model);

		for (c = 0; c < nt; c++)
			if (!types || keep >> c & 1)
				puts(lede_ner_typename(model, c));
		for (c = 0; c < LEDE_NX_NTYPES; c++)
			if (!types || keep >> (nt + c) & 1)
				puts(lede_nerx_name(c));
		status = fshut(stdout, "<stdout>");
		lede_ner_free(model);
		free(path);
		return status;
	}
	if (eval) {
		status = evaluate(argv + optind, argc - optind, 0);
		status |= fshut(stdout, "<stdout>");
		lede_ner_free(model);
		free(path);
		return status;
	}

	t = lede_ner_stage_new(model, keep);
	status = lede_filter_run(argv + optind, argc - optind, cols_in, 2,
	    cols_out, 1, filter, t, stats);
	lede_ner_stage_free(t);
	lede_ner_free(model);
	free(path);
	return status;
}
