/* json_msg.c — a small JSON reader for one member of one object, and a JSON
 * string writer; see json_msg.h for the contract.
 *
 * rsyslog builds the fulljson line with libfastjson, so the input is well
 * formed in practice; the reader still checks the structure it walks (a
 * wrong guess would mean scrubbing the wrong text) and answers JSON_MSG_BAD
 * when in doubt, which the caller turns into a fully masked reply. */
#include "json_msg.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    const unsigned char *p;
    size_t len, pos;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->pos < c->len) {
        unsigned char ch = c->p[c->pos];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
            break;
        c->pos++;
    }
}

static int hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char ch = p[i];
        v <<= 4;
        if (ch >= '0' && ch <= '9')
            v |= ch - '0';
        else if (ch >= 'a' && ch <= 'f')
            v |= ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F')
            v |= ch - 'A' + 10;
        else
            return -1;
    }
    *out = v;
    return 0;
}

static int put_utf8(bytebuf *out, unsigned cp)
{
    unsigned char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (unsigned char)(0xF0 | (cp >> 18));
        b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return bytebuf_append(out, b, n);
}

/* A \u escape at c->pos (just after the backslash and 'u'), joining a
 * surrogate pair when the low half follows. */
static json_msg_result unicode_escape(cursor *c, bytebuf *out)
{
    unsigned cp;
    if (c->len - c->pos < 4 || hex4(c->p + c->pos, &cp))
        return JSON_MSG_BAD;
    c->pos += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned lo;
        if (c->len - c->pos >= 6 && c->p[c->pos] == '\\' && c->p[c->pos + 1] == 'u' &&
            hex4(c->p + c->pos + 2, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
            c->pos += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else {
            cp = 0xFFFD;
        }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
    }
    if (out && put_utf8(out, cp))
        return JSON_MSG_NOMEM;
    return JSON_MSG_FOUND;
}

/* A string starting at its opening quote; decoded into out unless out is
 * NULL (then only skipped). Leaves c->pos after the closing quote. */
static json_msg_result string_value(cursor *c, bytebuf *out)
{
    c->pos++; /* the opening quote */
    for (;;) {
        size_t run = c->pos;
        while (run < c->len && c->p[run] != '"' && c->p[run] != '\\')
            run++;
        if (out && bytebuf_append(out, c->p + c->pos, run - c->pos))
            return JSON_MSG_NOMEM;
        c->pos = run;
        if (c->pos >= c->len)
            return JSON_MSG_BAD; /* unterminated */
        if (c->p[c->pos++] == '"')
            return JSON_MSG_FOUND;
        if (c->pos >= c->len)
            return JSON_MSG_BAD;
        unsigned char esc = c->p[c->pos++];
        char ch;
        switch (esc) {
        case '"': ch = '"'; break;
        case '\\': ch = '\\'; break;
        case '/': ch = '/'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': {
            json_msg_result r = unicode_escape(c, out);
            if (r != JSON_MSG_FOUND)
                return r;
            continue;
        }
        default: return JSON_MSG_BAD;
        }
        if (out && bytebuf_append(out, &ch, 1))
            return JSON_MSG_NOMEM;
    }
}

/* Skips any value. Containers are walked with a depth counter rather than
 * recursion; their inner structure is not validated beyond string bounds
 * and bracket balance, which is all that finding the end requires. */
static json_msg_result skip_value(cursor *c)
{
    if (c->pos >= c->len)
        return JSON_MSG_BAD;
    unsigned char ch = c->p[c->pos];
    if (ch == '"')
        return string_value(c, NULL);
    if (ch == '{' || ch == '[') {
        size_t depth = 0;
        while (c->pos < c->len) {
            ch = c->p[c->pos];
            if (ch == '"') {
                json_msg_result r = string_value(c, NULL);
                if (r != JSON_MSG_FOUND)
                    return r;
                continue;
            }
            c->pos++;
            if (ch == '{' || ch == '[')
                depth++;
            else if (ch == '}' || ch == ']') {
                if (--depth == 0)
                    return JSON_MSG_FOUND;
            }
        }
        return JSON_MSG_BAD;
    }
    /* number, true, false, null */
    size_t start = c->pos;
    while (c->pos < c->len) {
        ch = c->p[c->pos];
        bool scalar = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                      (ch >= 'A' && ch <= 'Z') || ch == '-' || ch == '+' || ch == '.';
        if (!scalar)
            break;
        c->pos++;
    }
    return c->pos > start ? JSON_MSG_FOUND : JSON_MSG_BAD;
}

