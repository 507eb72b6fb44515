/* test_validate.c — accept/reject tables for every validator in
 * src/validate*.c, the registry, the exported helpers (luhn_ok, date_parse,
 * date_time_split), and that no validator reads outside [s, s+n).
 *
 * Every case runs on an exact-size heap copy without a terminating NUL, so
 * AddressSanitizer flags any read past the candidate. Expected answers were
 * computed independently (Luhn, mod 97, VIN weights) rather than by the code
 * under test. */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#include "test.h"

#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    const char *s;
    bool want;
} tcase;

#define Y(s) {s, true}
#define N(s) {s, false}

/* Calls f on a heap copy of exactly n bytes. */
static bool call(validator_fn *f, const char *s, size_t n, unsigned opts)
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    if (n)
        memcpy(b, s, n);
    bool r = f(b, n, opts);
    free(b);
    return r;
}

static bool run(const char *name, const char *s, size_t n, unsigned opts)
{
    const validator *v = validator_find(name);
    assert_non_null(v);
    return call(v->check, s, n, opts);
}

/* Reports every failing case before failing, so one run shows them all. */
static void check_cases(const char *name, const tcase *c, size_t k, unsigned opts)
{
    int bad = 0;
    for (size_t i = 0; i < k; i++) {
        bool got = run(name, c[i].s, strlen(c[i].s), opts);
        if (got != c[i].want) {
            print_error("%s(\"%s\", opts=%u) = %d, want %d\n", name, c[i].s, opts, got, c[i].want);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

#define CHECK(name, cases, opts) check_cases(name, cases, sizeof cases / sizeof cases[0], opts)

/* ---- Luhn family ------------------------------------------------------- */

static void test_luhn(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("79927398713"), Y("4111 1111 1111 1111"), Y("4111-1111-1111-1111"), Y("00"), Y("18"),
        Y("490154203237518"), Y("4111--1111 1111-1111"),
        N("79927398710"), N("0"), N(""), N(" - "), N("4111x1111111111111"), N("4111111111111112"),
        N("4111.1111.1111.1111"), N("4111111111111111\t"),
    };
    CHECK("luhn", c, 0);
    assert_true(luhn_ok("4111111111111111", 16));
    assert_false(luhn_ok("4111111111111112", 16));
    assert_false(luhn_ok("4111 1111", 9)); /* digits only */
    assert_false(luhn_ok("", 0));
}

static void test_card(void **state)
{
    (void)state;
    static const tcase c[] = {
        /* core pattern examples */
        Y("4012 8888 8888 1881"), Y("5555-5555-5555-4444"), Y("378282246310005"),
        Y("2223000048400011"),
        N("4012888888881882"), N("1234567812345678"),
        /* Visa: 13, 16, 19 only */
        Y("4123456789011"), Y("4123456789012349"), Y("4123456789012345677"),
        N("41234567890120"), N("412345678901233"), N("41234567890123458"), N("412345678901234561"),
        /* Mastercard 51-55 and 2221-2720, 16 digits */
        Y("5112345678901235"), Y("5512345678901231"), N("5012345678901236"), N("5612345678901230"),
        Y("2221123456789014"), Y("2720123456789010"), N("2220123456789015"), N("2721123456789019"),
        N("22211234567890128"),
        /* Amex 34/37, 15 digits */
        Y("341234567890127"), Y("371234567890120"), N("351234567890124"), N("3412345678901237"),
        N("37123456789012"),
        /* Discover */
        Y("6011123456789019"), Y("6011123456789012348"), N("6010123456789010"),
        Y("6441234567890123"),
        Y("6491234567890122"), N("6431234567890125"), Y("6512345678901239"), N("651234567890121"),
        Y("6221261234567897"), Y("6229251234567890124"),
        /* JCB 3528-3589 */
        Y("3528123456789012"), Y("3589123456789012346"), N("3527123456789013"),
        N("3590123456789015"),
        /* Diners 300-305, 3095, 36, 38-39 */
        Y("30012345678907"), Y("30512345678906"), N("30612345678904"), Y("30951234567897"),
        N("30961234567896"), Y("36123456789013"), Y("38123456789011"), Y("3912345678901234567"),
        /* UnionPay 62, 16-19 */
        Y("6212345678901232"), Y("6212345678901234569"), N("621234567890128"),
        /* Maestro IINs, Mir 2200-2204 */
        Y("6759123456787"), Y("6763123456789019"), N("6764123456789018"), Y("5018123456789"),
        Y("2200123456789019"), Y("2204123456789015"), N("2205123456789014"),
        /* no issuer */
        N("7000123456789010"), N("9000123456789016"), N("1234123456789011"),
        /* separators: none, or one kind, single, between digits */
        Y("4111 1111 1111 1111"), Y("4111-1111-1111-1111"), Y("3782 822463 10005"),
        N("4111 1111-1111 1111"), N("4111  1111 1111 1111"), N("4111--1111-1111-1111"),
        N(" 4111 1111 1111 1111"), N("4111 1111 1111 1111 "), N("4111.1111.1111.1111"),
        N("4111_1111_1111_1111"), N("4111\t1111\t1111\t1111"),
        /* all one digit, too short, too long */
        N("0000000000000000"), N("6666666666666"), N("411111111111"), N("41111111111111111111"),
    };
    CHECK("card", c, 0);
}

static void test_imei(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("490154203237518"), Y("49-015420-323751-8"), Y("49 015420 323751 8"),
        Y("356938035643809"),
        N("490154203237519"), N("000000000000000"), N("49015420323751"), N("4901542032375180"),
        N("49-015420 323751-8"), N("49--015420-323751-8"), N("49015420323751X"),
    };
    CHECK("imei", c, 0);
}

static void test_npi(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("1234567893"), Y("1245319599"), Y("1003000126"),
        N("1234567890"), N("3234567899"), /* Luhn-valid but NPIs start with 1 or 2 */
        N("123456789"), N("12345678931"), N("123456789a"), N("1234-567893"),
    };
    CHECK("npi", c, 0);
}

