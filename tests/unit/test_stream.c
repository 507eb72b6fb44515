/* test_stream.c — the line buffer under every chunking and capacity.
 *
 * The rule set is tiny and synthetic on purpose: it compiles in
 * milliseconds and its matches are easy to predict, so these tests are about
 * the buffer (boundaries, hold-back, context, suppression, sticky failure),
 * not about detection quality. Every case is fed in chunks of 1, 2, 3, 7,
 * 64, 4096 bytes and whole, at the minimum capacity and larger ones; the
 * output must be identical across all of them. */
#include "test_support.h"

#include "phiscrub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char rules_yaml[] =
    "pack: test\n"
    "rules:\n"
    "  - id: secret\n"
    "    category: SECRET\n"
    "    pattern: 'SECRET[0-9]{4}'\n"
    "  - id: keyed\n"
    "    category: KEYED\n"
    "    key: '\\bk='\n"
    "    pattern: '[a-z]{3,10}\\b'\n"
    "  - id: long\n"
    "    category: LONG\n"
    "    pattern: 'L[xy]{50,60}L'\n"
    "  - id: outer\n"
    "    category: OUTER\n"
    "    pattern: 'AAA[0-9]{2}BBB'\n"
    "  - id: inner\n"
    "    category: INNER\n"
    "    pattern: '[0-9]{2}BBBCC'\n";

/* The output, and a sink that can be made to fail after fail_after bytes. */
typedef struct {
    growbuf out;
    size_t fail_after; /* 0 = never fail */
    int calls_after_failure;
    int failed;
} sinkbuf;

static phiscrub_status collect(void *ctx, const char *data, size_t len)
{
    sinkbuf *b = ctx;
    if (b->failed) {
        b->calls_after_failure++;
        return PHISCRUB_ERR_IO;
    }
    if (b->fail_after && b->out.n + len > b->fail_after) {
        b->failed = 1;
        return PHISCRUB_ERR_IO;
    }
    growbuf_add(&b->out, data, len);
    return PHISCRUB_OK;
}

static int setup(void **state)
{
    phiscrub_config *cfg;
    phiscrub_rules *rules;
    phiscrub_error err;
    if (phiscrub_config_new(&cfg) != PHISCRUB_OK)
        return -1;
    if (phiscrub_config_add_rules_text(cfg, "test.yaml", rules_yaml, strlen(rules_yaml), &err) !=
            PHISCRUB_OK ||
        phiscrub_rules_compile(cfg, &rules, &err) != PHISCRUB_OK) {
        fprintf(stderr, "setup: %s\n", err.message);
        phiscrub_config_free(cfg);
        return -1;
    }
    phiscrub_config_free(cfg);
    *state = rules;
    return 0;
}

static int teardown(void **state)
{
    phiscrub_rules_free(*state);
    return 0;
}

/* Scrubs in with the given chunk size and capacity (0 = whole / default). */
static char *scrub(const phiscrub_rules *rules, const char *in, size_t n, size_t chunk,
                   size_t cap, size_t *out_len)
{
    sinkbuf b = {0};
    phiscrub_stream *s;
    phiscrub_stream_options opt = {.buffer_size = cap};
    assert_int_equal(phiscrub_stream_new(rules, &opt, collect, &b, &s), PHISCRUB_OK);
    for (size_t i = 0; i < n;) {
        size_t k = chunk && chunk < n - i ? chunk : n - i;
        assert_int_equal(phiscrub_stream_write(s, in + i, k), PHISCRUB_OK);
        i += k;
    }
    assert_int_equal(phiscrub_stream_finish(s), PHISCRUB_OK);
    phiscrub_stream_free(s);
    *out_len = b.out.n;
    if (!b.out.p)
        b.out.p = calloc(1, 1);
    return b.out.p;
}

static const size_t chunks[] = {1, 2, 3, 7, 64, 4096, 0};
static const size_t caps[] = {1, 600, 4096, 0}; /* 1 is rounded up to the minimum */

