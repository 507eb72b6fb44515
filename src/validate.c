/* validate.c — the validator registry and the number-shaped validators:
 * checksummed identifiers (cards, IMEI, NPI, ABA, IBAN, DEA, VIN), phone
 * numbers, SSN/ITIN and dates (parsing lives in validate_date.c). IP and
 * email addresses are in validate_net.c.
 *
 * Every validator sees exactly the bytes a pattern matched: not
 * NUL-terminated, any byte value possible. Nothing here reads past s[n-1],
 * allocates, or uses <ctype.h> (locale-dependent, undefined above 0x7f). */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#include "validate.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static unsigned char upper(unsigned char c)
{
    return (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c;
}

/* c is one of the bytes of set (never true for NUL, unlike strchr). */
static bool in_set(unsigned char c, const char *set)
{
    for (; *set; set++)
        if ((unsigned char)*set == c)
            return true;
    return false;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return false;
    return n > 0;
}

static bool all_same(const char *d, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (d[i] != d[0])
            return false;
    return true;
}

/* Value of the first w digits of d. */
static uint32_t prefix(const char *d, size_t w)
{
    uint32_t v = 0;
    for (size_t i = 0; i < w; i++)
        v = v * 10 + (uint32_t)(d[i] - '0');
    return v;
}

/* Digits written in groups: single separators from seps, all the same
 * byte, none at either end ("4111 1111 1111 1111", "49-015420-323751-8").
 * Returns the digit count; 0 on any other shape or more than cap digits. */
static size_t grouped_digits(const char *s, size_t n, const char *seps, char *out, size_t cap)
{
    size_t k = 0;
    unsigned char sep = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_digit(c)) {
            if (k == cap)
                return 0;
            out[k++] = (char)c;
        } else if (in_set(c, seps) && i > 0 && i + 1 < n && is_digit((unsigned char)s[i - 1]) &&
                   is_digit((unsigned char)s[i + 1]) && (!sep || sep == c)) {
            sep = c;
        } else {
            return 0;
        }
    }
    return k;
}

/* ---- Luhn family --------------------------------------------------------- */

/* ISO/IEC 7812-1 Annex B: from the right, double every second digit. */
bool luhn_ok(const char *digits, size_t n)
{
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)digits[n - 1 - i];
        if (!is_digit(c))
            return false;
        unsigned v = c - '0';
        if (i & 1)
            v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    return n > 0 && sum % 10 == 0;
}

static bool v_luhn(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    unsigned sum = 0;
    size_t k = 0;
    for (size_t i = n; i-- > 0;) { /* streamed from the right: no length cap */
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '-')
            continue;
        if (!is_digit(c))
            return false;
        unsigned v = c - '0';
        if (k++ & 1)
            v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    return k >= 2 && sum % 10 == 0;
}

/* Issuer identification ranges and the lengths each issuer issues, from
 * the networks' published IIN tables (Discover/Diners/JCB share the
 * Discover Global Network table). lens is a bit set of card lengths. */
#define LEN(a) ((uint32_t)1 << (a))
#define LENS(a, b) ((LEN((b) + 1) - 1) & ~(LEN(a) - 1))
typedef struct {
    uint32_t lo, hi;
    uint8_t width;
    uint32_t lens;
} iin_range;

static const iin_range iins[] = {
    {4, 4, 1, LEN(13) | LEN(16) | LEN(19)},                 /* Visa */
    {51, 55, 2, LEN(16)}, {2221, 2720, 4, LEN(16)},         /* Mastercard (2-series since 2017) */
    {34, 34, 2, LEN(15)}, {37, 37, 2, LEN(15)},             /* American Express */
    {6011, 6011, 4, LENS(16, 19)}, {644, 649, 3, LENS(16, 19)},
    {65, 65, 2, LENS(16, 19)}, {622126, 622925, 6, LENS(16, 19)}, /* Discover */
    {3528, 3589, 4, LENS(16, 19)},                          /* JCB */
    {300, 305, 3, LENS(14, 19)}, {3095, 3095, 4, LENS(14, 19)},
    {36, 36, 2, LENS(14, 19)}, {38, 39, 2, LENS(14, 19)},   /* Diners Club */
    {62, 62, 2, LENS(16, 19)},                              /* UnionPay */
    {2200, 2204, 4, LENS(16, 19)},                          /* Mir */
    {5018, 5018, 4, LENS(12, 19)}, {5020, 5020, 4, LENS(12, 19)},
    {5038, 5038, 4, LENS(12, 19)}, {5893, 5893, 4, LENS(12, 19)},
    {6304, 6304, 4, LENS(12, 19)}, {6759, 6759, 4, LENS(12, 19)},
    {6761, 6763, 4, LENS(12, 19)},                          /* Maestro's own IINs */
};

