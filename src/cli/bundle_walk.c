/* bundle_walk.c — folder input, walked without following any symlink.
 *
 * Every step is relative to an open directory descriptor (openat, fstatat
 * with AT_SYMLINK_NOFOLLOW, O_NOFOLLOW), so a symlink, or a directory
 * swapped for one while we walk, is never followed: a symlink is listed
 * as skipped and its target never read. Opened files and folders are
 * checked against what fstatat saw (same device and inode, still a
 * regular file or folder). O_NONBLOCK keeps a FIFO that appears in a race
 * from blocking the open.
 *
 * Entries are sorted by name (strcmp) at each level so the output does
 * not depend on readdir order. A file or folder that cannot be opened is
 * listed as "skipped-unreadable" rather than failing the run: leaving it
 * out leaks nothing. The output's own temporary file is never an input. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WALK_MAX_DEPTH 128

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in d, sorted; NULL with *n = 0 when empty. */
static char **list(DIR *d, size_t *n, int *err)
{
    char **v = NULL;
    size_t cap = 0;
    struct dirent *de;
    *n = 0;
    *err = 0;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        if (*n == cap) {
            char **b = realloc(v, (cap = cap ? cap * 2 : 64) * sizeof *v);
            if (!b)
                break;
            v = b;
        }
        if (!(v[*n] = strdup(de->d_name)))
            break;
        ++*n;
        errno = 0;
    }
    *err = de ? ENOMEM : errno;
    if (*n)
        qsort(v, *n, sizeof *v, by_name);
    return v;
}

static char *join(const char *prefix, const char *name)
{
    size_t pl = strlen(prefix), nl = strlen(name);
    char *r = malloc(pl + nl + 2);
    if (!r)
        return NULL;
    if (pl) {
        memcpy(r, prefix, pl);
        r[pl++] = '/';
    }
    memcpy(r + pl, name, nl + 1);
    return r;
}

static int same(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static int walk(bundle_ctx *c, int dfd, const char *prefix, int depth);

/* One entry of the folder dfd. Returns 0, or -1 when the run fails. */
static int entry(bundle_ctx *c, int dfd, const char *name, const char *prefix, int depth)
{
    bundle_item *it = bundle_item_new();
    char *rel = it ? join(prefix, name) : NULL;
    if (!rel) {
        bundle_item_free(it);
        bundle_fail(c, EXIT_INTERNAL, "reading the folder: %s", strerror(ENOMEM));
        return -1;
    }
    it->raw_path = rel;
    struct stat st, fst;
    int sub = -1;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        it->kind = BK_UNREADABLE;
        return bundle_push(c, it);
    }
    it->mode = (unsigned)st.st_mode & 0777u;
    it->mtime = (int64_t)st.st_mtime;
    if (S_ISLNK(st.st_mode))
        it->kind = BK_SYMLINK;
    else if (S_ISDIR(st.st_mode)) {
        sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        it->kind = BK_DIR;
        if (sub < 0 || fstat(sub, &fst) != 0 || !same(&st, &fst)) {
            it->kind = BK_UNREADABLE;
            if (sub >= 0)
                close(sub);
            sub = -1;
        }
    } else if (S_ISREG(st.st_mode)) {
        if (st.st_dev == c->skip_dev && st.st_ino == c->skip_ino) {
            bundle_item_free(it); /* our own output */
            return 0;
        }
        it->fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        it->kind = BK_FILE;
        if (it->fd < 0 || fstat(it->fd, &fst) != 0 || !S_ISREG(fst.st_mode) || !same(&st, &fst))
            it->kind = BK_UNREADABLE;
        else
            fcntl(it->fd, F_SETFL, fcntl(it->fd, F_GETFL) & ~O_NONBLOCK);
        if (it->kind != BK_FILE && it->fd >= 0) {
            close(it->fd);
            it->fd = -1;
        }
    } else
        it->kind = BK_SPECIAL;
    char *rel_copy = sub >= 0 ? strdup(rel) : NULL;
    if (bundle_push(c, it)) { /* it belongs to the queue from here */
        if (sub >= 0)
            close(sub);
        free(rel_copy);
        return -1;
    }
    if (sub < 0)
        return 0;
    if (!rel_copy) {
        close(sub);
        bundle_fail(c, EXIT_INTERNAL, "reading the folder: %s", strerror(ENOMEM));
        return -1;
    }
    int rc = walk(c, sub, rel_copy, depth + 1);
    free(rel_copy);
    return rc;
}

/* Walks the folder dfd (closed here). */
static int walk(bundle_ctx *c, int dfd, const char *prefix, int depth)
{
    if (depth > WALK_MAX_DEPTH) {
        close(dfd);
        bundle_fail(c, EXIT_RUNTIME, "input folder is nested deeper than %d levels",
                    WALK_MAX_DEPTH);
        return -1;
    }
    DIR *d = fdopendir(dfd);
    if (!d) {
        int err = errno;
        close(dfd);
        bundle_fail(c, EXIT_RUNTIME, "reading the folder: %s", strerror(err));
        return -1;
    }
    size_t n;
    int err;
    char **names = list(d, &n, &err);
    int rc = 0;
    if (err) {
        bundle_fail(c, err == ENOMEM ? EXIT_INTERNAL : EXIT_RUNTIME, "reading the folder: %s",
                    strerror(err));
        rc = -1;
    }
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = entry(c, dirfd(d), names[i], prefix, depth);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    return rc;
}

int bundle_walk(bundle_ctx *c, const char *root)
{
    /* The root is what the user named: following a symlink there is fine. */
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        bundle_fail(c, EXIT_RUNTIME, "%s: %s", root, strerror(errno));
        return -1;
    }
    return walk(c, fd, "", 0);
}
