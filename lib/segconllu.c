/* See LICENSE file for copyright and license details. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "stream.h"
#include "text.h"

/*
 * CoNLL-U into the token stream (tokenize --conllu).  A sentence is
 * gathered line by line and converted at its blank line: the document's
 * text is rebuilt as the UD data does (paragraphs joined by a newline,
 * sentences by a space or, after SpaceAfter=No, by nothing) and each
 * syntactic word is placed in it.
 */

typedef struct {
	size_t f[10];		/* offsets of the fields in rows */
} Row;

struct LedeConllu {
	LedeBuf base;		/* document id when a file has no # newdoc */
	LedeBuf id;		/* the current document's id */
	size_t pos;		/* code points of the document's text so far */
	unsigned long nsent;	/* sentences written in the document */
	unsigned long ndocs, nsents;	/* written in all */
	int indoc;		/* a sentence of the document was written */
	int skipping;		/* a damaged document: skip to the next */
	int space_after;	/* the last sentence ended with a space after */
	/* the sentence being read */
	LedeBuf comments;	/* pass-through comment lines */
	LedeBuf text, sent_id;
	int have_text, have_sent_id, newpar;
	LedeBuf rows;		/* the token lines, fields NUL-terminated */
	Row *row;
	size_t nrow, crow;
	unsigned long line;	/* line of the sentence's first row */
	LedeBuf tmp;		/* the line being read, NUL-terminated */
	LedeBuf rowsout;	/* the rows of the sentence being written */
};

LedeConllu *
lede_conllu_new(const char *base)
{
	LedeConllu *c = ecalloc(1, sizeof(*c));

	lede_buf_adds(&c->base, base);
	lede_buf_adds(&c->id, base);
	c->space_after = 1;
	return c;
}

void
lede_conllu_free(LedeConllu *c)
{
	if (!c)
		return;
	lede_buf_free(&c->base);
	lede_buf_free(&c->id);
	lede_buf_free(&c->comments);
	lede_buf_free(&c->text);
	lede_buf_free(&c->sent_id);
	lede_buf_free(&c->rows);
	lede_buf_free(&c->tmp);
	lede_buf_free(&c->rowsout);
	free(c->row);
	free(c);
}

unsigned long
lede_conllu_ndocs(const LedeConllu *c)
{
	return c->ndocs;
}

unsigned long
lede_conllu_nsents(const LedeConllu *c)
{
	return c->nsents;
}

static void
reset_sentence(LedeConllu *c)
{
	lede_buf_clear(&c->comments);
	lede_buf_clear(&c->text);
	lede_buf_clear(&c->sent_id);
	lede_buf_clear(&c->rows);
	c->have_text = c->have_sent_id = c->newpar = 0;
	c->nrow = 0;
	c->line = 0;
}

static int
fail(LedeConllu *c, char *err, size_t errlen, unsigned long line, const char *what)
{
	snprintf(err, errlen, "%lu: %s; document %s skipped", line, what,
	    c->id.p ? c->id.p : "");
	c->skipping = 1;
	reset_sentence(c);
	return -1;
}

int
lede_conllu_fail(LedeConllu *c, unsigned long line, const char *what,
    char *err, size_t errlen)
{
	return fail(c, err, errlen, line, what);
}

#define FIELD(c, r, k) ((c)->rows.p + (r)->f[k])

static int
space_after_no(const char *misc)
{
	const char *p = misc;

	while ((p = strstr(p, "SpaceAfter=No"))) {
		if ((p == misc || p[-1] == '|') && (p[13] == '\0' || p[13] == '|'))
			return 1;
		p += 13;
	}
	return 0;
}

/* Is line the comment "# key", "# key = ..." or "# key id = ..."? */
static int
is_key(const char *line, const char *key)
{
	size_t n = strlen(key);
	const char *p = line + 1;

	while (*p == ' ')
		p++;
	return !strncmp(p, key, n) && (p[n] == '\0' || p[n] == ' ' || p[n] == '=');
}

/* The value of "# key = value" in line, or NULL. */
static const char *
comment_val(const char *line, const char *key)
{
	size_t n = strlen(key);
	const char *p = line + 1;

	while (*p == ' ')
		p++;
	if (strncmp(p, key, n))
		return NULL;
	p += n;
	while (*p == ' ')
		p++;
	if (*p != '=')
		return NULL;
	for (p++; *p == ' '; p++)
		;
	return p;
}

static void
put_num(LedeBuf *b, size_t v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "%zu", v);

	lede_buf_add(b, tmp, (size_t)n);
}

static void
put_comment(LedeBuf *out, const char *key, const char *v, size_t n)
{
	lede_buf_adds(out, "# ");
	lede_buf_adds(out, key);
	lede_buf_adds(out, " = ");
	lede_buf_comment_value(out, v, n);
	lede_buf_addc(out, '\n');
}

/* Parse the range "a-b" of a multiword token: its number of words, or 0. */
static size_t
range(const char *id)
{
	long a, b;
	char *end;

	a = strtol(id, &end, 10);
	if (end == id || *end != '-')
		return 0;
	b = strtol(end + 1, &end, 10);
	if (*end || b < a || a < 1 || b - a >= 256)
		return 0;
	return (size_t)(b - a + 1);
}

