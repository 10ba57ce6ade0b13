/* See LICENSE file for copyright and license details. */
#include <string.h>

#include <stdlib.h>

#include "nerrules.h"
#include "util.h"

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
	const unsigned *cls;	/* word-list bits of each token */
} Sent;

/* Token i is in the word list with bit b (case-insensitive, ASCII). */
static int
inlist(const Sent *s, size_t i, unsigned b)
{
	return i < s->n && (s->cls[i] & b);
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
			Sent t = {(const char *const[]){buf}, (size_t[]){n - 2}, 1, NULL};

			return isday(&t, 0);
		}
	}
	v = intval(s, i);
	return s->len[i] <= 2 && v >= 1 && v <= 31;
}

#define B_MONTHS (1u << 0)
static const char *const months[] = {"January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November",
    "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
    "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL};
#define B_MAY (1u << 1)
static const char *const may[] = {"May", NULL};
#define B_WEEKDAYS (1u << 2)
static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", NULL};
#define B_RELDAYS (1u << 3)
static const char *const reldays[] = {"today", "yesterday", "tomorrow",
    NULL};
#define B_RELMODS (1u << 4)
static const char *const relmods[] = {"last", "next", "this", "past",
    "coming", NULL};
#define B_RELUNITS (1u << 5)
static const char *const relunits[] = {"week", "month", "year", "weekend",
    "quarter", "decade", "century", "spring", "summer", "autumn", "fall",
    "winter", "season", NULL};
#define B_YEARCUE (1u << 6)
static const char *const yearcue[] = {"in", "since", "by", "until", "till",
    "from", "to", "through", "before", "after", "during", "early", "late",
    "mid", "of", "end", "around", "and", NULL};
#define B_SCALES (1u << 7)
static const char *const scales[] = {"million", "millions", "billion",
    "billions", "trillion", "trillions", "thousand", "thousands", "hundred",
    "mln", "bln", "bn", "m", "k", NULL};
#define B_CURSYM (1u << 8)
static const char *const cursym[] = {"$", "€", "£", "¥", "US$", "C$", "A$",
    "HK$", "NZ$", "S$", "Rs", "Rs.", "USD", "EUR", "GBP", "JPY", "CHF",
    "CNY", NULL};
#define B_CURWORD (1u << 9)
static const char *const curword[] = {"dollar", "dollars", "euro", "euros",
    "pound", "pounds", "sterling", "yen", "cent", "cents", "franc", "francs",
    "mark", "marks", "peso", "pesos", "rupee", "rupees", "yuan", "rouble",
    "roubles", "ruble", "rubles", "lira", "lire", "crown", "crowns", "krona",
    "kronor", "krone", "kroner", "guilder", "guilders", "pence", "cruzados",
    "cruzado", "rand", "riyals", "dinars", "shekels", NULL};
#define B_PERCENT (1u << 10)
static const char *const percent[] = {"%", "percent", "pct", NULL};
#define B_UNITS (1u << 11)
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
#define B_AMPM (1u << 12)
static const char *const ampm[] = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m",
    NULL};
#define B_ZONES (1u << 13)
static const char *const zones[] = {"GMT", "EST", "EDT", "CET", "CEST", "BST",
    "UTC", "ET", "PST", "PDT", NULL};
#define B_CLOCK (1u << 14)
static const char *const clock[] = {"noon", "midnight", NULL};
#define B_PER (1u << 15)
#define B_CENT (1u << 16)
#define B_STERLING (1u << 17)
#define B_HOLIDAY (1u << 18)
static const char *const holidays[] = {"Christmas", "Xmas", "Easter",
    "Ramadan", "Diwali", "Hanukkah", "Chanukah", "Passover", "Thanksgiving",
    "Halloween", "Hogmanay", "Pentecost", "Whitsun", "Eid", "Kwanzaa", NULL};
#define B_HOLNEXT (1u << 19)
static const char *const holnext[] = {"Day", "Eve", "Sunday", "Monday",
    NULL};
#define B_DAYNAME (1u << 20)
static const char *const dayname[] = {"Boxing", "Labor", "Labour",
    "Memorial", "Veterans", "Bastille", "Anzac", "Valentine", "Valentines",
    NULL};
