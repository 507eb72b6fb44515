/* bundle_jobs.c — N worker threads, each with its own phiscrub streams
 * (one for content, one for names): rules are shared, streams never are.
 * A worker processes whole members, so the result of a member does not
 * depend on which worker took it, and -j 1 and -j 8 write the same bytes.
 *
 * The worker releases a member's input (descriptor, spooled bytes) as
 * soon as it is done with it, so memory and descriptors are held only by
 * the members in flight, not by finished ones waiting for the writer. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_jobs.h"
#include "bundle_content.h"
#include "bundle_names.h"
#include "bundle_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    bundle_ctx *c;
    content *ct;
    names *nm;
    pthread_t thread;
    int started;
} worker;

struct bundle_jobs {
    worker *w;
    int n;
};

static int append(char **r, size_t *used, size_t *cap, const char *s, size_t n)
{
    if (*used + n + 1 > *cap) {
        size_t c = (*used + n + 1) * 2;
        char *p = realloc(*r, c);
        if (!p)
            return -1;
        *r = p;
        *cap = c;
    }
    memcpy(*r + *used, s, n);
    *used += n;
    (*r)[*used] = 0;
    return 0;
}

/* The report path of a member never written (absolute or with ".."): each
 * component scrubbed, while "/" and ".." stay visible. */
static char *unsafe_path(names *nm, const char *raw, phiscrub_status *st)
{
    size_t len = strlen(raw), used = 0, cap = 0;
    char *r = NULL;
    *st = PHISCRUB_OK;
    int bad = append(&r, &used, &cap, "", 0);
    for (size_t i = 0; !bad && i <= len;) {
        size_t j = i;
        while (j < len && raw[j] != '/')
            j++;
        char *comp = strndup(raw + i, j - i), *s = NULL;
        int changed;
        if (comp && (j == i || !strcmp(comp, ".") || !strcmp(comp, "..")))
            s = strdup(comp);
        else if (comp)
            s = names_scrub(nm, comp, &changed, st);
        bad = !s || append(&r, &used, &cap, s, strlen(s)) ||
              (j < len && append(&r, &used, &cap, "/", 1));
        free(comp);
        free(s);
        i = j + 1;
    }
    if (bad) {
        free(r);
        if (*st == PHISCRUB_OK)
            *st = PHISCRUB_ERR_NOMEM;
        return NULL;
    }
    return r;
}

static void process(worker *w, bundle_item *it)
{
    bundle_ctx *c = w->c;
    phiscrub_status st;
    it->path = it->kind == BK_UNSAFE ? unsafe_path(w->nm, it->raw_path, &st)
                                     : names_scrub(w->nm, it->raw_path, &it->path_changed, &st);
    if (!it->path) {
        bundle_fail(c, st == PHISCRUB_ERR_NOMEM ? EXIT_INTERNAL : EXIT_RUNTIME,
                    "member %llu: scrubbing its name failed: %s",
                    (unsigned long long)it->number, phiscrub_strerror(st));
        return;
    }
    switch (it->kind) {
    case BK_FILE: content_process(w->ct, it); break;
    case BK_DIR: it->status = BS_DIRECTORY; break;
    case BK_SYMLINK: it->status = BS_SKIPPED_SYMLINK; break;
    case BK_HARDLINK: it->status = BS_SKIPPED_HARDLINK; break;
    case BK_SPECIAL: it->status = BS_SKIPPED_SPECIAL; break;
    case BK_UNSAFE: it->status = BS_SKIPPED_UNSAFE; break;
    case BK_UNREADABLE: it->status = BS_SKIPPED_UNREADABLE; break;
    }
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    bundle_item *it;
    while ((it = queue_take(w->c->queue)) != NULL) {
        if (!bundle_failed(w->c))
            process(w, it);
        if (it->fd >= 0)
            close(it->fd);
        it->fd = -1;
        spool_free(it->in);
        it->in = NULL;
        queue_done(w->c->queue, it);
    }
    return NULL;
}

bundle_jobs *jobs_start(bundle_ctx *c, int n)
{
    bundle_jobs *j = calloc(1, sizeof *j);
    if (j)
        j->w = calloc((size_t)n, sizeof *j->w);
    if (!j || !j->w) {
        free(j);
        bundle_fail(c, EXIT_INTERNAL, "cannot start the workers: %s", strerror(ENOMEM));
        return NULL;
    }
    j->n = n;
    phiscrub_status st = PHISCRUB_OK;
    for (int i = 0; i < n && st == PHISCRUB_OK; i++) {
        j->w[i].c = c;
        j->w[i].ct = content_new(c, &st);
        if (st == PHISCRUB_OK)
            j->w[i].nm = names_new(c->rules, &st);
    }
    if (st != PHISCRUB_OK) {
        bundle_fail(c, st == PHISCRUB_ERR_NOMEM ? EXIT_INTERNAL : EXIT_RUNTIME,
                    "cannot start the workers: %s", phiscrub_strerror(st));
        jobs_join(j);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (pthread_create(&j->w[i].thread, NULL, worker_main, &j->w[i]) != 0) {
            bundle_fail(c, EXIT_INTERNAL, "cannot start worker thread %d", i + 1);
            jobs_join(j);
            return NULL;
        }
        j->w[i].started = 1;
    }
    return j;
}

void jobs_join(bundle_jobs *j)
{
    if (!j)
        return;
    for (int i = 0; i < j->n; i++) {
        if (j->w[i].started)
            pthread_join(j->w[i].thread, NULL);
        content_free(j->w[i].ct);
        names_free(j->w[i].nm);
    }
    free(j->w);
    free(j);
}
