/* signals.h — SIGTERM/SIGINT ask for a clean stop, SIGHUP for reopening the
 * output (logrotate), SIGPIPE is ignored so a closed reader is an EPIPE
 * error we report instead of a silent death. */
#ifndef PHISCRUB_CLI_SIGNALS_H
#define PHISCRUB_CLI_SIGNALS_H

#include <signal.h>

extern volatile sig_atomic_t cli_stop_requested;
extern volatile sig_atomic_t cli_reopen_requested;

/* Installs the handlers without SA_RESTART, so a blocked read(2) returns
 * EINTR and the loop can look at the flags. */
void signals_install(void);

#endif
