/* validate.h — candidate confirmers run on the bytes Hyperscan matched.
 *
 * Hyperscan finds cheap candidates; these functions decide whether a
 * candidate really is PHI (checksums, calendar and numbering-plan rules).
 * Each takes the matched bytes (not NUL-terminated, may contain any byte)
 * and returns true when the candidate should be masked. They never allocate,
 * never read outside [s, s+n), and are safe to call from any thread. */
#ifndef PHISCRUB_VALIDATE_H
#define PHISCRUB_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* Option bits passed to every validator. */
enum {
    VALIDATE_KEEP_PRIVATE_IP = 1u << 0 /* private, loopback, link-local IPs are not PHI */
};

typedef bool validator_fn(const char *s, size_t n, unsigned opts);

typedef struct {
    const char *name;   /* the name rule files use: "luhn", "card", "nanp", ... */
    validator_fn *check;
} validator;

/* Looks a validator up by name; NULL when there is none. */
const validator *validator_find(const char *name);

/* Calls f(name) for every validator, for --list-rules and error messages. */
void validator_foreach(void (*f)(const char *name, void *ctx), void *ctx);

/* ---- helpers the engine may reuse -------------------------------------- */

/* True when the three digits at d are a toll-free area code (800, 833,
 * 844, 855, 866, 877, 888): a business's line, never a patient's. */
bool nanp_toll_free(const char *d);

/* True when the n bytes are ASCII digits passing the Luhn (mod 10) check;
 * false on any other byte or n == 0. */
bool luhn_ok(const char *digits, size_t n);

/* Reads a date in any shape the `date` validator accepts (03/04/1984,
 * 3.4.84, 1984-03-03, 19840303, 12-Jan-1990, 3rd March 1984, Mar. 3, 1984)
 * and checks it against the calendar, years 1900..2099. Two-digit years
 * read 00..26 as 20xx and 27..99 as 19xx. a/b/y is month-first for '/' and
 * '-', day-first for '.', and the other reading when that one is
 * impossible. Sets *y, *m, *d only on success. */
bool date_parse(const char *s, size_t n, int *y, int *m, int *d);

/* A day without its year: "3/18", "March 18", "Mar. 18th" (month first),
 * a weekday before it allowed ("Thu Apr 4"), checked against the calendar
 * of a leap year. */
bool day_parse(const char *s, size_t n, int *m, int *d);

/* Length of the date part when s is a date followed by a time of day:
 * "T08:30:00Z" / " 08:30:00.123+05:30" (ISO 8601), or HH[MM[SS]] digits
 * after 8 digits (HL7 v2 DTM). n when there is no such tail. */
size_t date_time_split(const char *s, size_t n);

/* The address validators, in validate_net.c (registered as ipv4, ipv6, email). */
bool validate_ipv4(const char *s, size_t n, unsigned opts);
bool validate_ipv6(const char *s, size_t n, unsigned opts);
bool validate_email(const char *s, size_t n, unsigned opts);

/* validate_ids.c: registered as id_number, base64_body, ipv6_text. */
bool validate_id_number(const char *s, size_t n, unsigned opts);
bool validate_base64_body(const char *s, size_t n, unsigned opts);
bool validate_ipv6_text(const char *s, size_t n, unsigned opts);

#endif
