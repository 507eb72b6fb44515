/* bundle_report.h — PHISCRUB-REPORT.json, the manifest written as the
 * output archive's last entry. Used by the main thread only. */
#ifndef PHISCRUB_CLI_BUNDLE_REPORT_H
#define PHISCRUB_CLI_BUNDLE_REPORT_H

#include "bundle.h"

typedef struct report report;

/* NULL on ENOMEM. */
report *report_new(const bundle_ctx *c);
void report_free(report *r); /* NULL is a no-op */

/* Adds one member, with its final (scrubbed, de-duplicated) path. Returns
 * 0 or an errno value. */
int report_member(report *r, const bundle_item *it);

/* Closes the document and returns it (owned by r), or NULL with *err. */
spool *report_finish(report *r, int *err);

/* Totals for the summary line on stderr. */
typedef struct {
    uint64_t members, scrubbed, binary_dropped, binary_kept, corrupt, skipped, unreadable;
    uint64_t bytes_in, bytes_out, masks;
    int64_t newest_mtime; /* the report entry's mtime: no clock involved */
} report_totals;

const report_totals *report_get_totals(const report *r);

#endif
