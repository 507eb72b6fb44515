/* match.c — from Hyperscan candidates to confirmed spans.
 *
 * One hs_scan covers a whole block of lines. Hyperscan reports every end
 * offset of every expression (with the leftmost start, thanks to
 * SOM_LEFTMOST), so for each expression we keep one pending candidate and
 * extend it while reports share its start: only the longest match per start
 * is confirmed. Confirmation happens in the callback, so memory does not
 * grow with the number of raw matches:
 *   - keyed rules: the key matched; the value is matched by a second,
 *     start-anchored database on the bytes after the key (same line only),
 *     longest value first, until one passes the rule's check;
 *   - plain rules: the rule's check runs on the matched bytes;
 *   - context cue words must appear shortly before, veto words must not. */
#define _POSIX_C_SOURCE 200809L
#include "echoes.h"
#include "match.h"
#include "numeric.h"
#include "person_name.h"
#include "records.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VALUE_MAX_ENDS 64

typedef struct {
    unsigned long long from, to;
    bool active;
} pending;

struct matcher {
    const phiscrub_rules *r;
    hs_scratch_t *scratch;  /* the block databases: main, words, numeric */
    hs_scratch_t *vscratch; /* value database, used from inside the main callback */
    pending *pend;          /* per expression */
    unsigned *active;       /* expression ids with a pending candidate */
    size_t nactive;
    region *spans;
    size_t nspans, capspans;
    region *allows;
    size_t nallows, capallows;
    const char *buf;        /* the block being scanned */
    size_t len;
    numeric_window *windows; /* numeric windows of the block */
    size_t *window_at;      /* where each window starts in numbuf */
    size_t nwindows;
    char *numbuf;           /* the windows, joined by '\n': one scan per block */
    unsigned value_rule;    /* value and before scans: which rule we want */
    size_t before_start;    /* before scan: leftmost start found, or SIZE_MAX */
    size_t value_ends[VALUE_MAX_ENDS];
    size_t nends;
    uint64_t candidates;
    phiscrub_status err;
    records_ctx records;
    size_t nresolved;       /* records and echoes passes: spans before they added any */
    echoes_ctx echoes;
};

phiscrub_status matcher_new(const phiscrub_rules *r, size_t block_cap, matcher **out)
{
    matcher *m = calloc(1, sizeof *m);
    if (!m)
        return PHISCRUB_ERR_NOMEM;
    m->r = r;
    /* Overlapping spans merge, so a full array compacts; a quarter of the
     * block is room for a span every 4 bytes before coarsening kicks in. */
    m->capspans = block_cap / 4 + 64;
    m->capallows = block_cap / 8 + 64;
    m->pend = calloc(r->nexpr, sizeof *m->pend);
    m->active = calloc(r->nexpr, sizeof *m->active);
    m->spans = malloc(m->capspans * sizeof *m->spans);
    m->windows = malloc(NUMERIC_WINDOWS_MAX(block_cap) * sizeof *m->windows);
    m->window_at = malloc(NUMERIC_WINDOWS_MAX(block_cap) * sizeof *m->window_at);
    m->numbuf = malloc(block_cap + NUMERIC_WINDOWS_MAX(block_cap));
    m->allows = malloc(m->capallows * sizeof *m->allows);
    phiscrub_status st = PHISCRUB_OK;
    if (!m->pend || !m->active || !m->spans || !m->allows || !m->windows || !m->window_at ||
        !m->numbuf)
        st = PHISCRUB_ERR_NOMEM;
    /* one scratch, grown to fit the block databases */
    const hs_database_t *dbs[RULES_BLOCK_DBS];
    rules_block_dbs(r, dbs);
    for (size_t i = 0; st == PHISCRUB_OK && i < RULES_BLOCK_DBS; i++)
        if (dbs[i] && hs_alloc_scratch(dbs[i], &m->scratch) != HS_SUCCESS)
            st = PHISCRUB_ERR_NOMEM;
    /* one scratch, grown to fit every rule's side databases */
    for (size_t i = 0; st == PHISCRUB_OK && i < r->nrules; i++) {
        const compiled_rule *ru = &r->rules[i];
        if ((ru->value_db && hs_alloc_scratch(ru->value_db, &m->vscratch) != HS_SUCCESS) ||
            (ru->before_db && hs_alloc_scratch(ru->before_db, &m->vscratch) != HS_SUCCESS))
            st = PHISCRUB_ERR_NOMEM;
    }
    /* Birth dates in records: years up to two before this one. */
    time_t now = time(NULL);
    struct tm tm;
    int year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2026;
    if (st == PHISCRUB_OK &&
        (!records_init(&m->records, r, year) || !echoes_init(&m->echoes, r)))
        st = PHISCRUB_ERR_NOMEM;
    if (st != PHISCRUB_OK) {
        matcher_free(m);
        return st;
    }
    *out = m;
    return PHISCRUB_OK;
}

