/* validate_net.c — the address validators: IPv4, IPv6 (every RFC 4291 /
 * RFC 5952 text form, zone ids per RFC 4007 / RFC 6874) and email
 * addresses (RFC 5321 dot-atom local part, a domain ending in a real TLD).
 *
 * Input is the matched bytes only: not NUL-terminated, any byte value,
 * never read past n. ASCII helpers instead of <ctype.h>, which is
 * locale-dependent and undefined for bytes above 0x7f. */
#include "validate.h"

#include <stdint.h>
#include <string.h>

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(unsigned char c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static int hex_value(unsigned char c)
{
    if (is_digit(c))
        return c - '0';
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* ---- IPv4 ---------------------------------------------------------------- */

/* Dotted quad, octets 0-255 without leading zeros (RFC 3986 dec-octet):
 * "1.02.3.4" is more likely a version string than an address. */
static bool ipv4_parse(const char *s, size_t n, uint8_t a[4])
{
    size_t i = 0;
    for (int o = 0; o < 4; o++) {
        if (o > 0 && (i >= n || s[i++] != '.'))
            return false;
        size_t st = i;
        unsigned v = 0;
        while (i < n && is_digit((unsigned char)s[i]) && i - st < 3)
            v = v * 10 + (unsigned)(s[i++] - '0');
        if (i == st || v > 255 || (i - st > 1 && s[st] == '0'))
            return false;
        a[o] = (uint8_t)v;
    }
    return i == n;
}

/* RFC 1918 private, RFC 1122 loopback, RFC 3927 link-local and RFC 6598
 * carrier-grade NAT space: internal plumbing, not a person's address. */
static bool ipv4_private(const uint8_t a[4])
{
    return a[0] == 10 || a[0] == 127 || (a[0] == 172 && (a[1] & 0xf0) == 16) ||
           (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) ||
           (a[0] == 100 && (a[1] & 0xc0) == 64);
}

bool validate_ipv4(const char *s, size_t n, unsigned opts)
{
    uint8_t a[4];
    if (!ipv4_parse(s, n, a))
        return false;
    uint32_t v = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3];
    if (v == 0 || v == UINT32_MAX || a[0] == 127) /* unspecified, broadcast, loopback: nobody's */
        return false;
    return !((opts & VALIDATE_KEEP_PRIVATE_IP) && ipv4_private(a));
}

/* ---- IPv6 ---------------------------------------------------------------- */

/* Expands into the 16 groups; groups after "::" move to the end. */
static void ipv6_expand(const uint16_t *g, int ng, int gap, uint8_t a[16])
{
    memset(a, 0, 16);
    for (int j = 0; j < ng; j++) {
        int at = (gap >= 0 && j >= gap) ? 8 - (ng - j) : j;
        a[2 * at] = (uint8_t)(g[j] >> 8);
        a[2 * at + 1] = (uint8_t)g[j];
    }
}

/* RFC 4291 2.2: 1-4 hex digits per group, eight groups, or fewer with one
 * "::"; the last 32 bits may be dotted decimal (::ffff:192.0.2.1). */
static bool ipv6_parse(const char *s, size_t n, uint8_t a[16])
{
    uint16_t g[8];
    int ng = 0, gap = -1;
    size_t i = 0;
    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    }
    while (i < n) {
        size_t st = i;
        unsigned v = 0;
        while (i < n && i - st < 5 && hex_value((unsigned char)s[i]) >= 0)
            v = v * 16 + (unsigned)hex_value((unsigned char)s[i++]);
        if (i < n && s[i] == '.') { /* embedded IPv4: two groups, and the end */
            uint8_t q[4];
            if (ng > 6 || !ipv4_parse(s + st, n - st, q))
                return false;
            g[ng++] = (uint16_t)(q[0] << 8 | q[1]);
            g[ng++] = (uint16_t)(q[2] << 8 | q[3]);
            break;
        }
        if (i == st || i - st > 4 || ng == 8)
            return false;
        g[ng++] = (uint16_t)v;
        if (i == n)
            break;
        if (s[i++] != ':' || i == n) /* a single trailing ':' is not allowed */
            return false;
        if (s[i] == ':') {
            if (gap >= 0)
                return false;
            gap = ng;
            i++;
        }
    }
    if (gap < 0 ? ng != 8 : ng > 7)
        return false;
    ipv6_expand(g, ng, gap, a);
    return true;
}

/* RFC 6874 zone id: '%' (or URL-encoded "%25") and unreserved characters. */
static bool zone_ok(const char *z, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_alnum((unsigned char)z[i]) && !(z[i] && strchr("-._~", z[i])))
            return false;
    return n > 0;
}

/* Loopback, link-local fe80::/10, unique-local fc00::/7 (RFC 4193) and
 * IPv4-mapped private addresses. */
static bool ipv6_private(const uint8_t a[16])
{
    static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const uint8_t loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    bool link_local = a[0] == 0xfe && (a[1] & 0xc0) == 0x80, unique_local = (a[0] & 0xfe) == 0xfc;
    if (!memcmp(a, loopback, 16) || link_local || unique_local)
        return true;
    return !memcmp(a, mapped, 12) && ipv4_private(a + 12);
}

