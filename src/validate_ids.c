/* validate_ids.c — validators for identifiers found after a key (record,
 * member, account, license and device numbers), PEM body lines, and IPv6
 * text as it appears in logs.
 *
 * These have no checksum to verify; what they refuse is the shapes that sit
 * after the same keys but identify nothing: words ("pending", "none"),
 * UUIDs (request ids), runs of one repeated character, and, for IPv6,
 * identifiers like "std::bad" that happen to be made of hex letters. */
#include "validate.h"

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 8-4-4-4-12 hex digits. */
static bool is_uuid(const char *s, size_t n)
{
    static const size_t dash[] = {8, 13, 18, 23};
    if (n != 36)
        return false;
    for (size_t i = 0, k = 0; i < n; i++) {
        if (k < 4 && i == dash[k]) {
            if (s[i] != '-')
                return false;
            k++;
        } else if (!is_hex((unsigned char)s[i])) {
            return false;
        }
    }
    return true;
}

bool validate_id_number(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    if (n < 3 || n > 64 || is_uuid(s, n))
        return false;
    size_t digits = 0;
    bool all_same = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool inner_blank = c == ' ' && i > 0 && i + 1 < n && s[i - 1] != ' ' && s[i + 1] != ' ';
        if ((c < 0x21 && !inner_blank) || c > 0x7e)
            return false;
        digits += is_digit(c);
        all_same = all_same && c == (unsigned char)s[0];
    }
    return digits >= 2 && !all_same;
}

/* A line of a PEM body: 64 base64 characters, or 16-76 for the last line
 * or other wrappings (surrounding blanks, '=' padding and a CR allowed).
 * A hex digest is also 64 such characters, so a character outside the hex
 * alphabet is required; a shorter line must also mix upper case, lower case
 * and a digit or '+'/'/', which words and identifiers rarely do. */
bool validate_base64_body(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    size_t count = 0;
    bool beyond_hex = false, upper = false, lower = false, other = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '=')
            continue;
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        if (!(up || low || is_digit(c) || c == '+' || c == '/'))
            return false;
        beyond_hex = beyond_hex || !is_hex(c);
        upper = upper || up;
        lower = lower || low;
        other = other || !(up || low);
        count++;
    }
    if (count < 16 || count > 76 || !beyond_hex)
        return false;
    return count == 64 || (upper && lower && other);
}

/* IPv6 as logs show it: real addresses carry decimal digits; C++ scopes
 * ("std::bad", "Foo::Bar") and words made of hex letters ("dead::beef")
 * do not. */
bool validate_ipv6_text(const char *s, size_t n, unsigned opts)
{
    bool digit = false;
    for (size_t i = 0; i < n && !digit; i++)
        digit = is_digit((unsigned char)s[i]);
    return digit && validate_ipv6(s, n, opts);
}
