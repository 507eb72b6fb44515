/* records.h — masking the key-less fields of delimited patient records. */
#ifndef PHISCRUB_RECORDS_H
#define PHISCRUB_RECORDS_H

#include "match.h"

#define RECORDS_MIN_FIELDS 4 /* a line with fewer commas is prose, not a record */
#define RECORDS_TUPLE_SIDE_MAX 1024u /* a SQL column list or value list, at most */

typedef struct {
    const phiscrub_rules *rules;
    bool *evidence;   /* per category: confirms that a line is a patient record */
    int rule_id, rule_date, rule_dob, rule_name, rule_address; /* record_field rules, or -1 */
    int rule_phone, rule_email, rule_ssn; /* a rule of that category, for its label; or -1 */
    int dob_year_max; /* dates up to this year are labelled as birth dates */
    const validator *npi; /* a provider's NPI is not the patient's identifier */
    bool active;
} records_ctx;

typedef void (*records_push)(void *ctx, size_t start, size_t end, unsigned rule);

bool records_init(records_ctx *rc, const phiscrub_rules *r, int this_year);
void records_free(records_ctx *rc);

/* For each comma-delimited line of buf holding a span (sorted, disjoint)
 * of an evidence category, pushes a span for each uncovered identifier- or
 * date-shaped field. */
void records_extend(const records_ctx *rc, const char *buf, size_t len, const region *spans,
                    size_t nspans, records_push push, void *ctx);

/* A SQL row printed with its column names: PostgreSQL's
 *     Key (last_name, first_name, dob)=(Chen, Amber, 2006-10-16) already exists.
 * or an INSERT's "(`first_name`, `email`) values (Chloé, c@x.com)". The key
 * between the two lists, ")=(" or ") values (", ends at key_to; each value
 * whose column names PHI is pushed, labelled by the column. */
void records_tuple(const records_ctx *rc, const char *buf, size_t len, size_t key_to,
                   records_push push, void *ctx);

#endif
