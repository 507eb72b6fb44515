/* phiscrub.h — PHI redaction for log streams.
 *
 * Three kinds of object:
 *   phiscrub_config  a mutable description of which rules to use (packs, rule
 *                    files, a name roster, an allow list). Build it, compile
 *                    it, free it.
 *   phiscrub_rules   the compiled, immutable rule set (a Hyperscan database
 *                    plus rule metadata). Read-only after compilation: share
 *                    one between any number of threads.
 *   phiscrub_stream  per-input state: a fixed line buffer and Hyperscan
 *                    scratch. One per thread; never shared.
 *
 * Bytes are pushed into a stream; redacted bytes come out through a sink
 * callback. Text that is not PHI is passed through byte for byte, and a mask
 * never adds or removes a line break, so output line N is input line N.
 *
 * Errors: every function that can fail returns a phiscrub_status. A stream
 * that failed once stays failed (every later call returns
 * PHISCRUB_ERR_FAILED and nothing more reaches the sink), so a caller cannot
 * accidentally continue and write unredacted data after an error.
 * Error texts never contain input bytes.
 *
 * Ownership: objects returned through an out-parameter belong to the caller
 * and are released with the matching *_free function, which accepts NULL.
 * Strings passed in are copied; the caller keeps ownership of them. */
#ifndef PHISCRUB_H
#define PHISCRUB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PHISCRUB_VERSION_MAJOR 0
#define PHISCRUB_VERSION_MINOR 1
#define PHISCRUB_VERSION_PATCH 0
#define PHISCRUB_VERSION_STRING "0.1.0"

#if defined(PHISCRUB_BUILDING) && defined(__GNUC__)
#define PHISCRUB_API __attribute__((visibility("default")))
#else
#define PHISCRUB_API
#endif

typedef enum {
    PHISCRUB_OK = 0,
    PHISCRUB_ERR_NOMEM,    /* an allocation failed */
    PHISCRUB_ERR_ARG,      /* a NULL or out-of-range argument */
    PHISCRUB_ERR_IO,       /* reading a rule/list file failed, or the sink reported an I/O error */
    PHISCRUB_ERR_CONFIG,   /* a rule file, roster or option is invalid; see phiscrub_error */
    PHISCRUB_ERR_PATTERN,  /* a pattern does not compile or is unbounded; see phiscrub_error */
    PHISCRUB_ERR_PLATFORM, /* Hyperscan does not support this CPU */
    PHISCRUB_ERR_SCAN,     /* Hyperscan failed while scanning */
    PHISCRUB_ERR_LIMIT,    /* a configured limit was exceeded */
    PHISCRUB_ERR_FAILED    /* the stream failed earlier and accepts nothing more */
} phiscrub_status;

/* A static, human-readable name for a status. Never NULL. */
PHISCRUB_API const char *phiscrub_strerror(phiscrub_status status);

/* Detail for configuration errors, filled when a phiscrub_error* is passed.
 * Holds a message, the file and 1-based line:column when known, and the rule
 * id involved. Never holds input data. All fields are empty/0 when unknown. */
typedef struct {
    char message[256];
    char file[256];
    unsigned line;
    unsigned column;
    char rule_id[64];
} phiscrub_error;

/* Formats err as "file:line:col: message" (or just the message when no
 * position is known) into buf. Returns buf. */
PHISCRUB_API const char *phiscrub_error_format(const phiscrub_error *err, char *buf, size_t size);

/* ---- Configuration ------------------------------------------------------- */

typedef struct phiscrub_config phiscrub_config;

/* Option bits for phiscrub_config_set_flags. */
enum {
    PHISCRUB_KEEP_PRIVATE_IP = 1u << 0 /* don't mask private, loopback and link-local IPs */
};

/* Creates an empty configuration: no rules at all. Call
 * phiscrub_config_add_builtin_packs for the defaults. */
PHISCRUB_API phiscrub_status phiscrub_config_new(phiscrub_config **out);
PHISCRUB_API void phiscrub_config_free(phiscrub_config *cfg);

/* Adds the rule packs compiled into the library (core, hipaa, secrets) and
 * the word lists they use. They need no files at run time. */
PHISCRUB_API phiscrub_status phiscrub_config_add_builtin_packs(phiscrub_config *cfg, phiscrub_error *err);

/* Adds a YAML rule file. A rule whose id already exists replaces it; a rule
 * with `enabled: false` disables the rule of that id. */
PHISCRUB_API phiscrub_status phiscrub_config_add_rules_file(phiscrub_config *cfg, const char *path,
                                               phiscrub_error *err);

/* Same, from memory. name is used in error messages and --list-rules. */
PHISCRUB_API phiscrub_status phiscrub_config_add_rules_text(phiscrub_config *cfg, const char *name,
                                               const char *text, size_t len, phiscrub_error *err);

/* Pack selection. Once any pack is enabled, only enabled packs are used;
 * a disabled pack is never used. Unknown names fail at compile time. The
 * roster (below) is used whatever packs are enabled, unless the pack
 * "roster" is disabled. */
PHISCRUB_API phiscrub_status phiscrub_config_enable_pack(phiscrub_config *cfg, const char *pack);
PHISCRUB_API phiscrub_status phiscrub_config_disable_pack(phiscrub_config *cfg, const char *pack);

/* A roster of full names (one per line, '#' comments and blank lines
 * ignored), masked as NAME case-insensitively on word boundaries. */
