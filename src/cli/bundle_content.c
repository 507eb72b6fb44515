/* bundle_content.c — one file member, by content, never by extension:
 *
 *   starts with 1f 8b  -> gzip: decode; if the decoded text is binary the
 *                         member is binary, else it is scrubbed and
 *                         recompressed (one gzip member, see bundle_gzip.c)
 *   binary first 8 KiB -> dropped, or copied unchanged with --keep-binary
 *   otherwise          -> scrubbed through this worker's phiscrub stream
 *
 * A gzip member that is corrupt or truncated is dropped (status
 * "corrupt-dropped"): what it holds cannot be checked, so it is not kept,
 * not even with --keep-binary. Nested archives (a .tar.gz inside the
 * bundle) decode to tar, which has NUL bytes: binary.
 *
 * Output goes to a spool (memory up to a cap, then a temporary file), so
 * the writer knows the size before the entry header, as tar needs, and a
 * member of any size costs bounded memory. Counts per category are the
 * stream's counters after the member minus before it. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_content.h"
#include "bundle_gzip.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (256u << 10)
#define SAMPLE 8192u

struct content {
    bundle_ctx *c;
    phiscrub_stream *s;
    bundle_item *item; /* the member being processed */
    char *buf;         /* raw reads */
    char *plain;       /* the first chunk (decoded, for gzip) */
    gz_reader *gz;
    uint64_t *before;
    gz_writer *gzw;    /* sink through gzip, else straight to item->out */
    int sink_error;    /* errno from the spool */
    int read_errno;    /* errno of a failed read inside scrub() */
};

static phiscrub_status sink(void *ctx, const char *data, size_t len)
{
    content *w = ctx;
    int err = w->gzw ? gzw_write(w->gzw, data, len) : spool_write(w->item->out, data, len);
    if (err) {
        w->sink_error = err;
        return PHISCRUB_ERR_IO;
    }
    return PHISCRUB_OK;
}

content *content_new(bundle_ctx *c, phiscrub_status *st)
{
    content *w = calloc(1, sizeof *w);
    *st = PHISCRUB_ERR_NOMEM;
    if (!w)
        return NULL;
    w->c = c;
    w->buf = malloc(CHUNK);
    w->plain = malloc(CHUNK);
    w->before = calloc(c->ncategories + 1, sizeof *w->before);
    if (w->buf && w->plain && w->before) {
        phiscrub_stream_options so = {.buffer_size = c->opt->buffer_size};
        *st = phiscrub_stream_new(c->rules, &so, sink, w, &w->s);
    }
    if (*st != PHISCRUB_OK) {
        content_free(w);
        return NULL;
    }
    return w;
}

void content_free(content *w)
{
    if (!w)
        return;
    phiscrub_stream_free(w->s);
    free(w->buf);
    free(w->plain);
    free(w->before);
    free(w);
}

int content_is_binary(const unsigned char *p, size_t n)
{
    size_t odd = 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = p[i];
        if (b == 0)
            return 1;
        if (b < 0x80) {
            if ((b < 0x20 && !strchr("\t\n\r\f\v\b\033", b)) || b == 0x7f)
                odd++;
            i++;
            continue;
        }
        size_t len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3
                   : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        size_t k = 1;
        while (len && k < len && i + k < n && (p[i + k] & 0xc0) == 0x80)
            k++;
        if (len && i + k == n) /* cut by the sample's end: no verdict */
            break;
        if (!len || k < len) {
            odd++;
            i++;
        } else
            i += len;
    }
    return odd * 10 > n;
}

/* The member's bytes, from the start after src_rewind. Folder files are
 * counted against --max-total-size here, once, as they are read; an
 * archive's members were counted by the reader. */