void matcher_free(matcher *m)
{
    if (!m)
        return;
    hs_free_scratch(m->scratch);
    hs_free_scratch(m->vscratch);
    free(m->pend);
    free(m->active);
    free(m->spans);
    free(m->allows);
    free(m->windows);
    free(m->window_at);
    free(m->numbuf);
    records_free(&m->records);
    echoes_free(&m->echoes);
    free(m);
}

uint64_t matcher_candidates(const matcher *m) { return m ? m->candidates : 0; }

/* ---- checks ------------------------------------------------------------- */

static bool rule_check(const matcher *m, const compiled_rule *ru, const char *p, size_t n)
{
    switch (ru->check) {
    case CHECK_NONE: return true;
    case CHECK_VALIDATOR: return ru->validator->check(p, n, m->r->flags);
    case CHECK_PERSON_NAME: return person_name_ok(m->r->stopwords, p, n);
    case CHECK_PERSON_NAME_WEAK: return person_name_weak_ok(m->r->stopwords, p, n);
    case CHECK_GIVEN_NAME_ALONE:
        return given_name_alone_ok(m->r->given_words, m->buf, m->len, (size_t)(p - m->buf), n);
    case CHECK_PERSON_NAME_LISTED:
        return person_name_listed_ok(m->r->name_words, m->r->stopwords, p, n);
    }
    return false;
}

/* Does word occur in buf[from, to), ignoring ASCII case? A word that
 * starts with a letter or digit must start a word: the cue "ver " is in
 * "ver 2.1", not in "River 941.506.9045". */
static bool has_word_ci(const char *buf, size_t from, size_t to, const char *word)
{
    size_t w = strlen(word);
    bool bounded = ascii_is_alnum((unsigned char)word[0]);
    for (size_t i = from; i + w <= to; i++) {
        if (ascii_lower((unsigned char)buf[i]) != (unsigned char)word[0] ||
            (bounded && i > 0 && ascii_is_alnum((unsigned char)buf[i - 1])))
            continue;
        size_t k = 1;
        while (k < w && ascii_lower((unsigned char)buf[i + k]) == (unsigned char)word[k])
            k++;
        if (k == w)
            return true;
    }
    return false;
}

/* Does any of words occur in the `window` bytes before pos, on the same line? */
static bool cue_before(const char *buf, size_t pos, unsigned window, char **words, size_t nwords)
{
    size_t from = pos > window ? pos - window : 0;
    for (size_t i = pos; i > from; i--) {
        if (buf[i - 1] == '\n') {
            from = i;
            break;
        }
    }
    for (size_t k = 0; k < nwords; k++)
        if (has_word_ci(buf, from, pos, words[k]))
            return true;
    return false;
}

/* whole_run: does the match [from, to) go on as the same run of digit
 * groups? Its separator is the first byte in it that is not a digit; the
 * run goes on where that separator and a digit follow or precede it.
 * "2.55.3.4" inside 1.2.840.113619.2.55.3.4 is part of an OID, not an IPv4
 * address; 203.0.113.45 before a full stop is one. */
