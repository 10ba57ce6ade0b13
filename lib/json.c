/* See LICENSE file for copyright and license details. */
#include <string.h>

#include "json.h"
#include "text.h"

typedef struct {
	const char *s;
	size_t n, i;
	char *err;
	size_t errlen;
} P;

static int
perr(P *p, const char *what)
{
	snprintf(p->err, p->errlen, "column %zu: %s", p->i + 1, what);
	return -1;
}

static void
ws(P *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\r' || p->s[p->i] == '\n'))
		p->i++;
}

static int
hex4(P *p, unsigned *v)
{
	unsigned x = 0;
	int k;

	if (p->n - p->i < 4)
		return perr(p, "truncated \\u escape");
	for (k = 0; k < 4; k++) {
		char c = p->s[p->i + (size_t)k];

		x <<= 4;
		if (c >= '0' && c <= '9')
			x |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			x |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			x |= (unsigned)(c - 'A' + 10);
		else
			return perr(p, "bad hex digit in \\u escape");
	}
	p->i += 4;
	*v = x;
	return 0;
}

/* A string at p->i (the opening quote); unescaped into out when not NULL. */
static int
string(P *p, LedeBuf *out)
{
	char enc[4];
	unsigned u, lo;
	int32_t cp;
	int len;

	p->i++;
	for (;;) {
		size_t start = p->i;
		unsigned char c;

		/* copy the plain run in one go */
		while (p->i < p->n && p->s[p->i] != '"' && p->s[p->i] != '\\' &&
		    (unsigned char)p->s[p->i] >= 0x20)
			p->i++;
		if (out && p->i > start)
			lede_buf_add(out, p->s + start, p->i - start);
		if (p->i >= p->n)
			return perr(p, "unterminated string");
		c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			return 0;
		}
		if (c < 0x20)
			return perr(p, "control character in string");
		/* a backslash */
		if (++p->i >= p->n)
			return perr(p, "unterminated string");
		c = (unsigned char)p->s[p->i++];
		switch (c) {
		case '"': case '\\': case '/':
			if (out)
				lede_buf_addc(out, c);
			break;
		case 'b': if (out) lede_buf_addc(out, '\b'); break;
		case 'f': if (out) lede_buf_addc(out, '\f'); break;
		case 'n': if (out) lede_buf_addc(out, '\n'); break;
		case 'r': if (out) lede_buf_addc(out, '\r'); break;
		case 't': if (out) lede_buf_addc(out, '\t'); break;
		case 'u':
			if (hex4(p, &u) < 0)
				return -1;
			cp = (int32_t)u;
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (p->n - p->i >= 6 && p->s[p->i] == '\\' &&
				    p->s[p->i + 1] == 'u') {
					size_t save = p->i;

					p->i += 2;
					if (hex4(p, &lo) < 0)
						return -1;
					if (lo >= 0xDC00 && lo <= 0xDFFF) {
						cp = 0x10000 + (int32_t)(((u - 0xD800) << 10) | (lo - 0xDC00));
					} else {
						cp = 0xFFFD;
						p->i = save;
					}
				} else {
					cp = 0xFFFD;
				}
			} else if (u >= 0xDC00 && u <= 0xDFFF) {
				cp = 0xFFFD;
			}
			if (out) {
				len = lede_utf8_encode(cp, enc);
				lede_buf_add(out, enc, (size_t)len);
			}
			break;
		default:
			p->i--;
			return perr(p, "bad escape in string");
		}
	}
}

static int
number(P *p)
{
	size_t start = p->i;

	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '0') {
		p->i++;
	} else if (p->i < p->n && p->s[p->i] >= '1' && p->s[p->i] <= '9') {
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	} else {
		return perr(p, "bad number");
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return perr(p, "bad number");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return perr(p, "bad number");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	(void)start;
	return 0;
}

static int
literal(P *p, const char *word)
{
	size_t n = strlen(word);

	if (p->n - p->i < n || memcmp(p->s + p->i, word, n))
		return perr(p, "unexpected character");
	p->i += n;
	return 0;
}

