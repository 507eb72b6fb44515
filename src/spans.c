/* spans.c — overlap resolution.
 *
 * Hyperscan reports matches unordered and overlapping. The output must not
 * depend on that order, and nothing covered by any confirmed span may leak,
 * so overlapping spans are merged into one region (the union) and the label
 * goes to the span that sorts first: leftmost, then longest, then highest
 * priority, then earliest rule. Spans that merely touch stay separate. */
#include "match.h"


/* Sort order; rules may be NULL when only positions matter. */
static bool before(const region *a, const region *b, const phiscrub_rules *rules)
{
    if (a->start != b->start)
        return a->start < b->start;
    if (a->win_len != b->win_len)
        return a->win_len > b->win_len;
    if (rules) {
        int pa = rules->rules[a->rule].priority, pb = rules->rules[b->rule].priority;
        if (pa != pb)
            return pa > pb;
    }
    return a->rule < b->rule;
}

static void sift_down(region *v, size_t root, size_t n, const phiscrub_rules *rules)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && before(&v[child], &v[child + 1], rules))
            child++;
        if (!before(&v[root], &v[child], rules))
            return;
        region t = v[root];
        v[root] = v[child];
        v[child] = t;
        root = child;
    }
}

/* Insertion sort for the usual handful of spans per block; heapsort (no
 * allocation, no global comparator state) when a block is dense. */
static void sort_regions(region *v, size_t n, const phiscrub_rules *rules)
{
    if (n < 32) {
        for (size_t i = 1; i < n; i++) {
            region x = v[i];
            size_t j = i;
            while (j > 0 && before(&x, &v[j - 1], rules)) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    for (size_t i = n / 2; i-- > 0;)
        sift_down(v, i, n, rules);
    for (size_t end = n - 1; end > 0; end--) {
        region t = v[0];
        v[0] = v[end];
        v[end] = t;
        sift_down(v, 0, end, rules);
    }
}

size_t spans_resolve(region *v, size_t n, const phiscrub_rules *rules)
{
    if (n == 0)
        return 0;
    sort_regions(v, n, rules);
    size_t out = 0;
    for (size_t i = 1; i < n; i++) {
        if (v[i].start < v[out].end) {
            if (v[i].end > v[out].end)
                v[out].end = v[i].end;
        } else {
            v[++out] = v[i];
        }
    }
    return out + 1;
}

size_t spans_drop_allowed(region *v, size_t n, region *allow, size_t nallow)
{
    if (nallow == 0 || n == 0)
        return n;
    sort_regions(allow, nallow, NULL);
    sort_regions(v, n, NULL);
    size_t a = 0, out = 0, reach = 0; /* reach: furthest end of allows starting <= v[i].start */
    for (size_t i = 0; i < n; i++) {
        while (a < nallow && allow[a].start <= v[i].start) {
            if (allow[a].end > reach)
                reach = allow[a].end;
            a++;
        }
        if (reach < v[i].end)
            v[out++] = v[i];
    }
    return out;
}

size_t spans_coarsen(region *v, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i += 2) {
        v[out] = v[i];
        if (i + 1 < n && v[i + 1].end > v[out].end)
            v[out].end = v[i + 1].end;
        out++;
    }
    return out;
}
