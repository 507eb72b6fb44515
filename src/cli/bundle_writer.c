/* bundle_writer.c — the output archive through libarchive's write API.
 *
 * Formats: .tar is POSIX pax in libarchive's "restricted" flavour (plain
 * ustar headers unless a name or size needs an extension); .tar.gz/.tgz
 * adds libarchive's gzip filter without a timestamp in its header; .zip
 * deflates. Entries carry the member's scrubbed path, permission bits
 * (setuid/setgid/sticky dropped), and mtime in whole seconds; owner is
 * 0/0 with no user or group names. Nothing in the archive comes from the
 * clock or the process, so the same input gives the same bytes whatever
 * -j is.
 *
 * Scrubbing can map two names to one (jane_2024.csv and john_2024.csv
 * both become NAME_2024.csv); the second gets "~2" before its extension.
 * The report's name is taken from the start.
 *
 * Fail closed: the archive is written to an unnamed O_TMPFILE file in
 * OUT's folder, so even a killed process leaves nothing behind; commit
 * fsyncs it, links it as OUT.tmp-PID and renames that to OUT. Where
 * O_TMPFILE is not supported, OUT.tmp-PID is created up front (O_EXCL)
 * and abort unlinks it. */
#define _GNU_SOURCE /* O_TMPFILE, linkat */
#include "bundle_writer.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define COPY_CHUNK (256u << 10)

typedef struct {
    char *path;
    int is_dir;
    unsigned long next; /* the next "~N" to try for this path */
} seen;

struct bundle_out {
    struct archive *a;
    int fd;
    char *path, *tmp;
    int named; /* tmp exists in the file system */
    seen *set; /* open addressing, power-of-two size */
    size_t set_cap, set_len;
    char *buf;
};

static int ends_with(const char *s, const char *suffix)
{
    size_t l = strlen(s), k = strlen(suffix);
    return l > k && strcasecmp(s + l - k, suffix) == 0;
}

int bundle_out_format(const char *path)
{
    if (ends_with(path, ".tar.gz") || ends_with(path, ".tgz"))
        return BUNDLE_TGZ;
    if (ends_with(path, ".tar"))
        return BUNDLE_TAR;
    if (ends_with(path, ".zip"))
        return BUNDLE_ZIP;
    return -1;
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static seen *find(bundle_out *o, const char *path)
{
    size_t i = (size_t)hash(path) & (o->set_cap - 1);
    while (o->set[i].path && strcmp(o->set[i].path, path))
        i = (i + 1) & (o->set_cap - 1);
    return &o->set[i];
}

static int remember(bundle_out *o, const char *path, int is_dir)
{
    if (2 * (o->set_len + 1) > o->set_cap) {
        seen *old = o->set;
        size_t old_cap = o->set_cap;
        o->set_cap = old_cap ? old_cap * 2 : 1024;
        if (!(o->set = calloc(o->set_cap, sizeof *o->set))) {
            o->set = old;
            o->set_cap = old_cap;
            return -1;
        }
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].path)
                *find(o, old[i].path) = old[i];
        free(old);
    }
    seen *s = find(o, path);
    if (!(s->path = strdup(path)))
        return -1;
    s->is_dir = is_dir;
    o->set_len++;
    return 0;
}

static mode_t current_umask(void)
{
    mode_t m = umask(022);
    umask(m);
    return m;
}

static void set_error(char *err, size_t len, const char *what, struct archive *a)
{
    const char *why = a ? archive_error_string(a) : NULL;
    snprintf(err, len, "%s: %s", what, why ? why : strerror(a ? archive_errno(a) : errno));
}

/* An unnamed file in path's folder, or -1. */
static int open_anonymous(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    int fd = dir ? open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666) : -1;
    free(dir);
    if (fd >= 0)
        fchmod(fd, 0666 & ~current_umask());
    return fd;
}

bundle_out *bundle_out_open(const char *path, int format, char *err, size_t errlen)
{
    bundle_out *o = calloc(1, sizeof *o);
    if (o)
        o->fd = -1;
    size_t tl = strlen(path) + 32;
    char *tmp = malloc(tl);
    if (!o || !tmp || !(o->buf = malloc(COPY_CHUNK)) || !(o->path = strdup(path)) ||
        remember(o, BUNDLE_REPORT_NAME, 0)) {
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        free(tmp);
        bundle_out_abort(o);
        return NULL;
    }
    snprintf(tmp, tl, "%s.tmp-%ld", path, (long)getpid());
    o->tmp = tmp;
    o->fd = open_anonymous(path);
    if (o->fd < 0) {
        o->fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        o->named = o->fd >= 0;
    }
    if (o->fd < 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        bundle_out_abort(o);
        return NULL;
    }
    struct archive *a = o->a = archive_write_new();
    int r = a ? ARCHIVE_OK : ARCHIVE_FATAL;
    if (r == ARCHIVE_OK && format == BUNDLE_ZIP) {
        r = archive_write_set_format_zip(a);
        if (r == ARCHIVE_OK)
            r = archive_write_set_format_option(a, "zip", "compression", "deflate");
    } else if (r == ARCHIVE_OK) {
        r = archive_write_set_format_pax_restricted(a);
        if (r == ARCHIVE_OK && format == BUNDLE_TGZ)
            r = archive_write_add_filter_gzip(a);
        if (r == ARCHIVE_OK && format == BUNDLE_TGZ) /* no time in the gzip header */
            r = archive_write_set_filter_option(a, "gzip", "timestamp", NULL);
    }
    if (r == ARCHIVE_OK)
        r = archive_write_open_fd(a, o->fd);
    if (r != ARCHIVE_OK) {
        set_error(err, errlen, "cannot create the output archive", a);
        bundle_out_abort(o);
        return NULL;
    }
    return o;
}