/*
 * Countries, present and past, and their usual short forms.  Names that
 * are also common given names or surnames (Jordan, Chad, Georgia) are
 * left out: "Jordan" is a person 8 times of 11 in CoNLL-2003 dev.
 */
#define B_COUNTRY (1u << 21)
static const char *const countries[] = {
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina",
    "Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain",
    "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin",
    "Bhutan", "Bolivia", "Bosnia", "Bosnia-Herzegovina",
    "Bosnia - Herzegovina", "Bosnia and Herzegovina", "Botswana", "Brazil", "Britain",
    "Great Britain", "Brunei", "Bulgaria", "Burkina Faso", "Burma",
    "Burundi", "Cambodia", "Cameroon", "Canada", "Cape Verde",
    "Central African Republic", "Chile", "China", "Colombia", "Comoros",
    "Congo", "Costa Rica", "Croatia", "Cuba", "Cyprus", "Czech Republic",
    "Czechoslovakia", "Denmark", "Djibouti", "Dominica",
    "Dominican Republic", "East Germany", "East Timor", "Ecuador", "Egypt",
    "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Ethiopia",
    "Fiji", "Finland", "France", "Gabon", "Gambia", "Ghana", "Greece",
    "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guinea - Bissau", "Guyana", "Haiti",
    "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Irish Republic", "Israel", "Italy", "Ivory Coast",
    "Jamaica", "Japan", "Kazakhstan", "Kenya", "Kiribati", "Kosovo",
    "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho",
    "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg",
    "Macedonia", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali",
    "Malta", "Mauritania", "Mauritius", "Mexico", "Moldova", "Monaco",
    "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua",
    "Niger", "Nigeria", "North Korea", "Norway", "Oman", "Pakistan",
    "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
    "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda",
    "Samoa", "San Marino", "Saudi Arabia", "Senegal", "Serbia",
    "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
    "Somalia", "South Africa", "South Korea", "Soviet Union", "Spain",
    "Sri Lanka", "Sudan", "South Sudan", "Suriname", "Swaziland", "Sweden",
    "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand",
    "Togo", "Tonga", "Trinidad", "Trinidad and Tobago", "Tunisia",
    "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
    "United Arab Emirates", "UAE", "U.A.E.", "United Kingdom", "UK",
    "U.K.", "United States", "United States of America", "US", "U.S.",
    "USA", "U.S.A.", "Uruguay", "USSR", "U.S.S.R.", "Uzbekistan",
    "Vanuatu", "Venezuela", "Vietnam", "West Germany", "Yemen",
    "Yugoslavia", "Zaire", "Zambia", "Zimbabwe", NULL};
#define B_LEGAL (1u << 22)
static const char *const legal[] = {"Ltd", "Ltd.", "Limited", "Inc",
    "Inc.", "Incorporated", "Co", "Co.", "Corp", "Corp.", "Corporation",
    "Company", "Plc", "AG", "SA", "S.A.", "NV", "N.V.", "BV", "B.V.",
    "GmbH", "SpA", "AB", "Bhd", "Berhad", "Pte", "Pty", "LLC", "LP",
    "L.P.", "Oy", "ASA", "KK", NULL};
static const char *const per[] = {"per", NULL};
static const char *const cent[] = {"cent", NULL};
static const char *const sterling[] = {"sterling", NULL};

static const struct {
	const char *const *words;
	unsigned bit;
} lists[] = {
	{months, B_MONTHS}, {may, B_MAY}, {weekdays, B_WEEKDAYS},
	{reldays, B_RELDAYS}, {relmods, B_RELMODS}, {relunits, B_RELUNITS},
	{yearcue, B_YEARCUE}, {scales, B_SCALES}, {cursym, B_CURSYM},
	{curword, B_CURWORD}, {percent, B_PERCENT}, {units, B_UNITS},
	{ampm, B_AMPM}, {zones, B_ZONES}, {clock, B_CLOCK}, {per, B_PER},
	{cent, B_CENT}, {sterling, B_STERLING}, {holidays, B_HOLIDAY},
	{holnext, B_HOLNEXT}, {dayname, B_DAYNAME}, {countries, B_COUNTRY},
	{legal, B_LEGAL},
};

/*
 * The words of all lists, lower-cased, in an open-addressing table; a
 * country of several words is one entry, its words joined by spaces.
 */
