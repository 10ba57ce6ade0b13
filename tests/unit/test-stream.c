/* lib/stream: reading, pass-through, replacing columns, documents, errors. */
#include <string.h>

#include "check.h"
#include "stream.h"

static char *
run(const char *input, const char **outcols, int nout, int docs, LedeBuf *errs)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	char *files[] = {"-"};
	LedeReader *r;
	LedeWriter *w;
	LedeSent s = {0};
	LedeDoc d = {0};
	int rc;
	size_t i, j;

	stdin = in;
	r = lede_reader_open(files, 1);
	lede_reader_require(r, (const char *[]){"ID", "FORM"}, 2);
	lede_reader_outcols(r, outcols, nout);
	w = lede_writer_new(out);
	if (docs) {
		while ((rc = lede_read_doc(r, &d)) != 0) {
			if (rc < 0) {
				lede_buf_printf(errs, "%s\n", lede_reader_error(r));
				continue;
			}
			lede_buf_printf(errs, "doc %s %zu\n", d.id, d.nsent);
			for (i = 0; i < d.nsent; i++) {
				for (j = 0; j < d.sent[i].ntok; j++)
					lede_sent_set(&d.sent[i], j, 0, "x", 1);
				lede_write_sent(w, &d.sent[i]);
			}
		}
	} else {
		while ((rc = lede_read_sent(r, &s)) != 0) {
			if (rc < 0) {
				lede_buf_printf(errs, "%s\n", lede_reader_error(r));
				continue;
			}
			for (j = 0; j < s.ntok; j++)
				lede_sent_set(&s, j, 0, lede_field(&s, j, lede_sent_col(&s, "FORM")), 1);
			lede_write_sent(w, &s);
		}
	}
	lede_write_header(w, r);
	lede_writer_free(w);
	lede_reader_free(r);
	lede_sent_free(&s);
	lede_doc_free(&d);
	fclose(out);
	fclose(in);
	return buf;
}

int
main(void)
{
	const char *cols[] = {"NEW"};
	LedeBuf errs = {0};
	char *out;

	/* pass-through, appended column */
	out = run("# global.columns = ID FORM\n# newdoc id = a\n# x = y\n1\tab\n2\tcd\n\n", cols, 1, 0, &errs);
	check(!strcmp(out, "# global.columns = ID FORM NEW\n# newdoc id = a\n# x = y\n1\tab\ta\n2\tcd\tc\n\n"), "%s", out);
	free(out);

	/* an existing column is replaced in place */
	out = run("# global.columns = ID NEW FORM\n1\told\tab\n\n", cols, 1, 0, &errs);
	check(!strcmp(out, "# global.columns = ID NEW FORM\n1\ta\tab\n\n"), "%s", out);
	free(out);

	/* repeated identical header is dropped, a changed one is passed on */
	out = run("# global.columns = ID FORM\n1\ta\n\n# global.columns = ID FORM\n1\tb\n\n"
	    "# global.columns = ID FORM X\n1\tc\tz\n\n", cols, 1, 0, &errs);
	check(!strcmp(out, "# global.columns = ID FORM NEW\n1\ta\ta\n\n1\tb\tb\n\n"
	    "# global.columns = ID FORM X NEW\n1\tc\tz\tc\n\n"), "%s", out);
	free(out);

	/* header only, empty input */
	out = run("# global.columns = ID FORM\n", cols, 1, 0, &errs);
	check(!strcmp(out, "# global.columns = ID FORM NEW\n"), "%s", out);
	free(out);
	out = run("", cols, 1, 0, &errs);
	check(!strcmp(out, ""), "%s", out);
	free(out);

	/* errors: the damaged document is skipped, the next one is read */
	lede_buf_clear(&errs);
	out = run("# global.columns = ID FORM\n# newdoc id = a\n1\ta\n\n1\tb\tc\n\n1\td\n\n# newdoc id = b\n1\te\n\n",
	    cols, 1, 0, &errs);
	check(!strcmp(out, "# global.columns = ID FORM NEW\n# newdoc id = a\n1\ta\ta\n\n# newdoc id = b\n1\te\te\n\n"), "%s", out);
	check(!strcmp(errs.p, "<stdin>:5: 3 columns, but the header names 2\n"), "%s", errs.p);
	free(out);

	lede_buf_clear(&errs);
	out = run("# global.columns = ID\n1\n\n", cols, 1, 0, &errs);
	check(!strcmp(errs.p, "<stdin>:2: no FORM column in the header at line 1; run tokenize first\n"),
	    "%s", errs.p);
	check(!strcmp(out, ""), "%s", out);
	free(out);
	/* one error a document, by its id, under a header that lacks a column */
	lede_buf_clear(&errs);
	out = run("# global.columns = ID\n# newdoc id = a\n1\n\n1\n\n# newdoc id = b\n1\n\n",
	    cols, 1, 1, &errs);
	check(!strcmp(errs.p, "<stdin>:2: no FORM column in the header at line 1; run tokenize first (document a skipped)\n"
	    "<stdin>:7: no FORM column in the header at line 1; run tokenize first (document b skipped)\n"),
	    "%s", errs.p);
	check(!strcmp(out, ""), "%s", out);
	free(out);
	lede_buf_clear(&errs);
	out = run("# global.columns = ID\n", cols, 1, 1, &errs);
	check(!strcmp(errs.p, "<stdin>:1: no FORM column in the header; run tokenize first\n"),
	    "%s", errs.p);
	free(out);
	lede_buf_clear(&errs);
	out = run("# global.columns = ID FORM\n1\ta\n# late\n\n", cols, 1, 0, &errs);
	check(strstr(errs.p, "<stdin>:3: comment inside a sentence"), "%s", errs.p);
	free(out);

	/* documents, with the lookahead sentence carried over */
	lede_buf_clear(&errs);
	out = run("# global.columns = ID FORM\n# newdoc id = a\n1\ta\n\n1\tb\n\n# newdoc id = b\n1\tc\n\n"
	    "# newdoc id = c\n1\td\n\n1\tbad\tx\n\n# newdoc id = d\n1\te\n\n", cols, 1, 1, &errs);
	check(!strcmp(errs.p, "doc a 2\ndoc b 1\n<stdin>:13: 3 columns, but the header names 2 (document c skipped)\ndoc d 1\n"),
	    "%s", errs.p);
	check(!strcmp(out, "# global.columns = ID FORM NEW\n# newdoc id = a\n1\ta\tx\n\n1\tb\tx\n\n"
	    "# newdoc id = b\n1\tc\tx\n\n# newdoc id = d\n1\te\tx\n\n"), "%s", out);
	free(out);

	/* metadata */
	{
		LedeSent s = {0};
		char line[] = "# text = hello";
		const char *v;
		size_t n;

		s.comment = malloc(sizeof(char *));
		s.ccomment = 1;
		s.comment[s.ncomment++] = line;
		v = lede_sent_meta(&s, "text", &n);
		check(v && n == 5 && !strcmp(v, "hello"), "meta");
		lede_sent_setmeta(&s, "sentiment", "0.5");
		lede_sent_setmeta(&s, "sentiment", "-0.25");
		check(s.ncomment == 2 && !strcmp(s.comment[1], "# sentiment = -0.25"), "setmeta %s", s.comment[1]);
		lede_sent_free(&s);
	}

	lede_buf_free(&errs);
	return check_done();
}
