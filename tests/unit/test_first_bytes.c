/* test_first_bytes.c — the bytes a value can start with (first_bytes.c).
 *
 * A set that is too small would drop real values without a word, so the
 * analysis is held to Hyperscan itself: every expression of the default
 * packs' values, and a list of awkward ones, is compiled start-anchored and
 * run over random text; wherever Hyperscan matches, the text's first
 * non-blank byte must be in the set. Fixed cases pin the exact sets of
 * simple expressions (so that the sets do not quietly grow to "any byte")
 * and what is left unknown. */
#include "test.h"

#include "first_bytes.h"
#include "internal.h"

#include <hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const byteset blanks = {{(1ull << ' ') | (1ull << '\t'), 0, 0, 0}};

/* The set described by spec: single bytes and a-b ranges. */
static byteset spec_set(const char *spec)
{
    byteset s = {{0}};
    for (const unsigned char *p = (const unsigned char *)spec; *p; p++) {
        unsigned lo = *p, hi = *p;
        if (p[1] == '-' && p[2]) {
            hi = p[2];
            p += 2;
        }
        for (unsigned c = lo; c <= hi; c++)
            s.w[c >> 6] |= 1ull << (c & 63);
    }
    return s;
}

static void expect_set(const char *expr, bool caseless, const char *spec)
{
    byteset got = {{0}};
    assert_true(first_bytes_add(expr, caseless, &blanks, &got));
    byteset want = spec_set(spec);
    for (unsigned c = 0; c < 256; c++)
        if (byteset_has(&got, (unsigned char)c) != byteset_has(&want, (unsigned char)c)) {
            fprintf(stderr, "%s: byte 0x%02x %s\n", expr, c,
                    byteset_has(&got, (unsigned char)c) ? "extra" : "missing");
            fail();
        }
}

static void expect_unknown(const char *expr)
{
    byteset got = {{0}};
    assert_false(first_bytes_add(expr, false, &blanks, &got));
}

static void test_fixed_sets(void **state)
{
    (void)state;
    expect_set("abc|d", false, "ad");
    expect_set("a?b", false, "ab");
    expect_set("(?:a{0,2})?c", false, "ac");
    expect_set("a{0}b", false, "b");
    expect_set("x", true, "xX");
    expect_set("(?i:x)y", false, "xX");
    expect_set("(?i)q", false, "qQ");
    expect_set("(?i:(?-i:k)|m)", false, "kmM");
    expect_set("\\d{3}-\\d{4}", false, "0-9");
    expect_set("[+(]?\\d", false, "+(0-9");
    expect_set("[a-c\\x41-\\x43\\]]", false, "a-cA-C]");
    expect_set("\\x{7e}|\\.", false, "~.");
    expect_set("\\b[A-Z]", false, "A-Z");
    expect_set("^$x", false, "x");
    /* blanks are passed over: what counts is the first byte after them */
    expect_set(" {1,2}[A-Z][a-z]+", false, "A-Z");
    expect_set("[ \\t]*(?:on )?\\d", false, "o0-9");
    expect_set("[ a]b", false, "ab");
    expect_set("(?: |\\t)+x", false, "x");
    /* a caseless negated class folds before it negates */
    byteset neg = {{0}};
    assert_true(first_bytes_add("[^a \\t]", true, &blanks, &neg));
    assert_false(byteset_has(&neg, 'a'));
    assert_false(byteset_has(&neg, 'A'));
    assert_true(byteset_has(&neg, 'b'));
    assert_true(byteset_has(&neg, 0xff));
}

static void test_unknown(void **state)
{
    (void)state;
    expect_unknown(" +");          /* a match may be nothing but blanks */
    expect_unknown("a?");          /* ... or empty */
    expect_unknown("(?=a)a");      /* lookaround */
    expect_unknown("\\Dx");        /* a negated class escape */
    expect_unknown("[[:alpha:]]"); /* POSIX class */
    expect_unknown("a)");          /* stray parenthesis */
    expect_unknown("(a");          /* unclosed group */
    expect_unknown("[ab");         /* unclosed class */
    expect_unknown("\\1");         /* back-reference */
    expect_unknown("*a");          /* quantifier with nothing before it */
    /* unknown means every byte is possible */
    byteset s = {{0}};
    first_bytes_add("(?=a)", false, &blanks, &s);
    for (unsigned c = 0; c < 256; c++)
        assert_true(byteset_has(&s, (unsigned char)c));
}

/* ---- held to Hyperscan ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned fl,
                    void *ctx)
{
    (void)id, (void)from, (void)to, (void)fl;
    *(bool *)ctx = true;
    return 1;
}

/* Bytes to build text from: the expression's own bytes (so that it can
 * match) and a few of every kind. */
