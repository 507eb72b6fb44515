/* bytebuf.c — see bytebuf.h. Capacity doubles, so appending a message in
 * many small pieces stays linear. */
#include "bytebuf.h"

#include <stdlib.h>
#include <string.h>

int bytebuf_append(bytebuf *b, const void *data, size_t n)
{
    if (n == 0)
        return 0;
    if (b->limit && (n > b->limit || b->len > b->limit - n))
        return -1;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n)
            cap *= 2;
        if (b->limit && cap > b->limit)
            cap = b->limit;
        char *p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
    return 0;
}

void bytebuf_clear(bytebuf *b, size_t keep)
{
    b->len = 0;
    if (b->cap > keep) {
        free(b->data);
        b->data = NULL;
        b->cap = 0;
    }
}

void bytebuf_free(bytebuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