/* ---- phones ------------------------------------------------------------ */

static void test_nanp(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("(415) 555-0187"), Y("+1 (212) 555-0100"), Y("555-123-4567"), N("1-800-555-0199"), Y("1-808-555-0199"),
        Y("415.555.0187"), Y("5551234567"), Y("15551234567"), Y("+15551234567"),
        Y("1 (212) 555-0100"),
        Y("(415)555-0187"), Y("212 555 0100"), Y("+1-212-555-0100"), Y("(555) 123-4567"),
        Y("555-011-4567"),
        N("(123) 456-7890"), N("(000) 000-0000"), N("123-456-7890"), N("911-555-1234"),
        N("411-555-1234"),
        N("415-911-1234"), N("415-155-1234"), N("(556) 123-4567"), N("511-555-1234"),
        N("415-055-1234"), N("25551234567"), N("+4155550187"),
        N("555-1234"), N("(415 555-0187"), N("415) 555-0187"), N("(41) 5555-0187"),
        N("1 (21) 2555-0100"), N("415--555-0187"), N("415-555-0187-"), N("-415-555-0187"),
        N("415_555_0187"), N("+1 415 555 01877"), N("4155550187 "), N("2125550100x"),
        N("((415)) 555-0187"), N("+(1) 415 555 0187"), N("1+4155550187"), N(""), N("+"),
        /* form-encoded, as SMS webhooks post it */
        Y("%28650%29+803-6254"), Y("%28650%29%20803-6254"), Y("%28650%29803-6254"),
        N("%28650%29++803-6254"), N("%28650)+803-6254x"), N("%2865%29+803-6254"), N("%27650%29 803-6254"),
    };
    CHECK("nanp", c, 0);
}

static void test_e164(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("+1 415 555 0187"), Y("+44 20 7946 0958"), Y("+4915112345678"), Y("+44 (0)20 7946 0958"),
        Y("+33 1 23 45 67 89"), Y("+81-3-1234-5678"), Y("+12125550100"), Y("+2345678901"),
        Y("+49.151.1234.5678"), Y("+23456789"), N("+123456789012345"),
        N("+0000"), N("+0123456789"), N("4915112345678"), N("+2345678"), N("+2345678901234567"),
        N("+1 123 555 0100"), N("+1 415 555 018"), N("+1 415 911 0187"), N("+ 44 20 7946 0958"),
        N("+44  20 7946 0958"), N("+44 20 7946 0958 "), N("++44 20 7946 0958"),
        N("+44 20 7946 0958x"),
        N("x+1000"), N("+"),
    };
    CHECK("e164", c, 0);
}

static void test_phone(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("5551234567"), Y("+14155550187"), Y("415-555-0187"), Y("(415) 555 0187"),
        Y("+44 20 7946 0958"), Y("%2B14042602567"), Y("%2b447700900123"),
        N("1234567890"), N("+0000"), N("123-456-7890"), N("20261123"), N("%2B0000"),
        N("%2514042602567"), N("%2B 14042602567"),
        /* toll-free: a business's number */
        N("+18885550100"), N("(800) 555-0199"), N("877.555.0100"), Y("(808) 555-0199"),
    };
    CHECK("phone", c, 0);
}

/* ---- dates ------------------------------------------------------------- */

