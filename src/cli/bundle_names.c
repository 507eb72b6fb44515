/* bundle_names.c — scrubbing member names, one path component at a time.
 *
 * A component is checked with the same rules as the content, four ways:
 *   1. as it is;
 *   2. without trailing extensions and rotation numbers, so in
 *      `jane.doe@example.org.log.1.gz` the email ends where a top-level
 *      domain is expected;
 *   3. that stem with '_' read as a space, so `dob_1984-03-03.txt` is
 *      "dob 1984-03-03" to the rules (only when there is a '_');
 *   4. as words: split on every ASCII byte that is not a letter or digit,
 *      title-cased and joined with spaces, so `jane_smith_2024.csv` is
 *      checked as "Jane Smith 2024 csv" — the name rules want capitalised
 *      names separated by spaces. A word touched by a mask is masked whole.
 *      Common file extensions after a '.' stay lower case: "Jennifer Txt"
 *      would look like a name.
 * Every masked run of the component is replaced by its rule's label
 * without brackets ("[NAME]" -> "NAME"): `exports/NAME_2024.csv`; where two
 * checks disagree, the earlier one's label wins. Labels are reduced to
 * [A-Za-z0-9_-], so scrubbing never makes a '/', and a component that
 * would end up "", "." or ".." becomes "_".
 *
 * Mask positions are recovered from the redacted text (bundle_align.c);
 * '[' and ']' are read as '(' and ')' so no label can start inside the
 * input. The result is checked again (up to three rounds); a component
 * that still shows a match, or whose output cannot be aligned, becomes
 * "REDACTED". Title-casing over-masks now and then: a name that says too
 * little is the safe failure. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_names.h"
#include "bundle_align.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NAMES_OUT_MAX (64u << 10)
#define NAMES_ROUNDS 3

struct names {
    phiscrub_stream *s;
    char *out; /* output of the last check */
    size_t len, cap;
    int overflow;
    char **labels; /* distinct replacements, longest first */
    char **words;  /* the same, reduced to a file-name word */
    size_t nlabels;
    align_state *al;
    char *text;        /* the checked text */
    size_t *map_start; /* word check: word i is component bytes [map_start, map_end) */
    size_t *map_end;
    size_t *wstart;    /* word check: where word i starts in text */
    size_t tcap;
    char *last_dir, *last_dir_out; /* the previous member's folder, cached */
    int last_dir_changed;
};

static const char *const extensions[] = {
    "log", "txt", "csv", "tsv", "json", "jsonl", "xml", "html", "htm", "yaml", "yml", "ini",
    "conf", "cfg", "gz", "tgz", "zip", "tar", "bz2", "xz", "zst", "pdf", "doc", "docx", "xls",
    "xlsx", "out", "err", "dat", "bak", "old", "tmp", "md", "sql", "db", "hl7", "dmp", "core",
    "trace", "sh", "py", "js", "bin", "png", "jpg", "jpeg", "gif", "rtf", "msg", "eml"};

static int is_extension(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        if (strlen(extensions[i]) == n && strncasecmp(extensions[i], w, n) == 0)
            return 1;
    return 0;
}

static phiscrub_status sink(void *ctx, const char *data, size_t len)
{
    names *n = ctx;
    if (n->len + len > NAMES_OUT_MAX) {
        n->overflow = 1;
        return PHISCRUB_OK;
    }
    if (n->len + len > n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 256;
        while (cap < n->len + len)
            cap *= 2;
        char *p = realloc(n->out, cap);
        if (!p)
            return PHISCRUB_ERR_NOMEM;
        n->out = p;
        n->cap = cap;
    }
    memcpy(n->out + n->len, data, len);
    n->len += len;
    return PHISCRUB_OK;
}

static int by_length_desc(const void *a, const void *b)
{
    size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

static char *label_word(const char *r)
{
    char *w = malloc(strlen(r) + 9);
    if (!w)
        return NULL;
    size_t k = 0;
    for (; *r; r++)
        if ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z') || (*r >= '0' && *r <= '9') ||
            *r == '_' || *r == '-')
            w[k++] = *r;
    w[k] = 0;
    if (k == 0)
        strcpy(w, "REDACTED");
    return w;
}

