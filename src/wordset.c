/* wordset.c — an immutable, case-insensitive set of short ASCII words.
 *
 * Used on confirmed candidates only (is this capitalised token a common
 * English word?), so a simple open-addressing table is plenty. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct wordset {
    char **slots; /* lower-cased copies; NULL = empty */
    size_t mask;
};

static uint64_t hash_lower(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)ascii_lower((unsigned char)s[i]);
        h *= 1099511628211ull;
    }
    return h;
}

static bool equal_lower(const char *word, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)word[i] != ascii_lower((unsigned char)s[i]))
            return false;
    return word[n] == '\0';
}

phiscrub_status wordset_build(const strvec *words, wordset **out)
{
    wordset *ws = calloc(1, sizeof *ws);
    if (!ws)
        return PHISCRUB_ERR_NOMEM;
    size_t size = 16;
    while (size < words->n * 2 + 1)
        size *= 2;
    ws->slots = calloc(size, sizeof *ws->slots);
    ws->mask = size - 1;
    if (!ws->slots) {
        free(ws);
        return PHISCRUB_ERR_NOMEM;
    }
    for (size_t i = 0; i < words->n; i++) {
        const char *w = words->v[i];
        size_t n = strlen(w);
        if (wordset_has(ws, w, n))
            continue;
        char *copy = xstrndup(w, n);
        if (!copy) {
            wordset_free(ws);
            return PHISCRUB_ERR_NOMEM;
        }
        for (size_t k = 0; k < n; k++)
            copy[k] = (char)ascii_lower((unsigned char)copy[k]);
        size_t at = hash_lower(w, n) & ws->mask;
        while (ws->slots[at])
            at = (at + 1) & ws->mask;
        ws->slots[at] = copy;
    }
    *out = ws;
    return PHISCRUB_OK;
}

bool wordset_has(const wordset *ws, const char *s, size_t n)
{
    if (!ws)
        return false;
    for (size_t at = hash_lower(s, n) & ws->mask; ws->slots[at]; at = (at + 1) & ws->mask)
        if (equal_lower(ws->slots[at], s, n))
            return true;
    return false;
}

void wordset_free(wordset *ws)
{
    if (!ws)
        return;
    for (size_t i = 0; i <= ws->mask; i++)
        free(ws->slots[i]);
    free(ws->slots);
    free(ws);
}
