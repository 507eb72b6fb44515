/* rules_yaml.c — reads a YAML rule pack into rule_def records.
 *
 * The schema is strict: an unknown key, a wrong type or a missing field is
 * an error naming file:line:col, so a typo cannot silently disable a rule.
 * Patterns may use {{NAME}} (a `define:` of the same file) and
 * {{list:NAME}} (a word list, expanded to an escaped alternation); both are
 * expanded here so the compiler only ever sees plain expressions.
 * See patterns/README.md for the format. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MACRO_DEPTH 8
/* Hyperscan limits an expression's length, so a pattern whose word list
 * would expand past this many bytes becomes several expressions of the same
 * rule, each with a slice of the list. */
#define LIST_SLICE_BYTES 8000

typedef struct {
    phiscrub_config *cfg;
    const char *file;
    yaml_document_t doc;
    yaml_node_t *defines; /* mapping or NULL */
    size_t slice_from, slice_to; /* words of the first {{list:}} to expand; to == 0: all */
    char *pack;
    phiscrub_error *err;
} loader;

static phiscrub_status fail(loader *ld, const yaml_node_t *at, const char *rule_id,
                            const char *msg, const char *arg)
{
    error_set(ld->err, ld->file, at ? (unsigned)at->start_mark.line + 1 : 0,
              at ? (unsigned)at->start_mark.column + 1 : 0, rule_id, "%s%s%s%s", msg,
              arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
    return PHISCRUB_ERR_CONFIG;
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* ---- macro expansion ---------------------------------------------------- */

static const char *find_define(loader *ld, const char *name, size_t n)
{
    if (!ld->defines)
        return NULL;
    for (yaml_node_pair_t *p = ld->defines->data.mapping.pairs.start;
         p < ld->defines->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(&ld->doc, p->key));
        if (k && strlen(k) == n && memcmp(k, name, n) == 0)
            return scalar(yaml_document_get_node(&ld->doc, p->value));
    }
    return NULL;
}

static phiscrub_status expand(loader *ld, const yaml_node_t *at, const char *id, const char *in,
                              sbuf *out, int depth)
{
    if (depth > MACRO_DEPTH)
        return fail(ld, at, id, "macros nest too deeply (a define refers to itself?)", NULL);
    for (const char *p = in; *p;) {
        const char *open = strstr(p, "{{");
        if (!open)
            return sbuf_add(out, p, strlen(p)) ? PHISCRUB_OK : PHISCRUB_ERR_NOMEM;
        if (!sbuf_add(out, p, (size_t)(open - p)))
            return PHISCRUB_ERR_NOMEM;
        const char *close = strstr(open + 2, "}}");
        if (!close)
            return fail(ld, at, id, "unterminated '{{' in pattern", NULL);
        const char *name = open + 2;
        size_t n = (size_t)(close - name);
        char key[128];
        snprintf(key, sizeof key, "%.*s", (int)(n < 120 ? n : 120), name);
        if (n > 5 && strncmp(name, "list:", 5) == 0) {
            const word_list *wl = config_find_list(ld->cfg, key + 5);
            if (!wl)
                return fail(ld, at, id, "unknown word list", key + 5);
            if (!sbuf_add(out, "(?:", 3))
                return PHISCRUB_ERR_NOMEM;
            size_t from = ld->slice_to ? ld->slice_from : 0;
            size_t to = ld->slice_to ? ld->slice_to : wl->words.n;
            for (size_t i = from; i < to; i++)
                if ((i > from && !sbuf_add(out, "|", 1)) || !sbuf_add_literal(out, wl->words.v[i], strlen(wl->words.v[i])))
                    return PHISCRUB_ERR_NOMEM;
            if (!sbuf_add(out, ")", 1))
                return PHISCRUB_ERR_NOMEM;
        } else {
            const char *def = find_define(ld, name, n);
            if (!def)
                return fail(ld, at, id, "unknown macro", key);
            /* A group, so that {{X}}? quantifies all of X. */
            if (!sbuf_add(out, "(?:", 3))
                return PHISCRUB_ERR_NOMEM;
            RETURN_IF_ERR(expand(ld, at, id, def, out, depth + 1));
            if (!sbuf_add(out, ")", 1))
                return PHISCRUB_ERR_NOMEM;
        }
        p = close + 2;
    }
    return PHISCRUB_OK;
}

static phiscrub_status expand_owned(loader *ld, const yaml_node_t *at, const char *id,
                                    const char *in, char **out)
{
    sbuf b = {0};
    if (!sbuf_add(&b, "", 0))
        return PHISCRUB_ERR_NOMEM;
    phiscrub_status st = expand(ld, at, id, in, &b, 0);
    if (st != PHISCRUB_OK) {
        free(b.p);
        return st;
    }
    *out = b.p;
    return PHISCRUB_OK;
}

/* ---- schema ------------------------------------------------------------- */

static phiscrub_status get_string(loader *ld, yaml_node_t *v, const char *id, const char *what,
                                  const char **out)
{
    *out = scalar(v);
    if (!*out)
        return fail(ld, v, id, "expected a string for", what);
    return PHISCRUB_OK;
}

/* Expands a pattern into one or more expressions: when its (single) word
 * list is long, one expression per slice of the list. */
static phiscrub_status expand_pattern(loader *ld, const yaml_node_t *at, const char *id,
                                      const char *in, strvec *out)
{
    const char *ref = strstr(in, "{{list:");
    const word_list *wl = NULL;
    if (ref && !strstr(ref + 7, "{{list:")) {
        const char *close = strstr(ref, "}}");
        char name[128];
        if (close && close - ref - 7 < (long)sizeof name) {
            snprintf(name, sizeof name, "%.*s", (int)(close - ref - 7), ref + 7);
            wl = config_find_list(ld->cfg, name);
        }
    }
    size_t i = 0, n = wl ? wl->words.n : 0;
    do {
        ld->slice_from = i;
        ld->slice_to = 0;
        if (wl) { /* take words until the slice is long enough */
            size_t bytes = 0;
            while (i < n && (bytes < LIST_SLICE_BYTES || i == ld->slice_from))
                bytes += strlen(wl->words.v[i++]) + 1;
            ld->slice_to = i;
        }
        char *s = NULL;
        phiscrub_status st = expand_owned(ld, at, id, in, &s);
        ld->slice_to = 0;
        RETURN_IF_ERR(st);
        RETURN_IF_ERR(strvec_push_owned(out, s));
    } while (i < n);
    return PHISCRUB_OK;
}

/* A string or a list of strings. */
static phiscrub_status get_strings(loader *ld, yaml_node_t *v, const char *id, const char *what,
                                   bool expand_macros, strvec *out)
{
    if (v->type == YAML_SCALAR_NODE)
        return expand_macros ? expand_pattern(ld, v, id, scalar(v), out)
                             : strvec_push(out, scalar(v));
    if (v->type != YAML_SEQUENCE_NODE)
        return fail(ld, v, id, "expected a string or a list of strings for", what);
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *e = yaml_document_get_node(&ld->doc, *it);
        if (!scalar(e))
            return fail(ld, e, id, "expected a string in", what);
        RETURN_IF_ERR(expand_macros ? expand_pattern(ld, e, id, scalar(e), out)
                                    : strvec_push(out, scalar(e)));
    }
    return PHISCRUB_OK;
}

