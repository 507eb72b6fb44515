/* input.h — the CLI's input: a file or standard input, plain or gzip
 * (detected by its magic bytes; concatenated members as `cat a.gz b.gz`
 * makes them are decoded in turn; a truncated or corrupt stream is an error). */
#ifndef PHISCRUB_CLI_INPUT_H
#define PHISCRUB_CLI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct input input;

/* path NULL or "-" = standard input. Returns 0 or an errno value. */
int input_open(input **in, const char *path);

/* Reads up to cap decoded bytes: >0 bytes, 0 at the end, -1 on error
 * (then input_error_text says why, without any input bytes). Returns what
 * is available rather than waiting to fill buf, so a live pipe is not held up. */
ssize_t input_read(input *in, char *buf, size_t cap);

const char *input_error_text(const input *in);

/* A pipe, socket or terminal: more may arrive at any time. */
bool input_is_live(const input *in);

void input_close(input *in);

#endif
