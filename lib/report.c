/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "json.h"
#include "report.h"
#include "text.h"

/* In the text format, longer cells are cut with an ellipsis. */
#define TEXT_CELL_MAX 60

struct LedeTable {
	FILE *fp;
	LedeFormat fmt;
	const char **names;
	const LedeColKind *kinds;
	int ncols, cell;
	int wrote_header;
	LedeBuf row;		/* TSV/JSONL: the row being built */
	char **cells;		/* text: all cells kept, row-major */
	size_t ncells, ccells;
};

int
lede_format_parse(const char *s, LedeFormat *f)
{
	if (!strcmp(s, "tsv"))
		*f = LEDE_FMT_TSV;
	else if (!strcmp(s, "jsonl") || !strcmp(s, "json"))
		*f = LEDE_FMT_JSONL;
	else if (!strcmp(s, "text"))
		*f = LEDE_FMT_TEXT;
	else
		return -1;
	return 0;
}

void
lede_tsv_buf(LedeBuf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char hex[5];
		const char *e;

		switch (c) {
		case '\\': e = "\\\\"; break;
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		default:
			if (c >= 0x20 && c != 0x7F)
				continue;
			/* other control characters: \xHH, never raw in a report */
			snprintf(hex, sizeof(hex), "\\x%02X", c);
			e = hex;
		}
		lede_buf_add(b, s + start, i - start);
		lede_buf_adds(b, e);
		start = i + 1;
	}
	lede_buf_add(b, s + start, n - start);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int
lede_tsv_unescape(char *dst, const char *s, size_t n, size_t *len)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			dst[o++] = s[i];
			continue;
		}
		if (++i == n)
			return -1;
		switch (s[i]) {
		case '\\': dst[o++] = '\\'; break;
		case 't': dst[o++] = '\t'; break;
		case 'n': dst[o++] = '\n'; break;
		case 'r': dst[o++] = '\r'; break;
		case 'x':
			if (n - i < 3 || (hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				return -1;
			/* only what lede_tsv_buf writes so: control characters */
			if ((hi << 4 | lo) >= 0x20 && (hi << 4 | lo) != 0x7F)
				return -1;
			dst[o++] = (char)(hi << 4 | lo);
			i += 2;
			break;
		default:
			return -1;
		}
	}
	dst[o] = '\0';
	if (len)
		*len = o;
	return 0;
}

void
lede_tsv_field(FILE *fp, const char *s, size_t n)
{
	static LedeBuf b;

	lede_buf_clear(&b);
	lede_tsv_buf(&b, s, n);
	fwrite(b.p, 1, b.len, fp);
}

size_t
lede_display_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	int32_t cp;
	int len, cw;

	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0) {
			i++;
			w++;
			continue;
		}
		cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
		i += (size_t)len;
	}
	return w;
}

LedeTable *
lede_table_new(FILE *fp, LedeFormat fmt, const char **names,
    const LedeColKind *kinds, int ncols)
{
	LedeTable *t = ecalloc(1, sizeof(*t));

	t->fp = fp;
	t->fmt = fmt;
	t->names = names;
	t->kinds = kinds;
	t->ncols = ncols;
	return t;
}

static void
begin_cell(LedeTable *t)
{
	if (t->cell >= t->ncols)
		eprintf("internal error: too many cells in a report row");
	if (t->fmt == LEDE_FMT_TSV && t->cell > 0)
		lede_buf_addc(&t->row, '\t');
	if (t->fmt == LEDE_FMT_JSONL) {
		lede_buf_adds(&t->row, t->cell ? ", " : "{");
		lede_json_buf(&t->row, t->names[t->cell], strlen(t->names[t->cell]));
		lede_buf_adds(&t->row, ": ");
	}
	if (t->fmt == LEDE_FMT_TEXT)
		lede_buf_clear(&t->row);
}

static void
end_cell(LedeTable *t)
{
	if (t->fmt == LEDE_FMT_TEXT) {
		if (t->ncells == t->ccells) {
			t->ccells = t->ccells ? t->ccells * 2 : 64;
			t->cells = ereallocarray(t->cells, t->ccells, sizeof(*t->cells));
		}
		t->cells[t->ncells++] = estrndup(t->row.p ? t->row.p : "", t->row.len);
	}
	t->cell++;
}