static phiscrub_status get_uint(loader *ld, yaml_node_t *v, const char *id, const char *what,
                                unsigned max, unsigned *out)
{
    const char *s = scalar(v);
    char *end;
    unsigned long x = s ? strtoul(s, &end, 10) : 0;
    if (!s || !*s || *end || s[0] == '-' || x > max) {
        char msg[96];
        snprintf(msg, sizeof msg, "expected a whole number from 0 to %u for", max);
        return fail(ld, v, id, msg, what);
    }
    *out = (unsigned)x;
    return PHISCRUB_OK;
}

static phiscrub_status get_bool(loader *ld, yaml_node_t *v, const char *id, const char *what,
                                bool *out)
{
    const char *s = scalar(v);
    if (s && (!strcmp(s, "true") || !strcmp(s, "yes")))
        *out = true;
    else if (s && (!strcmp(s, "false") || !strcmp(s, "no")))
        *out = false;
    else
        return fail(ld, v, id, "expected true or false for", what);
    return PHISCRUB_OK;
}

static bool valid_id(const char *s)
{
    if (!*s || strlen(s) > 63)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
              *s == '.'))
            return false;
    return true;
}

static bool valid_category(const char *s)
{
    if (!(*s >= 'A' && *s <= 'Z') || strlen(s) > 31)
        return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return false;
    return true;
}