static void test_date(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("03/04/1984"), Y("3/4/1984"), Y("3/4/84"), Y("12-31-1999"), Y("03.04.1984"),
        Y("31.12.1999"),
        Y("13/02/1984"), Y("02.13.1984"), Y("1984-03-03"), Y("1984/3/3"), Y("1984.03.03"),
        Y("19840303"),
        Y("12-Jan-1990"), Y("12 Jan 1990"), Y("12-Jan-90"), Y("12 jan 90"), Y("March 3, 1984"),
        Y("Mar 3 1984"), Y("Mar. 3, 1984"), Y("3 March 1984"), Y("3rd March 1984"), Y("3rd of March 1984"), N("3rd of  March 1984"), N("3rd off March 1984"),
        Y("March 3rd, 1984"),
        Y("mArCh 3, 1984"), Y("Sept 9, 2001"), Y("September 9, 2001"), Y("Sep. 9 2001"),
        Y("3 March, 1984"),
        Y("June 30, 1990"), Y("Jul 4 1976"), Y("1st Jan 2000"), Y("22ND FEB 2022"), Y("3-Mar.-84"),
        Y("Mar  3,  1984"),
        /* leap years, month lengths, year range */
        Y("2000-02-29"), Y("02/29/2000"), Y("29.02.2000"), Y("2/29/00"), Y("1996-02-29"),
        Y("1984-04-30"),
        Y("1900-01-01"), Y("2099-12-31"), Y("1984-01-31"), Y("1984-03-31"), Y("1984-05-31"),
        Y("1984-07-31"),
        Y("1984-08-31"), Y("1984-10-31"), Y("1984-12-31"), Y("1984-06-30"), Y("1983-02-28"),
        N("1900-02-29"), N("02/29/1900"), N("2001-02-29"), N("1984-02-30"), N("1984-04-31"),
        N("04/31/1984"),
        N("31.04.1984"), N("31 April 1984"), N("1984-06-31"), N("1984-09-31"), N("1984-11-31"),
        N("April 31, 1984"), N("1984-13-01"), N("1984-00-10"),
        N("1984-01-00"), N("1984-01-32"), N("13/13/1984"), N("00/10/1984"), N("1899-12-31"),
        N("2100-01-01"),
        N("2026-13-45"),
        /* timestamps that carry a date */
        Y("1979-11-30T00:00:00Z"), Y("1984-03-03 08:30"), Y("1984-03-03T08:30:00.123+05:30"),
        Y("1984-03-03T23:59:60-0800"), Y("March 3, 1984 08:30"), Y("1984030312"), Y("198403031230"),
        Y("19840303123000"),
        N("1984-03-03T25:00"), N("1984-03-03T08:60"), N("1984-03-03T8:30"),
        N("1984-03-03T08:30+15:00"),
        N("1984-03-03T"), N("1984-03-03T08:30x"), N("1984-03-03T08:30:00Zx"),
        N("1984-03-03T08:30:00+0100x"), N("1984030325"), N("19840303123"), N("1984030312306"),
        N("198403031290"),
        /* shapes */
        N("1984/03-03"), N("03/04-1984"), N("3/4/984"), N("3/4/19845"), N("19841303"),
        N("198403031"),
        N("1984-3"), N("Marc 3, 1984"), N("Mar 32, 1984"), N("3 Foo 1984"), N("March 3, 84"),
        N("3March 1984"), N("3rd-March 1984"), N("3xx March 1984"), N("03/04/1984 "),
        N(" 03/04/1984"),
        N("2024.110.2231"), N("1.2.3"), N("March"), N("1984"), N(""), N("M\xe4rz 3, 1984"),
        N("03/04/1984\xff"),
    };
    CHECK("date", c, 0);
}

static void test_date_or_day(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("March 18"), Y("Mar 22"), Y("Mar. 7th"), Y("3/2"), Y("12/31"), Y("2/29"),
        Y("2024-03-11"), Y("March 7, 2024"), Y("Thu Apr 4"), Y("Tue, 3/12"), Y("Saturday Mar 23"),
        N("2/30"), N("13/4"), N("3/"), N("March 32"), N("Marc 3"), N("3/4/"), N("March"),
        N("Thu"), N("Thu Apr"), N("Xyz Apr 4"),
        N(""),
    };
    CHECK("date_or_day", c, 0);
}

static void test_dob(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("1984-03-03"), Y("03/04/1984"), Y("1979-11-30T00:00:00Z"), Y("March 3, 1984"),
        Y("12-Jan-1990"),
        Y("3 March 1984"), Y("2025-12-31"), Y("1/1/99"), Y("1/1/26"), Y("1/1/27"), Y("19840303"),
        Y("1900-01-01"), Y("2/29/28"), Y("11171974"), Y("04061999"), /* MMDDYYYY */
        N("13171974"), N("00001999"), N("02302000"),
        N("2099-12-31"), N("1899-12-31"), N("2026-13-45"), N("2/29/26"),
        N("1900-02-29"),
        N("created"),
    };
    CHECK("dob", c, 0);
    /* no birth date in a future year; this year's are fine (a newborn) */
    time_t now = time(NULL);
    struct tm tm;
    assert_non_null(gmtime_r(&now, &tm));
    char next[32], jan1[32];
    snprintf(next, sizeof next, "%04d-01-01", tm.tm_year + 1901);
    snprintf(jan1, sizeof jan1, "%04d-01-01", tm.tm_year + 1900);
    const validator *v = validator_find("dob");
    assert_false(v->check(next, strlen(next), 0));
    assert_true(v->check(jan1, strlen(jan1), 0));
}

