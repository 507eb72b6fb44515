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
 * worth a scan only where some numeric rule could match in it
 * (run_qualifies): three or more groups holding at least
 * NUMERIC_MIN_DIGITS digits, a dashed ZIP+4, dotted groups holding an IPv4
 * or a 3-3-4 phone, a slashed date (12/11/2026; log timestamps are dashed, so these
 * are rare), or, without separators, a card-sized number. A hex run is hex
 * words joined by colons; it is worth a scan with at least 7 colons (a full
 * IPv6 address). A base64 run of 64 or more characters is one too: a PEM
 * body line has no literal at all, and as a pattern over every byte it cost
 * the main scan ~9 %. Numeric rules must only match such runs (the rule file format says so);
 * the validators then decide. A window keeps one byte on each side so that
 * \b sees the real neighbours.
 *
 * Speed: every log line has digits (timestamps), so walking them byte by
 * byte cost more than the Hyperscan scan of the windows. The block is
 * classified 64 bytes at a time into bit masks instead; only stretches of
 * digits and in-between separators long enough to hold a qualifying run
 * (7 bytes; 15 for hex runs) are walked byte by byte. Where the CPU has
 * AVX-512BW (checked at run time) one 64-byte load and a few compares give
 * the masks; otherwise four SSE2 loads, or a scalar loop. numeric_windows_ref()
 * is the plain walk, kept as the reference the tests compare against. */
#include "numeric.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX512_PATH 1
#endif

#define MIN_STRETCH 7      /* the shortest qualifying run: "1.2.3.4" */
#define MIN_HEX_STRETCH 15 /* 8 groups of one hex digit and 7 colons */
#define MIN_HEX_COLONS 7
#define MIN_BASE64_RUN 64 /* a PEM body line */

static bool is_digit(unsigned char c) { return (unsigned)(c - '0') < 10; }

static bool is_sep(unsigned char c) { return c == ' ' || c == '-' || c == '.' || c == '/'; }

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (unsigned)((c | 0x20) - 'a') < 6;
}

