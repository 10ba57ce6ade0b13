/*
 * lib/report: TSV escaping round-trips, rejects what it never writes;
 * numbers print as printf prints them.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "report.h"

/*
 * lede_table_num and lede_table_int against printf: random numbers,
 * halves of the last decimal (where rounding is decided), values about
 * the half unit below which a number prints as 0, huge ones, bit patterns.
 */
static void
numbers(void)
{
	static const char *names[] = {"x"};
	static const LedeColKind kinds[] = {LEDE_COL_NUM};
	char *got = NULL, *exp = NULL;
	size_t ngot = 0, nexp = 0;
	FILE *g = open_memstream(&got, &ngot), *e = open_memstream(&exp, &nexp);
	LedeTable *t;
	uint64_t r = 88172645463325252ULL;
	long i;

	check(g && e, "open_memstream");
	if (!g || !e)
		return;
	t = lede_table_new(g, LEDE_FMT_TSV, names, kinds, 1);
	fprintf(e, "x\n");
	for (i = 0; i < 200000; i++) {
		int d;
		double v, p, ref;
		long long q;
		uint64_t u;

		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		d = (int)(r % 6);
		p = pow(10, d);
		switch ((r >> 8) % 6) {
		case 0:
			v = (double)(int64_t)(r >> 20) / 1e9;
			break;
		case 1:
			v = ((double)(r >> 16 & 0xfffff) - 524288 + 0.5) / p;
			break;
		case 2:
			v = ((double)(r >> 11) / 9007199254740992.0 - 0.5) *
			    pow(10, (int)(r >> 3 & 15) - 6);
			break;
		case 3:
			u = r;
			memcpy(&v, &u, sizeof(v));
			break;
		case 4:
			v = 0.5 / p * (1 + ((int)(r >> 5 & 3) - 1) * 1e-16);
			v = r & 1 ? -v : v;
			break;
		default:
			v = r & 1 ? -0.0 : 1e300 * (r & 2 ? -1 : 1);
			break;
		}
		lede_table_num(t, v, d);
		lede_table_endrow(t);
		ref = isfinite(v) && fabs(v) >= 0.5 * pow(10, -d) ? v : 0;
		fprintf(e, "%.*f\n", d, ref);
		if (i % 4 == 0) {
			q = (long long)(r >> 1) * (r & 4 ? -1 : 1);
			if (r % 16 == 0)
				q = (long long)(r >> 8 & 1023) - 512;
			if (r % 64 == 1)
				q = -9223372036854775807LL - 1;
			lede_table_int(t, q);
			lede_table_endrow(t);
			fprintf(e, "%lld\n", q);
		}
	}
	lede_table_flush(t);
	lede_table_free(t);
	fclose(g);
	fclose(e);
	check(ngot == nexp && !memcmp(got, exp, ngot), "numbers differ from printf's");
	free(got);
	free(exp);
}

int
main(void)
{
	LedeBuf b = {0};
	char s[64], back[256];
	size_t i, n, len;
	unsigned seed = 1;
	int k;

	/* every byte value, in random strings, comes back unchanged */
	for (k = 0; k < 20000; k++) {
		n = (size_t)(k % 64);
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			s[i] = (char)(seed >> 16);
		}
		lede_buf_clear(&b);
		lede_tsv_buf(&b, s, n);
		for (i = 0; i < b.len; i++)
			check((unsigned char)b.p[i] >= 0x20 && b.p[i] != 0x7F, "raw control 0x%02X",
			    (unsigned char)b.p[i]);
		check(lede_tsv_unescape(back, b.p, b.len, &len) == 0, "unescape failed");
		check(len == n && !memcmp(back, s, n), "round trip %d", k);
	}
	lede_buf_clear(&b);
	lede_tsv_buf(&b, "a\tb\\c\nd\x01", 8);
	check(!strcmp(b.p, "a\\tb\\\\c\\nd\\x01"), "escaped %s", b.p);
	check(lede_tsv_unescape(back, "x\\q", 3, NULL) < 0, "\\q accepted");
	check(lede_tsv_unescape(back, "x\\", 2, NULL) < 0, "trailing backslash accepted");
	check(lede_tsv_unescape(back, "\\x4", 3, NULL) < 0, "short \\x accepted");
	check(lede_tsv_unescape(back, "\\x41", 4, NULL) < 0, "\\x41 (not a control) accepted");
	check(lede_tsv_unescape(back, "\\x7F\\x1f", 8, &len) == 0 && len == 2 &&
	    back[0] == 0x7F && back[1] == 0x1F, "control escapes");
	lede_buf_free(&b);
	numbers();
	return check_done();
}
