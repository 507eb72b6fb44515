/* line_reader.h — reads standard input of the rsyslog modes line by line
 * with read(2), returning at once what has arrived (a daemon waits for our
 * answer before it sends more, so nothing may be held back).
 *
 * A line longer than the buffer comes out in several segments; a line that
 * fits is always returned whole, so short control lines (omprog's
 * transaction marks) never arrive split.
 *
 * SIGTERM/SIGINT (cli_stop_requested): the reader stops waiting, returns
 * whatever is already in the pipe, then reports the end of input, so data a
 * daemon wrote before signalling is not lost. */
#ifndef PHISCRUB_CLI_LINE_READER_H
#define PHISCRUB_CLI_LINE_READER_H

#include <stdbool.h>
#include <stddef.h>

enum {
    LINE_END = 1u << 0,    /* this segment ends its line */
    LINE_NEWLINE = 1u << 1 /* ... with a '\n' (not set for a last line at EOF) */
};

typedef struct {
    int fd;
    char *buf;
    size_t cap, start, end; /* unread bytes are buf[start..end) */
    bool eof;
    bool draining;          /* stop requested: non-blocking until the pipe is empty */
    int fl;                 /* the fd's flags before draining */
} line_reader;

/* Reads fd into buf[0..cap), which the caller owns and keeps alive (a
 * static buffer lets the mmexternal mode run even when malloc fails). */
void line_reader_init(line_reader *r, int fd, char *buf, size_t cap);

/* The next segment of the current line, without its '\n'. The pointer is
 * valid until the next call. Returns 1 (segment; *flags says whether it
 * ends the line), 0 at the end of input, -1 on a read error (errno), or 2
 * when SIGHUP (cli_reopen_requested) interrupted a wait: no segment, call
 * again after handling it. */
int line_reader_next(line_reader *r, const char **data, size_t *len, unsigned *flags);

/* True when the next call returns without reading: a whole line (or the
 * end of input) is buffered. Callers flush replies before it turns false. */
bool line_reader_ready(const line_reader *r);

#endif