#define WMAX 31
#define NSLOT 2048
static struct {
	char w[WMAX + 1];
	unsigned bits;
} table[NSLOT];
static int built;

static unsigned
whash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h & (NSLOT - 1);
}

/* Lower-case ASCII copy of s into buf; 0 when too long for the lists. */
static size_t
lowcopy(char *buf, const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > WMAX)
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	buf[n] = '\0';
	return n;
}

static void
build(void)
{
	size_t k, j, n, h;
	char buf[WMAX + 1];

	for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
		for (j = 0; lists[k].words[j]; j++) {
			n = lowcopy(buf, lists[k].words[j],
			    strlen(lists[k].words[j]));
			for (h = whash(buf, n); table[h].w[0] &&
			    strcmp(table[h].w, buf); h = (h + 1) & (NSLOT - 1))
				;
			memcpy(table[h].w, buf, n + 1);
			table[h].bits |= lists[k].bit;
		}
	built = 1;
}

static unsigned
wordbits(const char *s, size_t len)
{
	char buf[WMAX + 1];
	size_t n = lowcopy(buf, s, len), h;

	if (!n)
		return 0;
	for (h = whash(buf, n); table[h].w[0]; h = (h + 1) & (NSLOT - 1))
		if (!strcmp(table[h].w, buf))
			return table[h].bits;
	return 0;
}

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

	while (j < s->n && inlist(s, j, B_SCALES))
		j++;
	return j;
}

int
lede_nerx_country(const char *const *forms, const size_t *len, size_t n)
{
	char buf[WMAX + 1];
	size_t i, k = 0;

	if (!built)
		build();
	for (i = 0; i < n; i++) {
		if (k + len[i] + (i > 0) > WMAX)
			return 0;
		if (i > 0)
			buf[k++] = ' ';
		memcpy(buf + k, forms[i], len[i]);
		k += len[i];
	}
	return (wordbits(buf, k) & B_COUNTRY) != 0;
}

int
lede_nerx_legal(const char *form, size_t len)
{
	if (!built)
		build();
	return len > 0 && ((form[0] >= 'A' && form[0] <= 'Z') ||
	    (len == 3 && !memcmp(form, "plc", 3))) &&
	    (wordbits(form, len) & B_LEGAL) != 0;
}

/* Token i is exactly w (ASCII, case-insensitive). */
static int
isword(const Sent *s, size_t i, const char *w)
{
	return i < s->n && s->len[i] == strlen(w) &&
	    !strncasecmp(s->f[i], w, s->len[i]);
}

/* Token i is 's (straight or curly apostrophe). */
static int
isposs(const Sent *s, size_t i)
{
	return isword(s, i, "'s") || isword(s, i, "\xe2\x80\x99s");
}

/*
 * A holiday at i: "Christmas", "Christmas Eve", "Easter Monday", "New
 * Year", "New Year's Day", "Boxing Day", "Valentine's Day", "Good
 * Friday", "Yom Kippur", "Rosh Hashanah".  Returns its end, or 0.
 */
static size_t
holiday(const Sent *s, size_t i)
{
	size_t j;

	if (inlist(s, i, B_HOLIDAY))
		return i + 1 + inlist(s, i + 1, B_HOLNEXT);
	if (inlist(s, i, B_DAYNAME)) {
		j = i + 1 + isposs(s, i + 1);
		return isword(s, j, "Day") ? j + 1 : 0;
	}
	if (isword(s, i, "New") && isword(s, i + 1, "Year")) {
		j = i + 2;
		if (isposs(s, j) && (isword(s, j + 1, "Day") ||
		    isword(s, j + 1, "Eve")))
			j += 2;
		return j;
	}
	if ((isword(s, i, "Good") && isword(s, i + 1, "Friday")) ||
	    (isword(s, i, "Yom") && isword(s, i + 1, "Kippur")) ||
	    (isword(s, i, "Rosh") && isword(s, i + 1, "Hashanah")))
		return i + 2;
	return 0;
}

