/*
 * libFuzzer harness: the tone partial-report reader
 * (lede_tone_read_partial).  What it accepted is written back and must
 * read again without error, to the same statistics.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tone.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	LedeTone t, u;
	LedeBuf err = {0};
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	lede_tone_init(&t);
	lede_tone_init(&u);
	if (lede_tone_read_partial(&t, (const char *)data, size, "<fuzz>", &err) < 0 &&
	    (!err.p || !err.len))
		abort();	/* an error always has a reason */
	if (!(fp = open_memstream(&out, &outlen)))
		abort();
	if (lede_tone_write_partial(fp, &t) < 0)
		abort();
	fclose(fp);
	if (lede_tone_read_partial(&u, out, outlen, "<again>", &err) < 0)
		abort();	/* what we write, we read */
	if (u.all.docs != t.all.docs || u.all.sents != t.all.sents ||
	    u.all.scoresum != t.all.scoresum || u.all.pos != t.all.pos ||
	    u.all.neg != t.all.neg || u.all.words != t.all.words)
		abort();
	free(out);
	lede_tone_free(&t);
	lede_tone_free(&u);
	lede_buf_free(&err);
	return 0;
}