static phiscrub_status load_examples(loader *ld, yaml_node_t *v, rule_def *d)
{
    if (v->type != YAML_MAPPING_NODE)
        return fail(ld, v, d->id, "expected a mapping with match: and keep: for", "examples");
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&ld->doc, p->key);
        yaml_node_t *val = yaml_document_get_node(&ld->doc, p->value);
        const char *key = scalar(k);
        if (key && !strcmp(key, "match"))
            RETURN_IF_ERR(get_strings(ld, val, d->id, "match", false, &d->ex_match));
        else if (key && !strcmp(key, "keep"))
            RETURN_IF_ERR(get_strings(ld, val, d->id, "keep", false, &d->ex_keep));
        else
            return fail(ld, k, d->id, "unknown key in examples:", key);
    }
    return PHISCRUB_OK;
}

/* One entry of `rules:`. Fills d; the caller frees it on failure. */
static phiscrub_status load_rule(loader *ld, yaml_node_t *node, rule_def *d)
{
    if (node->type != YAML_MAPPING_NODE)
        return fail(ld, node, NULL, "expected a mapping for each rule", NULL);
    d->enabled = true;
    d->window = 48;
    d->not_window = 24;
    yaml_node_pair_t *pairs = node->data.mapping.pairs.start, *top = node->data.mapping.pairs.top;
    /* The id first, so every later error can name the rule. */
    for (yaml_node_pair_t *p = pairs; p < top; p++) {
        const char *k = scalar(yaml_document_get_node(&ld->doc, p->key));
        if (k && !strcmp(k, "id")) {
            yaml_node_t *v = yaml_document_get_node(&ld->doc, p->value);
            const char *id = scalar(v);
            if (!id || !valid_id(id))
                return fail(ld, v, NULL,
                            "a rule id is 1-63 characters of a-z, 0-9, '-', '_', '.'", NULL);
            d->id = xstrdup(id);
        }
    }
    if (!d->id)
        return fail(ld, node, NULL, "rule has no id", NULL);
    char src[300];
    snprintf(src, sizeof src, "%s:%u", ld->file, (unsigned)node->start_mark.line + 1);
    if (!(d->source = xstrdup(src)) || !(d->pack = xstrdup(ld->pack)))
        return PHISCRUB_ERR_NOMEM;

    const char *s;
    for (yaml_node_pair_t *p = pairs; p < top; p++) {
        yaml_node_t *k = yaml_document_get_node(&ld->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&ld->doc, p->value);
        const char *key = scalar(k);
        if (!key)
            return fail(ld, k, d->id, "rule keys must be strings", NULL);
        if (!strcmp(key, "id") || !strcmp(key, "description")) {
            continue;
        } else if (!strcmp(key, "category")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            if (!valid_category(s))
                return fail(ld, v, d->id, "a category is upper-case letters, digits, '_', '-'",
                            NULL);
            d->category = xstrdup(s);
        } else if (!strcmp(key, "pattern") || !strcmp(key, "patterns")) {
            RETURN_IF_ERR(get_strings(ld, v, d->id, key, true, &d->patterns));
        } else if (!strcmp(key, "key") || !strcmp(key, "keys")) {
            RETURN_IF_ERR(get_strings(ld, v, d->id, key, true, &d->keys));
        } else if (!strcmp(key, "record_field")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            if (strcmp(s, "id") && strcmp(s, "date") && strcmp(s, "dob") && strcmp(s, "name") &&
                strcmp(s, "address"))
                return fail(ld, v, d->id, "record_field: is id, date, dob, name or address", NULL);
            d->record_field = xstrdup(s);
        } else if (!strcmp(key, "requires")) {
            RETURN_IF_ERR(get_strings(ld, v, d->id, key, false, &d->requires));
        } else if (!strcmp(key, "longest_only")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->longest_only));
        } else if (!strcmp(key, "numeric")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->numeric));
        } else if (!strcmp(key, "keep")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->keep));
        } else if (!strcmp(key, "whole_run")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->whole_run));
        } else if (!strcmp(key, "one_segment")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->one_segment));
        } else if (!strcmp(key, "record_tuple")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->record_tuple));
        } else if (!strcmp(key, "before_optional")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->before_optional));
        } else if (!strcmp(key, "before")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            RETURN_IF_ERR(expand_owned(ld, v, d->id, s, &d->before));
        } else if (!strcmp(key, "between")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            RETURN_IF_ERR(expand_owned(ld, v, d->id, s, &d->between));
        } else if (!strcmp(key, "key_list") || !strcmp(key, "value_list")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            if (!config_find_list(ld->cfg, s))
                return fail(ld, v, d->id, "unknown word list", s);
            if (!(*(key[0] == 'k' ? &d->key_list : &d->value_list) = xstrdup(s)))
                return PHISCRUB_ERR_NOMEM;
        } else if (!strcmp(key, "mask")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            if (strcmp(s, "all") != 0 && strcmp(s, "value") != 0 && strcmp(s, "before") != 0)
                return fail(ld, v, d->id, "mask: is 'value' (the default), 'all' or 'before'",
                            NULL);
            d->mask_all = !strcmp(s, "all");
            d->mask_before = !strcmp(s, "before");
        } else if (!strcmp(key, "validator")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            if (strcmp(s, "person_name") != 0 && strcmp(s, "person_name_weak") != 0 &&
                strcmp(s, "given_name_alone") != 0 && strcmp(s, "person_name_listed") != 0 &&
                !validator_find(s))
                return fail(ld, v, d->id, "unknown validator", s);
            d->validator = xstrdup(s);
        } else if (!strcmp(key, "context")) {
            RETURN_IF_ERR(get_strings(ld, v, d->id, key, false, &d->context));
        } else if (!strcmp(key, "window")) {
            RETURN_IF_ERR(get_uint(ld, v, d->id, key, RULE_MAX_WINDOW, &d->window));
        } else if (!strcmp(key, "not_context")) {
            RETURN_IF_ERR(get_strings(ld, v, d->id, key, false, &d->not_context));
        } else if (!strcmp(key, "not_window")) {
            RETURN_IF_ERR(get_uint(ld, v, d->id, key, RULE_MAX_WINDOW, &d->not_window));
        } else if (!strcmp(key, "caseless")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->caseless));
        } else if (!strcmp(key, "enabled")) {
            RETURN_IF_ERR(get_bool(ld, v, d->id, key, &d->enabled));
        } else if (!strcmp(key, "replacement")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            if (strchr(s, '\n') || strchr(s, '\r') || strlen(s) > 64)
                return fail(ld, v, d->id, "a replacement is one line of at most 64 bytes", NULL);
            d->replacement = xstrdup(s);
        } else if (!strcmp(key, "trim")) {
            RETURN_IF_ERR(get_string(ld, v, d->id, key, &s));
            d->trim = xstrdup(s);
        } else if (!strcmp(key, "priority")) {
            unsigned prio;
            RETURN_IF_ERR(get_uint(ld, v, d->id, key, 1000, &prio));
            d->priority = (int)prio;
        } else if (!strcmp(key, "examples")) {
            RETURN_IF_ERR(load_examples(ld, v, d));
        } else {
            return fail(ld, k, d->id, "unknown rule key", key);
        }
    }
    if (d->enabled) {
        if (!d->category)
            return fail(ld, node, d->id, "rule has no category", NULL);
        /* A key_list word with mask: all may be the whole match (a given name alone). */
        if (d->patterns.n == 0 && !d->before && !d->record_field && !d->record_tuple &&
            !(d->key_list && d->mask_all))
            return fail(ld, node, d->id, "rule has no pattern", NULL);
        if (d->record_tuple && (!d->keys.n || d->patterns.n || d->before || d->mask_all))
            return fail(ld, node, d->id, "record_tuple: needs key: and no pattern, before: or mask:",
                        NULL);
        if (d->record_field && (d->patterns.n || d->keys.n || d->key_list || !d->requires.n))
            return fail(ld, node, d->id,
                        "a record_field: rule has requires: and no pattern or key", NULL);
        bool keyed = d->keys.n || d->key_list;
        if (d->numeric && keyed)
            return fail(ld, node, d->id, "numeric: applies to rules without a key", NULL);
        if (d->whole_run && !d->numeric)
            return fail(ld, node, d->id, "whole_run: applies to numeric: rules", NULL);
        if (d->keep && (d->numeric || d->record_field))
            return fail(ld, node, d->id, "keep: does not combine with numeric: or record_field:",
                        NULL);
        if ((d->trim || d->mask_all || d->value_list || d->before || d->one_segment) && !keyed)
            return fail(ld, node, d->id,
                        "trim:, mask:, value_list: and one_segment: apply to rules with a key", NULL);
        if (d->between && (!keyed || !d->patterns.n || d->mask_all || d->before))
            return fail(ld, node, d->id, "between: needs a key and a pattern, and no mask: all or before:",
                        NULL);
        if (d->mask_before && (!d->before || d->patterns.n))
            return fail(ld, node, d->id, "mask: before needs before: and no pattern:", NULL);
        if (d->keys.n && d->key_list)
            return fail(ld, node, d->id, "a rule has key: or key_list:, not both", NULL);
    }
    return PHISCRUB_OK;
}

