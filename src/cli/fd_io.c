/* fd_io.c — writing to a file descriptor completely or not at all. */
#define _POSIX_C_SOURCE 200809L
#include "fd_io.h"

#include <errno.h>
#include <unistd.h>

int fd_write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return k < 0 ? errno : EIO;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}
