/* test_support.h — helpers shared by the tests that run the built-in packs:
 * a growable output buffer usable as a phiscrub sink, and group
 * setup/teardown that compile the default rules once per test file. */
#ifndef PHISCRUB_TEST_SUPPORT_H
#define PHISCRUB_TEST_SUPPORT_H

#include "test.h"

#include "phiscrub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Collected output; always NUL-terminated once anything was added. */
typedef struct {
    char *p;
    size_t n, cap;
} growbuf;

static inline void growbuf_add(growbuf *b, const char *data, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->n, data, len);
    b->n += len;
    b->p[b->n] = '\0';
}

/* A phiscrub_sink appending to the growbuf given as ctx. */
static inline phiscrub_status growbuf_sink(void *ctx, const char *data, size_t len)
{
    growbuf_add(ctx, data, len);
    return PHISCRUB_OK;
}

/* Group setup: *state = the compiled built-in packs. */
static inline int builtin_rules_setup(void **state)
{
    phiscrub_config *cfg;
    phiscrub_rules *rules = NULL;
    phiscrub_error err;
    memset(&err, 0, sizeof err);
    if (phiscrub_config_new(&cfg) != PHISCRUB_OK)
        return -1;
    phiscrub_status st = phiscrub_config_add_builtin_packs(cfg, &err);
    if (st == PHISCRUB_OK)
        st = phiscrub_rules_compile(cfg, &rules, &err);
    phiscrub_config_free(cfg);
    if (st != PHISCRUB_OK) {
        char msg[600];
        fprintf(stderr, "built-in packs: %s\n", phiscrub_error_format(&err, msg, sizeof msg));
        return -1;
    }
    *state = rules;
    return 0;
}

static inline int builtin_rules_teardown(void **state)
{
    phiscrub_rules_free(*state);
    return 0;
}

#endif
