/* rsyslog_omprog.c — `phiscrub -o FILE --rsyslog-omprog`: an rsyslog
 * omprog output program (plugins/external/INTERFACE.md, plugins/omprog/
 * omprog.c as of v8.2302.0) that writes each message, redacted, to FILE.
 *
 * The same code serves every omprog setting, because what rsyslog expects
 * can be read from what it sends:
 *   confirmMessages="on": stdout is rsyslog's status pipe. "OK" once ready,
 *     then one status line per line received. A message's "OK" is sent only
 *     after it is durably written (write + fsync); anything else makes
 *     rsyslog retry it. Slow steps send keep-alive dots (keepalive.c).
 *   confirmMessages="off": stdout is /dev/null (or omprog's `output` file);
 *     the same lines are written and nobody reads them.
 *   useTransactions="on": "BEGIN TRANSACTION" is answered "OK", messages
 *     "DEFER_COMMIT" (written, not yet synced), "COMMIT TRANSACTION" "OK"
 *     after one fsync for the whole batch. Default marks only.
 * Status lines never contain message text. FILE is always appended to:
 * rsyslog restarts the program after errors and idle periods, and each
 * start must not truncate what earlier ones wrote. SIGHUP (hup.signal="HUP")
 * reopens FILE by name for logrotate.
 *
 * After a write or fsync error the output is dropped and reopened before
 * the next message or transaction; until then every status is an error, so
 * rsyslog keeps the messages and retries them. Inside a transaction, one
 * error fails the rest of it, so a COMMIT is never confirmed for a batch
 * whose deferred messages were lost. */
#define _POSIX_C_SOURCE 200809L
#include "bytebuf.h"
#include "cli.h"
#include "daemon_log.h"
#include "keepalive.h"
#include "line_reader.h"
#include "output.h"
#include "signals.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_BUFFER (64u << 10)
#define DOT_INTERVAL_MS 1000 /* rsyslog's confirmTimeout is 10 s by default */

static const char begin_mark[] = "BEGIN TRANSACTION";
static const char commit_mark[] = "COMMIT TRANSACTION";

/* Pending status lines, one byte each, sent together once the batch of
 * lines already received is handled (one line per batch when rsyslog
 * waits for each status; many when it does not). */
enum { ST_OK = 'K', ST_OK_DURABLE = 'D', ST_DEFER = 'F', ST_ERROR = 'E' };

typedef struct {
    const cli_options *opt;
    output *out;             /* NULL after a failure until reopened */
    phiscrub_stream *stream;
    bool in_txn, txn_failed;
    bool in_line;            /* a message line is being received */
    bool line_failed;
    bytebuf status;          /* pending ST_* codes */
    bool need_sync;
    char error[160];         /* why the last ST_ERROR; never message text */
} omp;

static phiscrub_status to_output(void *ctx, const char *data, size_t len)
{
    omp *m = ctx;
    return m->out ? output_sink(m->out, data, len) : PHISCRUB_ERR_IO;
}

/* Records why the next statuses are errors. drop_output: the output is
 * closed (its unconfirmed bytes are rsyslog's to resend) and reopened
 * before the next message. */
static void fail(omp *m, const char *what, const char *why, bool drop_output)
{
    snprintf(m->error, sizeof m->error, "%s: %s", what, why);
    daemon_log_error(what, why);
    if (drop_output && m->out) {
        output_close(m->out);
        m->out = NULL;
    }
    if (m->in_txn)
        m->txn_failed = true;
}

/* A stream call failed: because the output did, or in redaction itself. */
static void stream_failed(omp *m, phiscrub_status st)
{
    int err = m->out ? output_error(m->out) : 0;
    if (err)
        fail(m, "cannot write output", strerror(err), true);
    else
        fail(m, "redaction failed", phiscrub_strerror(st), false);
    m->line_failed = true;
}

static int open_output(omp *m)
{
    int err = output_open(&m->out, m->opt->output, 1, m->opt->gzip_out);
    if (err) {
        m->out = NULL;
        fail(m, "cannot open output", strerror(err), false);
        return -1;
    }
    return 0;
}

/* Before a message or a transaction: honour SIGHUP, recover from an
 * earlier failure. Returns 0 when the output is usable. */
static int ready_output(omp *m)
{
    if (cli_reopen_requested && m->out) {
        cli_reopen_requested = 0;
        int err = output_sync(m->out); /* what went to the old file must be durable too */
        if (!err)
            err = output_reopen(m->out);
        if (err) {
            fail(m, "cannot reopen output", strerror(err), true);
            return -1;
        }
        daemon_log_notice("output reopened", "SIGHUP");
    }
    cli_reopen_requested = 0;
    if (!m->out && open_output(m) != 0)
        return -1;
    return 0;
}

static void add_status(omp *m, char code)
{
    if (code == ST_OK_DURABLE)
        m->need_sync = true;
    if (bytebuf_append(&m->status, &code, 1)) {
        /* Out of memory for one byte: nothing sensible remains; rsyslog
         * retries whatever it has not seen confirmed. */
        daemon_log_error("omprog", "out of memory");
        exit(EXIT_INTERNAL);
    }
}

/* Makes the batch durable when a status promises it, then sends the
 * statuses. */
