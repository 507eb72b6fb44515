/* bundle_reader.c — the reader thread: members in input order, from a
 * folder (bundle_walk.c) or from any archive libarchive reads (tar in its
 * variants, zip, cpio, 7z, ... with any compression filter).
 *
 * Nothing is extracted to disk. A file member's bytes are read into a
 * spool (memory up to a cap, then an unlinked temporary file) and handed
 * to a worker; symlinks, hard links, devices, absolute paths and ".."
 * members are passed on only to be listed, never with content.
 *
 * The bomb limits are checked here as bytes arrive: the member count, the
 * total expanded size, and the expansion ratio of the whole archive
 * (decoded bytes against bytes read from the file; sparse tar entries
 * count as what they expand to).
 *
 * libarchive's messages are printed with anything quoted in them cut out:
 * that is where it puts member names. */
#define _POSIX_C_SOURCE 200809L
#include "bundle.h"
#include "bundle_queue.h"
#include "signals.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define READ_CHUNK (256u << 10)

char *bundle_normalise_path(const char *raw, int *unsafe)
{
    size_t len = strlen(raw);
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    *unsafe = raw[0] == '/' || raw[0] == '\\';
    /* ".." between any of '/' and '\\': some extractors take '\\' as a
     * separator too. */
    for (size_t i = 0, seg = 0; i <= len; i++)
        if (i == len || raw[i] == '/' || raw[i] == '\\') {
            if (i - seg == 2 && raw[seg] == '.' && raw[seg + 1] == '.')
                *unsafe = 1;
            seg = i + 1;
        }
    size_t used = 0;
    for (size_t i = 0; i <= len;) {
        size_t j = i;
        while (j < len && raw[j] != '/')
            j++;
        size_t n = j - i;
        if (n && !(n == 1 && raw[i] == '.')) {
            if (used)
                out[used++] = '/';
            memcpy(out + used, raw + i, n);
            used += n;
        }
        i = j + 1;
    }
    out[used] = 0;
    return out;
}

int bundle_push(bundle_ctx *c, bundle_item *it)
{
    if (cli_stop_requested)
        bundle_fail(c, EXIT_RUNTIME, "interrupted");
    if (bundle_failed(c)) {
        bundle_item_free(it);
        return -1;
    }
    it->number = ++c->members;
    if (c->members > c->max_members) {
        bundle_item_free(it);
        bundle_fail(c, EXIT_RUNTIME,
                    "input has more than %llu members; refused as a possible archive bomb "
                    "(raise --max-members to allow it)",
                    (unsigned long long)c->max_members);
        return -1;
    }
    return queue_push(c->queue, it);
}

/* libarchive's message with quoted parts (names) replaced by '...'. */
static const char *archive_message(struct archive *a, char *buf, size_t size)
{
    const char *m = archive_error_string(a);
    if (!m)
        return strerror(archive_errno(a) ? archive_errno(a) : EIO);
    size_t k = 0;
    char quote = 0;
    for (; *m && k + 6 < size; m++) {
        if (quote) {
            if (*m == quote) {
                memcpy(buf + k, "...'", 4);
                k += 4;
                quote = 0;
            }
        } else if (*m == '\'' || *m == '"' || *m == '`') {
            quote = *m;
            buf[k++] = '\'';
        } else
            buf[k++] = (*m >= 0x20 && *m < 0x7f) ? *m : '?';
    }
    buf[k] = 0;
    return buf;
}

static bundle_kind kind_of(struct archive_entry *e)
{
    if (archive_entry_hardlink(e))
        return BK_HARDLINK;
    switch (archive_entry_filetype(e)) {
    case AE_IFREG: return BK_FILE;
    case AE_IFDIR: return BK_DIR;
    case AE_IFLNK: return BK_SYMLINK;
    default: return BK_SPECIAL;
    }
}

