/* person_name.h — the check behind `validator: person_name`. */
#ifndef PHISCRUB_PERSON_NAME_H
#define PHISCRUB_PERSON_NAME_H

#include "internal.h"

/* A candidate like "Jordan Service" or "Grant Access" has the shape of a
 * name but is ordinary words. Returns false when the last name-like token
 * is a common word, or there is none (stop may be NULL: then always true). */
bool person_name_ok(const wordset *stop, const char *p, size_t n);

#endif