static void expect_date(const char *s, int y, int m, int d)
{
    int gy = -1, gm = -1, gd = -1;
    if (!date_parse(s, strlen(s), &gy, &gm, &gd))
        fail_msg("date_parse(\"%s\") failed", s);
    if (gy != y || gm != m || gd != d)
        fail_msg("date_parse(\"%s\") = %d-%d-%d, want %d-%d-%d", s, gy, gm, gd, y, m, d);
}

static void test_date_parse(void **state)
{
    (void)state;
    expect_date("03/04/1984", 1984, 3, 4);  /* '/': month first */
    expect_date("03-04-1984", 1984, 3, 4);
    expect_date("03.04.1984", 1984, 4, 3);  /* '.': day first */
    expect_date("13/02/1984", 1984, 2, 13); /* month-first impossible */
    expect_date("02.13.1984", 1984, 2, 13); /* day-first impossible */
    expect_date("3/4/84", 1984, 3, 4);
    expect_date("1/2/26", 2026, 1, 2);
    expect_date("1/2/27", 1927, 1, 2);
    expect_date("1/2/00", 2000, 1, 2);
    expect_date("Mar. 3rd, 1984", 1984, 3, 3);
    expect_date("12-Jan-90", 1990, 1, 12);
    expect_date("19840303", 1984, 3, 3);
    expect_date("2000-02-29", 2000, 2, 29);
    expect_date("3 December 2099", 2099, 12, 3);
    expect_date("sept 30 1999", 1999, 9, 30);
    expect_date("7\\/26\\/1953", 1953, 7, 26); /* PHP's json_encode escapes '/' */

    int y = -1, m = -1, d = -1;
    assert_false(date_parse("1984-02-30", 10, &y, &m, &d));
    assert_int_equal(y, -1); /* untouched on failure */
    assert_int_equal(m, -1);
    assert_int_equal(d, -1);
    assert_false(date_parse("1984-03-03T08:30", 16, &y, &m, &d)); /* no time here */
    assert_false(date_parse(NULL, 0, &y, &m, &d));
    assert_false(date_parse("7\\/26-1953", 10, &y, &m, &d)); /* one separator kind */
    assert_false(date_parse("7\\26\\1953", 10, &y, &m, &d)); /* a backslash alone is none */
}

static void test_date_time_split(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t want;
    } c[] = {
        {"1984-03-03T08:30", 10}, {"1984-03-03", 10}, {"198403031230", 8}, {"1984030312301", 13},
        {"March 3, 1984 08:30:00", 13}, {"1984-03-03T8:30", 15}, {"1984-03-03 08:30Z", 10},
        {"19840303", 8}, {"", 0},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        size_t got = date_time_split(c[i].s, strlen(c[i].s));
        if (got != c[i].want)
            fail_msg("date_time_split(\"%s\") = %zu, want %zu", c[i].s, got, c[i].want);
    }
}

/* ---- SSN / ITIN -------------------------------------------------------- */

static void test_ssn(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("123-45-6789"), Y("123 45 6789"), Y("123456789"), Y("899-99-9999"), Y("001-01-0001"),
        Y("665-12-3456"), Y("667-12-3456"), Y("078-05-1121"), Y("219-09-9998"),
        N("000-12-3456"), N("666-12-3456"), N("900-12-3456"), N("999-99-9999"), N("123-00-4567"),
        N("123-45-0000"), N("078-05-1120"), N("219-09-9999"), N("078051120"), N("123-45 6789"),
        N("123 45-6789"), N("12-345-6789"), N("1234567890"), N("12345678"), N("123-45-678a"),
        N("123--45-6789"), N("123.45.6789"), N("123_45_6789"), N("900-70-1234"),
    };
    CHECK("ssn", c, 0);
}

static void test_itin(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("900-70-1234"), Y("999-88-1234"), Y("912 50 1234"), Y("912651234"), Y("900-90-1234"),
        Y("900-92-1234"), Y("900-94-1234"), Y("900-99-1234"), Y("900-65-1234"),
        N("900-49-1234"), N("900-66-1234"), N("900-69-1234"), N("900-89-1234"), N("900-93-1234"),
        N("899-70-1234"), N("123-45-6789"), N("900-70 1234"), N("900-7-01234"),
    };
    CHECK("itin", c, 0);
}

static void test_ssn_or_itin(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("123-45-6789"), Y("900-70-1234"), N("900-12-3456"), N("000-00-0000"), N("666-66-6666"),
    };
    CHECK("ssn_or_itin", c, 0);
}

/* ---- IP addresses ------------------------------------------------------ */

