/* records.c — fields of delimited patient records.
 *
 * A CSV export row such as
 *     04420482,Sanchez,Aisha,12/31/1969,(954) 806-9612,aisha@yahoo.com,...
 * carries its record number and birth date without any key, and its header
 * line may be thousands of lines away (or absent). What identifies it as a
 * patient record is the PHI the other rules already confirmed on the same
 * line. So for a comma-, '|'-, ';'- or tab-delimited line (not HL7) holding a span of
 * an evidence category (rules' `requires:`), every field shaped like an
 * identifier, a date or a name ("Surname, Given", two neighbouring one-word
 * fields, or one word from the given-name or surname lists, capitals
 * included) is masked too, labelled by the `record_field:` rules.
 * Lines without such evidence (inventory rows, daily statistics) are left
 * alone. PostgreSQL's "Failing row contains (...)" is such a row too. */
#include "records.h"

#include <stdlib.h>
#include <string.h>

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }


/* A business document's number, not the patient's: its first or second
 * dash-separated part names it (ORD-15026, INV-2024-118, CLM-BATCH-...). */
static bool document_number(const char *s, size_t n)
{
    static const char *const kinds[] = {"ord", "order", "inv", "invoice", "txn", "trx", "po",
                                        "batch", "rcpt", "receipt", "sku", "lot", "ticket", NULL};
    size_t at = 0;
    for (int part = 0; part < 2 && at < n; part++) {
        const char *dash = memchr(s + at, '-', n - at);
        if (!dash)
            return false; /* the last part is the number itself */
        size_t len = (size_t)(dash - (s + at));
        if (ascii_word_in(s + at, len, kinds))
            return true;
        at += len + 1;
    }
    return false;
}

/* An identifier field: 6-24 letters, digits and dashes with 4+ digits
 * (shorter codes are procedure or product codes: 97140, J0585), and not a
 * document number. */
static bool looks_like_id(const char *s, size_t n)
{
    if (n < 6 || n > 24 || document_number(s, n))
        return false;
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!ascii_is_alnum(c) && c != '-')
            return false;
        digits += is_digit(c);
    }
    return digits >= 4;
}

/* A capitalised word: an upper-case ASCII or UTF-8 letter, then letters,
 * apostrophes or hyphens ("Oisín", "O'Neil", "Min-jun"). */
static bool capitalised_word(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (n < 2 || !((c >= 'A' && c <= 'Z') || c >= 0xC3))
        return false;
    bool lower = false; /* "WA", "TX": state codes, not names */
    for (size_t i = 1; i < n; i++) {
        c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'' ||
              c == '-'))
            return false;
        lower = lower || (c >= 'a' && c <= 'z') || c >= 0x80;
    }
    return lower;
}

/* Two capital letters: a US state code between a city and a ZIP. */
static bool state_code(const char *s, size_t n)
{
    return n == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

static bool zip_code(const char *s, size_t n)
{
    if (n != 5 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(is_digit((unsigned char)s[i]) || (i == 5 && s[i] == '-')))
            return false;
    return true;
}

/* An ALL-CAPS name word of 3+ letters ("LEILANI", "O'NEIL"; two letters
 * would be a state code). */
static bool caps_word(const char *s, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'' || c == '-'))
            return false;
    }
    return (unsigned char)s[0] >= 'A' && (unsigned char)s[0] <= 'Z';
}

/* "Surname, Given" in one (quoted) field. */
static bool surname_comma_given(const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    if (!comma)
        return false;
    size_t a = (size_t)(comma - s), b = a + 1;
    while (b < n && s[b] == ' ')
        b++;
    if (b >= n)
        return false;
    return (capitalised_word(s, a) && capitalised_word(s + b, n - b)) ||
           (caps_word(s, a) && caps_word(s + b, n - b));
}

/* The length of a field without a relation in parentheses after the name
 * ("CLARK, SAGE (MOTHER)", "Ruiz, Ana (guardian)"). */
