/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "io.h"
#include "report.h"
#include "stage.h"
#include "stream.h"
#include "tone.h"
#include "util.h"

/* A partial report larger than this is refused. */
#define PARTIAL_MAX ((size_t)1 << 30)

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-f tsv|jsonl|text] [-w WIDTH] [--corpus] [FILE...]\n"
	    "       %s --by-entity [-f FORMAT] [--keep-boilerplate] [FILE...]\n"
	    "       %s --partial [--corpus] [--by-entity [--keep-boilerplate]] [FILE...]\n"
	    "       %s --merge [-f FORMAT] [--by-entity] [PARTIAL...]\n"
	    "Report the tone of each document of a stream scored by sentiment:\n"
	    "score, GDELT-style tone, the share of positive and negative words,\n"
	    "and the most positive and most negative sentence.\n"
	    "\n"
	    "  -f, --format FMT  tsv (default), jsonl or text (a tone arc)\n"
	    "      --corpus      one report for the whole input\n"
	    "      --by-entity   the mean tone of the sentences that mention each\n"
	    "                    entity, merged as entities --corpus merges them\n"
	    "      --keep-boilerplate  with --by-entity, count the names in\n"
	    "                    disclosure, subscribe, read-more, navigation,\n"
	    "                    copyright, dateline and sign-off lines too\n"
	    "      --partial     write mergeable statistics (for --merge); with\n"
	    "                    --by-entity, the entities' too\n"
	    "      --merge       read partial reports and print the --corpus (or\n"
	    "                    --by-entity) report of all of them\n"
	    "  -w, --width N     width of the tone arcs of -f text, one report a\n"
	    "                    document (default: the terminal's, or 80)\n"
	    "      --stats       print documents and sentences read on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0, argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM", "SENT"};

static LedeFormat fmt = LEDE_FMT_TSV;
static int width;

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
		{"keep-boilerplate", no_argument, NULL, 'K'},
		{"partial", no_argument, NULL, 'p'},
		{"merge", no_argument, NULL, 'M'},
		{"width", required_argument, NULL, 'w'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c, status = 0, corpus = 0, byent = 0, partial = 0, domerge = 0;
	int stats = 0, keepboil = 0, fmtset = 0;
	const char *mode;
	long v;
	LedeReader *r;
	LedeDoc d = {0};
	LedeTone t;
	LedeToneReport *tr;
	struct winsize ws;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:w:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (lede_format_parse(optarg, &fmt) < 0)
				uprintf("unknown format '%s' (tsv, jsonl or text)", optarg);
			fmtset = 1;
			break;
		case 'c':
			corpus = 1;
			break;
		case 'e':
			byent = 1;
			break;
		case 'K':
			keepboil = 1;
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
	/* options that would do nothing, silently: say so */
	if (corpus && byent && !partial)
		uprintf("--corpus and --by-entity exclude each other (the entity "
		    "report is over the whole input already)");
	if (keepboil && !byent)
		uprintf("--keep-boilerplate needs --by-entity (the tone of a "
		    "document counts every sentence)");
	if (keepboil && domerge)
		uprintf("--merge takes -f and --by-entity: the partials were made "
		    "with or without --keep-boilerplate (give it to tone --partial)");
	if (partial && fmtset)
		uprintf("--partial writes statistics, not a report: -f applies to "
		    "tone --merge");
	mode = domerge ? "--merge" : partial ? "--partial" : byent ?
	    "--by-entity" : corpus ? "--corpus" : NULL;
	if (width && mode)
		uprintf("-w and %s exclude each other (-w is the width of the "
		    "tone arcs of -f text, one report a document)", mode);
	if (width && fmt != LEDE_FMT_TEXT)
		uprintf("-w needs -f text (the width of its tone arcs)");
	if (stats && domerge)
		uprintf("--stats counts the token stream read: --merge reads "
		    "partials");
	if (!width) {
		width = 80;
		if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
		    ws.ws_col >= 20)
			width = ws.ws_col;
	}
	lede_tone_init(&t);

	if (domerge) {
		t.needents = byent;
		status = merge(argv + optind, argc - optind, &t);
		if (byent && !t.hasents) {
			/* each partial without entities was named already */
			if (!status)
				weprintf("the partials hold no entities (make them with tone --partial --by-entity)");
			status = 1;
		} else if (byent)
			lede_tone_print_entities(stdout, fmt, &t);
		else
			lede_tone_print_corpus(stdout, fmt, &t);
		status |= fshut(stdout, "<stdout>");
		lede_tone_free(&t);
		return status;
	}

	r = lede_reader_open(argv + optind, argc - optind);
	lede_reader_require(r, cols_in, 3);
	tr = lede_tone_report_new(&t, !corpus && !partial && !byent ? stdout : NULL,
	    fmt, width, byent);
	lede_tone_report_keep_boilerplate(tr, keepboil);
	while (lede_next_doc(r, &d, &status)) {
		if (lede_tone_report_doc(tr, &d) < 0) {
			weprintf("%s", lede_tone_report_error(tr));
			status = 1;
			continue;
		}
		if (ferror(stdout))
			break;
	}
	if (partial) {
		lede_tone_write_partial(stdout, &t);
	} else if (byent) {
		lede_tone_print_entities(stdout, fmt, &t);
	} else if (corpus) {
		lede_tone_print_corpus(stdout, fmt, &t);
	} else {
		lede_tone_report_flush(tr);
	}
	if (stats)
		fprintf(stderr, "%s: %s\n", argv0, lede_stats_text(r, NULL, lede_table_rows()));
	status |= fshut(stdout, "<stdout>");
	lede_tone_report_free(tr);
	lede_reader_free(r);
	lede_doc_free(&d);
	lede_tone_free(&t);
	return status;
}