static bool continues_run(const char *buf, size_t len, size_t from, size_t to)
{
    size_t i = from;
    while (i < to && (unsigned)(buf[i] - '0') < 10)
        i++;
    if (i == to)
        return false; /* no separator: \b already sees the neighbours */
    char sep = buf[i];
    return (from >= 2 && buf[from - 1] == sep && (unsigned)(buf[from - 2] - '0') < 10) ||
           (to + 1 < len && buf[to] == sep && (unsigned)(buf[to + 1] - '0') < 10);
}

/* ---- spans -------------------------------------------------------------- */

/* A mask never ends inside a word that goes on in non-ASCII letters: a
 * name rule that knows é but not ạ would leave "[NAME]ạm" (half a name,
 * and a split UTF-8 sequence). Extended over letters and non-ASCII bytes,
 * at most WORD_TAIL_MAX bytes: the failure direction is over-masking. */
#define WORD_TAIL_MAX 32
static bool is_letter_or_utf8(unsigned char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

static size_t word_end(const char *buf, size_t len, size_t end)
{
    if (end == 0 || end >= len || (unsigned char)buf[end] < 0x80 ||
        !is_letter_or_utf8((unsigned char)buf[end - 1]))
        return end;
    size_t limit = len - end < WORD_TAIL_MAX ? len : end + WORD_TAIL_MAX;
    while (end < limit && is_letter_or_utf8((unsigned char)buf[end]))
        end++;
    return end;
}

static void push(region *v, size_t *n, size_t cap, size_t start, size_t end, unsigned rule,
                 matcher *m, bool allow)
{
    if (!allow)
        end = word_end(m->buf, m->len, end);
    if (*n == cap) {
        if (allow) {
            /* Allow spans only ever keep text; coarsening them could keep
             * PHI, so when full, the extra allow spans are dropped
             * (the fail-safe direction: more is masked). */
            return;
        }
        *n = spans_drop_allowed(v, *n, m->allows, m->nallows);
        *n = spans_resolve(v, *n, m->r);
        if (*n > cap / 2)
            *n = spans_coarsen(v, *n);
    }
    v[*n].start = start;
    v[*n].end = end;
    v[*n].win_len = end - start;
    v[*n].rule = rule;
    (*n)++;
}

static int on_value(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                    void *ctx)
{
    (void)from;
    (void)flags;
    matcher *m = ctx;
    if (id != m->value_rule)
        return 0;
    if (m->nends == VALUE_MAX_ENDS) { /* keep the longest ones */
        memmove(m->value_ends, m->value_ends + 1, (VALUE_MAX_ENDS - 1) * sizeof *m->value_ends);
        m->nends--;
    }
    m->value_ends[m->nends++] = (size_t)to;
    return 0;
}

static int on_before(unsigned id, unsigned long long from, unsigned long long to,
                     unsigned flags, void *ctx)
{
    (void)to;
    (void)flags;
    matcher *m = ctx;
    if (id == m->value_rule && from < m->before_start)
        m->before_start = (size_t)from;
    return 0;
}

/* `before:` — where the pattern that must end right at `key_from` starts,
 * looking back at most before_max bytes on the same line; SIZE_MAX if it
 * does not match. */
static size_t match_before(matcher *m, unsigned rule_idx, size_t key_from)
{
    const compiled_rule *ru = &m->r->rules[rule_idx];
    size_t from = key_from > ru->before_max ? key_from - ru->before_max : 0;
    for (size_t i = key_from; i > from; i--)
        if (m->buf[i - 1] == '\n') {
            from = i;
            break;
        }
    m->value_rule = rule_idx;
    m->before_start = SIZE_MAX;
    if (key_from > from && hs_scan(ru->before_db, m->buf + from, (unsigned)(key_from - from), 0,
                                   m->vscratch, on_before, m) != HS_SUCCESS)
        m->err = PHISCRUB_ERR_SCAN;
    return m->before_start == SIZE_MAX ? SIZE_MAX : from + m->before_start;
}

/* value_list: the value's first word (after blanks) must be in the list. */
static bool first_word_listed(const wordset *ws, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    size_t start = i;
    while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != ',' && p[i] != '^')
        i++;
    return i > start && wordset_has(ws, p + start, i - start);
}