/* Compares a key at its opening quote with "msg" and skips it. Keys with
 * escapes are decoded into a small buffer first ("m\u0073g" is "msg"). */
static json_msg_result key_is_msg(cursor *c, bool *is_msg)
{
    size_t start = c->pos;
    bytebuf key = {.data = NULL, .limit = 8};
    json_msg_result r = string_value(c, &key);
    *is_msg = r == JSON_MSG_FOUND && key.len == 3 && memcmp(key.data, "msg", 3) == 0;
    bytebuf_free(&key);
    if (r == JSON_MSG_NOMEM) { /* longer than "msg": skip it from the start */
        c->pos = start;
        r = string_value(c, NULL);
    }
    return r;
}

json_msg_result json_msg_extract(const char *text, size_t len, bytebuf *msg)
{
    cursor c = {(const unsigned char *)text, len, 0};
    bool found = false, not_string = false;
    bytebuf_clear(msg, (size_t)-1);
    skip_ws(&c);
    if (c.pos >= c.len || c.p[c.pos] != '{')
        return JSON_MSG_BAD;
    c.pos++;
    skip_ws(&c);
    if (c.pos < c.len && c.p[c.pos] == '}') {
        c.pos++;
    } else {
        for (;;) {
            skip_ws(&c);
            if (c.pos >= c.len || c.p[c.pos] != '"')
                return JSON_MSG_BAD;
            bool is_msg;
            json_msg_result r = key_is_msg(&c, &is_msg);
            if (r != JSON_MSG_FOUND)
                return r;
            skip_ws(&c);
            if (c.pos >= c.len || c.p[c.pos] != ':')
                return JSON_MSG_BAD;
            c.pos++;
            skip_ws(&c);
            if (is_msg && c.pos < c.len && c.p[c.pos] == '"') {
                bytebuf_clear(msg, (size_t)-1);
                r = string_value(&c, msg);
                found = true;
                not_string = false;
            } else {
                r = skip_value(&c);
                if (is_msg)
                    not_string = true;
            }
            if (r != JSON_MSG_FOUND)
                return r;
            skip_ws(&c);
            if (c.pos < c.len && c.p[c.pos] == ',') {
                c.pos++;
                continue;
            }
            if (c.pos < c.len && c.p[c.pos] == '}') {
                c.pos++;
                break;
            }
            return JSON_MSG_BAD;
        }
    }
    skip_ws(&c);
    if (c.pos != c.len || not_string) /* trailing bytes, or a msg we can't scrub */
        return JSON_MSG_BAD;
    return found ? JSON_MSG_FOUND : JSON_MSG_ABSENT;
}

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or 0 when it is not one. */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    unsigned char b0 = s[0];
    if (b0 < 0x80)
        return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        need = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 3;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return need;
}

int json_encode_string(bytebuf *out, const char *str, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    if (bytebuf_append(out, "\"", 1))
        return -1;
    size_t i = 0;
    while (i < len) {
        /* Copy the longest run that needs no escaping in one append. */
        size_t run = i;
        for (;;) {
            if (run >= len)
                break;
            unsigned char ch = s[run];
            if (ch < 0x20 || ch == '"' || ch == '\\')
                break;
            size_t k = utf8_valid(s + run, len - run);
            if (k == 0)
                break;
            run += k;
        }
        if (run > i && bytebuf_append(out, s + i, run - i))
            return -1;
        i = run;
        if (i >= len)
            break;
        unsigned char ch = s[i++];
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t n = 2;
        switch (ch) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default: /* a control byte, or a byte of an invalid UTF-8 sequence */
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[ch >> 4];
            esc[5] = hex[ch & 15];
            n = 6;
        }
        if (bytebuf_append(out, esc, n))
            return -1;
    }
    return bytebuf_append(out, "\"", 1);
}
