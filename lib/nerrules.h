/* See LICENSE file for copyright and license details. */
#ifndef LEDE_NERRULES_H
#define LEDE_NERRULES_H

#include <stddef.h>

/*
 * Rule-based entity types that complement the statistical tagger: dates,
 * times, amounts of money, percentages and quantities in English news
 * ("March 14, 2025", "16:40 GMT", "$1.2 billion", "12.5 percent",
 * "48 tonnes").  They are found only on tokens the model left outside
 * names, so they never change its PER/ORG/LOC/MISC spans.
 */
enum {
	LEDE_NX_DATE,
	LEDE_NX_TIME,
	LEDE_NX_MONEY,
	LEDE_NX_PERCENT,
	LEDE_NX_QUANTITY,
	LEDE_NX_NTYPES,
};

/* Name of rule type t ("DATE", ...). */
const char *lede_nerx_name(int t);

/*
 * Mark the rule spans of a sentence of n forms.  free[i] is nonzero when
 * token i may be used (the model tagged it O).  For each token, out[i] is
 * -1 (none) or 2 * type + (0 at the start of a span, 1 inside).  Only the
 * types whose bit is set in mask are marked.
 */
void lede_nerx_tag(const char *const *forms, const size_t *len, size_t n,
    const unsigned char *free_, unsigned mask, int *out);

/*
 * The end (exclusive) of a holiday's name starting at token i of n
 * ("Christmas", "Christmas Eve", "New Year's Day", "Boxing Day", "Yom
 * Kippur"), or 0.  ner-tag makes a name that a holiday holds from its
 * start MISC, as the CoNLL-2003 annotators did.
 */
size_t lede_nerx_holiday(const char *const *forms, const size_t *len,
    size_t n, size_t i);

/*
 * Whether the n forms, joined by spaces, are a country's name ("Soviet
 * Union", "U.K.", "PHILIPPINES"; ASCII case ignored).  ner-tag makes such
 * a name LOC, as CoNLL-2003 tags every country, national teams too.
 */
int lede_nerx_country(const char *const *forms, const size_t *len, size_t n);

/*
 * Whether the form is a legal-form designator that ends a company's name
 * ("Ltd", "Inc", "Co", "Plc", "plc", "AG", "GmbH"; ASCII case ignored
 * after a capital first letter).
 */
int lede_nerx_legal(const char *form, size_t len);

#endif
