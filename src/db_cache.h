/* db_cache.h — compiled Hyperscan databases cached on disk.
 *
 * Compiling the default packs (thousands of dictionary names) takes seconds;
 * loading a serialized database takes about a millisecond. A syslog daemon
 * restarts its program destination often, so start-up must be fast. */
#ifndef PHISCRUB_DB_CACHE_H
#define PHISCRUB_DB_CACHE_H

#include "internal.h"

/* Loads r->db and r->value_db for exactly these expressions from dir.
 * Returns false (and leaves r untouched) when dir is NULL, unsafe, or holds
 * no valid entry; the caller then compiles. */
bool db_cache_load(const char *dir, const expr_list *main, const expr_list *values,
                   phiscrub_rules *r);

/* Best effort: failures only mean the next start compiles again. */
void db_cache_store(const char *dir, const expr_list *main, const expr_list *values,
                    const phiscrub_rules *r);

#endif
