/* rsyslog_mmexternal.c — `phiscrub --rsyslog-mmexternal[=msg|fulljson]`:
 * an rsyslog external message-modification helper (plugins/external/
 * INTERFACE.md, plugins/mmexternal/mmexternal.c as of v8.2302.0).
 *
 * rsyslog writes one message per line and blocks reading our reply: one
 * JSON line, `{}` for "unchanged" or `{"msg":"..."}` for a new msg. When
 * the helper dies (EOF: rsyslog fakes `{}`), stalls (rsyslog waits
 * forever), or answers with non-JSON (rsyslog logs "mmexternal: invalid
 * reply" and keeps the message unchanged), the original, unredacted message
 * moves on. Hence the rules of this file: exactly one reply per input line,
 * written at once; never exit before EOF; never write a diagnostic to
 * stdout or stderr (rsyslog merges both into the reply stream); on any
 * failure answer that message with a fully masked msg and go on. */
#define _POSIX_C_SOURCE 200809L
#include "bytebuf.h"
#include "cli.h"
#include "fd_io.h"
#include "daemon_log.h"
#include "json_msg.h"
#include "line_reader.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

/* A message longer than this is answered with the failure reply; rsyslog's
 * own maxMessageSize is far smaller in any sane configuration. */
#define MAX_MESSAGE (16u << 20)
/* Buffers that grew past this are released after their message. */
#define KEEP_BYTES (1u << 20)
#define READ_BUFFER (64u << 10)

static const char failed_reply[] = "{\"msg\":\"[REDACTION-FAILED]\"}\n";
static char read_buffer[READ_BUFFER];

typedef struct {
    phiscrub_stream *stream; /* NULL: no rules; every message gets the failure reply */
    bool fulljson;
    bytebuf line;     /* the message line as received */
    bool overlong;    /* line passed MAX_MESSAGE (or memory ran out) */
    bytebuf msg;      /* fulljson: the decoded msg */
    bytebuf scrubbed; /* the stream's output for this message */
    bytebuf replies;  /* answered, not yet written */
    bool stdout_gone;
} mmx;

static void flush_replies(mmx *m)
{
    if (m->replies.len && !m->stdout_gone && fd_write_all(STDOUT_FILENO, m->replies.data, m->replies.len)) {
        daemon_log_error("mmexternal: cannot write replies", strerror(errno));
        m->stdout_gone = true; /* rsyslog is gone; EOF on stdin follows */
    }
    bytebuf_clear(&m->replies, KEEP_BYTES);
}

static void reply_failed(mmx *m, const char *why)
{
    daemon_log_error("mmexternal: message answered as [REDACTION-FAILED]", why);
    if (bytebuf_append(&m->replies, failed_reply, sizeof failed_reply - 1)) {
        flush_replies(m); /* out of memory: the static reply still goes out */
        if (!m->stdout_gone && fd_write_all(STDOUT_FILENO, failed_reply, sizeof failed_reply - 1))
            m->stdout_gone = true;
    }
}

static void reply_unchanged(mmx *m)
{
    if (bytebuf_append(&m->replies, "{}\n", 3))
        reply_failed(m, "out of memory");
}

static phiscrub_status collect(void *ctx, const char *data, size_t len)
{
    return bytebuf_append(ctx, data, len) ? PHISCRUB_ERR_LIMIT : PHISCRUB_OK;
}