static int
is_empty_node(const char *id)
{
	return strchr(id, '.') != NULL;
}

static void
put_row(LedeConllu *c, LedeBuf *out, size_t id, const Row *r, size_t start,
    size_t end)
{
	int k;

	put_num(out, id);
	lede_buf_addc(out, '\t');
	lede_buf_adds(out, FIELD(c, r, 1));
	lede_buf_addc(out, '\t');
	put_num(out, start);
	lede_buf_addc(out, '\t');
	put_num(out, end);
	for (k = 2; k < 10; k++) {
		const char *v = FIELD(c, r, k);

		lede_buf_addc(out, '\t');
		lede_buf_adds(out, *v ? v : "_");
	}
	lede_buf_addc(out, '\n');
}

/* Convert the sentence gathered in c; 0 or -1 (message in err). */
static int
sentence(LedeConllu *c, LedeBuf *out, char *err, size_t errlen)
{
	LedeBuf *rows = &c->rowsout;
	const char *text;
	size_t i, q, nw, tlen, at = 0, base, nwords = 0;
	unsigned long line = c->line;
	int first = !c->indoc, sa = 0;

	if (c->nrow == 0) {
		reset_sentence(c);
		return 0;
	}
	if (!c->have_text) {
		/* rebuild the text from the surface forms */
		lede_buf_clear(&c->text);
		for (i = 0; i < c->nrow; i++) {
			const Row *r = &c->row[i];
			const char *id = FIELD(c, r, 0);

			if (is_empty_node(id))
				continue;
			nw = range(id);
			if (c->text.len && !sa)
				lede_buf_addc(&c->text, ' ');
			lede_buf_adds(&c->text, FIELD(c, r, 1));
			sa = space_after_no(FIELD(c, r, 9));
			for (q = 0; q < nw && i + 1 < c->nrow; q++) {
				i++;
				if (is_empty_node(FIELD(c, &c->row[i], 0)))
					q--;
			}
		}
	}
	text = c->text.p ? c->text.p : "";
	tlen = c->text.len;
	if (first)
		base = 0;
	else if (c->newpar || c->space_after)
		base = c->pos + 1;
	else
		base = c->pos;
	lede_buf_clear(rows);
	for (i = 0; i < c->nrow; i++) {
		const Row *r = &c->row[i];
		const char *id = FIELD(c, r, 0), *form = FIELD(c, r, 1);
		size_t flen = strlen(form), cp, w[256], nwd = 0;
		int32_t ch;
		int len;

		if (is_empty_node(id))
			continue;
		nw = range(id);
		if (strchr(id, '-') && nw == 0)
			return fail(c, err, errlen, line + i + 1, "a bad multiword token range");
		if (nw) {
			/* its words follow, maybe with empty nodes among them */
			size_t k = i + 1;

			while (nwd < nw && k < c->nrow) {
				if (!is_empty_node(FIELD(c, &c->row[k], 0)))
					w[nwd++] = k;
				k++;
			}
			if (nwd < nw)
				return fail(c, err, errlen, line + i + 1,
				    "a multiword token without its words");
		}
		/* find the surface form in the text */
		while (at < tlen) {
			len = lede_utf8_decode(text + at, tlen - at, &ch);
			if (len < 0 || !lede_isspace(ch))
				break;
			at += (size_t)len;
		}
		if (flen == 0 || tlen - at < flen || memcmp(text + at, form, flen))
			return fail(c, err, errlen, line + i + 1,
			    "a form that is not in the sentence's # text");
		cp = base + lede_utf8_count(text, at);
		if (nw) {
			size_t total = 0, wcp = cp;
			int spells = 1;

			for (q = 0; q < nw; q++) {
				const char *wf = FIELD(c, &c->row[w[q]], 1);
				size_t wl = strlen(wf);

				if (wl == 0 || total + wl > flen || memcmp(form + total, wf, wl))
					spells = 0;
				total += wl;
			}
			if (spells && total == flen) {
				for (q = 0; q < nw; q++) {
					const Row *wr = &c->row[w[q]];
					const char *wf = FIELD(c, wr, 1);
					size_t wl = lede_utf8_count(wf, strlen(wf));

					put_row(c, rows, ++nwords, wr, wcp, wcp + wl);
					wcp += wl;
				}
			} else {
				/* the words do not spell the token: write the token */
				put_row(c, rows, ++nwords, r, cp, cp + lede_utf8_count(form, flen));
			}
			i = w[nw - 1];
		} else {
			put_row(c, rows, ++nwords, r, cp, cp + lede_utf8_count(form, flen));
		}
		c->space_after = !space_after_no(FIELD(c, r, 9));
		at += flen;
	}
	if (nwords == 0) {
		reset_sentence(c);
		return 0;
	}
	if (first) {
		put_comment(out, "newdoc id", c->id.p, c->id.len);
		c->ndocs++;
	}
	c->indoc = 1;
	c->nsent++;
	c->nsents++;
	lede_buf_add(out, c->comments.p ? c->comments.p : "", c->comments.len);
	if (c->newpar)
		lede_buf_adds(out, "# newpar\n");
	if (c->have_sent_id) {
		put_comment(out, "sent_id", c->sent_id.p, c->sent_id.len);
	} else {
		lede_buf_adds(out, "# sent_id = ");
		lede_buf_comment_value(out, c->id.p, c->id.len);
		lede_buf_addc(out, '-');
		put_num(out, c->nsent);
		lede_buf_addc(out, '\n');
	}
	put_comment(out, "text", text, tlen);
	lede_buf_add(out, rows->p, rows->len);
	lede_buf_addc(out, '\n');
	c->pos = base + lede_utf8_count(text, tlen);
	reset_sentence(c);
	return 0;
}

