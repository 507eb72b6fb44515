/* wordset.c — an immutable, case-insensitive set of short ASCII words.
 *
 * Used on confirmed candidates only (is this capitalised token a common
 * English word?), so a simple open-addressing table is plenty. The words
 * share one allocation: the name set holds 20,000 of them. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct wordset {
    const char **slots; /* into text; NULL = empty */
    size_t mask;
    char *text;         /* every word, lower-cased, NUL-terminated, one allocation */
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

phiscrub_status wordset_build_lists(const strvec *const *lists, size_t nlists, wordset **out)
{
    size_t words = 0, bytes = 0;
    for (size_t l = 0; l < nlists; l++)
        for (size_t i = 0; i < lists[l]->n; i++) {
            words++;
            bytes += strlen(lists[l]->v[i]) + 1;
        }
    wordset *ws = calloc(1, sizeof *ws);
    size_t size = 16;
    while (size < words * 2 + 1)
        size *= 2;
    if (!ws || !(ws->slots = calloc(size, sizeof *ws->slots)) ||
        !(ws->text = malloc(bytes ? bytes : 1))) {
        wordset_free(ws);
        return PHISCRUB_ERR_NOMEM;
    }
    ws->mask = size - 1;
    char *p = ws->text;
    for (size_t l = 0; l < nlists; l++)
        for (size_t i = 0; i < lists[l]->n; i++) {
            const char *w = lists[l]->v[i];
            size_t n = strlen(w);
            if (wordset_has(ws, w, n))
                continue;
            for (size_t k = 0; k < n; k++)
                p[k] = (char)ascii_lower((unsigned char)w[k]);
            p[n] = '\0';
            size_t at = hash_lower(w, n) & ws->mask;
            while (ws->slots[at])
                at = (at + 1) & ws->mask;
            ws->slots[at] = p;
            p += n + 1;
        }
    *out = ws;
    return PHISCRUB_OK;
}

phiscrub_status wordset_build(const strvec *words, wordset **out)
{
    return wordset_build_lists(&words, 1, out);
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
    free(ws->slots);
    free(ws->text);
    free(ws);
}
