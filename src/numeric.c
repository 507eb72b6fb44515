/* numeric.c — finds the digit clusters that numeric rules scan.
 *
 * Card numbers, SSNs, dashed phone numbers, IPv4 and full IPv6 addresses
 * are made of digits and separators only, and nothing rare in them can
 * anchor a Hyperscan pattern: compiled with everything else they make the
 * whole scan look at every digit of every timestamp. So rules marked
 * `numeric: true` live in their own database, scanned only over the
 * windows found here.
 *
 * A run is digit groups joined by one kind of separator, one at a time:
 * "4012 8888 8888 1881", "415-555-0187", "123-45-6789", "203.0.113.45".
 * Where the separator changes ("2026-11-23 08:30"), the run ends and a new
 * one starts at the last group, so no run of one separator is lost. A run is
 * worth a scan with at least NUMERIC_MIN_DIGITS digits, as four or more
 * dotted groups (IPv4), or as a slashed date (12/11/2026; log timestamps
 * are dashed, so these are rare). A hex run is hex groups joined by
 * colons; it is worth a scan with at least 7 colons (a full IPv6 address).
 * Numeric rules must only match such runs (the rule file format says so);
 * the validators then decide. A window keeps one byte on each side so that
 * \b sees the real neighbours.
 *
 * Speed: every log line has digits (timestamps), so walking them byte by
 * byte cost more than the Hyperscan scan of the windows. The block is
 * classified 64 bytes at a time into bit masks instead; only stretches of
 * digits and in-between separators long enough to hold a qualifying run
 * (7 bytes; 15 for hex runs) are walked byte by byte. numeric_windows_ref()
 * is the plain walk, kept as the reference the tests compare against. */
#include "numeric.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MIN_STRETCH 7      /* the shortest qualifying run: "1.2.3.4" */
#define MIN_HEX_STRETCH 15 /* 8 groups of one hex digit and 7 colons */
#define MIN_HEX_COLONS 7

static bool is_digit(unsigned char c) { return (unsigned)(c - '0') < 10; }

static bool is_sep(unsigned char c) { return c == ' ' || c == '-' || c == '.' || c == '/'; }

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (unsigned)((c | 0x20) - 'a') < 6;
}

typedef struct {
    numeric_window *out;
    size_t n, cap;
} window_list;

static void add_window(window_list *w, size_t first, size_t last, size_t len)
{
    size_t from = first > 0 ? first - 1 : 0;
    size_t to = last + 2 < len ? last + 2 : len;
    if (w->n > 0 && from <= w->out[w->n - 1].end + NUMERIC_MERGE_GAP) {
        numeric_window *prev = &w->out[w->n - 1]; /* neighbours share one scan */
        if (from < prev->start)
            prev->start = from;
        if (to > prev->end)
            prev->end = to;
    } else if (w->n < w->cap) {
        w->out[w->n++] = (numeric_window){from, to};
    }
}

/* Walks the digit runs starting at i (a digit) for as long as they chain;
 * adds the qualifying ones; returns where the chain ends. */
static size_t walk_runs(const char *buf, size_t i, size_t len, window_list *w)
{
    for (;;) {
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
            add_window(w, start, i - 1, len);
        /* A different separator follows: the last group may begin a run of
         * its own ("11-23 08 ..." ends, "23 08 ..." may start). */
        if (i + 1 < len && is_sep((unsigned char)buf[i]) && is_digit((unsigned char)buf[i + 1]) &&
            group_start > start)
            i = group_start;
        else
            return i;
    }
}

/* A hex run starting at i: groups of 1-4 hex digits joined by ':'. Adds it
 * with at least MIN_HEX_COLONS colons; returns where it ends. */
static size_t walk_hex_run(const char *buf, size_t i, size_t len, window_list *w)
{
    size_t start = i;
    unsigned colons = 0;
    for (;;) {
        size_t g = i;
        while (i < len && i - g < 4 && is_hex((unsigned char)buf[i]))
            i++;
        if (i == g || i >= len || buf[i] != ':' || i + 1 >= len ||
            !is_hex((unsigned char)buf[i + 1]))
            break;
        colons++;
        i++;
    }
    if (colons >= MIN_HEX_COLONS)
        add_window(w, start, i - 1, len);
    return i > start ? i : start + 1;
}

size_t numeric_windows_ref(const char *buf, size_t len, numeric_window *out, size_t cap)
{
    window_list w = {out, 0, cap};
    size_t num_resume = 0, hex_resume = 0;
    for (size_t i = 0; i < len; i++) {
        if (i >= num_resume && is_digit((unsigned char)buf[i]))
            num_resume = walk_runs(buf, i, len, &w);
        if (i >= hex_resume && is_hex((unsigned char)buf[i]))
            hex_resume = walk_hex_run(buf, i, len, &w);
    }
    return w.n;
}

