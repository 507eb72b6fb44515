/* bundle_spool.c — memory first, then an unlinked temporary file.
 *
 * The file is unlinked as soon as it is created, so nothing is left behind
 * whatever way the process ends. Once spilled, the memory block stays as a
 * write buffer: the redaction sink hands over many small pieces (the text
 * between two masks), and one write(2) per piece would be slow. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_spool.h"
#include "fd_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SPOOL_FIRST (64u << 10)

struct spool {
    char *mem;        /* the bytes (memory mode) or the write buffer (file mode) */
    size_t len;       /* bytes in mem */
    size_t cap;       /* allocated size of mem */
    size_t mem_cap;
    int fd;           /* -1 until spilled */
    uint64_t flushed; /* bytes already in the file */
    uint64_t rpos;    /* read position */
    int error;
};

spool *spool_new(size_t mem_cap)
{
    spool *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->fd = -1;
    s->mem_cap = mem_cap < SPOOL_FIRST ? SPOOL_FIRST : mem_cap;
    return s;
}

void spool_free(spool *s)
{
    if (!s)
        return;
    if (s->fd >= 0)
        close(s->fd);
    free(s->mem);
    free(s);
}

static int temp_file(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    char name[4096];
    if ((size_t)snprintf(name, sizeof name, "%s/phiscrub-bundle-XXXXXX", dir) >= sizeof name) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = mkstemp(name); /* mode 0600 */
    if (fd >= 0)
        unlink(name);
    return fd;
}

static int flush_mem(spool *s)
{
    if (s->error || s->len == 0)
        return s->error;
    s->error = fd_write_all(s->fd, s->mem, s->len);
    s->flushed += s->len;
    s->len = 0;
    return s->error;
}

/* Makes room for n more bytes in memory, or spills. */
static int reserve(spool *s, size_t n)
{
    if (s->fd < 0 && s->len + n > s->mem_cap) {
        s->fd = temp_file();
        if (s->fd < 0)
            return s->error = errno;
        if (s->cap < s->mem_cap) { /* the write buffer is a full cap */
            char *m = realloc(s->mem, s->mem_cap);
            if (!m)
                return s->error = ENOMEM;
            s->mem = m;
            s->cap = s->mem_cap;
        }
    }
    if (s->fd >= 0)
        return s->len + n > s->cap ? flush_mem(s) : 0;
    if (s->len + n <= s->cap)
        return 0;
    size_t cap = s->cap ? s->cap : SPOOL_FIRST;
    while (cap < s->len + n)
        cap *= 2;
    if (cap > s->mem_cap)
        cap = s->mem_cap;
    char *m = realloc(s->mem, cap);
    if (!m)
        return s->error = ENOMEM;
    s->mem = m;
    s->cap = cap;
    return 0;
}

int spool_write(spool *s, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0 && !s->error) {
        size_t room = s->mem_cap; /* at most one buffer per round */
        size_t k = n < room ? n : room;
        if (reserve(s, k))
            break;
        if (s->fd >= 0 && k >= s->cap) { /* big pieces go straight out */
            s->error = fd_write_all(s->fd, p, k);
            s->flushed += k;
        } else {
            memcpy(s->mem + s->len, p, k);
            s->len += k;
        }
        p += k;
        n -= k;
    }
    return s->error;
}

uint64_t spool_size(const spool *s) { return s->flushed + s->len; }

int spool_rewind(spool *s)
{
    if (s->fd >= 0)
        flush_mem(s);
    s->rpos = 0;
    return s->error;
}

ssize_t spool_read(spool *s, void *buf, size_t n)
{
    if (s->error) {
        errno = s->error;
        return -1;
    }
    if (s->fd < 0) {
        size_t left = s->len - (size_t)s->rpos;
        size_t k = n < left ? n : left;
        if (k)
            memcpy(buf, s->mem + s->rpos, k);
        s->rpos += k;
        return (ssize_t)k;
    }
    for (;;) {
        ssize_t k = pread(s->fd, buf, n, (off_t)s->rpos);
        if (k < 0 && errno == EINTR)
            continue;
        if (k > 0)
            s->rpos += (uint64_t)k;
        return k;
    }
}
