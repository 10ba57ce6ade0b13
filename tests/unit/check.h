/* A minimal unit-test helper, as in utf8proc's tests. */
#include <stdio.h>
#include <stdlib.h>

static int check_failures;

#define check(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		check_failures++; \
	} \
} while (0)

static int
check_done(void)
{
	if (check_failures)
		fprintf(stderr, "%d checks failed\n", check_failures);
	return check_failures ? 1 : 0;
}
