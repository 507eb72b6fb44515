/* output.c — buffered, fail-closed output to a file descriptor, with an
 * optional gzip encoder (zlib, gzip wrapper: windowBits 15+16). */
#define _POSIX_C_SOURCE 200809L
#include "output.h"
#include "fd_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define OUT_BUFFER (256u << 10)

struct output {
    int fd;
    int owns_fd;
    char *path;
    int append;
    int error;     /* sticky errno */
    char *buf;     /* plain bytes waiting to be written or compressed */
    size_t len;
    int gzip;
    z_stream z;
    unsigned char *zbuf;
};

static int open_path(const char *path, int append)
{
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
    return open(path, flags, 0644);
}

int output_open(output **out, const char *path, int append, int gzip)
{
    output *o = calloc(1, sizeof *o);
    if (!o)
        return ENOMEM;
    o->fd = STDOUT_FILENO;
    o->append = append;
    o->gzip = gzip;
    o->buf = malloc(OUT_BUFFER);
    int err = o->buf ? 0 : ENOMEM;
    if (!err && path && strcmp(path, "-") != 0) {
        o->path = strdup(path);
        o->fd = o->path ? open_path(path, append) : -1;
        o->owns_fd = 1;
        if (o->fd < 0)
            err = o->path ? errno : ENOMEM;
    }
    if (!err && gzip) {
        o->zbuf = malloc(OUT_BUFFER);
        if (!o->zbuf || deflateInit2(&o->z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            err = ENOMEM;
    }
    if (err) {
        if (o->owns_fd && o->fd >= 0)
            close(o->fd);
        free(o->zbuf);
        free(o->buf);
        free(o->path);
        free(o);
        return err;
    }
    *out = o;
    return 0;
}

static int write_all(output *o, const void *data, size_t n)
{
    if (!o->error)
        o->error = fd_write_all(o->fd, data, n);
    return o->error;
}

/* Runs deflate over the buffered bytes with the given flush mode. */
static int deflate_out(output *o, int mode)
{
    o->z.next_in = (unsigned char *)o->buf;
    o->z.avail_in = (unsigned)o->len;
    int rc;
    do {
        o->z.next_out = o->zbuf;
        o->z.avail_out = OUT_BUFFER;
        rc = deflate(&o->z, mode);
        if (rc == Z_STREAM_ERROR) {
            o->error = EIO;
            break;
        }
        size_t have = OUT_BUFFER - o->z.avail_out;
        if (have && write_all(o, o->zbuf, have))
            break;
    } while (o->z.avail_out == 0 || (mode == Z_FINISH && rc != Z_STREAM_END));
    o->len = 0;
    return o->error;
}

static int drain(output *o, int mode)
{
    if (o->error)
        return o->error;
    if (o->gzip)
        return deflate_out(o, mode);
    int err = write_all(o, o->buf, o->len);
    o->len = 0;
    return err;
}

phiscrub_status output_sink(void *ctx, const char *data, size_t len)
{
    output *o = ctx;
    while (len > 0) {
        if (o->error)
            return PHISCRUB_ERR_IO;
        size_t k = OUT_BUFFER - o->len < len ? OUT_BUFFER - o->len : len;
        memcpy(o->buf + o->len, data, k);
        o->len += k;
        data += k;
        len -= k;
        if (o->len == OUT_BUFFER)
            drain(o, Z_NO_FLUSH);
    }
    return o->error ? PHISCRUB_ERR_IO : PHISCRUB_OK;
}

int output_flush(output *o) { return drain(o, Z_SYNC_FLUSH); }

int output_sync(output *o)
{
    if (output_flush(o))
        return o->error;
    if (fsync(o->fd) != 0 && errno != EINVAL && errno != EROFS)
        o->error = errno;
    return o->error;
}

int output_reopen(output *o)
{
    if (!o->owns_fd)
        return 0;
    if (output_flush(o))
        return o->error;
    int fd = open_path(o->path, 1);
    if (fd < 0)
        return o->error = errno;
    close(o->fd);
    o->fd = fd;
    return 0;
}

int output_error(const output *o) { return o->error; }

int output_close(output *o)
{
    if (!o)
        return 0;
    drain(o, o->gzip ? Z_FINISH : Z_NO_FLUSH);
    int err = o->error;
    if (o->gzip)
        deflateEnd(&o->z);
    if (o->owns_fd && close(o->fd) != 0 && !err)
        err = errno;
    free(o->zbuf);
    free(o->buf);
    free(o->path);
    free(o);
    return err;
}