/* ---- 64-byte masks ------------------------------------------------------ */

typedef struct {
    uint64_t digit, sep, hex, colon;
} masks;

static void classify(const unsigned char *p, masks *m)
{
#if defined(__SSE2__)
    m->digit = m->sep = m->hex = m->colon = 0;
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
        __m128i is_d = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
        __m128i l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
        __m128i is_af = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(5)), l);
        __m128i s = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                                              _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')),
                                              _mm_cmpeq_epi8(x, _mm_set1_epi8('/'))));
        __m128i c = _mm_cmpeq_epi8(x, _mm_set1_epi8(':'));
        unsigned shift = 16u * (unsigned)k;
        m->digit |= (uint64_t)(uint16_t)_mm_movemask_epi8(is_d) << shift;
        m->hex |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(is_d, is_af)) << shift;
        m->sep |= (uint64_t)(uint16_t)_mm_movemask_epi8(s) << shift;
        m->colon |= (uint64_t)(uint16_t)_mm_movemask_epi8(c) << shift;
    }
#else
    *m = (masks){0, 0, 0, 0};
    for (unsigned k = 0; k < 64; k++) {
        uint64_t bit = (uint64_t)1 << k;
        if (is_digit(p[k]))
            m->digit |= bit;
        if (is_hex(p[k]))
            m->hex |= bit;
        if (is_sep(p[k]))
            m->sep |= bit;
        if (p[k] == ':')
            m->colon |= bit;
    }
#endif
}

/* Bits where `len` consecutive bits of (cur, then next) are all set. */
static uint64_t stretch_starts(uint64_t cur, uint64_t next, unsigned len)
{
    uint64_t r = cur;
    for (unsigned k = 1; k < len && r; k++)
        r &= (cur >> k) | (next << (64 - k));
    return r;
}

/* Word wi's masks; bytes past len are classified as NUL. */
static void load_word(const char *buf, size_t len, size_t wi, masks *m)
{
    size_t at = wi * 64;
    if (at + 64 <= len) {
        classify((const unsigned char *)buf + at, m);
        return;
    }
    unsigned char tail[64] = {0};
    if (at < len)
        memcpy(tail, buf + at, len - at);
    classify(tail, m);
}

/* The digit-or-inner-separator and hex-or-inner-colon masks of word `cur`,
 * given its neighbours. */
static void run_masks(const masks *prev, const masks *cur, const masks *next, uint64_t *num,
                      uint64_t *hex)
{
    uint64_t d_left = (cur->digit << 1) | (prev->digit >> 63);
    uint64_t d_right = (cur->digit >> 1) | (next->digit << 63);
    *num = cur->digit | (cur->sep & d_left & d_right);
    uint64_t h_left = (cur->hex << 1) | (prev->hex >> 63);
    uint64_t h_right = (cur->hex >> 1) | (next->hex << 63);
    *hex = cur->hex | (cur->colon & h_left & h_right);
}

size_t numeric_windows(const char *buf, size_t len, numeric_window *out, size_t cap)
{
    window_list w = {out, 0, cap};
    size_t nwords = (len + 63) / 64;
    masks prev = {0, 0, 0, 0}, cur, next, after;
    if (nwords == 0)
        return 0;
    load_word(buf, len, 0, &cur);
    load_word(buf, len, 1, &next);
    uint64_t num_cur, hex_cur, num_next, hex_next;
    run_masks(&prev, &cur, &next, &num_cur, &hex_cur);
    size_t num_resume = 0, hex_resume = 0; /* walked up to here already */
    for (size_t wi = 0; wi < nwords; wi++) {
        load_word(buf, len, wi + 2, &after);
        run_masks(&cur, &next, &after, &num_next, &hex_next);
        /* Walks start where the reference walk would and a window could
         * result: digit runs on a digit, hex runs on a hex digit. */
        uint64_t num_starts = stretch_starts(num_cur, num_next, MIN_STRETCH) & cur.digit;
        uint64_t hex_starts = stretch_starts(hex_cur, hex_next, MIN_HEX_STRETCH) & cur.hex;
        for (uint64_t all = num_starts | hex_starts; all; all &= all - 1) {
            unsigned b = (unsigned)__builtin_ctzll(all);
            size_t p = wi * 64 + b;
            if ((num_starts >> b & 1) && p >= num_resume)
                num_resume = walk_runs(buf, p, len, &w);
            if ((hex_starts >> b & 1) && p >= hex_resume)
                hex_resume = walk_hex_run(buf, p, len, &w);
        }
        prev = cur;
        cur = next;
        next = after;
        num_cur = num_next;
        hex_cur = hex_next;
    }
    return w.n;
}
