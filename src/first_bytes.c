/* first_bytes.c — see first_bytes.h.
 *
 * A recursive descent over alternations, sequences and quantified atoms.
 * Each part yields (first, skippable): the bytes outside `skip` its match
 * can start with once leading `skip` bytes are passed, and whether it can
 * match a string of `skip` bytes only (the empty string included). A
 * sequence's first bytes are those of its parts up to and including the
 * first one that is not skippable. Zero-width assertions (\b, ^, $) are
 * skippable with no first bytes, which only ever makes the answer less
 * precise, never wrong. */
#include "first_bytes.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    const char *p;
    const byteset *skip;
    bool caseless;
    bool unknown; /* met something not understood: the answer is "any byte" */
} parser;

static void set_add(byteset *s, unsigned c) { s->w[c >> 6] |= (uint64_t)1 << (c & 63); }

static void set_union(byteset *s, const byteset *o)
{
    for (int i = 0; i < 4; i++)
        s->w[i] |= o->w[i];
}

static void set_range(byteset *s, unsigned lo, unsigned hi)
{
    for (unsigned c = lo; c <= hi; c++)
        set_add(s, c);
}

static void set_all(byteset *s) { memset(s->w, 0xff, sizeof s->w); }

static void set_fold_case(byteset *s)
{
    for (unsigned c = 'a'; c <= 'z'; c++)
        if (byteset_has(s, (unsigned char)c) || byteset_has(s, (unsigned char)(c - 32))) {
            set_add(s, c);
            set_add(s, c - 32);
        }
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* \xNN or \x{NN} after the 'x'; -1 when malformed or above 0xff. */
static int hex_escape(parser *ps)
{
    bool braced = *ps->p == '{';
    ps->p += braced;
    int v = 0, n = 0;
    while (n < (braced ? 4 : 2) && hex_digit(*ps->p) >= 0) {
        v = v * 16 + hex_digit(*ps->p++);
        n++;
    }
    if (n == 0 || (braced && *ps->p++ != '}') || v > 0xff)
        return -1;
    return v;
}

/* One escape after the backslash, as a set (single bytes included).
 * *zero_width is set for assertions such as \b. */
static void escape(parser *ps, byteset *s, bool *zero_width)
{
    char c = *ps->p++;
    *zero_width = false;
    switch (c) {
    case 'd': set_range(s, '0', '9'); return;
    case 'w':
        set_range(s, '0', '9');
        set_range(s, 'A', 'Z');
        set_range(s, 'a', 'z');
        set_add(s, '_');
        return;
    case 's': set_range(s, '\t', '\r'); set_add(s, ' '); return;
    case 'n': set_add(s, '\n'); return;
    case 'r': set_add(s, '\r'); return;
    case 't': set_add(s, '\t'); return;
    case 'f': set_add(s, '\f'); return;
    case 'v': /* PCRE: vertical space */
        set_range(s, '\n', '\r');
        set_add(s, 0x85);
        return;
    case 'e': set_add(s, 0x1b); return;
    case 'a': set_add(s, 0x07); return;
    case 'x': {
        int v = hex_escape(ps);
        if (v < 0)
            ps->unknown = true;
        else
            set_add(s, (unsigned)v);
        return;
    }
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
        *zero_width = true;
        return;
    case '\0':
        ps->p--;
        ps->unknown = true;
        return;
    default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            ps->unknown = true; /* \D, \S, \W, \h, \p{..}, back-references ... */
        else
            set_add(s, (unsigned char)c); /* an escaped punctuation byte */
        return;
    }
}

/* A bracket expression after the '['. */
static void bracket(parser *ps, byteset *out)
{
    byteset s = {{0}};
    bool negate = *ps->p == '^';
    ps->p += negate;
    bool first = true;
    while (*ps->p && (first || *ps->p != ']') && !ps->unknown) {
        first = false;
        if (ps->p[0] == '[' && ps->p[1] == ':') { /* POSIX class */
            ps->unknown = true;
            break;
        }
        int lo;
        if (*ps->p == '\\') {
            ps->p++;
            byteset e = {{0}};
            bool zw;
            escape(ps, &e, &zw);
            if (zw) { /* \b in a class is a backspace; not worth knowing */
                ps->unknown = true;
                break;
            }
            /* A single byte can start a range; a class such as \d cannot. */
            int count = 0, only = -1;
            for (unsigned c = 0; c < 256; c++)
                if (byteset_has(&e, (unsigned char)c)) {
                    count++;
                    only = (int)c;
                }
            if (count != 1 || ps->p[0] != '-' || ps->p[1] == ']') {
                set_union(&s, &e);
                continue;
            }
            lo = only;
        } else {
            lo = (unsigned char)*ps->p++;
        }
        if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
            ps->p++;
            int hi;
            if (*ps->p == '\\') {
                ps->p++;
                if (*ps->p == 'x') {
                    ps->p++;
                    hi = hex_escape(ps);
                } else if (*ps->p && !((*ps->p | 32) >= 'a' && (*ps->p | 32) <= 'z')) {
                    hi = (unsigned char)*ps->p++;
                } else {
                    hi = -1;
                }
            } else {
                hi = (unsigned char)*ps->p++;
            }
            if (hi < lo) {
                ps->unknown = true;
                break;
            }
            set_range(&s, (unsigned)lo, (unsigned)hi);
        } else {
            set_add(&s, (unsigned)lo);
        }
    }
    if (*ps->p != ']') {
        ps->unknown = true;
        return;
    }
    ps->p++;
    if (ps->caseless)
        set_fold_case(&s);
    if (negate)
        for (int i = 0; i < 4; i++)
            s.w[i] = ~s.w[i];
    set_union(out, &s);
}