void
lede_text_buf(LedeBuf *b, const char *s, size_t n)
{
	size_t i, start = 0, w;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F)
			w = 1;
		else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			w = 2;	/* C1, U+0080..U+009F */
		else
			continue;
		lede_buf_add(b, s + start, i - start);
		lede_buf_addc(b, ' ');
		i += w - 1;
		start = i + 1;
	}
	lede_buf_add(b, s + start, n - start);
}

void
lede_text_field(FILE *fp, const char *s, size_t n)
{
	static LedeBuf b;

	lede_buf_clear(&b);
	lede_text_buf(&b, s, n);
	fwrite(b.p ? b.p : "", 1, b.len, fp);
}

void
lede_table_str(LedeTable *t, const char *s, size_t n)
{
	begin_cell(t);
	switch (t->fmt) {
	case LEDE_FMT_TSV: lede_tsv_buf(&t->row, s, n); break;
	case LEDE_FMT_JSONL: lede_json_buf(&t->row, s, n); break;
	case LEDE_FMT_TEXT: lede_text_buf(&t->row, s, n); break;
	}
	end_cell(t);
}

/*
 * The digits of u, with a point before the last decimals of them (and
 * a 0 before the point when u has no more digits), as printf's "%.*f"
 * would print u / 10^decimals; a '-' first when neg.
 */
static void
putfixed(LedeBuf *b, int neg, unsigned long long u, int decimals)
{
	char buf[48], *p = buf + sizeof(buf);
	int i = 0;

	do {
		if (decimals > 0 && i == decimals)
			*--p = '.';
		*--p = (char)('0' + u % 10);
		u /= 10;
		i++;
	} while (u || i <= decimals);
	if (neg)
		*--p = '-';
	lede_buf_add(b, p, (size_t)(buf + sizeof(buf) - p));
}

void
lede_table_int(LedeTable *t, long long v)
{
	begin_cell(t);
	putfixed(&t->row, v < 0, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v, 0);
	end_cell(t);
}

/*
 * v with the decimals, as printf("%.*f") rounds it, without printf when
 * that is sure: x = v 10^decimals, the product rounded, lies within
 * 2^-22 of the exact product when |x| < 2^31, so when x is not within
 * 1e-6 of a half the nearest integer of x is that of the exact product,
 * which printf prints.  Returns 0 (and adds nothing) when unsure.
 */
static int
fastfixed(LedeBuf *b, double v, int decimals)
{
	static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8, 1e9};
	double x, f, frac;
	long long r;

	if (decimals < 0 || decimals >= (int)LEDE_LEN(p10))
		return 0;
	x = v * p10[decimals];
	if (!(fabs(x) < 2147483648.0))
		return 0;
	f = floor(x);
	frac = x - f;
	if (fabs(frac - 0.5) < 1e-6)
		return 0;
	r = (long long)f + (frac > 0.5);
	/* 0 (not -0): |v| is below the half unit lede_table_num sets to 0 */
	putfixed(b, r < 0, (unsigned long long)(r < 0 ? -r : r), decimals);
	return 1;
}

void
lede_table_num(LedeTable *t, double v, int decimals)
{
	begin_cell(t);
	if (!isfinite(v))
		v = 0;
	if (!fastfixed(&t->row, v, decimals)) {
		/* avoid "-0.000" */
		if (fabs(v) < 0.5 * pow(10, -decimals))
			v = 0;
		lede_buf_printf(&t->row, "%.*f", decimals, v);
	}
	end_cell(t);
}

void
lede_table_list(LedeTable *t, const char *const *items, const size_t *lens,
    size_t n)
{
	size_t i;

	begin_cell(t);
	if (t->fmt == LEDE_FMT_JSONL)
		lede_buf_addc(&t->row, '[');
	for (i = 0; i < n; i++) {
		switch (t->fmt) {
		case LEDE_FMT_TSV:
			if (i)
				lede_buf_adds(&t->row, "; ");
			lede_tsv_buf(&t->row, items[i], lens[i]);
			break;
		case LEDE_FMT_JSONL:
			if (i)
				lede_buf_adds(&t->row, ", ");
			lede_json_buf(&t->row, items[i], lens[i]);
			break;
		case LEDE_FMT_TEXT:
			if (i)
				lede_buf_adds(&t->row, "; ");
			lede_text_buf(&t->row, items[i], lens[i]);
			break;
		}
	}
	if (t->fmt == LEDE_FMT_JSONL)
		lede_buf_addc(&t->row, ']');
	end_cell(t);
}