static size_t without_relation(const char *s, size_t n)
{
    if (n < 4 || s[n - 1] != ')')
        return n;
    size_t open = n - 1;
    while (open > 0 && s[open - 1] != '(')
        open--;
    if (open < 2 || s[open - 2] != ' ')
        return n;
    for (size_t i = open; i < n - 1; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == ' '))
            return n;
    return open - 2;
}

/* An event's timestamp ("2024-11-04T15:51:41.508Z"), not a birth or visit
 * date someone typed: its time has seconds that are not ":00", or
 * fractions of a second. A booked slot is on the minute
 * ("2027-01-07T16:00:00-05:00"). */
static bool event_time(const char *s, size_t n)
{
    size_t colon = n, colons = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':') {
            colons++;
            colon = i;
        }
    if (colons < 2 || colon + 3 > n || !is_digit((unsigned char)s[colon + 1]) ||
        !is_digit((unsigned char)s[colon + 2]))
        return false;
    bool fraction = colon + 3 < n && (s[colon + 3] == '.' || s[colon + 3] == ',');
    return fraction || s[colon + 1] != '0' || s[colon + 2] != '0';
}

/* A toll-free number (800, 833 ... 888), with or without the leading 1. */
static bool toll_free(const char *s, size_t n)
{
    if (n == 11 && s[0] == '1') {
        s++;
        n--;
    }
    if (n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return false;
    return nanp_toll_free(s);
}

/* A field that is one known given name or surname, capitalised or in
 * capitals ("...,Tucker,...", "|FERRARI|"), and not a common word. */
static bool name_field(const records_ctx *rc, const char *s, size_t n)
{
    const wordset *names = rc->rules->name_words, *common = rc->rules->stopwords;
    return names && (capitalised_word(s, n) || caps_word(s, n)) && wordset_has(names, s, n) &&
           !(common && wordset_has(common, s, n));
}

/* A street line in a cell: a house number, words, and a street type last
 * ("9359 CATTLEMEN PKWY", "82 NE Blue Ridge St"); or a unit ("APT 843",
 * "Lot 17"). */
static bool street_field(const char *s, size_t n)
{
    static const char *const types[] = {"st", "street", "ave", "avenue", "rd", "road", "blvd",
                                        "boulevard", "ln", "lane", "dr", "drive", "ct", "court",
                                        "way", "pkwy", "parkway", "hwy", "highway", "pl", "place",
                                        "ter", "terrace", "cir", "circle", "trl", "trail", "loop",
                                        "sq", "square", "pike", "plaza", NULL};
    static const char *const units[] = {"apt", "apartment", "ste", "suite", "unit", "lot", "bldg",
                                        "rm", "room", "#", NULL};
    size_t i = 0;
    while (i < n && is_digit((unsigned char)s[i]))
        i++;
    if (i == 0) { /* a unit: its word, then a number */
        while (i < n && s[i] != ' ')
            i++;
        return i + 1 < n && ascii_is_alnum((unsigned char)s[i + 1]) && ascii_word_in(s, i, units);
    }
    if (i > 6 || i + 2 >= n || s[i] != ' ')
        return false;
    size_t last = n; /* the last word */
    while (last > i && s[last - 1] != ' ')
        last--;
    return last > i + 1 /* not a number and one word */ && ascii_word_in(s + last, n - last, types);
}

/* "FATIMA MWANGI", "Ava Ben-David": two or three name words in one field,
 * the first or the last from the name lists, none a common word. */
static bool full_name_field(const records_ctx *rc, const char *s, size_t n)
{
    const wordset *common = rc->rules->stopwords;
    size_t words = 0, a = 0;
    bool listed = false;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != ' ')
            continue;
        size_t len = i - a;
        if (++words > 3 || !(capitalised_word(s + a, len) || caps_word(s + a, len)) ||
            (common && wordset_has(common, s + a, len)))
            return false;
        if ((words == 1 || i == n) && name_field(rc, s + a, len))
            listed = true;
        a = i + 1;
    }
    return words >= 2 && listed;
}