static void
newdoc(LedeConllu *c, const char *id, unsigned long line)
{
	char num[32];

	lede_buf_clear(&c->id);
	if (id && *id) {
		lede_buf_adds(&c->id, id);
	} else {
		snprintf(num, sizeof(num), ":%lu", line);
		lede_buf_add(&c->id, c->base.p, c->base.len);
		lede_buf_adds(&c->id, num);
	}
	c->pos = 0;
	c->nsent = 0;
	c->indoc = 0;
	c->skipping = 0;
	c->space_after = 1;
	reset_sentence(c);
}

/* Split a row into the ten fields of a Row; 0, or -1 when it has not ten. */
static int
add_row(LedeConllu *c, const char *line, size_t len)
{
	size_t start = c->rows.len, k;
	int n = 0;
	Row *r;

	if (c->nrow == c->crow) {
		c->crow = c->crow ? c->crow * 2 : 64;
		c->row = ereallocarray(c->row, c->crow, sizeof(*c->row));
	}
	r = &c->row[c->nrow];
	lede_buf_add(&c->rows, line, len);
	lede_buf_addc(&c->rows, '\0');
	r->f[n++] = start;
	for (k = start; k < start + len; k++) {
		if (c->rows.p[k] == '\t') {
			if (n == 10)
				return -1;
			c->rows.p[k] = '\0';
			r->f[n++] = k + 1;
		}
	}
	if (n != 10)
		return -1;
	c->nrow++;
	return 0;
}

int
lede_conllu_line(LedeConllu *c, const char *line, size_t len,
    unsigned long lineno, LedeBuf *out, char *err, size_t errlen)
{
	const char *v;
	size_t bad;
	char msg[64];

	if (memchr(line, '\0', len)) {
		if (c->skipping)
			return 0;
		return fail(c, err, errlen, lineno, "NUL byte");
	}
	if ((bad = lede_utf8_check(line, len)) != len) {
		if (c->skipping)
			return 0;
		snprintf(msg, sizeof(msg), "invalid UTF-8 (byte 0x%02X)",
		    (unsigned char)line[bad]);
		return fail(c, err, errlen, lineno, msg);
	}
	if (len > 0 && line[len - 1] == '\r')
		len--;		/* a CR LF line end */
	if (memchr(line, '\r', len)) {
		/* a line break inside a line, which the stream cannot hold */
		if (c->skipping)
			return 0;
		return fail(c, err, errlen, lineno, "CR inside a line");
	}
	/* from here on line is a valid string: copy it to end it with a NUL */
	lede_buf_clear(&c->tmp);
	lede_buf_add(&c->tmp, line, len);
	line = c->tmp.p;
	if (len && line[0] == '#' && is_key(line, "newdoc")) {
		int rc = 0;

		if (!c->skipping)
			rc = sentence(c, out, err, errlen);
		newdoc(c, comment_val(line, "newdoc id"), lineno);
		return rc;
	}
	if (c->skipping)
		return 0;
	if (len == 0)
		return sentence(c, out, err, errlen);
	if (line[0] == '#') {
		if (c->nrow)
			return fail(c, err, errlen, lineno, "a comment inside a sentence");
		if (is_key(line, "newpar")) {
			c->newpar = 1;
		} else if ((v = comment_val(line, "text"))) {
			lede_buf_clear(&c->text);
			lede_buf_adds(&c->text, v);
			c->have_text = 1;
		} else if ((v = comment_val(line, "sent_id"))) {
			lede_buf_clear(&c->sent_id);
			lede_buf_adds(&c->sent_id, v);
			c->have_sent_id = 1;
		} else if (!is_key(line, "global.columns")) {
			lede_buf_add(&c->comments, line, len);
			lede_buf_addc(&c->comments, '\n');
		}
		return 0;
	}
	if (c->nrow == 0)
		c->line = lineno - 1;
	if (add_row(c, line, len) < 0)
		return fail(c, err, errlen, lineno, "a token line without ten fields");
	return 0;
}

int
lede_conllu_end(LedeConllu *c, LedeBuf *out, char *err, size_t errlen)
{
	int rc = 0;

	if (!c->skipping)
		rc = sentence(c, out, err, errlen);
	newdoc(c, c->base.p, 0);
	return rc;
}
