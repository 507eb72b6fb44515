/* bundle_writer.h — the output archive, written to OUT.tmp-PID and renamed
 * to OUT only when complete. Used by the main thread only. */
#ifndef PHISCRUB_CLI_BUNDLE_WRITER_H
#define PHISCRUB_CLI_BUNDLE_WRITER_H

#include "bundle.h"

enum { BUNDLE_TAR, BUNDLE_TGZ, BUNDLE_ZIP };

/* The format OUT's extension asks for (.tar, .tar.gz, .tgz, .zip, any
 * case), or -1. */
int bundle_out_format(const char *path);

typedef struct bundle_out bundle_out;

/* Creates the temporary file next to path. On failure returns NULL and
 * writes the reason (no input text) into err. */
bundle_out *bundle_out_open(const char *path, int format, char *err, size_t errlen);

/* The temporary file's device and inode, so the folder walk can skip it. */
void bundle_out_identity(const bundle_out *o, dev_t *dev, ino_t *ino);

/* Writes a member that has an entry (a directory, or a file with out).
 * A path already written gets "~2", "~3"... before its extension (it->path
 * is updated); a folder that repeats one is merged. Returns 0, or -1 with
 * the reason in err. */
int bundle_out_member(bundle_out *o, bundle_item *it, char *err, size_t errlen);

/* Writes a regular file entry from data (rewound here). Same returns. */
int bundle_out_file(bundle_out *o, const char *path, unsigned mode, int64_t mtime, spool *data,
                    char *err, size_t errlen);

/* Finishes the archive, syncs it and renames it to OUT. Frees o. */
int bundle_out_commit(bundle_out *o, char *err, size_t errlen);

/* Drops everything: the temporary file is removed. Frees o; NULL is a
 * no-op. */
void bundle_out_abort(bundle_out *o);

#endif