bool validate_ipv6(const char *s, size_t n, unsigned opts)
{
    static const uint8_t zero[16] = {0};
    uint8_t a[16];
    size_t addr = 0;
    while (addr < n && s[addr] != '%')
        addr++;
    if (addr < n && !zone_ok(s + addr + 1, n - addr - 1))
        return false;
    if (!ipv6_parse(s, addr, a) || !memcmp(a, zero, 16)) /* "::" is unspecified, like 0.0.0.0 */
        return false;
    return !((opts & VALIDATE_KEEP_PRIVATE_IP) && ipv6_private(a));
}

/* ---- email --------------------------------------------------------------- */

/* Top-level domains an address may end in: every ISO 3166 country code
 * that is delegated, plus ac, eu, su, uk, and the generic TLDs that show up
 * in real addresses (checked against the Public Suffix List), and the
 * reserved example and test (RFC 2606: sample and test data is shaped like
 * real patients' and masking it costs nothing). Names that only look like
 * TLDs in logs — local, internal, log, txt, json, conf — are absent.
 * Sorted for bsearch-style lookup. */
static const char *const tlds[] = {
    "ac", "academy", "ad", "ae", "aero", "af", "africa", "ag", "agency", "ai", "al", "am",
    "amsterdam", "ao", "app", "aq", "ar", "art", "as", "asia", "at", "attorney", "au", "aw",
    "ax", "az", "ba", "bank", "barcelona", "bayern", "bb", "bd", "be", "berlin", "best", "bf",
    "bg", "bh", "bi", "bid", "biz", "bj", "black", "blog", "blue", "bm", "bn", "bo", "boston",
    "br", "brussels", "bs", "bt", "build", "buzz", "bv", "bw", "by", "bz", "ca", "cafe",
    "capital", "care", "cash", "cat", "cc", "cd", "center", "cf", "cg", "ch", "chat", "church",
    "ci", "city", "ck", "cl", "click", "clinic", "cloud", "club", "cm", "cn", "co", "codes",
    "coffee", "college", "com", "company", "computer", "consulting", "cool", "coop", "cr", "cu",
    "cv", "cw", "cx", "cy", "cymru", "cz", "de", "dental", "dentist", "design", "dev",
    "digital", "dj", "dk", "dm", "do", "doctor", "dz", "ec", "edu", "education", "ee", "eg",
    "email", "energy", "engineering", "enterprises", "er", "es", "et", "eu", "eus", "events", "example",
    "expert", "family", "fi", "finance", "financial", "fit", "fitness", "fj", "fk", "fm", "fo",
    "foundation", "fr", "fun", "fyi", "ga", "gal", "games", "gb", "gd", "ge", "gf", "gg", "gh",
    "gi", "gl", "global", "gm", "gmbh", "gn", "gold", "gov", "gp", "gq", "gr", "green", "group",
    "gs", "gt", "gu", "guru", "gw", "gy", "health", "healthcare", "help", "hk", "hm", "hn",
    "holdings", "hospital", "host", "hr", "ht", "hu", "icu", "id", "ie", "il", "im", "in",
    "inc", "info", "ink", "institute", "insurance", "int", "international", "io", "iq", "ir",
    "is", "it", "je", "jm", "jo", "jobs", "jp", "ke", "kg", "kh", "ki", "kim", "km", "kn", "kp",
    "kr", "kw", "ky", "kz", "la", "law", "lawyer", "lb", "lc", "legal", "li", "life", "link",
    "live", "lk", "llc", "loan", "london", "love", "lr", "ls", "lt", "ltd", "lu", "lv", "ly",
    "ma", "madrid", "management", "market", "marketing", "mc", "md", "me", "med", "media",
    "melbourne", "men", "mg", "mh", "miami", "mil", "mk", "ml", "mm", "mn", "mo", "mobi", "moe",
    "money", "moscow", "mp", "mq", "mr", "ms", "mt", "mu", "museum", "mv", "mw", "mx", "my",
    "mz", "na", "name", "nc", "ne", "net", "network", "news", "nf", "ng", "ni", "ninja", "nl",
    "no", "np", "nr", "nu", "nyc", "nz", "om", "one", "online", "org", "pa", "page", "paris",
    "partners", "party", "pe", "pf", "pg", "ph", "pharmacy", "photo", "photography", "photos",
    "pink", "pk", "pl", "plus", "pm", "pn", "post", "pr", "pro", "ps", "pt", "pub", "pw", "py",
    "qa", "quebec", "re", "red", "rehab", "review", "ro", "rocks", "rs", "ru", "run", "rw",
    "sa", "sb", "sc", "school", "science", "scot", "sd", "se", "services", "sg", "sh", "shop",
    "si", "site", "sj", "sk", "sl", "sm", "sn", "so", "social", "software", "solutions",
    "space", "sr", "ss", "st", "store", "studio", "su", "support", "surgery", "sv", "sx", "sy",
    "sydney", "systems", "sz", "tc", "td", "team", "tech", "tel", "test", "tf", "tg", "th", "tj", "tk",
    "tl", "tm", "tn", "to", "today", "tokyo", "tools", "top", "town", "tr", "trade", "travel",
    "tt", "tv", "tw", "tz", "ua", "ug", "uk", "university", "us", "uy", "uz", "va", "vc", "ve",
    "vegas", "ventures", "vet", "vg", "vi", "video", "vip", "vn", "vu", "wales", "website",
    "wf", "wiki", "win", "work", "works", "world", "ws", "wtf", "xxx", "xyz", "ye", "yt", "za",
    "zm", "zone", "zw",
};

