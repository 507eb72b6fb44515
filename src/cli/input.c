/* input.c — reading files and standard input, with gzip decoding via zlib.
 *
 * Bytes are read with read(2), which returns what is available: a syslog
 * daemon writing one line into a pipe must see it come out at once.
 * gzip: inflate with windowBits 15+16; at Z_STREAM_END, if more input
 * follows, it must be another member (inflateReset), else the data is
 * refused; EOF before the end of a member means a truncated file. */
#define _POSIX_C_SOURCE 200809L
#include "input.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define IN_BUFFER (256u << 10)

struct input {
    int fd;
    int owns_fd;
    bool live;
    bool gzip;
    bool eof;          /* read(2) returned 0 */
    bool draining;     /* stop requested: reading without waiting */
    int fl;            /* the fd's flags before draining */
    bool member_done;  /* gzip: the last member ended cleanly */
    z_stream z;
    unsigned char *raw; /* gzip: compressed bytes; plain: first bytes peeked */
    size_t raw_len, raw_pos;
    char error[128];
};

/* Asked to stop (SIGTERM/SIGINT) while reading a pipe: stop waiting, but
 * take what the writer already put in the pipe (syslog-ng signals its
 * program() child after writing), then report the end of input. */
static void start_draining(input *in)
{
    in->fl = fcntl(in->fd, F_GETFL);
    if (in->fl >= 0)
        fcntl(in->fd, F_SETFL, in->fl | O_NONBLOCK);
    in->draining = true;
}

static ssize_t read_fd(input *in, void *buf, size_t cap)
{
    for (;;) {
        if (cli_stop_requested && in->live && !in->draining)
            start_draining(in);
        ssize_t k = read(in->fd, buf, cap);
        if (k < 0 && in->draining && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            k = 0;
            if (in->fl >= 0) /* a terminal's flags are shared with the shell */
                fcntl(in->fd, F_SETFL, in->fl);
        }
        if (k >= 0 || errno != EINTR) {
            if (k < 0)
                snprintf(in->error, sizeof in->error, "read error: %s", strerror(errno));
            if (k == 0)
                in->eof = true;
            return k;
        }
    }
}

/* Reads until at least 2 bytes (the gzip magic) or EOF. A first byte
 * other than 0x1f settles it: a live writer that sent a 1-byte line ("\n")
 * must get it back without sending more. */
static int peek_magic(input *in)
{
    while (in->raw_len < 2 && !in->eof && !(in->raw_len == 1 && in->raw[0] != 0x1f)) {
        ssize_t k = read_fd(in, in->raw + in->raw_len, IN_BUFFER - in->raw_len);
        if (k < 0)
            return -1;
        in->raw_len += (size_t)k;
    }
    in->gzip = in->raw_len >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b;
    return 0;
}

int input_open(input **out, const char *path)
{
    input *in = calloc(1, sizeof *in);
    if (!in)
        return ENOMEM;
    in->fd = STDIN_FILENO;
    if (path && strcmp(path, "-") != 0) {
        in->fd = open(path, O_RDONLY | O_CLOEXEC);
        in->owns_fd = 1;
        if (in->fd < 0) {
            int err = errno;
            free(in);
            return err;
        }
    }
    struct stat st;
    in->live = fstat(in->fd, &st) != 0 || !S_ISREG(st.st_mode);
    in->raw = malloc(IN_BUFFER);
    int err = in->raw ? 0 : ENOMEM;
    if (!err && peek_magic(in) != 0)
        err = EIO;
    if (!err && in->gzip && inflateInit2(&in->z, 15 + 16) != Z_OK)
        err = ENOMEM;
    if (err) {
        if (in->owns_fd)
            close(in->fd);
        free(in->raw);
        free(in);
        return err;
    }
    *out = in;
    return 0;
}

static ssize_t read_gzip(input *in, char *buf, size_t cap)
{
    for (;;) {
        if (in->raw_pos == in->raw_len) {
            if (in->eof) {
                if (!in->member_done) {
                    snprintf(in->error, sizeof in->error, "gzip data is truncated");
                    return -1;
                }
                return 0;
            }
            ssize_t k = read_fd(in, in->raw, IN_BUFFER);
            if (k < 0)
                return -1;
            in->raw_len = (size_t)k;
            in->raw_pos = 0;
            continue;
        }
        if (in->member_done) {
            /* More bytes after a complete member: it must be another one. */
            if (in->raw[in->raw_pos] != 0x1f) {
                snprintf(in->error, sizeof in->error, "trailing garbage after gzip data");
                return -1;
            }
            inflateReset(&in->z);
            in->member_done = false;
        }
        in->z.next_in = in->raw + in->raw_pos;
        in->z.avail_in = (unsigned)(in->raw_len - in->raw_pos);
        in->z.next_out = (unsigned char *)buf;
        in->z.avail_out = (unsigned)cap;
        int rc = inflate(&in->z, Z_NO_FLUSH);
        in->raw_pos = in->raw_len - in->z.avail_in;
        size_t produced = cap - in->z.avail_out;
        if (rc == Z_STREAM_END)
            in->member_done = true;
        else if (rc != Z_OK && !(rc == Z_BUF_ERROR && produced == 0 && in->z.avail_in == 0)) {
            snprintf(in->error, sizeof in->error, "corrupt gzip data");
            return -1;
        }
        if (produced)
            return (ssize_t)produced;
    }
}

ssize_t input_read(input *in, char *buf, size_t cap)
{
    if (cap > IN_BUFFER)
        cap = IN_BUFFER;
    if (in->gzip)
        return read_gzip(in, buf, cap);
    if (in->raw_pos < in->raw_len) { /* the peeked bytes first */
        size_t k = in->raw_len - in->raw_pos < cap ? in->raw_len - in->raw_pos : cap;
        memcpy(buf, in->raw + in->raw_pos, k);
        in->raw_pos += k;
        return (ssize_t)k;
    }
    if (in->eof)
        return 0;
    return read_fd(in, buf, cap);
}

const char *input_error_text(const input *in) { return in->error[0] ? in->error : "read error"; }

bool input_is_live(const input *in) { return in->live; }

void input_close(input *in)
{
    if (!in)
        return;
    if (in->gzip)
        inflateEnd(&in->z);
    if (in->owns_fd)
        close(in->fd);
    free(in->raw);
    free(in);
}
