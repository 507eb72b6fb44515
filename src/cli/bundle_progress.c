/* bundle_progress.c — "\rphiscrub: [done/total] MB/s" on a terminal.
 * Only counts are shown, never a member name. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void progress_init(progress *p, int quiet)
{
    p->on = !quiet && isatty(STDERR_FILENO);
    p->drawn = 0;
    p->t0 = p->last = now();
}

void progress_update(progress *p, uint64_t done, uint64_t seen, int seen_final, uint64_t bytes)
{
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < 0.1)
        return;
    p->last = t;
    double mbs = t > p->t0 ? (double)bytes / 1e6 / (t - p->t0) : 0.0;
    fprintf(stderr, "\rphiscrub: [%llu/%llu%s] %.1f MB/s   ", (unsigned long long)done,
            (unsigned long long)seen, seen_final ? "" : "+", mbs);
    fflush(stderr);
    p->drawn = 1;
}

void progress_end(progress *p)
{
    if (p->on && p->drawn)
        fputs("\r\033[K", stderr);
    p->drawn = 0;
}
