/* daemon_log.h — where phiscrub reports its own errors when it runs under a
 * log daemon, whose stdout/stderr either feed the protocol (rsyslog
 * mmexternal merges both into the reply stream) or go to /dev/null
 * (syslog-ng program(), omprog without `output`).
 *
 * Messages are "what: why" from fixed strings and strerror texts; callers
 * never pass message text. Sending never blocks: syslog goes over a
 * non-blocking datagram to /dev/log (the daemon we would wait for may be
 * the one waiting for our reply), and a burst is rate limited. */
#ifndef PHISCRUB_CLI_DAEMON_LOG_H
#define PHISCRUB_CLI_DAEMON_LOG_H

/* Decides once, after the options are parsed, where errors go:
 * log_file (--log-file) when given; else syslog (LOG_DAEMON, tag
 * "phiscrub[pid]") when daemon_mode is set or stderr is /dev/null or
 * closed; else nowhere extra (stderr is read by a person). */
void daemon_log_setup(const char *log_file, int daemon_mode);

/* 1 when daemon_log_error writes somewhere. */
int daemon_log_active(void);

/* Logs "phiscrub: what: why" at LOG_ERR when active. */
void daemon_log_error(const char *what, const char *why);

/* Same at LOG_NOTICE, for state changes an operator wants to see
 * (output reopened, stopping on SIGTERM). */
void daemon_log_notice(const char *what, const char *why);

#endif
