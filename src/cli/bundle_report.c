/* bundle_report.c — the manifest, as JSON:
 *
 *   {"report": "phiscrub-bundle/1", "phiscrub_version": "0.1.0",
 *    "input": "folder" | "archive", "keep_binary": false,
 *    "limits": {"max_members": N, "max_total_size": N, "max_ratio": N},
 *    "members": [
 *      {"path": "exports/NAME_2024.csv", "status": "scrubbed",
 *       "path_scrubbed": true, "gzip": false, "bytes_in": N,
 *       "bytes_out": N, "counts": {"EMAIL": 3, "NAME": 1}}, ...],
 *    "totals": {"members": N, "scrubbed": N, "binary_dropped": N, ...,
 *               "counts": {...}}}
 *
 * One member per input entry, in input order. Paths are the scrubbed
 * ones, as written in the archive; matched text never appears, only
 * counts. Nothing depends on the clock, so a run is reproducible. The
 * document is built in a spool, so a bundle of 100,000 members does not
 * hold its report in memory. Bytes that are not valid UTF-8 in a path are
 * written as \u00XX escapes, so the file is always valid JSON. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct report {
    const bundle_ctx *c;
    spool *s;
    int err;
    size_t members;
    uint64_t *counts; /* per category, over all members */
    report_totals t;
};

const char *bundle_status_name(bundle_status s)
{
    switch (s) {
    case BS_SCRUBBED: return "scrubbed";
    case BS_BINARY_DROPPED: return "binary-dropped";
    case BS_BINARY_KEPT: return "binary-kept";
    case BS_CORRUPT_DROPPED: return "corrupt-dropped";
    case BS_DIRECTORY: return "directory";
    case BS_SKIPPED_SYMLINK: return "skipped-symlink";
    case BS_SKIPPED_HARDLINK: return "skipped-hardlink";
    case BS_SKIPPED_SPECIAL: return "skipped-special";
    case BS_SKIPPED_UNSAFE: return "skipped-unsafe-path";
    case BS_SKIPPED_UNREADABLE: return "skipped-unreadable";
    }
    return "unknown";
}

static void put(report *r, const char *s, size_t n)
{
    if (!r->err)
        r->err = spool_write(r->s, s, n);
}

static void puts_(report *r, const char *s) { put(r, s, strlen(s)); }

static void putf(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(report *r, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(r, buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    size_t len = p[0] >= 0xc2 && p[0] <= 0xdf ? 2 : p[0] >= 0xe0 && p[0] <= 0xef ? 3
               : p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

static void put_string(report *r, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    puts_(r, "\"");
    for (size_t i = 0; i < n;) {
        size_t run = i;
        while (run < n && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
            run++;
        put(r, s + i, run - i);
        if ((i = run) >= n)
            break;
        size_t u = p[i] >= 0x80 ? utf8_len(p + i, n - i) : 0;
        if (u) {
            put(r, s + i, u);
            i += u;
        } else if (p[i] == '"' || p[i] == '\\') {
            putf(r, "\\%c", p[i++]);
        } else
            putf(r, "\\u%04x", p[i++]);
    }
    puts_(r, "\"");
}

static void put_counts(report *r, const uint64_t *counts)
{
    puts_(r, "{");
    int first = 1;
    for (size_t i = 0; counts && i < r->c->ncategories; i++) {
        if (!counts[i])
            continue;
        puts_(r, first ? "" : ", ");
        put_string(r, phiscrub_rules_category_name(r->c->rules, i));
        putf(r, ": %llu", (unsigned long long)counts[i]);
        first = 0;
    }
    puts_(r, "}");
}

report *report_new(const bundle_ctx *c)
{
    report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->c = c;
    r->s = spool_new(1u << 20);
    r->counts = calloc(c->ncategories + 1, sizeof *r->counts);
    if (!r->s || !r->counts) {
        report_free(r);
        return NULL;
    }
    putf(r, "{\n  \"report\": \"phiscrub-bundle/1\",\n  \"phiscrub_version\": \"%s\",\n",
         PHISCRUB_VERSION_STRING);
    putf(r, "  \"input\": \"%s\",\n  \"keep_binary\": %s,\n", c->input_is_dir ? "folder" : "archive",
         c->opt->keep_binary ? "true" : "false");
    putf(r, "  \"limits\": {\"max_members\": %llu, \"max_total_size\": %llu, \"max_ratio\": %llu},\n",
         (unsigned long long)c->max_members, (unsigned long long)c->max_total,
         (unsigned long long)c->max_ratio);
    puts_(r, "  \"members\": [");
    return r;
}

void report_free(report *r)
{
    if (!r)
        return;
    spool_free(r->s);
    free(r->counts);
    free(r);
}

int report_member(report *r, const bundle_item *it)
{
    report_totals *t = &r->t;
    puts_(r, r->members++ ? ",\n    {\"path\": " : "\n    {\"path\": ");
    put_string(r, it->path ? it->path : "");
    putf(r, ", \"status\": \"%s\"", bundle_status_name(it->status));
    if (it->kind == BK_FILE) {
        putf(r, ", \"path_scrubbed\": %s, \"gzip\": %s, \"bytes_in\": %llu, \"bytes_out\": %llu",
             it->path_changed ? "true" : "false", it->gzip ? "true" : "false",
             (unsigned long long)it->bytes_in, (unsigned long long)it->bytes_out);
        if (it->status == BS_SCRUBBED) {
            puts_(r, ", \"counts\": ");
            put_counts(r, it->counts);
        }
    } else if (it->path_changed)
        puts_(r, ", \"path_scrubbed\": true");
    puts_(r, "}");
    t->members++;
    t->bytes_in += it->bytes_in;
    t->bytes_out += it->bytes_out;
    switch (it->status) {
    case BS_SCRUBBED: t->scrubbed++; break;
    case BS_BINARY_DROPPED: t->binary_dropped++; break;
    case BS_BINARY_KEPT: t->binary_kept++; break;
    case BS_CORRUPT_DROPPED: t->corrupt++; break;
    case BS_DIRECTORY: break;
    case BS_SKIPPED_UNREADABLE: t->unreadable++; t->skipped++; break;
    default: t->skipped++; break;
    }
    for (size_t i = 0; it->counts && i < r->c->ncategories; i++) {
        r->counts[i] += it->counts[i];
        t->masks += it->counts[i];
    }
    if ((it->status == BS_DIRECTORY || it->out) && it->mtime > t->newest_mtime)
        t->newest_mtime = it->mtime;
    return r->err;
}

spool *report_finish(report *r, int *err)
{
    const report_totals *t = &r->t;
    puts_(r, r->members ? "\n  ],\n" : "],\n");
    putf(r, "  \"totals\": {\"members\": %llu, \"scrubbed\": %llu, \"binary_dropped\": %llu, ",
         (unsigned long long)t->members, (unsigned long long)t->scrubbed,
         (unsigned long long)t->binary_dropped);
    putf(r, "\"binary_kept\": %llu, \"corrupt_dropped\": %llu, \"skipped\": %llu, ",
         (unsigned long long)t->binary_kept, (unsigned long long)t->corrupt,
         (unsigned long long)t->skipped);
    putf(r, "\"bytes_in\": %llu, \"bytes_out\": %llu, \"masks\": %llu, \"counts\": ",
         (unsigned long long)t->bytes_in, (unsigned long long)t->bytes_out,
         (unsigned long long)t->masks);
    put_counts(r, r->counts);
    puts_(r, "}\n}\n");
    *err = r->err;
    return r->err ? NULL : r->s;
}

const report_totals *report_get_totals(const report *r) { return &r->t; }
