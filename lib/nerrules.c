/* See LICENSE file for copyright and license details. */
#include <string.h>
#include <strings.h>

#include "nerrules.h"

static const char *names[LEDE_NX_NTYPES] = {"DATE", "TIME", "MONEY",
    "PERCENT", "QUANTITY"};

const char *
lede_nerx_name(int t)
{
	return t >= 0 && t < LEDE_NX_NTYPES ? names[t] : "";
}

typedef struct {
	const char *const *f;
	const size_t *len;
	size_t n;
} Sent;

/* Case-insensitive (ASCII) match of token i against a NULL-ended list. */
static int
inlist(const Sent *s, size_t i, const char *const *list)
{
	size_t k;

	if (i >= s->n)
		return 0;
	for (k = 0; list[k]; k++)
		if (strlen(list[k]) == s->len[i] &&
		    !strncasecmp(list[k], s->f[i], s->len[i]))
			return 1;
	return 0;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* 1,750 5.93 180,000: digits with inner , or . */
static int
isnum(const Sent *s, size_t i)
{
	const char *p;
	size_t n, k;

	if (i >= s->n)
		return 0;
	p = s->f[i];
	n = s->len[i];
	if (n == 0 || n > 20 || !isdig(p[0]) || !isdig(p[n - 1]))
		return 0;
	for (k = 0; k < n; k++)
		if (!isdig(p[k]) && p[k] != ',' && p[k] != '.')
			return 0;
	return 1;
}

static long
intval(const Sent *s, size_t i)
{
	long v = 0;
	size_t k;

	if (i >= s->n || s->len[i] > 9)
		return -1;
	for (k = 0; k < s->len[i]; k++) {
		if (!isdig(s->f[i][k]))
			return -1;
		v = v * 10 + (s->f[i][k] - '0');
	}
	return s->len[i] ? v : -1;
}

static int
isyear(const Sent *s, size_t i)
{
	long v = intval(s, i);

	return i < s->n && s->len[i] == 4 && v >= 1800 && v <= 2100;
}

static int
isday(const Sent *s, size_t i)
{
	long v;
	char buf[8];

	if (i >= s->n)
		return 0;
	if (s->len[i] >= 3 && s->len[i] <= 4) {	/* 1st 22nd 3rd 14th */
		const char *p = s->f[i];
		size_t n = s->len[i];

		memcpy(buf, p, n);
		buf[n] = '\0';
		if (!strcasecmp(buf + n - 2, "st") || !strcasecmp(buf + n - 2, "nd") ||
		    !strcasecmp(buf + n - 2, "rd") || !strcasecmp(buf + n - 2, "th")) {
			Sent t = {(const char *const[]){buf}, (size_t[]){n - 2}, 1};

			return isday(&t, 0);
		}
	}
	v = intval(s, i);
	return s->len[i] <= 2 && v >= 1 && v <= 31;
}

static const char *const months[] = {"January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November",
    "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
    "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL};
static const char *const may[] = {"May", NULL};
static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", NULL};
static const char *const reldays[] = {"today", "yesterday", "tomorrow",
    NULL};
static const char *const relmods[] = {"last", "next", "this", "past",
    "coming", NULL};
static const char *const relunits[] = {"week", "month", "year", "weekend",
    "quarter", "decade", "century", "spring", "summer", "autumn", "fall",
    "winter", "season", NULL};
static const char *const yearcue[] = {"in", "since", "by", "until", "till",
    "from", "to", "through", "before", "after", "during", "early", "late",
    "mid", "of", "end", "around", "and", NULL};
static const char *const scales[] = {"million", "millions", "billion",
    "billions", "trillion", "trillions", "thousand", "thousands", "hundred",
    "mln", "bln", "bn", "m", "k", NULL};
static const char *const cursym[] = {"$", "€", "£", "¥", "US$", "C$", "A$",
    "HK$", "NZ$", "S$", "Rs", "Rs.", "USD", "EUR", "GBP", "JPY", "CHF",
    "CNY", NULL};
static const char *const curword[] = {"dollar", "dollars", "euro", "euros",
    "pound", "pounds", "sterling", "yen", "cent", "cents", "franc", "francs",
    "mark", "marks", "peso", "pesos", "rupee", "rupees", "yuan", "rouble",
    "roubles", "ruble", "rubles", "lira", "lire", "crown", "crowns", "krona",
    "kronor", "krone", "kroner", "guilder", "guilders", "pence", "cruzados",
    "cruzado", "rand", "riyals", "dinars", "shekels", NULL};
static const char *const percent[] = {"%", "percent", "pct", NULL};
static const char *const units[] = {"kilo", "kilos", "kilogram",
    "kilograms", "kg", "tonne", "tonnes", "ton", "tons", "gram", "grams",
    "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile",
    "miles", "metre", "metres", "meter", "meters", "cm", "mm", "feet", "foot",
    "inch", "inches", "acre", "acres", "hectare", "hectares", "barrel",
    "barrels", "bpd", "bag", "bags", "bushel", "bushels", "ounce", "ounces",
    "oz", "litre", "litres", "liter", "liters", "gallon", "gallons",
    "megawatt", "megawatts", "gigawatt", "gigawatts", "kilowatt",
    "kilowatts", "MW", "GW", "kW", "kWh", "MWh", "GWh", "degrees", "lbs",
    "sq", "cubic", "bales", "carats", NULL};
static const char *const ampm[] = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m",
    NULL};
static const char *const zones[] = {"GMT", "EST", "EDT", "CET", "CEST", "BST",
    "UTC", "ET", "PST", "PDT", NULL};
static const char *const clock[] = {"noon", "midnight", NULL};

/* 16:40, 9:05 */
static int
isclock(const Sent *s, size_t i)
{
	const char *p;
	size_t n;

	if (i >= s->n)
		return 0;
	p = s->f[i];
	n = s->len[i];
	if (n == 4)
		return isdig(p[0]) && p[1] == ':' && isdig(p[2]) && isdig(p[3]);
	return n == 5 && isdig(p[0]) && isdig(p[1]) && p[2] == ':' &&
	    isdig(p[3]) && isdig(p[4]) && (p[0] - '0') * 10 + (p[1] - '0') < 25;
}

/* 1996-08-22 */
static int
isiso(const Sent *s, size_t i)
{
	const char *p;
	int k;

	if (i >= s->n || s->len[i] != 10)
		return 0;
	p = s->f[i];
	for (k = 0; k < 10; k++)
		if ((k == 4 || k == 7) ? p[k] != '-' : !isdig(p[k]))
			return 0;
	return 1;
}

/* 1990s */
static int
isdecade(const Sent *s, size_t i)
{
	const char *p;

	if (i >= s->n || s->len[i] != 5)
		return 0;
	p = s->f[i];
	return isdig(p[0]) && isdig(p[1]) && isdig(p[2]) && p[3] == '0' &&
	    p[4] == 's';
}

/* $1.2bn, 12.5%: a symbol or a sign glued to a number */
static int
glued(const Sent *s, size_t i, int money)
{
	const char *p;
	size_t n, a = 0, b;

	if (i >= s->n)
		return 0;
	p = s->f[i];
	n = s->len[i];
	if (money) {
		if (n > 1 && (p[0] == '$'))
			a = 1;
		else if (n > 2 && (unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] == 0xa3)	/* £ */
			a = 2;
		else if (n > 3 && !memcmp(p, "\xe2\x82\xac", 3))	/* € */
			a = 3;
		else
			return 0;
		b = n;
		while (b > a && !isdig(p[b - 1]))
			b--;
		if (n - b > 3)
			return 0;
	} else {
		if (n < 2 || p[n - 1] != '%')
			return 0;
		b = n - 1;
	}
	if (b <= a || !isdig(p[a]))
		return 0;
	for (; a < b; a++)
		if (!isdig(p[a]) && p[a] != '.' && p[a] != ',')
			return 0;
	return 1;
}

/* End of a number phrase at i: the number and its scale words. */
static size_t
numend(const Sent *s, size_t i)
{
	size_t j = i + 1;

	while (j < s->n && inlist(s, j, scales))
		j++;
	return j;
}

/* Match at i: returns the end (exclusive) and sets *type, or 0. */
static size_t
match(const Sent *s, size_t i, int *type)
{
	size_t j;

	if (isclock(s, i)) {
		*type = LEDE_NX_TIME;
		j = i + 1;
		if (inlist(s, j, ampm))
			j++;
		if (inlist(s, j, zones))
			j++;
		return j;
	}
	if (inlist(s, i, clock)) {
		*type = LEDE_NX_TIME;
		return i + 1;
	}
	if (glued(s, i, 1)) {
		*type = LEDE_NX_MONEY;
		return numend(s, i);
	}
	if (glued(s, i, 0)) {
		*type = LEDE_NX_PERCENT;
		return i + 1;
	}
	if (inlist(s, i, cursym) && isnum(s, i + 1)) {
		*type = LEDE_NX_MONEY;
		return numend(s, i + 1);
	}
	if (isiso(s, i) || isdecade(s, i)) {
		*type = LEDE_NX_DATE;
		return i + 1;
	}
	if (isnum(s, i)) {
		j = numend(s, i);
		if (inlist(s, j, percent)) {
			*type = LEDE_NX_PERCENT;
			return j + 1;
		}
		if (j < s->n && inlist(s, j, (const char *const[]){"per", NULL}) &&
		    inlist(s, j + 1, (const char *const[]){"cent", NULL})) {
			*type = LEDE_NX_PERCENT;
			return j + 2;
		}
		if (inlist(s, j, curword)) {
			*type = LEDE_NX_MONEY;
			return j + 1 + (inlist(s, j + 1, (const char *const[]){
			    "sterling", NULL}) ? 1 : 0);
		}
		if (inlist(s, j, units)) {
			*type = LEDE_NX_QUANTITY;
			return j + 1;
		}
		if (j == i + 1 && isday(s, i) && (inlist(s, i + 1, months) ||
		    inlist(s, i + 1, may))) {	/* 14 March 2025 */
			*type = LEDE_NX_DATE;
			j = i + 2;
			if (isyear(s, j))
				j++;
			return j;
		}
		if (j == i + 1 && intval(s, i) >= 1 && intval(s, i) <= 12 &&
		    inlist(s, i + 1, ampm)) {
			*type = LEDE_NX_TIME;
			return i + 2 + (inlist(s, i + 2, zones) ? 1 : 0);
		}
		if (j == i + 1 && isyear(s, i) && i > 0 &&
		    inlist(s, i - 1, yearcue)) {
			*type = LEDE_NX_DATE;
			return i + 1;
		}
		return 0;
	}
	if (inlist(s, i, months) || (inlist(s, i, may) && (isday(s, i + 1) ||
	    isyear(s, i + 1)))) {	/* March, March 14, March 14, 2025 */
		*type = LEDE_NX_DATE;
		j = i + 1;
		if (isday(s, j)) {
			j++;
			if (j + 1 < s->n && s->len[j] == 1 && s->f[j][0] == ',' &&
			    isyear(s, j + 1))
				j += 2;
			else if (isyear(s, j))
				j++;
		} else if (isyear(s, j))
			j++;
		return j;
	}
	if (inlist(s, i, weekdays) || inlist(s, i, reldays)) {
		*type = LEDE_NX_DATE;
		return i + 1;
	}
	if (inlist(s, i, relmods) && inlist(s, i + 1, relunits)) {
		*type = LEDE_NX_DATE;
		return i + 2;
	}
	return 0;
}

void
lede_nerx_tag(const char *const *forms, const size_t *len, size_t n,
    const unsigned char *free_, unsigned mask, int *out)
{
	Sent s = {forms, len, n};
	size_t i, j, k;
	int type;

	for (i = 0; i < n; i++)
		out[i] = -1;
	for (i = 0; i < n;) {
		if (!free_[i] || !(j = match(&s, i, &type)) || j > n) {
			i++;
			continue;
		}
		for (k = i; k < j && free_[k]; k++)
			;
		if (k < j && type == LEDE_NX_TIME)	/* 16:40 [GMT] */
			j = k;
		if (k < j || !(mask & (1u << type))) {
			i++;
			continue;
		}
		for (k = i; k < j; k++)
			out[k] = 2 * type + (k > i);
		i = j;
	}
}