static bool issuer_ok(const char *d, size_t k)
{
    for (size_t i = 0; i < sizeof iins / sizeof iins[0]; i++) {
        uint32_t p = prefix(d, iins[i].width);
        if (p >= iins[i].lo && p <= iins[i].hi && (iins[i].lens & LEN(k)))
            return true;
    }
    return false;
}

static bool v_card(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    char d[19];
    size_t k = grouped_digits(s, n, " -", d, sizeof d);
    return k >= 13 && !all_same(d, k) && luhn_ok(d, k) && issuer_ok(d, k);
}

/* IMEI (3GPP TS 23.003): 14 digits plus a Luhn check digit. */
static bool v_imei(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    char d[15];
    size_t k = grouped_digits(s, n, " -", d, sizeof d);
    return k == 15 && !all_same(d, k) && luhn_ok(d, k);
}

/* NPI (CMS, 45 CFR 162.406): Luhn over the card-issuer prefix 80840 and the
 * ten digits; NPPES only issues NPIs starting with 1 or 2. */
static bool v_npi(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    char d[15] = {'8', '0', '8', '4', '0'};
    if (n != 10 || !all_digits(s, n) || (s[0] != '1' && s[0] != '2'))
        return false;
    memcpy(d + 5, s, 10);
    return luhn_ok(d, sizeof d);
}

/* ---- phone numbers ------------------------------------------------------- */

typedef struct {
    char d[15]; /* E.164 allows at most 15 digits */
    size_t k;
    bool plus;
    size_t open, close; /* digit counts at '(' and ')'; SIZE_MAX when absent */
} phone_digits;

/* A URL-encoded '(', ')' or blank ("%28", "%29", "%20") read as itself;
 * *width is the bytes it takes. */
static unsigned char phone_char(const char *s, size_t n, size_t i, size_t *width)
{
    *width = 1;
    if (s[i] != '%' || i + 2 >= n || s[i + 1] != '2')
        return (unsigned char)s[i];
    *width = 3;
    switch (s[i + 2]) {
    case '8': return '(';
    case '9': return ')';
    case '0': return ' ';
    default: *width = 1; return '%';
    }
}

/* A written phone number: optional leading '+' (or "%2B", as URL query
 * strings and Twilio callbacks write it), digits, single separators
 * (space . -) between groups, at most one "(...)" group of digits. Form
 * encoding is read through: "%28650%29+803-6254" (a '+' is a blank only
 * after the area code's ')', so "1+4155550187" is not a number). */
