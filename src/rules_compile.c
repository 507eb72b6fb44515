/* rules_compile.c — turns a configuration into an immutable phiscrub_rules.
 *
 * Every rule is linted first: Hyperscan's hs_expression_info gives each
 * expression's widest match, and unbounded or empty-matching expressions are
 * refused, because the stream's hold-back (how much of a huge line it keeps
 * while waiting for more) is the widest match over all rules. Then one
 * database holds every plain pattern and every key; keyed rules' values go
 * into a second, start-anchored database that is run only after a key
 * matched. */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"
#include "db_cache.h"
#include "records.h"
#include "roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/mman.h>
#include <time.h>

static bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* The HL7 segment ids that keys name ("PID", "NK1"): upper-case words of
 * three, a letter then letters or digits. Extra ones only weaken the check. */
static void segment_ids(const strvec *keys, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < keys->n; k++) {
        const char *s = keys->v[k];
        for (size_t i = 0; s[i] && s[i + 1] && s[i + 2] && n + 3 < cap; i++) {
            bool starts = i == 0 || !ascii_is_alnum((unsigned char)s[i - 1]);
            if (starts && s[i] >= 'A' && s[i] <= 'Z' && upper_or_digit(s[i + 1]) &&
                upper_or_digit(s[i + 2]) && !ascii_is_alnum((unsigned char)s[i + 3])) {
                memcpy(out + n, s + i, 3);
                n += 3;
            }
        }
    }
    out[n] = '\0';
}

static phiscrub_status expr_add(expr_list *l, char *expr_owned, unsigned flags, unsigned id,
                                unsigned width)
{
    if (l->expr.n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        unsigned *arrays[3] = {l->flags, l->ids, l->width};
        for (int k = 0; k < 3; k++) {
            unsigned *p = realloc(arrays[k], cap * sizeof *p);
            if (!p) {
                free(expr_owned);
                return PHISCRUB_ERR_NOMEM;
            }
            arrays[k] = p;
        }
        l->flags = arrays[0];
        l->ids = arrays[1];
        l->width = arrays[2];
        l->cap = cap;
    }
    l->flags[l->expr.n] = flags;
    l->ids[l->expr.n] = id;
    l->width[l->expr.n] = width;
    return strvec_push_owned(&l->expr, expr_owned);
}

static void expr_free(expr_list *l)
{
    strvec_free(&l->expr);
    free(l->flags);
    free(l->ids);
    free(l->width);
}

static bool in_list(const strvec *sv, const char *s)
{
    for (size_t i = 0; i < sv->n; i++)
        if (!strcmp(sv->v[i], s))
            return true;
    return false;
}

static bool pack_active(const phiscrub_config *cfg, const char *pack)
{
    if (in_list(&cfg->packs_off, pack))
        return false;
    return cfg->packs_on.n == 0 || in_list(&cfg->packs_on, pack);
}

static phiscrub_status check_pack_names(const phiscrub_config *cfg, phiscrub_error *err)
{
    const strvec *lists[2] = {&cfg->packs_on, &cfg->packs_off};
    for (int l = 0; l < 2; l++) {
        for (size_t i = 0; i < lists[l]->n; i++) {
            const char *name = lists[l]->v[i];
            bool known = !strcmp(name, "roster");
            for (size_t d = 0; d < cfg->ndefs && !known; d++)
                known = !strcmp(cfg->defs[d].pack, name);
            if (!known) {
                error_set(err, NULL, 0, 0, NULL, "unknown rule pack '%s'", name);
                return PHISCRUB_ERR_CONFIG;
            }
        }
    }
    return PHISCRUB_OK;
}

static phiscrub_status category_index(phiscrub_rules *r, const char *name, unsigned *out)
{
    for (size_t i = 0; i < r->ncategories; i++) {
        if (!strcmp(r->categories[i], name)) {
            *out = (unsigned)i;
            return PHISCRUB_OK;
        }
    }
    char **v = realloc(r->categories, (r->ncategories + 1) * sizeof *v);
    if (!v)
        return PHISCRUB_ERR_NOMEM;
    r->categories = v;
    if (!(v[r->ncategories] = xstrdup(name)))
        return PHISCRUB_ERR_NOMEM;
    *out = (unsigned)r->ncategories++;
    return PHISCRUB_OK;
}

