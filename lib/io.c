/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"

#define CHUNK (1 << 16)

struct LedeLines {
	FILE *fp;
	const char *name;
	size_t maxlen;
	char *buf;		/* read buffer */
	size_t pos, end;
	int eof;
	LedeBuf line;		/* a line that spans buffer refills */
	unsigned long lineno;
	char *last;		/* the line last returned, for lede_lines_unread */
	size_t lastlen;
	int again;		/* return it once more */
};

LedeLines *
lede_lines_open(FILE *fp, const char *name, size_t maxlen)
{
	LedeLines *r = ecalloc(1, sizeof(*r));

	r->fp = fp;
	r->name = name;
	r->maxlen = maxlen;
	r->buf = emalloc(CHUNK);
	return r;
}

void
lede_lines_free(LedeLines *r)
{
	if (!r)
		return;
	free(r->buf);
	lede_buf_free(&r->line);
	free(r);
}

static int
refill(LedeLines *r)
{
	size_t n;

	if (r->eof)
		return 0;
	n = fread(r->buf, 1, CHUNK, r->fp);
	r->pos = 0;
	r->end = n;
	if (n == 0) {
		r->eof = 1;
		if (ferror(r->fp))
			return -1;
		return 0;
	}
	return 1;
}

static void
strip_cr(char *s, size_t *len)
{
	if (*len && s[*len - 1] == '\r')
		s[--*len] = '\0';
}

int
lede_lines_next(LedeLines *r, char **line, size_t *len)
{
	char *nl;
	size_t n;
	int toolong = 0, rc;

	if (r->again) {
		r->again = 0;
		*line = r->last;
		*len = r->lastlen;
		return LEDE_IO_LINE;
	}
	lede_buf_clear(&r->line);
	for (;;) {
		if (r->pos == r->end) {
			if ((rc = refill(r)) < 0)
				return LEDE_IO_ERROR;
			if (rc == 0) {
				if (toolong) {
					r->lineno++;
					return LEDE_IO_TOOLONG;
				}
				if (!r->line.len)
					return LEDE_IO_EOF;
				r->lineno++;
				*line = r->line.p;
				*len = r->line.len;
				strip_cr(*line, len);
				r->last = *line;
				r->lastlen = *len;
				return LEDE_IO_LINE;
			}
		}
		nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
		n = (nl ? (size_t)(nl - r->buf) : r->end) - r->pos;
		if (!toolong && r->line.len + n > r->maxlen) {
			toolong = 1;
			lede_buf_clear(&r->line);
		}
		if (!nl) {
			if (!toolong)
				lede_buf_add(&r->line, r->buf + r->pos, n);
			r->pos = r->end;
			continue;
		}
		r->lineno++;
		if (toolong) {
			r->pos += n + 1;
			return LEDE_IO_TOOLONG;
		}
		if (!r->line.len) {
			/* the common case: the line lies wholly in the buffer */
			*line = r->buf + r->pos;
			*len = n;
			(*line)[n] = '\0';
		} else {
			lede_buf_add(&r->line, r->buf + r->pos, n);
			*line = r->line.p;
			*len = r->line.len;
		}
		r->pos += n + 1;
		strip_cr(*line, len);
		r->last = *line;
		r->lastlen = *len;
		return LEDE_IO_LINE;
	}
}

void
lede_lines_unread(LedeLines *r)
{
	if (r->last)
		r->again = 1;
}

unsigned long
lede_lines_lineno(const LedeLines *r)
{
	return r->lineno;
}

const char *
lede_lines_name(const LedeLines *r)
{
	return r->name;
}

int
lede_slurp(FILE *fp, LedeBuf *b, size_t max)
{
	size_t n, want;

	lede_buf_clear(b);
	for (;;) {
		want = CHUNK;
		if (b->len + want > max)
			want = max - b->len;
		if (want == 0) {
			int c = getc(fp);

			if (c == EOF)
				return ferror(fp) ? -1 : 0;
			ungetc(c, fp);
			return -2;
		}
		lede_buf_grow(b, want);
		n = fread(b->p + b->len, 1, want, fp);
		b->len += n;
		b->p[b->len] = '\0';
		if (n < want)
			return ferror(fp) ? -1 : 0;
	}
}
