/* test_stream_random.c — randomized stream checks with the real default packs.
 *
 * Inputs are stitched from log fragments, planted PHI (emails, cards,
 * SSNs, phones, keyed DOBs), random bytes (NUL, CR, invalid UTF-8) and
 * lines far longer than the buffer, so matches land on every kind of
 * boundary: chunk edges, buffer edges, the hold-back cut. For each input,
 * every chunking and buffer capacity must give byte-identical output, no
 * planted value may survive, and the number of lines must not change.
 * The PRNG is seeded, so a failure reproduces; PHISCRUB_RANDOM_ROUNDS
 * raises the number of inputs for a longer soak. */
#define _GNU_SOURCE /* memmem */
#include "test_support.h"

#include "phiscrub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each planted value with a line that makes it PHI: {before, value, after}. */
static const char *const planted[][3] = {
    {"2026-11-23T08:30:01Z app[42]: contact ", "jane.roe@example.org", " ok\n"},
    {"{\"ts\":\"2026-11-23T08:30:02Z\",\"email\":\"", "r.achterberg@example.org", "\",\"v\":\"2.14.3\"}\n"},
    {"card=", "4012 8888 8888 1881", " amount=$12.00 order=ORD-2026-004512\n"},
    {"ssn ", "219-45-6781", " on file\r\n"},
    {"call ", "(415) 555-0187", " now\n"},
    {"dob=", "1959-02-27", " pid=7781\n"},
    {"sms_to=", "+44 20 7946 0958", " template=reminder\n"},
    {"refund to ", "5555-5555-5555-4444", "\n"},
};
#define NPLANTED (sizeof planted / sizeof *planted)

static uint64_t rng_state;
static uint64_t next(void) /* splitmix64: deterministic across platforms */
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* One random input of templated lines, noise and long lines. */
static void make_input(growbuf *in)
{
    int parts = 5 + (int)(next() % 30);
    for (int i = 0; i < parts; i++) {
        char line[256];
        switch (next() % 6) {
        case 0: case 1: case 2: {
            const char *const *pl = planted[next() % NPLANTED];
            for (int j = 0; j < 3; j++)
                growbuf_add(in, pl[j], strlen(pl[j]));
            break;
        }
        case 3: { /* random bytes, never digits or letters that could form PHI */
            static const char pool[] = {0, '\r', (char)0xff, (char)0xc3, ' ', '-', '.', ':', '|'};
            int k = 1 + (int)(next() % 40);
            for (int j = 0; j < k; j++)
                growbuf_add(in, &pool[next() % sizeof pool], 1);
            break;
        }
        case 4: { /* a line longer than the buffer, PHI at random places in it */
            int pieces = 1 + (int)(next() % 150);
            for (int q = 0; q < pieces; q++) {
                int pad = (int)(next() % 2500);
                for (int j = 0; j < pad; j++)
                    growbuf_add(in, j % 97 ? "x" : " ", 1);
                /* values that need no key: emails, cards, SSNs */
                snprintf(line, sizeof line, " %s ", planted[next() % 4][1]);
                growbuf_add(in, line, strlen(line));
            }
            growbuf_add(in, "\n", next() % 2);
            break;
        }
        default:
            growbuf_add(in, "plain log line v2.14.3 took 183ms\n", 34);
        }
    }
}

static void scrub(const phiscrub_rules *r, const growbuf *in, size_t chunk, size_t cap, growbuf *out)
{
    phiscrub_stream *s;
    phiscrub_stream_options opt = {.buffer_size = cap};
    out->n = 0;
    assert_int_equal(phiscrub_stream_new(r, &opt, growbuf_sink, out, &s), PHISCRUB_OK);
    for (size_t i = 0; i < in->n;) {
        size_t k = chunk && chunk < in->n - i ? chunk : in->n - i;
        assert_int_equal(phiscrub_stream_write(s, in->p + i, k), PHISCRUB_OK);
        i += k;
    }
    assert_int_equal(phiscrub_stream_finish(s), PHISCRUB_OK);
    phiscrub_stream_free(s);
}

static size_t count_newlines(const char *p, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += p[i] == '\n';
    return c;
}

static void test_random_inputs(void **state)
{
    const phiscrub_rules *r = *state;
    const char *env = getenv("PHISCRUB_RANDOM_ROUNDS");
    int rounds = env ? atoi(env) : 12;
    static const size_t chunks[] = {0, 1, 7, 4096, 65536};
    static const size_t caps[] = {1, 100000, 0}; /* 1: the minimum the rules allow */
    rng_state = 20261123;
    growbuf in = {0}, want = {0}, got = {0};
    for (int round = 0; round < rounds; round++) {
        in.n = 0;
        make_input(&in);
        scrub(r, &in, 0, 16u << 20, &want);
        for (size_t p = 0; p < NPLANTED; p++)
            if (memmem(want.p, want.n, planted[p][1], strlen(planted[p][1])))
                fail_msg("round %d: '%s' survived", round, planted[p][1]);
        assert_int_equal(count_newlines(want.p, want.n), count_newlines(in.p, in.n));
        for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
            for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
                if ((chunks[k] == 1 || chunks[k] == 7) && in.n > 20000)
                    continue; /* byte-at-a-time is covered by the short inputs */
                scrub(r, &in, chunks[k], caps[c], &got);
                if (got.n != want.n || memcmp(got.p, want.p, want.n) != 0)
                    fail_msg("round %d: chunk %zu capacity %zu differs", round, chunks[k],
                             caps[c]);
            }
        }
    }
    free(in.p);
    free(want.p);
    free(got.p);
}

/* Writes of a quarter buffer or more are scanned in place, not copied
 * (stream.c): many short lines in large, irregular writes must give the
 * same bytes as the same input gathered through the buffer 4 KB at a time. */
static void test_large_writes(void **state)
{
    const phiscrub_rules *r = *state;
    static const size_t chunks[] = {16411, 25000, 65537, 131101, 262147, 700001, 0};
    static const size_t caps[] = {1, 100000, 0};
    rng_state = 1123;
    growbuf in = {0}, want = {0}, got = {0};
    while (in.n < (1u << 20)) {
        const char *const *pl = planted[next() % NPLANTED];
        for (int j = 0; j < 3; j++)
            growbuf_add(&in, pl[j], strlen(pl[j]));
        for (int k = (int)(next() % 4); k > 0; k--)
            growbuf_add(&in, "plain log line v2.14.3 took 183ms\n", 34);
    }
    growbuf_add(&in, "no final newline, ssn 219-45-6781", 33);
    scrub(r, &in, 4096, 16u << 20, &want);
    for (size_t p = 0; p < NPLANTED; p++)
        if (memmem(want.p, want.n, planted[p][1], strlen(planted[p][1])))
            fail_msg("'%s' survived", planted[p][1]);
    assert_int_equal(count_newlines(want.p, want.n), count_newlines(in.p, in.n));
    for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
        for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
            scrub(r, &in, chunks[k], caps[c], &got);
            if (got.n != want.n || memcmp(got.p, want.p, want.n) != 0)
                fail_msg("chunk %zu capacity %zu differs", chunks[k], caps[c]);
        }
    }
    free(in.p);
    free(want.p);
    free(got.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_random_inputs),
                                       cmocka_unit_test(test_large_writes)};
    return cmocka_run_group_tests_name("stream-random", tests, builtin_rules_setup,
                                      builtin_rules_teardown);
}
