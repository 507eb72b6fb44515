/* bundle_gzip.c — zlib in gzip mode (windowBits 15+16) both ways.
 *
 * The decoder follows zstd's gzip bridge: inflate until Z_STREAM_END,
 * then inflateReset when another member follows ("inflate will not
 * automatically decode concatenated gzip members"), and an input that
 * ends inside a member is truncated, not finished. The encoder writes the
 * header zlib makes by default: no file name (the original one may carry
 * PHI), mtime 0, so the output depends on the content alone. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_gzip.h"

#include <errno.h>
#include <stdlib.h>
#include <zlib.h>

#define GZ_CHUNK (128u << 10)

struct gz_reader {
    z_stream z;
    gz_pull pull;
    void *ctx;
    unsigned char *in;
    uint64_t fed, out;
    int input_end;  /* pull returned 0 */
    int member_end; /* the current member ended */
    int done;
    int error, err_no;
};

gz_reader *gzr_new(gz_pull pull, void *ctx)
{
    gz_reader *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->pull = pull;
    g->ctx = ctx;
    g->in = malloc(GZ_CHUNK);
    if (!g->in || inflateInit2(&g->z, 15 + 16) != Z_OK) {
        free(g->in);
        free(g);
        return NULL;
    }
    return g;
}

void gzr_free(gz_reader *g)
{
    if (!g)
        return;
    inflateEnd(&g->z);
    free(g->in);
    free(g);
}

static int refill(gz_reader *g)
{
    if (g->z.avail_in || g->input_end)
        return 0;
    ssize_t k = g->pull(g->ctx, g->in, GZ_CHUNK);
    if (k < 0) {
        g->err_no = errno;
        g->error = GZ_READ_ERROR;
        return -1;
    }
    if (k == 0)
        g->input_end = 1;
    g->z.next_in = g->in;
    g->z.avail_in = (unsigned)k;
    g->fed += (uint64_t)k;
    return 0;
}

/* After a member: another one follows only when the next bytes are the
 * gzip magic; anything else is trailing garbage. */
static int next_member(gz_reader *g)
{
    if (refill(g))
        return -1;
    if (g->z.avail_in == 0) {
        g->done = 1;
        return 0;
    }
    if (g->z.avail_in == 1 && !g->input_end) { /* the magic may straddle */
        unsigned char first = g->z.next_in[0];
        g->in[0] = first;
        ssize_t k = g->pull(g->ctx, g->in + 1, GZ_CHUNK - 1);
        if (k < 0) {
            g->err_no = errno;
            g->error = GZ_READ_ERROR;
            return -1;
        }
        g->input_end = k == 0;
        g->fed += (uint64_t)k;
        g->z.next_in = g->in;
        g->z.avail_in = 1 + (unsigned)k;
    }
    if (g->z.avail_in < 2 || g->z.next_in[0] != 0x1f || g->z.next_in[1] != 0x8b) {
        g->done = 1;
        return 0;
    }
    inflateReset(&g->z);
    g->member_end = 0;
    return 0;
}

ssize_t gzr_read(gz_reader *g, void *buf, size_t n)
{
    if (g->error)
        return -1;
    g->z.next_out = buf;
    g->z.avail_out = (unsigned)(n > GZ_CHUNK ? GZ_CHUNK : n);
    size_t want = g->z.avail_out;
    while (!g->done && g->z.avail_out == want) {
        if (g->member_end) {
            if (next_member(g))
                return -1;
            continue;
        }
        if (refill(g))
            return -1;
        int rc = inflate(&g->z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END)
            g->member_end = 1;
        else if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_STREAM_ERROR) {
            g->error = GZ_CORRUPT;
            return -1;
        } else if (rc == Z_MEM_ERROR) {
            g->err_no = ENOMEM;
            g->error = GZ_READ_ERROR;
            return -1;
        } else if (rc == Z_BUF_ERROR && g->z.avail_in == 0 && g->input_end) {
            g->error = GZ_TRUNCATED; /* the input ended inside a member */
            return -1;
        }
    }
    size_t k = want - g->z.avail_out;
    g->out += k;
    return (ssize_t)k;
}

int gzr_error(const gz_reader *g, int *errno_out)
{
    if (errno_out)
        *errno_out = g->err_no;
    return g->error;
}

uint64_t gzr_bytes_in(const gz_reader *g) { return g->fed - g->z.avail_in; }
uint64_t gzr_bytes_out(const gz_reader *g) { return g->out; }

struct gz_writer {
    z_stream z;
    spool *out;
    unsigned char *buf;
    int error;
};

gz_writer *gzw_new(spool *out)
{
    gz_writer *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->out = out;
    g->buf = malloc(GZ_CHUNK);
    if (!g->buf ||
        deflateInit2(&g->z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(g->buf);
        free(g);
        return NULL;
    }
    return g;
}

void gzw_free(gz_writer *g)
{
    if (!g)
        return;
    deflateEnd(&g->z);
    free(g->buf);
    free(g);
}

static int run(gz_writer *g, const void *data, size_t n, int mode)
{
    g->z.next_in = (unsigned char *)(uintptr_t)data; /* zlib's API is not const */
    g->z.avail_in = (unsigned)n;
    int rc;
    do {
        g->z.next_out = g->buf;
        g->z.avail_out = GZ_CHUNK;
        rc = deflate(&g->z, mode);
        if (rc == Z_STREAM_ERROR)
            return g->error = EIO;
        size_t have = GZ_CHUNK - g->z.avail_out;
        if (have && (g->error = spool_write(g->out, g->buf, have)))
            return g->error;
    } while (g->z.avail_out == 0 || (mode == Z_FINISH && rc != Z_STREAM_END));
    return 0;
}

int gzw_write(gz_writer *g, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0 && !g->error) {
        size_t k = n > GZ_CHUNK ? GZ_CHUNK : n; /* avail_in is an unsigned int */
        run(g, p, k, Z_NO_FLUSH);
        p += k;
        n -= k;
    }
    return g->error;
}

int gzw_finish(gz_writer *g) { return g->error ? g->error : run(g, NULL, 0, Z_FINISH); }
