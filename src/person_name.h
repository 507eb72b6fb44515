/* person_name.h — the check behind `validator: person_name`. */
#ifndef PHISCRUB_PERSON_NAME_H
#define PHISCRUB_PERSON_NAME_H

#include "internal.h"

/* A candidate like "Jordan Service" or "Grant Access" has the shape of a
 * name but is ordinary words. Returns false when the surname — the last
 * name-like token, or the one before a ',' or '^' ("Smith, Jane",
 * "SMITH^JANE") — is a common word, or there is none (stop may be NULL:
 * then always true). Titles and initials are skipped. */
bool person_name_ok(const wordset *stop, const char *p, size_t n);

/* After a key that says a name follows (last_name=, "voicemail for"), the
 * key is the evidence: only refuses candidates made of common words alone
 * ("Customer Service"), so "Kavya Little" and last_name=Winter pass. */
bool person_name_weak_ok(const wordset *stop, const char *p, size_t n);

/* A given name on its own ("(Laura) at 10:15am", "Evelyn wants a receipt"),
 * the word at buf[at, at+n) of a buffer of len bytes. Refused when it is
 * also an English word (names: Holly, Reed; may be NULL), a component of an
 * HL7 name (provider fields: "1234567890^Becker^Tom"), part of a path,
 * identifier or hyphenated word, before a state code (a city: "Cary, NC"),
 * or followed by a capitalised word (then it is "Given Surname", which the
 * pair rules decide: "Jordan Service"). */
bool given_name_alone_ok(const wordset *names, const char *buf, size_t len, size_t at, size_t n);

/* For names without capitals (speech-to-text: "my name is cheyenne
 * nguyen"): no word is a common word, and one is a listed given name or
 * surname. Always false without the name lists. */
bool person_name_listed_ok(const wordset *names, const wordset *stop, const char *p, size_t n);

#endif