static int collect_labels(names *n, const phiscrub_rules *rules)
{
    size_t count = phiscrub_rules_count(rules);
    n->labels = calloc(count + 1, sizeof *n->labels);
    n->words = calloc(count + 1, sizeof *n->words);
    if (!n->labels || !n->words)
        return -1;
    for (size_t i = 0; i < count; i++) {
        phiscrub_rule_info ri;
        if (phiscrub_rules_info(rules, i, &ri) != PHISCRUB_OK || !ri.replacement[0])
            continue;
        size_t j = 0;
        while (j < n->nlabels && strcmp(n->labels[j], ri.replacement))
            j++;
        if (j == n->nlabels && !(n->labels[n->nlabels++] = strdup(ri.replacement)))
            return -1;
    }
    qsort(n->labels, n->nlabels, sizeof *n->labels, by_length_desc);
    for (size_t i = 0; i < n->nlabels; i++)
        if (!(n->words[i] = label_word(n->labels[i])))
            return -1;
    return 0;
}

names *names_new(const phiscrub_rules *rules, phiscrub_status *st)
{
    names *n = calloc(1, sizeof *n);
    *st = n ? PHISCRUB_OK : PHISCRUB_ERR_NOMEM;
    if (n && (collect_labels(n, rules) || !(n->al = align_new())))
        *st = PHISCRUB_ERR_NOMEM;
    if (*st == PHISCRUB_OK)
        *st = phiscrub_stream_new(rules, NULL, sink, n, &n->s);
    if (*st != PHISCRUB_OK) {
        names_free(n);
        return NULL;
    }
    return n;
}

void names_free(names *n)
{
    if (!n)
        return;
    phiscrub_stream_free(n->s);
    for (size_t i = 0; i < n->nlabels; i++) {
        free(n->labels[i]);
        free(n->words[i]);
    }
    free(n->labels);
    free(n->words);
    free(n->out);
    align_free(n->al);
    free(n->text);
    free(n->map_start);
    free(n->map_end);
    free(n->wstart);
    free(n->last_dir);
    free(n->last_dir_out);
    free(n);
}

static int grow_text(names *n, size_t need)
{
    if (need <= n->tcap)
        return 0;
    size_t cap = need * 2;
    char *t = realloc(n->text, cap);
    if (t)
        n->text = t;
    size_t *a = realloc(n->map_start, cap * sizeof *a);
    if (a)
        n->map_start = a;
    size_t *b = realloc(n->map_end, cap * sizeof *b);
    if (b)
        n->map_end = b;
    size_t *c = realloc(n->wstart, cap * sizeof *c);
    if (c)
        n->wstart = c;
    if (!t || !a || !b || !c)
        return -1;
    n->tcap = cap;
    return 0;
}

static int is_word_byte(unsigned char b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
}

/* Scrubs n->text[0, tlen) and marks the masked component bytes in mark
 * (label index + 1; marks already set stay). With nwords, text is the
 * word form and masks widen to whole words. Returns 1 when something was
 * masked, 0 when not, -1 when the output could not be aligned, -2 on an
 * error (*st). */
static int check(names *n, size_t tlen, size_t nwords, int *mark, phiscrub_status *st)
{
    n->len = 0;
    n->overflow = 0;
    *st = phiscrub_stream_write(n->s, n->text, tlen);
    if (*st == PHISCRUB_OK)
        *st = phiscrub_stream_finish(n->s);
    phiscrub_stream_reset(n->s);
    if (*st != PHISCRUB_OK)
        return -2;
    if (n->overflow)
        return -1;
    const align_span *sp;
    long k = align_masks(n->al, n->text, tlen, n->out, n->len, n->labels, n->nlabels, &sp);
    if (k == -2)
        *st = PHISCRUB_ERR_NOMEM;
    for (long j = 0; j < k; j++) {
        size_t a = sp[j].a, b = sp[j].b;
        if (nwords) { /* widen to whole words, mapped back to the component */
            size_t first = nwords, last = 0;
            for (size_t i = 0; i < nwords; i++) {
                size_t ws = n->wstart[i], we = ws + (n->map_end[i] - n->map_start[i]);
                if (ws < b && we > a) {
                    if (first == nwords)
                        first = i;
                    last = i;
                }
            }
            if (first == nwords)
                continue; /* only a joining space */
            a = n->map_start[first];
            b = n->map_end[last];
        }
        for (size_t i = a; i < b; i++)
            if (!mark[i])
                mark[i] = sp[j].label + 1;
    }
    return k < 0 ? (int)k : k > 0;
}

