/* person_name.c — tells names from capitalised ordinary words.
 *
 * The name rules find "Given Surname", "Surname, Given" and keyed values
 * such as `patient=...`; their shapes also fit "Grant Access" or "Will
 * Retry". The common-word list (patterns/names/common_words.txt) is filtered
 * against frequent surnames, so "Baker" or "Young" still count as names.
 * Titles and initials carry no evidence either way and are skipped. */
#include "person_name.h"

#include <string.h>

static bool is_sep(unsigned char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == '^' || c == '.' || c == '"' || c == '\'' ||
           c == '_';
}

static bool is_title(const char *s, size_t n)
{
    static const char *const titles[] = {"mr", "mrs", "ms", "miss", "dr", "mx", "prof"};
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        if (strlen(titles[i]) == n) {
            size_t k = 0;
            while (k < n && ascii_lower((unsigned char)s[k]) == titles[i][k])
                k++;
            if (k == n)
                return true;
        }
    return false;
}

/* Calls f on each name-like token (2+ bytes, not a title, not a number) of
 * p[0, end); tokens are separated by blanks and punctuation, '_' too
 * (file names: "CLARK_LIAM"). */
typedef bool token_fn(const wordset *stop, const char *t, size_t n, void *acc);

static size_t each_token(const wordset *stop, const char *p, size_t end, token_fn *f, void *acc)
{
    size_t tokens = 0;
    for (size_t i = 0; i < end;) {
        while (i < end && is_sep((unsigned char)p[i]))
            i++;
        size_t start = i;
        while (i < end && !is_sep((unsigned char)p[i]))
            i++;
        if (i - start >= 2 && !is_title(p + start, i - start) &&
            !(p[start] >= '0' && p[start] <= '9')) {
            tokens++;
            f(stop, p + start, i - start, acc);
        }
    }
    return tokens;
}

static bool note_common(const wordset *stop, const char *t, size_t n, void *acc)
{
    bool common = wordset_has(stop, t, n);
    size_t *count = acc;
    *count += common;
    return common;
}

bool person_name_weak_ok(const wordset *stop, const char *p, size_t n)
{
    if (!stop)
        return true;
    size_t common = 0;
    size_t tokens = each_token(stop, p, n, note_common, &common);
    return tokens > 0 && common < tokens;
}

static bool note_last(const wordset *stop, const char *t, size_t n, void *acc)
{
    bool *last_common = acc;
    *last_common = wordset_has(stop, t, n);
    return *last_common;
}

bool given_name_alone_ok(const wordset *names, const char *buf, size_t len, size_t at, size_t n)
{
    if (names && wordset_has(names, buf + at, n))
        return false;
    unsigned char before = at > 0 ? (unsigned char)buf[at - 1] : ' ';
    if (before != 0 && strchr("^/\\._-#@$&", before))
        return false;
    size_t end = at + n;
    unsigned char after = end < len ? (unsigned char)buf[end] : ' ';
    if (after == '^' || ((after == '-' || after == '.' || after == '_' || after == '@') &&
                         end + 1 < len && ascii_is_word((unsigned char)buf[end + 1])))
        return false;
    /* "Cary, NC", "Austin,TX": a city that is a given name too */
    size_t i = end + (after == ',');
    i += i < len && buf[i] == ' ';
    if (i + 2 <= len && buf[i] >= 'A' && buf[i] <= 'Z' && buf[i + 1] >= 'A' && buf[i + 1] <= 'Z' &&
        (i + 2 == len || !ascii_is_word((unsigned char)buf[i + 2])) && i > end)
        return false;
    /* "Given Surname": the pair rules' candidate, which they accepted or refused */
    if (after == ' ' && end + 1 < len) {
        unsigned char next = (unsigned char)buf[end + 1];
        if ((next >= 'A' && next <= 'Z') || next >= 0xC3)
            return false;
    }
    return true;
}

struct listed {
    const wordset *names;
    size_t common, listed;
};

static bool note_listed(const wordset *stop, const char *t, size_t n, void *acc)
{
    struct listed *l = acc;
    l->common += wordset_has(stop, t, n);
    l->listed += wordset_has(l->names, t, n);
    return true;
}

bool person_name_listed_ok(const wordset *names, const wordset *stop, const char *p, size_t n)
{
    if (!names)
        return false;
    struct listed l = {names, 0, 0};
    size_t tokens = each_token(stop, p, n, note_listed, &l);
    return tokens > 0 && l.common == 0 && l.listed > 0;
}

bool person_name_ok(const wordset *stop, const char *p, size_t n)
{
    if (!stop)
        return true;
    /* "Surname, Given" and "SURNAME^GIVEN" put the surname first. */
    size_t end = n;
    for (size_t i = 0; i < n; i++)
        if (p[i] == ',' || p[i] == '^') {
            end = i;
            break;
        }
    bool surname_common = false;
    size_t tokens = each_token(stop, p, end, note_last, &surname_common);
    return tokens > 0 && !surname_common;
}
