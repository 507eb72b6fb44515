/* stream.c — the line buffer: block assembly, emission, and the hold-back
 * path for lines longer than the buffer.
 *
 *   [ context | bytes to emit ........ | partial line | free ]
 *   0         ctx              last '\n'              len    cap
 *
 * Normal path: when the buffer is full (or on flush), everything up to the
 * last '\n' is scanned with one hs_scan, emitted, and the partial line is
 * moved to the front. Rules never match across '\n', so no match is split.
 * A large write that finds the buffer empty skips the copy: its whole
 * lines are scanned and emitted where the caller has them.
 *
 * Hold-back path, for a buffer full of one line: scan all of it but emit
 * only [ctx, cut) with cut = cap - hold, hold being the widest possible
 * match. A match starting before cut ends inside the buffer, so everything
 * that could cover an emitted byte was seen whole. A mask that crosses cut
 * is emitted as its label now; `suppress` remembers where it ends so that
 * the next round drops the bytes it covers. The `keep` bytes before cut
 * stay as read-only context (for \b, keys and cue words) and are never
 * emitted again. The failure direction is over-masking, never a leak. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

struct phiscrub_stream {
    const phiscrub_rules *rules;
    matcher *m;
    phiscrub_sink sink;
    void *sink_ctx;
    char *buf;
    size_t cap, len;
    size_t ctx;      /* [0, ctx): already emitted, kept as context */
    size_t suppress; /* [ctx, suppress): covered by a mask already emitted */
    unsigned suppress_rule; /* ... whose label that was */
    size_t nl_end;   /* just past the last '\n' in the buffer; 0 if none */
    size_t hold, keep;
    phiscrub_status failed;
    phiscrub_stats stats;
    uint64_t *cat_masks;
};

phiscrub_status phiscrub_stream_new(const phiscrub_rules *rules,
                                    const phiscrub_stream_options *opt, phiscrub_sink sink,
                                    void *sink_ctx, phiscrub_stream **out)
{
    if (!rules || !sink || !out)
        return PHISCRUB_ERR_ARG;
    *out = NULL;
    phiscrub_stream *s = calloc(1, sizeof *s);
    if (!s)
        return PHISCRUB_ERR_NOMEM;
    s->rules = rules;
    s->sink = sink;
    s->sink_ctx = sink_ctx;
    /* +1: a match's end may depend on one more byte (\b, $). */
    s->hold = (size_t)rules->max_width + 1;
    s->keep = (size_t)rules->max_width + rules->max_window + 1;
    size_t min_cap = 4 * (s->hold + s->keep);
    s->cap = opt && opt->buffer_size ? opt->buffer_size : STREAM_DEFAULT_BUFFER;
    if (s->cap < min_cap)
        s->cap = min_cap;
    if (s->cap > (1u << 30)) /* hs_scan takes an unsigned length */
        s->cap = 1u << 30;
    s->buf = malloc(s->cap);
    s->cat_masks = calloc(rules->ncategories ? rules->ncategories : 1, sizeof *s->cat_masks);
    phiscrub_status st = s->buf && s->cat_masks ? matcher_new(rules, s->cap, &s->m)
                                                : PHISCRUB_ERR_NOMEM;
    if (st != PHISCRUB_OK) {
        phiscrub_stream_free(s);
        return st;
    }
    *out = s;
    return PHISCRUB_OK;
}

void phiscrub_stream_free(phiscrub_stream *s)
{
    if (!s)
        return;
    matcher_free(s->m);
    free(s->buf);
    free(s->cat_masks);
    free(s);
}

/* Sticky failure: the first error is kept and nothing more is emitted. */
static phiscrub_status fail(phiscrub_stream *s, phiscrub_status st)
{
    if (st != PHISCRUB_OK && s->failed == PHISCRUB_OK)
        s->failed = st;
    return st;
}

static phiscrub_status out(phiscrub_stream *s, const char *p, size_t n)
{
    if (n == 0)
        return PHISCRUB_OK;
    s->stats.bytes_out += n;
    return s->sink(s->sink_ctx, p, n);
}

/* Emits the mask for base[a, b): the label once (unless it continues a mask
 * emitted earlier), and every '\r' and '\n' inside, so that line structure
 * survives even if a pattern ever spans a line break. */
static phiscrub_status out_mask(phiscrub_stream *s, const char *base, const compiled_rule *ru,
                                size_t a, size_t b, bool labelled)
{
    for (size_t i = a; i < b; i++) {
        char c = base[i];
        if (c == '\n' || c == '\r') {
            RETURN_IF_ERR(out(s, &base[i], 1));
            labelled = false;
        } else if (!labelled) {
            RETURN_IF_ERR(out(s, ru->replacement, ru->replacement_len));
            labelled = true;
        }
    }
    return PHISCRUB_OK;
}

/* Scans base[0, scan_end) and emits base[ctx, emit_end) with masks
 * applied; base is the stream's buffer, or the caller's bytes when whole
 * lines can be taken from them where they are. */
