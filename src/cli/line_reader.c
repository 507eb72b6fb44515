/* line_reader.c — see line_reader.h. */
#define _POSIX_C_SOURCE 200809L
#include "line_reader.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

void line_reader_init(line_reader *r, int fd, char *buf, size_t cap)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->buf = buf;
    r->cap = cap;
}

static const char *find_nl(const line_reader *r)
{
    return memchr(r->buf + r->start, '\n', r->end - r->start);
}

bool line_reader_ready(const line_reader *r)
{
    return r->eof || (r->start == 0 && r->end == r->cap) || find_nl(r) != NULL;
}

/* After a stop request nothing new is awaited: what is in the pipe now is
 * read, then EAGAIN means the end. */
static void start_draining(line_reader *r)
{
    r->fl = fcntl(r->fd, F_GETFL);
    if (r->fl >= 0)
        fcntl(r->fd, F_SETFL, r->fl | O_NONBLOCK);
    r->draining = true;
}

static int fill(line_reader *r)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    for (;;) {
        if (cli_stop_requested && !r->draining)
            start_draining(r);
        ssize_t k = read(r->fd, r->buf + r->end, r->cap - r->end);
        if (k > 0) {
            r->end += (size_t)k;
            return 0;
        }
        if (k == 0 || (r->draining && (errno == EAGAIN || errno == EWOULDBLOCK))) {
            if (r->draining && r->fl >= 0)
                fcntl(r->fd, F_SETFL, r->fl); /* the fd may be shared */
            r->eof = true;
            return 0;
        }
        if (errno != EINTR)
            return -1;
        if (cli_reopen_requested)
            return 1; /* SIGHUP: let the caller reopen its output now */
    }
}

int line_reader_next(line_reader *r, const char **data, size_t *len, unsigned *flags)
{
    for (;;) {
        const char *nl = find_nl(r);
        if (nl) {
            *data = r->buf + r->start;
            *len = (size_t)(nl - *data);
            *flags = LINE_END | LINE_NEWLINE;
            r->start += *len + 1;
            return 1;
        }
        if (r->end - r->start == r->cap || (r->eof && r->end > r->start)) {
            /* A full buffer without '\n' (an overlong line, returned in
             * pieces), or a last line without '\n'. */
            *data = r->buf + r->start;
            *len = r->end - r->start;
            *flags = r->eof ? LINE_END : 0;
            r->start = r->end = 0;
            return 1;
        }
        if (r->eof)
            return 0;
        int rc = fill(r);
        if (rc < 0)
            return -1;
        if (rc > 0)
            return 2;
    }
}
