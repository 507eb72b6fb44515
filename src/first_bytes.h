/* first_bytes.h — the bytes a match of an expression can begin with.
 *
 * A keyed rule's value is matched by a side scan after each key (match.c),
 * and most keys are followed by something that cannot start a value:
 * "appointment confirmed" where a date must follow, "Will retry" where a
 * capitalised surname must. Knowing which bytes a value can start with
 * turns those candidates into one table lookup instead of a Hyperscan call.
 *
 * The analysis reads the PCRE subset Hyperscan accepts and is conservative:
 * whatever it does not understand counts as "any byte", so the set can
 * be too large, never too small. */
#ifndef PHISCRUB_FIRST_BYTES_H
#define PHISCRUB_FIRST_BYTES_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint64_t w[4];
} byteset;

static inline bool byteset_has(const byteset *s, unsigned char c)
{
    return (s->w[c >> 6] >> (c & 63)) & 1;
}

/* Adds to *set every byte outside *skip that can be the first such byte of
 * a match of expr (caseless: as with HS_FLAG_CASELESS). With skip = blanks,
 * " {1,2}[A-Z]" gives A-Z: after any blanks, a capital must come.
 *
 * Returns true when every match must contain a byte outside skip, so that
 * text whose first byte outside skip is not in *set cannot start a match.
 * Returns false (and fills *set) when a match may be all skip bytes or
 * expr holds something not understood: then nothing can be ruled out. */
bool first_bytes_add(const char *expr, bool caseless, const byteset *skip, byteset *set);

#endif