static ssize_t src_read(void *ctx, void *buf, size_t n)
{
    content *w = ctx;
    bundle_item *it = w->item;
    if (bundle_failed(w->c)) {
        errno = ECANCELED;
        return -1;
    }
    if (it->in)
        return spool_read(it->in, buf, n);
    for (;;) {
        ssize_t k = read(it->fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k > 0) {
            it->fd_pos += (uint64_t)k;
            if (it->fd_pos > it->fd_counted) {
                uint64_t more = it->fd_pos - it->fd_counted;
                it->fd_counted = it->fd_pos;
                if (bundle_count(w->c, more)) {
                    errno = ECANCELED;
                    return -1;
                }
            }
        }
        return k;
    }
}

static int src_rewind(bundle_item *it)
{
    if (it->in)
        return spool_rewind(it->in);
    it->fd_pos = 0;
    return lseek(it->fd, 0, SEEK_SET) < 0 ? errno : 0;
}

/* Reads until buf is full or the source ends. */
static ssize_t fill(ssize_t (*rd)(void *, void *, size_t), void *ctx, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = rd(ctx, buf + got, n - got);
        if (k < 0)
            return -1;
        if (k == 0)
            break;
        got += (size_t)k;
    }
    return (ssize_t)got;
}

static uint64_t source_size(const bundle_item *it)
{
    if (it->in)
        return spool_size(it->in);
    struct stat st;
    uint64_t size = fstat(it->fd, &st) == 0 ? (uint64_t)st.st_size : 0;
    return size > it->fd_counted ? size : it->fd_counted;
}

/* A read failed: the run fails, unless it was already failing. */
static int read_failed(content *w, int err)
{
    if (!bundle_failed(w->c))
        bundle_fail(w->c, EXIT_RUNTIME, "member %llu: read error: %s",
                    (unsigned long long)w->item->number, strerror(err));
    return -1;
}

static int out_failed(content *w, int err)
{
    bundle_fail(w->c, err == ENOMEM ? EXIT_INTERNAL : EXIT_RUNTIME,
                "member %llu: temporary file: %s", (unsigned long long)w->item->number,
                strerror(err));
    return -1;
}

static int binary(content *w)
{
    bundle_item *it = w->item;
    it->bytes_in = source_size(it);
    if (!w->c->opt->keep_binary) {
        it->status = BS_BINARY_DROPPED;
        return 0;
    }
    it->status = BS_BINARY_KEPT;
    if (it->in) { /* the spooled bytes are the output */
        it->out = it->in;
        it->in = NULL;
    } else {
        int err = src_rewind(it);
        if (err)
            return read_failed(w, err);
        if (!(it->out = spool_new(w->c->spool_mem)))
            return out_failed(w, ENOMEM);
        ssize_t k;
        while ((k = src_read(w, w->buf, CHUNK)) > 0)
            if ((err = spool_write(it->out, w->buf, (size_t)k)))
                return out_failed(w, err);
        if (k < 0)
            return read_failed(w, errno);
    }
    it->bytes_out = spool_size(it->out);
    return 0;
}

/* Scrubs first[0, n) and then the rest of rd into w->out (or w->gzw). */
static int scrub(content *w, const char *first, size_t n, ssize_t (*rd)(void *, void *, size_t),
                 void *ctx, int *read_error)
{
    bundle_ctx *c = w->c;
    for (size_t i = 0; i < c->ncategories; i++)
        w->before[i] = phiscrub_stream_category_masks(w->s, i);
    w->sink_error = 0;
    phiscrub_status st = phiscrub_stream_write(w->s, first, n);
    ssize_t k = 0;
    while (st == PHISCRUB_OK && (k = rd(ctx, w->buf, CHUNK)) > 0)
        st = phiscrub_stream_write(w->s, w->buf, (size_t)k);
    if (st == PHISCRUB_OK && k == 0)
        st = phiscrub_stream_finish(w->s);
    phiscrub_stream_reset(w->s);
    *read_error = k < 0;
    if (k < 0) {
        w->read_errno = errno;
        return -1;
    }
    if (st != PHISCRUB_OK) {
        if (w->sink_error)
            return out_failed(w, w->sink_error);
        bundle_fail(c, st == PHISCRUB_ERR_NOMEM ? EXIT_INTERNAL : EXIT_RUNTIME,
                    "member %llu: redaction failed: %s", (unsigned long long)w->item->number,
                    phiscrub_strerror(st));
        return -1;
    }
    bundle_item *it = w->item;
    if (!(it->counts = calloc(c->ncategories + 1, sizeof *it->counts)))
        return out_failed(w, ENOMEM);
    for (size_t i = 0; i < c->ncategories; i++)
        it->counts[i] = phiscrub_stream_category_masks(w->s, i) - w->before[i];
    return 0;
}

