/* internal.h — types shared by the library's modules; not installed.
 *
 * Data flows one way: rule files (rules_yaml.c) and the config builder
 * (config.c) produce rule_def records; rules_compile.c turns them into an
 * immutable phiscrub_rules; stream.c feeds lines through match.c (Hyperscan
 * candidates -> confirmed spans) and spans.c (overlap resolution) to the sink. */
#ifndef PHISCRUB_INTERNAL_H
#define PHISCRUB_INTERNAL_H

#include "phiscrub.h"
#include "first_bytes.h"
#include "validate.h"

#include <hs.h>
#include <stdbool.h>
#include <stddef.h>

/* Short error paths (after zstd's FORWARD_IF_ERROR). */
#define RETURN_IF_ERR(expr)                                                                        \
    do {                                                                                           \
        phiscrub_status st_ = (expr);                                                              \
        if (st_ != PHISCRUB_OK)                                                                    \
            return st_;                                                                            \
    } while (0)

/* Limits that keep memory bounded and patterns sane. */
#define RULE_MAX_WIDTH 8192u          /* longest match any expression may produce */
#define RULE_MAX_WINDOW 256u          /* longest context look-back */
#define VALUE_LEAD_MAX 9u             /* '>', blanks, '[' and a quote skipped after a key (match.c) */
/* A rule's between: expression shares its value database, under this id. */
#define BETWEEN_ID_BIT 0x80000000u
#define RULE_FILE_MAX_BYTES (8u << 20) /* rule and list files */
#define STREAM_DEFAULT_BUFFER (256u << 10)

/* ---- small helpers (util.c) ---- */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Reads a whole file (at most max bytes) into a NUL-terminated buffer. */
phiscrub_status read_file(const char *path, size_t max, char **out, size_t *len,
                          phiscrub_error *err);
void error_set(phiscrub_error *err, const char *file, unsigned line, unsigned col,
               const char *rule_id, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* A growable, always NUL-terminated byte string (pattern building). */
typedef struct {
    char *p;
    size_t n, cap;
} sbuf;
bool sbuf_add(sbuf *b, const char *s, size_t n);
/* Appends w as a Hyperscan literal: ASCII letters and digits as they are,
 * every other byte as \xNN, so no byte of a name or term can act as
 * pattern syntax. */
bool sbuf_add_literal(sbuf *b, const char *w, size_t n);

/* A growable array of owned strings. */
typedef struct {
    char **v;
    size_t n, cap;
} strvec;
phiscrub_status strvec_push(strvec *sv, const char *s);      /* copies s */
phiscrub_status strvec_push_owned(strvec *sv, char *s);       /* takes s, frees it on failure */
void strvec_free(strvec *sv);

/* ASCII-only helpers: input bytes may be anything, locale must not matter. */
static inline int ascii_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
/* s[0, n) is one of the lower-case words (a NULL-terminated list),
 * ignoring ASCII case. */
static inline bool ascii_word_in(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++) {
        size_t i = 0;
        const char *w = *words;
        while (i < n && w[i] && ascii_lower((unsigned char)s[i]) == (unsigned char)w[i])
            i++;
        if (i == n && !w[i])
            return true;
    }
    return false;
}
static inline bool ascii_is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
static inline bool ascii_is_word(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c >= 0x80;
}

/* ---- word sets (wordset.c): case-insensitive ASCII lookup, immutable once built ---- */
typedef struct wordset wordset;
phiscrub_status wordset_build(const strvec *words, wordset **out);
/* One set of the words of several lists. */
phiscrub_status wordset_build_lists(const strvec *const *lists, size_t nlists, wordset **out);
bool wordset_has(const wordset *ws, const char *s, size_t n);
void wordset_free(wordset *ws);