/* Which record_field rule labels this field, or -1. */
static int classify(const records_ctx *rc, const char *s, size_t n)
{
    int y, m, d;
    size_t date_len = date_time_split(s, n);
    if (date_len >= 6 && date_parse(s, date_len, &y, &m, &d)) {
        if (event_time(s + date_len, n - date_len))
            return -1;
        if (y <= rc->dob_year_max && rc->rule_dob >= 0)
            return rc->rule_dob;
        return rc->rule_date;
    }
    if (toll_free(s, n))
        return -1; /* the clinic's own line, not the patient's */
    if (n == 10 && rc->npi && rc->npi->check(s, n, 0))
        return -1; /* the rendering provider's NPI, in every appointment export */
    if (looks_like_id(s, n))
        return rc->rule_id;
    if (surname_comma_given(s, n) || name_field(rc, s, n) || full_name_field(rc, s, n))
        return rc->rule_name;
    if (street_field(s, n))
        return rc->rule_address;
    return -1;
}

/* Is [a, b) inside a span already? (One that covers only part of a field,
 * the given name of "Do, Cillian", is merged with the field's.) */
static bool covered(const region *v, size_t n, size_t a, size_t b)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].start <= a && v[i].end >= b)
            return true;
    return false;
}

/* Splits [ls, le) at top-level delimiters (double quotes group) and offers
 * each field, quotes and blanks trimmed, to classify. */
static void scan_fields(const records_ctx *rc, const char *buf, size_t ls, size_t le, char delim,
                        const region *spans, size_t nspans, records_push push, void *ctx)
{
    size_t start = ls;
    bool quoted = false;
    size_t prev_a = 0, prev_b = 0; /* the previous field, when a lone capitalised word */
    bool prev_pushed = false, prev_caps = false, prev_listed = false;
    size_t f1a = 0, f1b = 0, f2a = 0, f2b = 0; /* the two fields before this one */
    for (size_t i = ls; i <= le; i++) {
        if (i < le && buf[i] == '"')
            quoted = !quoted;
        if (i < le && (buf[i] != delim || quoted))
            continue;
        size_t a = start, b = i;
        while (a < b && (buf[a] == ' ' || buf[a] == '"'))
            a++;
        while (b > a && (buf[b - 1] == ' ' || buf[b - 1] == '"' || buf[b - 1] == '\r'))
            b--;
        b = a + without_relation(buf + a, b - a);
        if (start == ls && delim == '|') /* "stmt-export A000754530|...": a log prefix */
            for (size_t k = b; k > a; k--)
                if (buf[k - 1] == ' ') {
                    a = looks_like_id(buf + k, b - k) ? k : a;
                    break;
                }
        int rule = b > a ? classify(rc, buf + a, b - a) : -1;
        bool pushed = rule >= 0 && !covered(spans, nspans, a, b);
        if (pushed)
            push(ctx, a, b, (unsigned)rule);
        /* Two neighbouring fields that are each one capitalised word:
         * "...,Fontaine,Olive,..." is a surname and a given name. In
         * capitals ("|QUARZETTI|TRAVIS|"), one of them must be a listed
         * name: "|VISA|APPROVED|" is not a person. */
        bool caps = b > a && caps_word(buf + a, b - a);
        bool word = rc->rule_name >= 0 && b > a && (capitalised_word(buf + a, b - a) || caps);
        bool listed = word && name_field(rc, buf + a, b - a);
        if (word && prev_b > prev_a && (!(caps || prev_caps) || listed || prev_listed)) {
            if (!prev_pushed && !covered(spans, nspans, prev_a, prev_b))
                push(ctx, prev_a, prev_b, (unsigned)rc->rule_name);
            if (rule < 0 && !covered(spans, nspans, a, b)) {
                push(ctx, a, b, (unsigned)rc->rule_name);
                pushed = true;
            }
        }
        prev_a = word ? a : 0;
        prev_b = word ? b : 0;
        prev_caps = caps;
        prev_listed = listed;
        prev_pushed = pushed;
        /* "...,Cary,NC,27513,...": the city and the ZIP around a state code. */
        if (rc->rule_address >= 0 && zip_code(buf + a, b - a) && state_code(buf + f1a, f1b - f1a)) {
            if (!covered(spans, nspans, a, b))
                push(ctx, a, b, (unsigned)rc->rule_address);
            if (f2b > f2a && !covered(spans, nspans, f2a, f2b))
                push(ctx, f2a, f2b, (unsigned)rc->rule_address);
        }
        f2a = f1a;
        f2b = f1b;
        f1a = a;
        f1b = b;
        start = i + 1;
    }
}

