/* libFuzzer harness: the parsers of keywords' outside input (df tables,
 * word lists, corpus partials).  A partial that parses writes back to a
 * partial that parses to the same statistics. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"
#include "keyphrase.h"
#include "kwcorpus.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	char err[256];
	LedeDf *df;
	LedeKp *kp;
	LedeKwCorpus *c, *c2;

	if ((df = lede_df_parse(buf, size, err, sizeof(err)))) {
		(void)lede_df_idf(df, "a", 1);
		lede_df_free(df);
	}
	kp = lede_kp_new(NULL);
	(void)lede_kp_load_pos(kp, buf, size, err, sizeof(err));
	(void)lede_kp_load_stop(kp, buf, size, err, sizeof(err));
	lede_kp_free(kp);

	c = lede_kwc_new();
	if (lede_kwc_parse(c, buf, size, err, sizeof(err)) == 0) {
		char *out = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&out, &len);
		const LedeKwRow *r1, *r2;
		size_t n1, n2;

		lede_kwc_write(c, fp);
		fclose(fp);
		c2 = lede_kwc_new();
		if (lede_kwc_parse(c2, out, len, err, sizeof(err)) != 0)
			__builtin_trap();
		n1 = lede_kwc_rank(c, &r1);
		n2 = lede_kwc_rank(c2, &r2);
		if (n1 != n2)
			__builtin_trap();
		for (size_t i = 0; i < n1; i++)
			if (r1[i].score != r2[i].score || r1[i].docs != r2[i].docs ||
			    r1[i].count != r2[i].count)
				__builtin_trap();
		lede_kwc_free(c2);
		free(out);
	}
	lede_kwc_free(c);
	return 0;
}
