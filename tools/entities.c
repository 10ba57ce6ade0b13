/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "io.h"
#include "report.h"
#include "stage.h"
#include "stream.h"
#include "text.h"
#include "util.h"

/* A partial report read by --merge may be this long. */
#define PARTIAL_MAX ((size_t)1 << 40)

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-f FORMAT] [-n N] [--types LIST] [--corpus]\n"
	    "          [--keep-boilerplate] [FILE...]\n"
	    "       %s --corpus --partial [FILE...]\n"
	    "       %s --merge [--partial | -f FORMAT -n N --types LIST] [FILE...]\n"
	    "Report the named entities of a tagged token stream (an NER column of\n"
	    "BIO tags): one row per entity per document, mentions of one entity\n"
	    "merged, with its canonical name, type, mentions, first offset,\n"
	    "aliases and tone.\n"
	    "\n"
	    "  -f, --format FMT  tsv (default, with a header row), jsonl or text\n"
	    "  -n, --top N       at most N rows per document (or for the corpus),\n"
	    "                    1 to 1000000\n"
	    "      --types LIST  only these types, e.g. PER,ORG (any case)\n"
	    "      --corpus      one report over all documents\n"
	    "      --keep-boilerplate  count the names in disclosure, subscribe,\n"
	    "                    read-more, navigation, copyright, dateline and\n"
	    "                    sign-off lines\n"
	    "      --partial     write a partial corpus report, for --merge\n"
	    "      --merge       read partial reports and print their corpus report\n"
	    "      --stats       print documents, sentences and rows on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM", "NER"};

static LedeFormat format = LEDE_FMT_TSV;
static long top;		/* 0: all */
static char **types;		/* --types, or NULL */
static size_t ntypes;
static LedeTable *table;

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
	enum { O_TYPES = 256, O_CORPUS, O_PARTIAL, O_MERGE, O_STATS, O_HELP, O_VERSION,
		O_KEEP };
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"top", required_argument, NULL, 'n'},
		{"types", required_argument, NULL, O_TYPES},
		{"corpus", no_argument, NULL, O_CORPUS},
		{"keep-boilerplate", no_argument, NULL, O_KEEP},
		{"partial", no_argument, NULL, O_PARTIAL},
		{"merge", no_argument, NULL, O_MERGE},
		{"stats", no_argument, NULL, O_STATS},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	LedeReader *r = NULL;
	LedeEntReport *er = NULL;
	LedeEntCorpus *corp = NULL;
	int c, rc, status = 0, corpus = 0, partial = 0, merging = 0, stats = 0;
	int setfmt = 0, keepboil = 0;

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
			/* as keywords, summarize and lede take it */
			if (lede_strtol(optarg, 1, 1000000, &top) < 0)
				uprintf("-n: expected a number from 1 to 1000000");
			break;
		case O_TYPES:
			parse_types(optarg);
			break;
		case O_CORPUS:
			corpus = 1;
			break;
		case O_KEEP:
			keepboil = 1;
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
	if (merging && keepboil)
		uprintf("--merge takes -f, -n and --types: the partials were made "
		    "with or without --keep-boilerplate (give it to entities "
		    "--corpus --partial)");

	if (corpus)
		corp = lede_entcorpus_new();
	if (merging) {
		status = merge(corp, argv + optind, argc - optind);
	} else {
		LedeSent sent = {0};

		r = lede_reader_open(argv + optind, argc - optind);
		lede_reader_require(r, cols_in, 3);
		if (!partial)
			table = lede_ent_table_new(stdout, format);
		er = lede_ent_report_new(corpus ? NULL : table, format, top, types,
		    ntypes, corp);
		lede_ent_report_keep_boilerplate(er, keepboil);
		/*
		 * Sentence by sentence, keeping only the mentions of the
		 * document; a damaged document is dropped whole.
		 */
		for (;;) {
			rc = lede_read_sent(r, &sent);
			if (rc < 0) {
				if (lede_ent_report_indoc(er) && !lede_reader_error_newdoc(r)) {
					weprintf("%s (document %s skipped)",
					    lede_reader_error(r),
					    lede_ent_report_docid(er));
					lede_ent_report_drop(er);
				} else {
					const char *id = lede_reader_error_id(r, &sent);

					lede_ent_report_finish(er);
					if (id)
						weprintf("%s (document %s skipped)",
						    lede_reader_error(r), id);
					else
						weprintf("%s", lede_reader_error(r));
				}
				status = 1;
				continue;
			}
			if (rc == 0)
				break;
			if (lede_ent_report_add(er, &sent) < 0) {
				weprintf("%s (document %s skipped)",
				    lede_ent_report_error(er),
				    lede_ent_report_docid(er));
				status = 1;
				continue;
			}
			if (table && format != LEDE_FMT_TEXT && ferror(stdout))
				break;
		}
		lede_ent_report_finish(er);
		lede_sent_free(&sent);
	}
	if (partial) {
		lede_entcorpus_write(corp, stdout);
	} else if (corpus) {
		if (!table)
			table = lede_ent_table_new(stdout, format);
		if (!er)
			er = lede_ent_report_new(NULL, format, top, types, ntypes, corp);
		lede_ent_report_corpus(er, table);
	}
	if (table)
		lede_table_flush(table);
	if (stats) {
		if (r)
			fprintf(stderr, "%s: %lu documents, %lu sentences in; %lu rows out\n",
			    argv0, lede_reader_ndocs(r), lede_reader_nsents(r),
			    er ? lede_ent_report_rows(er) : 0);
		else
			fprintf(stderr, "%s: %lu rows out\n", argv0,
			    er ? lede_ent_report_rows(er) : 0);
	}
	status |= fshut(stdout, "<stdout>");
	lede_table_free(table);
	lede_reader_free(r);
	lede_entcorpus_free(corp);
	free(types);
	lede_ent_report_free(er);
	return status;
}