static bool is_base64(unsigned char c)
{
    return is_digit(c) || (unsigned)((c | 0x20) - 'a') < 26 || c == '+' || c == '/';
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

/* What walk_runs learns of a run. */
typedef struct {
    unsigned digits, groups;
    unsigned char sep;      /* 0: no separator (one group) */
    unsigned short_streak;  /* consecutive groups of 1-3 digits, the longest */
    bool nanp;              /* three consecutive groups of 3, 3 and 4 digits */
    bool zip_plus4;         /* two dashed groups of 5 and 4 digits: 75034-9015 */
} run_shape;

/* Is a run worth a scan? Only if some numeric rule could match in it:
 * separated runs need three groups and 9 digits (SSN, phone, card); dotted
 * ones an IPv4 (four groups of 1-3 digits) or a NANP 3-3-4 (browser
 * versions like 119.0.6045.163 are in every access log); slashed ones a
 * date; dashed ones may also be a ZIP+4. Runs without separators must be card-sized: 13-19 digits, first
 * digit 3-6, or 16 digits from 2 (Mastercard 2-series) - epoch
 * milliseconds start with 1 and HL7 timestamps are 14 digits from 2. */
static bool run_qualifies(char first, const run_shape *r)
{
    switch (r->sep) {
    case 0:
        if (first == '2')
            return r->digits == 16;
        return first >= '3' && first <= '6' && r->digits >= NUMERIC_MIN_CONTIGUOUS &&
               r->digits <= 19;
    case '.': return r->short_streak >= 4 || r->nanp;
    case '/': return r->groups == 3 && r->digits >= 6;
    default: return (r->groups >= 3 && r->digits >= NUMERIC_MIN_DIGITS) || r->zip_plus4;
    }
}

/* Walks the digit runs starting at i (a digit) for as long as they chain;
 * adds the qualifying ones; returns where the chain ends. */
static size_t walk_runs(const char *buf, size_t i, size_t len, window_list *w)
{
    for (;;) {
        size_t start = i, group_start = i;
        run_shape r = {0, 1, 0, 0, false, false};
        unsigned streak = 0, prev1 = 0, prev2 = 0; /* lengths of the last groups */
        for (;;) {
            size_t g = i;
            while (i < len && is_digit((unsigned char)buf[i]))
                i++;
            unsigned n = (unsigned)(i - g);
            /* A card-sized group counts on its own, whatever follows it:
             * "5A=6011081401631670 5F24=250731" is a card and a date. */
            run_shape alone = {n, 1, 0, 0, false, false};
            if (r.groups > 1 || (i + 1 < len && is_sep((unsigned char)buf[i]) &&
                                 is_digit((unsigned char)buf[i + 1])))
                if (n >= NUMERIC_MIN_CONTIGUOUS && run_qualifies(buf[g], &alone))
                    add_window(w, g, i - 1, len);
            r.digits += n;
            streak = n <= 3 ? streak + 1 : 0;
            if (streak > r.short_streak)
                r.short_streak = streak;
            if (prev2 == 3 && prev1 == 3 && n == 4)
                r.nanp = true;
            prev2 = prev1;
            prev1 = n;
            /* one separator, the same each time, then more digits */
            if (i + 1 < len && is_sep((unsigned char)buf[i]) &&
                (r.sep == 0 || r.sep == (unsigned char)buf[i]) &&
                is_digit((unsigned char)buf[i + 1])) {
                r.sep = (unsigned char)buf[i];
                group_start = ++i;
                r.groups++;
                continue;
            }
            break;
        }
        r.zip_plus4 = r.groups == 2 && r.sep == '-' && prev2 == 5 && prev1 == 4;
        if (run_qualifies(buf[start], &r))
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

/* A hex run starting at i, the start of a hex word: words of 1-4 hex
 * digits joined by single colons (a longer word ends the run; one at i
 * starts none). Adds it with at least MIN_HEX_COLONS colons; returns where
 * the walk stopped, past any long word. */
static size_t walk_hex_run(const char *buf, size_t i, size_t len, window_list *w)
{
    size_t start = i, end = i;
    unsigned groups = 0;
    for (;;) {
        size_t g = i;
        while (i < len && is_hex((unsigned char)buf[i]))
            i++;
        if (i - g > 4)
            break;
        groups++;
        end = i;
        if (i + 1 < len && buf[i] == ':' && is_hex((unsigned char)buf[i + 1])) {
            i++;
            continue;
        }
        break;
    }
    if (groups > MIN_HEX_COLONS)
        add_window(w, start, end - 1, len);
    return i;
}

static bool hex_word_start(const char *buf, size_t i)
{
    return is_hex((unsigned char)buf[i]) && (i == 0 || !is_hex((unsigned char)buf[i - 1]));
}

/* A base64 run starting at i (not preceded by a base64 byte): adds it with
 * at least MIN_BASE64_RUN bytes; returns its end. The window takes a '\r'
 * after the run and the byte after that, so "\r?$" sees the real line end. */
static size_t walk_base64_run(const char *buf, size_t i, size_t len, window_list *w)
{
    size_t start = i;
    while (i < len && is_base64((unsigned char)buf[i]))
        i++;
    if (i - start >= MIN_BASE64_RUN)
        add_window(w, start, i < len && buf[i] == '\r' ? i : i - 1, len);
    return i;
}

static bool base64_run_start(const char *buf, size_t i)
{
    return is_base64((unsigned char)buf[i]) && (i == 0 || !is_base64((unsigned char)buf[i - 1]));
}

size_t numeric_windows_ref(const char *buf, size_t len, numeric_window *out, size_t cap)
{
    window_list w = {out, 0, cap};
    size_t num_resume = 0, hex_resume = 0, b64_resume = 0;
    for (size_t i = 0; i < len; i++) {
        if (i >= num_resume && is_digit((unsigned char)buf[i]))
            num_resume = walk_runs(buf, i, len, &w);
        if (i >= hex_resume && hex_word_start(buf, i))
            hex_resume = walk_hex_run(buf, i, len, &w);
        if (i >= b64_resume && base64_run_start(buf, i))
            b64_resume = walk_base64_run(buf, i, len, &w);
    }
    return w.n;
}

/* ---- 64-byte masks ------------------------------------------------------ */

typedef struct {
    uint64_t digit, sep, dotslash, hex, colon, base64;
} masks;

static void classify_portable(const unsigned char *p, masks *m)
{
#if defined(__SSE2__)
    m->digit = m->sep = m->dotslash = m->hex = m->colon = m->base64 = 0;
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
        __m128i is_d = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
        __m128i l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
        __m128i is_af = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(5)), l);
        __m128i ds = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')),
                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('/')));
        __m128i s = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                                              _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))),
                                 ds);
        __m128i c = _mm_cmpeq_epi8(x, _mm_set1_epi8(':'));
        __m128i az = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
        __m128i b64 = _mm_or_si128(_mm_or_si128(is_d, az),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('+')),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('/'))));
        unsigned shift = 16u * (unsigned)k;
        m->digit |= (uint64_t)(uint16_t)_mm_movemask_epi8(is_d) << shift;
        m->hex |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(is_d, is_af)) << shift;
        m->sep |= (uint64_t)(uint16_t)_mm_movemask_epi8(s) << shift;
        m->dotslash |= (uint64_t)(uint16_t)_mm_movemask_epi8(ds) << shift;
        m->colon |= (uint64_t)(uint16_t)_mm_movemask_epi8(c) << shift;
        m->base64 |= (uint64_t)(uint16_t)_mm_movemask_epi8(b64) << shift;
    }