/* Exactly one reply for the message in m->line. */
static void answer(mmx *m)
{
    const char *text = m->line.data ? m->line.data : "";
    size_t len = m->line.len;
    if (m->overlong) {
        reply_failed(m, "message too long");
        return;
    }
    if (!m->stream) {
        reply_failed(m, "no rules loaded");
        return;
    }
    if (m->fulljson) {
        switch (json_msg_extract(text, len, &m->msg)) {
        case JSON_MSG_FOUND:
            text = m->msg.data ? m->msg.data : "";
            len = m->msg.len;
            break;
        case JSON_MSG_ABSENT: reply_unchanged(m); return;
        case JSON_MSG_BAD: reply_failed(m, "input is not a JSON object with a string msg"); return;
        case JSON_MSG_NOMEM: reply_failed(m, "message too long"); return;
        }
    }
    phiscrub_stream_reset(m->stream);
    bytebuf_clear(&m->scrubbed, KEEP_BYTES);
    phiscrub_status st = phiscrub_stream_write(m->stream, text, len);
    if (st == PHISCRUB_OK)
        st = phiscrub_stream_finish(m->stream);
    if (st != PHISCRUB_OK) {
        reply_failed(m, phiscrub_strerror(st));
        return;
    }
    if (m->scrubbed.len == len && (len == 0 || memcmp(m->scrubbed.data, text, len) == 0)) {
        reply_unchanged(m);
        return;
    }
    size_t mark = m->replies.len;
    if (bytebuf_append(&m->replies, "{\"msg\":", 7) ||
        json_encode_string(&m->replies, m->scrubbed.data ? m->scrubbed.data : "", m->scrubbed.len) ||
        bytebuf_append(&m->replies, "}\n", 2)) {
        m->replies.len = mark;
        reply_failed(m, "out of memory");
    }
}

static void next_message(mmx *m)
{
    bytebuf_clear(&m->line, KEEP_BYTES);
    bytebuf_clear(&m->msg, KEEP_BYTES);
    bytebuf_clear(&m->scrubbed, KEEP_BYTES);
    m->overlong = false;
}

int mmexternal_prepare(int argc, char **argv)
{
    bool wanted = false;
    for (int i = 1; i < argc && !wanted; i++)
        wanted = strncmp(argv[i], "--rsyslog-mmexternal", 20) == 0 &&
                 (argv[i][20] == '\0' || argv[i][20] == '=');
    if (!wanted)
        return 0;
    int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        dup2(fd, STDERR_FILENO);
        if (fd != STDERR_FILENO)
            close(fd);
    } else {
        close(STDERR_FILENO); /* a write to a closed fd fails quietly */
    }
    return 1;
}

int run_mmexternal(const cli_options *opt, const phiscrub_rules *rules)
{
    mmx m;
    memset(&m, 0, sizeof m);
    m.fulljson = opt && opt->mmexternal_fulljson;
    m.line.limit = MAX_MESSAGE;
    m.msg.limit = MAX_MESSAGE;
    m.scrubbed.limit = 4 * (size_t)MAX_MESSAGE; /* masks may be longer than what they cover */
    if (rules) {
        phiscrub_stream_options so = {.buffer_size = opt ? opt->buffer_size : 0};
        phiscrub_status st = phiscrub_stream_new(rules, &so, collect, &m.scrubbed, &m.stream);
        if (st != PHISCRUB_OK) {
            m.stream = NULL;
            daemon_log_error("mmexternal: cannot start, every message will be answered as "
                             "[REDACTION-FAILED]", phiscrub_strerror(st));
        }
    } else {
        daemon_log_error("mmexternal: no usable options or rules",
                         "every message will be answered as [REDACTION-FAILED]");
    }
    line_reader r;
    line_reader_init(&r, STDIN_FILENO, read_buffer, sizeof read_buffer);
    int rc = EXIT_OK;
    while (!m.stdout_gone) {
        if (!line_reader_ready(&r) || m.replies.len >= KEEP_BYTES)
            flush_replies(&m); /* before we may block: rsyslog is waiting */
        const char *data;
        size_t len;
        unsigned flags;
        int k = line_reader_next(&r, &data, &len, &flags);
        if (k == 0)
            break;
        if (k == 2) { /* SIGHUP: nothing to reopen in this mode */
            cli_reopen_requested = 0;
            continue;
        }
        if (k < 0) {
            daemon_log_error("mmexternal: read error", strerror(errno));
            rc = EXIT_RUNTIME;
            break;
        }
        if (!m.overlong && bytebuf_append(&m.line, data, len))
            m.overlong = true;
        if (flags & LINE_END) {
            answer(&m);
            next_message(&m);
        }
    }
    flush_replies(&m);
    phiscrub_stream_free(m.stream);
    bytebuf_free(&m.line);
    bytebuf_free(&m.msg);
    bytebuf_free(&m.scrubbed);
    bytebuf_free(&m.replies);
    return m.stdout_gone ? EXIT_RUNTIME : rc;
}
