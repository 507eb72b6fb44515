/* validate_date.c — reads the written dates the `date` and `dob` validators
 * confirm: numeric (03/04/1984, 1984-03-03, 19840303, 3.4.84) and with a
 * month name (3 March 1984, 12-Jan-1990, Mar. 3rd, 1984), plus the time of
 * day that ISO 8601 and HL7 timestamps append.
 *
 * Input is the matched bytes only: not NUL-terminated, any byte value, never
 * read past n. ASCII helpers instead of <ctype.h>, which is locale-dependent
 * and undefined for bytes above 0x7f. */
#include "validate.h"

#include <string.h>

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static unsigned char lower(unsigned char c) { return (unsigned char)(c | 0x20); } /* letters only */

/* A read position in the candidate. */
typedef struct {
    const char *s;
    size_t n, i;
} cursor;

static unsigned char peek(const cursor *c) { return c->i < c->n ? (unsigned char)c->s[c->i] : 0; }

static bool eat(cursor *c, char ch)
{
    if (c->i < c->n && c->s[c->i] == ch) {
        c->i++;
        return true;
    }
    return false;
}

/* Reads a whole run of digits; fails unless its length is in [lo, hi]. */
static bool number(cursor *c, size_t lo, size_t hi, int *v, size_t *len)
{
    size_t st = c->i;
    int x = 0;
    while (c->i < c->n && is_digit((unsigned char)c->s[c->i]) && c->i - st <= hi)
        x = x * 10 + (c->s[c->i++] - '0');
    *len = c->i - st;
    *v = x;
    return *len >= lo && *len <= hi;
}

/* Length of the run of ASCII letters at the cursor. */
static size_t letters(const cursor *c)
{
    size_t k = 0;
    while (c->i + k < c->n && is_alpha((unsigned char)c->s[c->i + k]))
        k++;
    return k;
}

static bool word_is(const cursor *c, size_t k, const char *w)
{
    size_t j = 0;
    for (; j < k && w[j]; j++)
        if (lower((unsigned char)c->s[c->i + j]) != w[j])
            return false;
    return j == k && !w[j];
}

/* A month name, full or three letters, and "Sept" which US style guides
 * (AP) use; case-insensitive. Returns 1..12, 0 when none. */
static int month_name(cursor *c)
{
    static const char *const full[12] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    size_t k = letters(c);
    for (int m = 0; m < 12; m++) {
        char abbr[4] = {full[m][0], full[m][1], full[m][2], 0};
        if (word_is(c, k, full[m]) || word_is(c, k, abbr) || (m == 8 && word_is(c, k, "sept"))) {
            c->i += k;
            return m + 1;
        }
    }
    return 0;
}

/* An optional English ordinal suffix after a day ("3rd"); a mismatched one
 * ("3th") is still a date, so any of the four is accepted. */
static bool ordinal(cursor *c)
{
    size_t k = letters(c);
    if (k == 0)
        return true;
    if (word_is(c, k, "st") || word_is(c, k, "nd") || word_is(c, k, "rd") || word_is(c, k, "th")) {
        c->i += k;
        return true;
    }
    return false;
}

/* Two-digit years pivot at 26 so that every one lands in 1927..2026: the
 * likeliest reading for a birth date written in a current log. */
static int full_year(int v, size_t len)
{
    if (len == 4)
        return v;
    return v <= 26 ? 2000 + v : 1900 + v;
}

static bool calendar_ok(int y, int m, int d)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; /* Gregorian: 1900 no, 2000 yes */
    return d <= days[m - 1] + (m == 2 && leap);
}