/* Fields of a CSV row, or 0 when the line reads as prose, JSON or
 * key=value: a comma followed by a blank, or '=' or '{' outside quotes. */
static size_t count_csv_fields(const char *buf, size_t ls, size_t le)
{
    size_t commas = 0;
    bool quoted = false;
    for (size_t i = ls; i < le; i++) {
        quoted ^= buf[i] == '"';
        if (quoted)
            continue;
        if (buf[i] == '=' || buf[i] == '{' || (buf[i] == ',' && i + 1 < le && buf[i + 1] == ' '))
            return 0;
        commas += buf[i] == ',';
    }
    return commas + 1;
}

/* HL7 v2 segments are '|'-delimited too, and have rules of their own: a
 * line that starts with a segment id (ORC|, AIP|, a site's Z segment) or
 * holds one of the usual segments or the encoding characters. (A roster
 * row may start with three capitals too: "SUB|", "LSP|".) */
static bool hl7_segment_start(const char *buf, size_t ls, size_t le)
{
    static const char ids[] = "MSH PID PD1 PV1 PV2 NK1 OBX OBR ORC EVN AL1 DG1 PR1 IN1 IN2 IN3 "
                              "GT1 SCH AIS AIG AIL AIP RGS NTE MRG FT1 TXA ACC ROL SPM TQ1 RXA "
                              "RXE RXO RXR MSA ERR QRD QPD";
    if (le - ls < 4 || buf[ls + 3] != '|')
        return false;
    if (buf[ls] == 'Z')
        return true;
    for (const char *id = ids; *id; id += id[3] ? 4 : 3)
        if (memcmp(buf + ls, id, 3) == 0)
            return true;
    return false;
}

static bool hl7_like(const char *buf, size_t ls, size_t le)
{
    if (hl7_segment_start(buf, ls, le))
        return true;
    static const char *const marks[] = {"MSH|", "PID|", "PV1|", "NK1|", "OBX|", "EVN|", "|^~"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        size_t m = strlen(marks[k]);
        for (size_t i = ls; i + m <= le; i++)
            if (buf[i] == marks[k][0] && memcmp(buf + i, marks[k], m) == 0)
                return true;
    }
    return false;
}

/* Fields of a '|', ';' or tab-delimited export row ("A9443979|GRÜNEWALD,
 * LEILANI|...", "Strong;Carter;11/18/1971;..."), or 0: HL7, JSON or
 * key=value. Fields may hold ", "; a ';' followed by a blank is prose. */
static size_t count_delim_fields(const char *buf, size_t ls, size_t le, char delim)
{
    size_t delims = 0;
    for (size_t i = ls; i < le; i++) {
        if (buf[i] == '=' || buf[i] == '{')
            return 0;
        if (buf[i] == delim) {
            if (delim == ';' && i + 1 < le && (buf[i + 1] == ' ' || buf[i + 1] == '\t'))
                return 0;
            delims++;
        }
    }
    if (delims + 1 < RECORDS_MIN_FIELDS || (delim == '|' && hl7_like(buf, ls, le)))
        return 0;
    return delims + 1;
}

/* PostgreSQL's constraint errors print the whole row:
 *     DETAIL:  Failing row contains (7b02c0c7-..., 73160585, Hoa, Trần, 1965-08-23, ...).
 * Sets [*ts, *te) to the tuple inside the parentheses. */
