/* See LICENSE file for copyright and license details. */
/*
 * libFuzzer harness: the partial-report parser of entities
 * (lede_entcorpus_load); `make fuzz`, seeds in tests/fuzz/corpus-entpartial.
 *
 * Checks: no crash or sanitizer report; a rejected buffer adds nothing
 * (not even its settings line); an accepted one writes a partial that
 * loads again to the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"

static char *
write_partial(LedeEntCorpus *c, size_t *len)
{
	char *p = NULL;
	FILE *fp = open_memstream(&p, len);

	if (!fp)
		abort();
	lede_entcorpus_write(c, fp);
	fclose(fp);
	return p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	LedeEntCorpus *c = lede_entcorpus_new(), *c2;
	LedeBuf err = {0};
	const LedeEntity *e;
	char *p, *p2;
	size_t n, n2;

	if (lede_entcorpus_load(c, (const char *)data, size, "fuzz", &err) < 0) {
		p = write_partial(c, &n);
		if (n != strlen("# lede-partial entities 3\n# settings keep-boilerplate=no\n"))
			abort();	/* a rejected buffer added something */
		free(p);
	} else {
		(void)lede_entcorpus_result(c, &e);
		p = write_partial(c, &n);
		c2 = lede_entcorpus_new();
		if (lede_entcorpus_load(c2, p, n, "again", &err) < 0)
			abort();	/* our own output must load */
		p2 = write_partial(c2, &n2);
		if (n != n2 || memcmp(p, p2, n))
			abort();
		free(p2);
		free(p);
		lede_entcorpus_free(c2);
	}
	lede_entcorpus_free(c);
	lede_buf_free(&err);
	return 0;
}