#else
    *m = (masks){0, 0, 0, 0, 0, 0};
    for (unsigned k = 0; k < 64; k++) {
        uint64_t bit = (uint64_t)1 << k;
        if (is_digit(p[k]))
            m->digit |= bit;
        if (is_hex(p[k]))
            m->hex |= bit;
        if (is_sep(p[k]))
            m->sep |= bit;
        if (p[k] == '.' || p[k] == '/')
            m->dotslash |= bit;
        if (p[k] == ':')
            m->colon |= bit;
        if (is_base64(p[k]))
            m->base64 |= bit;
    }
#endif
}

#if HAVE_AVX512_PATH
__attribute__((target("avx512bw"))) static void classify_avx512(const unsigned char *p, masks *m)
{
    __m512i x = _mm512_loadu_si512((const void *)p);
    __mmask64 d = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8('0')),
                                         _mm512_set1_epi8(10));
    __m512i l = _mm512_sub_epi8(_mm512_or_si512(x, _mm512_set1_epi8(0x20)), _mm512_set1_epi8('a'));
    __mmask64 af = _mm512_cmplt_epu8_mask(l, _mm512_set1_epi8(6));
    __mmask64 ds = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('.')) |
                   _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('/'));
    m->digit = d;
    m->hex = d | af;
    m->dotslash = ds;
    m->sep = ds | _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(' ')) |
             _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('-'));
    m->colon = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(':'));
    m->base64 = d | _mm512_cmplt_epu8_mask(l, _mm512_set1_epi8(26)) |
                _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('+')) |
                _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('/'));
}
#endif

/* Bits where at least 7 (or 15, hex) consecutive bits of cur, continued
 * by next, are set: runs of 2, 4, 7 and 15 by doubling. */
static inline __attribute__((always_inline)) uint64_t stretch_starts(uint64_t cur, uint64_t next, bool hex)
{
#if defined(__SIZEOF_INT128__)
    unsigned __int128 x = (unsigned __int128)next << 64 | cur;
    x &= x >> 1;
    x &= x >> 2;
    x &= x >> 3;
    if (hex)
        x &= x >> 8;
    return (uint64_t)x;
#else
    uint64_t r = cur;
    for (unsigned k = 1; k < (hex ? MIN_HEX_STRETCH : MIN_STRETCH) && r; k++)
        r &= (cur >> k) | (next << (64 - k));
    return r;
#endif
}

/* The bit of cur where a base64 run of MIN_BASE64_RUN or more starts (a
 * byte not preceded by base64), or 0. Such a run is either all of cur, or
 * cur's top run of ones continued by next's bottom run. */
static inline __attribute__((always_inline)) uint64_t base64_starts(uint64_t prev, uint64_t cur,
                                                                    uint64_t next)
{
    if (cur == ~0ull)
        return prev >> 63 ? 0 : 1;
    unsigned top = (unsigned)__builtin_clzll(~cur); /* ones at the top of cur */
    if (top == 0)
        return 0;
    unsigned bottom = next == ~0ull ? 64 : (unsigned)__builtin_ctzll(~next);
    return top + bottom >= MIN_BASE64_RUN ? (uint64_t)1 << (64 - top) : 0;
}

typedef void classify_fn(const unsigned char *p, masks *m);

/* Word wi's masks; bytes past len are classified as NUL. */
static inline __attribute__((always_inline)) void
load_word(classify_fn *classify, const char *buf, size_t len, size_t wi, masks *m)
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