PHISCRUB_API phiscrub_status phiscrub_config_add_names_file(phiscrub_config *cfg, const char *path,
                                               phiscrub_error *err);
PHISCRUB_API phiscrub_status phiscrub_config_add_name(phiscrub_config *cfg, const char *full_name);

/* Terms that are never masked (the clinic's own name, product names):
 * a match lying entirely inside an occurrence of an allowed term is kept.
 * One per line in the file; matched case-insensitively. */
PHISCRUB_API phiscrub_status phiscrub_config_add_allow_file(phiscrub_config *cfg, const char *path,
                                               phiscrub_error *err);
PHISCRUB_API phiscrub_status phiscrub_config_add_allow(phiscrub_config *cfg, const char *term);

PHISCRUB_API phiscrub_status phiscrub_config_set_flags(phiscrub_config *cfg, unsigned flags);

/* A folder where compiled databases are cached, keyed by a digest of
 * everything that goes into them. NULL (the default) disables the cache.
 * The folder must belong to the current user and not be writable by others;
 * otherwise it is ignored. */
PHISCRUB_API phiscrub_status phiscrub_config_set_cache_dir(phiscrub_config *cfg, const char *dir);

/* ---- Compiled rules ------------------------------------------------------ */

typedef struct phiscrub_rules phiscrub_rules;

/* Compiles cfg. The result does not refer to cfg, which may be freed. */
PHISCRUB_API phiscrub_status phiscrub_rules_compile(const phiscrub_config *cfg, phiscrub_rules **out,
                                       phiscrub_error *err);
PHISCRUB_API void phiscrub_rules_free(phiscrub_rules *rules);

typedef struct {
    const char *id;
    const char *category;    /* "NAME", "PHONE", ... */
    const char *pack;        /* "core", "hipaa", "secrets", "roster", or a file's pack */
    const char *validator;   /* "" when none */
    const char *replacement; /* "[NAME]", ... */
    const char *source;      /* "file:line" where the rule was defined */
} phiscrub_rule_info;

/* Active rules, in definition order. Pointers stay valid while rules lives. */
PHISCRUB_API size_t phiscrub_rules_count(const phiscrub_rules *rules);
PHISCRUB_API phiscrub_status phiscrub_rules_info(const phiscrub_rules *rules, size_t index,
                                    phiscrub_rule_info *info);

/* Categories, indexed 0..count-1, for per-category statistics. */
PHISCRUB_API size_t phiscrub_rules_category_count(const phiscrub_rules *rules);
PHISCRUB_API const char *phiscrub_rules_category_name(const phiscrub_rules *rules, size_t index);

/* Hyperscan database size and compile time, for benchmarks and --stats. */
PHISCRUB_API size_t phiscrub_rules_database_size(const phiscrub_rules *rules);
PHISCRUB_API double phiscrub_rules_compile_ms(const phiscrub_rules *rules);
/* 1 when the database was loaded from the cache or the built-in copy. */
PHISCRUB_API int phiscrub_rules_from_cache(const phiscrub_rules *rules);

/* ---- Streams ------------------------------------------------------------- */

typedef struct phiscrub_stream phiscrub_stream;

/* Receives redacted output. Return PHISCRUB_OK, or an error status to stop
 * the stream; the stream then fails with that status. */
typedef phiscrub_status (*phiscrub_sink)(void *ctx, const char *data, size_t len);

/* Zero-initialise for defaults. */
typedef struct {
    size_t buffer_size; /* line buffer capacity; 0 = 256 KiB. Rounded up to the
                           minimum the rules need (4x their longest match). */
} phiscrub_stream_options;

PHISCRUB_API phiscrub_status phiscrub_stream_new(const phiscrub_rules *rules,
                                    const phiscrub_stream_options *options, phiscrub_sink sink,
                                    void *sink_ctx, phiscrub_stream **out);
PHISCRUB_API void phiscrub_stream_free(phiscrub_stream *stream);

/* Takes len bytes of input. Complete lines are scanned and emitted when the
 * buffer fills; call flush to emit them sooner. Any byte values are fine. */
PHISCRUB_API phiscrub_status phiscrub_stream_write(phiscrub_stream *stream, const void *data, size_t len);

/* Scans and emits every complete line received so far. */
PHISCRUB_API phiscrub_status phiscrub_stream_flush(phiscrub_stream *stream);

/* End of input: emits everything, including a last line without '\n'
 * (no newline is added). Call reset to reuse the stream. */
PHISCRUB_API phiscrub_status phiscrub_stream_finish(phiscrub_stream *stream);

/* Forgets all buffered input and the failed state, keeps statistics.
 * For one stream per message, as the syslog front ends use it. */
PHISCRUB_API void phiscrub_stream_reset(phiscrub_stream *stream);

typedef struct {
    uint64_t bytes_in;
    uint64_t bytes_out;
    uint64_t masks;   /* masked regions in total */
    uint64_t scans;   /* Hyperscan calls on the main database */
    uint64_t candidates; /* raw matches before validation */
} phiscrub_stats;

PHISCRUB_API void phiscrub_stream_stats(const phiscrub_stream *stream, phiscrub_stats *stats);
/* Masked regions of category index (see phiscrub_rules_category_name). */
PHISCRUB_API uint64_t phiscrub_stream_category_masks(const phiscrub_stream *stream, size_t category);

#ifdef __cplusplus
}
#endif
#endif
