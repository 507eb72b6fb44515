/* config.c — the mutable configuration builder: rule definitions by id,
 * named word lists, the roster, the allow list and pack selection. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void rule_def_free(rule_def *d)
{
    if (!d)
        return;
    free(d->id);
    free(d->category);
    free(d->pack);
    free(d->source);
    strvec_free(&d->keys);
    free(d->key_list);
    free(d->record_field);
    strvec_free(&d->requires);
    free(d->before);
    free(d->between);
    free(d->value_list);
    free(d->validator);
    free(d->replacement);
    free(d->trim);
    strvec_free(&d->patterns);
    strvec_free(&d->context);
    strvec_free(&d->not_context);
    strvec_free(&d->ex_match);
    strvec_free(&d->ex_keep);
    memset(d, 0, sizeof *d);
}

phiscrub_status phiscrub_config_new(phiscrub_config **out)
{
    if (!out)
        return PHISCRUB_ERR_ARG;
    *out = calloc(1, sizeof **out);
    return *out ? PHISCRUB_OK : PHISCRUB_ERR_NOMEM;
}

void phiscrub_config_free(phiscrub_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->ndefs; i++)
        rule_def_free(&cfg->defs[i]);
    free(cfg->defs);
    for (size_t i = 0; i < cfg->nlists; i++) {
        free(cfg->lists[i].name);
        strvec_free(&cfg->lists[i].words);
    }
    free(cfg->lists);
    strvec_free(&cfg->roster);
    strvec_free(&cfg->allow);
    strvec_free(&cfg->packs_on);
    strvec_free(&cfg->packs_off);
    free(cfg->cache_dir);
    free(cfg);
}

phiscrub_status config_put_def(phiscrub_config *cfg, rule_def *d)
{
    for (size_t i = 0; i < cfg->ndefs; i++) {
        if (strcmp(cfg->defs[i].id, d->id) == 0) {
            rule_def_free(&cfg->defs[i]);
            cfg->defs[i] = *d;
            return PHISCRUB_OK;
        }
    }
    if (cfg->ndefs == cfg->capdefs) {
        size_t cap = cfg->capdefs ? cfg->capdefs * 2 : 32;
        rule_def *v = realloc(cfg->defs, cap * sizeof *v);
        if (!v) {
            rule_def_free(d);
            return PHISCRUB_ERR_NOMEM;
        }
        cfg->defs = v;
        cfg->capdefs = cap;
    }
    cfg->defs[cfg->ndefs++] = *d;
    return PHISCRUB_OK;
}

const word_list *config_find_list(const phiscrub_config *cfg, const char *name)
{
    for (size_t i = 0; i < cfg->nlists; i++)
        if (strcmp(cfg->lists[i].name, name) == 0)
            return &cfg->lists[i];
    return NULL;
}

/* Splits text into trimmed lines, skipping blanks and '#' comments. */
static phiscrub_status split_lines(const char *text, size_t len, strvec *out)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *a = p, *b = e;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (a < b && *a != '#')
            RETURN_IF_ERR(strvec_push_owned(out, xstrndup(a, (size_t)(b - a))));
        p = nl ? nl + 1 : end;
    }
    return PHISCRUB_OK;
}

phiscrub_status config_add_list(phiscrub_config *cfg, const char *name, const char *text,
                                size_t len, phiscrub_error *err)
{
    (void)err;
    if (cfg->nlists == cfg->caplists) {
        size_t cap = cfg->caplists ? cfg->caplists * 2 : 8;
        word_list *v = realloc(cfg->lists, cap * sizeof *v);
        if (!v)
            return PHISCRUB_ERR_NOMEM;
        cfg->lists = v;
        cfg->caplists = cap;
    }
    word_list *wl = &cfg->lists[cfg->nlists];
    memset(wl, 0, sizeof *wl);
    wl->name = xstrdup(name);
    if (!wl->name)
        return PHISCRUB_ERR_NOMEM;
    phiscrub_status st = split_lines(text, len, &wl->words);
    if (st != PHISCRUB_OK) {
        free(wl->name);
        strvec_free(&wl->words);
        return st;
    }
    cfg->nlists++;
    return PHISCRUB_OK;
}

