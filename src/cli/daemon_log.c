/* daemon_log.c — error reporting for the daemon modes; see daemon_log.h.
 *
 * We format the syslog line ourselves ("<PRI>Mmm dd hh:mm:ss phiscrub[pid]:
 * text", what glibc's syslog(3) sends) instead of calling syslog(3),
 * because syslog(3) blocks when the receiver's queue is full, and under
 * rsyslog mmexternal the receiver may be blocked on our reply. */
#define _POSIX_C_SOURCE 200809L
#include "daemon_log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

enum { TO_NOWHERE, TO_FILE, TO_SYSLOG };

#define BURST 20           /* messages per window ... */
#define WINDOW_SECONDS 60  /* ... after which the rest is counted, not sent */

static int target = TO_NOWHERE;
static int fd = -1;
static time_t window_start;
static unsigned sent_in_window, suppressed;

static int stderr_is_void(void)
{
    struct stat err, null;
    if (fstat(STDERR_FILENO, &err) != 0)
        return 1; /* closed */
    return stat("/dev/null", &null) == 0 && S_ISCHR(err.st_mode) && err.st_rdev == null.st_rdev;
}

static int open_syslog(void)
{
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    strcpy(sa.sun_path, "/dev/log");
    int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s >= 0 && connect(s, (struct sockaddr *)&sa, sizeof sa) == 0)
        return s;
    if (s >= 0)
        close(s);
    return -1; /* no syslog here, or a stream socket: retried at the next message */
}

void daemon_log_setup(const char *log_file, int daemon_mode)
{
    if (log_file) {
        fd = open(log_file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0640);
        target = TO_FILE; /* if it can't be opened, errors are lost rather than misrouted */
    } else if (daemon_mode || stderr_is_void()) {
        target = TO_SYSLOG;
        fd = open_syslog();
    }
}

int daemon_log_active(void) { return target != TO_NOWHERE; }

static void send_line(int priority, const char *text)
{
    char line[600];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char stamp[32];
    int n;
    if (target == TO_FILE) {
        strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
        n = snprintf(line, sizeof line, "%s phiscrub[%ld]: %s: %s\n", stamp, (long)getpid(),
                     priority == LOG_ERR ? "error" : priority == LOG_WARNING ? "warning" : "notice",
                     text);
    } else {
        strftime(stamp, sizeof stamp, "%b %e %H:%M:%S", &tm);
        n = snprintf(line, sizeof line, "<%d>%s phiscrub[%ld]: %s", LOG_DAEMON | priority, stamp,
                     (long)getpid(), text);
    }
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    if (target == TO_SYSLOG && fd < 0)
        fd = open_syslog();
    if (fd < 0)
        return;
    ssize_t k = target == TO_SYSLOG ? send(fd, line, len, MSG_DONTWAIT | MSG_NOSIGNAL)
                                    : write(fd, line, len);
    if (k < 0 && target == TO_SYSLOG && errno != EAGAIN) {
        close(fd); /* syslog restarted: reconnect next time */
        fd = -1;
    }
}

static void log_at(int priority, const char *what, const char *why)
{
    if (target == TO_NOWHERE)
        return;
    int saved = errno;
    time_t now = time(NULL);
    if (now - window_start >= WINDOW_SECONDS) {
        if (suppressed) {
            char note[80];
            snprintf(note, sizeof note, "%u more errors were not logged", suppressed);
            send_line(LOG_WARNING, note);
        }
        window_start = now;
        sent_in_window = suppressed = 0;
    }
    if (sent_in_window >= BURST) {
        suppressed++;
    } else {
        sent_in_window++;
        char text[512];
        snprintf(text, sizeof text, "%s: %s", what, why);
        send_line(priority, text);
    }
    errno = saved;
}

void daemon_log_error(const char *what, const char *why) { log_at(LOG_ERR, what, why); }

void daemon_log_notice(const char *what, const char *why) { log_at(LOG_NOTICE, what, why); }