static bool done(const cursor *c, int y, int m, int d, int *oy, int *om, int *od)
{
    if (c->i != c->n || !calendar_ok(y, m, d))
        return false;
    *oy = y;
    *om = m;
    *od = d;
    return true;
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD after the year was read. */
static bool ymd(cursor *c, int y, int *oy, int *om, int *od)
{
    char sep = (char)peek(c);
    int m, d;
    size_t len;
    if ((sep != '-' && sep != '/' && sep != '.') || !eat(c, sep) || !number(c, 1, 2, &m, &len) ||
        !eat(c, sep) || !number(c, 1, 2, &d, &len))
        return false;
    return done(c, y, m, d, oy, om, od);
}

/* a/b/yy[yy] with one separator kind. US month-first for '/' and '-',
 * day-first for '.'; either reading is accepted when the preferred one is
 * impossible (13/02/1984 is 13 February). */
static bool numeric(cursor *c, int a, int *oy, int *om, int *od)
{
    char sep = (char)peek(c);
    int b, yv;
    size_t len;
    if (!eat(c, sep) || !number(c, 1, 2, &b, &len) || !eat(c, sep) || !number(c, 2, 4, &yv, &len) ||
        len == 3)
        return false;
    int y = full_year(yv, len);
    bool day_first = sep == '.';
    return done(c, y, day_first ? b : a, day_first ? a : b, oy, om, od) ||
           done(c, y, day_first ? a : b, day_first ? b : a, oy, om, od);
}

/* After the month name: an optional '.', then ", " / " " / "," (at most two
 * spaces, as the core pattern allows). Returns false when nothing separates. */
static bool name_gap(cursor *c)
{
    size_t st = c->i;
    eat(c, ',');
    for (int k = 0; k < 2 && eat(c, ' '); k++)
        ;
    return c->i > st;
}

/* D[ord] [of] Mon[.] YYYY, D-Mon-YY and friends, after the day was read. */
static bool day_month_year(cursor *c, int d, int *oy, int *om, int *od)
{
    int m, yv;
    size_t len;
    if (!ordinal(c))
        return false;
    size_t at = c->i; /* "3rd of March 1984" */
    if (!(eat(c, ' ') && eat(c, 'o') && eat(c, 'f') && peek(c) == ' '))
        c->i = at;
    char sep = (char)peek(c);
    if ((sep != ' ' && sep != '-') || !eat(c, sep) || !(m = month_name(c)))
        return false;
    eat(c, '.');
    if (sep == '-' ? !eat(c, '-') : !name_gap(c))
        return false;
    if (!number(c, 2, 4, &yv, &len) || len == 3)
        return false;
    return done(c, full_year(yv, len), m, d, oy, om, od);
}

/* Mon[.] D[ord][,] YYYY. */
static bool month_day_year(cursor *c, int *oy, int *om, int *od)
{
    int m, d, y;
    size_t len;
    if (!(m = month_name(c)))
        return false;
    eat(c, '.');
    if (!eat(c, ' '))
        return false;
    eat(c, ' ');
    if (!number(c, 1, 2, &d, &len) || !ordinal(c) || !name_gap(c) || !number(c, 4, 4, &y, &len))
        return false;
    return done(c, y, m, d, oy, om, od);
}

bool date_parse(const char *s, size_t n, int *y, int *m, int *d)
{
    /* PHP's json_encode writes 7/26/1953 as "7\/26\/1953". */
    char plain[40];
    if (s && n < sizeof plain && memchr(s, '\\', n)) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (!(s[i] == '\\' && i + 1 < n && s[i + 1] == '/'))
                plain[k++] = s[i];
        s = plain;
        n = k;
    }
    cursor c = {s, n, 0};
    int v;
    size_t len;
    if (!s || !number(&c, 0, 8, &v, &len))
        return false;
    if (len == 0)
        return month_day_year(&c, y, m, d);
    if (len == 8) /* YYYYMMDD, the HL7 and compact ISO 8601 form */
        return done(&c, v / 10000, v / 100 % 100, v % 100, y, m, d);
    if (len == 4)
        return ymd(&c, v, y, m, d);
    if (len > 2)
        return false;
    unsigned char sep = peek(&c);
    bool digit_next = c.i + 1 < n && is_digit((unsigned char)s[c.i + 1]);
    if ((sep == '/' || sep == '-' || sep == '.') && digit_next)
        return numeric(&c, v, y, m, d);
    return day_month_year(&c, v, y, m, d);
}

bool day_parse(const char *s, size_t n, int *m, int *d)
{
    cursor c = {s, n, 0};
    int month, day;
    size_t len;
    if (!s || n == 0)
        return false;
    static const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    size_t k = letters(&c);
    for (int w = 0; k >= 3 && w < 7; w++)
        if (lower((unsigned char)s[0]) == weekdays[w][0] &&
            lower((unsigned char)s[1]) == weekdays[w][1] &&
            lower((unsigned char)s[2]) == weekdays[w][2]) { /* "Thu Apr 4", "Tue, 3/12" */
            c.i = k;
            eat(&c, '.');
            eat(&c, ',');
            if (!eat(&c, ' '))
                return false;
            break;
        }
    if (is_digit((unsigned char)peek(&c))) { /* M/D */
        if (!number(&c, 1, 2, &month, &len) || !eat(&c, '/') || !number(&c, 1, 2, &day, &len))
            return false;
    } else { /* Mon[.] D[ord] */
        if (!(month = month_name(&c)))
            return false;
        eat(&c, '.');
        if (!eat(&c, ' ') || !number(&c, 1, 2, &day, &len) || !ordinal(&c))
            return false;
    }
    /* any year will do: 2000 was a leap year, so February 29 passes */
    if (c.i != c.n || !calendar_ok(2000, month, day))
        return false;
    *m = month;
    *d = day;
    return true;
}

/* ---- time of day ------------------------------------------------------- */

/* Exactly two digits, even inside a longer run (HL7's HHMMSS, "-0800"). */
static bool two(cursor *c, int max)
{
    if (c->i + 2 > c->n || !is_digit((unsigned char)c->s[c->i]) ||
        !is_digit((unsigned char)c->s[c->i + 1]))
        return false;
    int v = (c->s[c->i] - '0') * 10 + (c->s[c->i + 1] - '0');
    c->i += 2;
    return v <= max;
}

/* HH:MM[:SS[.fraction]][Z|±HH[:]MM], the ISO 8601 / RFC 3339 tail. */
static bool clock_time(cursor *c)
{
    if (!two(c, 23) || !eat(c, ':') || !two(c, 59))
        return false;
    if (eat(c, ':')) {
        if (!two(c, 60)) /* 60: leap second */
            return false;
        if (eat(c, '.')) {
            int v;
            size_t len;
            if (!number(c, 1, 9, &v, &len))
                return false;
        }
    }
    if (eat(c, 'Z') || eat(c, 'z'))
        return c->i == c->n;
    if (eat(c, '+') || eat(c, '-')) {
        if (!two(c, 14))
            return false;
        eat(c, ':');
        if (!two(c, 59))
            return false;
    }
    return c->i == c->n;
}

size_t date_time_split(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && is_digit((unsigned char)s[k]))
        k++;
    if (k == n && (n == 10 || n == 12 || n == 14)) {
        /* HL7 v2 DTM: YYYYMMDD then HH, HHMM or HHMMSS. */
        cursor c = {s, n, 8};
        bool ok = two(&c, 23) && (c.i == n || two(&c, 59)) && (c.i == n || two(&c, 60));
        return ok ? 8 : n;
    }
    for (size_t p = 1; p + 1 < n; p++) {
        if (s[p] != 'T' && s[p] != 't' && s[p] != ' ')
            continue;
        cursor c = {s, n, p + 1};
        if (clock_time(&c))
            return p;
    }
    return n;
}
