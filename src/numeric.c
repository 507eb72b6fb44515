/* numeric.c — finds the digit clusters that numeric rules scan.
 *
 * Card numbers, SSNs, dashed phone numbers and IPv4 addresses are made of
 * digits and separators only, and nothing rare in them can anchor a
 * Hyperscan pattern: compiled with everything else they make the whole scan
 * look at every digit of every timestamp. So rules marked `numeric: true`
 * live in their own database, scanned only over the windows found here.
 *
 * A run is digit groups joined by one kind of separator, one at a time:
 * "4012 8888 8888 1881", "415-555-0187", "123-45-6789", "203.0.113.45".
 * Where the separator changes ("2026-11-23 08:30"), the run ends and a new
 * one starts at the last group, so no run of one separator is lost. A run is
 * worth a scan with at least NUMERIC_MIN_DIGITS digits, as four or more
 * dotted groups (IPv4), or as a slashed date (12/11/2026; log timestamps
 * are dashed, so these are rare). Numeric rules must only match such runs (the rule
 * file format says so); the validators then decide. A window keeps one byte
 * on each side so that \b sees the real neighbours. */
#include "numeric.h"

#include <stdint.h>
#include <string.h>

static bool is_digit(unsigned char c) { return (unsigned)(c - '0') < 10; }

static bool is_sep(unsigned char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/';
}

/* Index of the first digit at or after i (len if none), eight bytes at a
 * time: most log bytes are not digits. */
static size_t next_digit(const char *buf, size_t i, size_t len)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (i + 8 <= len) {
        uint64_t x;
        memcpy(&x, buf + i, 8);
        uint64_t t = x ^ (ones * '0'); /* digit bytes become 0..9 */
        if (((t - ones * 10) & ~t & highs) != 0)
            break; /* some byte < 10: a digit in these 8 */
        i += 8;
    }
    while (i < len && !is_digit((unsigned char)buf[i]))
        i++;
    return i;
}

typedef struct {
    numeric_window *out;
    size_t n, cap;
} window_list;

static void add_window(window_list *w, size_t first, size_t last_digit, size_t len)
{
    size_t from = first > 0 ? first - 1 : 0;
    size_t to = last_digit + 2 < len ? last_digit + 2 : len;
    if (w->n > 0 && from <= w->out[w->n - 1].end + NUMERIC_MERGE_GAP) {
        if (to > w->out[w->n - 1].end)
            w->out[w->n - 1].end = to; /* neighbours share one scan */
    } else if (w->n < w->cap) {
        w->out[w->n++] = (numeric_window){from, to};
    }
}

size_t numeric_windows(const char *buf, size_t len, numeric_window *out, size_t cap)
{
    window_list w = {out, 0, cap};
    size_t i = next_digit(buf, 0, len);
    while (i < len) {
        size_t start = i, group_start = i;
        unsigned digits = 0, groups = 1;
        unsigned char sep = 0;
        for (;;) {
            while (i < len && is_digit((unsigned char)buf[i]))
                i++, digits++;
            /* one separator, the same each time, then more digits */
            if (i + 1 < len && is_sep((unsigned char)buf[i]) &&
                (sep == 0 || sep == (unsigned char)buf[i]) && is_digit((unsigned char)buf[i + 1])) {
                sep = (unsigned char)buf[i];
                group_start = ++i;
                groups++;
                continue;
            }
            break;
        }
        if (digits >= NUMERIC_MIN_DIGITS || (sep == '.' && groups >= 4 && digits >= 4) ||
            (sep == '/' && groups == 3 && digits >= 6))
            add_window(&w, start, i - 1, len);
        /* A different separator follows: the last group may begin a run of
         * its own ("11-23 08 ..." ends, "23 08 ..." may start). */
        if (i + 1 < len && is_sep((unsigned char)buf[i]) && is_digit((unsigned char)buf[i + 1]) &&
            group_start > start)
            i = group_start;
        else
            i = next_digit(buf, i, len);
    }
    return w.n;
}