static phiscrub_status load_rules(loader *ld, yaml_node_t *seq)
{
    if (seq->type != YAML_SEQUENCE_NODE)
        return fail(ld, seq, NULL, "expected a list for", "rules");
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top;
         it++) {
        rule_def d = {0};
        phiscrub_status st = load_rule(ld, yaml_document_get_node(&ld->doc, *it), &d);
        if (st != PHISCRUB_OK) {
            rule_def_free(&d);
            return st;
        }
        RETURN_IF_ERR(config_put_def(ld->cfg, &d));
    }
    return PHISCRUB_OK;
}

/* `lists: {name: path}`, paths relative to the rule file. */
static phiscrub_status load_lists(loader *ld, yaml_node_t *map)
{
    if (map->type != YAML_MAPPING_NODE)
        return fail(ld, map, NULL, "expected a mapping of name: file for", "lists");
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *v = yaml_document_get_node(&ld->doc, p->value);
        const char *name = scalar(yaml_document_get_node(&ld->doc, p->key)), *path = scalar(v);
        if (!name || !path)
            return fail(ld, v, NULL, "expected name: file in", "lists");
        if (config_find_list(ld->cfg, name))
            continue;
        char full[4096];
        const char *slash = strrchr(ld->file, '/');
        if (path[0] != '/' && slash)
            snprintf(full, sizeof full, "%.*s/%s", (int)(slash - ld->file), ld->file, path);
        else
            snprintf(full, sizeof full, "%s", path);
        char *text;
        size_t len;
        RETURN_IF_ERR(read_file(full, RULE_FILE_MAX_BYTES, &text, &len, ld->err));
        phiscrub_status st = config_add_list(ld->cfg, name, text, len, ld->err);
        free(text);
        RETURN_IF_ERR(st);
    }
    return PHISCRUB_OK;
}

