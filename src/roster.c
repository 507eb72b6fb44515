/* roster.c — turns the clinic's own name roster (--names) and allow list
 * (--allow) into ordinary rule definitions.
 *
 * A roster entry "Jane Q. Public" is matched case-insensitively on word
 * boundaries in the forms logs and HL7 actually use: "Jane Q. Public",
 * "Jane Public", "Public, Jane" and "PUBLIC^JANE". An entry written
 * "Public, Jane" is read as surname first. */
#include "roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROSTER_MAX_TOKENS 8

typedef struct {
    const char *s[ROSTER_MAX_TOKENS];
    size_t n[ROSTER_MAX_TOKENS];
    size_t count;
} tokens;

/* Splits "Given Middle Surname" or "Surname, Given Middle" into given-first order. */
static void tokenize(const char *line, tokens *t)
{
    t->count = 0;
    const char *comma = strchr(line, ',');
    const char *parts[2][2] = {{line, line + strlen(line)}, {NULL, NULL}};
    if (comma) { /* surname first: read what follows the comma, then the surname */
        parts[0][0] = comma + 1;
        parts[1][0] = line;
        parts[1][1] = comma;
    }
    for (int p = 0; p < 2 && parts[p][0]; p++) {
        for (const char *c = parts[p][0]; c < parts[p][1] && t->count < ROSTER_MAX_TOKENS;) {
            while (c < parts[p][1] && (*c == ' ' || *c == '\t' || *c == ','))
                c++;
            const char *start = c;
            while (c < parts[p][1] && *c != ' ' && *c != '\t' && *c != ',')
                c++;
            if (c > start) {
                t->s[t->count] = start;
                t->n[t->count++] = (size_t)(c - start);
            }
        }
    }
}

static bool is_ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Word boundaries only next to ASCII letters: in byte mode Hyperscan sees
 * the bytes of "é" as non-word characters, so "José\b" could never match. */
static bool put_sequence(sbuf *b, const tokens *t, const size_t *idx, size_t k, const char *sep)
{
    const char *first = t->s[idx[0]], *last = t->s[idx[k - 1]] + t->n[idx[k - 1]] - 1;
    if (is_ascii_alnum(*first) && !sbuf_add(b, "\\b", 2))
        return false;
    for (size_t i = 0; i < k; i++)
        if ((i && !sbuf_add(b, sep, strlen(sep))) || !sbuf_add_literal(b, t->s[idx[i]], t->n[idx[i]]))
            return false;
    return !is_ascii_alnum(*last) || sbuf_add(b, "\\b", 2);
}

static phiscrub_status roster_patterns(const char *line, strvec *out)
{
    tokens t;
    tokenize(line, &t);
    if (t.count == 0)
        return PHISCRUB_OK;
    size_t all[ROSTER_MAX_TOKENS];
    for (size_t i = 0; i < t.count; i++)
        all[i] = i;
    size_t last = t.count - 1;
    size_t first_last[2] = {0, last};
    size_t last_first[2] = {last, 0};
    sbuf b = {0};
    bool ok = put_sequence(&b, &t, all, t.count, "[ \\t]{1,4}");
    if (ok && t.count > 2) {
        ok = sbuf_add(&b, "|", 1) && put_sequence(&b, &t, first_last, 2, "[ \\t]{1,4}");
    }
    if (ok && t.count > 1) {
        ok = sbuf_add(&b, "|", 1) && put_sequence(&b, &t, last_first, 2, ",[ \\t]{0,4}") &&
             sbuf_add(&b, "|", 1) && put_sequence(&b, &t, last_first, 2, "\\^");
    }
    if (!ok) {
        free(b.p);
        return PHISCRUB_ERR_NOMEM;
    }
    return strvec_push_owned(out, b.p);
}

static phiscrub_status new_def(rule_def *d, const char *id, const char *category,
                               const char *pack)
{
    memset(d, 0, sizeof *d);
    d->enabled = true;
    d->caseless = true;
    d->id = xstrdup(id);
    d->category = xstrdup(category);
    d->pack = xstrdup(pack);
    d->source = xstrdup(pack);
    return d->id && d->category && d->pack && d->source ? PHISCRUB_OK : PHISCRUB_ERR_NOMEM;
}

phiscrub_status roster_defs_build(const phiscrub_config *cfg, bool with_roster, rule_def **out,
                                  size_t *n)
{
    size_t cap = (with_roster ? cfg->roster.n : 0) + cfg->allow.n;
    *out = NULL;
    *n = 0;
    if (cap == 0)
        return PHISCRUB_OK;
    rule_def *defs = calloc(cap, sizeof *defs);
    if (!defs)
        return PHISCRUB_ERR_NOMEM;
    phiscrub_status st = PHISCRUB_OK;
    size_t k = 0;
    char id[32];
    for (size_t i = 0; with_roster && st == PHISCRUB_OK && i < cfg->roster.n; i++) {
        snprintf(id, sizeof id, "roster-%zu", i + 1);
        st = new_def(&defs[k], id, "NAME", "roster");
        if (st == PHISCRUB_OK)
            st = roster_patterns(cfg->roster.v[i], &defs[k].patterns);
        if (st == PHISCRUB_OK && defs[k].patterns.n == 0)
            rule_def_free(&defs[k]);
        else
            k++;
    }
    for (size_t i = 0; st == PHISCRUB_OK && i < cfg->allow.n; i++) {
        if (!cfg->allow.v[i][0])
            continue;
        snprintf(id, sizeof id, "allow-%zu", i + 1);
        st = new_def(&defs[k], id, "ALLOW", "allow");
        defs[k].keep = true;
        sbuf b = {0};
        if (st == PHISCRUB_OK && !sbuf_add_literal(&b, cfg->allow.v[i], strlen(cfg->allow.v[i])))
            st = PHISCRUB_ERR_NOMEM;
        if (st == PHISCRUB_OK)
            st = strvec_push_owned(&defs[k].patterns, b.p);
        k++;
    }
    if (st != PHISCRUB_OK) {
        for (size_t i = 0; i < k; i++)
            rule_def_free(&defs[i]);
        free(defs);
        return st;
    }
    *out = defs;
    *n = k;
    return PHISCRUB_OK;
}
