/* keepalive.c — see keepalive.h. One thread per process, idle on a
 * condition variable unless the main thread is in a busy step. */
#define _POSIX_C_SOURCE 200809L
#include "keepalive.h"
#include "fd_io.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

/* rsyslog reads a reply line into a 4 KiB buffer, dots included. */
#define MAX_DOTS 4000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_t thread;
static bool running, stopping, busy;
static unsigned long busy_epoch; /* tells one busy step from the next */
static int out_fd = -1;
static unsigned interval;

static struct timespec after_ms(unsigned ms)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

static void *dot_loop(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (!stopping) {
        if (!busy) {
            pthread_cond_wait(&wake, &lock);
            continue;
        }
        unsigned long epoch = busy_epoch;
        unsigned dots = 0;
        while (!stopping && busy && busy_epoch == epoch) {
            struct timespec until = after_ms(interval);
            int rc = 0;
            while (!stopping && busy && busy_epoch == epoch && rc != ETIMEDOUT)
                rc = pthread_cond_timedwait(&wake, &lock, &until);
            if (rc == ETIMEDOUT && busy && busy_epoch == epoch && dots < MAX_DOTS) {
                fd_write_all(out_fd, ".", 1);
                dots++;
            }
        }
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

int keepalive_start(int fd, unsigned interval_ms)
{
    out_fd = fd;
    interval = interval_ms ? interval_ms : 1000;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&thread, NULL, dot_loop, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    running = rc == 0;
    return rc;
}

void keepalive_busy(void)
{
    pthread_mutex_lock(&lock);
    busy = true;
    busy_epoch++;
    pthread_cond_signal(&wake);
    pthread_mutex_unlock(&lock);
}

int keepalive_reply(const char *data, size_t len)
{
    pthread_mutex_lock(&lock);
    busy = false;
    pthread_cond_signal(&wake);
    int rc = fd_write_all(out_fd, data, len);
    pthread_mutex_unlock(&lock);
    return rc;
}

void keepalive_stop(void)
{
    if (!running)
        return;
    pthread_mutex_lock(&lock);
    stopping = true;
    pthread_cond_signal(&wake);
    pthread_mutex_unlock(&lock);
    pthread_join(thread, NULL);
    running = false;
}
