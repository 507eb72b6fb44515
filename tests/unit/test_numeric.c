/* test_numeric.c — the windows numeric rules are scanned over.
 *
 * numeric_windows() classifies 64 bytes at a time and walks only long
 * stretches (with AVX-512 where the CPU has it; numeric_windows_portable()
 * never uses it); numeric_windows_ref() walks every byte. All must give the
 * same windows for any input, so the inputs are built to stress what the
 * fast path skips: runs that cross a 64-byte word, runs of exactly the
 * minimum length and one shorter, separator changes, hex words next to
 * colon runs, base64 runs of 63 and 64 bytes, and the block's last bytes. Fixed cases pin what a window
 * must cover (a card, an IPv4, a full IPv6) and what gets none. */
#include "test_support.h"

#include "numeric.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t windows(const char *s, numeric_window *out, size_t cap)
{
    size_t n = numeric_windows(s, strlen(s), out, cap);
    numeric_window ref[64], portable[64];
    assert_true(cap <= 64);
    assert_int_equal(n, numeric_windows_ref(s, strlen(s), ref, cap));
    assert_int_equal(n, numeric_windows_portable(s, strlen(s), portable, cap));
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(out[i].start, ref[i].start);
        assert_int_equal(out[i].end, ref[i].end);
        assert_int_equal(portable[i].start, ref[i].start);
        assert_int_equal(portable[i].end, ref[i].end);
    }
    return n;
}

static bool covered(const char *s, const char *needle, const numeric_window *w, size_t n)
{
    const char *at = strstr(s, needle);
    assert_non_null(at);
    size_t from = (size_t)(at - s), to = from + strlen(needle);
    for (size_t i = 0; i < n; i++)
        if (w[i].start <= from && w[i].end >= to)
            return true;
    return false;
}

static void test_fixed_cases(void **state)
{
    (void)state;
    numeric_window w[64];
    const char *hits[][2] = {
        {"2026-11-23T08:30:01Z pay card=4012 8888 8888 1881 ok", "4012 8888 8888 1881"},
        {"ssn 123-45-6789;", "123-45-6789"},
        {"src=203.0.113.45 port 443", "203.0.113.45"},
        {"dob 12/11/1984 x", "12/11/1984"},
        {"peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"},
        {"FE80:0:0:0:0:0:0:1", "FE80:0:0:0:0:0:0:1"},
        {"4012888888881881", "4012888888881881"},
        {"tel 1.415.555.0187", "1.415.555.0187"},
        {"mc 2223000048400011 ok", "2223000048400011"},
        {"v 10.2.3.4.55", "10.2.3.4.55"},
        /* a card-sized group followed by another number */
        {"EMV tag 5A=6011081401631670 5F24=250731", "6011081401631670"},
        {"card 4012888888881881 2 items", "4012888888881881"},
        {"zip 75034-9015 x", "75034-9015"},
        /* a PEM body line: a base64 run of 64, with its line end */
        {"-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\r\nx",
         "\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\r\n"},
    };
    for (size_t i = 0; i < sizeof hits / sizeof *hits; i++) {
        size_t n = windows(hits[i][0], w, 64);
        if (!covered(hits[i][0], hits[i][1], w, n))
            fail_msg("no window covers '%s' in '%s'", hits[i][1], hits[i][0]);
    }
    const char *misses[] = {
        "2026-11-23T08:30:01.123Z app[4242]: took 12.5 ms", /* 8 digits in the date */
        "version 1.2.3 build 12345678",                     /* 8 digits */
        "mac 00:1a:2b:3c:4d:5e",                            /* 5 colons */
        "sha 3f786850e387550fdab836ed7e6dc881de23001b",     /* hex without colons */
        "at 08:30:01:123",
        "ts=1732350601123 epoch=1732350601", /* epoch ms and s: no card starts with 1 */
        "order ORD-2026-004512 status 200 1532411",  /* two groups */
        "id 1234567890",
        "Chrome/119.0.6045.163 Safari/537.36",              /* not an IPv4, not 3-3-4 */
        "MSH|^~\\&|EHR|CLINIC|20261123064210||ACK",       /* HL7 time, 14 digits */
        "n=12345678901234567890",                           /* 20 digits: no card */
        /* 63 base64 bytes: one short of a PEM body line */
        "k=MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cK-x",
    };
    for (size_t i = 0; i < sizeof misses / sizeof *misses; i++)
        if (windows(misses[i], w, 64) != 0)
            fail_msg("unexpected window in '%s'", misses[i]);
}

static uint64_t rng = 42;
static unsigned pick(unsigned n)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(rng >> 33) % n;
}

/* Random text made of the pieces the walk cares about. */
static size_t random_text(char *buf, size_t cap)
{
    static const char *const pieces[] = {
        "0", "12", "123", "4567", "89012", "-", ".", "/", " ", ":", "a", "f", "E", "x",
        "\n", "\"", "2026-11-23", "08:30:01", "123-45-678", "1.2.3.4", "4012 8888 8888 1881",
        "1:2:3:4:5:6:7", "abcd:ef01:2345:6789:abcd:ef01:2345:6789", "12/11/84", "deadbeef",
        "415.555.0187", "119.0.6045.163", "2223000048400011", "20261123064210", "378282246310005",
        "+", "\r", "\r\n", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw", "ggSjAgEAAoIBAQC7VJTUt9Us8cK/",
    };
    size_t n = 0, want = 1 + pick((unsigned)cap - 64);
    while (n < want) {
        const char *p = pieces[pick(sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        memcpy(buf + n, p, l);
        n += l;
    }
    buf[n] = '\0';
    return n;
}

static void test_matches_reference(void **state)
{
    (void)state;
    enum { CAP = 700 };
    char buf[CAP + 64];
    numeric_window fast[CAP], portable[CAP], ref[CAP];
    for (int round = 0; round < 20000; round++) {
        size_t len = random_text(buf, CAP);
        size_t n = numeric_windows(buf, len, fast, CAP);
        size_t p = numeric_windows_portable(buf, len, portable, CAP);
        size_t m = numeric_windows_ref(buf, len, ref, CAP);
        if (n != m || memcmp(fast, ref, n * sizeof *fast) != 0)
            fail_msg("round %d: %zu windows, reference %zu, for '%s'", round, n, m, buf);
        if (p != m || memcmp(portable, ref, p * sizeof *portable) != 0)
            fail_msg("round %d: %zu portable windows, reference %zu, for '%s'", round, p, m, buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_cases),
        cmocka_unit_test(test_matches_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
