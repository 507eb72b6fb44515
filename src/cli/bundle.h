/* bundle.h — what the parts of `phiscrub bundle` share: the run context
 * (limits, counters, the first fatal error) and one member in flight.
 *
 * Threads: one reader (folder walk or libarchive read) creates members in
 * input order, N workers scrub them (bundle_jobs.c), and the main thread
 * writes them in input order (bundle.c). bundle_queue.c connects them.
 *
 * Member names are input text: they never appear in an error message.
 * Messages name a member by its 1-based number instead. */
#ifndef PHISCRUB_CLI_BUNDLE_H
#define PHISCRUB_CLI_BUNDLE_H

#include "cli.h"
#include "bundle_spool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/types.h>

#define BUNDLE_REPORT_NAME "PHISCRUB-REPORT.json"

/* Defaults of the archive-bomb limits (--max-members, --max-total-size,
 * --max-ratio). The ratio is only judged once a compressed stream has
 * produced BUNDLE_RATIO_FLOOR bytes: a small file of zeros is harmless. */
#define BUNDLE_MAX_MEMBERS 100000ull
#define BUNDLE_MAX_TOTAL (16ull << 30)
#define BUNDLE_MAX_RATIO 200ull
#define BUNDLE_RATIO_FLOOR (1ull << 20)

/* What the reader found. */
typedef enum {
    BK_FILE,       /* regular file: scrubbed */
    BK_DIR,        /* directory: written as an entry */
    BK_SYMLINK,    /* never followed nor written */
    BK_HARDLINK,   /* archive hard link: never written */
    BK_SPECIAL,    /* device, fifo, socket */
    BK_UNSAFE,     /* absolute path or a ".." component */
    BK_UNREADABLE  /* folder input: could not be opened */
} bundle_kind;

/* What became of it; the names are the report's "status" values. */
typedef enum {
    BS_SCRUBBED,
    BS_BINARY_DROPPED,
    BS_BINARY_KEPT,
    BS_CORRUPT_DROPPED,
    BS_DIRECTORY,
    BS_SKIPPED_SYMLINK,
    BS_SKIPPED_HARDLINK,
    BS_SKIPPED_SPECIAL,
    BS_SKIPPED_UNSAFE,
    BS_SKIPPED_UNREADABLE
} bundle_status;

const char *bundle_status_name(bundle_status s);

typedef struct bundle_item {
    uint64_t number;      /* 1-based, input order */
    char *raw_path;       /* input name, normalised; never printed */
    bundle_kind kind;
    unsigned mode;        /* permission bits */
    int64_t mtime;        /* seconds */
    /* Content of a BK_FILE: a folder file's descriptor, or the member's
     * bytes read from the input archive. */
    int fd;               /* -1 when none */
    spool *in;
    uint64_t fd_pos, fd_counted; /* read position; bytes already counted */
    /* Results, filled by a worker. */
    char *path;           /* scrubbed name (the writer may add ~N) */
    int path_changed;
    bundle_status status;
    int gzip;             /* a nested .gz member, recompressed */
    uint64_t bytes_in, bytes_out;
    uint64_t *counts;     /* masks per category, NULL when none */
    spool *out;           /* bytes to write, NULL when nothing */
} bundle_item;

bundle_item *bundle_item_new(void);
void bundle_item_free(bundle_item *it);

struct bundle_queue;

typedef struct {
    const cli_options *opt;
    const phiscrub_rules *rules;
    size_t ncategories;
    uint64_t max_members, max_total, max_ratio;
    size_t spool_mem;            /* memory per spool before it spills to disk */
    int input_is_dir;
    dev_t skip_dev;              /* the output's temporary file: never an input */
    ino_t skip_ino;
    struct bundle_queue *queue;
    uint64_t members;            /* pushed so far; the reader's alone */
    _Atomic uint64_t expanded;   /* bytes counted against max_total */
    atomic_int failed;
    pthread_mutex_t lock;
    int exit_code;
    char error[512];
} bundle_ctx;

/* Records the first fatal error (later ones are dropped), stops every
 * thread through the queue. fmt must not receive input text. */
void bundle_fail(bundle_ctx *c, int exit_code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline int bundle_failed(bundle_ctx *c) { return atomic_load(&c->failed); }

/* Adds n expanded bytes; fails the run when --max-total-size is passed.
 * Returns 0, or -1 after failing. */
int bundle_count(bundle_ctx *c, uint64_t n);

/* Fails the run when `out` bytes came from `in` compressed bytes at more
 * than --max-ratio. `what` says which stream. Returns 0 or -1. */
int bundle_check_ratio(bundle_ctx *c, uint64_t in, uint64_t out, const char *what,
                       uint64_t number);

/* The reader thread (bundle_reader.c): walks the folder or reads the
 * archive at c->opt->inputs[0], pushes members, closes the queue. */
void *bundle_reader_main(void *ctx);

/* Folder input (bundle_walk.c): pushes every entry under root, sorted by
 * name at each level. Returns 0, or -1 after bundle_fail. */
int bundle_walk(bundle_ctx *c, const char *root);

/* Hands a new member to the workers; counts it against --max-members.
 * Takes ownership of it. Returns 0, or -1 when the run is failing. */
int bundle_push(bundle_ctx *c, bundle_item *it);

/* Splits a member name into its normal form: '/'-separated, no empty or
 * "." components, no trailing '/'. Returns a malloc'd string (NULL on
 * ENOMEM) and sets *unsafe for an absolute path or a ".." component
 * (also when written with '\\'). */
char *bundle_normalise_path(const char *raw, int *unsafe);

#endif
