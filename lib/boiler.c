/* See LICENSE file for copyright and license details. */
#include <string.h>

#include "boiler.h"
#include "util.h"

static const char *names[] = {
	"none", "disclosure", "subscribe", "byline", "dateline", "photo",
	"readmore", "copyright", "nav", "heading", "repeat",
};

const char *
lede_boil_name(LedeBoil b)
{
	return (size_t)b < LEDE_LEN(names) ? names[b] : "?";
}

/* Phrases anywhere in a line. */
static const char *disclosure_any[] = {
	"affiliate disclosure", "affiliate link", "sponsored content",
	"sponsored post", "paid content", "paid partnership", "we may earn",
	"we may get a commission", "we may receive a commission",
	"earn a commission", "earn a small commission", "ethics policy",
	"privacy policy", "cookie policy", "terms of use", "terms of service",
	"this article contains affiliate", "partner content",
};
/* Line starts. */
static const char *disclosure_start[] = {
	"sponsored", "advertisement", "disclosure", "affiliate", "promoted",
	"ad:", "paid post",
};
static const char *subscribe_any[] = {
	"subscribe to", "subscribe now", "subscribe for", "sign up for",
	"sign up to", "sign up now", "newsletter", "follow us on", "follow us:",
	"download our app", "download the app", "support our journalism",
	"already a subscriber", "create an account", "log in to",
	"share this article", "share on facebook", "share on twitter",
	"get the latest", "get our", "join our", "become a member",
};
static const char *photo_start[] = {
	"photo:", "photo by", "photos:", "photograph:", "photograph by", "image:",
	"images:", "image by", "picture:", "pictured:", "caption:", "credit:",
	"photo credit", "image credit", "file photo", "video:", "watch:",
	"illustration:", "graphic:",
};
static const char *photo_any[] = {
	"getty images", "(ap photo", "/ap photo", "reuters/", "afp via getty",
	"shutterstock", "/afp)", "(file photo", "photo illustration",
};
static const char *readmore_start[] = {
	"read more", "read also", "also read", "read next", "related:",
	"related articles", "related stories", "related coverage", "see also",
	"more:", "more on this", "more from", "click here", "listen:",
	"recommended:", "most read", "trending:", "up next", "don't miss",
	"continue reading", "you may also like", "explore more",
};
static const char *byline_start[] = {
	"by ", "written by ", "reporting by ", "reported by ", "editing by ",
	"edited by ", "additional reporting by ", "compiled by ", "words by ",
};
static const char *dateline_any[] = {
	"published ", "updated ", "posted ", "last modified", "last updated",
	"first published",
};
static const char *months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec",
};

static int
starts(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);

	return n >= m && !memcmp(s, p, m);
}

static int
contains(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p), i;

	if (m > n)
		return 0;
	for (i = 0; i + m <= n; i++)
		if (s[i] == p[0] && !memcmp(s + i, p, m))
			return 1;
	return 0;
}

static int
any_start(const char *s, size_t n, const char **list, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (starts(s, n, list[i]))
			return 1;
	return 0;
}

static int
any_contains(const char *s, size_t n, const char **list, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (contains(s, n, list[i]))
			return 1;
	return 0;
}

/* Ends like a sentence: . ! ? or one of them before closing quotes. */
static int
endpunct(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ' ')
			n--;
		else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 &&
		    (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0x9d || (unsigned char)s[n - 1] == 0x99))
			n -= 3;	/* closing double or single quote */
		else
			return c == '.' || c == '!' || c == '?' || c == ':';
	}
	return 0;
}

/* A line that is mostly a date or a time. */
static int
datelike(const char *s, size_t n, long words)
{
	size_t i;
	int digits = 0, month = 0;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			digits = 1;
	for (i = 0; i < LEDE_LEN(months); i++)
		if (contains(s, n, months[i]))
			month = 1;
	return digits && (month || contains(s, n, "gmt") || contains(s, n, "utc") ||
	    contains(s, n, " am") || contains(s, n, " pm")) && words <= 12;
}

LedeBoil
lede_boil_check(const char *text, size_t len, const LedeBoilCtx *ctx)
{
	char low[512];
	size_t n = len < sizeof(low) ? len : sizeof(low), i, bars = 0;
	long w = ctx->words;
	int alone = ctx->alone != 0, end;

	/* ASCII lower case is enough for the English phrases below */
	for (i = 0; i < n; i++) {
		char c = text[i];

		low[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	end = endpunct(text, len);
	if (contains(low, n, "\xc2\xa9") || contains(low, n, "all rights reserved") ||
	    starts(low, n, "copyright") || starts(low, n, "(c) "))
		if (w <= 40)
			return LEDE_BOIL_COPYRIGHT;
	if (w <= 40 && (any_start(low, n, disclosure_start, LEDE_LEN(disclosure_start)) ||
	    any_contains(low, n, disclosure_any, LEDE_LEN(disclosure_any))))
		return LEDE_BOIL_DISCLOSURE;
	if (any_start(low, n, readmore_start, LEDE_LEN(readmore_start)) && w <= 30)
		return LEDE_BOIL_READMORE;
	if (w <= 40 && (any_start(low, n, photo_start, LEDE_LEN(photo_start)) ||
	    any_contains(low, n, photo_any, LEDE_LEN(photo_any))))
		return LEDE_BOIL_PHOTO;
	if (w <= 25 && alone && any_contains(low, n, subscribe_any,
	    LEDE_LEN(subscribe_any)))
		return LEDE_BOIL_SUBSCRIBE;
	for (i = 0; w <= 12 && i < LEDE_LEN(byline_start); i++) {
		size_t m = strlen(byline_start[i]);

		/* "By NAME" alone or without a full stop; "Reporting by" always */
		if (starts(low, n, byline_start[i]) && m < len &&
		    text[m] >= 'A' && text[m] <= 'Z' && (alone || !end || i > 1))
			return LEDE_BOIL_BYLINE;
	}
	if (alone && any_contains(low, n, dateline_any, LEDE_LEN(dateline_any)) &&
	    datelike(low, n, w))
		return LEDE_BOIL_DATELINE;
	if (alone && !end && datelike(low, n, w) && w <= 6)
		return LEDE_BOIL_DATELINE;
	for (i = 0; i < n; i++)
		if (low[i] == '|' || (i + 1 < n && (unsigned char)low[i] == 0xc2 &&
		    ((unsigned char)low[i + 1] == 0xbb)))
			bars++;
	if (bars >= 2 && !end)
		return LEDE_BOIL_NAV;
	if (ctx->alone == 1 && !end && w <= 15)
		return LEDE_BOIL_HEADING;
	return LEDE_BOIL_NONE;
}