/* Any value, validated and skipped. */
static int
value(P *p, int depth)
{
	if (depth > LEDE_JSON_DEPTH)
		return perr(p, "nesting too deep");
	ws(p);
	if (p->i >= p->n)
		return perr(p, "unexpected end of line");
	switch (p->s[p->i]) {
	case '"':
		return string(p, NULL);
	case '{':
		p->i++;
		ws(p);
		if (p->i < p->n && p->s[p->i] == '}') {
			p->i++;
			return 0;
		}
		for (;;) {
			ws(p);
			if (p->i >= p->n || p->s[p->i] != '"')
				return perr(p, "expected a member name");
			if (string(p, NULL) < 0)
				return -1;
			ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return perr(p, "expected ':'");
			p->i++;
			if (value(p, depth + 1) < 0)
				return -1;
			ws(p);
			if (p->i < p->n && p->s[p->i] == ',') {
				p->i++;
				continue;
			}
			if (p->i < p->n && p->s[p->i] == '}') {
				p->i++;
				return 0;
			}
			return perr(p, "expected ',' or '}'");
		}
	case '[':
		p->i++;
		ws(p);
		if (p->i < p->n && p->s[p->i] == ']') {
			p->i++;
			return 0;
		}
		for (;;) {
			if (value(p, depth + 1) < 0)
				return -1;
			ws(p);
			if (p->i < p->n && p->s[p->i] == ',') {
				p->i++;
				continue;
			}
			if (p->i < p->n && p->s[p->i] == ']') {
				p->i++;
				return 0;
			}
			return perr(p, "expected ',' or ']'");
		}
	case 't':
		return literal(p, "true");
	case 'f':
		return literal(p, "false");
	case 'n':
		return literal(p, "null");
	default:
		return number(p);
	}
}

int
lede_json_pick(const char *line, size_t len, const char **keys, int nkeys,
    LedeBuf *vals, int *found, char *err, size_t errlen)
{
	P p = {line, len, 0, err, errlen};
	LedeBuf key = {0};
	size_t bad;
	int k, rc = -1;

	for (k = 0; k < nkeys; k++) {
		found[k] = 0;
		lede_buf_clear(&vals[k]);
	}
	if ((bad = lede_utf8_check(line, len)) != len) {
		p.i = bad;
		return perr(&p, "invalid UTF-8");
	}
	ws(&p);
	if (p.i >= p.n || p.s[p.i] != '{') {
		perr(&p, "not a JSON object");
		goto out;
	}
	p.i++;
	ws(&p);
	if (p.i < p.n && p.s[p.i] == '}') {
		p.i++;
		goto end;
	}
	for (;;) {
		ws(&p);
		if (p.i >= p.n || p.s[p.i] != '"') {
			perr(&p, "expected a member name");
			goto out;
		}
		lede_buf_clear(&key);
		lede_buf_grow(&key, 16);
		if (string(&p, &key) < 0)
			goto out;
		ws(&p);
		if (p.i >= p.n || p.s[p.i] != ':') {
			perr(&p, "expected ':'");
			goto out;
		}
		p.i++;
		ws(&p);
		for (k = 0; k < nkeys; k++)
			if (strlen(keys[k]) == key.len && !memcmp(keys[k], key.p, key.len))
				break;
		if (k < nkeys && p.i < p.n) {
			size_t start = p.i;
			char c = p.s[p.i];

			if (c == '"') {
				lede_buf_clear(&vals[k]);
				lede_buf_grow(&vals[k], 16);
				if (string(&p, &vals[k]) < 0)
					goto out;
				found[k] = 1;
			} else if (c == '{' || c == '[') {
				snprintf(err, errlen, "column %zu: member \"%s\" is not a string",
				    p.i + 1, keys[k]);
				goto out;
			} else {
				if (value(&p, 1) < 0)
					goto out;
				lede_buf_clear(&vals[k]);
				if (c != 'n') {
					lede_buf_add(&vals[k], p.s + start, p.i - start);
					found[k] = 1;
				} else {
					found[k] = 0;
				}
			}
		} else if (value(&p, 1) < 0) {
			goto out;
		}
		if (k < nkeys) {
			/* a name asked for twice (--id-field title): both get it */
			int j;

			for (j = k + 1; j < nkeys; j++) {
				if (strcmp(keys[j], keys[k]))
					continue;
				lede_buf_clear(&vals[j]);
				lede_buf_add(&vals[j], vals[k].p, vals[k].len);
				found[j] = found[k];
			}
		}
		ws(&p);
		if (p.i < p.n && p.s[p.i] == ',') {
			p.i++;
			continue;
		}
		if (p.i < p.n && p.s[p.i] == '}') {
			p.i++;
			break;
		}
		perr(&p, "expected ',' or '}'");
		goto out;
	}
end:
	ws(&p);
	if (p.i != p.n) {
		perr(&p, "text after the object");
		goto out;
	}
	rc = 0;
out:
	lede_buf_free(&key);
	return rc;
}

static const char hexdig[] = "0123456789abcdef";

void
lede_json_buf(LedeBuf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	lede_buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[7];
		const char *e = NULL;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		switch (c) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		default:
			esc[0] = '\\'; esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
			esc[4] = hexdig[c >> 4]; esc[5] = hexdig[c & 15]; esc[6] = '\0';
			e = esc;
		}
		lede_buf_add(b, s + start, i - start);
		lede_buf_adds(b, e);
		start = i + 1;
	}
	lede_buf_add(b, s + start, n - start);
	lede_buf_addc(b, '"');
}

void
lede_json_str(FILE *fp, const char *s, size_t n)
{
	static LedeBuf b;

	lede_buf_clear(&b);
	lede_json_buf(&b, s, n);
	fwrite(b.p, 1, b.len, fp);
}
