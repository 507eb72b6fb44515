/* json_msg.h — the two JSON operations the rsyslog mmexternal mode needs:
 * take the "msg" string out of rsyslog's message object (interface.input
 * "fulljson"), and write a string as a JSON string for the reply.
 *
 * Both work on bytes, not on Unicode text: syslog carries whatever bytes a
 * program logged, so invalid UTF-8 must survive the round trip without
 * breaking the reply. Neither function reports input bytes in any way. */
#ifndef PHISCRUB_CLI_JSON_MSG_H
#define PHISCRUB_CLI_JSON_MSG_H

#include "bytebuf.h"

#include <stddef.h>

typedef enum {
    JSON_MSG_FOUND,  /* msg holds the decoded "msg" string */
    JSON_MSG_ABSENT, /* a valid object without a "msg" member */
    JSON_MSG_BAD,    /* not one JSON object, or "msg" is not a string */
    JSON_MSG_NOMEM   /* msg would exceed its limit, or malloc failed */
} json_msg_result;

/* Parses text[0..len) as one JSON object and decodes its top-level "msg"
 * member into msg (cleared first; the last "msg" wins, as in rsyslog's
 * parser). Decoding: the standard escapes; \uXXXX to UTF-8, surrogate pairs
 * joined, a lone surrogate becomes U+FFFD; \u0000 becomes a NUL byte; raw
 * bytes, including invalid UTF-8 and control bytes, are copied unchanged.
 * Nested values are skipped without recursion, so depth is not limited. */
json_msg_result json_msg_extract(const char *text, size_t len, bytebuf *msg);

/* Appends s[0..len) to out as a quoted JSON string: '"', '\\' and control
 * bytes are escaped (\n, \t, ... or \u00XX), valid UTF-8 is copied as is,
 * and each byte of an invalid UTF-8 sequence becomes \u00XX (its Latin-1
 * reading), so the result is always valid JSON and never contains a raw
 * line break. Returns 0, or -1 when out's limit or memory runs out. */
int json_encode_string(bytebuf *out, const char *s, size_t len);

#endif
