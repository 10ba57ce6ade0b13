/*
 * libFuzzer harness: CoNLL-U into the token stream.  Whatever the input,
 * the converter must not crash, and what it writes must be a valid
 * stream: read back with the stream reader, without errors.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "segment.h"
#include "stream.h"

static const char *req[] = {"ID", "FORM"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	LedeConllu *c = lede_conllu_new("fuzz");
	LedeBuf out = {0};
	LedeSent s = {0};
	LedeReader *r;
	FILE *in;
	const char *p = (const char *)data, *end = p + size, *nl;
	char err[512];
	unsigned long line = 0;
	int rc;

	lede_buf_adds(&out, "# global.columns = ID FORM START END LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC\n");
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		lede_conllu_line(c, p, (size_t)(nl - p), ++line, &out, err, sizeof(err));
		p = nl + 1;
	}
	lede_conllu_end(c, &out, err, sizeof(err));
	lede_conllu_free(c);
	if ((in = fmemopen(out.p, out.len, "r"))) {
		r = lede_reader_open_fp(in, "<fuzz>");
		lede_reader_require(r, req, 2);
		while ((rc = lede_read_sent(r, &s)) != 0)
			if (rc < 0)
				__builtin_trap();
		lede_reader_free(r);
		lede_sent_free(&s);
		fclose(in);
	}
	lede_buf_free(&out);
	return 0;
}
