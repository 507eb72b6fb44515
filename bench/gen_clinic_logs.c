/*
 * gen_clinic_logs.c — a deterministic generator of realistic small-clinic logs
 * (med spas, dermatology, scheduling apps, EHR connectors, SMS reminder
 * gateways, card terminals) with planted PHI and planted decoys, and an
 * optional ground-truth file. C11, libc only.
 *
 * Usage:
 *   gen_clinic_logs [--seed N] [--bytes N[K|M|G] | --lines N] [--phi-rate PCT]
 *                   [--truth FILE] [--formats LIST]
 *
 *   --seed N        PRNG seed (default 1). Same seed and arguments give the
 *                   same bytes on every machine (own xoshiro256** PRNG, no
 *                   rand(), no clock, no locale).
 *   --bytes N       stop at the first event boundary at or after N bytes;
 *                   K, M, G suffixes are binary (1M = 1048576).
 *   --lines N       write exactly N lines (default 10000 when neither given).
 *   --phi-rate PCT  percentage of lines that carry PHI (default 3; 0..100,
 *                   fractions allowed; approximate: a PHI event puts PHI on
 *                   one of its lines). 0 writes no PHI at all, only decoys,
 *                   and the generator fails if any PHI slipped in.
 *   --truth FILE    also write the ground truth as TSV (see below).
 *   --formats LIST  comma-separated subset of: rfc3164, rfc5424, json,
 *                   logfmt, access, hl7, csv, java, postfix, sms, pos
 *                   ("syslog" = rfc3164,rfc5424; "all" = everything).
 *
 * Logs go to standard output, one event per line except Java stack traces
 * (multi-line) and CSV exports (an occasional header line before the row).
 * HL7 v2 segments inside one log line are separated by a literal CR byte
 * (plain-text lines) or by the two characters backslash-r (JSON lines).
 * Average line length is about 150 bytes.
 *
 * Truth file: one row per planted value, in output order:
 *
 *   line_no <TAB> kind <TAB> category <TAB> text
 *
 *   line_no   1-based output line (split on '\n' only) holding the text
 *   kind      "phi" (must be masked) or "decoy" (must survive byte for byte)
 *   category  phi: NAME PHONE DOB CARD EMAIL SSN ADDRESS IP MRN ID SECRET DATE
 *             decoy: TIMESTAMP UUID SHA HEXID ORDER INVOICE VERSION OID PRICE
 *             PORT PID DURATION BYTES DIGITS16 DIGITS10 EPOCH COUNT PERCENT
 *             PATH HOST SERVICE WORD MASKED-PAN SYSTEM-EMAIL MESSAGE-ID
 *   text      the exact bytes as they appear in the line: tab, newline,
 *             carriage return and backslash written as \t \n \r \\ .
 *
 * A phi text is only the identifying value ("dob=1984-03-03" -> 1984-03-03,
 * "Mr. Smith" -> Smith, "Bearer eyJ..." -> the JWT). Bytes in no row are
 * neutral (provider ids, HTTP status codes, relay server IPs in postfix
 * PHI lines, ...). Non-PHI events never contain an IP address or an email
 * address with a real top-level domain, so --phi-rate 0 output should pass
 * through a scrubber unchanged.
 *
 * GEN_CLINIC_LOGS_STATS=1 in the environment prints event, line, byte, PHI
 * and decoy counts on stderr at the end.
 *
 * Build: cc -O2 -std=c11 -Wall -Wextra -Wpedantic -o gen_clinic_logs gen_clinic_logs.c
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    unsigned n;
} str;
#define S(x) {x, sizeof(x) - 1}
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- PRNG: xoshiro256** seeded through splitmix64 ------------------------ */

static uint64_t rs[4];

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t r64(void)
{
    uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;
    rs[2] ^= rs[0];
    rs[3] ^= rs[1];
    rs[1] ^= rs[2];
    rs[0] ^= rs[3];
    rs[2] ^= t;
    rs[3] = rotl(rs[3], 45);
    return r;
}

/* Uniform in [0, n). */
static inline unsigned rn(unsigned n) { return (unsigned)(((r64() >> 32) * (uint64_t)n) >> 32); }
static inline unsigned rr(unsigned lo, unsigned hi) { return lo + rn(hi - lo + 1); }
static inline int pct(unsigned p) { return rn(100) < p; }
#define PICK(a) (&(a)[rn((unsigned)NELEM(a))])

/* ---- output buffer ------------------------------------------------------- */

#define OUT_FLUSH (4u << 20)
#define OUT_CAP (OUT_FLUSH + (1u << 20)) /* one event is far below 1 MiB */

static char *ob;
static size_t ol;
static uint64_t out_total; /* bytes already written */
static uint64_t lineno = 1; /* number of the line being built */
static uint64_t lines_left = UINT64_MAX; /* --lines budget left for this event */

static void die(const char *m)
{
    fprintf(stderr, "gen_clinic_logs: %s\n", m);
    exit(2);
}

static void flush_out(void)
{
    if (ol && fwrite(ob, 1, ol, stdout) != ol)
        die("write error on standard output");
    out_total += ol;
    ol = 0;
}

static inline void P(const char *s, size_t n)
{
    memcpy(ob + ol, s, n);
    ol += n;
}
#define PL(lit) P(lit, sizeof(lit) - 1)
static inline void PSTR(const str *s) { P(s->s, s->n); }
static inline void PS(const char *s) { P(s, strlen(s)); }
static inline void PC(char c) { ob[ol++] = c; }
static inline void NL(void)
{
    ob[ol++] = '\n';
    lineno++;
}

static void PU(uint64_t v)
{
    char t[20];
    int i = 20;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    P(t + i, (size_t)(20 - i));
}

/* v zero-padded to exactly w digits. */
static void PZ(uint64_t v, int w)
{
    char *p = ob + ol + w;
    for (int i = 0; i < w; i++) {
        *--p = (char)('0' + v % 10);
        v /= 10;
    }
    ol += (size_t)w;
}