static phiscrub_status load_document(loader *ld)
{
    yaml_node_t *root = yaml_document_get_root_node(&ld->doc);
    if (!root)
        return fail(ld, NULL, NULL, "empty rule file", NULL);
    if (root->type != YAML_MAPPING_NODE)
        return fail(ld, root, NULL, "expected a mapping with pack: and rules: at the top", NULL);
    yaml_node_t *rules = NULL, *lists = NULL;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(&ld->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&ld->doc, p->value);
        const char *key = scalar(k);
        if (key && !strcmp(key, "pack")) {
            const char *pack = scalar(v);
            if (!pack || !valid_id(pack))
                return fail(ld, v, NULL, "a pack name is 1-63 characters of a-z, 0-9, '-', '_'",
                            NULL);
            free(ld->pack);
            if (!(ld->pack = xstrdup(pack)))
                return PHISCRUB_ERR_NOMEM;
        } else if (key && !strcmp(key, "define")) {
            if (v->type != YAML_MAPPING_NODE)
                return fail(ld, v, NULL, "expected a mapping of NAME: pattern for", "define");
            ld->defines = v;
        } else if (key && !strcmp(key, "rules")) {
            rules = v;
        } else if (key && !strcmp(key, "lists")) {
            lists = v;
        } else if (!key || strcmp(key, "description") != 0) {
            return fail(ld, k, NULL, "unknown top-level key", key);
        }
    }
    if (lists)
        RETURN_IF_ERR(load_lists(ld, lists));
    if (!rules)
        return fail(ld, root, NULL, "no rules: list", NULL);
    return load_rules(ld, rules);
}

phiscrub_status rules_yaml_load(phiscrub_config *cfg, const char *name, const char *text,
                                size_t len, phiscrub_error *err)
{
    if (len > RULE_FILE_MAX_BYTES) {
        error_set(err, name, 0, 0, NULL, "rule file is larger than %u bytes",
                  RULE_FILE_MAX_BYTES);
        return PHISCRUB_ERR_LIMIT;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return PHISCRUB_ERR_NOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    loader ld = {.cfg = cfg, .file = name, .err = err};
    /* A pack name defaults to the file's base name without extension. */
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    const char *dot = strchr(base, '.');
    ld.pack = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
    phiscrub_status st = ld.pack ? PHISCRUB_OK : PHISCRUB_ERR_NOMEM;
    if (st == PHISCRUB_OK && !yaml_parser_load(&parser, &ld.doc)) {
        error_set(err, name, (unsigned)parser.problem_mark.line + 1,
                  (unsigned)parser.problem_mark.column + 1, NULL, "YAML: %s%s%s",
                  parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
                  parser.context ? parser.context : "");
        st = PHISCRUB_ERR_CONFIG;
    } else if (st == PHISCRUB_OK) {
        st = load_document(&ld);
        yaml_document_delete(&ld.doc);
    }
    free(ld.pack);
    yaml_parser_delete(&parser);
    return st;
}