/* Builds the word form of comp into n->text; returns its length. */
static size_t word_form(names *n, const char *comp, size_t len, size_t *nwords)
{
    size_t t = 0, nw = 0;
    for (size_t i = 0; i < len;) {
        if (!is_word_byte((unsigned char)comp[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && is_word_byte((unsigned char)comp[i]))
            i++;
        int lower = start > 0 && comp[start - 1] == '.' && is_extension(comp + start, i - start);
        if (nw)
            n->text[t++] = ' ';
        n->wstart[nw] = t;
        n->map_start[nw] = start;
        n->map_end[nw++] = i;
        for (size_t j = start; j < i; j++) {
            char ch = comp[j];
            if (j == start && !lower && ch >= 'a' && ch <= 'z')
                ch = (char)(ch - 'a' + 'A');
            else if ((j != start || lower) && ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            n->text[t++] = ch;
        }
    }
    *nwords = nw;
    return t;
}

/* comp's length without trailing extensions and rotation numbers:
 * "jane.doe@example.org.log.1.gz" -> "jane.doe@example.org", where the
 * email rule can see a real top-level domain at the end. */
static size_t stem_length(const char *comp, size_t len)
{
    for (;;) {
        size_t dot = len;
        while (dot > 0 && comp[dot - 1] != '.')
            dot--;
        if (dot <= 1)
            return len;
        size_t n = len - dot, digits = 0;
        while (digits < n && comp[dot + digits] >= '0' && comp[dot + digits] <= '9')
            digits++;
        if (!((digits == n && n >= 1 && n <= 3) || is_extension(comp + dot, n)))
            return len;
        len = dot - 1;
    }
}

/* Marks what any check masks in comp. Same returns as check(). */
static int analyse(names *n, const char *comp, size_t len, int *mark, phiscrub_status *st)
{
    if (grow_text(n, 2 * len + 2)) {
        *st = PHISCRUB_ERR_NOMEM;
        return -2;
    }
    memset(mark, 0, len * sizeof *mark);
    size_t stem = stem_length(comp, len);
    int underscore = memchr(comp, '_', stem) != NULL, rc = 0;
    /* as it is; its stem; the stem with '_' as spaces; as words */
    for (int way = 0; way < 4 && rc >= 0; way++) {
        size_t tlen = way == 0 ? len : stem, nwords = 0;
        if ((way == 1 && stem == len) || (way == 2 && !underscore))
            continue;
        if (way < 3)
            for (size_t i = 0; i < tlen; i++) {
                char ch = comp[i];
                n->text[i] = ch == '[' ? '(' : ch == ']' ? ')' : way == 2 && ch == '_' ? ' ' : ch;
            }
        else if ((tlen = word_form(n, comp, len, &nwords)) == 0)
            break;
        int r = check(n, tlen, nwords, mark, st);
        rc = r < 0 ? r : (rc | r);
    }
    return rc;
}

/* comp with every marked run replaced by its label word. */
static char *rebuild(const names *n, const char *comp, size_t len, const int *mark)
{
    size_t cap = len + 1;
    for (size_t i = 0; i < len; i++)
        if (mark[i] && (i == 0 || mark[i - 1] != mark[i]))
            cap += strlen(n->words[mark[i] - 1]) + 1;
    char *r = malloc(cap), *p = r;
    if (!r)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (!mark[i])
            *p++ = comp[i];
        else if (i == 0 || mark[i - 1] != mark[i]) {
            if (i > 0 && mark[i - 1])
                *p++ = '_';
            p += strlen(strcpy(p, n->words[mark[i] - 1]));
        }
    }
    *p = 0;
    return r;
}

/* One component, as a malloc'd string. */
static char *scrub_component(names *n, const char *comp, size_t len, phiscrub_status *st)
{
    char *cur = strndup(comp, len);
    for (int round = 0; cur; round++) {
        size_t cl = strlen(cur);
        int *mark = malloc((cl + 1) * sizeof *mark);
        int rc = mark ? analyse(n, cur, cl, mark, st) : (*st = PHISCRUB_ERR_NOMEM, -2);
        if (rc == 0 || rc == -2) {
            free(mark);
            if (rc == -2) {
                free(cur);
                return NULL;
            }
            break;
        }
        int final = rc < 0 || round == NAMES_ROUNDS;
        char *next = final ? strdup("REDACTED") : rebuild(n, cur, cl, mark);
        free(mark);
        free(cur);
        cur = next;
        if (final)
            break;
    }
    if (cur && (!cur[0] || !strcmp(cur, ".") || !strcmp(cur, ".."))) {
        free(cur);
        cur = strdup("_");
    }
    for (char *p = cur; p && *p; p++)
        if (*p == '/')
            *p = '_';
    if (!cur)
        *st = PHISCRUB_ERR_NOMEM;
    return cur;
}

/* Scrubs every component of path[0, len) into a new string. */
static char *scrub_components(names *n, const char *path, size_t len, phiscrub_status *st)
{
    size_t cap = len * 2 + 16, used = 0;
    char *r = malloc(cap);
    for (size_t i = 0; r && i < len;) {
        size_t j = i;
        while (j < len && path[j] != '/')
            j++;
        char *c = scrub_component(n, path + i, j - i, st);
        size_t cl = c ? strlen(c) : 0;
        char *bigger = c && used + cl + 2 > cap ? realloc(r, cap = (used + cl + 2) * 2) : r;
        if (!c || !bigger) {
            free(c);
            free(r);
            if (*st == PHISCRUB_OK)
                *st = PHISCRUB_ERR_NOMEM;
            return NULL;
        }
        r = bigger;
        if (used)
            r[used++] = '/';
        memcpy(r + used, c, cl);
        used += cl;
        free(c);
        i = j + 1;
    }
    if (r)
        r[used] = 0;
    else
        *st = PHISCRUB_ERR_NOMEM;
    return r;
}

char *names_scrub(names *n, const char *path, int *changed, phiscrub_status *st)
{
    *st = PHISCRUB_OK;
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) : 0;
    /* Members of one folder come together: reuse the folder's result. */
    if (!n->last_dir || strlen(n->last_dir) != dlen || memcmp(n->last_dir, path, dlen)) {
        free(n->last_dir);
        free(n->last_dir_out);
        n->last_dir = strndup(path, dlen);
        n->last_dir_out = n->last_dir ? scrub_components(n, path, dlen, st) : NULL;
        if (!n->last_dir || !n->last_dir_out) {
            free(n->last_dir);
            n->last_dir = NULL;
            if (*st == PHISCRUB_OK)
                *st = PHISCRUB_ERR_NOMEM;
            return NULL;
        }
        n->last_dir_changed = strcmp(n->last_dir, n->last_dir_out) != 0;
    }
    const char *base = slash ? slash + 1 : path;
    char *b = scrub_components(n, base, strlen(base), st);
    if (!b)
        return NULL;
    size_t dl = strlen(n->last_dir_out);
    char *r = malloc(dl + strlen(b) + 2);
    if (!r) {
        free(b);
        *st = PHISCRUB_ERR_NOMEM;
        return NULL;
    }
    if (slash)
        sprintf(r, "%s/%s", n->last_dir_out, b);
    else
        strcpy(r, b);
    *changed = n->last_dir_changed || strcmp(base, b) != 0;
    free(b);
    return r;
}