/* Reads the current entry's bytes into it->in, checking the limits. */
static int read_data(bundle_ctx *c, struct archive *a, bundle_item *it, char *buf,
                     uint64_t *decoded)
{
    char msg[256];
    if (!(it->in = spool_new(c->spool_mem))) {
        bundle_fail(c, EXIT_INTERNAL, "member %llu: %s", (unsigned long long)it->number,
                    strerror(ENOMEM));
        return -1;
    }
    for (;;) {
        la_ssize_t k = archive_read_data(a, buf, READ_CHUNK);
        if (k == 0)
            return 0;
        if (k < 0) {
            bundle_fail(c, EXIT_RUNTIME, "%s: member %llu: %s", c->opt->inputs[0],
                        (unsigned long long)it->number, archive_message(a, msg, sizeof msg));
            return -1;
        }
        *decoded += (uint64_t)k;
        if (bundle_count(c, (uint64_t)k) ||
            bundle_check_ratio(c, (uint64_t)archive_filter_bytes(a, -1), *decoded, "the archive",
                               it->number))
            return -1;
        int err = spool_write(it->in, buf, (size_t)k);
        if (err) {
            bundle_fail(c, err == ENOMEM ? EXIT_INTERNAL : EXIT_RUNTIME,
                        "member %llu: temporary file: %s", (unsigned long long)it->number,
                        strerror(err));
            return -1;
        }
        if (bundle_failed(c))
            return -1;
    }
}

static void read_archive(bundle_ctx *c, const char *path)
{
    char msg[256];
    struct archive *a = archive_read_new();
    char *buf = malloc(READ_CHUNK);
    if (!a || !buf) {
        bundle_fail(c, EXIT_INTERNAL, "%s: %s", path, strerror(ENOMEM));
        goto done;
    }
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    if (archive_read_open_filename(a, path, 64u << 10) != ARCHIVE_OK) {
        bundle_fail(c, EXIT_RUNTIME, "%s: not a folder or a readable archive: %s", path,
                    archive_message(a, msg, sizeof msg));
        goto done;
    }
    uint64_t decoded = 0;
    for (;;) {
        struct archive_entry *e;
        int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r == ARCHIVE_RETRY)
            continue;
        if (r < ARCHIVE_WARN) {
            bundle_fail(c, EXIT_RUNTIME, "%s: %s", path, archive_message(a, msg, sizeof msg));
            break;
        }
        bundle_item *it = bundle_item_new();
        const char *name = archive_entry_pathname(e);
        if (!name)
            name = archive_entry_pathname_utf8(e);
        int unsafe = 0;
        if (it)
            it->raw_path = bundle_normalise_path(name ? name : "", &unsafe);
        if (!it || !it->raw_path) {
            bundle_item_free(it);
            bundle_fail(c, EXIT_INTERNAL, "%s: %s", path, strerror(ENOMEM));
            break;
        }
        it->kind = kind_of(e);
        if (!name || (!it->raw_path[0] && it->kind != BK_DIR))
            unsafe = 1;
        if (!unsafe && !it->raw_path[0]) { /* "./": the root itself */
            bundle_item_free(it);
            continue;
        }
        if (unsafe) { /* listed under the name it came with, never written */
            it->kind = BK_UNSAFE;
            free(it->raw_path);
            if (!(it->raw_path = strdup(name ? name : ""))) {
                bundle_item_free(it);
                bundle_fail(c, EXIT_INTERNAL, "%s: %s", path, strerror(ENOMEM));
                break;
            }
        }
        it->mode = (unsigned)archive_entry_perm(e) & 0777u;
        it->mtime = (int64_t)archive_entry_mtime(e);
        it->number = c->members + 1; /* bundle_push confirms it */
        if (it->kind == BK_FILE && read_data(c, a, it, buf, &decoded)) {
            bundle_item_free(it);
            break;
        }
        if (bundle_push(c, it))
            break;
    }
done:
    free(buf);
    archive_read_free(a);
}

void *bundle_reader_main(void *arg)
{
    bundle_ctx *c = arg;
    if (c->input_is_dir)
        bundle_walk(c, c->opt->inputs[0]);
    else
        read_archive(c, c->opt->inputs[0]);
    queue_close(c->queue);
    return NULL;
}