static void alternation(parser *ps, byteset *first, bool *skippable);

/* A group after the '('. */
static void group(parser *ps, byteset *first, bool *skippable)
{
    bool saved = ps->caseless;
    if (*ps->p == '?') {
        ps->p++;
        bool on = true;
        while (*ps->p && *ps->p != ':' && *ps->p != ')') {
            char c = *ps->p++;
            if (c == '-')
                on = false;
            else if (c == 'i')
                ps->caseless = on;
            else if (c != 's' && c != 'm') { /* lookaround, comments, (?x) ... */
                ps->unknown = true;
                return;
            }
        }
        if (*ps->p == ')') { /* (?i): the rest of the enclosing group */
            ps->p++;
            *skippable = true;
            return;
        }
        if (*ps->p != ':') {
            ps->unknown = true;
            return;
        }
        ps->p++;
    }
    alternation(ps, first, skippable);
    if (*ps->p != ')')
        ps->unknown = true;
    else
        ps->p++;
    ps->caseless = saved;
}

/* Reads a quantifier if one follows; returns whether there was one. *zero:
 * it allows no repetition; *never: it allows nothing else ({0}). */
static bool quantifier(parser *ps, bool *zero, bool *never)
{
    *zero = *never = false;
    char c = *ps->p;
    if (c == '?' || c == '*') {
        *zero = true;
    } else if (c == '{') {
        const char *q = ps->p + 1;
        unsigned min = 0;
        if (*q < '0' || *q > '9')
            return false; /* a literal '{' */
        while (*q >= '0' && *q <= '9')
            min = min * 10 + (unsigned)(*q++ - '0');
        bool bounded = true;
        unsigned max = min;
        if (*q == ',') {
            bounded = q[1] >= '0' && q[1] <= '9';
            for (max = 0, q++; *q >= '0' && *q <= '9'; q++)
                max = max * 10 + (unsigned)(*q - '0');
        }
        if (*q != '}')
            return false;
        ps->p = q;
        *zero = min == 0;
        *never = bounded && max == 0;
    } else if (c != '+') {
        return false;
    }
    ps->p++;
    if (*ps->p == '?' || *ps->p == '+') /* lazy, possessive */
        ps->p++;
    return true;
}

/* One atom and its quantifier. */
static void atom(parser *ps, byteset *first, bool *skippable)
{
    byteset s = {{0}};
    bool zero_width = false, caseless_added = false, is_group = false;
    char c = *ps->p++;
    switch (c) {
    case '(':
        group(ps, &s, &zero_width); /* its first bytes are already outside skip */
        caseless_added = is_group = true;
        break;
    case '[':
        bracket(ps, &s);
        caseless_added = true;
        break;
    case '\\': escape(ps, &s, &zero_width); break;
    case '.': set_all(&s); break;
    case '^': case '$': zero_width = true; break;
    case '*': case '+': case '?': case '{': case ')': case '|':
        ps->unknown = true; /* not where an atom can be: do not guess */
        return;
    default: set_add(&s, (unsigned char)c); break;
    }
    if (ps->caseless && !caseless_added)
        set_fold_case(&s);
    if (!is_group) { /* one byte: a skip byte makes it skippable */
        for (int i = 0; i < 4; i++) {
            zero_width = zero_width || (s.w[i] & ps->skip->w[i]);
            s.w[i] &= ~ps->skip->w[i];
        }
    }
    bool zero = false, never = false;
    if (quantifier(ps, &zero, &never) && zero)
        zero_width = true;
    if (never)
        memset(s.w, 0, sizeof s.w);
    set_union(first, &s);
    *skippable = zero_width;
}

/* A sequence up to '|', ')' or the end. */
static void sequence(parser *ps, byteset *first, bool *skippable)
{
    *skippable = true;
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->unknown) {
        byteset s = {{0}};
        bool k = true;
        atom(ps, &s, &k);
        if (*skippable)
            set_union(first, &s);
        *skippable = *skippable && k;
    }
}

static void alternation(parser *ps, byteset *first, bool *skippable)
{
    *skippable = false;
    for (;;) {
        bool k = true;
        sequence(ps, first, &k);
        *skippable = *skippable || k;
        if (*ps->p != '|' || ps->unknown)
            return;
        ps->p++;
    }
}

bool first_bytes_add(const char *expr, bool caseless, const byteset *skip, byteset *set)
{
    parser ps = {.p = expr, .skip = skip, .caseless = caseless};
    byteset s = {{0}};
    bool skippable;
    alternation(&ps, &s, &skippable);
    if (ps.unknown || *ps.p) { /* unread text (a stray ')'): do not trust it */
        set_all(set);
        return false;
    }
    set_union(set, &s);
    return !skippable;
}
