/* numeric.h — windows of a block where numeric rules can match. */
#ifndef PHISCRUB_NUMERIC_H
#define PHISCRUB_NUMERIC_H

#include <stdbool.h>
#include <stddef.h>

#define NUMERIC_MIN_DIGITS 9 /* an SSN; fewer only for a dotted IPv4 */
#define NUMERIC_MIN_CONTIGUOUS 13 /* a run without separators: a card number */
#define NUMERIC_MERGE_GAP 16 /* windows this close share one scan */

typedef struct {
    size_t start, end; /* [start, end) in block offsets */
} numeric_window;

/* Fills out with the windows of buf, in order; returns how many. Windows
 * closer than NUMERIC_MERGE_GAP merge, so NUMERIC_WINDOWS_MAX(len) is
 * always room enough. */
#define NUMERIC_WINDOWS_MAX(len) ((len) / NUMERIC_MERGE_GAP + 2)
size_t numeric_windows(const char *buf, size_t len, numeric_window *out, size_t cap);
/* The same without AVX-512, whatever the CPU: so tests cover both paths. */
size_t numeric_windows_portable(const char *buf, size_t len, numeric_window *out, size_t cap);
/* The same windows found by a plain byte walk: the reference for tests. */
size_t numeric_windows_ref(const char *buf, size_t len, numeric_window *out, size_t cap);

#endif
