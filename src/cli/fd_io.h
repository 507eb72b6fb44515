/* fd_io.h — the one full-write loop every CLI writer uses. */
#ifndef PHISCRUB_CLI_FD_IO_H
#define PHISCRUB_CLI_FD_IO_H

#include <stddef.h>

/* Writes all n bytes, retrying after EINTR and short writes. Returns 0, or
 * the errno of the failure (EIO when write(2) wrote nothing). */
int fd_write_all(int fd, const void *data, size_t n);

#endif
