/* See LICENSE file for copyright and license details. */
#ifndef LEDE_JSON_H
#define LEDE_JSON_H

#include <stdio.h>

#include "util.h"

/*
 * JSON Lines in (one object a line, the fields a tool wants picked out)
 * and JSON strings out.
 */

/* Nesting deeper than this is an error rather than a deep recursion. */
#define LEDE_JSON_DEPTH 256

/*
 * Parse the JSON object in line[0..len) (which must be the whole line, with
 * only white space around the object) and pick out the top-level members
 * named keys[0..nkeys).  For each found[i] is set to 1 when the member is
 * present and not null; a string value is unescaped into vals[i] (UTF-8;
 * \uXXXX with surrogate pairs; a lone surrogate becomes U+FFFD), a number,
 * true or false is copied as written, and an array or object is an error
 * for a picked key.  A key may be named twice: each of its places gets the
 * value.  Returns 0, or -1 with a reason in err (e.g. "column
 * 17: expected ':'").
 */
int lede_json_pick(const char *line, size_t len, const char **keys, int nkeys,
    LedeBuf *vals, int *found, char *err, size_t errlen);

/* Write s[0..n) (valid UTF-8) as a JSON string, quotes included. */
void lede_json_str(FILE *fp, const char *s, size_t n);
/* The same, appended to b. */
void lede_json_buf(LedeBuf *b, const char *s, size_t n);

#endif
