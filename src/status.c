/* status.c — names for status codes and the "file:line:col: message" format. */
#include "internal.h"

#include <stdio.h>

const char *phiscrub_strerror(phiscrub_status status)
{
    switch (status) {
    case PHISCRUB_OK: return "success";
    case PHISCRUB_ERR_NOMEM: return "out of memory";
    case PHISCRUB_ERR_ARG: return "invalid argument";
    case PHISCRUB_ERR_IO: return "input/output error";
    case PHISCRUB_ERR_CONFIG: return "invalid configuration";
    case PHISCRUB_ERR_PATTERN: return "invalid pattern";
    case PHISCRUB_ERR_PLATFORM: return "this CPU is not supported by Hyperscan";
    case PHISCRUB_ERR_SCAN: return "scan failed";
    case PHISCRUB_ERR_LIMIT: return "limit exceeded";
    case PHISCRUB_ERR_FAILED: return "stream failed earlier";
    }
    return "unknown status";
}

const char *phiscrub_error_format(const phiscrub_error *err, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!err) {
        buf[0] = '\0';
        return buf;
    }
    const char *rule_open = err->rule_id[0] ? " (rule " : "";
    const char *rule_end = err->rule_id[0] ? ")" : "";
    if (err->file[0] && err->line)
        snprintf(buf, size, "%s:%u:%u: %s%s%s%s", err->file, err->line, err->column,
                 err->message, rule_open, err->rule_id, rule_end);
    else if (err->file[0])
        snprintf(buf, size, "%s: %s%s%s%s", err->file, err->message, rule_open, err->rule_id,
                 rule_end);
    else
        snprintf(buf, size, "%s%s%s%s", err->message, rule_open, err->rule_id, rule_end);
    return buf;
}