static inline __attribute__((always_inline)) unsigned popcount64(uint64_t x) /* without -mpopcnt, the builtin is a call */
{
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

/* Can the digit stretch starting at bit b of cur hold a qualifying run? It
 * needs 9 digits, or a '.' or '/' between digits. ISO dates ("2026-11-23",
 * 8 digits) are the common stretch, and this is what skips them. Sets *len
 * to the stretch's length when it is known. */
static inline __attribute__((always_inline)) bool worth_walking(const masks *cur, const masks *next, uint64_t num_cur, uint64_t num_next,
                          unsigned b, size_t *len)
{
#if defined(__SIZEOF_INT128__)
    typedef unsigned __int128 u128;
    u128 run = ((u128)num_next << 64 | num_cur) >> b;
    if (~run == 0 || (uint64_t)~run == 0)
        return true; /* 64 bytes or more: just walk it */
    unsigned n = (unsigned)__builtin_ctzll((uint64_t)~run);
    uint64_t in = ((uint64_t)1 << n) - 1;
    uint64_t digits = (uint64_t)(((u128)next->digit << 64 | cur->digit) >> b) & in;
    uint64_t dots = (uint64_t)(((u128)next->dotslash << 64 | cur->dotslash) >> b) & in;
    *len = n;
    return dots != 0 || popcount64(digits) >= NUMERIC_MIN_DIGITS;
#else
    (void)cur, (void)next, (void)num_cur, (void)num_next, (void)b, (void)len;
    return true;
#endif
}

/* Word cur's digit-or-inner-separator mask and hex-or-inner-colon mask,
 * given its neighbours; *colons counts its inner colons. */
static inline __attribute__((always_inline)) void run_masks(const masks *prev, const masks *cur, const masks *next, uint64_t *num,
                      uint64_t *hex, unsigned *colons)
{
    uint64_t d_left = (cur->digit << 1) | (prev->digit >> 63);
    uint64_t d_right = (cur->digit >> 1) | (next->digit << 63);
    *num = cur->digit | (cur->sep & d_left & d_right);
    uint64_t h_left = (cur->hex << 1) | (prev->hex >> 63);
    uint64_t h_right = (cur->hex >> 1) | (next->hex << 63);
    uint64_t inner = cur->colon & h_left & h_right;
    *hex = cur->hex | inner;
    *colons = popcount64(inner);
}

/* The word loop, inlined once per classify_fn so that each copy is
 * compiled for its instruction set. */
static inline __attribute__((always_inline)) size_t
windows_with(classify_fn *classify, const char *buf, size_t len, numeric_window *out, size_t cap)
{
    window_list w = {out, 0, cap};
    size_t nwords = (len + 63) / 64;
    masks prev = {0, 0, 0, 0, 0, 0}, cur, next, after;
    if (nwords == 0)
        return 0;
    load_word(classify, buf, len, 0, &cur);
    load_word(classify, buf, len, 1, &next);
    uint64_t num_cur, hex_cur, num_next, hex_next;
    unsigned colons_cur, colons_next;
    run_masks(&prev, &cur, &next, &num_cur, &hex_cur, &colons_cur);
    size_t num_resume = 0, hex_resume = 0, b64_resume = 0; /* walked up to here already */
    for (size_t wi = 0; wi < nwords; wi++) {
        load_word(classify, buf, len, wi + 2, &after);
        run_masks(&cur, &next, &after, &num_next, &hex_next, &colons_next);
        /* Walks start where the reference walk would and a window could
         * result: digit runs on a digit, hex runs on a hex digit. */
        uint64_t num_starts = stretch_starts(num_cur, num_next, false) & cur.digit;
        /* a hex run starting here has its 7 colons in this word or the next */
        uint64_t hex_starts = colons_cur + colons_next >= MIN_HEX_COLONS
                                  ? stretch_starts(hex_cur, hex_next, true) & cur.hex
                                  : 0;
        uint64_t b64_starts = base64_starts(prev.base64, cur.base64, next.base64);
        for (uint64_t all = num_starts | hex_starts | b64_starts; all; all &= all - 1) {
            unsigned b = (unsigned)__builtin_ctzll(all);
            size_t p = wi * 64 + b;
            size_t stretch = 0;
            if ((num_starts >> b & 1) && p >= num_resume)
                num_resume = worth_walking(&cur, &next, num_cur, num_next, b, &stretch)
                                 ? walk_runs(buf, p, len, &w)
                                 : p + stretch;
            if ((hex_starts >> b & 1) && p >= hex_resume && hex_word_start(buf, p))
                hex_resume = walk_hex_run(buf, p, len, &w);
            if ((b64_starts >> b & 1) && p >= b64_resume)
                b64_resume = walk_base64_run(buf, p, len, &w);
        }
        prev = cur;
        cur = next;
        next = after;
        num_cur = num_next;
        hex_cur = hex_next;
        colons_cur = colons_next;
    }
    return w.n;
}

size_t numeric_windows_portable(const char *buf, size_t len, numeric_window *out, size_t cap)
{
    return windows_with(classify_portable, buf, len, out, cap);
}

#if HAVE_AVX512_PATH
__attribute__((target("avx512bw,popcnt,bmi"))) static size_t
windows_avx512(const char *buf, size_t len, numeric_window *out, size_t cap)
{
    return windows_with(classify_avx512, buf, len, out, cap);
}
#endif

size_t numeric_windows(const char *buf, size_t len, numeric_window *out, size_t cap)
{
#if HAVE_AVX512_PATH
    if (__builtin_cpu_supports("avx512bw"))
        return windows_avx512(buf, len, out, cap);
#endif
    return numeric_windows_portable(buf, len, out, cap);
}