static bool failing_row(const char *buf, size_t ls, size_t le, size_t *ts, size_t *te)
{
    static const char mark[] = "Failing row contains (";
    const size_t m = sizeof mark - 1;
    for (size_t i = ls; i + m <= le; i++) {
        if (buf[i] != 'F' || memcmp(buf + i, mark, m) != 0)
            continue;
        size_t end = le;
        while (end > i + m && buf[end - 1] != ')')
            end--;
        if (end <= i + m)
            return false;
        *ts = i + m;
        *te = end - 1;
        return true;
    }
    return false;
}

/* "SURNAME, GIVEN" or "Surname, Given" whose surname is in the lists (the
 * given name may be a word: "YOUNG, JOY"), or whose given name is and whose
 * surname is no common word. */
static bool listed_comma_name(const records_ctx *rc, const char *s, size_t n)
{
    if (!surname_comma_given(s, n))
        return false;
    size_t a = (size_t)((const char *)memchr(s, ',', n) - s), b = a + 1;
    while (b < n && s[b] == ' ')
        b++;
    if (name_field(rc, s, a))
        return true;
    const wordset *common = rc->rules->stopwords;
    return name_field(rc, s + b, n - b) && !(common && wordset_has(common, s, a));
}

/* "NKOSI, AOIFE (MOTHER)": a name and whose relative it is. */
static bool name_with_relation(const char *s, size_t n)
{
    static const char *const relations[] = {"mother", "father", "guardian", "parent", "spouse",
                                            "wife", "husband", "son", "daughter", "self",
                                            "child", "grandmother", "grandfather", "guarantor",
                                            NULL};
    size_t name = without_relation(s, n);
    if (name == n || !surname_comma_given(s, name))
        return false;
    return ascii_word_in(s + name + 2, n - name - 3, relations); /* within " (...)" */
}

/* Does a '|' row that no other rule marked name a person by itself? A
 * listed "SURNAME, GIVEN" or "GIVEN SURNAME" field does; so do two
 * neighbouring one-word fields, one from the name lists ("|FERRARI|HARPER|"),
 * in a row with a date.
 * Roster and statement exports carry no keys at all. */
static bool names_a_person(const records_ctx *rc, const char *buf, size_t ls, size_t le)
{
    size_t start = ls;
    bool prev_name = false, prev_word = false, pair = false, date = false;
    for (size_t i = ls; i <= le; i++) {
        if (i < le && buf[i] != '|')
            continue;
        size_t a = start, b = i;
        while (a < b && buf[a] == ' ')
            a++;
        while (b > a && (buf[b - 1] == ' ' || buf[b - 1] == '\r'))
            b--;
        if (name_with_relation(buf + a, b - a))
            return true;
        b = a + without_relation(buf + a, b - a);
        start = i + 1;
        if (b == a) {
            prev_name = prev_word = false;
            continue;
        }
        if (listed_comma_name(rc, buf + a, b - a) || full_name_field(rc, buf + a, b - a))
            return true;
        /* a listed name next to a name-shaped word: "|RAMÍREZ|TRAVIS|" */
        bool name = name_field(rc, buf + a, b - a);
        bool word = capitalised_word(buf + a, b - a) || caps_word(buf + a, b - a);
        pair = pair || (name && prev_word) || (word && prev_name);
        prev_name = name;
        prev_word = word;
        int y, m, d;
        size_t date_len = date_time_split(buf + a, b - a);
        date = date || (date_len >= 6 && date_parse(buf + a, date_len, &y, &m, &d));
    }
    return pair && date;
}

/* Is there a span of an evidence category in [ls, le)? (spans: sorted) */
static bool has_evidence(const records_ctx *rc, const region *spans, size_t nspans, size_t ls,
                         size_t le)
{
    size_t lo = 0, hi = nspans; /* the first span ending after ls */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (spans[mid].end <= ls)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < nspans && spans[i].start < le; i++)
        if (rc->evidence[rc->rules->rules[spans[i].rule].category])
            return true;
    return false;
}

