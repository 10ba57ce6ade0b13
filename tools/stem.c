/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "stream.h"
#include "text.h"
#include "util.h"

/* The cache of stems by form is dropped when it grows past this. */
#define CACHE_MAX 1000000

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-l LANG] [FILE...]\n"
	    "       %s --list\n"
	    "Add a STEM column to a token stream: the Snowball stem of each\n"
	    "token's lower-cased FORM.\n"
	    "\n"
	    "  -l, --lang LANG   stemmer language (default english; see --list)\n"
	    "      --list        print the available languages, one a line\n"
	    "      --stats       print documents and sentences read on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM"};
static const char *cols_out[] = {"STEM"};

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"lang", required_argument, NULL, 'l'},
		{"list", no_argument, NULL, 'L'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *lang = "english";
	const char **list;
	struct sb_stemmer *st;
	LedeReader *r;
	LedeWriter *w;
	LedeSent s = {0};
	LedeDict *cache;
	LedeBuf stems = {0}, low = {0};
	size_t *off = NULL, noff = 0, coff = 0, i;
	int c, rc, status = 0, formcol = -1, stats = 0;
	unsigned gen = 0;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			lang = optarg;
			break;
		case 'L':
			for (list = sb_stemmer_list(); *list; list++)
				puts(*list);
			return fshut(stdout, "<stdout>");
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
	if (!(st = sb_stemmer_new(lang, "UTF_8")))
		uprintf("unknown language '%s' (see --list)", lang);

	cache = lede_dict_new();
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
		}
		for (i = 0; i < s.ntok; i++) {
			const char *form = lede_field(&s, i, formcol);
			size_t n = strlen(form), slen;
			const char *stem;
			int added;
			long id = lede_dict_put(cache, form, n, &added);

			if (added) {
				lede_buf_clear(&low);
				lede_lower(&low, form, n);
				if (lede_hasletter(low.p, low.len)) {
					stem = (const char *)sb_stemmer_stem(st,
					    (const sb_symbol *)low.p, (int)low.len);
					if (!stem)
						eprintf("out of memory in the stemmer");
					slen = (size_t)sb_stemmer_length(st);
				} else {
					stem = low.p;
					slen = low.len;
				}
				if (noff == coff) {
					coff = coff ? coff * 2 : 1024;
					off = ereallocarray(off, coff, sizeof(*off));
				}
				off[noff++] = stems.len;
				lede_buf_add(&stems, stem, slen);
				lede_buf_addc(&stems, '\0');
			}
			stem = stems.p + off[id];
			lede_sent_set(&s, i, 0, stem, strlen(stem));
		}
		if (lede_write_sent(w, &s) < 0)
			break;
		if (lede_dict_size(cache) > CACHE_MAX) {
			lede_dict_free(cache);
			cache = lede_dict_new();
			lede_buf_clear(&stems);
			noff = 0;
		}
	}
	lede_write_header(w, r);
	if (stats)
		fprintf(stderr, "%s: %s\n", argv0, lede_stats_text(r, w, -1));
	status |= fshut(stdout, "<stdout>");
	lede_writer_free(w);
	lede_reader_free(r);
	lede_sent_free(&s);
	lede_dict_free(cache);
	lede_buf_free(&stems);
	lede_buf_free(&low);
	free(off);
	sb_stemmer_delete(st);
	return status;
}
