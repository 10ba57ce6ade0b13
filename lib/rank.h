/* See LICENSE file for copyright and license details. */
#ifndef LEDE_RANK_H
#define LEDE_RANK_H

#include <stddef.h>

/*
 * Graph centrality for keyphrases (TextRank, PositionRank) and sentences
 * (LexRank): a weighted undirected graph and personalised PageRank on it.
 */
typedef struct LedeGraph LedeGraph;

LedeGraph *lede_graph_new(void);
void lede_graph_free(LedeGraph *g);
/* Empty the graph and give it n nodes, 0..n-1. */
void lede_graph_reset(LedeGraph *g, size_t n);
/* Add w > 0 to the weight of the edge a-b (a != b); repeats add up. */
void lede_graph_add(LedeGraph *g, size_t a, size_t b, double w);

/*
 * Personalised PageRank: s = (1 - d) p + d W s, where W divides each
 * edge's weight by its source node's total; a node without edges gives
 * its score back through p.  p (n values >= 0, NULL for uniform) is
 * normalised to sum 1.  Iterates until the L1 change is below tol or
 * maxiter rounds; the result in s[0..n) sums to 1.  The order of the
 * sums is fixed, so the result is the same run to run.
 */
void lede_pagerank(LedeGraph *g, const double *p, double d, int maxiter,
    double tol, double *s);

#endif
