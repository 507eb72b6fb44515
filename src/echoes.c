/* echoes.c — a value masked once is masked wherever its line repeats it.
 *
 * Logs say the same thing twice: a Kafka record's key is the patient id
 * its JSON value holds, a call record gives the caller's number as the
 * source and again inside the caller id, a portal message signs with the
 * first name its sender field gave in full, a scanner names the file
 * Ogunleye_Ifeanyi and the folder "Ogunleye, Ifeanyi". Each rule judges
 * an occurrence by what surrounds it, and the repeat often has nothing
 * around it to go by. So once the rules are done, every line that holds
 * masks is read once more, and its masked identifiers (tokens with five
 * digits or more) and name words are masked wherever else the line has
 * them, as whole tokens, byte for byte. Dates, ZIP codes, IP addresses,
 * street lines and unnamed PHI lend nothing: the same date or number
 * elsewhere on a line is too often the log's own timestamp, a port or a
 * count, and [PHI] masks whole fields of whatever they hold. */
#include "echoes.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t n;
    unsigned rule;
} echo_token;

/* Token bytes: ASCII letters and digits, and every byte of a UTF-8
 * sequence (José, Łukasz). A hyphen or an apostrophe between two of them
 * joins (Mary-Jane, O'Neil, JG-042525); anything else separates. */
static bool token_byte(unsigned char c) { return ascii_is_alnum(c) || c >= 0x80; }

/* The next token in [at, end): false when there is none. */
static bool next_token(const char *buf, size_t at, size_t end, size_t *from, size_t *to)
{
    while (at < end && !token_byte((unsigned char)buf[at]))
        at++;
    if (at == end)
        return false;
    *from = at;
    while (at < end && (token_byte((unsigned char)buf[at]) ||
                        ((buf[at] == '-' || buf[at] == '\'') && at + 1 < end &&
                         token_byte((unsigned char)buf[at + 1]))))
        at++;
    *to = at;
    return true;
}

static size_t count_digits(const char *s, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += s[i] >= '0' && s[i] <= '9';
    return d;
}

/* A word of a masked name worth looking for (no digits: the caller checked):
 * capitalised (Tariq, Østergaard)
 * or in capitals and a listed name (COLEMAN), and not a common word: a
 * name rule's mask may cover one (Dear, Patient), and a name that is a word
 * too is the word elsewhere ("Grant access to Grant Hill"). */
static bool name_word(const phiscrub_rules *r, const char *s, size_t n)
{
    if (n < ECHO_WORD_MIN)
        return false;
    unsigned char c0 = (unsigned char)s[0], c1 = (unsigned char)s[1];
    if (c0 >= 0xC0)
        return true; /* an accented capital, or a script without case */
    if (c0 < 'A' || c0 > 'Z')
        return false;
    bool capitals = true;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || c >= 0x80)
            capitals = false;
    }
    if ((r->stopwords && wordset_has(r->stopwords, s, n)) ||
        (r->given_words && wordset_has(r->given_words, s, n)))
        return false;
    if (capitals)
        return r->name_words && wordset_has(r->name_words, s, n);
    return (c1 >= 'a' && c1 <= 'z') || c1 >= 0x80 || c1 == '\'';
}

/* The tokens of span v worth looking for, appended to t. */
static size_t collect(const echoes_ctx *ec, const char *buf, const region *v, echo_token *t,
                      size_t nt)
{
    enum echo_kind kind = ec->kind[ec->rules->rules[v->rule].category];
    size_t at = v->start, from, to;
    while (kind != ECHO_NONE && nt < ECHO_TOKENS_MAX && next_token(buf, at, v->end, &from, &to)) {
        const char *s = buf + from;
        size_t n = to - from;
        size_t digits = count_digits(s, n);
        bool wanted = digits >= ECHO_DIGITS_MIN ||
                      (kind == ECHO_NAME_WORDS && digits == 0 && name_word(ec->rules, s, n));
        if (wanted)
            t[nt++] = (echo_token){s, n, v->rule};
        at = to;
    }
    return nt;
}

static const echo_token *find(const echo_token *t, size_t nt, const char *s, size_t n)
{
    for (size_t i = 0; i < nt; i++)
        if (t[i].n == n && memcmp(t[i].s, s, n) == 0)
            return &t[i];
    return NULL;
}

void echoes_extend(const echoes_ctx *ec, const char *buf, size_t len, const region *spans,
                   size_t nspans, echoes_push push, void *ctx)
{
    echo_token tokens[ECHO_TOKENS_MAX];
    size_t i = 0, line_end = 0;
    while (i < nspans) {
        size_t line = spans[i].start; /* back to the line's start, not past the last line seen */
        while (line > line_end && buf[line - 1] != '\n')
            line--;
        const char *nl = memchr(buf + spans[i].end, '\n', len - spans[i].end);
        line_end = nl ? (size_t)(nl - buf) : len;
        size_t first = i, nt = 0;
        for (; i < nspans && spans[i].start < line_end; i++)
            nt = collect(ec, buf, &spans[i], tokens, nt);
        if (nt == 0)
            continue;
        /* One walk over the line's unmasked tokens. */
        size_t at = line, next = first, from, to;
        while (next_token(buf, at, line_end, &from, &to)) {
            at = to;
            while (next < i && spans[next].end <= from)
                next++;
            if (next < i && spans[next].start < to)
                continue; /* masked already, or partly: the token is its own */
            const echo_token *e = find(tokens, nt, buf + from, to - from);
            if (e && !push(ctx, from, to, e->rule))
                return;
        }
    }
}

bool echoes_init(echoes_ctx *ec, const phiscrub_rules *r)
{
    static const char *const silent[] = {"DATE", "DOB", "ZIP", "IP", "ADDRESS", "CITY", "PHI", NULL};
    ec->rules = r;
    if (!(ec->kind = calloc(r->ncategories ? r->ncategories : 1, 1)))
        return false;
    for (size_t c = 0; c < r->ncategories; c++) {
        const char *name = r->categories[c];
        bool quiet = false;
        for (const char *const *s = silent; *s && !quiet; s++)
            quiet = !strcmp(name, *s);
        ec->kind[c] = quiet                   ? ECHO_NONE
                      : !strcmp(name, "NAME") ? ECHO_NAME_WORDS
                                              : ECHO_IDS;
    }
    return true;
}

void echoes_free(echoes_ctx *ec)
{
    free(ec->kind);
    ec->kind = NULL;
}