size_t
lede_nerx_holiday(const char *const *forms, const size_t *len, size_t n,
    size_t i)
{
	unsigned cls[5];
	Sent s;
	size_t k;

	if (i >= n)
		return 0;
	if (!built)
		build();
	s.f = forms + i;
	s.len = len + i;
	s.n = n - i < 5 ? n - i : 5;
	s.cls = cls;
	/* most names start no holiday: look no further */
	cls[0] = wordbits(s.f[0], s.len[0]);
	if (!(cls[0] & (B_HOLIDAY | B_DAYNAME)) && (s.len[0] < 3 ||
	    s.len[0] > 4 || !strchr("NnGgYyRr", s.f[0][0]) || !(isword(&s, 0,
	    "New") || isword(&s, 0, "Good") || isword(&s, 0, "Yom") ||
	    isword(&s, 0, "Rosh"))))
		return 0;
	for (k = 1; k < s.n; k++)
		cls[k] = wordbits(s.f[k], s.len[k]);
	k = holiday(&s, 0);
	return k ? i + k : 0;
}

/* Match at i: returns the end (exclusive) and sets *type, or 0. */
static size_t
match(const Sent *s, size_t i, int *type)
{
	size_t j;

	if (isclock(s, i)) {
		*type = LEDE_NX_TIME;
		j = i + 1;
		if (inlist(s, j, B_AMPM))
			j++;
		if (inlist(s, j, B_ZONES))
			j++;
		return j;
	}
	if (inlist(s, i, B_CLOCK)) {
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
	if (inlist(s, i, B_CURSYM) && isnum(s, i + 1)) {
		*type = LEDE_NX_MONEY;
		return numend(s, i + 1);
	}
	if (isiso(s, i) || isdecade(s, i)) {
		*type = LEDE_NX_DATE;
		return i + 1;
	}
	if (isnum(s, i)) {
		j = numend(s, i);
		if (inlist(s, j, B_PERCENT)) {
			*type = LEDE_NX_PERCENT;
			return j + 1;
		}
		if (j < s->n && inlist(s, j, B_PER) &&
		    inlist(s, j + 1, B_CENT)) {
			*type = LEDE_NX_PERCENT;
			return j + 2;
		}
		if (inlist(s, j, B_CURWORD)) {
			*type = LEDE_NX_MONEY;
			return j + 1 + (inlist(s, j + 1, B_STERLING) ? 1 : 0);
		}
		if (inlist(s, j, B_UNITS)) {
			*type = LEDE_NX_QUANTITY;
			return j + 1;
		}
		if (j == i + 1 && isday(s, i) && (inlist(s, i + 1, B_MONTHS) ||
		    inlist(s, i + 1, B_MAY))) {	/* 14 March 2025 */
			*type = LEDE_NX_DATE;
			j = i + 2;
			if (isyear(s, j))
				j++;
			return j;
		}
		if (j == i + 1 && intval(s, i) >= 1 && intval(s, i) <= 12 &&
		    inlist(s, i + 1, B_AMPM)) {
			*type = LEDE_NX_TIME;
			return i + 2 + (inlist(s, i + 2, B_ZONES) ? 1 : 0);
		}
		if (j == i + 1 && isyear(s, i) && i > 0 &&
		    inlist(s, i - 1, B_YEARCUE)) {
			*type = LEDE_NX_DATE;
			return i + 1;
		}
		return 0;
	}
	if (inlist(s, i, B_MONTHS) || (inlist(s, i, B_MAY) && (isday(s, i + 1) ||
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
	if (inlist(s, i, B_WEEKDAYS) || inlist(s, i, B_RELDAYS)) {
		*type = LEDE_NX_DATE;
		return i + 1;
	}
	if (inlist(s, i, B_RELMODS) && inlist(s, i + 1, B_RELUNITS)) {
		*type = LEDE_NX_DATE;
		return i + 2;
	}
	return 0;
}

void
lede_nerx_tag(const char *const *forms, const size_t *len, size_t n,
    const unsigned char *free_, unsigned mask, int *out)
{
	Sent s = {forms, len, n, NULL};
	size_t i, j, k;
	int type, any = 0;
	unsigned small[256], *cls = n <= 256 ? small : emalloc(n * sizeof(*cls));

	if (!built)
		build();
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)forms[i][0];

		out[i] = -1;
		cls[i] = wordbits(forms[i], len[i]);
		/* digits, $, and the lead bytes of the currency signs */
		any |= cls[i] || isdig(c) || c == '$' || c == 0xc2 || c == 0xe2;
	}
	s.cls = cls;
	if (!any)
		n = 0;
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
	if (cls != small)
		free(cls);
}