static bool phone_scan(const char *s, size_t n, phone_digits *p)
{
    size_t i = 0, width;
    p->k = 0;
    p->open = p->close = SIZE_MAX;
    if (n > 0 && s[0] == '+')
        i = 1;
    else if (n > 3 && s[0] == '%' && s[1] == '2' && (s[2] == 'B' || s[2] == 'b'))
        i = 3;
    p->plus = i > 0;
    size_t lead = i;
    unsigned char prev = 0;
    for (; i < n; i += width) {
        unsigned char c = phone_char(s, n, i, &width);
        if (c == '+' && prev == ')')
            c = ' ';
        size_t w2;
        unsigned char next = i + width < n ? phone_char(s, n, i + width, &w2) : 0;
        if (is_digit(c)) {
            if (p->k == sizeof p->d)
                return false;
            p->d[p->k++] = (char)c;
        } else if (in_set(c, " .-")) {
            if (!(is_digit(prev) || prev == ')') || !(is_digit(next) || next == '('))
                return false;
        } else if (c == '(') {
            if (p->open != SIZE_MAX || !is_digit(next))
                return false;
            p->open = p->k;
        } else if (c == ')') {
            if (p->open == SIZE_MAX || p->close != SIZE_MAX || !is_digit(prev))
                return false;
            p->close = p->k;
        } else {
            return false;
        }
        prev = c;
    }
    bool balanced = (p->open == SIZE_MAX) == (p->close == SIZE_MAX);
    return p->k > 0 && balanced && is_digit((unsigned char)s[n - 1]) &&
           (!p->plus || is_digit((unsigned char)s[lead]));
}

/* Toll-free area codes (800, 833, 844, 855, 866, 877, 888): a business's
 * number - the clinic's own SMS sender, a vendor's help line - never a
 * patient's. */
bool nanp_toll_free(const char *d)
{
    return d[0] == '8' && d[1] == d[2] && (d[1] == '0' || (d[1] >= '3' && d[1] <= '8'));
}

/* NANP plan (NANPA / ATIS-0300115): area code and exchange start with 2-9;
 * N11 codes (211, 411, 911...) are service codes, never either. 555 is
 * kept: fictional numbers still identify someone in test data, and area
 * code 555 is never assigned, so 555-123-4567 skips the exchange rule. */
static bool nanp_national_ok(const char *d)
{
    bool fictional = d[0] == '5' && d[1] == '5' && d[2] == '5';
    return d[0] >= '2' && !(d[1] == '1' && d[2] == '1') && !nanp_toll_free(d) &&
           (fictional || (d[3] >= '2' && !(d[4] == '1' && d[5] == '1')));
}

static bool v_nanp(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    phone_digits p;
    if (!phone_scan(s, n, &p))
        return false;
    bool trunk = p.k == 11 && p.d[0] == '1';
    if (!(trunk || (p.k == 10 && !p.plus)))
        return false;
    size_t cc = trunk ? 1 : 0;
    if (p.open != SIZE_MAX && (p.open != cc || p.close != cc + 3)) /* "(...)" holds the area code */
        return false;
    return nanp_national_ok(p.d + cc);
}

/* ITU-T E.164: '+', a country code that never starts with 0, 8-15 digits. */
static bool v_e164(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    phone_digits p;
    if (!phone_scan(s, n, &p) || !p.plus || p.k < 8 || p.d[0] == '0')
        return false;
    if (p.d[0] == '1') /* +1 is the NANP */
        return p.k == 11 && nanp_national_ok(p.d + 1);
    return true;
}

static bool v_phone(const char *s, size_t n, unsigned opts)
{
    return v_nanp(s, n, opts) || v_e164(s, n, opts);
}

/* ---- SSN and ITIN -------------------------------------------------------- */

/* NNN-NN-NNNN, NNN NN NNNN (one separator kind) or nine digits. */
static bool ssn_shape(const char *s, size_t n, unsigned *area, unsigned *group, unsigned *serial)
{
    char d[9];
    if (n == 9 && all_digits(s, n)) {
        memcpy(d, s, 9);
    } else if (n == 11 && (s[3] == '-' || s[3] == ' ') && s[6] == s[3] && all_digits(s, 3) &&
               all_digits(s + 4, 2) && all_digits(s + 7, 4)) {
        memcpy(d, s, 3);
        memcpy(d + 3, s + 4, 2);
        memcpy(d + 5, s + 7, 4);
    } else {
        return false;
    }
    *area = prefix(d, 3);
    *group = prefix(d + 3, 2);
    *serial = prefix(d + 5, 4);
    return true;
}

/* SSA never issues area 000, 666 or 900-999, group 00 or serial 0000;
 * 078-05-1120 (the Woolworth wallet card) and 219-09-9999 (an SSA
 * pamphlet) were printed as examples and are not anyone's. */