void
lede_table_null(LedeTable *t)
{
	begin_cell(t);
	if (t->fmt == LEDE_FMT_JSONL)
		lede_buf_adds(&t->row, "null");
	end_cell(t);
}

static long long rows_ended;

long long
lede_table_rows(void)
{
	return rows_ended;
}

void
lede_table_endrow(LedeTable *t)
{
	int i;

	rows_ended++;
	if (t->cell != t->ncols)
		eprintf("internal error: %d of %d cells in a report row", t->cell, t->ncols);
	t->cell = 0;
	if (t->fmt == LEDE_FMT_TEXT)
		return;
	if (t->fmt == LEDE_FMT_TSV && !t->wrote_header) {
		for (i = 0; i < t->ncols; i++) {
			if (i)
				putc('\t', t->fp);
			fputs(t->names[i], t->fp);
		}
		putc('\n', t->fp);
		t->wrote_header = 1;
	}
	if (t->fmt == LEDE_FMT_JSONL)
		lede_buf_addc(&t->row, '}');
	lede_buf_addc(&t->row, '\n');
	fwrite(t->row.p, 1, t->row.len, t->fp);
	lede_buf_clear(&t->row);
}

/* Cut s to at most max display columns, with an ellipsis; into b. */
static size_t
cut(LedeBuf *b, const char *s, size_t max)
{
	size_t n = strlen(s), i = 0, w = 0, cw;
	int32_t cp;
	int len;

	if (lede_display_width(s, n) <= max) {
		lede_buf_add(b, s, n);
		return lede_display_width(s, n);
	}
	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			len = 1, cp = '?';
		cw = (size_t)(utf8proc_charwidth(cp) > 0 ? utf8proc_charwidth(cp) : 0);
		if (w + cw > max - 1)
			break;
		lede_buf_add(b, s + i, (size_t)len);
		w += cw;
		i += (size_t)len;
	}
	lede_buf_adds(b, "\xE2\x80\xA6");	/* … */
	return w + 1;
}

int
lede_table_flush(LedeTable *t)
{
	size_t *width, r, nrows, i;
	LedeBuf b = {0};
	int c;

	if (t->fmt == LEDE_FMT_TSV && !t->wrote_header) {
		/* an empty report still says what its columns are */
		for (c = 0; c < t->ncols; c++) {
			if (c)
				putc('\t', t->fp);
			fputs(t->names[c], t->fp);
		}
		putc('\n', t->fp);
		t->wrote_header = 1;
	}
	if (t->fmt != LEDE_FMT_TEXT)
		return ferror(t->fp) ? -1 : 0;
	nrows = t->ncells / (size_t)t->ncols;
	width = ecalloc((size_t)t->ncols, sizeof(*width));
	for (c = 0; c < t->ncols; c++)
		width[c] = lede_display_width(t->names[c], strlen(t->names[c]));
	for (i = 0; i < t->ncells; i++) {
		size_t w = lede_display_width(t->cells[i], strlen(t->cells[i]));

		if (w > TEXT_CELL_MAX)
			w = TEXT_CELL_MAX;
		c = (int)(i % (size_t)t->ncols);
		if (w > width[c])
			width[c] = w;
	}
	for (r = 0; r <= nrows; r++) {
		lede_buf_clear(&b);
		for (c = 0; c < t->ncols; c++) {
			const char *s = r ? t->cells[(r - 1) * (size_t)t->ncols + (size_t)c] : t->names[c];
			size_t w, pad;
			LedeBuf cell = {0};

			w = cut(&cell, s, TEXT_CELL_MAX);
			pad = width[c] > w ? width[c] - w : 0;
			if (c)
				lede_buf_adds(&b, "  ");
			if (t->kinds[c] == LEDE_COL_NUM)
				for (i = 0; i < pad; i++)
					lede_buf_addc(&b, ' ');
			lede_buf_add(&b, cell.p, cell.len);
			if (t->kinds[c] != LEDE_COL_NUM && c + 1 < t->ncols)
				for (i = 0; i < pad; i++)
					lede_buf_addc(&b, ' ');
			lede_buf_free(&cell);
		}
		lede_buf_addc(&b, '\n');
		fwrite(b.p, 1, b.len, t->fp);
	}
	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	t->ncells = 0;
	free(width);
	lede_buf_free(&b);
	return ferror(t->fp) ? -1 : 0;
}

void
lede_table_free(LedeTable *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	lede_buf_free(&t->row);
	free(t);
}

/* Partial reports' settings lines (report.h). */