/* Can a value of ru begin at p (n bytes to the end of its line)? The first
 * byte past any blanks must be one a value can start with; a table lookup
 * where a side scan costs a Hyperscan call. */
static bool value_may_start(const compiled_rule *ru, const char *p, size_t n)
{
    if (!ru->value_first_known)
        return true;
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return i < n && byteset_has(&ru->value_first, (unsigned char)p[i]);
}

/* How many bytes from `at` a side scan may read: at most max, and not
 * past the end of the line. */
static size_t line_limit(const matcher *m, size_t at, size_t max)
{
    size_t limit = m->len - at < max ? m->len - at : max;
    const char *nl = memchr(m->buf + at, '\n', limit);
    return nl ? (size_t)(nl - (m->buf + at)) : limit;
}

/* Collects in m->value_ends where a value of ru starting at `at` may end
 * (same line only); returns false if it can end nowhere. */
static bool find_value_ends(matcher *m, unsigned rule_idx, size_t at)
{
    const compiled_rule *ru = &m->r->rules[rule_idx];
    size_t limit = line_limit(m, at, ru->value_max);
    m->nends = 0;
    if (limit == 0 || !value_may_start(ru, m->buf + at, limit))
        return false;
    m->value_rule = rule_idx;
    if (hs_scan(ru->value_db, m->buf + at, (unsigned)limit, 0, m->vscratch, on_value, m) !=
        HS_SUCCESS) {
        m->err = PHISCRUB_ERR_SCAN;
        return false;
    }
    return m->nends > 0;
}

/* The value after a key [key_from, at), from the ends find_value_ends
 * found: the longest that passes the rule's checks; its length, 0 if none.
 * With mask: all the check sees key and value together. */
static size_t pick_value(const matcher *m, unsigned rule_idx, size_t key_from, size_t at)
{
    const compiled_rule *ru = &m->r->rules[rule_idx];
    size_t stop = ru->longest_only && m->nends ? m->nends - 1 : 0;
    for (size_t k = m->nends; k-- > stop;) {
        size_t n = m->value_ends[k];
        while (ru->trim && n > 0 && m->buf[at + n - 1] && strchr(ru->trim, m->buf[at + n - 1]))
            n--;
        size_t from = ru->mask_all ? key_from : at;
        if (n > 0 && (!ru->value_words || first_word_listed(ru->value_words, m->buf + at, n)) &&
            rule_check(m, ru, m->buf + from, at + n - from))
            return n;
    }
    return 0;
}

/* Where a key's value starts: keys end on their separator ("dob=",
 * "phone: ", "\"mrn\":"), and the blanks and the quote that may follow are
 * skipped here rather than matched by the key. A variable tail after a
 * literal key makes Hyperscan verify every hit of the key word, and would
 * report one key end per blank. Skipped: the '>' of a Ruby or PHP "=>"
 * (Rails logs Twilio's callbacks as "FromZip"=>"80304"), up to 3 blanks,
 * then a JSON array's '[' before a quote, up to 2 blanks, and one quote,
 * escaped or not (VALUE_LEAD_MAX bytes at most). */
static size_t value_start(const char *buf, size_t at, size_t len)
{
    size_t i = at;
    if (at > 0 && at < len && buf[at - 1] == '=' && buf[at] == '>')
        i++;
    while (i < len && i - at < 3 && (buf[i] == ' ' || buf[i] == '\t'))
        i++;
    if (i < len && buf[i] == '[') {
        size_t j = i + 1;
        while (j < len && j - i < 3 && (buf[j] == ' ' || buf[j] == '\t'))
            j++;
        if (j < len && (buf[j] == '"' || buf[j] == '\''))
            i = j;
    }
    if (i + 1 < len && buf[i] == '\\' && buf[i + 1] == '"')
        i++; /* {\"mrn\":\"JG-027283\"}: JSON inside a JSON string */
    if (i < len && (buf[i] == '"' || buf[i] == '\''))
        i++;
    return i;
}

static void confirm_rule(matcher *m, unsigned rule_idx, size_t from, size_t to);

