/* echoes.h — masking the repeats of a masked value on the same line. */
#ifndef PHISCRUB_ECHOES_H
#define PHISCRUB_ECHOES_H

#include "match.h"

#define ECHO_TOKENS_MAX 32 /* tokens looked for per line; further ones are not */
#define ECHO_DIGITS_MIN 5  /* an identifier token has this many digits at least */
#define ECHO_WORD_MIN 3    /* a name word has this many bytes at least */

/* What a category's masks lend their line. */
enum echo_kind { ECHO_NONE, ECHO_IDS, ECHO_NAME_WORDS };

typedef struct {
    const phiscrub_rules *rules;
    unsigned char *kind; /* enum echo_kind per category */
} echoes_ctx;

/* Returns false when a push did not fit: the caller stops looking. */
typedef bool (*echoes_push)(void *ctx, size_t start, size_t end, unsigned rule);

bool echoes_init(echoes_ctx *ec, const phiscrub_rules *r);
void echoes_free(echoes_ctx *ec);

/* For each line of buf holding spans (sorted, disjoint), pushes a span for
 * every other whole-token occurrence on that line of an identifier or name
 * word that one of its spans masks, labelled like that span. */
void echoes_extend(const echoes_ctx *ec, const char *buf, size_t len, const region *spans,
                   size_t nspans, echoes_push push, void *ctx);

#endif
