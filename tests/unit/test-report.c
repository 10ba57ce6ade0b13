/* lib/report: TSV escaping round-trips, rejects what it never writes. */
#include <string.h>

#include "check.h"
#include "report.h"

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
	return check_done();
}
