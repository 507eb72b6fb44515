/* bundle_align.c — recovering mask positions from redacted text.
 *
 * The redacted text is literal runs of the input with labels between
 * them: L0 M1 L1 ... Mk Lk, found by looking for the known labels (the
 * input cannot contain one, the caller sees to that). L0 is a prefix of
 * the input and Lk a suffix. Each inner run is placed as early as it can
 * go (left to right, each after the previous one plus at least one masked
 * byte) and as late as it can go (right to left). The true position of a
 * run lies between the two, so a mask taken as "from the earliest end of
 * the run before it to the latest start of the run after it" covers the
 * real mask: the answer can only be too wide, never too narrow. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_align.h"

#include <stdlib.h>
#include <string.h>

struct align_state {
    align_span *sp;
    size_t *lo, *ll; /* literal run j: offset and length in out */
    size_t *le, *rs; /* its earliest end and latest start in the text */
    int *lab;        /* label before literal run j */
    size_t cap;
};

align_state *align_new(void) { return calloc(1, sizeof(align_state)); }

void align_free(align_state *st)
{
    if (!st)
        return;
    free(st->sp);
    free(st->lo);
    free(st->ll);
    free(st->le);
    free(st->rs);
    free(st->lab);
    free(st);
}

static int grow(align_state *st, size_t need)
{
    if (need <= st->cap)
        return 0;
    size_t cap = need * 2;
    void *p[6] = {st->sp, st->lo, st->ll, st->le, st->rs, st->lab};
    size_t sz[6] = {sizeof *st->sp, sizeof *st->lo, sizeof *st->ll,
                    sizeof *st->le, sizeof *st->rs, sizeof *st->lab};
    int ok = 1;
    for (int i = 0; i < 6; i++) {
        void *q = realloc(p[i], cap * sz[i]);
        if (q)
            p[i] = q;
        ok &= q != NULL;
    }
    st->sp = p[0];
    st->lo = p[1];
    st->ll = p[2];
    st->le = p[3];
    st->rs = p[4];
    st->lab = p[5];
    if (!ok)
        return -1;
    st->cap = cap;
    return 0;
}

static int label_at(const char *out, size_t olen, size_t o, char *const *labels, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(labels[i]);
        if (o + l <= olen && memcmp(out + o, labels[i], l) == 0)
            return (int)i;
    }
    return -1;
}

long align_masks(align_state *st, const char *t, size_t tlen, const char *out, size_t olen,
                 char *const *labels, size_t nlabels, const align_span **spans)
{
    if (grow(st, olen + 2))
        return -2;
    *spans = st->sp;
    if (olen == tlen && memcmp(out, t, tlen) == 0)
        return 0;
    size_t *lo = st->lo, *ll = st->ll, *le = st->le, *rs = st->rs;
    size_t k = 0, o = 0, start = 0; /* k labels so far; literal run k starts at start */
    while (o < olen) {
        int l = label_at(out, olen, o, labels, nlabels);
        if (l < 0) {
            o++;
            continue;
        }
        lo[k] = start;
        ll[k] = o - start;
        st->lab[++k] = l;
        o += strlen(labels[l]);
        start = o;
    }
    lo[k] = start;
    ll[k] = olen - start;
    if (k == 0 || ll[0] + ll[k] > tlen || memcmp(t, out, ll[0]) ||
        memcmp(t + tlen - ll[k], out + lo[k], ll[k]))
        return -1;
    le[0] = ll[0];
    for (size_t j = 1; j < k; j++) { /* earliest placements */
        size_t p = le[j - 1] + 1;
        while (p + ll[j] <= tlen && memcmp(t + p, out + lo[j], ll[j]))
            p++;
        if (p + ll[j] > tlen)
            return -1;
        le[j] = p + ll[j];
    }
    rs[k] = tlen - ll[k];
    for (size_t j = k - 1; j >= 1; j--) { /* latest placements */
        if (rs[j + 1] < ll[j] + 1)
            return -1;
        size_t p = rs[j + 1] - 1 - ll[j];
        while (p > 0 && memcmp(t + p, out + lo[j], ll[j]))
            p--;
        if (memcmp(t + p, out + lo[j], ll[j]))
            return -1;
        rs[j] = p;
    }
    for (size_t j = 1; j <= k; j++) {
        if (le[j - 1] >= rs[j])
            return -1;
        st->sp[j - 1] = (align_span){le[j - 1], rs[j], st->lab[j]};
    }
    return (long)k;
}