static void test_ipv4(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("1.2.3.4"), Y("8.8.8.8"), Y("192.0.2.1"), Y("255.255.255.254"), Y("0.0.0.1"),
        Y("10.0.0.1"),
        N("127.0.0.1"), N("127.8.9.10"), Y("126.0.0.1"), Y("128.0.0.1"), Y("172.16.0.1"), Y("192.168.1.1"), Y("100.64.0.1"),
        N("0.0.0.0"), N("255.255.255.255"), N("256.1.1.1"), N("1.2.3"), N("1.2.3.4.5"),
        N("1.02.3.4"),
        N("01.2.3.4"), N("1.2.3.04"), N("1.2.3.00"), N("1.2.3.4:80"), N("1.2.3.4/24"), N("1..3.4"),
        N(".1.2.3"), N("1.2.3."), N("1.2.3.4 "), N("1234.1.1.1"), N("1.2.3.1000"), N("a.b.c.d"),
        N("::1"),
        N(""),
    };
    CHECK("ipv4", c, 0);
    static const tcase priv[] = {
        N("10.0.0.1"), N("10.255.255.255"), N("172.16.0.1"), N("172.31.255.255"), N("192.168.0.1"),
        N("127.0.0.1"), N("169.254.1.1"), N("100.64.0.1"), N("100.127.255.255"),
        Y("172.15.255.255"), Y("172.32.0.0"), Y("192.169.0.1"), Y("100.63.255.255"),
        Y("100.128.0.0"),
        Y("11.0.0.1"), Y("169.253.1.1"), Y("8.8.8.8"), Y("9.255.255.255"),
    };
    CHECK("ipv4", priv, VALIDATE_KEEP_PRIVATE_IP);
}

static void test_ipv6(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), Y("2001:db8:85a3::8a2e:370:7334"),
        Y("2001:DB8::1"),
        Y("::1"), Y("1::"), Y("fe80::"), Y("fe80::1%eth0"), Y("fe80::1%25eth0"), Y("fe80::1%2"),
        Y("fe80::1%en0.1_x~-"), Y("::ffff:192.0.2.1"), Y("::FFFF:192.0.2.1"),
        Y("64:ff9b::192.0.2.33"),
        Y("::192.0.2.1"), Y("1:2:3:4:5:6:1.2.3.4"), Y("1::1.2.3.4"), Y("1:2:3:4:5:6:7::"),
        Y("::2:3:4:5:6:7:8"), Y("1:2:3:4:5:6:7:8"), Y("1::8"), Y("1::2:3:4:5:6:7"),
        Y("2001:db8:0:0:1:0:0:1"),
        Y("0:0:0:0:0:0:0:1"), Y("FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF"), Y("2001:db8::0001"),
        Y("1:2::7:8"), Y("::ffff:0.0.0.0"),
        N("::"), N("0:0:0:0:0:0:0:0"), N("::0"), N("1::2::3"), N("12345::"), N(":::"),
        N("1:2:3:4:5:6:7:8:9"), N("12:34:56"), N("00:1a:2b:3c:4d:5e"), N("1:2:3:4:5:6:7"),
        N(":1:2:3:4:5:6:7:8"), N(":1::"), N("1:2:3:4:5:6:7:8:"), N("1:"), N(":1"), N("1::2:"),
        N("g::1"),
        N("2001:db8::1%"), N("fe80::1%eth 0"), N("fe80::1%eth0%1"), N("[::1]"),
        N("::ffff:192.0.2.256"),
        N("::ffff:1.02.3.4"), N("1:2:3:4:5:6:7:1.2.3.4"), N("1.2.3.4"), N("::1.2.3.4:5"),
        N("::1.2.3"), N("1:2:3:4:5:6:7:8::"), N("1::2:3:4:5:6:7:8"), N("::1 "), N("2001:db8:::1"),
        N("1:2:3:4:5:6::1.2.3.4"), N(""), N(":"), N("%eth0"),
    };
    CHECK("ipv6", c, 0);
    static const tcase priv[] = {
        N("::1"), N("fe80::1"), N("fe80::1%eth0"), N("febf::1"), N("fc00::1"), N("fd12:3456::1"),
        N("::ffff:10.0.0.1"), N("::ffff:192.168.1.1"), N("::ffff:127.0.0.1"), N("0:0:0:0:0:0:0:1"),
        Y("fec0::1"), Y("fbff::1"), Y("fe00::1"), Y("2001:db8::1"), Y("::ffff:8.8.8.8"), Y("::2"),
        Y("64:ff9b::10.0.0.1"),
    };
    CHECK("ipv6", priv, VALIDATE_KEEP_PRIVATE_IP);
}

static void test_ip(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("1.2.3.4"), Y("::1"), Y("2001:db8::1"), Y("10.1.2.3"),
        N("1.2.3"), N("12:34:56"), N("::"), N("0.0.0.0"), N("1.2.3.4.5"), N("v1.2.3"),
    };
    CHECK("ip", c, 0);
    static const tcase priv[] = {N("10.1.2.3"), N("::1"), Y("8.8.4.4"), Y("2606:4700::1111")};
    CHECK("ip", priv, VALIDATE_KEEP_PRIVATE_IP);
}

/* ---- other identifiers ------------------------------------------------- */