static bool v_ssn(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    unsigned a, g, sr;
    if (!ssn_shape(s, n, &a, &g, &sr))
        return false;
    if (a == 0 || a == 666 || a >= 900 || g == 0 || sr == 0)
        return false;
    return !(a == 78 && g == 5 && sr == 1120) && !(a == 219 && g == 9 && sr == 9999);
}

/* IRS ITIN: area 9xx, group 50-65, 70-88, 90-92 or 94-99. */
static bool v_itin(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    unsigned a, g, sr;
    if (!ssn_shape(s, n, &a, &g, &sr) || a < 900)
        return false;
    return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
}

static bool v_ssn_or_itin(const char *s, size_t n, unsigned opts)
{
    return v_ssn(s, n, opts) || v_itin(s, n, opts);
}

/* ---- dates --------------------------------------------------------------- */

static bool v_date(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    int y, m, d;
    return date_parse(s, date_time_split(s, n), &y, &m, &d);
}

/* A date, or a day without its year ("March 18", "3/2"). */
static bool v_date_or_day(const char *s, size_t n, unsigned opts)
{
    int m, d;
    return v_date(s, n, opts) || day_parse(s, n, &m, &d);
}

/* The current year (UTC): nobody is born later. */
static int this_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    return gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2099;
}

/* A birth date: a real date, not in a future year. Eight digits are
 * YYYYMMDD (HL7, X12) or, failing that, MMDDYYYY (driver licence barcodes:
 * "dob=11171974", IVR keypads: "dob_entered=12102014"). */
static bool v_dob(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    int y, m, d;
    size_t len = date_time_split(s, n);
    if (date_parse(s, len, &y, &m, &d) && y >= 1880 && y <= this_year())
        return true;
    if (n != 8 || !all_digits(s, 8))
        return false;
    char ymd[8] = {s[4], s[5], s[6], s[7], s[0], s[1], s[2], s[3]};
    return date_parse(ymd, 8, &y, &m, &d) && y >= 1880 && y <= this_year();
}

/* ---- vehicle, bank and prescriber identifiers --------------------------- */

/* VIN check digit, 49 CFR 565.15: letters transliterate per the table
 * (I, O, Q never occur), weighted, mod 11, remainder 10 written 'X'. */