/* Checks that every chunking and capacity gives exactly `want`. */
static void expect_all(const phiscrub_rules *rules, const char *in, size_t n, const char *want,
                       size_t want_len)
{
    for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
        for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
            size_t got_len;
            char *got = scrub(rules, in, n, chunks[k], caps[c], &got_len);
            if (got_len != want_len || memcmp(got, want, want_len) != 0)
                fail_msg("chunk %zu cap %zu: got %zu bytes '%.*s', want '%.*s'", chunks[k],
                         caps[c], got_len, (int)(got_len > 200 ? 200 : got_len), got,
                         (int)(want_len > 200 ? 200 : want_len), want);
            free(got);
        }
    }
}

static void expect_str(void **state, const char *in, const char *want)
{
    expect_all(*state, in, strlen(in), want, strlen(want));
}

static void test_masks_and_keeps(void **state)
{
    expect_str(state, "a SECRET1234 b\n", "a [SECRET] b\n");
    expect_str(state, "k=abc x\nk=ABC\n", "k=[KEYED] x\nk=ABC\n");
    expect_str(state, "nothing here\n", "nothing here\n");
}

static void test_identity_bytes(void **state)
{
    /* CRLF, NUL, invalid UTF-8, no final newline: all byte-exact. */
    static const char in[] = "line one\r\nnul\0byte\n\xff\xfe\xc3(\n\nlast without newline";
    expect_all(*state, in, sizeof in - 1, in, sizeof in - 1);
    expect_all(*state, "", 0, "", 0);
    expect_all(*state, "\n\n\n", 3, "\n\n\n", 3);
}

static void test_no_final_newline_masked(void **state)
{
    expect_str(state, "x\nend SECRET9999", "x\nend [SECRET]");
}

static void test_overlap_union_and_label(void **state)
{
    /* outer [AAA12BBB] and inner [12BBBCC] overlap: one region, the leftmost label. */
    expect_str(state, "zAAA12BBBCCz\n", "z[OUTER]z\n");
    /* Touching spans stay separate. */
    expect_str(state, "SECRET1111SECRET2222\n", "[SECRET][SECRET]\n");
}

static void test_crlf_kept_after_mask(void **state)
{
    expect_str(state, "k=abc\r\nSECRET0000\r\n", "k=[KEYED]\r\n[SECRET]\r\n");
}

/* A line far longer than the buffer, PHI planted across every offset
 * relative to the buffer edges: nothing may leak, everything else stays. */
static void test_giant_line(void **state)
{
    const size_t n = 200000;
    char *in = malloc(n + 1);
    assert_non_null(in);
    for (size_t i = 0; i < n; i++)
        in[i] = (char)('a' + (i * 7) % 26);
    /* plant secrets, long matches and keyed values at irregular offsets */
    size_t planted = 0;
    for (size_t at = 97; at + 80 < n; at += 977 + (at % 13)) {
        switch (planted++ % 3) {
        case 0: memcpy(in + at, " SECRET4242 ", 12); break;
        case 1: memcpy(in + at, " k=qwertyuio ", 13); break;
        case 2:
            in[at] = ' ';
            in[at + 1] = 'L';
            memset(in + at + 2, 'x', 55);
            in[at + 57] = 'L';
            in[at + 58] = ' ';
            break;
        }
    }
    in[n] = '\0';
    size_t whole_len;
    char *whole = scrub(*state, in, n, 0, 16u << 20, &whole_len); /* fits: the reference */
    assert_null(strstr(whole, "SECRET4242"));
    assert_null(strstr(whole, "qwertyuio"));
    assert_null(strstr(whole, "Lxxxxx"));
    for (size_t c = 0; c < 3; c++) {
        for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
            if (chunks[k] == 1 || chunks[k] == 2)
                continue; /* slow at this size; covered by the short cases */
            size_t got_len;
            char *got = scrub(*state, in, n, chunks[k], caps[c], &got_len);
            assert_int_equal(got_len, whole_len);
            assert_memory_equal(got, whole, whole_len);
            free(got);
        }
    }
    free(whole);
    free(in);
}

/* A match exactly straddling the cut, for every offset around it, at the
 * minimum capacity: each input must equal its whole-buffer scrub. */