static void send_statuses(omp *m)
{
    if (m->need_sync) {
        keepalive_busy();
        int err = m->out ? output_sync(m->out) : EIO;
        if (err)
            fail(m, "cannot write output", strerror(err), true);
        for (size_t i = 0; err && i < m->status.len; i++)
            if (m->status.data[i] == ST_OK_DURABLE)
                m->status.data[i] = ST_ERROR;
        m->need_sync = false;
    }
    bytebuf text = {0};
    for (size_t i = 0; i < m->status.len; i++) {
        const char *s = m->status.data[i] == ST_DEFER ? "DEFER_COMMIT\n" : "OK\n";
        int bad = m->status.data[i] != ST_ERROR
                      ? bytebuf_append(&text, s, strlen(s))
                      : bytebuf_append(&text, "ERROR ", 6) ||
                            bytebuf_append(&text, m->error, strlen(m->error)) ||
                            bytebuf_append(&text, "\n", 1);
        if (bad) { /* out of memory: rsyslog retries what stays unconfirmed */
            daemon_log_error("omprog", "out of memory");
            break;
        }
    }
    if (text.len)
        keepalive_reply(text.data, text.len);
    bytebuf_free(&text);
    bytebuf_clear(&m->status, 1u << 16);
}

static bool is_mark(const char *data, size_t len, const char *mark)
{
    return len == strlen(mark) && memcmp(data, mark, len) == 0;
}

static void start_line(omp *m)
{
    m->in_line = true;
    keepalive_busy(); /* a long message may take a while to write */
    m->line_failed = m->txn_failed || ready_output(m) != 0;
    if (!m->line_failed)
        phiscrub_stream_reset(m->stream); /* clears a failure of an earlier message */
}

static void end_line(omp *m, bool newline)
{
    if (!m->line_failed) {
        phiscrub_status st = newline ? phiscrub_stream_write(m->stream, "\n", 1) : PHISCRUB_OK;
        if (st == PHISCRUB_OK)
            st = newline ? phiscrub_stream_flush(m->stream) : phiscrub_stream_finish(m->stream);
        if (st != PHISCRUB_OK)
            stream_failed(m, st);
    }
    if (m->line_failed)
        add_status(m, ST_ERROR);
    else
        add_status(m, m->in_txn ? ST_DEFER : ST_OK_DURABLE);
    m->in_line = false;
}

static void segment(omp *m, const char *data, size_t len, unsigned flags)
{
    if (!m->in_line && (flags & LINE_END)) {
        if (is_mark(data, len, begin_mark)) {
            m->in_txn = true;
            m->txn_failed = false;
            add_status(m, ready_output(m) == 0 ? ST_OK : ST_ERROR);
            return;
        }
        if (is_mark(data, len, commit_mark)) {
            bool ok = m->in_txn && !m->txn_failed && m->out;
            if (!ok && !m->error[0])
                snprintf(m->error, sizeof m->error, "commit without a transaction");
            m->in_txn = m->txn_failed = false;
            add_status(m, ok ? ST_OK_DURABLE : ST_ERROR);
            return;
        }
    }
    if (!m->in_line)
        start_line(m);
    if (!m->line_failed) {
        phiscrub_status st = phiscrub_stream_write(m->stream, data, len);
        if (st != PHISCRUB_OK)
            stream_failed(m, st);
    }
    if (flags & LINE_END)
        end_line(m, (flags & LINE_NEWLINE) != 0);
}

int run_omprog(const cli_options *opt, const phiscrub_rules *rules)
{
    static char read_buffer[READ_BUFFER];
    omp m;
    memset(&m, 0, sizeof m);
    m.opt = opt;
    if (strcmp(opt->output, "-") == 0) { /* stdout carries the status lines */
        daemon_log_error("--rsyslog-omprog", "-o must name a file, not standard output");
        fputs("ERROR -o must name a file\n", stdout);
        return EXIT_USAGE;
    }
    keepalive_start(STDOUT_FILENO, DOT_INTERVAL_MS);
    phiscrub_stream_options so = {.buffer_size = opt->buffer_size};
    phiscrub_status st = phiscrub_stream_new(rules, &so, to_output, &m, &m.stream);
    if (st != PHISCRUB_OK) {
        daemon_log_error("omprog: cannot start", phiscrub_strerror(st));
        keepalive_reply("ERROR cannot start\n", 19);
        keepalive_stop();
        return EXIT_INTERNAL;
    }
    if (open_output(&m) != 0) {
        char line[200];
        int n = snprintf(line, sizeof line, "ERROR %s\n", m.error);
        keepalive_reply(line, (size_t)n);
        keepalive_stop();
        phiscrub_stream_free(m.stream);
        return EXIT_RUNTIME;
    }
    m.error[0] = '\0';
    keepalive_reply("OK\n", 3); /* ready */

    line_reader r;
    line_reader_init(&r, STDIN_FILENO, read_buffer, sizeof read_buffer);
    int rc = EXIT_OK;
    for (;;) {
        if (!line_reader_ready(&r) && m.status.len)
            send_statuses(&m); /* before we may block: rsyslog may be waiting */
        const char *data;
        size_t len;
        unsigned flags;
        int k = line_reader_next(&r, &data, &len, &flags);
        if (k == 0)
            break;
        if (k == 2) { /* SIGHUP while idle: reopen now, not at the next message */
            if (!m.in_line)
                ready_output(&m);
            continue;
        }
        if (k < 0) {
            daemon_log_error("omprog: read error", strerror(errno));
            rc = EXIT_RUNTIME;
            break;
        }
        segment(&m, data, len, flags);
    }
    /* End of input (rsyslog closed the pipe) or SIGTERM (signalOnClose):
     * everything written so far is made durable before exiting. */
    m.need_sync = m.out != NULL;
    send_statuses(&m);
    keepalive_stop();
    int err = m.out ? output_close(m.out) : 0;
    if (err) {
        daemon_log_error("cannot write output", strerror(err));
        rc = EXIT_RUNTIME;
    }
    phiscrub_stream_free(m.stream);
    bytebuf_free(&m.status);
    if (cli_stop_requested)
        daemon_log_notice("omprog", "stopped by signal");
    return rc;
}