/* records_tuple() found the value of a PHI column of a SQL row. */
static void push_tuple_field(void *ctx, size_t start, size_t end, unsigned rule)
{
    matcher *m = ctx;
    push(m->spans, &m->nspans, m->capspans, start, end, rule, m, false);
}

/* A match of expression `expr`: its rule, and the rules sharing its keys. */
static void confirm(matcher *m, unsigned expr, size_t from, size_t to)
{
    unsigned rule_idx = m->r->expr_rule[expr];
    const compiled_rule *ru = &m->r->rules[rule_idx];
    confirm_rule(m, rule_idx, from, to);
    for (size_t i = 0; i < ru->nfollowers && m->err == PHISCRUB_OK; i++)
        confirm_rule(m, ru->followers[i], from, to);
}

/* The length of the HL7 segment break at the start of s[0, n), as a log
 * writes it inside a one-line message: "\\r", "\\n", "\\x0d", "<CR>"; 0 if
 * none. (Real CR and LF bytes never get this far: patterns stop at them.) */
static size_t segment_break_at(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '\\' && (s[1] == 'r' || s[1] == 'n'))
        return 2;
    if (n >= 4 && s[0] == '\\' && s[1] == 'x' && s[2] == '0' && (s[3] | 0x20) == 'd')
        return 4;
    if (n >= 4 && s[0] == '<' && s[1] == 'C' && s[2] == 'R' && s[3] == '>')
        return 4;
    return 0;
}

/* Where the first segment break in s[0, n) starts; n if none. */
static size_t segment_break(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (segment_break_at(s + i, n - i))
            return i;
    return n;
}

/* A one_segment key ending at `to`: false when it ran on from its own
 * segment past a logged break into another one ("PID|1|...\\rORC|RE|"):
 * the nearest break before `to` must open one of the rule's segments. */
static bool key_in_one_segment(const char *buf, size_t to, unsigned width, const char *segments)
{
    size_t lo = to > width ? to - width : 0, seg = SIZE_MAX;
    for (size_t i = to; i-- > lo && seg == SIZE_MAX && buf[i] != '\n';) {
        size_t k = buf[i] == '\\' || buf[i] == '<' ? segment_break_at(buf + i, to - i) : 0;
        if (k)
            seg = i + k;
    }
    if (seg == SIZE_MAX || seg + 3 > to)
        return true;
    for (const char *s = segments; s[0] && s[1] && s[2]; s += 3)
        if (!memcmp(s, buf + seg, 3))
            return true;
    return false;
}

/* A confirmed match: a mask, or kept text for a keep: rule. */
static void push_confirmed(matcher *m, unsigned rule_idx, size_t start, size_t end)
{
    if (m->r->rules[rule_idx].keep)
        push(m->allows, &m->nallows, m->capallows, start, end, rule_idx, m, true);
    else
        push(m->spans, &m->nspans, m->capspans, start, end, rule_idx, m, false);
}

/* A rule with between: the words between its key (ending at `to`) and its
 * value ("your visit | is scheduled for | 2027-01-16"). Scanned here
 * rather than as part of the key: a key that runs on for 60 bytes of any
 * text to " on " or " for " costs the main scan far more than this side
 * scan after each (rare) key. Every end of it is a possible value start. */
static void confirm_after_between(matcher *m, unsigned rule_idx, size_t to)
{
    const compiled_rule *ru = &m->r->rules[rule_idx];
    size_t limit = line_limit(m, to, ru->between_max);
    m->value_rule = rule_idx | BETWEEN_ID_BIT;
    m->nends = 0;
    if (limit == 0)
        return;
    if (hs_scan(ru->value_db, m->buf + to, (unsigned)limit, 0, m->vscratch, on_value, m) !=
        HS_SUCCESS) {
        m->err = PHISCRUB_ERR_SCAN;
        return;
    }
    size_t between_ends[VALUE_MAX_ENDS], nbetween = m->nends;
    memcpy(between_ends, m->value_ends, nbetween * sizeof *between_ends);
    for (size_t i = 0; i < nbetween && m->err == PHISCRUB_OK; i++) {
        size_t at = value_start(m->buf, to + between_ends[i], m->len), n;
        if (!find_value_ends(m, rule_idx, at) || (n = pick_value(m, rule_idx, at, at)) == 0)
            continue;
        if (ru->one_segment && (n = segment_break(m->buf + at, n)) == 0)
            continue;
        push_confirmed(m, rule_idx, at, at + n);
    }
}

