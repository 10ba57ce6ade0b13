/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rank.h"
#include "util.h"

typedef struct {
	size_t a, b;
	double w;
} Edge;

struct LedeGraph {
	size_t n;
	Edge *e;
	size_t ne, ce;
	/* compressed rows, built by lede_pagerank */
	size_t *row, *col;
	double *w, *out, *pp, *tmp;
	size_t crow, ccol, cn;
	Edge *te;		/* scratch of sortedges */
	size_t ct;
};

LedeGraph *
lede_graph_new(void)
{
	return ecalloc(1, sizeof(LedeGraph));
}

void
lede_graph_free(LedeGraph *g)
{
	if (!g)
		return;
	free(g->e);
	free(g->row);
	free(g->col);
	free(g->w);
	free(g->out);
	free(g->pp);
	free(g->tmp);
	free(g->te);
	free(g);
}

void
lede_graph_reset(LedeGraph *g, size_t n)
{
	g->n = n;
	g->ne = 0;
}

static void
push(LedeGraph *g, size_t a, size_t b, double w)
{
	if (g->ne == g->ce) {
		g->ce = g->ce ? g->ce * 2 : 1024;
		g->e = ereallocarray(g->e, g->ce, sizeof(*g->e));
	}
	g->e[g->ne].a = a;
	g->e[g->ne].b = b;
	g->e[g->ne].w = w;
	g->ne++;
}

void
lede_graph_add(LedeGraph *g, size_t a, size_t b, double w)
{
	if (a == b || a >= g->n || b >= g->n || !(w > 0))
		return;
	push(g, a, b, w);
	push(g, b, a, w);
}

/*
 * Sort the edges by source, then target, keeping the order of equal ones
 * (their weights are added in it): a counting sort by source, then each
 * row by target, insertion sort for short rows and merging for long ones.
 */
static void
sortrow(Edge *e, Edge *tmp, size_t n)
{
	size_t i, j, h, a, b, k;

	if (n <= 16) {
		for (i = 1; i < n; i++) {
			Edge x = e[i];

			for (j = i; j > 0 && e[j - 1].b > x.b; j--)
				e[j] = e[j - 1];
			e[j] = x;
		}
		return;
	}
	h = n / 2;
	sortrow(e, tmp, h);
	sortrow(e + h, tmp, n - h);
	for (a = 0, b = h, k = 0; a < h || b < n; k++)
		tmp[k] = b == n || (a < h && e[a].b <= e[b].b) ? e[a++] : e[b++];
	memcpy(e, tmp, n * sizeof(*e));
}

/* row[a]: where the edges of source a start in e[0..m) sorted by source. */
static void
rowstarts(size_t *row, const Edge *e, size_t n, size_t m)
{
	size_t i;

	for (i = 0; i <= n; i++)
		row[i] = 0;
	for (i = 0; i < m; i++)
		row[e[i].a + 1]++;
	for (i = 0; i < n; i++)
		row[i + 1] += row[i];
}

static void
sortedges(LedeGraph *g)
{
	size_t i, n = g->n, m = g->ne;

	if (m == 0)
		return;
	if (g->ct < m) {
		g->ct = m;
		g->te = ereallocarray(g->te, g->ct, sizeof(*g->te));
	}
	rowstarts(g->row, g->e, n, m);
	for (i = 0; i < m; i++)
		g->te[g->row[g->e[i].a]++] = g->e[i];
	/* row[a] is now the end of row a */
	for (i = 0; i < n; i++) {
		size_t lo = i ? g->row[i - 1] : 0;

		sortrow(g->te + lo, g->e, g->row[i] - lo);
	}
	memcpy(g->e, g->te, m * sizeof(*g->e));
}

void
lede_pagerank(LedeGraph *g, const double *p, double d, int maxiter,
    double tol, double *s)
{
	size_t n = g->n, i, k, m = 0;
	double sum, delta, lost;
	int it;

	if (n == 0)
		return;
	if (g->cn < n + 1) {
		g->cn = n + 1;
		g->row = ereallocarray(g->row, g->cn, sizeof(*g->row));
		g->out = ereallocarray(g->out, g->cn, sizeof(*g->out));
		g->pp = ereallocarray(g->pp, g->cn, sizeof(*g->pp));
		g->tmp = ereallocarray(g->tmp, g->cn, sizeof(*g->tmp));
	}
	/* sort and merge repeated edges, in a fixed order */
	sortedges(g);
	for (i = 0; i < g->ne; i++) {
		if (m > 0 && g->e[m - 1].a == g->e[i].a && g->e[m - 1].b == g->e[i].b)
			g->e[m - 1].w += g->e[i].w;
		else
			g->e[m++] = g->e[i];
	}
	g->ne = m;
	if (g->ccol < m + 1) {
		g->ccol = m + 1;
		g->col = ereallocarray(g->col, g->ccol, sizeof(*g->col));
		g->w = ereallocarray(g->w, g->ccol, sizeof(*g->w));
	}
	/* edges sorted by source; incoming = outgoing as the graph is symmetric */
	rowstarts(g->row, g->e, n, m);
	for (i = 0; i < n; i++)
		g->out[i] = 0;
	for (i = 0; i < m; i++) {
		g->col[i] = g->e[i].b;
		g->w[i] = g->e[i].w;
		g->out[g->e[i].a] += g->e[i].w;
	}
	sum = 0;
	for (i = 0; i < n; i++)
		sum += (g->pp[i] = p ? (p[i] > 0 ? p[i] : 0) : 1.0);
	for (i = 0; i < n; i++)
		g->pp[i] = sum > 0 ? g->pp[i] / sum : 1.0 / (double)n;
	for (i = 0; i < n; i++)
		s[i] = g->pp[i];
	for (it = 0; it < maxiter; it++) {
		lost = 0;
		for (i = 0; i < n; i++)
			if (g->out[i] <= 0)
				lost += s[i];
		delta = 0;
		for (i = 0; i < n; i++) {
			double acc = 0;

			/* row i lists the neighbours j of i; w(j->i) = w(i->j) */
			for (k = g->row[i]; k < g->row[i + 1]; k++)
				acc += g->w[k] * s[g->col[k]] / g->out[g->col[k]];
			g->tmp[i] = (1 - d) * g->pp[i] + d * (acc + lost * g->pp[i]);
		}
		for (i = 0; i < n; i++) {
			delta += fabs(g->tmp[i] - s[i]);
			s[i] = g->tmp[i];
		}
		if (delta < tol)
			break;
	}
}