/* ---- rule definitions, as read from files (config.c, rules_yaml.c) ---- */
typedef struct {
    char *id, *category, *pack;
    char *source;          /* "file:line" */
    strvec patterns;       /* expanded Hyperscan expressions (without the key) */
    strvec keys;           /* expanded; empty when the whole match is the PHI */
    char *key_list;        /* every word of this list is a literal key */
    char *before;          /* expanded; must match right before the key; masked too */
    char *between;         /* expanded; words between the key and its value, not masked */
    bool before_optional;  /* no match before the key: start the mask at the key */
    bool longest_only;     /* keyed: only the longest value may match, no shorter one */
    char *record_field;    /* "id", "date", "dob": labels fields of patient records */
    strvec requires;       /* record_field: categories that mark a line as a record */
    char *value_list;      /* the value's first word must be in this list */
    bool mask_all;         /* keyed: mask the key too ("mask: all") */
    bool mask_before;      /* keyed, before:, no value: mask before: alone ("mask: before") */
    char *validator;       /* NULL when none */
    strvec context;        /* cue words, one must occur within `window` bytes before */
    unsigned window;
    strvec not_context;    /* words that veto the match within `not_window` bytes before */
    unsigned not_window;
    bool caseless;
    bool enabled;
    bool keep;             /* keep: what it matches is kept, and any mask inside it */
    bool numeric;          /* matches only digits and separators: scanned in numeric windows */
    bool whole_run;        /* numeric: a match must not continue with its separator and a digit */
    bool record_tuple;     /* keyed, no value: the key joins SQL column names to values */
    bool one_segment;      /* keyed: the value ends at a logged HL7 segment break ("\\r", "<CR>") */
    char *replacement;     /* NULL: "[CATEGORY]" */
    char *trim;            /* bytes stripped from the end of a keyed value; NULL: none */
    int priority;
    strvec ex_match, ex_keep; /* documented examples, run by the tests */
} rule_def;

void rule_def_free(rule_def *d);

typedef struct {
    char *name;
    strvec words;
} word_list;

struct phiscrub_config {
    rule_def *defs;
    size_t ndefs, capdefs;
    word_list *lists;
    size_t nlists, caplists;
    strvec roster, allow;
    strvec packs_on, packs_off;
    unsigned flags;
    char *cache_dir;
};

/* Adds or replaces (same id) a definition; takes ownership of *d on success
 * and on failure. */
phiscrub_status config_put_def(phiscrub_config *cfg, rule_def *d);
const word_list *config_find_list(const phiscrub_config *cfg, const char *name);
phiscrub_status config_add_list(phiscrub_config *cfg, const char *name, const char *text,
                                size_t len, phiscrub_error *err);

/* Parses a YAML rule pack (rules_yaml.c). */
phiscrub_status rules_yaml_load(phiscrub_config *cfg, const char *name, const char *text,
                                size_t len, phiscrub_error *err);

/* Built-in packs and lists compiled into the library (builtin.c). */
typedef struct {
    const char *name;
    const unsigned char *data;
    size_t len;
} builtin_file;
extern const builtin_file builtin_packs[];
extern const size_t builtin_packs_count;
extern const builtin_file builtin_lists[];
extern const size_t builtin_lists_count;

/* ---- compiled rules (rules_compile.c) ---- */

/* Expressions for hs_compile_multi with their flags and ids; width is the
 * widest match when known without asking Hyperscan (literals), else 0. */
typedef struct {
    strvec expr;
    unsigned *flags, *ids, *width;
    size_t cap;
} expr_list;

enum rule_kind { RULE_PLAIN, RULE_KEYED, RULE_RECORD };
enum record_field { RECORD_NONE, RECORD_ID, RECORD_DATE, RECORD_DOB, RECORD_NAME, RECORD_ADDRESS };
enum rule_check {
    CHECK_NONE,
    CHECK_VALIDATOR,
    CHECK_PERSON_NAME,
    CHECK_PERSON_NAME_WEAK,
    CHECK_GIVEN_NAME_ALONE,
    CHECK_PERSON_NAME_LISTED
};