int
lede_settings_check(const char *line, size_t n)
{
	size_t i = strlen(LEDE_SETTINGS_PREFIX), k, j;
	int eq = 0, namelen = 0, vallen = 0;

	if (n <= i || n > LEDE_SETTINGS_MAX || memcmp(line, LEDE_SETTINGS_PREFIX, i))
		return -1;
	for (; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)line[i] : ' ';

		if (c == ' ') {
			if (!eq || !vallen)
				return -1;
			eq = namelen = vallen = 0;
		} else if (c == '=' && !eq) {
			if (!namelen)
				return -1;
			eq = 1;
		} else if (!eq && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-')) {
			namelen++;
		} else if (eq && c > ' ' && c < 0x7F && c != '=') {
			vallen++;
		} else {
			return -1;
		}
	}
	/* each name once: the lines are short, so compare every pair */
	for (i = strlen(LEDE_SETTINGS_PREFIX); i < n; i = k + 1) {
		const char *e = memchr(line + i, '=', n - i);
		size_t nl = (size_t)(e - (line + i));

		for (k = i; k < n && line[k] != ' '; k++)
			;
		for (j = k + 1; j < n; j++) {
			if ((j == k + 1 || line[j - 1] == ' ') && j + nl < n &&
			    line[j + nl] == '=' && !memcmp(line + j, line + i, nl))
				return -1;
		}
	}
	return 0;
}

/* The value of item name[0..nl) in settings line s[0..n), or NULL. */
static const char *
settings_get(const char *s, size_t n, const char *name, size_t nl, size_t *vl)
{
	size_t i = strlen(LEDE_SETTINGS_PREFIX), k;

	for (; i < n; i = k + 1) {
		for (k = i; k < n && s[k] != ' '; k++)
			;
		if (k - i > nl && s[i + nl] == '=' && !memcmp(s + i, name, nl)) {
			*vl = k - i - nl - 1;
			return s + i + nl + 1;
		}
	}
	return NULL;
}

/*
 * The first item of a that b gives another value or lacks (lacking = 0),
 * or only that b lacks (lacking = 1), into d; 0 when there is none.
 */
static int
settings_first(const char *a, size_t an, const char *b, size_t bn, int lacking,
    LedeSettingsDiff *d)
{
	size_t i = strlen(LEDE_SETTINGS_PREFIX), k, vl = 0;

	for (; i < an; i = k + 1) {
		const char *eq = memchr(a + i, '=', an - i), *v;

		for (k = i; k < an && a[k] != ' '; k++)
			;
		d->name = a + i;
		d->namelen = (size_t)(eq - (a + i));
		d->va = eq + 1;
		d->valen = (size_t)(a + k - d->va);
		v = settings_get(b, bn, d->name, d->namelen, &vl);
		if (!v || (!lacking && (vl != d->valen || memcmp(v, d->va, vl)))) {
			d->vb = v;
			d->vblen = v ? vl : 0;
			return 1;
		}
	}
	return 0;
}

int
lede_settings_diff(const char *a, size_t an, const char *b, size_t bn,
    LedeSettingsDiff *d)
{
	const char *t;
	size_t tl;

	if (settings_first(a, an, b, bn, 0, d))
		return 1;
	if (!settings_first(b, bn, a, an, 1, d))
		return 0;
	/* an item of b that a lacks: swap back */
	t = d->va;
	tl = d->valen;
	d->va = d->vb;
	d->valen = d->vblen;
	d->vb = t;
	d->vblen = tl;
	return 1;
}

void
lede_settings_describe(LedeBuf *b, const char *name, size_t nl, const char *v,
    size_t vl)
{
	if (!v)
		lede_buf_printf(b, "without a '%.*s' setting", (int)nl, name);
	else if (nl == 16 && !memcmp(name, "keep-boilerplate", nl))
		lede_buf_printf(b, "with%s --keep-boilerplate",
		    vl == 3 && !memcmp(v, "yes", 3) ? "" : "out");
	else
		lede_buf_printf(b, "with %.*s=%.*s", (int)nl, name, (int)vl, v);
}

void
lede_settings_why(LedeBuf *out, const LedeSettingsDiff *d,
    LedeSettingsDescribe *describe)
{
	lede_buf_adds(out, "made ");
	describe(out, d->name, d->namelen, d->va, d->valen);
	lede_buf_adds(out, ", the first partial ");
	describe(out, d->name, d->namelen, d->vb, d->vblen);
}
