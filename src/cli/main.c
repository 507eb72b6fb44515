/* main.c — phiscrub's entry point: options -> configuration -> compiled
 * rules -> the chosen mode. Only this file maps statuses to exit codes. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "daemon_log.h"
#include "signals.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void cli_error(const char *what, const char *why)
{
    fprintf(stderr, "phiscrub: %s: %s\n", what, why);
    daemon_log_error(what, why);
}

/* The cache folder: --cache-dir, $PHISCRUB_CACHE_DIR, $XDG_CACHE_HOME/phiscrub,
 * ~/.cache/phiscrub. rsyslog starts programs with an empty environment, so
 * there may be none: then the rules are compiled at every start. */
static const char *cache_dir(const cli_options *opt, char *buf, size_t size)
{
    if (opt->no_cache)
        return NULL;
    if (opt->cache_dir)
        return opt->cache_dir;
    const char *env = getenv("PHISCRUB_CACHE_DIR");
    if (env && *env)
        return env;
    env = getenv("XDG_CACHE_HOME");
    if (env && *env) {
        snprintf(buf, size, "%s/phiscrub", env);
        return buf;
    }
    env = getenv("HOME");
    if (env && *env) {
        snprintf(buf, size, "%s/.cache", env);
        mkdir(buf, 0700); /* the cache itself is created by the library */
        snprintf(buf, size, "%s/.cache/phiscrub", env);
        return buf;
    }
    return NULL;
}

static int config_failed(phiscrub_status st, const phiscrub_error *err)
{
    char msg[600];
    phiscrub_error_format(err, msg, sizeof msg);
    fprintf(stderr, "phiscrub: %s\n", msg[0] ? msg : phiscrub_strerror(st));
    daemon_log_error("configuration", msg[0] ? msg : phiscrub_strerror(st));
    return st == PHISCRUB_ERR_NOMEM || st == PHISCRUB_ERR_PLATFORM ? EXIT_INTERNAL : EXIT_USAGE;
}

static int build_rules(const cli_options *opt, phiscrub_rules **out)
{
    phiscrub_config *cfg;
    phiscrub_error err;
    memset(&err, 0, sizeof err);
    char dir[4096];
    phiscrub_status st = phiscrub_config_new(&cfg);
    if (st == PHISCRUB_OK)
        st = phiscrub_config_add_builtin_packs(cfg, &err);
    for (size_t i = 0; st == PHISCRUB_OK && i < opt->nrules; i++)
        st = phiscrub_config_add_rules_file(cfg, opt->rules[i], &err);
    for (size_t i = 0; st == PHISCRUB_OK && i < opt->nnames; i++)
        st = phiscrub_config_add_names_file(cfg, opt->names[i], &err);
    for (size_t i = 0; st == PHISCRUB_OK && i < opt->nallow; i++)
        st = phiscrub_config_add_allow_file(cfg, opt->allow[i], &err);
    for (size_t i = 0; st == PHISCRUB_OK && i < opt->npacks_on; i++)
        st = phiscrub_config_enable_pack(cfg, opt->packs_on[i]);
    for (size_t i = 0; st == PHISCRUB_OK && i < opt->npacks_off; i++)
        st = phiscrub_config_disable_pack(cfg, opt->packs_off[i]);
    if (st == PHISCRUB_OK && opt->keep_private_ip)
        st = phiscrub_config_set_flags(cfg, PHISCRUB_KEEP_PRIVATE_IP);
    if (st == PHISCRUB_OK)
        st = phiscrub_config_set_cache_dir(cfg, cache_dir(opt, dir, sizeof dir));
    if (st == PHISCRUB_OK)
        st = phiscrub_rules_compile(cfg, out, &err);
    phiscrub_config_free(cfg);
    return st == PHISCRUB_OK ? EXIT_OK : config_failed(st, &err);
}

static int list_rules(const phiscrub_rules *rules)
{
    printf("%-8s %-26s %-9s %-12s %-14s %s\n", "PACK", "ID", "CATEGORY", "VALIDATOR",
           "REPLACEMENT", "SOURCE");
    for (size_t i = 0; i < phiscrub_rules_count(rules); i++) {
        phiscrub_rule_info ri;
        phiscrub_rules_info(rules, i, &ri);
        printf("%-8s %-26s %-9s %-12s %-14s %s\n", ri.pack, ri.id, ri.category,
               ri.validator[0] ? ri.validator : "-", ri.replacement, ri.source);
    }
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}

void print_stats(const phiscrub_rules *rules, const phiscrub_stream *s, double seconds)
{
    phiscrub_stats st;
    phiscrub_stream_stats(s, &st);
    double mb = (double)st.bytes_in / 1e6;
    fprintf(stderr, "phiscrub: %llu bytes in, %llu bytes out, %.3f s, %.1f MB/s\n",
            (unsigned long long)st.bytes_in, (unsigned long long)st.bytes_out, seconds,
            seconds > 0 ? mb / seconds : 0.0);
    fprintf(stderr, "phiscrub: %zu rules, database %zu bytes, %s %.1f ms, %llu candidates\n",
            phiscrub_rules_count(rules), phiscrub_rules_database_size(rules),
            phiscrub_rules_from_cache(rules) ? "loaded from cache, compile skipped;"
                                             : "compiled in",
            phiscrub_rules_compile_ms(rules), (unsigned long long)st.candidates);
    for (size_t c = 0; c < phiscrub_rules_category_count(rules); c++) {
        uint64_t n = phiscrub_stream_category_masks(s, c);
        if (n)
            fprintf(stderr, "phiscrub: %-10s %llu\n", phiscrub_rules_category_name(rules, c),
                    (unsigned long long)n);
    }
    fprintf(stderr, "phiscrub: %-10s %llu\n", "total", (unsigned long long)st.masks);
}

int main(int argc, char **argv)
{
    cli_options opt;
    int mmexternal = mmexternal_prepare(argc, argv);
    int rc = options_parse(argc, argv, &opt);
    if (rc >= 0 && mmexternal && rc != EXIT_OK) {
        /* rsyslog would pass every message on unredacted if we exited. */
        daemon_log_setup(NULL, 1);
        signals_install();
        return run_mmexternal(NULL, NULL);
    }
    if (rc >= 0)
        return rc;
    daemon_log_setup(opt.log_file, opt.mode == MODE_MMEXTERNAL || opt.mode == MODE_OMPROG);
    signals_install();
    phiscrub_rules *rules = NULL;
    rc = build_rules(&opt, &rules);
    if (rc != EXIT_OK && opt.mode == MODE_MMEXTERNAL)
        return run_mmexternal(&opt, NULL);
    if (rc != EXIT_OK)
        return rc;
    switch (opt.mode) {
    case MODE_LIST_RULES: rc = list_rules(rules); break;
    case MODE_FILTER: rc = run_filter(&opt, rules); break;
    case MODE_MMEXTERNAL: rc = run_mmexternal(&opt, rules); break;
    case MODE_OMPROG: rc = run_omprog(&opt, rules); break;
    case MODE_BUNDLE: rc = run_bundle(&opt, rules); break;
    }
    phiscrub_rules_free(rules);
    return rc;
}