static void confirm_rule(matcher *m, unsigned rule_idx, size_t from, size_t to)
{
    const compiled_rule *ru = &m->r->rules[rule_idx];
    if (ru->ncontext && !cue_before(m->buf, from, ru->window, ru->context, ru->ncontext))
        return;
    if (ru->nnot && cue_before(m->buf, from, ru->not_window, ru->not_context, ru->nnot))
        return;
    size_t start = from, end = to;
    if (ru->whole_run && continues_run(m->buf, m->len, from, to))
        return;
    if (ru->literal_keys && ((from > 0 && ascii_is_word((unsigned char)m->buf[from - 1])) ||
                             (to < m->len && ascii_is_word((unsigned char)m->buf[to]))))
        return; /* a list word inside a longer word */
    if (ru->record_tuple) {
        records_tuple(&m->records, m->buf, m->len, to, push_tuple_field, m);
        return;
    }
    if (ru->kind == RULE_KEYED) {
        size_t n = 0, at = to, key_from = from;
        if (ru->one_segment && !key_in_one_segment(m->buf, to, ru->main_width, ru->segments))
            return;
        if (ru->between_max) {
            confirm_after_between(m, rule_idx, to);
            return;
        }
        /* The value first: it needs no `before:`, and most keys that fail
         * fail there (an '@' in "[meta@32473 ...]" has no domain after it). */
        if (ru->has_value) {
            if (!ru->literal_keys) /* list words are words, not keys with a separator */
                at = value_start(m->buf, to, m->len);
            if (!find_value_ends(m, rule_idx, at))
                return;
        }
        if (ru->before_max) {
            size_t b = match_before(m, rule_idx, from);
            if (b == SIZE_MAX && !ru->before_optional)
                return;
            if (b != SIZE_MAX)
                from = b;
        }
        if (ru->has_value) {
            if ((n = pick_value(m, rule_idx, from, at)) == 0)
                return;
            if (ru->one_segment && (n = segment_break(m->buf + at, n)) == 0)
                return;
        } else if (ru->mask_before) {
            /* the key says what the words before it are: only they are masked */
            if (from == key_from || !rule_check(m, ru, m->buf + from, key_from - from))
                return;
            at = key_from;
        } else if (!rule_check(m, ru, m->buf + from, to - from)) {
            return;
        }
        start = ru->mask_all ? from : at;
        end = at + n;
    } else if (!rule_check(m, ru, m->buf + from, to - from)) {
        return;
    }
    push_confirmed(m, rule_idx, start, end);
}

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                    void *ctx)
{
    (void)flags;
    matcher *m = ctx;
    pending *p = &m->pend[id];
    m->candidates++;
    if (!m->r->expr_som[id]) {
        /* A key without SOM: each end is a possible start of a value. */
        confirm(m, id, (size_t)to, (size_t)to);
        return m->err == PHISCRUB_OK ? 0 : 1;
    }
    if (p->active && p->from == from) {
        if (to > p->to)
            p->to = to;
        return 0;
    }
    if (p->active)
        confirm(m, id, (size_t)p->from, (size_t)p->to);
    else
        m->active[m->nactive++] = id;
    p->active = true;
    p->from = from;
    p->to = to;
    return m->err == PHISCRUB_OK ? 0 : 1;
}

/* records.c found a field of a patient record. */
static void push_record_field(void *ctx, size_t start, size_t end, unsigned rule)
{
    matcher *m = ctx;
    if (m->nspans == m->capspans) { /* records.c is reading the array: no compaction */
        m->err = PHISCRUB_ERR_LIMIT;
        return;
    }
    push(m->spans, &m->nspans, m->capspans, start, end, rule, m, false);
}

/* echoes.c found a repeat of a masked value. Repeats are a bonus on top
 * of what the rules found: when the array is full they are left out. */
