/* bundle.c — `phiscrub bundle IN -o OUT`: a support bundle (a folder or
 * any archive libarchive reads) in, a scrubbed archive (.tar, .tar.gz,
 * .tgz, .zip by OUT's extension) out, with PHISCRUB-REPORT.json last.
 *
 *   reader thread ──► queue (2 x jobs members) ──► N workers ──► this
 *   (walk / libarchive)    input order kept        (scrub)       thread
 *                                                                writes
 * This file holds the run: checks, limits, threads, the writer loop, the
 * commit. Fail closed: any error stops every thread, the temporary output
 * is unlinked and OUT is not created; exit 1 (2 for an unknown OUT type,
 * 3 out of memory). Members that are skipped (symlinks, unsafe paths,
 * unreadable files) or dropped (binaries) do not fail the run: they are
 * listed in the report and counted on stderr. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"
#include "bundle_jobs.h"
#include "bundle_progress.h"
#include "bundle_queue.h"
#include "bundle_report.h"
#include "bundle_writer.h"
#include "signals.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Spooled bytes in memory across all members in flight, before spilling
 * to temporary files; split between the 2 x 2 x jobs spools. */
#define SPOOL_BUDGET (256u << 20)
#define SPOOL_MIN (256u << 10)
#define SPOOL_MAX (8u << 20)
#define DEFAULT_JOBS_MAX 64

bundle_item *bundle_item_new(void)
{
    bundle_item *it = calloc(1, sizeof *it);
    if (it)
        it->fd = -1;
    return it;
}

void bundle_item_free(bundle_item *it)
{
    if (!it)
        return;
    if (it->fd >= 0)
        close(it->fd);
    spool_free(it->in);
    spool_free(it->out);
    free(it->raw_path);
    free(it->path);
    free(it->counts);
    free(it);
}

void bundle_fail(bundle_ctx *c, int exit_code, const char *fmt, ...)
{
    pthread_mutex_lock(&c->lock);
    if (!atomic_load(&c->failed)) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->error, sizeof c->error, fmt, ap);
        va_end(ap);
        c->exit_code = exit_code;
        atomic_store(&c->failed, 1);
    }
    pthread_mutex_unlock(&c->lock);
    if (c->queue)
        queue_abort(c->queue);
}

int bundle_count(bundle_ctx *c, uint64_t n)
{
    uint64_t total = atomic_fetch_add(&c->expanded, n) + n;
    if (total <= c->max_total)
        return 0;
    bundle_fail(c, EXIT_RUNTIME,
                "input expands to more than %llu bytes; refused as a possible archive bomb "
                "(raise --max-total-size to allow it)",
                (unsigned long long)c->max_total);
    return -1;
}

int bundle_check_ratio(bundle_ctx *c, uint64_t in, uint64_t out, const char *what,
                       uint64_t number)
{
    if (out < BUNDLE_RATIO_FLOOR || out / (in ? in : 1) < c->max_ratio)
        return 0;
    bundle_fail(c, EXIT_RUNTIME,
                "member %llu: %s expands more than %llu:1; refused as a possible archive bomb "
                "(raise --max-ratio to allow it)",
                (unsigned long long)number, what, (unsigned long long)c->max_ratio);
    return -1;
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > DEFAULT_JOBS_MAX ? DEFAULT_JOBS_MAX : (int)n;
}

static void summary(const cli_options *opt, const report_totals *t)
{
    if (t->unreadable)
        fprintf(stderr, "phiscrub: warning: %llu members could not be read and were left out\n",
                (unsigned long long)t->unreadable);
    if (opt->quiet)
        return;
    fprintf(stderr,
            "phiscrub: %s: %llu members: %llu scrubbed (%llu masks), %llu binary dropped, "
            "%llu binary kept, %llu corrupt dropped, %llu skipped; see %s\n",
            opt->output, (unsigned long long)t->members, (unsigned long long)t->scrubbed,
            (unsigned long long)t->masks, (unsigned long long)t->binary_dropped,
            (unsigned long long)t->binary_kept, (unsigned long long)t->corrupt,
            (unsigned long long)t->skipped, BUNDLE_REPORT_NAME);
}

/* The main thread's part: members in input order into the archive. */
static void write_members(bundle_ctx *c, bundle_out *out, report *rep)
{
    progress pg;
    progress_init(&pg, c->opt->quiet);
    uint64_t done = 0, bytes = 0;
    char err[512];
    for (;;) {
        int timed_out, closed;
        bundle_item *it = queue_pop(c->queue, 100, &timed_out);
        if (cli_stop_requested)
            bundle_fail(c, EXIT_RUNTIME, "interrupted");
        if (!it && !timed_out)
            break;
        if (it && !bundle_failed(c)) {
            if (bundle_out_member(out, it, err, sizeof err))
                bundle_fail(c, EXIT_RUNTIME, "%s", err);
            else if ((errno = report_member(rep, it)) != 0)
                bundle_fail(c, EXIT_RUNTIME, "writing the report: %s", strerror(errno));
            done++;
            bytes += it->bytes_in;
        }
        bundle_item_free(it);
        uint64_t seen = queue_pushed(c->queue, &closed);
        progress_update(&pg, done, seen, closed, bytes);
    }
    progress_end(&pg);
}

