/* Common prelude for cmocka tests: cmocka.h needs these headers first. */
#ifndef PHISCRUB_TEST_H
#define PHISCRUB_TEST_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#endif
