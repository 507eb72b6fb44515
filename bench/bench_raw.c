/* bench_raw.c — raw Hyperscan throughput over phiscrub's own compiled
 * database, on the same bytes the end-to-end benchmark uses, so that the
 * cost of everything around the scan (confirmation, masking, I/O) is
 * visible. Also prints raw candidate matches per MB for each rule, the
 * number that decides how much confirmation work a rule causes.
 *
 * usage: phiscrub_bench_raw FILE [BLOCK_BYTES] [RUNS]
 * Scans FILE in blocks (default 256 KiB, as the stream does) with a
 * callback that only counts, best of RUNS (default 3) after a warm-up.
 * Each block goes through the main and the words database, as in the
 * stream; the figure is both scans together.
 * Then times the numeric pass the stream adds (src/numeric.c: finding the
 * digit windows, and the numeric database's scan over them), once. */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"
#include "numeric.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    unsigned long long total;
    unsigned long long *per_rule;
    const phiscrub_rules *rules;
} counts;

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                    void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    counts *c = ctx;
    c->total++;
    if (c->per_rule)
        c->per_rule[c->rules->expr_rule[id]]++;
    return 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The length of the block at `at`: up to `block` bytes, ending at a
 * newline when there is one, like the stream's blocks. */
static size_t block_length(const char *data, size_t len, size_t at, size_t block)
{
    size_t n = len - at < block ? len - at : block;
    if (at + n < len) {
        size_t back = n;
        while (back > 0 && data[at + back - 1] != '\n')
            back--;
        if (back > 0)
            n = back;
    }
    return n;
}

/* One pass over data in blocks ending at a newline, like the stream. */
static int scan_all(const phiscrub_rules *r, hs_scratch_t *scratch, const char *data, size_t len,
                    size_t block, counts *c)
{
    for (size_t at = 0; at < len;) {
        size_t n = block_length(data, len, at, block);
        if ((r->db && hs_scan(r->db, data + at, (unsigned)n, 0, scratch, on_match, c)) ||
            (r->words_db && hs_scan(r->words_db, data + at, (unsigned)n, 0, scratch, on_match, c)))
            return -1;
        at += n;
    }
    return 0;
}

/* The stream's numeric pass over every block: windows, then one scan of
 * them joined by '\n' (as match.c does). Prints what each half costs. */
static int numeric_pass(const phiscrub_rules *r, hs_scratch_t *scratch, const char *data,
                        size_t len, size_t block)
{
    if (!r->numeric_db)
        return 0;
    numeric_window *w = malloc(NUMERIC_WINDOWS_MAX(block) * sizeof *w);
    char *joined = malloc(block + NUMERIC_WINDOWS_MAX(block));
    if (!w || !joined)
        return -1;
    counts c = {.rules = r};
    double t_windows = 0, t_scan = 0;
    size_t nwindows = 0, window_bytes = 0;
    for (size_t at = 0; at < len;) {
        size_t n = block_length(data, len, at, block);
        double t0 = now();
        size_t k = numeric_windows(data + at, n, w, NUMERIC_WINDOWS_MAX(block));
        double t1 = now();
        size_t j = 0;
        for (size_t i = 0; i < k; i++) {
            memcpy(joined + j, data + at + w[i].start, w[i].end - w[i].start);
            j += w[i].end - w[i].start;
            joined[j++] = '\n';
        }
        if (j && hs_scan(r->numeric_db, joined, (unsigned)j, 0, scratch, on_match, &c) != HS_SUCCESS)
            return -1;
        t_windows += t1 - t0;
        t_scan += now() - t1;
        nwindows += k;
        window_bytes += j;
        at += n;
    }
    printf("numeric pass: windows %.3f s (%zu windows, %.2f%% of the bytes), "
           "their hs_scan %.3f s, %.1f candidates per MB\n",
           t_windows, nwindows, 100.0 * (double)window_bytes / (double)len, t_scan,
           (double)c.total / ((double)len / 1e6));
    free(w);
    free(joined);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [BLOCK_BYTES] [RUNS]\n", argv[0]);
        return 2;
    }
    size_t block = argc > 2 ? strtoull(argv[2], NULL, 10) : 256u << 10;
    int runs = argc > 3 ? atoi(argv[3]) : 3;
    char *data;
    size_t len;
    phiscrub_error err = {0};
    if (read_file(argv[1], (size_t)4 << 30, &data, &len, &err) != PHISCRUB_OK) {
        fprintf(stderr, "bench_raw: %s: %s\n", argv[1], err.message);
        return 1;
    }
    phiscrub_config *cfg;
    phiscrub_rules *r;
    if (phiscrub_config_new(&cfg) || phiscrub_config_add_builtin_packs(cfg, &err) ||
        phiscrub_rules_compile(cfg, &r, &err)) {
        fprintf(stderr, "bench_raw: rules: %s\n", err.message);
        return 1;
    }
    hs_scratch_t *scratch = NULL;
    size_t scratch_size = 0;
    if ((r->db && hs_alloc_scratch(r->db, &scratch) != HS_SUCCESS) ||
        (r->words_db && hs_alloc_scratch(r->words_db, &scratch) != HS_SUCCESS))
        return 1;
    hs_scratch_size(scratch, &scratch_size);

    counts c = {.rules = r, .per_rule = calloc(r->nrules, sizeof *c.per_rule)};
    scan_all(r, scratch, data, len, block, &c); /* warm-up, and the per-rule counts */
    double best = 1e30;
    counts timed = {.rules = r};
    for (int i = 0; i < runs; i++) {
        timed.total = 0;
        double t0 = now();
        if (scan_all(r, scratch, data, len, block, &timed))
            return 1;
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    double mb = (double)len / 1e6;
    printf("raw hs_scan: %.1f MB in %.3f s = %.1f MB/s (best of %d, block %zu)\n", mb, best,
           mb / best, runs, block);
    if (r->numeric_db && hs_alloc_scratch(r->numeric_db, &scratch) != HS_SUCCESS)
        return 1;
    if (numeric_pass(r, scratch, data, len, block))
        return 1;
    printf("rules %zu, expressions %zu, database %zu bytes, scratch %zu bytes, "
           "candidates %.1f per MB\n",
           r->nrules, r->nexpr, r->db_size, scratch_size, (double)c.total / mb);
    for (size_t i = 0; i < r->nrules; i++)
        if (c.per_rule[i])
            printf("  %-24s %10.1f per MB\n", r->rules[i].id, (double)c.per_rule[i] / mb);
    free(c.per_rule);
    hs_free_scratch(scratch);
    phiscrub_rules_free(r);
    phiscrub_config_free(cfg);
    free(data);
    return 0;
}