/* Compares the lowercased label [s, s+n) with a table entry. */
static int label_cmp(const char *s, size_t n, const char *t)
{
    for (size_t i = 0; i < n; i++, t++) {
        int c = lower((unsigned char)s[i]);
        if (!*t || c != (unsigned char)*t)
            return !*t ? 1 : c - (unsigned char)*t;
    }
    return *t ? -1 : 0;
}

static bool tld_known(const char *s, size_t n)
{
    size_t lo = 0, hi = sizeof tlds / sizeof tlds[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = label_cmp(s, n, tlds[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* RFC 5322 atext, the characters of a dot-atom other than '.'. */
static bool atext(unsigned char c)
{
    return is_alnum(c) || (c && strchr("!#$%&'*+/=?^_`{|}~-", c));
}

/* 1-64 bytes of atext; dots only between atoms (RFC 5321 4.5.3.1.1). */
static bool local_ok(const char *s, size_t n)
{
    if (n == 0 || n > 64 || s[0] == '.' || s[n - 1] == '.')
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' ? s[i - 1] == '.' : !atext((unsigned char)s[i]))
            return false;
    return true;
}

/* RFC 1035 host name: labels of 1-63 letters, digits, hyphens, no hyphen
 * at either end; two labels at least, 253 bytes at most; a known TLD. */
static bool domain_ok(const char *s, size_t n)
{
    size_t labels = 0, st = 0;
    if (n == 0 || n > 253)
        return false;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') {
            if (!is_alnum((unsigned char)s[i]) && s[i] != '-')
                return false;
            continue;
        }
        size_t len = i - st;
        if (len == 0 || len > 63 || s[st] == '-' || s[i - 1] == '-')
            return false;
        labels++;
        if (i == n)
            return labels >= 2 && tld_known(s + st, len);
        st = i + 1;
    }
    return false;
}

/* Role accounts - the clinic's own senders and mailboxes ("noreply@",
 * "reminders@", "frontdesk@") and mail-system names - belong to no patient. */
static bool role_local(const char *s, size_t n)
{
    static const char *const roles[] = {
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply",
        "reminders", "reminder", "notifications", "notification", "notify", "alerts", "alert",
        "frontdesk", "front-desk", "front.desk", "billing", "support", "info", "admin",
        "postmaster", "mailer-daemon", "appointments", "appointment", "scheduling", "office",
        "reception", "webmaster", "abuse", "hostmaster", "root", "bounce", "bounces",
        "records", "medical-records", "medicalrecords", "referrals", "referral", "fax",
        "efax", "intake", "pharmacy", "lab", "labs", "it", "helpdesk", "security", "privacy",
        "compliance", "hr", "careers", "marketing", "sales", "accounts", "payments",
        "hello", "contact", "team", "care", "news", "newsletter", "mail", "inquiries",
        "questions", "feedback", "receipts", "invoices", "statements", "portal",
    };
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
        size_t k = strlen(roles[i]);
        if (k != n)
            continue;
        size_t j = 0;
        while (j < k && (s[j] | 0x20) == roles[i][j])
            j++;
        if (j == k)
            return true;
    }
    return false;
}

/* Message-ids and other generated addresses: a local part of 16 or more
 * hex digits (4+ of them decimal), dashes and dots, with no other letter
 * ("44269bea-1898-4553-ae14-fe29a08f2994@mail.example.org"), names no one. */
static bool machine_local(const char *s, size_t n)
{
    size_t hex = 0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool h = is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!h && c != '-' && c != '.')
            return false;
        hex += h;
        digits += is_digit(c);
    }
    return hex >= 16 && digits >= 4;
}

/* local@domain, or local%40domain as URL query strings carry it. */
bool validate_email(const char *s, size_t n, unsigned opts)
{
    (void)opts;
    size_t at = n, sep = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '@')
            continue;
        if (at != n)
            return false; /* a second '@' */
        at = i;
    }
    if (at == n) { /* the domain has no '%', so the last "%40" splits */
        sep = 3;
        for (size_t i = n; i >= 3 && at == n; i--)
            if (s[i - 3] == '%' && s[i - 2] == '4' && s[i - 1] == '0')
                at = i - 3;
        if (at == n)
            return false;
    }
    return local_ok(s, at) && !machine_local(s, at) && !role_local(s, at) &&
           domain_ok(s + at + sep, n - at - sep);
}
