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

#endif
