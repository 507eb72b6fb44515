/* bundle_names.h — scrubbing member names (bundle_names.c explains how).
 * One names object per worker thread: it owns a phiscrub stream. */
#ifndef PHISCRUB_CLI_BUNDLE_NAMES_H
#define PHISCRUB_CLI_BUNDLE_NAMES_H

#include "phiscrub.h"

typedef struct names names;

/* NULL on failure (*st says why). */
names *names_new(const phiscrub_rules *rules, phiscrub_status *st);
void names_free(names *n); /* NULL is a no-op */

/* Scrubs a normalised relative path (see bundle_normalise_path). Returns a
 * malloc'd path with the same number of components, none of them empty,
 * "." or "..", and none containing '/'. *changed is set when it differs
 * from path. NULL when memory runs out or the stream fails (*st). */
char *names_scrub(names *n, const char *path, int *changed, phiscrub_status *st);

#endif
