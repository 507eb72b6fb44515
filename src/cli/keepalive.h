/* keepalive.h — rsyslog omprog's keep-alive feedback: while a reply is
 * late (a slow write or fsync), a '.' is written to stdout every interval,
 * and rsyslog restarts its confirmTimeout at each dot instead of killing
 * us. Dots and replies share one lock, so a dot never lands after a reply's
 * newline (rsyslog would read "OK\n." as a multi-line response). */
#ifndef PHISCRUB_CLI_KEEPALIVE_H
#define PHISCRUB_CLI_KEEPALIVE_H

#include <stddef.h>

/* Starts the dot thread writing to fd. Returns 0, or an errno value (then
 * replies still work, only without dots). All signals are blocked in the
 * thread so that they keep interrupting the main thread's read(2). */
int keepalive_start(int fd, unsigned interval_ms);

/* A step that may be slow begins: dots start after one interval. */
void keepalive_busy(void);

/* Ends the busy step and writes the reply bytes. Returns 0, or -1 when
 * the write failed (errno set). */
int keepalive_reply(const char *data, size_t len);

/* Stops and joins the thread. */
void keepalive_stop(void);

#endif