static bool push_echo(void *ctx, size_t start, size_t end, unsigned rule)
{
    matcher *m = ctx;
    if (m->nspans == m->capspans)
        return false;
    push(m->spans, &m->nspans, m->capspans, start, end, rule, m, false);
    return true;
}

/* A numeric match in numbuf: translate it to block offsets. A match never
 * spans two windows (they are joined by '\n', which no numeric rule matches). */
static int on_numeric(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                      void *ctx)
{
    matcher *m = ctx;
    size_t lo = 0, hi = m->nwindows; /* last window starting at or before `from` */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (m->window_at[mid] <= from)
            lo = mid;
        else
            hi = mid;
    }
    size_t delta = m->windows[lo].start - m->window_at[lo];
    return on_match(id, from + delta, to + delta, flags, ctx);
}

/* Numeric rules: one scan over the block's digit windows, copied side by
 * side, rather than a scan of the whole block (see numeric.c). */
static hs_error_t scan_numeric(matcher *m, const char *buf, size_t len)
{
    m->nwindows = numeric_windows(buf, len, m->windows, NUMERIC_WINDOWS_MAX(len));
    size_t at = 0;
    for (size_t i = 0; i < m->nwindows; i++) {
        size_t n = m->windows[i].end - m->windows[i].start;
        m->window_at[i] = at;
        memcpy(m->numbuf + at, buf + m->windows[i].start, n);
        at += n;
        m->numbuf[at++] = '\n';
    }
    if (at == 0)
        return HS_SUCCESS;
    return hs_scan(m->r->numeric_db, m->numbuf, (unsigned)at, 0, m->scratch, on_numeric, m);
}

phiscrub_status matcher_scan(matcher *m, const char *buf, size_t len, const region **regions,
                             size_t *n)
{
    m->buf = buf;
    m->len = len;
    m->nspans = m->nallows = 0;
    m->err = PHISCRUB_OK;
    /* Matches are confirmed as they come, each expression's in order; the
     * databases share nothing else, so they are scanned one after another. */
    hs_error_t rc = HS_SUCCESS;
    if (m->r->db)
        rc = hs_scan(m->r->db, buf, (unsigned)len, 0, m->scratch, on_match, m);
    if (m->r->words_db && rc == HS_SUCCESS && m->err == PHISCRUB_OK)
        rc = hs_scan(m->r->words_db, buf, (unsigned)len, 0, m->scratch, on_match, m);
    if (m->r->numeric_db && rc == HS_SUCCESS && m->err == PHISCRUB_OK)
        rc = scan_numeric(m, buf, len);
    for (size_t i = 0; i < m->nactive; i++) {
        pending *p = &m->pend[m->active[i]];
        if (rc == HS_SUCCESS && m->err == PHISCRUB_OK)
            confirm(m, m->active[i], (size_t)p->from, (size_t)p->to);
        p->active = false;
    }
    m->nactive = 0;
    if (m->err != PHISCRUB_OK)
        return m->err;
    if (rc != HS_SUCCESS)
        return PHISCRUB_ERR_SCAN;
    size_t count = spans_drop_allowed(m->spans, m->nspans, m->allows, m->nallows);
    m->nspans = spans_resolve(m->spans, count, m->r);
    if (m->records.active) {
        m->nresolved = m->nspans;
        records_extend(&m->records, buf, len, m->spans, m->nresolved, push_record_field, m);
        if (m->err != PHISCRUB_OK)
            return m->err;
        if (m->nspans > m->nresolved)
            m->nspans = spans_resolve(m->spans, m->nspans, m->r);
    }
    m->nresolved = m->nspans;
    echoes_extend(&m->echoes, buf, len, m->spans, m->nresolved, push_echo, m);
    if (m->nspans > m->nresolved) { /* a repeat inside kept text stays kept */
        m->nspans = spans_drop_allowed(m->spans, m->nspans, m->allows, m->nallows);
        m->nspans = spans_resolve(m->spans, m->nspans, m->r);
    }
    *n = m->nspans;
    *regions = m->spans;
    return PHISCRUB_OK;
}