static phiscrub_status lower_words(const strvec *in, char ***out, size_t *n)
{
    *n = 0;
    *out = NULL;
    if (!in->n)
        return PHISCRUB_OK;
    if (!(*out = calloc(in->n, sizeof **out)))
        return PHISCRUB_ERR_NOMEM;
    for (size_t i = 0; i < in->n; i++) {
        if (!((*out)[i] = xstrdup(in->v[i])))
            return PHISCRUB_ERR_NOMEM;
        for (char *c = (*out)[i]; *c; c++)
            *c = (char)ascii_lower((unsigned char)*c);
        (*n)++;
    }
    return PHISCRUB_OK;
}

/* Fills r->rules[r->nrules] from d and appends its expressions. */
/* A word as a Hyperscan literal (see sbuf_add_literal); NULL on no memory. */
static char *literal_expr(const char *w)
{
    sbuf b = {0};
    if (!sbuf_add_literal(&b, w, strlen(w))) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* open + pattern + close, newly allocated; NULL when out of memory
 * (expr_add reports that). */
static char *wrapped_expr(const char *open, const char *pattern, const char *close)
{
    size_t n = strlen(open) + strlen(pattern) + strlen(close) + 1;
    char *v = malloc(n);
    if (v)
        snprintf(v, n, "%s%s%s", open, pattern, close);
    return v;
}

/* The expression lists a rule set compiles into. */
typedef struct {
    expr_list main, words, values, befores, numeric;
} expr_lists;

static phiscrub_status add_rule(const phiscrub_config *cfg, phiscrub_rules *r, const rule_def *d,
                                expr_lists *x)
{
    compiled_rule *ru = &r->rules[r->nrules];
    unsigned idx = (unsigned)r->nrules;
    memset(ru, 0, sizeof *ru);
    r->nrules++; /* counted now so rules_free releases a half-built rule */
    ru->kind = RULE_PLAIN;
    ru->keep = d->keep;
    ru->whole_run = d->whole_run;
    ru->record_tuple = d->record_tuple;
    ru->one_segment = d->one_segment;
    if (d->one_segment)
        segment_ids(&d->keys, ru->segments, sizeof ru->segments);
    ru->caseless = d->caseless;
    ru->priority = d->priority;
    ru->window = d->window;
    ru->not_window = d->not_window;
    if (!(ru->id = xstrdup(d->id)) || !(ru->pack = xstrdup(d->pack)) ||
        !(ru->source = xstrdup(d->source)) ||
        !(ru->validator_name = xstrdup(d->validator ? d->validator : "")))
        return PHISCRUB_ERR_NOMEM;
    RETURN_IF_ERR(category_index(r, d->category, &ru->category));
    char label[80];
    snprintf(label, sizeof label, "[%s]", d->category);
    if (!(ru->replacement = xstrdup(d->replacement ? d->replacement : label)))
        return PHISCRUB_ERR_NOMEM;
    if (d->trim && !(ru->trim = xstrdup(d->trim)))
        return PHISCRUB_ERR_NOMEM;
    ru->replacement_len = strlen(ru->replacement);
    if (d->validator && !strcmp(d->validator, "person_name")) {
        ru->check = CHECK_PERSON_NAME;
    } else if (d->validator && !strcmp(d->validator, "person_name_weak")) {
        ru->check = CHECK_PERSON_NAME_WEAK;
    } else if (d->validator && !strcmp(d->validator, "given_name_alone")) {
        ru->check = CHECK_GIVEN_NAME_ALONE;
    } else if (d->validator && !strcmp(d->validator, "person_name_listed")) {
        ru->check = CHECK_PERSON_NAME_LISTED;
    } else if (d->validator) {
        ru->check = CHECK_VALIDATOR;
        ru->validator = validator_find(d->validator);
    }
    RETURN_IF_ERR(lower_words(&d->context, &ru->context, &ru->ncontext));
    RETURN_IF_ERR(lower_words(&d->not_context, &ru->not_context, &ru->nnot));
    for (size_t i = 0; i < d->ex_match.n; i++)
        RETURN_IF_ERR(strvec_push(&ru->ex_match, d->ex_match.v[i]));
    for (size_t i = 0; i < d->ex_keep.n; i++)
        RETURN_IF_ERR(strvec_push(&ru->ex_keep, d->ex_keep.v[i]));

    unsigned flags = HS_FLAG_SOM_LEFTMOST | HS_FLAG_MULTILINE | (d->caseless ? HS_FLAG_CASELESS : 0);
    if (d->record_field) {
        /* No expression: records.c applies it to fields of confirmed records. */
        ru->kind = RULE_RECORD;
        ru->record_field = !strcmp(d->record_field, "id")     ? RECORD_ID
                           : !strcmp(d->record_field, "dob")  ? RECORD_DOB
                           : !strcmp(d->record_field, "name") ? RECORD_NAME
                           : !strcmp(d->record_field, "address") ? RECORD_ADDRESS
                                                                 : RECORD_DATE;
        if (!(ru->requires = calloc(d->requires.n, sizeof *ru->requires)))
            return PHISCRUB_ERR_NOMEM;
        for (size_t i = 0; i < d->requires.n; i++, ru->nrequires++)
            RETURN_IF_ERR(category_index(r, d->requires.v[i], &ru->requires[i]));
        return PHISCRUB_OK;
    }
    if (d->value_list)
        RETURN_IF_ERR(wordset_build(&config_find_list(cfg, d->value_list)->words, &ru->value_words));
    ru->key_leader = -1;
    if (d->key_list) {
        /* Bare literals compile in milliseconds where the same list as one
         * alternation with \b takes seconds; boundaries are checked in C. */
        const strvec *words = &config_find_list(cfg, d->key_list)->words;
        ru->literal_keys = true;
        if (!(ru->key_list = xstrdup(d->key_list)))
            return PHISCRUB_ERR_NOMEM;
        for (unsigned j = 0; j < idx; j++) {
            compiled_rule *lead = &r->rules[j];
            if (lead->key_list && lead->key_leader < 0 && !strcmp(lead->key_list, d->key_list) &&
                lead->caseless == d->caseless) {
                unsigned *f = realloc(lead->followers, (lead->nfollowers + 1) * sizeof *f);
                if (!f)
                    return PHISCRUB_ERR_NOMEM;
                lead->followers = f;
                lead->followers[lead->nfollowers++] = idx;
                ru->key_leader = (int)j;
                break;
            }
        }
        for (size_t i = 0; ru->key_leader < 0 && i < words->n; i++)
            RETURN_IF_ERR(expr_add(&x->words, literal_expr(words->v[i]), flags, idx,
                                   (unsigned)strlen(words->v[i])));
    }
    if (d->before) {
        /* Matched leftwards from the key: anchored at the end of the bytes
         * before it, with SOM for where it starts. */
        RETURN_IF_ERR(expr_add(&x->befores, wrapped_expr("(?:", d->before, ")\\z"),
                               HS_FLAG_SOM_LEFTMOST | (d->caseless ? HS_FLAG_CASELESS : 0), idx,
                               0));
    }
    if (d->keys.n || d->key_list) {
        ru->kind = RULE_KEYED;
        ru->mask_all = d->mask_all || d->before;
        ru->mask_before = d->mask_before;
        ru->has_value = d->patterns.n > 0;
        ru->before_optional = d->before_optional;
        ru->longest_only = d->longest_only;
        /* A value starts where its key ends, so a key needs its start only
         * when the key is masked too. SOM is costly, and Hyperscan's budget
         * for it is per database: ask only where needed. */
        unsigned key_flags =
            d->mask_all || d->before ? flags : flags & ~(unsigned)HS_FLAG_SOM_LEFTMOST;
        for (size_t i = 0; i < d->keys.n; i++)
            RETURN_IF_ERR(expr_add(&x->main, xstrdup(d->keys.v[i]), key_flags, idx, 0));
        /* Values are anchored at the byte after the key; all of a rule's
         * alternatives share its id. */
        const byteset blanks = {{(1ull << ' ') | (1ull << '\t'), 0, 0, 0}};
        ru->value_first_known = d->patterns.n > 0;
        for (size_t i = 0; i < d->patterns.n; i++) {
            if (!first_bytes_add(d->patterns.v[i], d->caseless, &blanks, &ru->value_first))
                ru->value_first_known = false;
            RETURN_IF_ERR(expr_add(&x->values, wrapped_expr("^(?:", d->patterns.v[i], ")"),
                                   d->caseless ? HS_FLAG_CASELESS : 0, idx, 0));
        }
        if (d->between) {
            /* Where between: ends, a value may start: one scan of the value
             * database finds both, told apart by id. */
            RETURN_IF_ERR(expr_add(&x->values, wrapped_expr("^(?:", d->between, ")"),
                                   d->caseless ? HS_FLAG_CASELESS : 0, idx | BETWEEN_ID_BIT, 0));
        }
        return PHISCRUB_OK;
    }
    expr_list *to = d->numeric ? &x->numeric : &x->main;
    for (size_t i = 0; i < d->patterns.n; i++)
        RETURN_IF_ERR(expr_add(to, xstrdup(d->patterns.v[i]), flags, idx, 0));
    return PHISCRUB_OK;
}

static phiscrub_status expression_error(const phiscrub_rules *r, unsigned rule_idx,
                                        const char *what, phiscrub_error *err)
{
    const compiled_rule *ru = &r->rules[rule_idx];
    char file[256];
    snprintf(file, sizeof file, "%s", ru->source);
    char *colon = strrchr(file, ':');
    unsigned line = 0;
    if (colon) {
        line = (unsigned)strtoul(colon + 1, NULL, 10);
        *colon = '\0';
    }
    error_set(err, file, line, 1, ru->id, "%s", what);
    return PHISCRUB_ERR_PATTERN;
}

enum width_of { WIDTH_MAIN, WIDTH_VALUE, WIDTH_BEFORE };

/* Checks the bounds of every expression and records each rule's widest
 * key or pattern, value and before-match. Literals are not asked about:
 * their width is their length, and asking Hyperscan 12,000 times is slow. */
static phiscrub_status lint_widths(phiscrub_rules *r, const expr_list *l, enum width_of what,
                                   phiscrub_error *err)
{
    for (size_t i = 0; i < l->expr.n; i++) {
        unsigned maxw = l->width[i], minw = l->width[i];
        if (!maxw) {
            hs_expr_info_t *info = NULL;
            hs_compile_error_t *ce = NULL;
            if (hs_expression_info(l->expr.v[i], l->flags[i] & ~HS_FLAG_SOM_LEFTMOST, &info,
                                   &ce) != HS_SUCCESS) {
                char msg[200];
                snprintf(msg, sizeof msg, "pattern does not compile: %s",
                         ce ? ce->message : "?");
                hs_free_compile_error(ce);
                return expression_error(
                    r, what == WIDTH_MAIN ? r->expr_rule[l->ids[i]] : l->ids[i] & ~BETWEEN_ID_BIT,
                    msg, err);
            }
            maxw = info->max_width;
            minw = info->min_width;
            free(info);
        }
        unsigned rule = what == WIDTH_MAIN ? r->expr_rule[l->ids[i]] : l->ids[i] & ~BETWEEN_ID_BIT;
        if (maxw == UINT_MAX || maxw > RULE_MAX_WIDTH) {
            char msg[160];
            snprintf(msg, sizeof msg,
                     "pattern can match more than %u bytes; bound every repeat (e.g. {1,64})",
                     RULE_MAX_WIDTH);
            return expression_error(r, rule, msg, err);
        }
        if (minw == 0)
            return expression_error(r, rule, "pattern can match the empty string", err);
        compiled_rule *ru = &r->rules[rule];
        unsigned *slot = what == WIDTH_VALUE && (l->ids[i] & BETWEEN_ID_BIT) ? &ru->between_max
                         : what == WIDTH_VALUE  ? &ru->value_max
                         : what == WIDTH_BEFORE ? &ru->before_max
                                                : &ru->main_width;
        if (maxw > *slot)
            *slot = maxw;
    }
    return PHISCRUB_OK;
}

/* ids_are_exprs: the list's ids are expression indexes (main, numeric),
 * else rule indexes (values, befores); errors name the rule either way. */
static phiscrub_status compile_db(phiscrub_rules *r, const expr_list *l, bool ids_are_exprs,
                                  hs_database_t **db, phiscrub_error *err)
{
    hs_compile_error_t *ce = NULL;
    if (hs_compile_multi((const char *const *)l->expr.v, l->flags, l->ids,
                         (unsigned)l->expr.n, HS_MODE_BLOCK, NULL, db, &ce) == HS_SUCCESS)
        return PHISCRUB_OK;
    char msg[200];
    snprintf(msg, sizeof msg, "Hyperscan: %s", ce ? ce->message : "compile failed");
    phiscrub_status st;
    if (ce && ce->expression >= 0 && (size_t)ce->expression < l->expr.n) {
        unsigned id = l->ids[ce->expression];
        st = expression_error(r, ids_are_exprs ? r->expr_rule[id] : id & ~BETWEEN_ID_BIT, msg, err);
    } else {
        error_set(err, NULL, 0, 0, NULL, "%s", msg);
        st = PHISCRUB_ERR_PATTERN;
    }
    hs_free_compile_error(ce);
    return st;
}

/* Turns the active definitions and the roster into rules and expressions. */
static phiscrub_status collect(const phiscrub_config *cfg, phiscrub_rules *r, expr_lists *x,
                               phiscrub_error *err)
{
    rule_def *roster_defs = NULL;
    size_t nroster = 0;
    /* The roster is the user's own list: choosing packs with --pack does not
     * drop it (that would let every listed name through); only disabling
     * the "roster" pack by name does. */
    bool roster_on = !in_list(&cfg->packs_off, "roster");
    RETURN_IF_ERR(roster_defs_build(cfg, roster_on, &roster_defs, &nroster));
    phiscrub_status st = PHISCRUB_OK;
    if (!(r->rules = calloc(cfg->ndefs + nroster + 1, sizeof *r->rules)))
        st = PHISCRUB_ERR_NOMEM;
    for (size_t i = 0; st == PHISCRUB_OK && i < cfg->ndefs; i++) {
        const rule_def *d = &cfg->defs[i];
        if (d->enabled && pack_active(cfg, d->pack))
            st = add_rule(cfg, r, d, x);
    }
    for (size_t i = 0; st == PHISCRUB_OK && i < nroster; i++)
        st = add_rule(cfg, r, &roster_defs[i], x);
    for (size_t i = 0; i < nroster; i++)
        rule_def_free(&roster_defs[i]);
    free(roster_defs);
    if (st == PHISCRUB_OK && x->main.expr.n + x->words.expr.n + x->numeric.expr.n == 0) {
        error_set(err, NULL, 0, 0, NULL, "no rules are active");
        st = PHISCRUB_ERR_CONFIG;
    }
    return st;
}

/* One id space: main expressions first, then the words, then the numeric
 * ones; Hyperscan reports that index as the id. */
static phiscrub_status assign_ids(phiscrub_rules *r, expr_lists *x)
{
    expr_list *in_order[] = {&x->main, &x->words, &x->numeric};
    r->nexpr = x->main.expr.n + x->words.expr.n + x->numeric.expr.n;
    r->expr_rule = malloc(r->nexpr * sizeof *r->expr_rule);
    r->expr_som = malloc(r->nexpr * sizeof *r->expr_som);
    if (!r->expr_rule || !r->expr_som)
        return PHISCRUB_ERR_NOMEM;
    size_t i = 0;
    for (size_t li = 0; li < 3; li++) {
        expr_list *l = in_order[li];
        for (size_t k = 0; k < l->expr.n; k++, i++) {
            r->expr_rule[i] = l->ids[k];
            r->expr_som[i] = (l->flags[k] & HS_FLAG_SOM_LEFTMOST) != 0;
            l->ids[k] = (unsigned)i;
        }
    }
    return PHISCRUB_OK;
}

/* Compiles the expressions of l whose id is `rule` into *db (left NULL
 * when there are none). */
static phiscrub_status compile_rule_db(phiscrub_rules *r, const expr_list *l, unsigned rule,
                                       hs_database_t **db, phiscrub_error *err)
{
    expr_list sub = {0};
    phiscrub_status st = PHISCRUB_OK;
    for (size_t k = 0; st == PHISCRUB_OK && k < l->expr.n; k++)
        if ((l->ids[k] & ~BETWEEN_ID_BIT) == rule)
            st = expr_add(&sub, xstrdup(l->expr.v[k]), l->flags[k], l->ids[k], l->width[k]);
    if (st == PHISCRUB_OK && sub.expr.n)
        st = compile_db(r, &sub, false, db, err);
    expr_free(&sub);
    return st;
}

/* Lints and compiles: the slow path, taken when no cache entry matched. */
static phiscrub_status compile_all(phiscrub_rules *r, const expr_lists *x, phiscrub_error *err)
{
    RETURN_IF_ERR(lint_widths(r, &x->main, WIDTH_MAIN, err));
    RETURN_IF_ERR(lint_widths(r, &x->words, WIDTH_MAIN, err));
    RETURN_IF_ERR(lint_widths(r, &x->numeric, WIDTH_MAIN, err));
    RETURN_IF_ERR(lint_widths(r, &x->values, WIDTH_VALUE, err));
    RETURN_IF_ERR(lint_widths(r, &x->befores, WIDTH_BEFORE, err));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (x->main.expr.n)
        RETURN_IF_ERR(compile_db(r, &x->main, true, &r->db, err));
    if (x->words.expr.n)
        RETURN_IF_ERR(compile_db(r, &x->words, true, &r->words_db, err));
    if (x->numeric.expr.n)
        RETURN_IF_ERR(compile_db(r, &x->numeric, true, &r->numeric_db, err));
    for (size_t i = 0; i < r->nrules; i++) {
        RETURN_IF_ERR(compile_rule_db(r, &x->values, (unsigned)i, &r->rules[i].value_db, err));
        RETURN_IF_ERR(compile_rule_db(r, &x->befores, (unsigned)i, &r->rules[i].before_db, err));
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r->compile_ms =
        (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    return PHISCRUB_OK;
}

/* The hold-back and look-back the streams need, and the database size. */
static void summarize(phiscrub_rules *r)
{
    for (size_t i = 0; i < r->nrules; i++) {
        compiled_rule *ru = &r->rules[i];
        if (ru->record_tuple) /* records_tuple() reads this far on each side of its key */
            ru->value_max = ru->before_max = RECORDS_TUPLE_SIDE_MAX;
        unsigned key = ru->key_leader >= 0 ? r->rules[ru->key_leader].main_width : ru->main_width;
        unsigned lead = ru->value_max ? ru->between_max + VALUE_LEAD_MAX : 0;
        unsigned w = key + lead + ru->value_max + ru->before_max;
        r->max_width = w > r->max_width ? w : r->max_width;
        r->max_window = ru->window > r->max_window ? ru->window : r->max_window;
        r->max_window = ru->not_window > r->max_window ? ru->not_window : r->max_window;
    }
    const hs_database_t *dbs[RULES_BLOCK_DBS];
    rules_block_dbs(r, dbs);
    for (size_t i = 0; i < RULES_BLOCK_DBS + 2 * r->nrules; i++) {
        size_t k = (i - RULES_BLOCK_DBS) / 2;
        const hs_database_t *db = i < RULES_BLOCK_DBS ? dbs[i]
                                  : i % 2             ? r->rules[k].value_db
                                                      : r->rules[k].before_db;
        size_t sz = 0;
        if (db && hs_database_size(db, &sz) == HS_SUCCESS)
            r->db_size += sz;
    }
}

/* The words of the named lists (NULL-terminated, at most 4) that the
 * packs define, as one set; *out stays NULL when none is defined. */
static phiscrub_status lists_wordset(const phiscrub_config *cfg, const char *const *names,
                                     wordset **out)
{
    const strvec *lists[4];
    size_t n = 0;
    for (; *names && n < 4; names++) {
        const word_list *wl = config_find_list(cfg, *names);
        if (wl)
            lists[n++] = &wl->words;
    }
    return n ? wordset_build_lists(lists, n, out) : PHISCRUB_OK;
}

static phiscrub_status build(const phiscrub_config *cfg, phiscrub_rules *r, phiscrub_error *err)
{
    RETURN_IF_ERR(check_pack_names(cfg, err));
    r->flags = cfg->flags;
    expr_lists x = {0};
    const expr_list *lists[DB_CACHE_PARTS] = {&x.main, &x.words, &x.values, &x.befores,
                                              &x.numeric};
    phiscrub_status st = collect(cfg, r, &x, err);
    if (st == PHISCRUB_OK)
        st = assign_ids(r, &x);
    if (st == PHISCRUB_OK && !db_cache_digest(lists, r))
        st = PHISCRUB_ERR_NOMEM;
    if (st == PHISCRUB_OK && !db_cache_load(cfg->cache_dir, lists, r)) {
        st = compile_all(r, &x, err);
        if (st == PHISCRUB_OK)
            db_cache_store(cfg->cache_dir, r);
    }
    expr_free(&x.main);
    expr_free(&x.words);
    expr_free(&x.values);
    expr_free(&x.befores);
    expr_free(&x.numeric);
    if (st == PHISCRUB_OK) {
        summarize(r);
        static const char *const stop[] = {"common_words", NULL};
        static const char *const given_words[] = {"given_words", "given_ambiguous", NULL};
        static const char *const names[] = {"given", "surnames", NULL};
        st = lists_wordset(cfg, stop, &r->stopwords);
        if (st == PHISCRUB_OK)
            st = lists_wordset(cfg, given_words, &r->given_words);
        if (st == PHISCRUB_OK)
            st = lists_wordset(cfg, names, &r->name_words);
    }
    return st;
}

phiscrub_status phiscrub_rules_compile(const phiscrub_config *cfg, phiscrub_rules **out,
                                       phiscrub_error *err)
{
    if (!cfg || !out)
        return PHISCRUB_ERR_ARG;
    *out = NULL;
    if (hs_valid_platform() != HS_SUCCESS) {
        error_set(err, NULL, 0, 0, NULL, "Hyperscan needs a CPU with SSSE3");
        return PHISCRUB_ERR_PLATFORM;
    }
    phiscrub_rules *r = calloc(1, sizeof *r);
    if (!r)
        return PHISCRUB_ERR_NOMEM;
    phiscrub_status st = build(cfg, r, err);
    if (st != PHISCRUB_OK) {
        phiscrub_rules_free(r);
        return st;
    }
    *out = r;
    return PHISCRUB_OK;
}

void rules_free_db(phiscrub_rules *r, hs_database_t *db)
{
    for (size_t i = 0; i < r->nmaps; i++)
        if ((void *)db == r->maps[i].p)
            return; /* unmapped with the others */
    hs_free_database(db);
}

void phiscrub_rules_free(phiscrub_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nrules; i++) {
        compiled_rule *ru = &r->rules[i];
        free(ru->id);
        free(ru->pack);
        free(ru->source);
        free(ru->validator_name);
        free(ru->replacement);
        free(ru->trim);
        wordset_free(ru->value_words);
        free(ru->key_list);
        free(ru->followers);
        rules_free_db(r, ru->value_db);
        rules_free_db(r, ru->before_db);
        free(ru->requires);
        for (size_t k = 0; k < ru->ncontext; k++)
            free(ru->context[k]);
        free(ru->context);
        for (size_t k = 0; k < ru->nnot; k++)
            free(ru->not_context[k]);
        free(ru->not_context);
        strvec_free(&ru->ex_match);
        strvec_free(&ru->ex_keep);
    }
    free(r->rules);
    free(r->expr_rule);
    free(r->expr_som);
    for (size_t i = 0; i < r->ncategories; i++)
        free(r->categories[i]);
    free(r->categories);
    rules_free_db(r, r->db);
    rules_free_db(r, r->words_db);
    rules_free_db(r, r->numeric_db);
    for (size_t i = 0; i < r->nmaps; i++)
        munmap(r->maps[i].p, r->maps[i].n);
    free(r->maps);
    wordset_free(r->stopwords);
    wordset_free(r->given_words);
    wordset_free(r->name_words);
    free(r);
}

size_t phiscrub_rules_count(const phiscrub_rules *r) { return r ? r->nrules : 0; }

phiscrub_status phiscrub_rules_info(const phiscrub_rules *r, size_t i, phiscrub_rule_info *info)
{
    if (!r || !info || i >= r->nrules)
        return PHISCRUB_ERR_ARG;
    const compiled_rule *ru = &r->rules[i];
    info->id = ru->id;
    info->category = r->categories[ru->category];
    info->pack = ru->pack;
    info->validator = ru->validator_name;
    info->replacement = ru->replacement;
    info->source = ru->source;
    return PHISCRUB_OK;
}

size_t phiscrub_rules_category_count(const phiscrub_rules *r) { return r ? r->ncategories : 0; }

const char *phiscrub_rules_category_name(const phiscrub_rules *r, size_t i)
{
    return r && i < r->ncategories ? r->categories[i] : NULL;
}

size_t phiscrub_rules_database_size(const phiscrub_rules *r) { return r ? r->db_size : 0; }
double phiscrub_rules_compile_ms(const phiscrub_rules *r) { return r ? r->compile_ms : 0; }
int phiscrub_rules_from_cache(const phiscrub_rules *r) { return r ? r->from_cache : 0; }
