/* bundle_align.h — where did the masks go? The public API gives redacted
 * text, not positions: given a text and its redacted form (the text with
 * some runs replaced by labels), this recovers the masked byte ranges.
 * One state per thread. */
#ifndef PHISCRUB_CLI_BUNDLE_ALIGN_H
#define PHISCRUB_CLI_BUNDLE_ALIGN_H

#include <stddef.h>

typedef struct {
    size_t a, b; /* masked bytes [a, b) of the text */
    int label;   /* index into the labels given */
} align_span;

typedef struct align_state align_state;

align_state *align_new(void);     /* NULL on ENOMEM */
void align_free(align_state *st); /* NULL is a no-op */

/* labels: the replacement strings a mask can produce, longest first; the
 * text must not contain them. Returns the number of spans (0 when out
 * equals text), -1 when out cannot come from text, -2 on ENOMEM. *spans
 * stays valid until the next call. The spans may be wider than the real
 * masks, never narrower. */
long align_masks(align_state *st, const char *text, size_t tlen, const char *out, size_t olen,
                 char *const *labels, size_t nlabels, const align_span **spans);

#endif
