/* options.h — the command line, parsed into one struct. */
#ifndef PHISCRUB_CLI_OPTIONS_H
#define PHISCRUB_CLI_OPTIONS_H

#include <stddef.h>

/* Exit statuses (documented in --help and README). */
enum {
    EXIT_OK = 0,
    EXIT_RUNTIME = 1, /* I/O error, corrupt input, scan failure: output stopped */
    EXIT_USAGE = 2,   /* bad option, unreadable or invalid rules/roster/allow file */
    EXIT_INTERNAL = 3 /* out of memory, unsupported CPU */
};

enum cli_mode { MODE_FILTER, MODE_LIST_RULES, MODE_MMEXTERNAL, MODE_OMPROG, MODE_BUNDLE };

#define CLI_MAX_LIST 64

typedef struct {
    enum cli_mode mode;
    const char *output;          /* -o; NULL = stdout */
    int append;                  /* -a */
    const char *rules[CLI_MAX_LIST];
    size_t nrules;
    const char *names[CLI_MAX_LIST];
    size_t nnames;
    const char *allow[CLI_MAX_LIST];
    size_t nallow;
    const char *packs_on[CLI_MAX_LIST];
    size_t npacks_on;
    const char *packs_off[CLI_MAX_LIST];
    size_t npacks_off;
    int keep_private_ip;
    int stats;
    int line_buffered;
    int gzip_out;                /* -z */
    int quiet;                   /* -q */
    int keep_binary;             /* bundle: --keep-binary */
    int jobs;                    /* bundle: -j */
    unsigned long long max_members;    /* bundle: --max-members; 0 = default */
    unsigned long long max_total_size; /* bundle: --max-total-size; 0 = default */
    unsigned long long max_ratio;      /* bundle: --max-ratio; 0 = default */
    const char *cache_dir;
    int no_cache;
    size_t buffer_size;          /* --buffer-size, for tests */
    const char *log_file;        /* --log-file: where daemon modes report errors */
    int mmexternal_fulljson;     /* --rsyslog-mmexternal=fulljson: lines are rsyslog's JSON message object */
    char **inputs;               /* remaining arguments */
    int ninputs;
} cli_options;

/* Parses argv. Returns -1 to continue, or an exit status (after --help,
 * --version, or a usage error already reported on stderr). */
int options_parse(int argc, char **argv, cli_options *opt);

#endif