static void test_straddle_every_offset(void **state)
{
    char in[3000];
    for (size_t off = 0; off < 1400; off += 3) {
        memset(in, 'q', sizeof in);
        memcpy(in + off, " SECRET7777 k=abcdef ", 21);
        memcpy(in + off + 600, " L", 2);
        memset(in + off + 602, 'y', 52);
        memcpy(in + off + 654, "L ", 2);
        size_t want_len, got_len;
        char *want = scrub(*state, in, sizeof in, 0, 1u << 20, &want_len);
        char *got = scrub(*state, in, sizeof in, 0, 1, &got_len);
        assert_null(strstr(got, "SECRET7777"));
        assert_null(strstr(got, "abcdef"));
        assert_int_equal(got_len, want_len);
        assert_memory_equal(got, want, want_len);
        free(want);
        free(got);
    }
}

static void test_sticky_failure(void **state)
{
    sinkbuf b = {.fail_after = 10};
    phiscrub_stream *s;
    assert_int_equal(phiscrub_stream_new(*state, NULL, collect, &b, &s), PHISCRUB_OK);
    const char *line = "0123456789 SECRET1234 abc\n";
    assert_int_equal(phiscrub_stream_write(s, line, strlen(line)), PHISCRUB_OK);
    assert_int_equal(phiscrub_stream_flush(s), PHISCRUB_ERR_IO);
    assert_int_equal(phiscrub_stream_write(s, line, strlen(line)), PHISCRUB_ERR_FAILED);
    assert_int_equal(phiscrub_stream_flush(s), PHISCRUB_ERR_FAILED);
    assert_int_equal(phiscrub_stream_finish(s), PHISCRUB_ERR_FAILED);
    assert_int_equal(b.calls_after_failure, 0);
    assert_true(b.out.n <= 10);
    phiscrub_stream_free(s);
    free(b.out.p);
}

static void test_reset_reuses(void **state)
{
    sinkbuf b = {0};
    phiscrub_stream *s;
    assert_int_equal(phiscrub_stream_new(*state, NULL, collect, &b, &s), PHISCRUB_OK);
    assert_int_equal(phiscrub_stream_write(s, "partial SECRET", 14), PHISCRUB_OK);
    phiscrub_stream_reset(s);
    assert_int_equal(phiscrub_stream_write(s, "SECRET5555", 10), PHISCRUB_OK);
    assert_int_equal(phiscrub_stream_finish(s), PHISCRUB_OK);
    assert_string_equal(b.out.p, "[SECRET]");
    phiscrub_stats st;
    phiscrub_stream_stats(s, &st);
    assert_int_equal(st.masks, 1);
    phiscrub_stream_free(s);
    free(b.out.p);
}

static void test_args(void **state)
{
    phiscrub_stream *s = NULL;
    assert_int_equal(phiscrub_stream_new(NULL, NULL, collect, NULL, &s), PHISCRUB_ERR_ARG);
    assert_int_equal(phiscrub_stream_new(*state, NULL, NULL, NULL, &s), PHISCRUB_ERR_ARG);
    assert_int_equal(phiscrub_stream_new(*state, NULL, collect, NULL, NULL), PHISCRUB_ERR_ARG);
    assert_int_equal(phiscrub_stream_write(NULL, "x", 1), PHISCRUB_ERR_ARG);
    assert_int_equal(phiscrub_stream_flush(NULL), PHISCRUB_ERR_ARG);
    assert_int_equal(phiscrub_stream_finish(NULL), PHISCRUB_ERR_ARG);
    phiscrub_stream_free(NULL);
    phiscrub_stream_reset(NULL);
    assert_string_not_equal(phiscrub_strerror(PHISCRUB_ERR_IO), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_masks_and_keeps),
        cmocka_unit_test(test_identity_bytes),
        cmocka_unit_test(test_no_final_newline_masked),
        cmocka_unit_test(test_overlap_union_and_label),
        cmocka_unit_test(test_crlf_kept_after_mask),
        cmocka_unit_test(test_giant_line),
        cmocka_unit_test(test_straddle_every_offset),
        cmocka_unit_test(test_sticky_failure),
        cmocka_unit_test(test_reset_reuses),
        cmocka_unit_test(test_args),
    };
    return cmocka_run_group_tests_name("stream", tests, setup, teardown);
}
