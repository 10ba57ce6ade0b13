/* lib/json: picking members, unescaping, rejecting bad lines, writing. */
#include <string.h>

#include "check.h"
#include "json.h"

static const char *keys[] = {"id", "text", "title"};

static int
pick(const char *line, LedeBuf *v, int *found, char *err)
{
	return lede_json_pick(line, strlen(line), keys, 3, v, found, err, 128);
}

int
main(void)
{
	LedeBuf v[3] = {{0}}, out = {0};
	int found[3], rc;
	char err[128];
	const char *bad[] = {
		"", "[]", "{", "{\"id\":}", "{\"id\" 1}", "{\"id\":1,}", "{\"text\":\"a\" x}",
		"{\"text\":\"\\x\"}", "{\"text\":\"\\u12G4\"}", "{\"text\":\"tab\there\"}",
		"{\"text\":\"unterminated}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":tru}",
		"{\"text\":[\"no\"]}", "{\"a\":1} {}", "{\"text\":\"\xff\"}",
	};
	size_t i;

	rc = pick("{\"id\": 42, \"text\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\n\", \"x\": [1, {\"y\": null}]}",
	    v, found, err);
	check(rc == 0, "%s", err);
	check(found[0] && !strcmp(v[0].p, "42"), "id %s", v[0].p);
	check(found[1] && !strcmp(v[1].p, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \n"), "text %s", v[1].p);
	check(!found[2], "title found");

	/* lone surrogates become U+FFFD */
	rc = pick("{\"text\": \"a\\ud800b\\udc00\"}", v, found, err);
	check(rc == 0 && !strcmp(v[1].p, "a\xef\xbf\xbd" "b\xef\xbf\xbd"), "lone %s", v[1].p);
	/* null is absent */
	rc = pick("{\"text\": null, \"id\": \"x\"}", v, found, err);
	check(rc == 0 && !found[1] && found[0], "null");

	/* a key asked for twice gets the value twice (--id-field title) */
	{
		const char *twice[] = {"title", "text", "title"};
		const char *line = "{\"title\": \"T\", \"text\": \"x\"}";

		rc = lede_json_pick(line, strlen(line), twice, 3, v, found, err,
		    sizeof(err));
		check(rc == 0 && found[0] && found[2] && !strcmp(v[0].p, "T") &&
		    !strcmp(v[2].p, "T") && found[1], "twice: %s", err);
	}

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		rc = pick(bad[i], v, found, err);
		check(rc < 0, "accepted %s", bad[i]);
		check(rc >= 0 || !strncmp(err, "column ", 7), "message %s", err);
	}

	/* deep nesting is an error, not a crash */
	{
		LedeBuf deep = {0};

		lede_buf_adds(&deep, "{\"a\":");
		for (i = 0; i < 100000; i++)
			lede_buf_addc(&deep, '[');
		rc = lede_json_pick(deep.p, deep.len, keys, 3, v, found, err, sizeof(err));
		check(rc < 0 && strstr(err, "deep"), "deep: %s", err);
		lede_buf_free(&deep);
	}

	lede_json_buf(&out, "a\"b\\c\n\x01\xc3\xa9", 9);
	check(!strcmp(out.p, "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\""), "escaped %s", out.p);

	for (i = 0; i < 3; i++)
		lede_buf_free(&v[i]);
	lede_buf_free(&out);
	return check_done();
}