void bundle_out_identity(const bundle_out *o, dev_t *dev, ino_t *ino)
{
    struct stat st;
    if (fstat(o->fd, &st) == 0) {
        *dev = st.st_dev;
        *ino = st.st_ino;
    }
}

/* path, or path with "~N" before the extension of its last component,
 * whichever is free. is_dir paths already taken by a folder are merged:
 * *merge is set and NULL returned. */
static char *unique(bundle_out *o, const char *path, int is_dir, int *merge)
{
    seen *s = find(o, path);
    *merge = 0;
    if (!s->path)
        return strdup(path);
    if (is_dir && s->is_dir) {
        *merge = 1;
        return NULL;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base && !is_dir ? (size_t)(dot - path) : strlen(path);
    size_t len = strlen(path) + 24;
    char *r = malloc(len);
    unsigned long n = s->next > 2 ? s->next : 2; /* no rescans when many collide */
    for (; r; n++) {
        snprintf(r, len, "%.*s~%lu%s", (int)stem, path, n, path + stem);
        if (!find(o, r)->path)
            break;
    }
    s->next = n + 1; /* s is still valid: nothing was added */
    return r;
}

static int write_entry(bundle_out *o, const char *path, int is_dir, unsigned mode,
                       int64_t mtime, spool *data, char *err, size_t errlen)
{
    struct archive_entry *e = archive_entry_new();
    if (!e) {
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        return -1;
    }
    archive_entry_set_pathname(e, path);
    archive_entry_set_filetype(e, is_dir ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, mode & 0777u);
    archive_entry_set_mtime(e, (time_t)mtime, 0);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_size(e, data ? (la_int64_t)spool_size(data) : 0);
    int rc = 0;
    if (archive_write_header(o->a, e) < ARCHIVE_WARN) {
        set_error(err, errlen, "writing the output archive", o->a);
        rc = -1;
    }
    archive_entry_free(e);
    int sperr = data && rc == 0 ? spool_rewind(data) : 0;
    for (ssize_t k; rc == 0 && data && (k = spool_read(data, o->buf, COPY_CHUNK)) != 0;) {
        if (k < 0 || sperr) {
            snprintf(err, errlen, "temporary file: %s", strerror(sperr ? sperr : errno));
            rc = -1;
        } else if (archive_write_data(o->a, o->buf, (size_t)k) != k) {
            set_error(err, errlen, "writing the output archive", o->a);
            rc = -1;
        }
    }
    if (rc == 0 && archive_write_finish_entry(o->a) < ARCHIVE_WARN) {
        set_error(err, errlen, "writing the output archive", o->a);
        rc = -1;
    }
    return rc;
}

int bundle_out_member(bundle_out *o, bundle_item *it, char *err, size_t errlen)
{
    int is_dir = it->status == BS_DIRECTORY;
    if (!is_dir && !it->out)
        return 0;
    int merge;
    char *path = unique(o, it->path, is_dir, &merge);
    if (merge)
        return 0;
    if (!path || remember(o, path, is_dir)) {
        free(path);
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        return -1;
    }
    free(it->path);
    it->path = path;
    return write_entry(o, path, is_dir, it->mode, it->mtime, it->out, err, errlen);
}

int bundle_out_file(bundle_out *o, const char *path, unsigned mode, int64_t mtime, spool *data,
                    char *err, size_t errlen)
{
    return write_entry(o, path, 0, mode, mtime, data, err, errlen);
}

int bundle_out_commit(bundle_out *o, char *err, size_t errlen)
{
    int rc = -1;
    if (archive_write_close(o->a) != ARCHIVE_OK)
        set_error(err, errlen, "finishing the output archive", o->a);
    else if (fsync(o->fd) != 0)
        snprintf(err, errlen, "%s: %s", o->path, strerror(errno));
    else
        rc = 0;
    if (rc == 0) {
        archive_write_free(o->a); /* closed already: writes nothing more */
        o->a = NULL;
        int fd = o->fd;
        o->fd = -1;
        char proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
        if (!o->named && linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == 0)
            o->named = 1;
        int e = o->named ? 0 : errno;
        if (close(fd) != 0 && !e)
            e = errno;
        if (!e && rename(o->tmp, o->path) != 0)
            e = errno;
        if (e) {
            snprintf(err, errlen, "%s: %s", o->path, strerror(e));
            rc = -1;
        } else
            o->named = 0; /* it is OUT now */
    }
    bundle_out_abort(o);
    return rc;
}

void bundle_out_abort(bundle_out *o)
{
    if (!o)
        return;
    archive_write_free(o->a); /* may write a trailer: into a file about to go */
    if (o->fd >= 0)
        close(o->fd);
    if (o->named)
        unlink(o->tmp);
    for (size_t i = 0; i < o->set_cap; i++)
        free(o->set[i].path);
    free(o->set);
    free(o->tmp);
    free(o->path);
    free(o->buf);
    free(o);
}