void records_extend(const records_ctx *rc, const char *buf, size_t len, const region *spans,
                    size_t nspans, records_push push, void *ctx)
{
    size_t done_until = 0; /* lines are visited once, in order */
    for (size_t i = 0; i < nspans; i++) {
        if (spans[i].start < done_until || !rc->evidence[rc->rules->rules[spans[i].rule].category])
            continue;
        size_t ls = spans[i].start, le = spans[i].start;
        while (ls > 0 && buf[ls - 1] != '\n')
            ls--;
        while (le < len && buf[le] != '\n')
            le++;
        done_until = le;
        size_t ts, te;
        if (failing_row(buf, ls, le, &ts, &te))
            scan_fields(rc, buf, ts, te, ',', spans, nspans, push, ctx);
        else if (count_csv_fields(buf, ls, le) >= RECORDS_MIN_FIELDS) /* 0 when not CSV */
            scan_fields(rc, buf, ls, le, ',', spans, nspans, push, ctx);
        else
            for (const char *d = "|;\t"; *d; d++)
                if (count_delim_fields(buf, ls, le, *d) >= RECORDS_MIN_FIELDS) {
                    scan_fields(rc, buf, ls, le, *d, spans, nspans, push, ctx);
                    break;
                }
    }
    if (rc->rule_name < 0 || !rc->rules->name_words)
        return;
    /* '|' rows without evidence that name a person themselves */
    const char *bar = memchr(buf, '|', len);
    while (bar) {
        size_t ls = (size_t)(bar - buf), le;
        while (ls > 0 && buf[ls - 1] != '\n')
            ls--;
        const char *nl = memchr(bar, '\n', len - (size_t)(bar - buf));
        le = nl ? (size_t)(nl - buf) : len;
        if (!has_evidence(rc, spans, nspans, ls, le) &&
            count_delim_fields(buf, ls, le, '|') >= RECORDS_MIN_FIELDS &&
            names_a_person(rc, buf, ls, le))
            scan_fields(rc, buf, ls, le, '|', spans, nspans, push, ctx);
        bar = le < len ? memchr(buf + le, '|', len - le) : NULL;
    }
}

bool records_init(records_ctx *rc, const phiscrub_rules *r, int this_year)
{
    memset(rc, 0, sizeof *rc);
    rc->rules = r;
    rc->rule_id = rc->rule_date = rc->rule_dob = rc->rule_name = rc->rule_address = -1;
    rc->rule_phone = rc->rule_email = rc->rule_ssn = -1;
    rc->dob_year_max = this_year - 2;
    rc->npi = validator_find("npi");
    if (!(rc->evidence = calloc(r->ncategories ? r->ncategories : 1, sizeof *rc->evidence)))
        return false;
    for (size_t i = 0; i < r->nrules; i++) {
        const compiled_rule *ru = &r->rules[i];
        const char *category = r->categories[ru->category];
        int *label = !strcmp(category, "PHONE")   ? &rc->rule_phone
                     : !strcmp(category, "EMAIL") ? &rc->rule_email
                     : !strcmp(category, "SSN")   ? &rc->rule_ssn
                                                  : NULL;
        if (label && *label < 0 && !ru->keep)
            *label = (int)i;
        if (ru->kind != RULE_RECORD)
            continue;
        int *slot = ru->record_field == RECORD_ID     ? &rc->rule_id
                    : ru->record_field == RECORD_DOB  ? &rc->rule_dob
                    : ru->record_field == RECORD_NAME ? &rc->rule_name
                    : ru->record_field == RECORD_ADDRESS ? &rc->rule_address
                                                      : &rc->rule_date;
        *slot = (int)i;
        for (size_t k = 0; k < ru->nrequires; k++)
            rc->evidence[ru->requires[k]] = true;
    }
    rc->active = rc->rule_id >= 0 || rc->rule_date >= 0 || rc->rule_dob >= 0 ||
                 rc->rule_name >= 0 || rc->rule_address >= 0;
    return true;
}

void records_free(records_ctx *rc)
{
    free(rc->evidence);
    rc->evidence = NULL;
}
