/* db_cache.h — compiled Hyperscan databases that need not be compiled again.
 *
 * Compiling the default packs (thousands of dictionary names) takes seconds;
 * loading a serialized database takes about a millisecond. A syslog daemon
 * restarts its program destination often, so start-up must be fast. Two
 * sources, tried in order: the database the build compiled for the default
 * packs (embedded in the library), then a cache folder on disk. Both are
 * keyed by a SHA-256 digest of everything that goes into the databases. */
#ifndef PHISCRUB_DB_CACHE_H
#define PHISCRUB_DB_CACHE_H

#include "internal.h"

/* The expression lists of a rule set: main, words, values, befores, numeric. */
#define DB_CACHE_PARTS 5

/* Computes r->digest for these expression lists. Returns false on failure. */
bool db_cache_digest(const expr_list *const lists[DB_CACHE_PARTS], phiscrub_rules *r);

/* Loads r->db, r->words_db, r->numeric_db and every rule's value_db and before_db for
 * r->digest from the embedded database or from dir (may be NULL). A
 * database must be present exactly when it has expressions. Returns false,
 * leaving r untouched, when neither has a valid entry; the caller then
 * compiles. */
bool db_cache_load(const char *dir, const expr_list *const lists[DB_CACHE_PARTS],
                   phiscrub_rules *r);

/* Best effort: failures only mean the next start compiles again. */
void db_cache_store(const char *dir, const phiscrub_rules *r);

/* Serializes r's databases as a cache entry (caller frees *out). */
bool db_cache_serialize(const phiscrub_rules *r, char **out, size_t *len);

/* The entry the build embedded (builtin_db.c); len 0 when there is none. */
extern const unsigned char builtin_db_digest[32];
extern const unsigned char builtin_db_data[];
extern const size_t builtin_db_len;

#endif
