/* records_sql.c — SQL rows printed with their column names.
 *
 * A database error or a statement log prints a row next to the names of
 * its columns:
 *     DETAIL:  Key (last_name, first_name, dob)=(Chen, Amber, 2006-10-16) already exists.
 *     insert into `patients` (`first_name`, `email`) values (Chloé, chloe@x.com)
 * The column names say what each value is, so the value is masked with the
 * label its column calls for, whatever it looks like. Lists that do not
 * pair up (an unquoted value with a comma in it) are left alone. The
 * `record_tuple:` rule finds the ")=(" or ") values (" between the lists. */
#include "records.h"

#include <string.h>

static bool contains(const char *s, const char *part) { return strstr(s, part) != NULL; }

static bool contains_any(const char *s, const char *const *parts)
{
    for (; *parts; parts++)
        if (strstr(s, *parts))
            return true;
    return false;
}

/* Which rule labels the values of a column (its lower-case name), or -1
 * when the column holds nothing of a patient's. */
static int column_rule(const records_ctx *rc, const char *c)
{
    static const char *const things[] = {"user", "host", "file", "table", "schema", "column",
                                         "product", "service", "payer", "plan", "clinic",
                                         "location", "provider", "practice", "doctor", "staff",
                                         "company", "org", "device", "template", "campaign",
                                         "tag", "type", "brand", "vendor", "app", "queue", "job",
                                         "event", "role", "group", "code", NULL};
    static const char *const names[] = {"name", "given", "family", "surname", NULL};
    static const char *const ids[] = {"mrn", "chart", "patient", "member", "subscriber",
                                      "policy", "acct", "account", "license", "medicaid",
                                      "medicare", NULL};
    static const char *const visits[] = {"appt", "appointment", "visit", "admit", "discharge",
                                         "service_date", "dos", "scheduled", NULL};
    static const char *const address[] = {"address", "street", "city", "zip", "postal", NULL};
    if (contains(c, "birth") || contains(c, "dob"))
        return rc->rule_dob;
    if (contains(c, "ssn") || contains(c, "social_sec"))
        return rc->rule_ssn;
    if (contains(c, "email"))
        return rc->rule_email;
    if (contains(c, "phone") || contains(c, "mobile") || contains(c, "cell") || !strcmp(c, "tel"))
        return rc->rule_phone;
    if (contains_any(c, address) || !strcmp(c, "addr"))
        return rc->rule_address;
    if (contains_any(c, names) && !contains_any(c, things))
        return rc->rule_name;
    if (contains_any(c, ids) && !contains_any(c, things))
        return rc->rule_id;
    if (contains_any(c, visits))
        return rc->rule_date;
    return -1;
}

/* One item of a parenthesised list, [a, b), trimmed of blanks and of the
 * quotes and brackets SQL puts around names and values. */
typedef struct {
    size_t a, b;
} item;

/* Splits buf[from, to) at top-level commas (quotes group) into at most cap
 * items; returns how many, or cap + 1 when there are more. */
static size_t split_items(const char *buf, size_t from, size_t to, item *out, size_t cap)
{
    size_t n = 0, start = from;
    char quote = 0;
    for (size_t i = from; i <= to; i++) {
        if (i < to && quote) {
            quote = buf[i] == quote ? 0 : quote;
            continue;
        }
        if (i < to && (buf[i] == '\'' || buf[i] == '"' || buf[i] == '`')) {
            quote = buf[i];
            continue;
        }
        if (i < to && buf[i] != ',')
            continue;
        if (n == cap)
            return cap + 1;
        size_t a = start, b = i;
        while (a < b && (buf[a] == ' ' || buf[a] == '\'' || buf[a] == '"' || buf[a] == '`' ||
                         buf[a] == '['))
            a++;
        while (b > a && (buf[b - 1] == ' ' || buf[b - 1] == '\'' || buf[b - 1] == '"' ||
                         buf[b - 1] == '`' || buf[b - 1] == ']'))
            b--;
        out[n++] = (item){a, b};
        start = i + 1;
    }
    return n;
}

/* NULL, DEFAULT, a boolean, or a bind parameter of a prepared statement
 * (?, $1, :dob, @p1): no value at all. */
static bool is_null_value(const char *s, size_t n)
{
    static const char *const nulls[] = {"null", "default", "true", "false", NULL};
    return s[0] == '?' || s[0] == '$' || s[0] == ':' || s[0] == '@' || ascii_word_in(s, n, nulls);
}

#define TUPLE_MAX_ITEMS 48

void records_tuple(const records_ctx *rc, const char *buf, size_t len, size_t key_to,
                   records_push push, void *ctx)
{
    /* the key's own ')' (keys are matched without their start) */
    size_t key_from = key_to;
    while (key_from > 0 && key_to - key_from < 16 && buf[key_from - 1] != ')')
        key_from--;
    if (key_from == 0 || buf[key_from - 1] != ')')
        return;
    key_from--;
    /* the column list: back from that ')' to its '(' */
    size_t lo = key_from > RECORDS_TUPLE_SIDE_MAX ? key_from - RECORDS_TUPLE_SIDE_MAX : 0;
    size_t open = key_from;
    while (open > lo && buf[open - 1] != '(' && buf[open - 1] != '\n')
        open--;
    if (open == lo || buf[open - 1] != '(')
        return;
    /* the values: to the ')' that closes them, outside quotes */
    size_t hi = len - key_to > RECORDS_TUPLE_SIDE_MAX ? key_to + RECORDS_TUPLE_SIDE_MAX : len;
    size_t close = key_to;
    char quote = 0;
    for (; close < hi && buf[close] != '\n'; close++) {
        if (quote)
            quote = buf[close] == quote ? 0 : quote;
        else if (buf[close] == '\'' || buf[close] == '"')
            quote = buf[close];
        else if (buf[close] == ')')
            break;
    }
    if (close >= hi || buf[close] != ')')
        return;
    item cols[TUPLE_MAX_ITEMS], vals[TUPLE_MAX_ITEMS];
    size_t ncols = split_items(buf, open, key_from, cols, TUPLE_MAX_ITEMS);
    size_t nvals = split_items(buf, key_to, close, vals, TUPLE_MAX_ITEMS);
    if (ncols != nvals || ncols > TUPLE_MAX_ITEMS)
        return; /* a value with a comma in it, unquoted: the pairing is unknown */
    for (size_t i = 0; i < ncols; i++) {
        char name[64];
        size_t a = cols[i].a, n = cols[i].b - cols[i].a;
        const char *dot = memchr(buf + a, '.', n); /* "patients.first_name" */
        if (dot) {
            n -= (size_t)(dot + 1 - (buf + a));
            a = (size_t)(dot + 1 - buf);
        }
        if (n == 0 || n >= sizeof name || vals[i].b == vals[i].a ||
            is_null_value(buf + vals[i].a, vals[i].b - vals[i].a))
            continue;
        for (size_t k = 0; k < n; k++)
            name[k] = (char)ascii_lower((unsigned char)buf[a + k]);
        name[n] = '\0';
        int rule = column_rule(rc, name);
        if (rule >= 0)
            push(ctx, vals[i].a, vals[i].b, (unsigned)rule);
    }
}
