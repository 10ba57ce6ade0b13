/* libFuzzer harness: the token stream reader and writer, by sentence and by document. */
#include <stdint.h>
#include <stdio.h>

#include "stream.h"

static const char *req[] = {"ID", "FORM"};
static const char *out[] = {"FUZZ"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in, *sink;
	LedeReader *r;
	LedeWriter *w;
	LedeSent s = {0};
	LedeDoc d = {0};
	size_t i, j;
	int rc, pass;

	sink = fopen("/dev/null", "w");
	for (pass = 0; pass < 2; pass++) {
		if (!(in = fmemopen((void *)data, size ? size : 1, "r")))
			break;
		if (!size)
			getc(in);	/* fmemopen refuses size 0: read past the one byte */
		r = lede_reader_open_fp(in, "<fuzz>");
		lede_reader_require(r, req, 2);
		lede_reader_outcols(r, out, 1);
		w = lede_writer_new(sink);
		if (pass == 0) {
			while ((rc = lede_read_sent(r, &s)) != 0) {
				if (rc < 0) {
					(void)lede_reader_error(r);
					continue;
				}
				for (i = 0; i < s.ntok; i++)
					lede_sent_set(&s, i, 0, lede_field(&s, i, 0), 1);
				(void)lede_sent_meta(&s, "text", NULL);
				lede_sent_setmeta(&s, "fuzz", "1");
				lede_write_sent(w, &s);
			}
		} else {
			while ((rc = lede_read_doc(r, &d)) != 0) {
				if (rc < 0)
					continue;
				for (i = 0; i < d.nsent; i++) {
					for (j = 0; j < d.sent[i].ntok; j++)
						lede_sent_set(&d.sent[i], j, 0, "x", 1);
					lede_write_sent(w, &d.sent[i]);
				}
			}
		}
		lede_write_header(w, r);
		lede_writer_free(w);
		lede_reader_free(r);
		fclose(in);
	}
	lede_sent_free(&s);
	lede_doc_free(&d);
	if (sink)
		fclose(sink);
	return 0;
}