/* Pulls decoded bytes and checks them against the bomb limits. */
static ssize_t gz_pull_checked(void *ctx, void *buf, size_t n)
{
    content *w = ctx;
    ssize_t k = gzr_read(w->gz, buf, n);
    if (k > 0 && (bundle_count(w->c, (uint64_t)k) ||
                  bundle_check_ratio(w->c, gzr_bytes_in(w->gz), gzr_bytes_out(w->gz),
                                     "a nested gzip member", w->item->number))) {
        errno = ECANCELED;
        return -1;
    }
    return k;
}

/* Why a gzip read failed: the run's failure, the source, or the data. */
static int gz_failed(content *w)
{
    int err = 0;
    int why = gzr_error(w->gz, &err);
    if (bundle_failed(w->c))
        return -1;
    if (why == GZ_READ_ERROR)
        return read_failed(w, err);
    bundle_item *it = w->item;
    spool_free(it->out);
    it->out = NULL;
    free(it->counts);
    it->counts = NULL;
    it->status = BS_CORRUPT_DROPPED;
    it->bytes_in = source_size(it);
    it->bytes_out = 0;
    return 0;
}

static int gzip_member(content *w)
{
    bundle_item *it = w->item;
    it->gzip = 1;
    int err = src_rewind(it);
    if (err)
        return read_failed(w, err);
    if (!(w->gz = gzr_new(src_read, w)))
        return out_failed(w, ENOMEM);
    int rc;
    ssize_t n = fill(gz_pull_checked, w, w->plain, CHUNK);
    if (n < 0)
        rc = gz_failed(w);
    else if (content_is_binary((unsigned char *)w->plain, (size_t)n < SAMPLE ? (size_t)n : SAMPLE))
        rc = binary(w);
    else if (!(it->out = spool_new(w->c->spool_mem)) || !(w->gzw = gzw_new(it->out)))
        rc = out_failed(w, ENOMEM);
    else {
        int read_error;
        rc = scrub(w, w->plain, (size_t)n, gz_pull_checked, w, &read_error);
        if (rc && read_error)
            rc = gz_failed(w);
        else if (!rc && (err = gzw_finish(w->gzw)))
            rc = out_failed(w, err);
        else if (!rc) {
            it->status = BS_SCRUBBED;
            it->bytes_in = source_size(it);
            it->bytes_out = spool_size(it->out);
        }
    }
    gzw_free(w->gzw);
    w->gzw = NULL;
    gzr_free(w->gz);
    w->gz = NULL;
    return rc;
}

int content_process(content *w, bundle_item *it)
{
    w->item = it;
    int err = src_rewind(it);
    if (err)
        return read_failed(w, err);
    ssize_t n = fill(src_read, w, w->buf, CHUNK);
    if (n < 0)
        return read_failed(w, errno);
    const unsigned char *b = (const unsigned char *)w->buf;
    if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
        return gzip_member(w);
    if (content_is_binary(b, (size_t)n < SAMPLE ? (size_t)n : SAMPLE))
        return binary(w);
    if (!(it->out = spool_new(w->c->spool_mem)))
        return out_failed(w, ENOMEM);
    /* The first chunk moves to `plain`: scrub() reuses buf for the rest. */
    memcpy(w->plain, w->buf, (size_t)n);
    int read_error;
    if (scrub(w, w->plain, (size_t)n, src_read, w, &read_error))
        return read_error ? read_failed(w, w->read_errno) : -1;
    it->status = BS_SCRUBBED;
    it->bytes_in = source_size(it);
    it->bytes_out = spool_size(it->out);
    return 0;
}