static bool v_vin(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    static const char translit[] = "12345678_12345_7_923456789"; /* A..Z */
    static const unsigned weight[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    unsigned sum = 0;
    if (n != 17 || all_same(s, n))
        return false;
    for (size_t i = 0; i < 17; i++) {
        unsigned char c = upper((unsigned char)s[i]);
        unsigned v;
        if (is_digit(c))
            v = c - '0';
        else if (c >= 'A' && c <= 'Z' && translit[c - 'A'] != '_')
            v = (unsigned)(translit[c - 'A'] - '0');
        else
            return false;
        sum += v * weight[i];
    }
    unsigned r = sum % 11;
    return upper((unsigned char)s[8]) == (r == 10 ? 'X' : (int)('0' + r));
}

/* A VIN after its key: 17 characters of the VIN alphabet (no I, O, Q),
 * at least 3 digits and 3 letters. The check digit is mandatory only in
 * North America (European and Asian VINs often fail it), and the key
 * already says what the value is. */
static bool v_vin_shape(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    unsigned digits = 0, letters = 0;
    if (n != 17 || all_same(s, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = upper((unsigned char)s[i]);
        if (is_digit(c))
            digits++;
        else if (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q')
            letters++;
        else
            return false;
    }
    return digits >= 3 && letters >= 3;
}

/* ABA routing number (ABA / Federal Reserve): weights 3,7,1 sum to a
 * multiple of 10, and the first two digits are a Federal Reserve routing
 * symbol: 00-12 banks, 21-32 thrifts, 61-72 electronic, 80 travellers
 * cheques. */
static bool v_aba(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    static const unsigned w[3] = {3, 7, 1};
    unsigned sum = 0;
    if (n != 9 || !all_digits(s, n) || all_same(s, n))
        return false;
    for (size_t i = 0; i < 9; i++)
        sum += (unsigned)(s[i] - '0') * w[i % 3];
    unsigned p = prefix(s, 2);
    bool symbol = p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80;
    return symbol && sum % 10 == 0;
}

/* IBAN lengths by country, SWIFT IBAN Registry (ISO 13616). */
static const char iban_lengths[] =
    "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27"
    "DK18DO28EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HN28HR21HU28"
    "IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22"
    "MK19MN20MR27MT31MU30NI28NL18NO15OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24"
    "SC31SD18SE24SI19SK24SM27SO23ST25SV28TL23TN24TR26UA29VA22VG24XK20YE30";

static size_t iban_length(char a, char b)
{
    for (const char *p = iban_lengths; *p; p += 4)
        if (p[0] == a && p[1] == b)
            return (size_t)((p[2] - '0') * 10 + (p[3] - '0'));
    return 0;
}

/* ISO 13616 / ISO 7064 MOD 97-10: move the first four characters to the
 * end, letters count 10..35, the whole number mod 97 must be 1. Accepts
 * the print form with single spaces between groups. */
static bool v_iban(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    char b[34];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = upper((unsigned char)s[i]);
        if (c == ' ' && i > 0 && i + 1 < n && s[i - 1] != ' ')
            continue;
        if (k == sizeof b || !(is_digit(c) || (c >= 'A' && c <= 'Z')))
            return false;
        b[k++] = (char)c;
    }
    if (k < 15 || !is_alpha((unsigned char)b[0]) || !is_alpha((unsigned char)b[1]) ||
        !all_digits(b + 2, 2) || iban_length(b[0], b[1]) != k)
        return false;
    unsigned r = 0;
    for (size_t j = 0; j < k; j++) {
        unsigned char c = (unsigned char)b[(j + 4) % k];
        r = is_digit(c) ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
    }
    return r == 1;
}

/* DEA registration number (21 CFR 1301): registrant-type letter, the
 * registrant's last-name initial (or 9 for businesses), seven digits;
 * d1+d3+d5 + 2*(d2+d4+d6) ends in the check digit d7. */
static bool v_dea(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    if (n != 9 || !is_alpha((unsigned char)s[0]) ||
        !(is_alpha((unsigned char)s[1]) || s[1] == '9') || !all_digits(s + 2, 7))
        return false;
    unsigned d[7];
    for (size_t i = 0; i < 7; i++)
        d[i] = (unsigned)(s[2 + i] - '0');
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6];
}

/* ---- registry ------------------------------------------------------------ */

static bool v_ip(const char *s, size_t n, unsigned opts)
{
    return validate_ipv4(s, n, opts) || validate_ipv6(s, n, opts);
}

static const validator validators[] = {
    {"aba", v_aba},
    {"base64_body", validate_base64_body},
    {"card", v_card},
    {"date", v_date},
    {"date_or_day", v_date_or_day},
    {"dea", v_dea},
    {"dob", v_dob},
    {"e164", v_e164},
    {"email", validate_email},
    {"iban", v_iban},
    {"id_number", validate_id_number},
    {"imei", v_imei},
    {"ip", v_ip},
    {"ipv4", validate_ipv4},
    {"ipv6", validate_ipv6},
    {"ipv6_text", validate_ipv6_text},
    {"itin", v_itin},
    {"luhn", v_luhn},
    {"nanp", v_nanp},
    {"npi", v_npi},
    {"phone", v_phone},
    {"ssn", v_ssn},
    {"ssn_or_itin", v_ssn_or_itin},
    {"vin", v_vin},
    {"vin_shape", v_vin_shape},
};

const validator *validator_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof validators / sizeof validators[0]; i++)
        if (!strcmp(validators[i].name, name))
            return &validators[i];
    return NULL;
}

void validator_foreach(void (*f)(const char *name, void *ctx), void *ctx)
{
    for (size_t i = 0; i < sizeof validators / sizeof validators[0]; i++)
        f(validators[i].name, ctx);
}
