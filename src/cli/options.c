/* options.c — getopt_long parsing and the --help text. */
#define _POSIX_C_SOURCE 200809L
#include "options.h"

#include "phiscrub.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "Usage: phiscrub [OPTION]... [FILE]...\n"
    "       phiscrub bundle IN -o OUT [OPTION]...\n"
    "Mask protected health information (names, phones, dates of birth, card\n"
    "numbers, emails, SSNs, addresses, IPs, record numbers, credentials) in logs.\n"
    "Reads FILEs, or standard input when none or '-' is given; gzip input is\n"
    "detected. Writes one output line per input line.\n"
    "\n"
    "  -o, --output FILE      write to FILE instead of standard output\n"
    "  -a, --append           append to the -o FILE instead of truncating it\n"
    "  -z, --gzip             write gzip-compressed output\n"
    "  -r, --rules FILE       add a YAML rule file (same id: replaces a default rule)\n"
    "  -n, --names FILE       mask every full name listed in FILE (one per line)\n"
    "  -A, --allow FILE       never mask the terms listed in FILE (one per line)\n"
    "  -p, --pack NAME        use only the named rule packs (repeatable; a\n"
    "                         --names roster still applies)\n"
    "  -P, --no-pack NAME     do not use rule pack NAME (repeatable)\n"
    "      --mask-private-ip  mask private, loopback and link-local IPs too (by\n"
    "                         default they are kept: they name the clinic's own\n"
    "                         machines, not a patient; --keep-private-ip is accepted)\n"
    "      --list-rules       print the active rules and exit\n"
    "      --line-buffered    emit each line as soon as it is complete\n"
    "  -s, --stats            print per-category counts and speed on stderr\n"
    "      --cache-dir DIR    cache compiled rules in DIR (default: $PHISCRUB_CACHE_DIR,\n"
    "                         $XDG_CACHE_HOME/phiscrub or ~/.cache/phiscrub)\n"
    "      --no-cache         always compile the rules\n"
    "      --rsyslog-mmexternal[=msg|fulljson]\n"
    "                         act as an rsyslog mmexternal message modifier; the\n"
    "                         value matches its interface.input (default msg)\n"
    "      --rsyslog-omprog   act as an rsyslog omprog output (needs -o)\n"
    "      --log-file FILE    daemon modes: report errors to FILE (default: syslog)\n"
    "  -q, --quiet            no progress output (bundle)\n"
    "  -j, --jobs N           members scrubbed in parallel (bundle)\n"
    "      --keep-binary      keep binary members unchanged (bundle)\n"
    "      --max-members N    refuse a bundle with more than N members (100000)\n"
    "      --max-total-size SIZE  refuse a bundle expanding to more than SIZE\n"
    "                         bytes, K/M/G suffixes allowed (16G)\n"
    "      --max-ratio N      refuse compressed data expanding more than N:1 (200)\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "Exit status: 0 success; 1 I/O or processing error (output stops at the\n"
    "failure point, nothing unredacted is written after it); 2 usage or\n"
    "configuration error (nothing is processed); 3 internal error (out of\n"
    "memory, CPU not supported by Hyperscan).\n";

enum {
    OPT_KEEP_PRIVATE_IP = 256,
    OPT_MASK_PRIVATE_IP,
    OPT_LIST_RULES,
    OPT_LINE_BUFFERED,
    OPT_CACHE_DIR,
    OPT_NO_CACHE,
    OPT_MMEXTERNAL,
    OPT_OMPROG,
    OPT_LOG_FILE,
    OPT_KEEP_BINARY,
    OPT_BUFFER_SIZE,
    OPT_MAX_MEMBERS,
    OPT_MAX_TOTAL_SIZE,
    OPT_MAX_RATIO
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"append", no_argument, NULL, 'a'},
    {"gzip", no_argument, NULL, 'z'},
    {"rules", required_argument, NULL, 'r'},
    {"names", required_argument, NULL, 'n'},
    {"allow", required_argument, NULL, 'A'},
    {"pack", required_argument, NULL, 'p'},
    {"no-pack", required_argument, NULL, 'P'},
    {"keep-private-ip", no_argument, NULL, OPT_KEEP_PRIVATE_IP},
    {"mask-private-ip", no_argument, NULL, OPT_MASK_PRIVATE_IP},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"line-buffered", no_argument, NULL, OPT_LINE_BUFFERED},
    {"stats", no_argument, NULL, 's'},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"no-cache", no_argument, NULL, OPT_NO_CACHE},
    {"rsyslog-mmexternal", optional_argument, NULL, OPT_MMEXTERNAL},
    {"rsyslog-omprog", no_argument, NULL, OPT_OMPROG},
    {"log-file", required_argument, NULL, OPT_LOG_FILE},
    {"quiet", no_argument, NULL, 'q'},
    {"jobs", required_argument, NULL, 'j'},
    {"keep-binary", no_argument, NULL, OPT_KEEP_BINARY},
    {"buffer-size", required_argument, NULL, OPT_BUFFER_SIZE},
    {"max-members", required_argument, NULL, OPT_MAX_MEMBERS},
    {"max-total-size", required_argument, NULL, OPT_MAX_TOTAL_SIZE},
    {"max-ratio", required_argument, NULL, OPT_MAX_RATIO},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static int add(const char **list, size_t *n, const char *v, const char *what)
{
    if (*n == CLI_MAX_LIST) {
        fprintf(stderr, "phiscrub: too many %s options (at most %d)\n", what, CLI_MAX_LIST);
        return -1;
    }
    list[(*n)++] = v;
    return 0;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || s[0] == '-')
        return -1;
    if (*end == 'k' || *end == 'K')
        v <<= 10, end++;
    else if (*end == 'm' || *end == 'M')
        v <<= 20, end++;
    else if (*end == 'g' || *end == 'G')
        v <<= 30, end++;
    if (*end)
        return -1;
    *out = (size_t)v;
    return 0;
}

