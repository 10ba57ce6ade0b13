/* lib/text and lib/util: UTF-8 decoding, classes, case, dictionaries. */
#include <string.h>

#include "check.h"
#include "text.h"
#include "util.h"

int
main(void)
{
	const char *invalid[] = {
		"\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80",
		"\xf0\x80\x80\xaf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff",
		"\xc3", "\xe2\x82", "\xf0\x9f\x98",
	};
	int32_t cp;
	size_t i;
	LedeBuf b = {0};
	LedeDict *d;
	long v;
	double x;

	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		check(lede_utf8_decode(invalid[i], strlen(invalid[i]), &cp) < 0,
		    "accepted invalid sequence %zu", i);
		check(lede_utf8_check(invalid[i], strlen(invalid[i])) == 0, "check %zu", i);
	}
	check(lede_utf8_decode("\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1F600, "emoji");
	check(lede_utf8_check("abc\xc3\xa9z\xff", 7) == 6, "offset of bad byte");
	check(lede_utf8_count("a\xc3\xa9\xf0\x9f\x98\x80", 7) == 3, "count");

	check(lede_isletter(0x0915) && lede_ismark(0x093F), "devanagari");
	check(lede_isdigit(0x0663) && !lede_isletter('1'), "digits");
	check(lede_isspace(0x00A0) && lede_isspace(0x2029) && !lede_isspace('x'), "spaces");
	check(lede_isemoji(0x1F600) && !lede_isemoji('a'), "emoji class");

	lede_fold(&b, "Stra\xc3\x9f" "e", 7);
	check(!strcmp(b.p, "strasse"), "fold %s", b.p);
	lede_buf_clear(&b);
	lede_lower(&b, "Stra\xc3\x9f" "E", 7);
	check(!strcmp(b.p, "stra\xc3\x9f" "e"), "lower %s", b.p);
	lede_buf_clear(&b);
	lede_lower(&b, "Cafe\xcc\x81", 6);	/* NFD in, NFC out */
	check(!strcmp(b.p, "caf\xc3\xa9"), "nfc %s", b.p);

	d = lede_dict_new();
	for (i = 0; i < 10000; i++) {
		char k[32];

		snprintf(k, sizeof(k), "key%zu", i);
		check(lede_dict_put(d, k, strlen(k), NULL) == (long)i, "put %zu", i);
	}
	check(lede_dict_get(d, "key777", 6) == 777, "get");
	check(lede_dict_get(d, "nokey", 5) == -1, "absent");
	check(lede_dict_size(d) == 10000, "size");
	lede_dict_free(d);

	check(lede_strtol("42", 0, 100, &v) == 0 && v == 42, "strtol");
	check(lede_strtol("42x", 0, 100, &v) < 0, "junk");
	check(lede_strtol("101", 0, 100, &v) < 0, "range");
	check(lede_strtol("", 0, 100, &v) < 0, "empty");
	check(lede_strtod("0.25", 0, 1, &x) == 0 && x == 0.25, "strtod");
	check(lede_strtod("nan", -1, 1, &x) < 0, "nan");

	{
		static const char *const list[] = {"dr", "feb", "march"};

		check(lede_inlist(list, 3, "March", 5) && lede_inlist(list, 3, "FEB.", 4) &&
		    lede_inlist(list, 3, "dr", 2), "in the list");
		check(!lede_inlist(list, 3, "marc", 4) && !lede_inlist(list, 3, ".", 1) &&
		    !lede_inlist(list, 3, "feb..", 5) && !lede_inlist(list, 3, "", 0),
		    "not in the list");
	}

	lede_buf_free(&b);
	return check_done();
}