static phiscrub_status process(phiscrub_stream *s, const char *base, size_t scan_end,
                               size_t emit_end)
{
    const region *rg;
    size_t n;
    s->stats.scans++;
    RETURN_IF_ERR(matcher_scan(s->m, base, scan_end, &rg, &n));
    size_t pos = s->ctx;
    unsigned last_rule = s->suppress_rule;
    if (s->suppress > pos)
        pos = s->suppress;
    for (size_t i = 0; i < n && rg[i].start < emit_end; i++) {
        const compiled_rule *ru = &s->rules->rules[rg[i].rule];
        if (rg[i].end <= pos)
            continue;
        size_t stop = rg[i].end < emit_end ? rg[i].end : emit_end;
        if (rg[i].start < pos) {
            /* Overlaps a mask emitted earlier: mask on without a new label. */
            RETURN_IF_ERR(out_mask(s, base, &s->rules->rules[last_rule], pos, stop, true));
        } else {
            RETURN_IF_ERR(out(s, base + pos, rg[i].start - pos));
            RETURN_IF_ERR(out_mask(s, base, ru, rg[i].start, stop, false));
            s->stats.masks++;
            s->cat_masks[ru->category]++;
            last_rule = rg[i].rule;
        }
        pos = rg[i].end;
    }
    if (pos < s->suppress)
        pos = s->suppress;
    if (pos < emit_end)
        RETURN_IF_ERR(out(s, base + pos, emit_end - pos));
    s->suppress = pos > emit_end ? pos : 0;
    s->suppress_rule = last_rule;
    return PHISCRUB_OK;
}

/* Drops buf[0, from - keep) and makes the next `keep` bytes the context. */
static void shift(phiscrub_stream *s, size_t from, size_t keep)
{
    size_t drop = from - keep;
    memmove(s->buf, s->buf + drop, s->len - drop);
    s->len -= drop;
    s->ctx = keep;
    s->suppress = s->suppress > drop ? s->suppress - drop : 0;
    if (s->suppress <= s->ctx)
        s->suppress = 0;
    s->nl_end = 0;
}

static phiscrub_status drain_lines(phiscrub_stream *s)
{
    if (s->nl_end == 0)
        return PHISCRUB_OK;
    RETURN_IF_ERR(process(s, s->buf, s->nl_end, s->nl_end));
    shift(s, s->nl_end, 0);
    return PHISCRUB_OK;
}

static phiscrub_status drain_full(phiscrub_stream *s)
{
    if (s->nl_end)
        return drain_lines(s);
    size_t cut = s->cap - s->hold;
    RETURN_IF_ERR(process(s, s->buf, s->cap, cut));
    shift(s, cut, s->keep);
    return PHISCRUB_OK;
}

/* The least a write must bring for its lines to be scanned in place. */
#define DIRECT_MIN(s) ((s)->cap / 4)

static const char *last_newline(const char *p, size_t n)
{
    while (n > 0)
        if (p[--n] == '\n')
            return p + n;
    return NULL;
}

phiscrub_status phiscrub_stream_write(phiscrub_stream *s, const void *data, size_t len)
{
    if (!s || (!data && len))
        return PHISCRUB_ERR_ARG;
    if (s->failed)
        return PHISCRUB_ERR_FAILED;
    const char *in = data;
    while (len > 0) {
        if (s->len == 0 && len >= DIRECT_MIN(s)) {
            /* Nothing buffered and much to do: whole lines are scanned
             * where they are, up to a buffer's worth at a time, instead of
             * being copied first. Small writes are still gathered, so that
             * one scan covers many lines. */
            size_t k = len < s->cap ? len : s->cap;
            const char *nl = last_newline(in, k);
            if (nl && (size_t)(nl - in) + 1 >= DIRECT_MIN(s)) {
                k = (size_t)(nl - in) + 1;
                s->stats.bytes_in += k;
                RETURN_IF_ERR(fail(s, process(s, in, k, k)));
                in += k;
                len -= k;
                continue;
            }
        } else if (s->nl_end == 0 && len >= DIRECT_MIN(s) + (s->cap - s->len)) {
            /* Only a partial line is buffered and much follows: complete
             * the line, so that the rest can take the path above. */
            const char *nl = memchr(in, '\n', s->cap - s->len);
            if (nl) {
                size_t k = (size_t)(nl - in) + 1;
                memcpy(s->buf + s->len, in, k);
                s->len += k;
                s->nl_end = s->len;
                s->stats.bytes_in += k;
                in += k;
                len -= k;
                RETURN_IF_ERR(fail(s, drain_lines(s)));
                continue;
            }
        }
        size_t k = s->cap - s->len < len ? s->cap - s->len : len;
        memcpy(s->buf + s->len, in, k);
        const char *nl = last_newline(s->buf + s->len, k); /* only the new bytes */
        if (nl)
            s->nl_end = (size_t)(nl - s->buf) + 1;
        s->len += k;
        s->stats.bytes_in += k;
        in += k;
        len -= k;
        if (s->len == s->cap)
            RETURN_IF_ERR(fail(s, drain_full(s)));
    }
    return PHISCRUB_OK;
}

phiscrub_status phiscrub_stream_flush(phiscrub_stream *s)
{
    if (!s)
        return PHISCRUB_ERR_ARG;
    if (s->failed)
        return PHISCRUB_ERR_FAILED;
    return fail(s, drain_lines(s));
}

phiscrub_status phiscrub_stream_finish(phiscrub_stream *s)
{
    if (!s)
        return PHISCRUB_ERR_ARG;
    if (s->failed)
        return PHISCRUB_ERR_FAILED;
    RETURN_IF_ERR(fail(s, drain_lines(s)));
    if (s->len > s->ctx)
        RETURN_IF_ERR(fail(s, process(s, s->buf, s->len, s->len)));
    s->len = s->ctx = s->suppress = s->nl_end = 0;
    return PHISCRUB_OK;
}

void phiscrub_stream_reset(phiscrub_stream *s)
{
    if (!s)
        return;
    s->len = s->ctx = s->suppress = s->nl_end = 0;
    s->failed = PHISCRUB_OK;
}

void phiscrub_stream_stats(const phiscrub_stream *s, phiscrub_stats *stats)
{
    if (!s || !stats)
        return;
    *stats = s->stats;
    stats->candidates = matcher_candidates(s->m);
}

uint64_t phiscrub_stream_category_masks(const phiscrub_stream *s, size_t category)
{
    if (!s || category >= s->rules->ncategories)
        return 0;
    return s->cat_masks[category];
}