static int usage_error(const char *msg)
{
    fprintf(stderr, "phiscrub: %s\nTry 'phiscrub --help' for more information.\n", msg);
    return EXIT_USAGE;
}

int options_parse(int argc, char **argv, cli_options *opt)
{
    memset(opt, 0, sizeof *opt);
    /* 10.x, 192.168.x, 127.x, fe80:: are the clinic's servers, printers and
     * front-desk PCs; the same addresses exist in every network, so they
     * identify nobody outside it. */
    opt->keep_private_ip = 1;
    opt->mode = MODE_FILTER;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "bundle") == 0) {
        opt->mode = MODE_BUNDLE;
        first = 2;
    }
    optind = first;
    opterr = 1;
    int c, bad = 0;
    while ((c = getopt_long(argc, argv, "o:azr:n:A:p:P:sqj:hV", long_options, NULL)) != -1) {
        switch (c) {
        case 'o': opt->output = optarg; break;
        case 'a': opt->append = 1; break;
        case 'z': opt->gzip_out = 1; break;
        case 'r': bad |= add(opt->rules, &opt->nrules, optarg, "--rules"); break;
        case 'n': bad |= add(opt->names, &opt->nnames, optarg, "--names"); break;
        case 'A': bad |= add(opt->allow, &opt->nallow, optarg, "--allow"); break;
        case 'p': bad |= add(opt->packs_on, &opt->npacks_on, optarg, "--pack"); break;
        case 'P': bad |= add(opt->packs_off, &opt->npacks_off, optarg, "--no-pack"); break;
        case 's': opt->stats = 1; break;
        case 'q': opt->quiet = 1; break;
        case 'j': {
            size_t j;
            if (parse_size(optarg, &j) || j < 1 || j > 256)
                return usage_error("--jobs takes a number from 1 to 256");
            opt->jobs = (int)j;
            break;
        }
        case OPT_KEEP_PRIVATE_IP: opt->keep_private_ip = 1; break;
        case OPT_MASK_PRIVATE_IP: opt->keep_private_ip = 0; break;
        case OPT_LIST_RULES: opt->mode = MODE_LIST_RULES; break;
        case OPT_LINE_BUFFERED: opt->line_buffered = 1; break;
        case OPT_CACHE_DIR: opt->cache_dir = optarg; break;
        case OPT_NO_CACHE: opt->no_cache = 1; break;
        case OPT_MMEXTERNAL:
            opt->mode = MODE_MMEXTERNAL;
            if (optarg && strcmp(optarg, "fulljson") == 0)
                opt->mmexternal_fulljson = 1;
            else if (optarg && strcmp(optarg, "msg") != 0)
                return usage_error("--rsyslog-mmexternal takes msg or fulljson");
            break;
        case OPT_OMPROG: opt->mode = MODE_OMPROG; break;
        case OPT_LOG_FILE: opt->log_file = optarg; break;
        case OPT_KEEP_BINARY: opt->keep_binary = 1; break;
        case OPT_BUFFER_SIZE:
            if (parse_size(optarg, &opt->buffer_size) || opt->buffer_size > (512u << 20))
                return usage_error("--buffer-size takes a size up to 512M");
            break;
        case OPT_MAX_MEMBERS:
        case OPT_MAX_TOTAL_SIZE:
        case OPT_MAX_RATIO: {
            size_t v;
            if (parse_size(optarg, &v) || v == 0)
                return usage_error("--max-members, --max-total-size and --max-ratio take a "
                                   "positive number");
            if (c == OPT_MAX_MEMBERS)
                opt->max_members = v;
            else if (c == OPT_MAX_TOTAL_SIZE)
                opt->max_total_size = v;
            else
                opt->max_ratio = v;
            break;
        }
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case 'V':
            printf("phiscrub %s\n", PHISCRUB_VERSION_STRING);
            return EXIT_OK;
        default: return usage_error("invalid option");
        }
    }
    if (bad)
        return EXIT_USAGE;
    opt->inputs = argv + optind;
    opt->ninputs = argc - optind;
    if (opt->mode == MODE_BUNDLE && (opt->ninputs != 1 || !opt->output))
        return usage_error("bundle takes one input (folder or archive) and -o OUT");
    if (opt->mode == MODE_OMPROG && !opt->output)
        return usage_error("--rsyslog-omprog needs -o FILE");
    if ((opt->mode == MODE_MMEXTERNAL || opt->mode == MODE_OMPROG) && opt->ninputs)
        return usage_error("the rsyslog modes read standard input only");
    return -1;
}
