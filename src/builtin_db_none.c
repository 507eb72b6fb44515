/* builtin_db_none.c — "no embedded database", linked into the tool that
 * compiles the default packs at build time (tools/dbgen.c), which cannot
 * embed its own output. */
#include "db_cache.h"

const unsigned char builtin_db_digest[32] = {0};
const unsigned char builtin_db_data[1] = {0};
const size_t builtin_db_len = 0;