static void test_vin(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("1M8GDM9AXKP042788"), Y("1m8gdm9axkp042788"), Y("1HGCM82633A004352"),
        Y("JH4KA7561PC008269"),
        Y("2T1BURHE0JC014702"),
        N("1M8GDM9AXKP042789"), N("1M8GDM9A0KP042788"), N("2M8GDM9AXKP042788"),
        N("1M8GDM9AXKP04278"),
        N("1M8GDM9AXKP0427888"), N("1O8GDM9AXKP042788"), N("1I8GDM9AXKP042788"),
        N("1Q8GDM9AXKP042788"),
        N("11111111111111111"), N("1M8GDM9AXKP04278-"), N("1M8GDM9AXKP 42788"), N(""),
    };
    CHECK("vin", c, 0);
    static const tcase shape[] = {
        Y("1M8GDM9AXKP042788"), Y("WBAJMCH3WC195739B"), Y("jtdgnt8u5gdjxl4sw"),
        N("1O8GDM9AXKP042788"), N("11111111111111111"), N("12345678901234567"), N("12345678901234AB5"),
        N("ABCDEFGHJKLMNPR12"), N("1M8GDM9AXKP04278"), N("1M8GDM9AXKP0427-8"),
    };
    CHECK("vin_shape", shape, 0);
}

static void test_aba(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("011000015"), Y("021000021"), Y("111000025"), Y("091000019"), Y("322271627"),
        Y("800000006"),
        N("021000022"), N("130000006"), N("000000000"), N("02100002"), N("0210000210"),
        N("02100002a"),
        N("021-000-021"),
    };
    CHECK("aba", c, 0);
}

static void test_iban(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("GB29 NWBK 6016 1331 9268 19"), Y("GB29NWBK60161331926819"), Y("gb29nwbk60161331926819"),
        Y("DE89 3704 0044 0532 0130 00"), Y("NO93 8601 1117 947"),
        Y("MT84 MALT 0110 0001 2345 MTLC AST0 01S"),
        Y("LC55 HEMM 0001 0001 0012 0012 0002 3015"), Y("BE68 5390 0754 7034"),
        Y("FR14 2004 1010 0505 0001 3M02 606"), Y("MK07 2501 2000 0058 984"),
        N("MK07 2501 2000 0058 9840"), Y("GB82 WEST 1234 5698 7654 32"),
        N("GB29 NWBK 6016 1331 9268 18"), N("GB82 WEST 1234 5698 7654 33"), N("US8412345678901234"),
        N("DE543704004405320130001"), N("GB29  NWBK 6016 1331 9268 19"),
        N(" GB29 NWBK 6016 1331 9268 19"),
        N("GB29 NWBK 6016 1331 9268 19 "), N("GB29-NWBK-6016-1331-9268-19"),
        N("GB2XNWBK60161331926819"),
        N("1B29NWBK60161331926819"), N(""),
    };
    CHECK("iban", c, 0);
}

static void test_dea(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("AB1234563"), Y("A91234563"), Y("BJ6125341"), Y("ab1234563"),
        N("AB1234564"), N("1B1234563"), N("AB123456"), N("AB12345630"), N("A-1234563"),
        N("AB123456X"),
        N("FS0000001"),
    };
    CHECK("dea", c, 0);
}

static void test_email(void **state)
{
    (void)state;
    static const tcase c[] = {
        Y("jane.doe@gmail.com"), Y("r.achterberg@example.org"), Y("jane%40example.com"),
        Y("JANE@EXAMPLE.COM"),
        Y("a@b.co"), Y("user+tag@mail.example.co.uk"), Y("o'brien@clinic.health"), Y("x@host.py"),
        Y("first_last@sub-domain.example.io"), Y("a!#$%&'*+/=?^_`{|}~-b@example.com"),
        Y("a@xn--bcher-kva.de"),
        Y("dr.who@hospital.nhs.uk"), Y("a@b.pharmacy"), Y("a@b.dev"), Y("a@b.za"), Y("a@b.eu"),
        Y("a@b.ZW"), Y("a@b.ac"), Y("petrovicn5@inbox.example"), Y("jane.qa@clinic.test"),
        N("git@github"), N("a@com"), N("build@host.local"), N("worker@3.2.1"), N("a@b.internal"),
        N("a@b.log"),
        N("a@b.txt"), N("a@b.json"), N("a@b.yaml"), N("a@b.conf"), N("a@b.c"), N("a@b.h"),
        N("a@b.java"),
        N("a@b.localhost"), N("a@b.coma"), N("a@b.co1"), N("a@b.aa"), N("a@b.zz"),
        N(".a@example.com"), N("a.@example.com"), N("a..b@example.com"), N("@example.com"), N("a@"),
        N("a@@example.com"), N("a@b@example.com"), N("a@-example.com"), N("a@example-.com"),
        N("a@example..com"), N("a@.example.com"), N("a@example.com."), N("a b@example.com"),
        N("a@exa_mple.com"), N("a(b)@example.com"), N("jane%40example"), N("jane%4example.com"),
        N("jane@example.com%40"), N("\xc3\xa9@example.com"), N(""),
        /* role accounts: the clinic's own mailboxes */
        N("noreply@bellavitamedspa.com"), N("Reminders@clinic.com"), N("frontdesk@clinic.com"), N("records@summitfp.com"), Y("records.jane@gmail.com"),
        N("no-reply%40clinic.com"), Y("noreply1@gmail.com"), Y("info.jane@gmail.com"),
    };
    CHECK("email", c, 0);

    /* length limits: local 64, label 63, domain 253 */
    char buf[400];
    memset(buf, 'a', 64);
    memcpy(buf + 64, "@example.com", 12);
    assert_true(run("email", buf, 76, 0));
    memset(buf, 'a', 65);
    memcpy(buf + 65, "@example.com", 12);
    assert_false(run("email", buf, 77, 0));

    memcpy(buf, "a@", 2);
    memset(buf + 2, 'b', 63);
    memcpy(buf + 65, ".com", 4);
    assert_true(run("email", buf, 69, 0));
    memset(buf + 2, 'b', 64);
    memcpy(buf + 66, ".com", 4);
    assert_false(run("email", buf, 70, 0));

    /* 62 x "abc." = 248 bytes, + "info" = 252 (ok) / "museum" = 254 (too long) */
    size_t k = 2;
    for (int i = 0; i < 62; i++, k += 4)
        memcpy(buf + k, "abc.", 4);
    memcpy(buf + k, "info", 4);
    assert_true(run("email", buf, k + 4, 0));
    memcpy(buf + k, "museum", 6);
    assert_false(run("email", buf, k + 6, 0));
}