static size_t alphabet(const char *expr, unsigned char *out)
{
    static const char extra[] = "  \t\t0123456789AZaz-_./:,;'\"+()#@\xc3\xa9\x80\xff";
    size_t n = 0;
    for (const char *p = expr; *p; p++)
        out[n++] = (unsigned char)*p;
    for (const char *p = extra; *p; p++)
        out[n++] = (unsigned char)*p;
    return n;
}

/* Every match Hyperscan finds at the start of random text begins, past
 * its blanks, with a byte of the set. Returns how many texts matched. */
static unsigned check_against_hyperscan(const char *expr, bool caseless, unsigned tries)
{
    byteset set = {{0}};
    bool known = first_bytes_add(expr, caseless, &blanks, &set);
    size_t n = strlen(expr) + 8;
    char *anchored = malloc(n);
    assert_non_null(anchored);
    snprintf(anchored, n, "^(?:%s)", expr);
    hs_database_t *db = NULL;
    hs_compile_error_t *ce = NULL;
    if (hs_compile(anchored, caseless ? HS_FLAG_CASELESS : 0, HS_MODE_BLOCK, NULL, &db, &ce) !=
        HS_SUCCESS) {
        fprintf(stderr, "%s: %s\n", anchored, ce->message);
        fail();
    }
    hs_scratch_t *scratch = NULL;
    assert_int_equal(hs_alloc_scratch(db, &scratch), HS_SUCCESS);
    unsigned char *abc = malloc(strlen(expr) + 64);
    assert_non_null(abc);
    size_t nabc = alphabet(expr, abc);
    unsigned matched = 0;
    for (unsigned t = 0; t < tries; t++) {
        char text[48];
        size_t len = 1 + next_rand() % sizeof text;
        /* start with the expression's own text now and then */
        size_t k = 0;
        if (t % 4 == 0)
            for (const char *p = expr + next_rand() % (strlen(expr) / 2 + 1); *p && k < len; p++)
                text[k++] = *p;
        for (; k < len; k++)
            text[k] = (char)abc[next_rand() % nabc];
        bool hit = false;
        hs_scan(db, text, (unsigned)len, 0, scratch, on_match, &hit);
        if (!hit)
            continue;
        matched++;
        if (!known)
            continue;
        size_t i = 0;
        while (i < len && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (i == len || !byteset_has(&set, (unsigned char)text[i])) {
            fprintf(stderr, "%s matches text starting 0x%02x, not in its set\n", expr,
                    i < len ? (unsigned char)text[i] : 0);
            fail();
        }
    }
    hs_free_scratch(scratch);
    hs_free_database(db);
    free(anchored);
    free(abc);
    return matched;
}

static void test_awkward_expressions(void **state)
{
    (void)state;
    static const char *const exprs[] = {
        "a?b?c", " {0,3}(?:on|at) \\d", "(?:x|)y", "(?:(?:a)?)+b", "[^ ]x", "\\s*\\w",
        "(?i:mr|ms)\\.? [A-Z]", "[ab-]c", "[-a]", "[a\\-z]", "[\\x20\\x41-\\x43]q",
        "(?:\\+?1[ .-]?)?\\(?\\d{3}", "\\b(?:\\d{1,2}/){2}\\d{4}", "'?[A-Z]", ".{2}z",
    };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++) {
        check_against_hyperscan(exprs[i], false, 20000);
        check_against_hyperscan(exprs[i], true, 20000);
    }
}

static void test_default_values(void **state)
{
    (void)state;
    phiscrub_config *cfg;
    phiscrub_error err;
    assert_int_equal(phiscrub_config_new(&cfg), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_builtin_packs(cfg, &err), PHISCRUB_OK);
    unsigned values = 0, known = 0, matched = 0;
    for (size_t i = 0; i < cfg->ndefs; i++) {
        const rule_def *d = &cfg->defs[i];
        if (!d->keys.n && !d->key_list)
            continue;
        for (size_t k = 0; k < d->patterns.n; k++) {
            byteset s = {{0}};
            values++;
            known += first_bytes_add(d->patterns.v[k], d->caseless, &blanks, &s);
            matched += check_against_hyperscan(d->patterns.v[k], d->caseless, 3000) > 0;
        }
    }
    phiscrub_config_free(cfg);
    fprintf(stderr, "values: %u, with a known first byte: %u, matched by random text: %u\n",
            values, known, matched);
    /* the point of the analysis: most values have a set; and the random
     * text does reach most of them, or this test would prove little */
    assert_true(known * 4 >= values * 3);
    assert_true(matched * 2 >= values);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_sets),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_awkward_expressions),
        cmocka_unit_test(test_default_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
