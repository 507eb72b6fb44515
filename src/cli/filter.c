/* filter.c — the shell-pipe mode: inputs (or stdin) through one stream to
 * the output, like cat. Inputs are concatenated as cat would. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "input.h"
#include "output.h"
#include "signals.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define READ_CHUNK (256u << 10)

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The output's errno when it caused the failure, else the stream status. */
static int report_stream_error(output *out, phiscrub_status st)
{
    if (output_error(out)) {
        cli_error("write error", strerror(output_error(out)));
        return EXIT_RUNTIME;
    }
    cli_error("redaction failed", phiscrub_strerror(st));
    return st == PHISCRUB_ERR_NOMEM ? EXIT_INTERNAL : EXIT_RUNTIME;
}

static int pump(const cli_options *opt, const char *path, phiscrub_stream *s, output *out,
                char *buf)
{
    input *in;
    int err = input_open(&in, path);
    const char *name = path && strcmp(path, "-") ? path : "standard input";
    if (err) {
        cli_error(name, strerror(err));
        return EXIT_RUNTIME;
    }
    int rc = EXIT_OK;
    bool flush_each = opt->line_buffered || input_is_live(in);
    for (;;) {
        ssize_t k = input_read(in, buf, READ_CHUNK);
        if (k < 0) {
            cli_error(name, input_error_text(in));
            rc = EXIT_RUNTIME;
            break;
        }
        if (k == 0)
            break;
        /* Reopen before writing what just arrived: after logrotate moved
         * the file and sent SIGHUP, this data belongs in the new one. */
        if (cli_reopen_requested) {
            cli_reopen_requested = 0;
            if (output_reopen(out)) {
                rc = report_stream_error(out, PHISCRUB_ERR_IO);
                break;
            }
        }
        phiscrub_status st = phiscrub_stream_write(s, buf, (size_t)k);
        if (st == PHISCRUB_OK && flush_each)
            st = phiscrub_stream_flush(s);
        if (st != PHISCRUB_OK) {
            rc = report_stream_error(out, st);
            break;
        }
        if (flush_each && output_flush(out)) {
            rc = report_stream_error(out, PHISCRUB_ERR_IO);
            break;
        }
    }
    input_close(in);
    return rc;
}

int run_filter(const cli_options *opt, const phiscrub_rules *rules)
{
    output *out;
    int err = output_open(&out, opt->output, opt->append, opt->gzip_out);
    if (err) {
        cli_error(opt->output ? opt->output : "standard output", strerror(err));
        return EXIT_RUNTIME;
    }
    phiscrub_stream *s = NULL;
    phiscrub_stream_options so = {.buffer_size = opt->buffer_size};
    phiscrub_status st = phiscrub_stream_new(rules, &so, output_sink, out, &s);
    char *buf = malloc(READ_CHUNK);
    if (st != PHISCRUB_OK || !buf) {
        cli_error("cannot start", phiscrub_strerror(st ? st : PHISCRUB_ERR_NOMEM));
        free(buf);
        phiscrub_stream_free(s);
        output_close(out);
        return EXIT_INTERNAL;
    }
    double t0 = now();
    int rc = EXIT_OK;
    if (opt->ninputs == 0)
        rc = pump(opt, NULL, s, out, buf);
    for (int i = 0; i < opt->ninputs && rc == EXIT_OK && !cli_stop_requested; i++)
        rc = pump(opt, opt->inputs[i], s, out, buf);
    if (rc == EXIT_OK) {
        st = phiscrub_stream_finish(s);
        if (st != PHISCRUB_OK)
            rc = report_stream_error(out, st);
    }
    /* On failure nothing more reaches the output: the stream is failed and
     * what is buffered in `out` was redacted before the failure point. */
    err = output_close(out);
    if (err && rc == EXIT_OK) {
        cli_error("write error", strerror(err));
        rc = EXIT_RUNTIME;
    }
    if (opt->stats)
        print_stats(rules, s, now() - t0);
    phiscrub_stream_free(s);
    free(buf);
    return rc;
}