static int finish(bundle_ctx *c, bundle_out *out, report *rep)
{
    char err[512];
    int e = 0;
    spool *doc = report_finish(rep, &e);
    const report_totals *t = report_get_totals(rep);
    if (!doc) {
        bundle_out_abort(out);
        bundle_fail(c, EXIT_RUNTIME, "writing the report: %s", strerror(e));
        return -1;
    }
    if (bundle_out_file(out, BUNDLE_REPORT_NAME, 0644, t->newest_mtime, doc, err, sizeof err)) {
        bundle_out_abort(out);
        bundle_fail(c, EXIT_RUNTIME, "%s", err);
        return -1;
    }
    if (bundle_out_commit(out, err, sizeof err)) { /* frees out either way */
        bundle_fail(c, EXIT_RUNTIME, "%s", err);
        return -1;
    }
    summary(c->opt, t);
    return 0;
}

static int setup(bundle_ctx *c, const cli_options *opt, const phiscrub_rules *rules)
{
    memset(c, 0, sizeof *c);
    c->opt = opt;
    c->rules = rules;
    c->ncategories = phiscrub_rules_category_count(rules);
    c->max_members = opt->max_members ? opt->max_members : BUNDLE_MAX_MEMBERS;
    c->max_total = opt->max_total_size ? opt->max_total_size : BUNDLE_MAX_TOTAL;
    c->max_ratio = opt->max_ratio ? opt->max_ratio : BUNDLE_MAX_RATIO;
    pthread_mutex_init(&c->lock, NULL);
    int jobs = opt->jobs ? opt->jobs : default_jobs();
    size_t spools = 4 * (size_t)jobs; /* in and out, for 2 x jobs members */
    size_t mem = SPOOL_BUDGET / spools;
    c->spool_mem = mem < SPOOL_MIN ? SPOOL_MIN : mem > SPOOL_MAX ? SPOOL_MAX : mem;
    c->queue = queue_new(2 * (size_t)jobs);
    return jobs;
}

int run_bundle(const cli_options *opt, const phiscrub_rules *rules)
{
    const char *in = opt->inputs[0];
    int format = bundle_out_format(opt->output);
    if (format < 0) {
        cli_error(opt->output, "unknown output type; use .tar, .tar.gz, .tgz or .zip");
        return EXIT_USAGE;
    }
    struct stat st;
    if (stat(in, &st) != 0) {
        cli_error(in, strerror(errno));
        return EXIT_RUNTIME;
    }
    /* libarchive retries reads on EINTR: a pipe that never ends could not
     * be interrupted, so IN must be a folder or a file. */
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
        cli_error(in, "not a folder or an archive file");
        return EXIT_USAGE;
    }
    bundle_ctx c;
    int jobs = setup(&c, opt, rules);
    c.input_is_dir = S_ISDIR(st.st_mode);
    char err[512];
    bundle_out *out = NULL;
    report *rep = NULL;
    if (!c.queue || !(rep = report_new(&c)))
        bundle_fail(&c, EXIT_INTERNAL, "%s", strerror(ENOMEM));
    else if (!(out = bundle_out_open(opt->output, format, err, sizeof err)))
        bundle_fail(&c, EXIT_RUNTIME, "%s", err);
    else
        bundle_out_identity(out, &c.skip_dev, &c.skip_ino);
    bundle_jobs *workers = bundle_failed(&c) ? NULL : jobs_start(&c, jobs);
    pthread_t reader;
    int reading = workers && pthread_create(&reader, NULL, bundle_reader_main, &c) == 0;
    if (workers && !reading)
        bundle_fail(&c, EXIT_INTERNAL, "cannot start the reader thread");
    if (reading)
        write_members(&c, out, rep);
    if (reading)
        pthread_join(reader, NULL);
    if (workers && !reading)
        queue_abort(c.queue);
    jobs_join(workers);
    if (!bundle_failed(&c))
        finish(&c, out, rep);
    else
        bundle_out_abort(out);
    report_free(rep);
    queue_free(c.queue);
    pthread_mutex_destroy(&c.lock);
    if (bundle_failed(&c)) {
        cli_error("bundle", c.error);
        return c.exit_code;
    }
    return EXIT_OK;
}
