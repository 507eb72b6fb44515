/* signals.c — flags set by signal handlers; the loops act on them. */
#define _POSIX_C_SOURCE 200809L
#include "signals.h"

#include <string.h>

volatile sig_atomic_t cli_stop_requested;
volatile sig_atomic_t cli_reopen_requested;

static void on_stop(int sig)
{
    (void)sig;
    cli_stop_requested = 1;
}

static void on_hup(int sig)
{
    (void)sig;
    cli_reopen_requested = 1;
}

void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
}