phiscrub_status phiscrub_config_add_builtin_packs(phiscrub_config *cfg, phiscrub_error *err)
{
    if (!cfg)
        return PHISCRUB_ERR_ARG;
    /* Lists first: packs refer to them while they are expanded. */
    for (size_t i = 0; i < builtin_lists_count; i++) {
        const builtin_file *f = &builtin_lists[i];
        if (!config_find_list(cfg, f->name))
            RETURN_IF_ERR(config_add_list(cfg, f->name, (const char *)f->data, f->len, err));
    }
    for (size_t i = 0; i < builtin_packs_count; i++) {
        const builtin_file *f = &builtin_packs[i];
        RETURN_IF_ERR(rules_yaml_load(cfg, f->name, (const char *)f->data, f->len, err));
    }
    return PHISCRUB_OK;
}

phiscrub_status phiscrub_config_add_rules_text(phiscrub_config *cfg, const char *name,
                                               const char *text, size_t len, phiscrub_error *err)
{
    if (!cfg || !name || (!text && len))
        return PHISCRUB_ERR_ARG;
    return rules_yaml_load(cfg, name, text ? text : "", len, err);
}

phiscrub_status phiscrub_config_add_rules_file(phiscrub_config *cfg, const char *path,
                                               phiscrub_error *err)
{
    if (!cfg || !path)
        return PHISCRUB_ERR_ARG;
    char *text;
    size_t len;
    RETURN_IF_ERR(read_file(path, RULE_FILE_MAX_BYTES, &text, &len, err));
    phiscrub_status st = rules_yaml_load(cfg, path, text, len, err);
    free(text);
    return st;
}

static phiscrub_status add_lines_file(strvec *to, const char *path, phiscrub_error *err)
{
    char *text;
    size_t len;
    RETURN_IF_ERR(read_file(path, RULE_FILE_MAX_BYTES, &text, &len, err));
    phiscrub_status st = split_lines(text, len, to);
    free(text);
    return st;
}

phiscrub_status phiscrub_config_add_names_file(phiscrub_config *cfg, const char *path,
                                               phiscrub_error *err)
{
    if (!cfg || !path)
        return PHISCRUB_ERR_ARG;
    return add_lines_file(&cfg->roster, path, err);
}

phiscrub_status phiscrub_config_add_allow_file(phiscrub_config *cfg, const char *path,
                                               phiscrub_error *err)
{
    if (!cfg || !path)
        return PHISCRUB_ERR_ARG;
    return add_lines_file(&cfg->allow, path, err);
}

phiscrub_status phiscrub_config_add_name(phiscrub_config *cfg, const char *full_name)
{
    if (!cfg || !full_name)
        return PHISCRUB_ERR_ARG;
    return strvec_push(&cfg->roster, full_name);
}

phiscrub_status phiscrub_config_add_allow(phiscrub_config *cfg, const char *term)
{
    if (!cfg || !term)
        return PHISCRUB_ERR_ARG;
    return strvec_push(&cfg->allow, term);
}

phiscrub_status phiscrub_config_enable_pack(phiscrub_config *cfg, const char *pack)
{
    if (!cfg || !pack)
        return PHISCRUB_ERR_ARG;
    return strvec_push(&cfg->packs_on, pack);
}

phiscrub_status phiscrub_config_disable_pack(phiscrub_config *cfg, const char *pack)
{
    if (!cfg || !pack)
        return PHISCRUB_ERR_ARG;
    return strvec_push(&cfg->packs_off, pack);
}

phiscrub_status phiscrub_config_set_flags(phiscrub_config *cfg, unsigned flags)
{
    if (!cfg || (flags & ~(unsigned)PHISCRUB_KEEP_PRIVATE_IP))
        return PHISCRUB_ERR_ARG;
    cfg->flags = flags;
    return PHISCRUB_OK;
}

phiscrub_status phiscrub_config_set_cache_dir(phiscrub_config *cfg, const char *dir)
{
    if (!cfg)
        return PHISCRUB_ERR_ARG;
    char *copy = NULL;
    if (dir && !(copy = xstrdup(dir)))
        return PHISCRUB_ERR_NOMEM;
    free(cfg->cache_dir);
    cfg->cache_dir = copy;
    return PHISCRUB_OK;
}