static const char HEX[] = "0123456789abcdef";
static const char HEXU[] = "0123456789ABCDEF";
static const char ALNUM[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
static const char B64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char UPNUM[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* n random characters from set (power-of-two sets use bits, others rn). */
static void PRAND(const char *set, unsigned setn, int n)
{
    uint64_t r = 0;
    int bits = 0;
    for (int i = 0; i < n; i++) {
        if (setn == 16 || setn == 64) {
            if (bits < 6) {
                r = r64();
                bits = 64;
            }
            ob[ol++] = set[r & (setn - 1)];
            r >>= 6;
            bits -= 6;
        } else {
            ob[ol++] = set[rn(setn)];
        }
    }
}
#define PRANDS(set, n) PRAND(set, (unsigned)(sizeof(set) - 1), n)
#define PHEX(n) PRANDS(HEX, n)

static void PDIG(int n)
{
    uint64_t r = r64();
    for (int i = 0; i < n; i++) {
        if (i && i % 16 == 0)
            r = r64();
        ob[ol++] = (char)('0' + (r % 10));
        r /= 10;
    }
}

/* ---- ground truth -------------------------------------------------------- */

static FILE *tfp;
static char *tb;
static size_t tl, tcap;
static uint64_t n_phi, n_decoy;
static uint64_t last_phi_line; /* for counting lines with PHI */
static uint64_t phi_lines;

static void tflush(void)
{
    if (tl && fwrite(tb, 1, tl, tfp) != tl)
        die("write error on the truth file");
    tl = 0;
}

/* Record ob[st..ol) as a truth row on the current line. */
static void T(int phi, const char *cat, size_t st)
{
    if (phi) {
        n_phi++;
        if (last_phi_line != lineno) {
            last_phi_line = lineno;
            phi_lines++;
        }
    } else {
        n_decoy++;
    }
    if (!tfp)
        return;
    size_t n = ol - st, cl = strlen(cat);
    size_t need = 2 * n + cl + 40;
    if (tl + need > tcap) {
        tflush();
        if (need > tcap) {
            tcap = need * 2;
            tb = realloc(tb, tcap);
            if (!tb)
                die("out of memory");
        }
    }
    char *w = tb + tl, t[20];
    int i = 20;
    uint64_t v = lineno;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(w, t + i, (size_t)(20 - i));
    w += 20 - i;
    *w++ = '\t';
    if (phi) {
        memcpy(w, "phi\t", 4);
        w += 4;
    } else {
        memcpy(w, "decoy\t", 6);
        w += 6;
    }
    memcpy(w, cat, cl);
    w += cl;
    *w++ = '\t';
    for (const char *s = ob + st, *e = ob + ol; s < e; s++) {
        switch (*s) {
        case '\t': *w++ = '\\'; *w++ = 't'; break;
        case '\n': *w++ = '\\'; *w++ = 'n'; break;
        case '\r': *w++ = '\\'; *w++ = 'r'; break;
        case '\\': *w++ = '\\'; *w++ = '\\'; break;
        default: *w++ = *s;
        }
    }
    *w++ = '\n';
    tl = (size_t)(w - tb);
}
#define PHI(cat, st) T(1, cat, st)
#define DEC(cat, st) T(0, cat, st)

/* ---- clock --------------------------------------------------------------- */

static int64_t now_ms; /* the log clock, Unix epoch milliseconds (UTC) */

typedef struct {
    int y, mo, d, h, mi, s;
} tmx;

static const char MON3[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const str MONFULL[12] = {S("January"), S("February"), S("March"), S("April"),
                                S("May"), S("June"), S("July"), S("August"),
                                S("September"), S("October"), S("November"), S("December")};

/* Howard Hinnant's days_from_civil / civil_from_days. */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void tm_of(int64_t sec, tmx *t)
{
    int64_t z = (sec >= 0 ? sec : sec - 86399) / 86400;
    int64_t rem = sec - z * 86400;
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    t->d = (int)(doy - (153 * mp + 2) / 5 + 1);
    t->mo = (int)(mp < 10 ? mp + 3 : mp - 9);
    t->y = (int)(yoe + era * 400) + (t->mo <= 2);
    t->h = (int)(rem / 3600);
    t->mi = (int)(rem / 60 % 60);
    t->s = (int)(rem % 60);
}

static int64_t tm_cached_sec = INT64_MIN;
static tmx tmu;

static const tmx *tm_now(void)
{
    int64_t s = now_ms / 1000;
    if (s != tm_cached_sec) {
        tm_of(s, &tmu);
        tm_cached_sec = s;
    }
    return &tmu;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 ? 28 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) : dm[m - 1];
}

enum {
    TS_ISO_MS_Z,   /* 2026-11-23T08:30:01.123Z */
    TS_ISO_MS_OFF, /* 2026-11-23T03:30:01.123-05:00 */
    TS_ISO_S_OFF,  /* 2026-11-23T03:30:01-05:00 */
    TS_ISO_US,     /* 2026-11-23T08:30:01.123456+00:00 */
    TS_ISO_SPACE,  /* 2026-11-23 08:30:01.123 */
    TS_SYSLOG,     /* Nov 23 08:30:01 */
    TS_LOG4J,      /* 2026-11-23 08:30:01,123 */
    TS_CLF,        /* 23/Nov/2026:08:30:01 +0000 */
    TS_HL7,        /* 20261123083001 */
    TS_EPOCH_S,    /* 1795422601 */
    TS_EPOCH_MS,   /* 1795422601123 */
    TS_ISO_DATE    /* 2026-11-23 */
};

static const int TZOFF[] = {-300, -360, -420, -480, 0, -300, -300};

static void put_ymd(const tmx *t, char sep)
{
    PZ((uint64_t)t->y, 4);
    PC(sep);
    PZ((uint64_t)t->mo, 2);
    PC(sep);
    PZ((uint64_t)t->d, 2);
}

static void put_hms(const tmx *t)
{
    PZ((uint64_t)t->h, 2);
    PC(':');
    PZ((uint64_t)t->mi, 2);
    PC(':');
    PZ((uint64_t)t->s, 2);
}

static void put_off(int off)
{
    if (off == 0 && pct(50)) {
        PC('Z');
        return;
    }
    PC(off < 0 ? '-' : '+');
    if (off < 0)
        off = -off;
    PZ((uint64_t)(off / 60), 2);
    PC(':');
    PZ((uint64_t)(off % 60), 2);
}

/* Write the log clock in the given style; a TIMESTAMP decoy. */
static void wts(int kind)
{
    size_t st = ol;
    const tmx *t = tm_now();
    unsigned ms = (unsigned)(now_ms % 1000);
    switch (kind) {
    case TS_ISO_MS_Z:
        put_ymd(t, '-');
        PC('T');
        put_hms(t);
        PC('.');
        PZ(ms, 3);
        PC('Z');
        break;
    case TS_ISO_MS_OFF:
    case TS_ISO_S_OFF: {
        int off = TZOFF[rn((unsigned)NELEM(TZOFF))];
        tmx lt;
        tm_of(now_ms / 1000 + off * 60, &lt);
        put_ymd(&lt, '-');
        PC('T');
        put_hms(&lt);
        if (kind == TS_ISO_MS_OFF) {
            PC('.');
            PZ(ms, 3);
        }
        put_off(off);
        break;
    }
    case TS_ISO_US:
        put_ymd(t, '-');
        PC('T');
        put_hms(t);
        PC('.');
        PZ(ms * 1000u + rn(1000), 6);
        PL("+00:00");
        break;
    case TS_ISO_SPACE:
        put_ymd(t, '-');
        PC(' ');
        put_hms(t);
        PC('.');
        PZ(ms, 3);
        break;
    case TS_SYSLOG:
        P(MON3[t->mo - 1], 3);
        PC(' ');
        if (t->d < 10)
            PC(' ');
        PU((uint64_t)t->d);
        PC(' ');
        put_hms(t);
        break;
    case TS_LOG4J:
        put_ymd(t, '-');
        PC(' ');
        put_hms(t);
        PC(',');
        PZ(ms, 3);
        break;
    case TS_CLF:
        PZ((uint64_t)t->d, 2);
        PC('/');
        P(MON3[t->mo - 1], 3);
        PC('/');
        PZ((uint64_t)t->y, 4);
        PC(':');
        put_hms(t);
        PL(" +0000");
        break;
    case TS_HL7:
        PZ((uint64_t)t->y, 4);
        PZ((uint64_t)t->mo, 2);
        PZ((uint64_t)t->d, 2);
        PZ((uint64_t)t->h, 2);
        PZ((uint64_t)t->mi, 2);
        PZ((uint64_t)t->s, 2);
        break;
    case TS_EPOCH_S:
        PU((uint64_t)(now_ms / 1000));
        break;
    case TS_EPOCH_MS:
        PU((uint64_t)now_ms);
        break;
    case TS_ISO_DATE:
        put_ymd(t, '-');
        break;
    }
    DEC(kind == TS_EPOCH_S || kind == TS_EPOCH_MS ? "EPOCH" : "TIMESTAMP", st);
}

/* ---- name lists (our own; a mix of common and uncommon names) ----------- */

static const str FEM[] = {
    S("Jane"), S("Mary"), S("Linda"), S("Patricia"), S("Jennifer"), S("Elizabeth"), S("Susan"),
    S("Jessica"), S("Sarah"), S("Karen"), S("Nancy"), S("Lisa"), S("Margaret"), S("Sandra"),
    S("Ashley"), S("Emily"), S("Donna"), S("Michelle"), S("Carol"), S("Amanda"), S("Melissa"),
    S("Deborah"), S("Stephanie"), S("Rebecca"), S("Laura"), S("Sharon"), S("Cynthia"),
    S("Kathleen"), S("Amy"), S("Angela"), S("Anna"), S("Brenda"), S("Emma"), S("Olivia"),
    S("Sophia"), S("Isabella"), S("Ava"), S("Mia"), S("Charlotte"), S("Harper"), S("Evelyn"),
    S("Abigail"), S("Madison"), S("Chloe"), S("Grace"), S("Zoey"), S("Nora"), S("Hannah"),
    S("Aaliyah"), S("Layla"), S("Priya"), S("Ananya"), S("Mei"), S("Yuki"), S("Hiroko"),
    S("Sakura"), S("Fatima"), S("Aisha"), S("Amara"), S("Ngozi"), S("Chiamaka"), S("Thandiwe"),
    S("Nomvula"), S("Oluwaseun"), S("Ximena"), S("Xiomara"), S("Yaretzi"), S("Guadalupe"),
    S("Mar\xc3\xad" "a"), S("Sof\xc3\xad" "a"), S("Luc\xc3\xad" "a"), S("Valentina"), S("Camila"),
    S("Ren\xc3\xa9" "e"), S("Zo\xc3\xab"), S("Chlo\xc3\xa9"), S("Agn\xc3\xa8s"),
    S("Fran\xc3\xa7oise"), S("Ingrid"), S("Astrid"), S("Siobh\xc3\xa1n"), S("Saoirse"),
    S("Aoife"), S("Niamh"), S("Ma\xc5\x82gorzata"), S("Agnieszka"), S("Zuzana"), S("Dagmar"),
    S("Anneliese"), S("Ottoline"), S("Cosima"), S("Perpetua"), S("Leopoldine"), S("Zephyrine"),
    S("Marisol"), S("Rosalind"), S("Imogen"), S("Philippa"), S("Winifred"), S("Mary-Jane"),
    S("Anne-Marie"), S("Rose"), S("Faith"), S("Hope"), S("Summer"), S("Autumn"), S("April"),
    S("June"), S("Iris"), S("Ivy"), S("Pearl"), S("Ruby"), S("Joy"), S("Dawn"), S("Hazel"),
    S("Olive"), S("Violet"), S("Lily"), S("Daisy"), S("Holly"), S("Paige"), S("Skye"),
    S("Ebony"), S("Precious"), S("Destiny"), S("Trinity"), S("Kateryna"), S("Oksana"),
    S("Svetlana"), S("Nadia"), S("Leila"), S("Yasmin"), S("Shirin"), S("Parisa"), S("Noa"),
    S("Tamar"), S("Esther"), S("Miriam"), S("Keiko"), S("Haruka"), S("Ji-woo"), S("Seo-yeon"),
    S("Linh"), S("Thao"), S("Huong"), S("Mai"), S("Ngoc"), S("Lakshmi"), S("Deepika"),
    S("Kavya"), S("Tatiana"), S("Ludmila"), S("Dolores"), S("Consuelo"), S("Itzel"),
    S("Nayeli"), S("Wren"), S("Elowen"), S("Marguerite"), S("Genevieve"), S("Bernadette"),
    S("Dymphna"), S("Brigid"), S("Fenella"), S("Henrietta"), S("Gwendolyn"), S("Araceli"),
};

static const str MALE[] = {
    S("John"), S("James"), S("Robert"), S("Michael"), S("William"), S("David"), S("Richard"),
    S("Joseph"), S("Thomas"), S("Charles"), S("Christopher"), S("Daniel"), S("Matthew"),
    S("Anthony"), S("Mark"), S("Donald"), S("Steven"), S("Paul"), S("Andrew"), S("Joshua"),
    S("Kenneth"), S("Kevin"), S("Brian"), S("George"), S("Timothy"), S("Ronald"), S("Edward"),
    S("Jason"), S("Jeffrey"), S("Ryan"), S("Jacob"), S("Gary"), S("Nicholas"), S("Eric"),
    S("Jonathan"), S("Stephen"), S("Larry"), S("Justin"), S("Scott"), S("Brandon"),
    S("Benjamin"), S("Samuel"), S("Gregory"), S("Frank"), S("Alexander"), S("Raymond"),
    S("Patrick"), S("Jack"), S("Dennis"), S("Jerry"), S("Tyler"), S("Aaron"),
    S("Jos\xc3\xa9"), S("Luis"), S("Carlos"), S("Juan"), S("Jes\xc3\xbas"), S("Miguel"),
    S("Alejandro"), S("Santiago"), S("Mateo"), S("Joaqu\xc3\xadn"), S("Andr\xc3\xa9s"),
    S("Ra\xc3\xbal"), S("Ram\xc3\xb3n"), S("Sebasti\xc3\xa1n"), S("Wei"), S("Hao"), S("Jun"),
    S("Hiroshi"), S("Takeshi"), S("Kenji"), S("Min-jun"), S("Ji-ho"), S("Arjun"), S("Rohan"),
    S("Vikram"), S("Sanjay"), S("Rahul"), S("Mohammed"), S("Ahmed"), S("Omar"), S("Yusuf"),
    S("Tariq"), S("Kwame"), S("Kwabena"), S("Kofi"), S("Chidi"), S("Emeka"),
    S("Oluwadamilare"), S("Tendai"), S("Sipho"), S("Bongani"), S("Tadhg"), S("Se\xc3\xa1n"),
    S("Ois\xc3\xadn"), S("Cillian"), S("Padraig"), S("S\xc3\xb8ren"), S("Bj\xc3\xb8rn"),
    S("J\xc3\xb6rg"), S("J\xc3\xbcrgen"), S("\xc5\x81ukasz"), S("Wojciech"), S("Grzegorz"),
    S("Bartholomew"), S("Ebenezer"), S("Thaddeus"), S("Cornelius"), S("Ignatius"),
    S("Percival"), S("Lazarus"), S("Grant"), S("Will"), S("Bill"), S("Chase"), S("Hunter"),
    S("Mason"), S("Carter"), S("Miles"), S("Reed"), S("Drew"), S("Dean"), S("Guy"), S("Ray"),
    S("Max"), S("Art"), S("Sterling"), S("Forrest"), S("Ernest"), S("Rusty"), S("Lance"),
    S("Wade"), S("Dale"), S("Glen"), S("Rex"), S("Pierce"), S("Cliff"), S("Dmitri"),
    S("Nikolai"), S("Aleksandr"), S("Ivan"), S("Yevgeny"), S("Levente"), S("Zolt\xc3\xa1n"),
    S("Ferenc"), S("Thanh"), S("Duc"), S("Minh"), S("Quang"), S("Tuan"), S("Cuong"),
    S("Hamza"), S("Bilal"), S("Ibrahim"), S("Kareem"), S("Mustafa"), S("Emre"), S("Burak"),
    S("Mehmet"), S("Tiago"), S("Jo\xc3\xa3o"), S("Gon\xc3\xa7" "alo"), S("Rui"), S("Nuno"),
    S("Fitzwilliam"), S("Alistair"), S("Crispin"), S("Evander"), S("Leopold"), S("Osvaldo"),
};

static const str SUR[] = {
    S("Smith"), S("Johnson"), S("Williams"), S("Brown"), S("Jones"), S("Garcia"), S("Miller"),
    S("Davis"), S("Rodriguez"), S("Martinez"), S("Hernandez"), S("Lopez"), S("Gonzalez"),
    S("Wilson"), S("Anderson"), S("Thomas"), S("Taylor"), S("Moore"), S("Jackson"), S("Martin"),
    S("Lee"), S("Perez"), S("Thompson"), S("White"), S("Harris"), S("Sanchez"), S("Clark"),
    S("Ramirez"), S("Lewis"), S("Robinson"), S("Walker"), S("Young"), S("Allen"), S("King"),
    S("Wright"), S("Scott"), S("Torres"), S("Nguyen"), S("Hill"), S("Flores"), S("Green"),
    S("Adams"), S("Nelson"), S("Baker"), S("Hall"), S("Rivera"), S("Campbell"), S("Mitchell"),
    S("Carter"), S("Roberts"), S("Doe"), S("N\xc3\xba\xc3\xb1" "ez"), S("Pe\xc3\xb1" "a"),
    S("Mu\xc3\xb1oz"), S("Ib\xc3\xa1\xc3\xb1" "ez"), S("Guti\xc3\xa9rrez"),
    S("Fern\xc3\xa1ndez"), S("\xc3\x81lvarez"), S("Alvarez-Ruiz"), S("Dom\xc3\xadnguez"),
    S("S\xc3\xa1nchez"), S("O'Neil"), S("O'Brien"), S("O'Connor"), S("D'Angelo"),
    S("McDonald"), S("MacArthur"), S("McAllister"), S("Okafor"), S("Okonkwo"), S("Adeyemi"),
    S("Oyelaran"), S("Achterberg"), S("Whitfield"), S("Kowalski"),
    S("Wi\xc5\x9bniewski"), S("W\xc3\xb3jcik"), S("Dvo\xc5\x99\xc3\xa1k"), S("Nov\xc3\xa1k"),
    S("M\xc3\xbcller"), S("Schr\xc3\xb6" "der"), S("J\xc3\xa4ger"), S("B\xc3\xb6hm"),
    S("\xc3\x98stergaard"), S("S\xc3\xb8ndergaard"), S("\xc3\x85" "berg"), S("Lindqvist"),
    S("Bj\xc3\xb6rklund"), S("Nakamura"), S("Tanaka"), S("Watanabe"), S("Yamamoto"),
    S("Kobayashi"), S("Suzuki"), S("Kim"), S("Park"), S("Choi"), S("Jung"), S("Kang"),
    S("Chen"), S("Wang"), S("Li"), S("Zhang"), S("Liu"), S("Huang"), S("Zhao"), S("Wu"),
    S("Xu"), S("Patel"), S("Shah"), S("Singh"), S("Kumar"), S("Gupta"), S("Iyer"), S("Reddy"),
    S("Chatterjee"), S("Banerjee"), S("Venkataraman"), S("Krishnamurthy"), S("Haddad"),
    S("Khoury"), S("Nasser"), S("Farouk"), S("Abdullah"), S("Mansour"), S("Yilmaz"),
    S("\xc3\x96zt\xc3\xbcrk"), S("\xc5\x9e" "ahin"), S("Demir"), S("Kaya"), S("Papadopoulos"),
    S("Georgiou"), S("Rossi"), S("Russo"), S("Ferrari"), S("Esposito"), S("Bianchi"),
    S("Romano"), S("Colombo"), S("Ricci"), S("Marino"), S("Greco"), S("Dubois"),
    S("Lef\xc3\xa8vre"), S("Moreau"), S("Girard"), S("Fontaine"), S("Beaumont"), S("Rousseau"),
    S("Gallagher"), S("Fitzgerald"), S("Kavanagh"), S("Ivanova"), S("Petrov"), S("Smirnov"),
    S("Kuznetsova"), S("Popescu"), S("Horv\xc3\xa1th"), S("Nagy"), S("Kov\xc3\xa1" "cs"),
    S("Szab\xc3\xb3"), S("T\xc3\xb3th"), S("Mbeki"), S("Ndlovu"), S("Dlamini"), S("Mensah"),
    S("Asante"), S("Boateng"), S("Owusu"), S("Nwosu"), S("Eze"), S("Abiodun"), S("Hoang"),
    S("Pham"), S("Tran"), S("Le"), S("Vu"), S("Dang"), S("Bui"), S("Do"), S("Ng"), S("Ho"),
    S("Lam"), S("Lau"), S("Chan"), S("Wong"), S("Cheung"), S("Leung"), S("Cook"), S("Stone"),
    S("Brooks"), S("Banks"), S("Frost"), S("Bell"), S("Rich"), S("Sharp"), S("Strong"),
    S("Little"), S("Long"), S("Short"), S("Grant"), S("Price"), S("Rose"), S("Hunt"),
    S("Bird"), S("Wolf"), S("Fox"), S("Snow"), S("Winter"), S("Church"), S("De La Cruz"),
    S("Van Buren"), S("Smith-Jones"), S("Garcia-Lopez"), S("Quiroga"), S("Zamora"),
    S("Villanueva"), S("Castellanos"), S("Bustamante"), S("Ochoa"), S("Arriaga"),
    S("Tshabalala"), S("Oyelowo"), S("Featherstonehaugh"), S("Cholmondeley"), S("Pennington"),
    S("Ravensworth"), S("Blackwood"), S("Thistlewaite"), S("Quigley"), S("Llewellyn"),
};

/* ---- places -------------------------------------------------------------- */

typedef struct {
    str city;
    const char *st;
    unsigned zip;
} city_t;

static const city_t CITIES[] = {
    {S("Springfield"), "IL", 62704}, {S("Austin"), "TX", 78701}, {S("Portland"), "OR", 97205},
    {S("Denver"), "CO", 80202}, {S("Scottsdale"), "AZ", 85251}, {S("Boise"), "ID", 83702},
    {S("Raleigh"), "NC", 27601}, {S("Tampa"), "FL", 33602}, {S("Madison"), "WI", 53703},
    {S("Burlington"), "VT", 5401}, {S("Newark"), "NJ", 7102}, {S("Boston"), "MA", 2116},
    {S("San Diego"), "CA", 92101}, {S("Salt Lake City"), "UT", 84101},
    {S("Ann Arbor"), "MI", 48104}, {S("Santa Fe"), "NM", 87501}, {S("Saint Paul"), "MN", 55102},
    {S("Naperville"), "IL", 60540}, {S("Plano"), "TX", 75024}, {S("Bellevue"), "WA", 98004},
    {S("Coral Gables"), "FL", 33134}, {S("Brooklyn"), "NY", 11201}, {S("Savannah"), "GA", 31401},
    {S("Asheville"), "NC", 28801}, {S("Boulder"), "CO", 80302}, {S("Pasadena"), "CA", 91101},
    {S("Charleston"), "SC", 29401}, {S("Omaha"), "NE", 68102}, {S("Tulsa"), "OK", 74103},
    {S("Honolulu"), "HI", 96813}, {S("Anchorage"), "AK", 99501}, {S("Missoula"), "MT", 59801},
};

static const str STREETS[] = {
    S("Main"), S("Oak"), S("Maple"), S("Cedar"), S("Pine"), S("Elm"), S("Washington"), S("Lake"),
    S("Hill"), S("Park"), S("Sunset"), S("Lincoln"), S("Jefferson"), S("Madison"), S("Ridge"),
    S("Highland"), S("Meadow"), S("Willow"), S("Spring"), S("Cherry"), S("Walnut"), S("Chestnut"),
    S("River"), S("Church"), S("Mill"), S("Forest"), S("Valley"), S("Prospect"), S("Franklin"),
    S("Harbor"), S("Magnolia"), S("Dogwood"), S("Sycamore"), S("Juniper"), S("Aspen"),
    S("Birch"), S("Laurel"), S("Orchard"), S("Peachtree"), S("Bay"), S("Martin Luther King Jr"),
    S("Old Mill"), S("Fox Run"), S("Quail Hollow"), S("42nd"), S("5th"), S("1st"), S("3rd"),
    S("Ca\xc3\xb1" "ada"),
};
static const str SUFFIXES[] = {S("St"), S("Street"), S("Ave"), S("Avenue"), S("Rd"), S("Road"),
                               S("Blvd"), S("Ln"), S("Lane"), S("Dr"), S("Drive"), S("Ct"),
                               S("Way"), S("Pl"), S("Ter"), S("Cir"), S("Pkwy")};
static const str DIRS[] = {S("N "), S("S "), S("E "), S("W "), S("North "), S("West ")};
static const str UNITS[] = {S(" Apt "), S(" Apt. "), S(" Unit "), S(" Suite "), S(" #"),
                            S(", Apt "), S(" Ste ")};

static const str EMAIL_DOMAINS[] = {
    S("gmail.com"), S("gmail.com"), S("gmail.com"), S("yahoo.com"), S("outlook.com"),
    S("hotmail.com"), S("icloud.com"), S("aol.com"), S("comcast.net"), S("protonmail.com"),
    S("me.com"), S("live.com"), S("att.net"), S("verizon.net"), S("msn.com"),
    S("sbcglobal.net"), S("gmx.de"), S("yahoo.co.uk"), S("proton.me"), S("fastmail.com"),
};

static const unsigned AREA[] = {
    212, 213, 214, 206, 305, 312, 404, 415, 469, 480, 503, 510, 512, 602, 617, 619, 646,
    702, 713, 718, 720, 773, 801, 808, 818, 858, 917, 929, 972, 303, 347, 408, 425, 571,
    614, 615, 704, 757, 763, 786, 813, 832, 847, 904, 919, 949, 954, 970, 555,
};

/* ---- ASCII folding (emails, HL7, embossed card names) -------------------- */

static const char FOLD_C3[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char FOLD_C4[] = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlL";
static const char FOLD_C5[] = "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Append s folded to ASCII; mode 0 keep case, 1 upper, 2 lower, 3 lower
 * alphanumerics only (email local parts). */
static void put_fold(const str *s, int mode)
{
    for (unsigned i = 0; i < s->n; i++) {
        unsigned char c = (unsigned char)s->s[i];
        if (c >= 0xC3 && c <= 0xC5 && i + 1 < s->n) {
            unsigned char d = (unsigned char)s->s[++i];
            c = (unsigned char)(c == 0xC3 ? FOLD_C3 : c == 0xC4 ? FOLD_C4 : FOLD_C5)[(d - 0x80) & 63];
        }
        if (mode == 1 && c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 32);
        else if (mode >= 2 && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (mode == 3 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            continue;
        ob[ol++] = (char)c;
    }
}

/* Percent-encode for a query string (space as '+'). */
static void put_url(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            ob[ol++] = (char)c;
        } else if (c == ' ') {
            ob[ol++] = '+';
        } else {
            ob[ol++] = '%';
            ob[ol++] = HEXU[c >> 4];
            ob[ol++] = HEXU[c & 15];
        }
    }
}

/* ---- the person behind a PHI event --------------------------------------- */

typedef struct {
    const str *g, *s;
    char mi;
    int fem, title_dr;
    int by, bm, bd;
    unsigned pa, pe, pl;
    char email[128];
    unsigned email_n;
    unsigned ssn_a, ssn_g, ssn_s;
    unsigned hn;
    const str *street, *suffix, *dir, *unit;
    unsigned unitno;
    char unitlet;
    const city_t *city;
    int pobox;
    char mrn[24];
    unsigned mrn_n;
} person;

static person PP;

static void new_person(void)
{
    person *p = &PP;
    p->fem = (int)rn(2);
    p->g = p->fem ? PICK(FEM) : PICK(MALE);
    p->s = PICK(SUR);
    p->mi = (char)('A' + rn(26));
    p->title_dr = pct(8);
    p->by = (int)rr(1936, 2021);
    p->bm = (int)rr(1, 12);
    p->bd = (int)rr(1, (unsigned)days_in_month(p->by, p->bm));
    p->pa = AREA[rn((unsigned)NELEM(AREA))];
    if (p->pa == 555 || pct(12)) {
        p->pe = 555;
        p->pl = 100 + rn(100);
    } else {
        do
            p->pe = rr(201, 999);
        while (p->pe % 100 == 11);
        p->pl = rn(10000);
    }
    do
        p->ssn_a = rr(1, 899);
    while (p->ssn_a == 666);
    p->ssn_g = rr(1, 99);
    p->ssn_s = rr(1, 9999);
    p->hn = pct(60) ? rr(1, 999) : rr(1000, 24999);
    p->street = PICK(STREETS);
    p->suffix = PICK(SUFFIXES);
    p->dir = pct(15) ? PICK(DIRS) : NULL;
    p->unit = pct(35) ? PICK(UNITS) : NULL;
    p->unitno = rr(1, 420);
    p->unitlet = pct(20) ? (char)('A' + rn(6)) : 0;
    p->city = PICK(CITIES);
    p->pobox = pct(6);

    /* Email: built once so it reads the same everywhere in the event. */
    size_t save = ol;
    str g = *p->g, s = *p->s;
    switch (rn(8)) {
    case 0: put_fold(&g, 3); PC('.'); put_fold(&s, 3); break;
    case 1: put_fold(&g, 3); put_fold(&s, 3); break;
    case 2: put_fold(&g, 3); PC('.'); put_fold(&s, 3); PZ((uint64_t)(p->by % 100), 2); break;
    case 3: { str i1 = {g.s, 1}; put_fold(&i1, 2); put_fold(&s, 3); break; }
    case 4: put_fold(&g, 3); PC('_'); put_fold(&s, 3); break;
    case 5: put_fold(&s, 3); PC('.'); put_fold(&g, 3); break;
    case 6: put_fold(&g, 3); PU(rr(1, 999)); break;
    default: put_fold(&g, 3); PC('.'); PC((char)(p->mi + 32)); PC('.'); put_fold(&s, 3); break;
    }
    if (ob[save] < 'a' || ob[save] > 'z') /* a folded first byte that was not a letter */
        ob[save] = 'x';
    PC('@');
    PSTR(PICK(EMAIL_DOMAINS));
    p->email_n = (unsigned)(ol - save);
    if (p->email_n > sizeof p->email)
        p->email_n = sizeof p->email;
    memcpy(p->email, ob + save, p->email_n);
    ol = save;

    /* MRN in one of a few EHR styles. */
    save = ol;
    switch (rn(5)) {
    case 0:
    case 1: PZ(rr(1, 9999999), 8); break;
    case 2: PC((char)('A' + rn(26))); PDIG(7); break;
    case 3: PL("P-"); PZ(rr(1, 999999), 6); break;
    default: PU(rr(100000, 99999999)); break;
    }
    p->mrn_n = (unsigned)(ol - save);
    memcpy(p->mrn, ob + save, p->mrn_n);
    ol = save;
}

/* ---- value writers ------------------------------------------------------- */

enum { CTX_TEXT, CTX_JSON, CTX_URL, CTX_CSV, CTX_HL7, CTX_POS };
static int ctx = CTX_TEXT;
static int keyed; /* the value follows a key such as phone= */

static const str TITLES_F[] = {S("Mrs."), S("Ms."), S("Ms"), S("Mrs"), S("Miss")};
static const str TITLES_M[] = {S("Mr."), S("Mr")};

static void w_title(void)
{
    if (PP.title_dr)
        PL("Dr.");
    else
        PSTR(PP.fem ? PICK(TITLES_F) : PICK(TITLES_M));
    PC(' ');
}

/* Names: NM_ANY picks a style suited to the context. */
enum { NM_ANY, NM_GIVEN, NM_SUR, NM_TITLE };

static void w_name(int what)
{
    size_t st;
    if (what == NM_TITLE) {
        w_title();
        st = ol;
        if (pct(25)) {
            PSTR(PP.g);
            PC(' ');
        }
        PSTR(PP.s);
        PHI("NAME", st);
        return;
    }
    st = ol;
    if (what == NM_GIVEN) {
        if (ctx == CTX_URL)
            put_url(PP.g->s, PP.g->n);
        else if (ctx == CTX_HL7)
            put_fold(PP.g, 1);
        else
            PSTR(PP.g);
        PHI("NAME", st);
        return;
    }
    if (what == NM_SUR) {
        if (ctx == CTX_URL)
            put_url(PP.s->s, PP.s->n);
        else if (ctx == CTX_HL7)
            put_fold(PP.s, 1);
        else
            PSTR(PP.s);
        PHI("NAME", st);
        return;
    }
    switch (ctx) {
    case CTX_URL: {
        char tmp[160];
        size_t n = 0;
        memcpy(tmp, PP.g->s, PP.g->n);
        n += PP.g->n;
        tmp[n++] = ' ';
        memcpy(tmp + n, PP.s->s, PP.s->n);
        n += PP.s->n;
        put_url(tmp, n);
        break;
    }
    case CTX_HL7: {
        int up = !pct(20);
        put_fold(PP.s, up);
        PC('^');
        put_fold(PP.g, up);
        if (pct(60)) {
            PC('^');
            PC(PP.mi);
        }
        break;
    }
    case CTX_POS:
        if (pct(25)) { /* track-1 style SURNAME/GIVEN */
            put_fold(PP.s, 1);
            PC('/');
            put_fold(PP.g, 1);
            if (pct(40)) {
                PC(' ');
                PC(PP.mi);
            }
        } else {
            put_fold(PP.g, 1);
            if (pct(30)) {
                PC(' ');
                PC(PP.mi);
            }
            PC(' ');
            put_fold(PP.s, 1);
        }
        break;
    default: {
        unsigned r = rn(100);
        if (r < 50) {
            PSTR(PP.g);
            PC(' ');
            PSTR(PP.s);
        } else if (r < 68) {
            PSTR(PP.s);
            PL(", ");
            PSTR(PP.g);
        } else if (r < 85) {
            PSTR(PP.g);
            PC(' ');
            PC(PP.mi);
            PL(". ");
            PSTR(PP.s);
        } else if (r < 93) {
            put_fold(PP.s, 1);
            PL(", ");
            put_fold(PP.g, 1);
        } else {
            put_fold(PP.g, 1);
            PC(' ');
            put_fold(PP.s, 1);
        }
    }
    }
    PHI("NAME", st);
}

static void w_dob(void)
{
    size_t st = ol;
    int y = PP.by, m = PP.bm, d = PP.bd;
    unsigned style;
    if (ctx == CTX_HL7)
        style = 6;
    else if (ctx == CTX_URL)
        style = (unsigned[]){0, 0, 7, 6}[rn(4)];
    else if (ctx == CTX_CSV)
        style = (unsigned[]){0, 0, 1}[rn(3)];
    else if (ctx == CTX_JSON)
        style = (unsigned[]){0, 0, 0, 1, 8, 3}[rn(6)];
    else
        style = rn(keyed ? 7 : 6);
    switch (style) {
    case 0: /* 1984-03-03 */
        PZ((uint64_t)y, 4); PC('-'); PZ((uint64_t)m, 2); PC('-'); PZ((uint64_t)d, 2);
        break;
    case 1: /* 03/04/1984 */
        PZ((uint64_t)m, 2); PC('/'); PZ((uint64_t)d, 2); PC('/'); PZ((uint64_t)y, 4);
        break;
    case 2: /* 3/4/84 */
        PU((uint64_t)m); PC('/'); PU((uint64_t)d); PC('/'); PZ((uint64_t)(y % 100), 2);
        break;
    case 3: /* 03-Mar-1984 */
        PZ((uint64_t)d, 2); PC('-'); P(MON3[m - 1], 3); PC('-'); PZ((uint64_t)y, 4);
        break;
    case 4: /* March 3, 1984 */
        PSTR(&MONFULL[m - 1]); PC(' '); PU((uint64_t)d); PL(", "); PZ((uint64_t)y, 4);
        break;
    case 5: /* 3 March 1984 */
        PU((uint64_t)d); PC(' '); PSTR(&MONFULL[m - 1]); PC(' '); PZ((uint64_t)y, 4);
        break;
    case 6: /* 19840303 */
        PZ((uint64_t)y, 4); PZ((uint64_t)m, 2); PZ((uint64_t)d, 2);
        break;
    case 7: /* 03%2F04%2F1984 */
        PZ((uint64_t)m, 2); PL("%2F"); PZ((uint64_t)d, 2); PL("%2F"); PZ((uint64_t)y, 4);
        break;
    default: /* 1984-03-03T00:00:00Z */
        PZ((uint64_t)y, 4); PC('-'); PZ((uint64_t)m, 2); PC('-'); PZ((uint64_t)d, 2);
        PL("T00:00:00Z");
        break;
    }
    PHI("DOB", st);
}

static void w_phone(void)
{
    size_t st = ol;
    unsigned a = PP.pa, e = PP.pe, l = PP.pl, style;
    if (ctx == CTX_URL)
        style = (unsigned[]){7, 7, 1, 6}[rn(4)];
    else if (ctx == CTX_HL7)
        style = (unsigned[]){9, 9, 1}[rn(3)];
    else if (ctx == CTX_CSV)
        style = (unsigned[]){0, 1, 6}[rn(3)];
    else if ((style = rn(keyed ? 8 : 6)) == 7)
        style = 8; /* bare digits, only after a key */
    switch (style) {
    case 0: PC('('); PU(a); PL(") "); PZ(e, 3); PC('-'); PZ(l, 4); break;
    case 1: PU(a); PC('-'); PZ(e, 3); PC('-'); PZ(l, 4); break;
    case 2: PU(a); PC('.'); PZ(e, 3); PC('.'); PZ(l, 4); break;
    case 3: PL("+1 "); PU(a); PC(' '); PZ(e, 3); PC(' '); PZ(l, 4); break;
    case 4: PL("1-"); PU(a); PC('-'); PZ(e, 3); PC('-'); PZ(l, 4); break;
    case 5: PL("+1 ("); PU(a); PL(") "); PZ(e, 3); PC('-'); PZ(l, 4); break;
    case 6: PL("+1"); PU(a); PZ(e, 3); PZ(l, 4); break;
    case 7: PL("%2B1"); PU(a); PZ(e, 3); PZ(l, 4); break;
    case 8: PU(a); PZ(e, 3); PZ(l, 4); break; /* bare, keyed only */
    default: PC('('); PU(a); PC(')'); PZ(e, 3); PC('-'); PZ(l, 4); break;
    }
    PHI("PHONE", st);
}

/* International E.164 numbers in national groupings; '#' is a random digit. */
static const char *const INTL[] = {
    "+44 20 #### ####", "+44 7700 ######", "+4915#########", "+49 30 ########",
    "+33 6 ## ## ## ##", "+52 55 #### ####", "+61 4## ### ###", "+91 9#### #####",
    "+63 917 ### ####", "+34 6## ## ## ##", "+353 87 ### ####", "+234 803 ### ####",
    "+81 90-####-####", "+55 11 9####-####", "+971 50 ### ####", "+48 5## ### ###",
};

static void w_phone_intl(void)
{
    size_t st = ol;
    const char *f = INTL[rn((unsigned)NELEM(INTL))];
    if (ctx == CTX_URL) {
        PL("%2B");
        f++;
    }
    for (; *f; f++) {
        if (*f == '#')
            PC((char)('0' + rn(10)));
        else if (ctx == CTX_URL && *f == ' ')
            continue;
        else
            PC(*f);
    }
    PHI("PHONE", st);
}

static void w_email(void)
{
    size_t st = ol;
    if (ctx == CTX_URL) {
        const char *at = memchr(PP.email, '@', PP.email_n);
        size_t k = (size_t)(at - PP.email);
        P(PP.email, k);
        PL("%40");
        P(at + 1, PP.email_n - k - 1);
    } else {
        P(PP.email, PP.email_n);
    }
    PHI("EMAIL", st);
}

static void w_ssn(void)
{
    size_t st = ol;
    unsigned r = rn(10);
    if (ctx == CTX_HL7)
        r = r < 7 ? 0 : 8;
    if (r < 7 || (r < 9 && !keyed && ctx != CTX_HL7)) {
        PZ(PP.ssn_a, 3); PC('-'); PZ(PP.ssn_g, 2); PC('-'); PZ(PP.ssn_s, 4);
    } else if (r < 9) {
        PZ(PP.ssn_a, 3); PZ(PP.ssn_g, 2); PZ(PP.ssn_s, 4);
    } else {
        PZ(PP.ssn_a, 3); PC(' '); PZ(PP.ssn_g, 2); PC(' '); PZ(PP.ssn_s, 4);
    }
    PHI("SSN", st);
}

static void put_street(int up)
{
    if (PP.pobox) {
        PSTR((const str[]){S("PO Box "), S("P.O. Box "), S("PO BOX ")} + rn(3));
        PU(PP.unitno);
        return;
    }
    PU(PP.hn);
    PC(' ');
    if (PP.dir)
        up ? put_fold(PP.dir, 1) : PSTR(PP.dir);
    up ? put_fold(PP.street, 1) : PSTR(PP.street);
    PC(' ');
    up ? put_fold(PP.suffix, 1) : PSTR(PP.suffix);
}

static void put_unit(int up)
{
    if (!PP.unit || PP.pobox)
        return;
    up ? put_fold(PP.unit, 1) : PSTR(PP.unit);
    PU(PP.unitno % 60 + 1);
    if (PP.unitlet)
        PC(PP.unitlet);
}

static void put_zip(void)
{
    PZ(PP.city->zip, 5);
    if (PP.unitno % 7 == 0) {
        PC('-');
        PZ(PP.hn * 7 % 10000, 4);
    }
}

static void put_csz(int up)
{
    up ? put_fold(&PP.city->city, 1) : PSTR(&PP.city->city);
    PL(", ");
    P(PP.city->st, 2);
    PC(' ');
    put_zip();
}

enum { AD_FULL, AD_STREET, AD_CSZ, AD_ZIP };

static void w_addr(int what)
{
    size_t st = ol;
    if (what == AD_ZIP) {
        put_zip();
    } else if (what == AD_CSZ) {
        put_csz(0);
    } else if (ctx == CTX_HL7) {
        int up = !pct(25);
        put_street(up);
        PC('^');
        if (PP.unit && !PP.pobox) {
            size_t u = ol;
            put_unit(up);
            /* drop the unit's leading ", " or " " inside the component */
            size_t skip = 0;
            while (u + skip < ol && (ob[u + skip] == ' ' || ob[u + skip] == ','))
                skip++;
            memmove(ob + u, ob + u + skip, ol - u - skip);
            ol -= skip;
        }
        PC('^');
        up ? put_fold(&PP.city->city, 1) : PSTR(&PP.city->city);
        PC('^');
        P(PP.city->st, 2);
        PC('^');
        put_zip();
    } else if (ctx == CTX_URL) {
        char tmp[200];
        size_t s0 = ol;
        put_street(0);
        put_unit(0);
        if (what == AD_FULL) {
            PL(", ");
            put_csz(0);
        }
        size_t n = ol - s0;
        if (n > sizeof tmp)
            n = sizeof tmp;
        memcpy(tmp, ob + s0, n);
        ol = s0;
        put_url(tmp, n);
    } else {
        put_street(0);
        put_unit(0);
        if (what == AD_FULL) {
            PL(", ");
            put_csz(0);
        }
    }
    PHI("ADDRESS", st);
}

static void w_ipv4(void)
{
    size_t st = ol;
    unsigned a, b;
    for (;;) {
        a = rr(1, 223);
        b = rn(256);
        if (a == 10 || a == 127 || a == 0 || (a == 169 && b == 254) || (a == 172 && b >= 16 && b < 32) ||
            (a == 192 && b == 168) || (a == 100 && b >= 64 && b < 128) || (a == 198 && (b == 18 || b == 19)))
            continue;
        break;
    }
    PU(a); PC('.'); PU(b); PC('.'); PU(rn(256)); PC('.'); PU(rr(1, 254));
    PHI("IP", st);
}

static const char *const V6PFX[] = {"2600:1700:", "2607:fb90:", "2601:", "2603:6011:", "2a02:",
                                    "2405:201:", "2804:14c:", "2600:387:"};

static void w_ipv6(void)
{
    size_t st = ol;
    const char *p = V6PFX[rn((unsigned)NELEM(V6PFX))];
    PS(p);
    int have = 0;
    for (const char *c = p; *c; c++)
        have += *c == ':';
    int groups = 8 - have;
    int compress = pct(50);
    for (int i = 0; i < groups; i++) {
        if (compress && i == 2) {
            PC(':');
            i = groups - 2;
        }
        unsigned v = rn(65536);
        int nd = v >= 0x1000 ? 4 : v >= 0x100 ? 3 : v >= 0x10 ? 2 : 1;
        for (int k = nd - 1; k >= 0; k--)
            PC(HEX[(v >> (4 * k)) & 15]);
        if (i < groups - 1)
            PC(':');
    }
    PHI("IP", st);
}

static void w_mrn(void)
{
    size_t st = ol;
    P(PP.mrn, PP.mrn_n);
    PHI("MRN", st);
}

static void w_member(void)
{
    size_t st = ol;
    switch (rn(4)) {
    case 0: PRANDS(UPNUM, 3); PDIG(9); break;           /* XWB123456789 */
    case 1: PC('W'); PDIG(8); break;                       /* W12345678 */
    case 2: PL("MBR-"); PDIG(8); break;
    default: /* Medicare MBI 1EG4-TE5-MK73 */
        PC((char)('1' + rn(9))); PRANDS("ACDEFGHJKMNPQRTUVWXY", 1); PRANDS(UPNUM, 1); PDIG(1);
        PC('-'); PRANDS("ACDEFGHJKMNPQRTUVWXY", 1); PRANDS(UPNUM, 1); PDIG(1);
        PC('-'); PRANDS("ACDEFGHJKMNPQRTUVWXY", 2); PDIG(2);
        break;
    }
    PHI("ID", st);
}

static void w_account(void)
{
    size_t st = ol;
    switch (rn(3)) {
    case 0: PZ(rr(1, 9999999), 8); break;
    case 1: PL("ACCT-"); PDIG(6); break;
    default: PDIG(4); PC('-'); PDIG(4); break;
    }
    PHI("ID", st);
}

/* Luhn-valid card number with a real issuer prefix; style 0 contiguous,
 * 1 spaces, 2 dashes, -1 choose. */
static void w_card(int style)
{
    char d[20];
    int n, plen;
    unsigned r = rn(100);
    if (r < 40) { d[0] = '4'; plen = 1; n = 16; }
    else if (r < 58) { unsigned p = rr(51, 55); d[0] = (char)('0' + p / 10); d[1] = (char)('0' + p % 10); plen = 2; n = 16; }
    else if (r < 65) { unsigned p = rr(2221, 2720); for (int i = 3; i >= 0; i--, p /= 10) d[i] = (char)('0' + p % 10); plen = 4; n = 16; }
    else if (r < 77) { d[0] = '3'; d[1] = pct(50) ? '4' : '7'; plen = 2; n = 15; }
    else if (r < 85) { if (pct(50)) { memcpy(d, "6011", 4); plen = 4; } else { memcpy(d, "65", 2); plen = 2; } n = 16; }
    else if (r < 91) { unsigned p = rr(3528, 3589); for (int i = 3; i >= 0; i--, p /= 10) d[i] = (char)('0' + p % 10); plen = 4; n = 16; }
    else if (r < 95) { d[0] = '3'; d[1] = pct(50) ? '6' : '8'; plen = 2; n = 14; }
    else { d[0] = '6'; d[1] = '2'; plen = 2; n = (int)rr(16, 19); }
    for (int i = plen; i < n - 1; i++)
        d[i] = (char)('0' + rn(10));
    int sum = 0;
    for (int i = n - 2, dbl = 1; i >= 0; i--, dbl ^= 1) {
        int v = d[i] - '0';
        if (dbl) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    d[n - 1] = (char)('0' + (10 - sum % 10) % 10);
    if (style < 0)
        style = r < 50 ? 0 : (int)(pct(70) ? 1 : 2);
    size_t st = ol;
    if (style == 0 || n > 16) {
        P(d, (size_t)n);
    } else {
        char sep = style == 1 ? ' ' : '-';
        static const int g16[] = {4, 4, 4, 4}, g15[] = {4, 6, 5}, g14[] = {4, 6, 4};
        const int *g = n == 16 ? g16 : n == 15 ? g15 : g14;
        int ng = n == 16 ? 4 : 3, k = 0;
        for (int i = 0; i < ng; i++) {
            if (i)
                PC(sep);
            P(d + k, (size_t)g[i]);
            k += g[i];
        }
    }
    PHI("CARD", st);
}

static void put_jwt(void)
{
    static const char *const H[] = {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
                                    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjFlOWdkazcifQ",
                                    "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9"};
    PS(H[rn(3)]);
    PL(".eyJ");
    PRANDS(B64URL, (int)rr(60, 180));
    PC('.');
    PRANDS(B64URL, 43);
}

enum { SEC_BEARER, SEC_PASSWORD, SEC_STRIPE, SEC_AWS, SEC_SLACK, SEC_TWILIO, SEC_APIKEY, SEC_TOKEN };

static void w_secret(int kind)
{
    size_t st;
    if (kind == SEC_BEARER && ctx != CTX_URL)
        PL("Bearer ");
    st = ol;
    switch (kind) {
    case SEC_BEARER: put_jwt(); break;
    case SEC_PASSWORD: {
        static const char *const PW[] = {"Summer2026!", "hunter2", "Welcome1", "Dermatology#1",
                                         "ch4ngeme", "Passw0rd123!", "Spa#Glow2026"};
        if (pct(50))
            PS(PW[rn((unsigned)NELEM(PW))]);
        else
            PRANDS("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!$%*_-.", (int)rr(10, 20));
        break;
    }
    case SEC_STRIPE: PL("sk_live_"); PRANDS(ALNUM, 24); break;
    case SEC_AWS: PL("AKIA"); PRANDS("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16); break;
    case SEC_SLACK:
        PL("xoxb-"); PDIG(12); PC('-'); PDIG(13); PC('-'); PRANDS(ALNUM, 24);
        break;
    case SEC_TWILIO: PL("AC"); PHEX(32); break;
    case SEC_APIKEY: PRANDS(ALNUM, 32); break;
    default: PHEX(40); break;
    }
    PHI("SECRET", st);
}

/* An appointment date/time tied to the patient (a HIPAA date). */
static void w_apptdate(void)
{
    size_t st = ol;
    tmx t;
    tm_of(now_ms / 1000 + 86400 * (int64_t)rr(1, 60), &t);
    unsigned hh = rr(8, 17), mm = rn(4) * 15;
    switch (ctx == CTX_CSV ? 2 : rn(4)) {
    case 0: put_ymd(&t, '-'); break;
    case 1: PZ((uint64_t)t.mo, 2); PC('/'); PZ((uint64_t)t.d, 2); PC('/'); PZ((uint64_t)t.y, 4); break;
    case 2:
        put_ymd(&t, '-'); PC('T'); PZ(hh, 2); PC(':'); PZ(mm, 2); PL(":00-05:00");
        break;
    default: PSTR(&MONFULL[t.mo - 1]); PC(' '); PU((uint64_t)t.d); PL(", "); PZ((uint64_t)t.y, 4); break;
    }
    PHI("DATE", st);
}

/* ---- decoy writers ------------------------------------------------------- */

static void d_uuid(void)
{
    size_t st = ol;
    PHEX(8); PC('-'); PHEX(4); PL("-4"); PHEX(3); PC('-'); PC("89ab"[rn(4)]); PHEX(3); PC('-'); PHEX(12);
    DEC("UUID", st);
}

static void d_hex(int n, const char *cat)
{
    size_t st = ol;
    PHEX(n);
    DEC(cat, st);
}

static void d_order(void)
{
    size_t st = ol;
    PL("ORD-");
    PZ((uint64_t)tm_now()->y, 4);
    PC('-');
    PZ(rn(1000000), 6);
    DEC("ORDER", st);
}

static void d_invoice(void)
{
    size_t st = ol;
    if (pct(50)) {
        PL("INV-");
        PZ(rn(1000000), 6);
    } else {
        PL("INV");
        PZ((uint64_t)tm_now()->y, 4);
        PC('-');
        PZ(rn(100000), 5);
    }
    DEC("INVOICE", st);
}

static void d_version(void)
{
    size_t st = ol;
    if (pct(60))
        PC('v');
    PU(rn(12));
    PC('.');
    PU(rn(40));
    PC('.');
    PU(rn(30));
    if (pct(10)) {
        PL("-rc.");
        PU(rr(1, 5));
    }
    DEC("VERSION", st);
}

static const char *const OIDS[] = {
    "1.2.840.113619.2.55", "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.1.2.1",
    "1.2.840.113619.2.55.3.604688119.971", "2.16.840.1.113883.6.1", "1.2.840.10008.5.1.4.1.1.77.1.4",
    "2.16.840.1.113883.3.72.5.20", "1.3.6.1.4.1.19376.1.5.3.1.4.5",
};

static void d_oid(void)
{
    size_t st = ol;
    PS(OIDS[rn((unsigned)NELEM(OIDS))]);
    DEC("OID", st);
}

static void d_price(void)
{
    size_t st = ol;
    unsigned cents;
    unsigned r = rn(10);
    if (r < 4) cents = rr(1500, 99999);
    else if (r < 8) cents = rr(100000, 499999);
    else cents = rr(500000, 2500000);
    unsigned dollars = cents / 100;
    PC('$');
    if (dollars >= 1000) {
        PU(dollars / 1000);
        PC(',');
        PZ(dollars % 1000, 3);
    } else {
        PU(dollars);
    }
    PC('.');
    PZ(cents % 100, 2);
    DEC("PRICE", st);
}

static const unsigned PORTS[] = {5432, 6379, 8080, 443, 2575, 3306, 9200, 8443, 5672, 11211, 6514, 587};

static void d_port(void)
{
    size_t st = ol;
    PU(pct(70) ? PORTS[rn((unsigned)NELEM(PORTS))] : rr(49152, 65535));
    DEC("PORT", st);
}

static void d_pid(void)
{
    size_t st = ol;
    PU(rr(300, 65000));
    DEC("PID", st);
}

static void d_duration(int unit)
{
    size_t st = ol;
    unsigned ms = pct(80) ? rr(1, 900) : rr(900, 30000);
    if (!unit) {
        PU(ms);
    } else {
        switch (rn(4)) {
        case 0: PU(ms); PL("ms"); break;
        case 1: PU(ms / 1000); PC('.'); PZ(ms % 1000, 3); PC('s'); break;
        case 2: PU(ms); PC('.'); PU(rn(10)); PL("ms"); break;
        default: if (ms >= 1000) { PU(ms / 1000); PC('s'); } else { PU(ms); PL("ms"); } break;
        }
    }
    DEC("DURATION", st);
}

static void d_bytes(void)
{
    size_t st = ol;
    PU(pct(70) ? rr(0, 99999) : rr(100000, 9000000));
    DEC("BYTES", st);
}

/* 16 digits that fail the Luhn check. */
static void d_nonluhn(void)
{
    size_t st = ol;
    PC((char)('1' + rn(9)));
    PDIG(15);
    int sum = 0;
    for (int i = 15, dbl = 0; i >= 0; i--, dbl ^= 1) {
        int v = ob[st + (size_t)i] - '0';
        if (dbl) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    if (sum % 10 == 0)
        ob[st + 15] = (char)('0' + (ob[st + 15] - '0' + 1) % 10);
    DEC("DIGITS16", st);
}

/* 10 digits that are not a NANP number (first digit 0 or 1). */
static void d_nonnanp(void)
{
    size_t st = ol;
    PC((char)('0' + rn(2)));
    PDIG(9);
    DEC("DIGITS10", st);
}

static void d_count(void)
{
    size_t st = ol;
    unsigned r = rn(10);
    PU(r < 4 ? rr(1, 999) : r < 8 ? rr(10000, 99999) : rr(1000, 9999));
    DEC("COUNT", st);
}

static void d_percent(void)
{
    size_t st = ol;
    PU(rn(100));
    if (pct(30)) {
        PC('.');
        PU(rn(10));
    }
    PC('%');
    DEC("PERCENT", st);
}

static const str HOSTS[] = {
    S("pg-primary.clinic.internal"), S("redis-01"), S("ehr-gw01.derm.local"), S("mq-01.clinic.internal"),
    S("api.stripe.com"), S("fhir.ehr-vendor.internal"), S("smtp-relay.clinic.internal"),
    S("pacs01.derm.local"), S("es-logs-2"), S("vault.clinic.internal"),
};
static const str SERVICES[] = {
    S("booking-api"), S("scheduler"), S("patient-portal"), S("ehr-connector"), S("sms-gateway"),
    S("pos-bridge"), S("billing-worker"), S("reminder-cron"), S("intake-forms"), S("fax-bridge"),
    S("lab-interface"), S("auth-service"), S("photo-vault"), S("inventory"),
};

static void d_host(void)
{
    size_t st = ol;
    PSTR(PICK(HOSTS));
    DEC("HOST", st);
}

static void d_service(void)
{
    size_t st = ol;
    PSTR(PICK(SERVICES));
    DEC("SERVICE", st);
}

/* Plain HTTP paths with no PHI; the path (without query) is a decoy. */
static void d_path(void)
{
    size_t st = ol;
    switch (rn(12)) {
    case 0: PL("/api/v1/appointments/"); PU(rr(1000, 99999)); PL("/confirm"); break;
    case 1: PL("/api/v1/services"); break;
    case 2: PL("/api/v1/providers/PRV-"); PZ(rn(200), 4); PL("/availability"); break;
    case 3: PL("/static/js/main."); PHEX(8); PL(".js"); break;
    case 4: PL("/healthz"); break;
    case 5: PL("/api/v2/invoices/"); PL("INV-"); PZ(rn(1000000), 6); break;
    case 6: PL("/fhir/r4/Appointment"); break;
    case 7: PL("/book/botox-consult"); break;
    case 8: PL("/api/v1/inventory/SKU-"); PZ(rn(100000), 5); break;
    case 9: PL("/metrics"); break;
    case 10: PL("/api/v1/webhooks/stripe"); break;
    default: PL("/static/css/app."); PHEX(8); PL(".css"); break;
    }
    DEC("PATH", st);
}

static void d_maskedpan(void)
{
    size_t st = ol;
    if (pct(50)) {
        PL("************");
        PDIG(4);
    } else {
        PC('4');
        PDIG(5);
        PL("******");
        PDIG(4);
    }
    DEC("MASKED-PAN", st);
}

/* ---- template expansion -------------------------------------------------- *
 * Messages and field values are small templates: literal bytes, '%' + code
 * for a generated value, "%%" for '%', and [words] for a WORD decoy. Codes:
 *  PHI   N name  G given  U surname  T title+name  B dob  P phone  Q intl phone
 *        E email  Z ssn  A address  a street  c city/state/zip  z zip
 *        I ipv4  j ipv6  M mrn  m member id  q account  C card  J bearer jwt
 *        W password  ! stripe key  & aws key  ^ slack token  @ twilio sid
 *        * api key  ~ token  Y appointment date
 *  decoy u uuid  h sha1  x hex16  X hex32  o order  i invoice  v version
 *        O oid  p price  r port  d pid  D ms number  s duration  b bytes
 *        L 16 non-Luhn digits  n 10 non-NANP digits  e epoch s  l epoch ms
 *        k count  R percent  f path  H host  V service  t iso time  y date
 *        K masked PAN
 *  neutral 1-9 that many random digits  S http status  w http method
 *  context %{ ... %} writes the values in between URL-encoded (query strings)
 */
static const unsigned short STATUS[] = {200, 200, 200, 200, 201, 204, 302, 304, 400, 401, 404, 409, 422, 500, 502, 503};
static const char *const METHODS[] = {"GET", "GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE"};

static int saved_ctx;

static void code(char c)
{
    switch (c) {
    case 'N': w_name(NM_ANY); break;
    case 'G': w_name(NM_GIVEN); break;
    case 'U': w_name(NM_SUR); break;
    case 'T': w_name(NM_TITLE); break;
    case 'B': w_dob(); break;
    case 'P': w_phone(); break;
    case 'Q': w_phone_intl(); break;
    case 'E': w_email(); break;
    case 'Z': w_ssn(); break;
    case 'A': w_addr(AD_FULL); break;
    case 'a': w_addr(AD_STREET); break;
    case 'c': w_addr(AD_CSZ); break;
    case 'z': w_addr(AD_ZIP); break;
    case 'I': w_ipv4(); break;
    case 'j': w_ipv6(); break;
    case 'M': w_mrn(); break;
    case 'm': w_member(); break;
    case 'q': w_account(); break;
    case 'C': w_card(-1); break;
    case 'J': w_secret(SEC_BEARER); break;
    case 'W': w_secret(SEC_PASSWORD); break;
    case '!': w_secret(SEC_STRIPE); break;
    case '&': w_secret(SEC_AWS); break;
    case '^': w_secret(SEC_SLACK); break;
    case '@': w_secret(SEC_TWILIO); break;
    case '*': w_secret(SEC_APIKEY); break;
    case '~': w_secret(SEC_TOKEN); break;
    case 'Y': w_apptdate(); break;
    case 'u': d_uuid(); break;
    case 'h': d_hex(40, "SHA"); break;
    case 'x': d_hex(16, "HEXID"); break;
    case 'X': d_hex(32, "HEXID"); break;
    case 'o': d_order(); break;
    case 'i': d_invoice(); break;
    case 'v': d_version(); break;
    case 'O': d_oid(); break;
    case 'p': d_price(); break;
    case 'r': d_port(); break;
    case 'd': d_pid(); break;
    case 'D': d_duration(0); break;
    case 's': d_duration(1); break;
    case 'b': d_bytes(); break;
    case 'L': d_nonluhn(); break;
    case 'n': d_nonnanp(); break;
    case 'e': wts(TS_EPOCH_S); break;
    case 'l': wts(TS_EPOCH_MS); break;
    case 'k': d_count(); break;
    case 'R': d_percent(); break;
    case 'f': d_path(); break;
    case 'H': d_host(); break;
    case 'V': d_service(); break;
    case 't': wts(pct(50) ? TS_ISO_MS_Z : TS_ISO_S_OFF); break;
    case 'y': {
        size_t st = ol;
        tmx t;
        tm_of(now_ms / 1000 + 86400 * (int64_t)rn(30), &t);
        put_ymd(&t, '-');
        DEC("TIMESTAMP", st);
        break;
    }
    case 'K': d_maskedpan(); break;
    case 'S': PU(STATUS[rn((unsigned)NELEM(STATUS))]); break;
    case 'w': PS(METHODS[rn((unsigned)NELEM(METHODS))]); break;
    case '%': PC('%'); break;
    case '{': saved_ctx = ctx; ctx = CTX_URL; break;
    case '}': ctx = saved_ctx; break;
    default:
        if (c >= '1' && c <= '9')
            PDIG(c - '0');
        else
            die("bad template code");
    }
}

/* Expand template t up to end (or NUL). */
static void expand_n(const char *t, const char *end)
{
    size_t wst = 0;
    while (t < end && *t) {
        const char *r = t;
        while (r < end && *r && *r != '%' && *r != '[' && *r != ']')
            r++;
        if (r > t) {
            P(t, (size_t)(r - t));
            t = r;
            continue;
        }
        if (*t == '%') {
            code(t[1]);
            t += 2;
        } else if (*t == '[') {
            wst = ol;
            t++;
        } else {
            DEC("WORD", wst);
            t++;
        }
    }
}
static void expand(const char *t) { expand_n(t, t + strlen(t)); }

/* ---- structured events: a message and key=value fields ------------------- *
 * fields: space-separated "key=value", key alternatives separated by '|',
 * value a template (no spaces). A value that is a single numeric code is a
 * JSON number. */
typedef struct {
    char lvl; /* D I W E */
    const char *msg;
    const char *fields;
} event_t;

static const event_t EV_PLAIN[] = {
    {'I', "request completed", "method=%w path=%f status=%S bytes=%b duration_ms=%D request_id=%u"},
    {'I', "appointment slot released", "slot_id=%u provider_id=PRV-%4 location_id=LOC-%3 duration=30m"},
    {'I', "reminder batch finished: processed %k rows in %s", "batch_id=%x job=reminder-cron"},
    {'W', "upstream timeout, [Will retry] in 5s (attempt 2/5)", "upstream=%H port=%r elapsed=%s"},
    {'I', "deployed %v", "commit=%h build=%5 service=%V"},
    {'I', "order %o created", "total=%p items=%1 currency=USD"},
    {'I', "invoice %i issued", "amount=%p due_on=%y"},
    {'I', "connected to database", "host=%H port=%r pool_size=20 tls=true"},
    {'I', "worker started", "pid=%d port=%r version=%v"},
    {'D', "cache stats", "keys=%k hit_ratio=0.97 evicted=%k"},
    {'I', "DICOM association accepted", "sop_class=%O impl_uid=%O calling_ae=DERMCAM01 port=%r"},
    {'D', "span finished", "trace_id=%X span_id=%x duration=%s"},
    {'I', "sync complete: %k appointments pulled from EHR in %s", "cursor=%l"},
    {'I', "support ticket %n updated", "status=pending queue=billing"},
    {'I', "terminal batch trace", "trace_no=%L batch=%4 amount=%p"},
    {'I', "[Grant access] to role front_desk", "scope=schedule:read actor_id=%u"},
    {'I', "notification [Mark as read]", "notification_id=%u"},
    {'I', "inventory: Botox 100U usage [rose by 5%%] week over week", "sku=SKU-%5 on_hand=%k"},
    {'D', "GC pause", "pause=%s heap_used=%b heap_max=536870912"},
    {'I', "feature flag evaluated", "flag=online_booking_v2 variant=on rollout=%R"},
    {'I', "health check ok", "service=%V latency=%s started_at=%e"},
    {'I', "rate limit window reset", "bucket=%x limit=600 remaining=%k reset_at=%e"},
    {'I', "export finished: processed %k rows", "file=exports/daily_%x.csv bytes=%b"},
    {'I', "webhook delivered", "event_id=evt_%X attempt=1 status=%S latency=%s"},
    {'W', "slow query", "duration=%s table=appointments rows=%k query_id=%x"},
    {'I', "tls certificate valid", "not_after=%t fingerprint=%h"},
    {'W', "job failed, [will retry] with backoff", "job_id=%u attempt=%1 next_in=%s"},
    {'D', "queue depth", "queue=sms-outbound depth=%k consumers=4"},
    {'E', "payment processor returned error", "code=card_declined decline_code=insufficient_funds charge_id=ch_%X amount=%p"},
    {'I', "http client call", "url=https://api.stripe.com/v1/charges status=%S duration=%s"},
    {'I', "session expired after %s of inactivity", "session_ref=%x"},
    {'I', "[Bill Pay] module enabled", "tenant=glow-med-spa plan=pro"},
    {'I', "[Chase bank] settlement file received", "bytes=%b records=%k"},
    {'I', "[June billing] cycle closed", "invoices=%k total=%p"},
    {'D', "config reloaded", "path=/etc/clinic/app.yaml checksum=%h"},
    {'I', "migrated schema", "from_version=%v to_version=%v duration=%s"},
    {'I', "consumer checkpoint", "ts_ms=%l offset=%k partition=3"},
    {'I', "disk usage [rose by 3%%] on %H", "used=%R free_bytes=%b"},
    {'I', "appointments synced for %y", "count=%k location_id=LOC-%3 took=%s"},
    {'I', "[Hope Street] location hours updated", "location_id=LOC-%3 version=%v"},
    {'W', "Slow response from %V", "p99=%s threshold=500ms"},
    {'I', "refund processed", "refund_id=re_%X amount=%p order_id=%o"},
};

static const event_t EV_PHI[] = {
    {'I', "patient checked in", "patient|patient_name|patientName|full_name=%N dob=%B mrn=%M location_id=LOC-%3 appt_id=%u"},
    {'I', "booking created", "patient_name=%N phone|mobile|phone_number|mobileNumber=%P email=%E booking_id=%u total=%p"},
    {'I', "intake form submitted", "first_name=%G last_name=%U date_of_birth|dob|birth_date|birthDate=%B address=%A ssn=%Z form_id=%x"},
    {'I', "emergency contact updated", "emergency_contact=%N emergency_phone=%P patient_id=%M"},
    {'I', "guardian consent recorded", "guardian=%N relationship=parent minor_dob=%B consent_id=%u"},
    {'W', "card payment declined", "cardholder=%N card|card_number|pan=%C amount=%p order_id=%o"},
    {'I', "password reset requested", "email=%E client_ip=%I request_id=%u"},
    {'I', "portal login succeeded", "user_email=%E ip=%j session_ref=%x duration=%s"},
    {'I', "insurance eligibility verified", "member_id=%m subscriber=%N subscriber_dob=%B payer=AETNA plan=PPO"},
    {'D', "outbound request", "url=https://fhir.partner-ehr.com/r4/Patient method=POST authorization=%J status=%S"},
    {'D', "stripe client configured", "api_key|stripe_key=%! mode=live version=%v"},
    {'D', "aws sdk credentials loaded", "aws_access_key_id=%& region=us-east-1 source=env"},
    {'W', "slack alert failed", "token=%^ channel=#front-desk status=%S"},
    {'E', "db connect failed", "dsn=postgres://clinic_app:%W@%H:%r/clinic error=timeout"},
    {'I', "address changed for patient %M", "new_address|address|home_address=%A"},
    {'W', "possible duplicate patient: %N born %B", "candidate_mrn=%M score=0.93"},
    {'I', "SMS opt-in recorded", "mobile=%Q patient_id=%M"},
    {'I', "statement generated", "account_number|acct=%q guarantor=%N amount_due=%p"},
    {'I', "Dear %G, your appointment on %Y is confirmed", "template=appt_confirm to=%E"},
    {'I', "emergency contact %N %P added", "patient_id=%M"},
    {'I', "%T called from %P to reschedule", "appt_id=%u"},
    {'I', "left voicemail for %N at %P", "call_sid=CA%X duration=%s"},
    {'I', "lab result released to portal", "mrn=%M patient=%N dob=%B test=CMP order_id=%o"},
    {'I', "DOB: %B verified for %N", "method=kba attempts=%1"},
    {'I', "twilio client ready", "account_sid=%@ messaging_service=MG%X"},
    {'I', "api request authenticated", "api_key=%* client=partner-portal ip=%I"},
    {'I', "new patient registration", "name=%N dob|DOB|birthdate=%B phone=%P zip=%z email=%E"},
    {'I', "refund issued", "cardholder=%N last4=%4 amount=%p refund_id=re_%X"},
    {'I', "appointment booked", "patient_id=%M appt_date|appointment_date=%Y service=consult price=%p"},
    {'I', "patient updated", "patient_id=%M ssn=%Z updated_by=staff_%3"},
    {'I', "visit summary emailed", "to=<%E> patient=%N"},
    {'I', "mobile app session", "patient_ip=%j app_version=%v"},
    {'I', "Hello %T, your lab results are ready", "link=https://portal.glowderm.com/r/%x"},
    {'I', "photo uploaded", "patient=%N mrn=%M bytes=%b sha1=%h"},
    {'I', "mailing label printed", "addr=%a city_state_zip=%c"},
    {'W', "login failed", "username=%E password=%W ip=%I attempts=%1"},
    {'I', "chart opened MRN: %M", "user=staff_%3 section=notes duration=%s"},
    {'I', "unsubscribe request from '%E'", "list=reminders request_id=%u"},
    {'I', "verification link sent", "url=%{https://portal.glowderm.com/verify?email=%E&dob=%B%} channel=email"},
    {'I', "lab portal redirect", "next=%{/results?mrn=%M&patient_name=%N%} status=%S"},
    {'I', "guardian on file for minor patient MRN#%M", "guardian_name=%N guardian_phone=%P"},
};

enum { FS_JSON, FS_LOGFMT, FS_TEXT };

static void render_fields(const char *f, int fs)
{
    while (*f) {
        while (*f == ' ')
            f++;
        if (!*f)
            break;
        const char *eq = strchr(f, '=');
        const char *vend = strchr(eq, ' ');
        if (!vend)
            vend = eq + strlen(eq);
        /* pick a key alternative */
        int nalt = 1;
        for (const char *c = f; c < eq; c++)
            nalt += *c == '|';
        int pickk = nalt > 1 ? (int)rn((unsigned)nalt) : 0;
        const char *ks = f, *ke;
        for (int i = 0; i < pickk; i++)
            ks = (const char *)memchr(ks, '|', (size_t)(eq - ks)) + 1;
        ke = (const char *)memchr(ks, '|', (size_t)(eq - ks));
        if (!ke)
            ke = eq;
        const char *v = eq + 1;
        int numeric = v[0] == '%' && v + 2 == vend && strchr("rdDbkel", v[1]);
        keyed = 1;
        if (fs == FS_JSON) {
            PL(",\"");
            P(ks, (size_t)(ke - ks));
            PL("\":");
            if (numeric) {
                expand_n(v, vend);
            } else {
                PC('"');
                expand_n(v, vend);
                PC('"');
            }
        } else {
            PC(' ');
            P(ks, (size_t)(ke - ks));
            PC('=');
            size_t vs = ol;
            expand_n(v, vend);
            if (memchr(ob + vs, ' ', ol - vs) && (fs == FS_LOGFMT || pct(70))) {
                memmove(ob + vs + 1, ob + vs, ol - vs);
                ob[vs] = '"';
                ob[ol + 1] = '"';
                ol += 2;
            }
        }
        keyed = 0;
        f = vend;
    }
}

static const char *const LVL_LOWER[] = {"debug", "info", "warn", "error"};
static const char *const LVL_UPPER[] = {"DEBUG", "INFO", "WARN", "ERROR"};
static int lvl_idx(char c) { return c == 'D' ? 0 : c == 'I' ? 1 : c == 'W' ? 2 : 3; }

static const str LOGGERS[] = {
    S("booking.api"), S("scheduler.jobs"), S("portal.auth"), S("ehr.sync"), S("billing.charges"),
    S("intake.forms"), S("sms.reminders"), S("inventory.stock"), S("photos.upload"), S("payments.pos"),
};
static const str SYSLOG_HOSTS[] = {
    S("clinic-app01"), S("medspa-web02"), S("derm-ehr01"), S("sms-gw01"), S("pos-lane3"),
    S("booking-7f9c6d5b8-x2lqp"), S("k8s-node-4"), S("frontdesk-pc7"), S("scheduler-5d8f7-qk2mz"),
};

static const event_t *pick_event(int phi)
{
    if (!phi)
        return PICK(EV_PLAIN);
    new_person();
    return PICK(EV_PHI);
}

static void fmt_json(int phi)
{
    const event_t *e = pick_event(phi);
    int li = lvl_idx(e->lvl);
    ctx = CTX_JSON;
    switch (rn(4)) {
    case 0:
        PL("{\"ts\":\""); wts(TS_ISO_MS_Z);
        PL("\",\"level\":\""); PS(LVL_LOWER[li]);
        PL("\",\"service\":\""); d_service();
        PL("\",\"msg\":\"");
        break;
    case 1:
        PL("{\"@timestamp\":\""); wts(TS_ISO_US);
        PL("\",\"log.level\":\""); PS(LVL_UPPER[li]);
        PL("\",\"logger\":\""); PSTR(PICK(LOGGERS));
        PL("\",\"message\":\"");
        break;
    case 2:
        PL("{\"time\":"); wts(TS_EPOCH_MS);
        PL(",\"lvl\":\""); PS(LVL_LOWER[li]);
        PL("\",\"svc\":\""); d_service();
        PL("\",\"event\":\"");
        break;
    default: /* pino */
        PL("{\"level\":"); PU((unsigned)(20 + 10 * li));
        PL(",\"time\":"); wts(TS_EPOCH_MS);
        PL(",\"pid\":"); d_pid();
        PL(",\"hostname\":\""); PSTR(PICK(SYSLOG_HOSTS));
        PL("\",\"msg\":\"");
        break;
    }
    expand(e->msg);
    PC('"');
    render_fields(e->fields, FS_JSON);
    PC('}');
    NL();
}

static void fmt_logfmt(int phi)
{
    const event_t *e = pick_event(phi);
    int li = lvl_idx(e->lvl);
    ctx = CTX_TEXT;
    if (pct(50)) {
        PL("time=");
        wts(TS_ISO_S_OFF);
        PL(" level=");
        PS(LVL_LOWER[li]);
        PL(" svc=");
    } else {
        PL("ts=");
        wts(TS_ISO_MS_Z);
        PL(" lvl=");
        PS(LVL_LOWER[li]);
        PL(" caller=");
        PSTR(PICK(LOGGERS));
        PC(':');
        PU(rr(20, 900));
        PL(" app=");
    }
    d_service();
    PL(" msg=\"");
    expand(e->msg);
    PC('"');
    render_fields(e->fields, FS_LOGFMT);
    NL();
}

static void fmt_3164(int phi)
{
    const event_t *e = pick_event(phi);
    ctx = CTX_TEXT;
    if (pct(50)) {
        PC('<');
        PU(16 * 8 + rr(0, 7) * 8 + (unsigned)(e->lvl == 'E' ? 3 : e->lvl == 'W' ? 4 : e->lvl == 'D' ? 7 : 6));
        PC('>');
    }
    wts(TS_SYSLOG);
    PC(' ');
    PSTR(PICK(SYSLOG_HOSTS));
    PC(' ');
    d_service();
    PC('[');
    d_pid();
    PL("]: ");
    if (pct(40)) {
        PS(LVL_UPPER[lvl_idx(e->lvl)]);
        PC(' ');
    }
    expand(e->msg);
    render_fields(e->fields, FS_TEXT);
    NL();
}

static void fmt_5424(int phi)
{
    const event_t *e = pick_event(phi);
    ctx = CTX_TEXT;
    PC('<');
    PU(16 * 8 + (unsigned)(e->lvl == 'E' ? 3 : e->lvl == 'W' ? 4 : e->lvl == 'D' ? 7 : 6));
    PL(">1 ");
    wts(pct(50) ? TS_ISO_US : TS_ISO_MS_OFF);
    PC(' ');
    PSTR(PICK(SYSLOG_HOSTS));
    PC(' ');
    d_service();
    PC(' ');
    d_pid();
    PC(' ');
    PS((const char *const[]){"-", "ID47", "audit", "access", "sync"}[rn(5)]);
    if (pct(40)) {
        PL(" [meta@32473 sequenceId=\"");
        PU(rr(1, 999999));
        PL("\" tenant=\"glow-med-spa\"]");
    } else {
        PL(" -");
    }
    PC(' ');
    if (pct(20))
        PL("\xef\xbb\xbf"); /* BOM, as RFC 5424 allows */
    expand(e->msg);
    render_fields(e->fields, FS_TEXT);
    NL();
}

/* ---- access logs --------------------------------------------------------- */

static const char *const UAS[] = {
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.66 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0",
    "GlowSpaApp/3.4.1 (iOS 17.1; iPhone14,5)",
};
static const char *const BOT_UAS[] = {
    "kube-probe/1.28", "Prometheus/2.48.0", "UptimeRobot/2.0", "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    "curl/7.88.1", "Go-http-client/1.1",
};
static const char *const REFERERS[] = {
    "-", "-", "https://book.glowmedspa.com/services/botox", "https://portal.glowderm.com/login",
    "https://www.google.com/", "https://portal.glowderm.com/appointments",
};

static void fmt_access(int phi)
{
    ctx = CTX_URL;
    if (phi) {
        new_person();
        if (pct(80))
            w_ipv4();
        else
            w_ipv6();
    } else {
        size_t st = ol;
        PS((const char *const[]){"lb-1.clinic.internal", "uptime-monitor.clinic.internal",
                                 "-", "ingress-nginx.kube-system"}[rn(4)]);
        if (ob[st] != '-')
            DEC("HOST", st);
    }
    PL(" - - [");
    wts(TS_CLF);
    PL("] \"");
    unsigned status;
    int bot = 0;
    if (phi && pct(85)) {
        static const char *const Q[] = {
            "GET /api/v1/patients/search?last_name=%U&dob=%B",
            "GET /portal/verify?email=%E&dob=%B",
            "POST /api/v1/sms/inbound?MessageSid=SM%X&From=%P&Body=C",
            "GET /intake/start?first_name=%G&last_name=%U&phone=%P",
            "GET /reset-password?token=%~&email=%E",
            "GET /api/v1/patients/%M/chart",
            "GET /booking/confirm?appt=%u&patient_name=%N&mobile=%P",
            "GET /api/v1/geo?address=%a&zip=%z",
            "GET /chart?mrn=%M&tab=notes",
            "GET /api/v1/lookup?phone=%P&ts=%l",
            "GET /oauth/callback?code=%~&state=%x",
            "GET /unsubscribe?email=%E&list=reminders",
            "GET /portal/statements?acct=%q&year=2026",
        };
        expand(Q[rn((unsigned)NELEM(Q))]);
        status = STATUS[rn(8)];
    } else {
        if (!phi && pct(25)) {
            bot = 1;
            PL("GET ");
            size_t st = ol;
            PS((const char *const[]){"/healthz", "/metrics", "/readyz", "/robots.txt"}[rn(4)]);
            DEC("PATH", st);
        } else {
            PS(pct(80) ? "GET " : "POST ");
            d_path();
            if (pct(30)) {
                PL("?date=");
                code('y');
                PL("&provider=PRV-");
                PZ(rn(200), 4);
            }
        }
        status = STATUS[rn((unsigned)NELEM(STATUS))];
    }
    PL(" HTTP/");
    PS(pct(70) ? "1.1" : "2.0");
    PL("\" ");
    PU(status);
    PC(' ');
    d_bytes();
    PL(" \"");
    PS(bot ? "-" : REFERERS[rn((unsigned)NELEM(REFERERS))]);
    PL("\" \"");
    PS(bot ? BOT_UAS[rn((unsigned)NELEM(BOT_UAS))] : UAS[rn((unsigned)NELEM(UAS))]);
    PC('"');
    if (pct(50)) {
        PL(" rt=");
        size_t st = ol;
        unsigned ms = rr(1, 2500);
        PU(ms / 1000);
        PC('.');
        PZ(ms % 1000, 3);
        DEC("DURATION", st);
        PL(" uct=\"0.00");
        PU(rn(10));
        PC('"');
    }
    NL();
}

/* ---- HL7 v2 -------------------------------------------------------------- */

static void hl7_seg(int json)
{
    if (json)
        PL("\\r");
    else
        PC('\r');
}

static void hl7_msh(int json, const char *type, size_t *ctl_st, size_t *ctl_len)
{
    PL("MSH|^~");
    if (json)
        PL("\\\\&|");
    else
        PL("\\&|");
    PS((const char *const[]){"LABCO|LAB|GLOWDERM_EHR|DERMCLINIC|", "EPIC|HOSP|CLINIC_EHR|MEDSPA|",
                             "ATHENA|ATH|PORTAL|GLOWSPA|"}[rn(3)]);
    wts(TS_HL7);
    PL("||");
    PS(type);
    PC('|');
    size_t st = ol;
    PL("MSG");
    PZ(rn(100000000), 8);
    DEC("HEXID", st);
    *ctl_st = st;
    *ctl_len = ol - st;
    PL("|P|");
    st = ol;
    PS(pct(70) ? "2.5.1" : "2.3");
    DEC("VERSION", st);
}

static void fmt_hl7(int phi)
{
    int json = pct(40);
    ctx = CTX_HL7;
    static const char *const PHI_TYPES[] = {"ADT^A04^ADT_A01", "ADT^A08^ADT_A01", "ORU^R01^ORU_R01", "SIU^S12^SIU_S12"};
    const char *type = phi ? PHI_TYPES[rn(4)] : "ACK^A04^ACK";
    if (!phi && pct(30)) {
        /* listener statistics, no payload */
        wts(TS_LOG4J);
        PL(" INFO  [mllp-listener-");
        PU(rn(8));
        PL("] c.c.ehr.Hl7Listener - stats messages=");
        d_count();
        PL(" acks=");
        d_count();
        PL(" nacks=0 avg_latency=");
        d_duration(1);
        PL(" port=");
        d_port();
        NL();
        return;
    }
    if (json) {
        PL("{\"ts\":\"");
        wts(TS_ISO_MS_Z);
        PL("\",\"level\":\"info\",\"svc\":\"ehr-connector\",\"event\":\"");
        PS(phi ? "hl7.inbound" : "hl7.ack");
        PL("\",\"msg_type\":\"");
        PS(type);
        PL("\",\"payload\":\"");
    } else {
        wts(TS_LOG4J);
        PL(" INFO  [mllp-listener-");
        PU(rn(8));
        PS(phi ? "] c.c.ehr.Hl7Inbound - received " : "] c.c.ehr.Hl7Inbound - sent ");
        PS(type);
        PL(" len=");
        PU(rr(200, 2400));
        PL(": ");
    }
    size_t cst, clen;
    hl7_msh(json, type, &cst, &clen);
    if (!phi) {
        char ctl[32];
        memcpy(ctl, ob + cst, clen);
        hl7_seg(json);
        PL("MSA|AA|");
        size_t st = ol;
        P(ctl, clen);
        DEC("HEXID", st);
    } else {
        new_person();
        hl7_seg(json);
        PL("EVN|");
        P(type + 4, 3); /* the trigger event, e.g. A04 */
        PC('|');
        wts(TS_HL7);
        hl7_seg(json);
        PL("PID|1||");
        w_mrn();
        PL("^^^");
        PS(pct(50) ? "GLOWDERM" : "MEDSPA");
        PL("^MR||");
        w_name(NM_ANY);
        PL("||");
        w_dob();
        PC('|');
        PC(PP.fem ? 'F' : 'M');
        PL("|||");
        if (pct(85))
            w_addr(AD_FULL);
        PL("||");
        if (pct(85))
            w_phone();
        PL("||ENG^English|");
        PS((const char *const[]){"S", "M", "D", "W", ""}[rn(5)]);
        if (pct(60)) {
            PL("||");
            w_account();
            PC('|');
            if (pct(70))
                w_ssn();
        }
        if (pct(25)) {
            new_person(); /* next of kin is somebody else */
            hl7_seg(json);
            PL("NK1|1|");
            w_name(NM_ANY);
            PL("|SPO^Spouse^HL70063||");
            w_phone();
        }
        hl7_seg(json);
        PL("PV1|1|O|DERM^EXAM");
        PU(rr(1, 9));
        PL("^01||||||||||||||||");
        if (type[0] == 'O') {
            hl7_seg(json);
            PL("OBR|1|");
            d_order();
            PL("||88305^Surgical pathology^CPT");
            hl7_seg(json);
            PL("OBX|1|NM|8302-2^Body height^LN||");
            PU(rr(140, 200));
            PL("|cm|||||F");
            hl7_seg(json);
            PL("OBX|2|ST|LESION-SITE^Lesion site^L||");
            PS((const char *const[]){"left forearm", "upper back", "right cheek", "scalp"}[rn(4)]);
            PL("||||||F");
        }
    }
    if (json)
        PL("\"}");
    NL();
}

/* ---- CSV exports --------------------------------------------------------- */

static void fmt_csv(int phi)
{
    ctx = CTX_CSV;
    unsigned schema = phi ? rn(2) : 2 + rn(2);
    static const char *const HEAD[] = {
        "patient_id,last_name,first_name,dob,phone,email,appointment_time,service,amount",
        "mrn,patient_name,date_of_birth,address,member_id",
        "date,location_id,appointments,no_shows,revenue_usd,avg_wait_ms",
        "sku,item,lot,qty_on_hand,expires",
    };
    if (pct(15) && lines_left >= 2) {
        PS(HEAD[schema]);
        NL();
    }
    switch (schema) {
    case 0:
        new_person();
        w_mrn(); PC(',');
        w_name(NM_SUR); PC(',');
        w_name(NM_GIVEN); PC(',');
        w_dob(); PC(',');
        w_phone(); PC(',');
        w_email(); PC(',');
        w_apptdate(); PC(',');
        PS((const char *const[]){"Botox consult", "Chemical peel", "Mole check", "Laser hair removal"}[rn(4)]);
        PL(",\""); d_price(); PC('"');
        break;
    case 1:
        new_person();
        w_mrn(); PL(",\"");
        {
            size_t st = ol;
            PSTR(PP.s); PL(", "); PSTR(PP.g);
            PHI("NAME", st);
        }
        PL("\","); w_dob(); PL(",\"");
        w_addr(AD_FULL); PL("\",");
        w_member();
        break;
    case 2:
        code('y'); PL(",LOC-"); PZ(rn(20), 3); PC(',');
        d_count(); PC(','); PU(rn(9)); PL(",\""); d_price(); PL("\","); d_duration(0);
        break;
    default:
        PL("SKU-"); PZ(rn(100000), 5); PC(',');
        PS((const char *const[]){"Botox 100U", "Juvederm Ultra XC 1mL", "Lidocaine 1% 30mL",
                                 "Sunscreen SPF50 3oz", "Tretinoin 0.05% 20g"}[rn(5)]);
        PL(",C"); PDIG(4); PC((char)('A' + rn(26))); PC(',');
        d_count(); PC(','); code('y');
        break;
    }
    NL();
}

/* ---- Java stack traces --------------------------------------------------- */

static const char *const FRAMES_APP[] = {
    "com.clinic.scheduling.AppointmentService.book(AppointmentService.java:142)",
    "com.clinic.scheduling.AppointmentController.create(AppointmentController.java:88)",
    "com.clinic.scheduling.SlotRepository.lock(SlotRepository.java:57)",
    "com.clinic.intake.IntakeFormService.submit(IntakeFormService.java:211)",
    "com.clinic.intake.PatientMatcher.findDuplicates(PatientMatcher.java:74)",
    "com.clinic.billing.ChargeService.capture(ChargeService.java:119)",
    "com.clinic.ehr.Hl7Inbound.onMessage(Hl7Inbound.java:63)",
    "com.clinic.sms.ReminderJob.run(ReminderJob.java:45)",
};
static const char *const FRAMES_LIB[] = {
    "org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1011)",
    "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1072)",
    "org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)",
    "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)",
    "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1791)",
    "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)",
    "org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:113)",
    "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
    "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
    "java.base/java.lang.Thread.run(Thread.java:840)",
};

static void frames(int n)
{
    for (int i = 0; i < n; i++) {
        PL("\tat ");
        PS(i < 2 || pct(30) ? FRAMES_APP[rn((unsigned)NELEM(FRAMES_APP))]
                            : FRAMES_LIB[rn((unsigned)NELEM(FRAMES_LIB))]);
        NL();
    }
}

static void fmt_java(int phi)
{
    ctx = CTX_TEXT;
    if (lines_left < 30) /* no room for a trace: only its first line */
        phi = 0;
    wts(TS_LOG4J);
    PL(" ERROR [http-nio-8080-exec-");
    PU(rr(1, 20));
    PL("] c.c.");
    PS((const char *const[]){"scheduling.AppointmentController", "intake.IntakeFormService",
                             "billing.ChargeService", "sms.ReminderJob"}[rn(4)]);
    PL(" - ");
    int kind = (int)rn(4);
    if (!phi) {
        PL("Request failed request_id=");
        d_uuid();
        NL();
        if (lines_left < 30)
            return;
        switch (kind) {
        case 0: PL("java.lang.IllegalStateException: Slot already taken: "); code('t'); break;
        case 1: PL("java.net.SocketTimeoutException: Read timed out after "); d_duration(1); break;
        case 2: PL("org.springframework.dao.CannotAcquireLockException: could not obtain lock on row in relation \"slots\""); break;
        default: PL("java.lang.NullPointerException: Cannot invoke \"com.clinic.billing.Charge.getAmount()\" because \"charge\" is null"); break;
        }
        NL();
        frames((int)rr(4, 14));
        if (pct(40)) {
            PL("Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to lock timeout");
            NL();
            frames((int)rr(2, 6));
            PL("\t... ");
            PU(rr(20, 90));
            PL(" more");
            NL();
        }
        return;
    }
    new_person();
    switch (kind) {
    case 0:
        PL("Failed to register patient");
        NL();
        PL("org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; constraint [patients_email_key]");
        NL();
        frames((int)rr(3, 8));
        PL("Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"patients_email_key\"");
        NL();
        PL("  Detail: Key (email)=(");
        w_email();
        PL(") already exists.");
        NL();
        frames((int)rr(2, 5));
        PL("\t... ");
        PU(rr(20, 90));
        PL(" more");
        NL();
        return;
    case 1:
        PL("Intake rejected");
        NL();
        PL("com.clinic.intake.ValidationException: Patient ");
        w_name(NM_ANY);
        PL(" (dob ");
        w_dob();
        PL(") already has an active booking");
        break;
    case 2:
        PL("Bad request body");
        NL();
        PL("com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String \"");
        w_dob();
        PL("\": not a valid representation");
        break;
    default:
        PL("SMS send failed");
        NL();
        PL("com.twilio.exception.ApiException: The 'To' number ");
        if (pct(70))
            w_phone();
        else
            w_phone_intl();
        PL(" is not a valid phone number.");
        break;
    }
    NL();
    frames((int)rr(4, 12));
}

/* ---- postfix ------------------------------------------------------------- */

static void postfix_head(const char *proc)
{
    wts(TS_SYSLOG);
    PL(" mail01 postfix/");
    PS(proc);
    PC('[');
    d_pid();
    PL("]: ");
}

static void fmt_postfix(int phi)
{
    ctx = CTX_TEXT;
    char qid[10];
    for (int i = 0; i < 10; i++)
        qid[i] = HEXU[rn(16)];
    if (!phi) {
        switch (rn(5)) {
        case 0: postfix_head("qmgr"); P(qid, 10); PL(": removed"); break;
        case 1:
            postfix_head("qmgr"); P(qid, 10);
            PL(": from=<");
            {
                size_t st = ol;
                PS((const char *const[]){"reminders@mail.clinic.internal", "noreply@clinic.local",
                                         "MAILER-DAEMON@mail01.clinic.internal"}[rn(3)]);
                DEC("SYSTEM-EMAIL", st);
            }
            PL(">, size="); d_bytes();
            PL(", nrcpt=1 (queue active)");
            break;
        case 2:
            postfix_head("cleanup"); P(qid, 10); PL(": message-id=<");
            {
                size_t st = ol;
                wts(TS_HL7); PC('.'); P(qid, 10); PL("@mail01.clinic.internal");
                DEC("MESSAGE-ID", st);
            }
            PC('>');
            break;
        case 3:
            postfix_head("anvil");
            PL("statistics: max connection rate 1/60s for (smtp:unix) at ");
            wts(TS_SYSLOG);
            break;
        default:
            postfix_head("pickup"); P(qid, 10); PL(": uid="); PU(rr(1000, 1010)); PL(" from=<reminders>");
            break;
        }
        NL();
        return;
    }
    new_person();
    static const char *const RELAYS[] = {"gmail-smtp-in.l.google.com", "mx-aol.mail.gm0.yahoodns.net",
                                         "outlook-com.olc.protection.outlook.com", "mx01.mail.icloud.com"};
    postfix_head("smtp");
    P(qid, 10);
    PL(": to=<");
    w_email();
    PL(">, relay=");
    PS(RELAYS[rn(4)]);
    PC('[');
    PU(rr(17, 220)); PC('.'); PU(rn(256)); PC('.'); PU(rn(256)); PC('.'); PU(rr(1, 254));
    PL("]:25, delay=");
    PU(rn(5)); PC('.'); PU(rn(10));
    PL(", delays=0.0"); PU(rn(10)); PL("/0/0."); PU(rn(10)); PL("/0."); PU(rn(10));
    if (pct(80)) {
        PL(", dsn=2.0.0, status=sent (250 2.0.0 OK  ");
        wts(TS_EPOCH_S);
        PC(' ');
        PRANDS("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        PL(" - gsmtp)");
    } else {
        PL(", dsn=5.1.1, status=bounced (host said: 550 5.1.1 <");
        w_email();
        PL(">: Recipient address rejected: User unknown (in reply to RCPT TO command))");
    }
    NL();
}

/* ---- SMS gateway --------------------------------------------------------- */

static void fmt_sms(int phi)
{
    ctx = CTX_TEXT;
    wts(TS_ISO_MS_Z);
    PL(" sms-gw[");
    d_pid();
    PL("]: ");
    if (!phi) {
        switch (rn(3)) {
        case 0:
            PL("level=info event=delivery_receipt sid=SM"); d_hex(32, "HEXID");
            PL(" status=delivered err=0 segments=1 price=$0.00"); PU(rr(70, 95));
            PL(" latency="); d_duration(1);
            break;
        case 1:
            expand("level=warn event=throttled rate=30/s, [will retry] in 1s queue_depth=%k");
            break;
        default:
            PL("level=info event=carrier_cache_refresh entries="); d_count(); PL(" took="); d_duration(1);
            break;
        }
        NL();
        return;
    }
    new_person();
    switch (rn(4)) {
    case 0:
    case 1:
        PL("level=info event=outbound sid=SM"); d_hex(32, "HEXID");
        PL(" to=");
        keyed = 1;
        if (pct(85)) w_phone(); else w_phone_intl();
        keyed = 0;
        PL(" segments="); PU(rr(1, 3));
        PL(" template=appt_reminder body=\"");
        if (pct(60)) {
            PL("Hi ");
            w_name(NM_GIVEN);
        } else {
            PL("Dear ");
            w_name(NM_TITLE);
        }
        PS((const char *const[]){
            ", this is a reminder of your appointment at Glow Med Spa on ",
            ", your dermatology visit is scheduled for ",
            ", please confirm your appointment on "}[rn(3)]);
        w_apptdate();
        PL(". Reply C to confirm or R to reschedule.\"");
        break;
    case 2:
        PL("level=info event=inbound from=");
        keyed = 1;
        w_phone();
        keyed = 0;
        PL(" body=\"C\" matched_patient=");
        w_mrn();
        break;
    default:
        PL("level=info event=lookup number=");
        keyed = 1;
        w_phone();
        keyed = 0;
        PL(" carrier=\"T-Mobile USA, Inc.\" type=mobile");
        break;
    }
    NL();
}

/* ---- card terminals ------------------------------------------------------ */

static void fmt_pos(int phi)
{
    ctx = CTX_POS;
    wts(TS_ISO_SPACE);
    PL(" POS[lane");
    PU(rr(1, 4));
    PL("] TID=7712");
    PDIG(4);
    PL(" MID=4455012");
    PDIG(2);
    PC(' ');
    if (!phi) {
        switch (rn(3)) {
        case 0:
            PL("txn="); PDIG(6); PL(" type=SALE amount="); d_price();
            PL(" entry=CHIP pan="); d_maskedpan();
            PL(" auth=OK resp=00 aid=A0000000031010 tvr=0000008000");
            break;
        case 1:
            PL("batch "); PDIG(4); PL(" settled count="); d_count(); PL(" total="); d_price();
            break;
        default:
            PL("EMV kernel "); d_version(); PL(" loaded, terminal firmware "); d_version();
            break;
        }
        NL();
        return;
    }
    new_person();
    if (pct(25)) {
        PL("DEBUG track2=;");
        w_card(0);
        PL("=2812101000000000000?");
    } else {
        PL("txn="); PDIG(6); PL(" type=SALE entry=KEYED pan=");
        w_card(-1);
        PL(" exp="); PZ(rr(1, 12), 2); PC('/'); PU(rr(27, 31));
        PL(" cardholder=\"");
        w_name(NM_ANY);
        PL("\" avs_zip=");
        w_addr(AD_ZIP);
        PL(" amount=");
        d_price();
    }
    NL();
}

/* ---- driver -------------------------------------------------------------- */

typedef struct {
    const char *name;
    void (*fn)(int);
    unsigned weight;
    int multiline;
    double lines; /* average lines per event */
} format_t;

static format_t FORMATS[] = {
    {"rfc3164", fmt_3164, 13, 0, 1},  {"rfc5424", fmt_5424, 8, 0, 1},    {"json", fmt_json, 22, 0, 1},
    {"logfmt", fmt_logfmt, 14, 0, 1}, {"access", fmt_access, 20, 0, 1},  {"hl7", fmt_hl7, 4, 0, 1},
    {"csv", fmt_csv, 4, 1, 1.15},     {"java", fmt_java, 1, 1, 13},      {"postfix", fmt_postfix, 5, 0, 1},
    {"sms", fmt_sms, 6, 0, 1},        {"pos", fmt_pos, 3, 0, 1},
};

static int enabled[NELEM(FORMATS)];

static void set_formats(const char *list)
{
    memset(enabled, 0, sizeof enabled);
    char buf[512];
    if (strlen(list) >= sizeof buf)
        die("--formats list too long");
    strcpy(buf, list);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        int hit = 0;
        for (size_t i = 0; i < NELEM(FORMATS); i++) {
            if (!strcmp(tok, "all") || !strcmp(tok, FORMATS[i].name) ||
                (!strcmp(tok, "syslog") && FORMATS[i].fn != NULL && (i == 0 || i == 1))) {
                enabled[i] = 1;
                hit = 1;
            }
        }
        if (!hit) {
            fprintf(stderr, "gen_clinic_logs: unknown format '%s'\n", tok);
            exit(2);
        }
    }
}

static uint64_t parse_size(const char *s, const char *opt)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        goto bad;
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    else if (*end == 'G' || *end == 'g')
        v <<= 30, end++;
    if (*end == 'i' && end[1] == 'B')
        end += 2;
    else if (*end == 'B')
        end++;
    if (*end)
        goto bad;
    return v;
bad:
    fprintf(stderr, "gen_clinic_logs: bad value for %s: '%s'\n", opt, s);
    exit(2);
}

static void usage(FILE *f)
{
    fputs("Usage: gen_clinic_logs [--seed N] [--bytes N[K|M|G] | --lines N] [--phi-rate PCT]\n"
          "                       [--truth FILE] [--formats LIST]\n"
          "Writes deterministic, realistic clinic logs with planted PHI and decoys to stdout.\n"
          "Formats: rfc3164 rfc5424 json logfmt access hl7 csv java postfix sms pos\n"
          "         (syslog = rfc3164,rfc5424; all = every format; default all).\n"
          "Truth TSV: line_no<TAB>kind<TAB>category<TAB>text (kind phi|decoy; text escaped\n"
          "\\t \\n \\r \\\\). See the comment at the top of gen_clinic_logs.c.\n",
          f);
}

int main(int argc, char **argv)
{
    uint64_t seed = 1, max_bytes = 0, max_lines = 0;
    int have_lines = 0, have_bytes = 0;
    double phi_rate = 3.0;
    const char *truth = NULL;
    for (size_t i = 0; i < NELEM(FORMATS); i++)
        enabled[i] = 1;
    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!v) {
            usage(stderr);
            return 2;
        }
        if (!strcmp(a, "--seed"))
            seed = parse_size(v, a);
        else if (!strcmp(a, "--bytes")) {
            max_bytes = parse_size(v, a);
            have_bytes = 1;
        }
        else if (!strcmp(a, "--lines")) {
            max_lines = parse_size(v, a);
            have_lines = 1;
        }
        else if (!strcmp(a, "--phi-rate")) {
            char *end;
            phi_rate = strtod(v, &end);
            if (end == v || *end || !(phi_rate >= 0 && phi_rate <= 100))
                die("--phi-rate takes a percentage from 0 to 100");
        } else if (!strcmp(a, "--truth"))
            truth = v;
        else if (!strcmp(a, "--formats"))
            set_formats(v);
        else {
            usage(stderr);
            return 2;
        }
    }
    if (have_bytes && have_lines)
        die("give --bytes or --lines, not both");
    if (!have_bytes && !have_lines) {
        max_lines = 10000;
        have_lines = 1;
    }

    unsigned wsum = 0, wsum_single = 0;
    double wlines = 0;
    for (size_t i = 0; i < NELEM(FORMATS); i++) {
        if (!enabled[i])
            continue;
        wsum += FORMATS[i].weight;
        wlines += FORMATS[i].weight * FORMATS[i].lines;
        if (!FORMATS[i].multiline)
            wsum_single += FORMATS[i].weight;
    }
    if (!wsum)
        die("no formats enabled");

    uint64_t sx = seed;
    for (int i = 0; i < 4; i++)
        rs[i] = splitmix(&sx);

    ob = malloc(OUT_CAP);
    if (!ob)
        die("out of memory");
    if (truth) {
        tfp = fopen(truth, "wb");
        if (!tfp) {
            fprintf(stderr, "gen_clinic_logs: cannot open %s: %s\n", truth, strerror(errno));
            return 2;
        }
        tcap = 2u << 20;
        tb = malloc(tcap);
        if (!tb)
            die("out of memory");
    }

    /* 2026-11-23 06:00 UTC plus up to an hour, per seed. */
    now_ms = days_from_civil(2026, 11, 23) * 86400000LL + 6 * 3600000LL + (int64_t)rn(3600000);
    /* --phi-rate counts lines; a PHI event puts PHI on one of its lines, so
     * scale by the average number of lines per event. */
    double p_event = phi_rate / 100.0 * (wlines / wsum);
    uint64_t thr = p_event >= 1.0 ? (1ull << 32) : (uint64_t)(p_event * 4294967296.0);
    uint64_t events = 0;

    for (;;) {
        if (have_lines) {
            if (lineno - 1 >= max_lines)
                break;
        } else if (out_total + ol >= max_bytes) {
            break;
        }
        int phi = (r64() >> 32) < thr;
        /* Near the end of a --lines budget, prefer single-line formats;
         * multi-line ones shrink to fit when nothing else is enabled. */
        lines_left = have_lines ? max_lines - (lineno - 1) : UINT64_MAX;
        int allow_multi = lines_left >= 64;
        unsigned w = allow_multi ? wsum : wsum_single;
        if (!w) {
            allow_multi = 1;
            w = wsum;
        }
        unsigned pick = rn(w);
        size_t f = 0;
        for (; f < NELEM(FORMATS); f++) {
            if (!enabled[f] || (!allow_multi && FORMATS[f].multiline))
                continue;
            if (pick < FORMATS[f].weight)
                break;
            pick -= FORMATS[f].weight;
        }
        now_ms += 1 + rn(45);
        FORMATS[f].fn(phi);
        events++;
        if (ol >= OUT_FLUSH)
            flush_out();
    }
    if (have_lines && lineno - 1 != max_lines)
        die("internal error: wrong line count");
    flush_out();
    if (fflush(stdout) || ferror(stdout))
        die("write error on standard output");
    if (tfp) {
        tflush();
        if (fclose(tfp))
            die("write error on the truth file");
    }
    if (phi_rate == 0 && n_phi)
        die("internal error: PHI written with --phi-rate 0");
    if (getenv("GEN_CLINIC_LOGS_STATS"))
        fprintf(stderr, "events=%llu lines=%llu bytes=%llu phi_values=%llu phi_lines=%llu decoys=%llu\n",
                (unsigned long long)events, (unsigned long long)(lineno - 1),
                (unsigned long long)out_total, (unsigned long long)n_phi,
                (unsigned long long)phi_lines, (unsigned long long)n_decoy);
    return 0;
}