typedef struct {
    char *id, *pack, *source, *validator_name, *replacement;
    size_t replacement_len;
    unsigned category;     /* index into phiscrub_rules.categories */
    enum rule_kind kind;
    enum rule_check check;
    const validator *validator;
    char **context;        /* lower-case cue words */
    size_t ncontext;
    unsigned window;
    char **not_context;
    size_t nnot;
    unsigned not_window;
    int priority;
    unsigned main_width;   /* widest match of its pattern or key */
    unsigned value_max;    /* RULE_KEYED: longest value */
    unsigned between_max;  /* RULE_KEYED with between: its longest match; 0: none */
    bool mask_all;         /* RULE_KEYED: the mask starts at the key */
    bool mask_before;      /* RULE_KEYED: the mask is what before: matched, the key kept */
    bool keep;             /* its match (a keyed rule's value) is kept, with any mask inside it */
    bool whole_run;        /* its match is a whole run of digit groups (numeric.h) */
    bool record_tuple;     /* RULE_KEYED: the key joins SQL column names to values (records.c) */
    bool one_segment;      /* RULE_KEYED: the value ends at a logged "\\r" or "<CR>" ... */
    char segments[64];     /* ... and the key at it: the segment ids its keys name, "PIDNK1" */
    bool literal_keys;     /* keys are bare words: word boundaries checked in C */
    char *key_list;        /* the list behind literal_keys */
    /* Rules with the same key_list share one set of literal expressions
     * (15,000 given names compiled once): the first owns them and lists
     * the others, which are confirmed on the same matches. */
    unsigned *followers;
    size_t nfollowers;
    int key_leader;        /* a follower: the rule owning its keys; else -1 */
    bool caseless;
    wordset *value_words;  /* RULE_KEYED: the value's first word must be one of these */
    bool has_value;        /* RULE_KEYED: a value pattern follows the key */
    /* RULE_KEYED: after any blanks a value must start with one of these
     * bytes (first_bytes.h), so most keys need no side scan at all. */
    byteset value_first;
    bool value_first_known; /* false: any byte may start a value */
    /* One small database per rule, not one for all: a side scan runs per
     * candidate, and Hyperscan's per-call cost grows with the database
     * (6.5 us for all values together, 0.13 us for one rule's). */
    hs_database_t *value_db;  /* the values, anchored at the start of the scanned bytes */
    hs_database_t *before_db; /* the before: pattern, anchored at the end, SOM */
    unsigned before_max;   /* RULE_KEYED with before: its longest match; 0: none */
    bool before_optional;  /* ... and the key alone will do */
    bool longest_only;     /* RULE_KEYED: no fallback to shorter values */
    enum record_field record_field; /* RULE_RECORD: which fields it labels */
    unsigned *requires;    /* RULE_RECORD: evidence categories */
    size_t nrequires;
    char *trim;            /* RULE_KEYED: bytes stripped from the value's end */
    strvec ex_match, ex_keep;
} compiled_rule;

struct phiscrub_rules {
    compiled_rule *rules;
    size_t nrules;
    unsigned *expr_rule;   /* Hyperscan expression id -> rule index */
    bool *expr_som;        /* ... and whether it reports its start (SOM) */
    size_t nexpr;
    /* Expression ids run through the three databases in this order. */
    hs_database_t *db;     /* plain patterns and keys; SOM_LEFTMOST | MULTILINE; may be NULL */
    /* key_list words (15,000 given names): bare literals in their own
     * database. Two scans beat one: mixed with the keys' regexes, the
     * names slow the literal matcher for everything (see bench/README.md). */
    hs_database_t *words_db;
    hs_database_t *numeric_db; /* `numeric: true` rules, scanned in numeric windows */
    char **categories;
    size_t ncategories;
    wordset *stopwords;    /* common words a person-name candidate may not be */
    wordset *given_words;  /* given names that are English words too (Holly, Reed, Grant) */
    wordset *name_words;   /* given names and surnames: a lone field of a patient record */
    unsigned flags;        /* PHISCRUB_KEEP_PRIVATE_IP ... */
    unsigned max_width;    /* longest possible match including a keyed value: the hold-back */
    unsigned max_window;   /* longest context look-back */
    size_t db_size;
    double compile_ms;
    int from_cache;
    unsigned char digest[32]; /* SHA-256 of everything compiled: the cache key */
    /* Large databases loaded from a cache live in their own pre-populated
     * mappings (see db_cache.c); they are unmapped, not hs_free'd. */
    struct db_mapping {
        void *p;
        size_t n;
    } *maps;
    size_t nmaps;
};

/* The databases scanned over every block, in id order; any may be NULL. */
#define RULES_BLOCK_DBS 3
static inline void rules_block_dbs(const phiscrub_rules *r,
                                   const hs_database_t *out[RULES_BLOCK_DBS])
{
    out[0] = r->db;
    out[1] = r->words_db;
    out[2] = r->numeric_db;
}

/* Frees a database of r, whether Hyperscan allocated it or it lives in
 * one of r's mappings (rules_compile.c). */
void rules_free_db(phiscrub_rules *r, hs_database_t *db);

/* ---- matching (match.c) ---- */

/* A confirmed span to mask, in buffer offsets. */
typedef struct {
    size_t start, end;
    unsigned rule;
} span;

typedef struct span_set span_set;

#endif
