/* See LICENSE file for copyright and license details. */
#ifndef LEDE_IO_H
#define LEDE_IO_H

#include <stdio.h>

#include "util.h"

/*
 * Buffered input by lines or whole files, with a length limit that turns a
 * runaway line into an error instead of unbounded memory.
 */

enum {
	LEDE_IO_EOF = 0,
	LEDE_IO_LINE = 1,
	LEDE_IO_TOOLONG = -1,	/* the line was longer than the limit; skipped */
	LEDE_IO_ERROR = -2,	/* read error; errno is set */
};

typedef struct LedeLines LedeLines;

/*
 * Read lines from fp (not closed by lede_lines_free).  Lines longer than
 * maxlen bytes (not counting the newline) are skipped whole and reported as
 * LEDE_IO_TOOLONG.  The name is kept for the caller's messages.
 */
LedeLines *lede_lines_open(FILE *fp, const char *name, size_t maxlen);
void lede_lines_free(LedeLines *r);

/*
 * Next line: returns LEDE_IO_LINE and sets *line to its bytes (valid until
 * the next call, NUL-terminated, with the LF and a CR before it removed)
 * and *len to their number; LEDE_IO_EOF at the end; or an error code.
 * A last line without a newline is still a line.
 */
int lede_lines_next(LedeLines *r, char **line, size_t *len);
/*
 * Make the next lede_lines_next return the line it last returned once
 * more, with the same number (call it only right after a LEDE_IO_LINE,
 * and leave that line's bytes as they were).
 */
void lede_lines_unread(LedeLines *r);

/* Number of the line last returned (1-based), and the name given at open. */
unsigned long lede_lines_lineno(const LedeLines *r);
const char *lede_lines_name(const LedeLines *r);

/*
 * Read all of fp into b (replacing its contents).  Returns 0, -1 on a read
 * error (errno set) or -2 when the input is longer than max bytes (b then
 * holds the first max bytes and the rest is left unread).
 */
int lede_slurp(FILE *fp, LedeBuf *b, size_t max);
/* Data files read whole (lexicons, word lists) are refused past this size. */
#define LEDE_DATA_MAX ((size_t)64 << 20)

#endif