/* ---- registry ---------------------------------------------------------- */

static const char *const all_names[] = {
    "luhn", "card", "nanp", "e164", "phone", "date", "date_or_day", "dob", "ssn", "itin", "ssn_or_itin",
    "ipv4", "ipv6", "ip", "vin", "imei", "email", "npi", "aba", "iban", "dea",
    "id_number", "base64_body", "ipv6_text", "vin_shape",
};
#define N_NAMES (sizeof all_names / sizeof all_names[0])

static void count_name(const char *name, void *ctx)
{
    size_t *seen = ctx;
    for (size_t i = 0; i < N_NAMES; i++)
        if (!strcmp(all_names[i], name))
            seen[i]++;
    seen[N_NAMES]++;
}

/* ---- identifiers after keys (validate_ids.c) ------------------------------ */

static void test_id_validators(void **state)
{
    (void)state;
    static const struct {
        const char *name, *s;
        bool want;
    } c[] = {
        {"id_number", "00123456", true},
        {"id_number", "A1234567", true},
        {"id_number", "P-004512", true},
        {"id_number", "SN-0042-7781", true},
        {"id_number", "00:1a:2b:3c:4d:5e", true},
        {"id_number", "pending", false},
        {"id_number", "none", false},
        {"id_number", "A1", false},
        {"id_number", "0000000", false},
        {"id_number", "3f2a504b-4b5d-4c3a-9f2e-1b2c3d4e5f60", false},
        {"id_number", "ab1", false},
        {"id_number", "TX 61685724", true},         /* inner blanks: state, groups */
        {"id_number", "B6863 85940 18933", true},
        {"id_number", " 61685724", false},
        {"id_number", "61685724 ", false},
        {"id_number", "TX  61685724", false},
        {"base64_body", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj", true},
        {"base64_body", "  MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\r", true},
        {"base64_body", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", false},
        {"base64_body", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cK", true},
        {"base64_body", "w0BAQEFAASCBKcwg1Sj==", true},
        {"base64_body", "InitializationComplete", false},
        {"base64_body", "abcdefghijklmnopqrst", false},
        {"base64_body", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8c-j", false},
        {"ipv6_text", "2001:db8::7334", true},
        {"ipv6_text", "fe80::1ff:fe23:4567:890a%eth0", true},
        {"ipv6_text", "::bad", false},
        {"ipv6_text", "dead::beef", false},
        {"ipv6_text", "12:34:56", false},
        {"email", "44269bea-1898-4553-ae14-fe29a08f2994@brightsmile-dental.net", false},
        {"email", "0123456789abcdef@mail.example.org", false},
        {"email", "deadbeef.cafe@example.org", true}, /* 12 hex digits: could be a person */
        {"email", "jane.doe-1984@example.org", true},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        const validator *v = validator_find(c[i].name);
        assert_non_null(v);
        if (v->check(c[i].s, strlen(c[i].s), 0) != c[i].want)
            fail_msg("%s(\"%s\") != %d", c[i].name, c[i].s, c[i].want);
    }
}

static void test_registry(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_NAMES; i++) {
        const validator *v = validator_find(all_names[i]);
        if (!v)
            fail_msg("validator_find(\"%s\") = NULL", all_names[i]);
        assert_string_equal(v->name, all_names[i]);
        assert_non_null(v->check);
    }
    assert_null(validator_find("mac"));
    assert_null(validator_find("person_name")); /* the engine's own check */
    assert_null(validator_find(""));
    assert_null(validator_find("Luhn"));
    assert_null(validator_find("luhn "));
    assert_null(validator_find(NULL));

    size_t seen[N_NAMES + 1] = {0};
    validator_foreach(count_name, seen);
    assert_int_equal(seen[N_NAMES], N_NAMES); /* nothing else listed */
    for (size_t i = 0; i < N_NAMES; i++)
        assert_int_equal(seen[i], 1);
}

/* ---- bounds ------------------------------------------------------------ */

/* The bytes after n would flip the answer; only the first n may count. */
static void test_bounds(void **state)
{
    (void)state;
    static const struct {
        const char *name, *s;
        size_t n;
        bool want;
    } c[] = {
        {"card", "4111111111111111", 15, false}, {"card", "4111111111111111", 16, true},
        {"card", "41111111111111112", 16, true},  {"luhn", "799273987130", 11, true},
        {"luhn", "79927398713", 10, false},       {"imei", "4901542032375189", 15, true},
        {"ssn", "123-45-67890", 11, true},        {"ssn", "123-45-6789", 10, false},
        {"itin", "900-70-12345", 11, true},       {"date", "1984-03-031", 10, true},
        {"date", "03/04/19845", 10, true},        {"date", "03/04/1984", 9, false},
        {"date", "1984-03-03T08:30", 13, false},  {"dob", "19840303123", 10, true},
        {"email", "jane@example.comx", 16, true}, {"email", "jane@example.org", 15, false},
        {"ipv4", "1.2.3.4.5", 7, true},           {"ipv4", "1.2.3.45", 7, true},
        {"ipv4", "1.2.3.4", 6, false},            {"ipv6", "fe80::1%eth0", 7, true},
        {"ipv6", "2001:db8::1::", 11, true},      {"ipv6", "1:2:3:4:5:6:7:8", 14, false},
        {"vin", "1M8GDM9AXKP0427889", 17, true},  {"nanp", "415-555-01871", 12, true},
        {"nanp", "(415) 555-0187", 13, false},    {"e164", "+44 20 7946 09581", 16, true},
        {"npi", "12345678930", 10, true},         {"aba", "0210000210", 9, true},
        {"iban", "GB29NWBK60161331926819X", 22, true}, {"dea", "AB12345630", 9, true},
        {"phone", "5551234567890", 10, true},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        bool got = run(c[i].name, c[i].s, c[i].n, 0);
        if (got != c[i].want)
            fail_msg("%s(\"%.*s\") = %d, want %d", c[i].name, (int)c[i].n, c[i].s, got, c[i].want);
    }
}

static void reject_junk(const char *name, void *ctx)
{
    static const struct {
        const char *s;
        size_t n;
    } junk[] = {
        {"", 0}, {"\0", 1}, {"\xff\xfe", 2}, {"1\0002", 3},
        {"4111\xa0" "1111\xa0" "1111\xa0" "1111", 19},
        {"123\0" "45\0" "6789", 11}, {"\x80\x81\x82\x83\x84\x85\x86\x87\x88", 9}, {"::\xff", 3},
        {"1.2.3.\xb4", 7}, {"a@b.c\xc3\xb6m", 8}, {"1984-03-0\xb3", 10},
        {"GB29\0NWBK60161331926819", 23},
    };
    (void)ctx;
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        if (run(name, junk[i].s, junk[i].n, 0) ||
            run(name, junk[i].s, junk[i].n, VALIDATE_KEEP_PRIVATE_IP))
            fail_msg("%s accepted junk case %zu", name, i);
}

static void test_junk_bytes(void **state)
{
    (void)state;
    validator_foreach(reject_junk, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_luhn), cmocka_unit_test(test_card), cmocka_unit_test(test_imei),
        cmocka_unit_test(test_npi), cmocka_unit_test(test_nanp), cmocka_unit_test(test_e164),
        cmocka_unit_test(test_phone), cmocka_unit_test(test_date), cmocka_unit_test(test_dob),
        cmocka_unit_test(test_date_or_day),
        cmocka_unit_test(test_date_parse),  cmocka_unit_test(test_date_time_split),
        cmocka_unit_test(test_ssn), cmocka_unit_test(test_itin), cmocka_unit_test(test_ssn_or_itin),
        cmocka_unit_test(test_ipv4), cmocka_unit_test(test_ipv6), cmocka_unit_test(test_ip),
        cmocka_unit_test(test_vin), cmocka_unit_test(test_aba), cmocka_unit_test(test_iban),
        cmocka_unit_test(test_dea), cmocka_unit_test(test_email), cmocka_unit_test(test_id_validators),
        cmocka_unit_test(test_registry),
        cmocka_unit_test(test_bounds),      cmocka_unit_test(test_junk_bytes),
    };
    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
