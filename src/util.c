/* util.c — small helpers the library's modules share: owned strings,
 * string vectors, bounded file reads, error detail. */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *xstrndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

bool sbuf_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return false;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return true;
}

bool sbuf_add_literal(sbuf *b, const char *w, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        char tmp[4] = {(char)c};
        size_t k = 1;
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            tmp[0] = '\\';
            tmp[1] = 'x';
            tmp[2] = hex[c >> 4];
            tmp[3] = hex[c & 15];
            k = 4;
        }
        if (!sbuf_add(b, tmp, k))
            return false;
    }
    return true;
}

phiscrub_status strvec_push_owned(strvec *sv, char *s)
{
    if (!s)
        return PHISCRUB_ERR_NOMEM;
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 8;
        char **v = realloc(sv->v, cap * sizeof *v);
        if (!v) {
            free(s);
            return PHISCRUB_ERR_NOMEM;
        }
        sv->v = v;
        sv->cap = cap;
    }
    sv->v[sv->n++] = s;
    return PHISCRUB_OK;
}

phiscrub_status strvec_push(strvec *sv, const char *s) { return strvec_push_owned(sv, xstrdup(s)); }

void strvec_free(strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

void error_set(phiscrub_error *err, const char *file, unsigned line, unsigned col,
               const char *rule_id, const char *fmt, ...)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    if (rule_id)
        snprintf(err->rule_id, sizeof err->rule_id, "%s", rule_id);
    err->line = line;
    err->column = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

phiscrub_status read_file(const char *path, size_t max, char **out, size_t *len,
                          phiscrub_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        error_set(err, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
        return PHISCRUB_ERR_IO;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    phiscrub_status st = buf ? PHISCRUB_OK : PHISCRUB_ERR_NOMEM;
    while (st == PHISCRUB_OK) {
        if (n == cap) {
            if (cap >= max) {
                error_set(err, path, 0, 0, NULL, "file is larger than %zu bytes", max);
                st = PHISCRUB_ERR_LIMIT;
                break;
            }
            cap = cap * 2 > max ? max : cap * 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                st = PHISCRUB_ERR_NOMEM;
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                error_set(err, path, 0, 0, NULL, "read failed: %s", strerror(errno));
                st = PHISCRUB_ERR_IO;
            }
            break;
        }
    }
    fclose(f);
    if (st != PHISCRUB_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return PHISCRUB_OK;
}
