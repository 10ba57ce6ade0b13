/* libFuzzer harness: the JSON Lines member picker and the JSON string writer. */
#include <stdint.h>
#include <string.h>

#include "json.h"
#include "text.h"

static const char *keys[] = {"id", "title", "text"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	LedeBuf v[3] = {{0}}, out = {0};
	int found[3], k;
	char err[256];

	if (lede_json_pick((const char *)data, size, keys, 3, v, found, err, sizeof(err)) == 0) {
		for (k = 0; k < 3; k++) {
			if (!found[k])
				continue;
			/* what comes out must be valid UTF-8 and round-trip as JSON */
			if (lede_utf8_check(v[k].p, v[k].len) != v[k].len)
				__builtin_trap();
			lede_buf_clear(&out);
			lede_buf_adds(&out, "{\"text\": ");
			lede_json_buf(&out, v[k].p, v[k].len);
			lede_buf_addc(&out, '}');
			{
				LedeBuf back[3] = {{0}};
				int f2[3];

				if (lede_json_pick(out.p, out.len, keys, 3, back, f2, err, sizeof(err)) != 0 ||
				    !f2[2] || back[2].len != v[k].len ||
				    memcmp(back[2].p, v[k].p, v[k].len))
					__builtin_trap();
				for (int j = 0; j < 3; j++)
					lede_buf_free(&back[j]);
			}
		}
	}
	for (k = 0; k < 3; k++)
		lede_buf_free(&v[k]);
	lede_buf_free(&out);
	return 0;
}
