/* test_rules.c — loading and compiling rule files: every schema error
 * names file:line:col, bad patterns are refused before anything runs,
 * overrides and pack selection behave, the roster and allow list work, and
 * a key's value starts after the separator's blanks and quote.
 * Rule texts are inline and tiny so each case states exactly one thing. */
#include "test.h"

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static phiscrub_status load(const char *yaml, phiscrub_error *err, phiscrub_rules **out)
{
    phiscrub_config *cfg;
    assert_int_equal(phiscrub_config_new(&cfg), PHISCRUB_OK);
    memset(err, 0, sizeof *err);
    phiscrub_status st = phiscrub_config_add_rules_text(cfg, "t.yaml", yaml, strlen(yaml), err);
    if (st == PHISCRUB_OK)
        st = phiscrub_rules_compile(cfg, out, err);
    phiscrub_config_free(cfg);
    return st;
}

/* Compiles a rule text that must be valid. */
static phiscrub_rules *load_ok(const char *yaml)
{
    phiscrub_error err;
    phiscrub_rules *r = NULL;
    phiscrub_status st = load(yaml, &err, &r);
    if (st != PHISCRUB_OK)
        fail_msg("status %d: %s", st, err.message);
    return r;
}

static void expect_error(const char *yaml, phiscrub_status want, unsigned line, const char *needle)
{
    phiscrub_error err;
    phiscrub_rules *r = NULL;
    phiscrub_status st = load(yaml, &err, &r);
    phiscrub_rules_free(r);
    if (st != want)
        fail_msg("status %d, want %d (%s)", st, want, err.message);
    assert_string_equal(err.file, line || strstr(needle, "YAML") ? "t.yaml" : "");
    if (line)
        assert_int_equal(err.line, line);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' lacks '%s'", err.message, needle);
}

static void test_schema_errors(void **state)
{
    (void)state;
    expect_error("rules:\n  - id: a\n    category: X\n    patern: 'x'\n", PHISCRUB_ERR_CONFIG, 4,
                 "unknown rule key");
    expect_error("rules:\n  - id: a\n    pattern: 'abc'\n", PHISCRUB_ERR_CONFIG, 2, "no category");
    expect_error("rules:\n  - id: a\n    category: X\n", PHISCRUB_ERR_CONFIG, 2, "no pattern");
    expect_error("rules:\n  - id: Bad Id\n    category: X\n    pattern: 'abc'\n",
                 PHISCRUB_ERR_CONFIG, 2, "rule id");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'abc'\n    validator: nope\n",
                 PHISCRUB_ERR_CONFIG, 5, "unknown validator");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: '{{NOPE}}'\n",
                 PHISCRUB_ERR_CONFIG, 4, "unknown macro");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: '{{list:nope}}'\n",
                 PHISCRUB_ERR_CONFIG, 4, "unknown word list");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'abc'\n    window: -1\n",
                 PHISCRUB_ERR_CONFIG, 5, "whole number");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'abc'\n    one_segment: true\n",
                 PHISCRUB_ERR_CONFIG, 2, "one_segment: apply to rules with a key");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'abc'\n    between: ' on '\n",
                 PHISCRUB_ERR_CONFIG, 2, "between: needs a key and a pattern");
    expect_error("rules:\n  - id: a\n    category: X\n    key: 'k='\n    pattern: 'abc'\n"
                 "    between: ' on '\n    mask: all\n",
                 PHISCRUB_ERR_CONFIG, 2, "between: needs a key and a pattern");
    expect_error("rules: [\n", PHISCRUB_ERR_CONFIG, 0, "YAML");
    expect_error("bogus: 1\nrules: []\n", PHISCRUB_ERR_CONFIG, 1, "unknown top-level key");
    expect_error("rules: []\n", PHISCRUB_ERR_CONFIG, 0, "no rules are active");
}

static void test_pattern_errors(void **state)
{
    (void)state;
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'ab+'\n", PHISCRUB_ERR_PATTERN,
                 2, "bound every repeat");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'a{0,3}'\n",
                 PHISCRUB_ERR_PATTERN, 2, "empty string");
    expect_error("rules:\n  - id: a\n    category: X\n    pattern: 'a(b'\n", PHISCRUB_ERR_PATTERN,
                 2, "does not compile");
    phiscrub_error err;
    phiscrub_rules *r = NULL;
    assert_int_equal(load("rules:\n  - id: a\n    category: X\n    pattern: 'ab+'\n", &err, &r),
                     PHISCRUB_ERR_PATTERN);
    assert_string_equal(err.rule_id, "a");
    char buf[512];
    phiscrub_error_format(&err, buf, sizeof buf);
    assert_non_null(strstr(buf, "t.yaml:2:1: "));
}

typedef struct {
    char out[512];
    size_t n;
} textbuf;

static phiscrub_status to_text(void *ctx, const char *data, size_t len)
{
    textbuf *t = ctx;
    assert_true(t->n + len < sizeof t->out);
    memcpy(t->out + t->n, data, len);
    t->n += len;
    t->out[t->n] = '\0';
    return PHISCRUB_OK;
}

static void scrub_expect(const phiscrub_rules *r, const char *in, const char *want)
{
    textbuf t = {.n = 0};
    phiscrub_stream *s;
    assert_int_equal(phiscrub_stream_new(r, NULL, to_text, &t, &s), PHISCRUB_OK);
    assert_int_equal(phiscrub_stream_write(s, in, strlen(in)), PHISCRUB_OK);
    assert_int_equal(phiscrub_stream_finish(s), PHISCRUB_OK);
    phiscrub_stream_free(s);
    assert_string_equal(t.out, want);
}

static const char base_yaml[] = "pack: one\n"
                                "rules:\n"
                                "  - id: digits\n"
                                "    category: NUM\n"
                                "    pattern: 'N[0-9]{3}'\n"
                                "  - id: word\n"
                                "    category: WORD\n"
                                "    pattern: 'XYZ'\n"
                                "    replacement: '***'\n";

static void test_override_disable_and_packs(void **state)
{
    (void)state;
    phiscrub_config *cfg;
    phiscrub_rules *r;
    phiscrub_error err;
    assert_int_equal(phiscrub_config_new(&cfg), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_rules_text(cfg, "one.yaml", base_yaml,
                                                    strlen(base_yaml), &err),
                     PHISCRUB_OK);
    static const char over[] = "pack: two\n"
                               "rules:\n"
                               "  - id: digits\n"
                               "    category: NUM\n"
                               "    pattern: 'N[0-9]{2}'\n"
                               "    replacement: '<n>'\n"
                               "  - id: word\n"
                               "    enabled: false\n";
    assert_int_equal(phiscrub_config_add_rules_text(cfg, "two.yaml", over, strlen(over), &err),
                     PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &r, &err), PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_count(r), 1);
    phiscrub_rule_info ri;
    assert_int_equal(phiscrub_rules_info(r, 0, &ri), PHISCRUB_OK);
    assert_string_equal(ri.pack, "two");
    scrub_expect(r, "a N12 XYZ\n", "a <n> XYZ\n");
    phiscrub_rules_free(r);

    /* Disabling the only pack leaves nothing: a config error. */
    assert_int_equal(phiscrub_config_disable_pack(cfg, "two"), PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &r, &err), PHISCRUB_ERR_CONFIG);
    assert_int_equal(phiscrub_config_enable_pack(cfg, "nosuch"), PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &r, &err), PHISCRUB_ERR_CONFIG);
    assert_non_null(strstr(err.message, "unknown rule pack"));
    phiscrub_config_free(cfg);
}

static void test_roster_and_allow(void **state)
{
    (void)state;
    phiscrub_config *cfg;
    phiscrub_rules *r;
    phiscrub_error err;
    assert_int_equal(phiscrub_config_new(&cfg), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_rules_text(cfg, "one.yaml", base_yaml,
                                                    strlen(base_yaml), &err),
                     PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_name(cfg, "Rosalind Q. Achterberg"), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_name(cfg, "Núñez, José"), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_allow(cfg, "Clinic N123"), PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &r, &err), PHISCRUB_OK);
    scrub_expect(r, "rosalind q. achterberg came\n", "[NAME] came\n");
    scrub_expect(r, "Rosalind  Achterberg / ACHTERBERG, ROSALIND / ACHTERBERG^ROSALIND\n",
                 "[NAME] / [NAME] / [NAME]\n");
    scrub_expect(r, "José Núñez and Núñez, José\n", "[NAME] and [NAME]\n");
    scrub_expect(r, "Rosalinda Achterbergs\n", "Rosalinda Achterbergs\n");
    /* N123 inside the allowed term is kept; elsewhere it is masked. */
    scrub_expect(r, "at clinic n123: N123\n", "at clinic n123: [NUM]\n");
    phiscrub_rules_free(r);
    /* naming packs keeps the roster; only disabling "roster" drops it */
    assert_int_equal(phiscrub_config_enable_pack(cfg, "one"), PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &r, &err), PHISCRUB_OK);
    scrub_expect(r, "rosalind q. achterberg came\n", "[NAME] came\n");
    phiscrub_rules_free(r);
    assert_int_equal(phiscrub_config_disable_pack(cfg, "roster"), PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &r, &err), PHISCRUB_OK);
    scrub_expect(r, "rosalind q. achterberg came\n", "rosalind q. achterberg came\n");
    phiscrub_rules_free(r);
    phiscrub_config_free(cfg);
}

/* A key ends on its separator; the blanks, JSON '[' and quote after it are
 * skipped before the value (match.c value_start), up to VALUE_LEAD_MAX. */
static void test_value_lead(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: acct\n"
                               "    category: ACCT\n"
                               "    key: '\\bacct[\"'']? ?[:=]'\n"
                               "    pattern: '\\d{4}\\b'\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "acct=1234\n", "acct=[ACCT]\n");
    scrub_expect(r, "acct :   1234\n", "acct :   [ACCT]\n");
    scrub_expect(r, "{\"acct\": \"1234\"}\n", "{\"acct\": \"[ACCT]\"}\n");
    scrub_expect(r, "{\"acct\":[ \"1234\"]}\n", "{\"acct\":[ \"[ACCT]\"]}\n");
    scrub_expect(r, "acct='1234'\n", "acct='[ACCT]'\n");
    scrub_expect(r, "acct=    1234\n", "acct=    1234\n");   /* 4 blanks: not a lead */
    scrub_expect(r, "acct=[1234]\n", "acct=[1234]\n");      /* '[' only before a quote */
    scrub_expect(r, "acct=\"\"1234\n", "acct=\"\"1234\n"); /* one quote */
    phiscrub_rules_free(r);
}

/* between: words after the key, before the value, are neither part of the
 * key nor masked; every place they can end is tried as the value's start. */
static void test_between(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: visit\n"
                               "    category: DAY\n"
                               "    key: '\\bvisit\\b'\n"
                               "    between: '[a-z ]{0,20} (?:on|at) '\n"
                               "    pattern: '\\d{4}\\b'\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "visit is on 1234 ok\n", "visit is on [DAY] ok\n");
    scrub_expect(r, "visit on 1234\n", "visit on [DAY]\n");
    scrub_expect(r, "visit 1234\n", "visit 1234\n"); /* between: cannot be left out */
    scrub_expect(r, "visit is at home on 1234\n", "visit is at home on [DAY]\n");
    scrub_expect(r, "visit was moved on\n1234\n", "visit was moved on\n1234\n");
    scrub_expect(r, "visit is on \"1234\"\n", "visit is on \"[DAY]\"\n");
    phiscrub_rules_free(r);
}

/* A mask that stops where a word goes on in non-ASCII letters is carried
 * to the end of the word (match.c word_end): half a name must not leak. */
static void test_mask_ends_on_word(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: nm\n"
                               "    category: NAME\n"
                               "    pattern: 'Tr[a-z]{0,3}'\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "x Tr\xe1\xba\xa7n, y\n", "x [NAME], y\n");       /* Trần */
    scrub_expect(r, "x Tra\xce\xb1" "bc d\n", "x [NAME] d\n");       /* Greek inside */
    scrub_expect(r, "x Trabcdef\n", "x [NAME]def\n");                 /* ASCII: as matched */
    scrub_expect(r, "x Tra\xe2\x80\x99s\n", "x [NAME]\n");           /* Tra’s: over-masks */
    char longer[128];
    snprintf(longer, sizeof longer, "x Tr%s!\n",
             "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
             "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
    scrub_expect(r, longer, "x [NAME]\xc3\xa9!\n"); /* at most 32 bytes more */
    phiscrub_rules_free(r);
}

/* keep: true protects what the rule matches (a keyed rule: its value):
 * masks wholly inside are dropped, masks reaching outside stay. */
static void test_keep_rules(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: nm\n"
                               "    category: NAME\n"
                               "    pattern: 'Rose(?:\"? Lee)?'\n"
                               "  - id: org\n"
                               "    category: ORG\n"
                               "    key: 'Aesthetics'\n"
                               "    before: '\\b[A-Z][a-z]{1,9} '\n"
                               "    keep: true\n"
                               "  - id: org-keyed\n"
                               "    category: ORG\n"
                               "    key: 'clinic='\n"
                               "    pattern: '[A-Za-z ]{1,20}\"'\n"
                               "    keep: true\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "at Rose Aesthetics, Rose\n", "at Rose Aesthetics, [NAME]\n");
    scrub_expect(r, "clinic=\"Rose Lee\" Rose\n", "clinic=\"Rose Lee\" [NAME]\n");
    /* a mask that reaches past the kept text stays */
    scrub_expect(r, "clinic=\"Spa Rose\" Lee\n", "clinic=\"Spa [NAME]\n");
    /* no business word, no quote: nothing is kept */
    scrub_expect(r, "at Rose Lee, clinic=Rose Lee\n", "at [NAME], clinic=[NAME]\n");
    phiscrub_rules_free(r);
    expect_error("pack: one\nrules:\n  - id: k\n    category: X\n    pattern: 'a'\n"
                 "    numeric: true\n    keep: true\n",
                 PHISCRUB_ERR_CONFIG, 3, "keep:");
}

/* whole_run: a numeric match continued by its separator and a digit is
 * part of a longer run (an OID, a version), on either side; the same
 * pattern without it matches inside the run. */
static void test_whole_run(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: quad\n"
                               "    category: IP\n"
                               "    numeric: true\n"
                               "    whole_run: true\n"
                               "    pattern: '\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b'\n"
                               "  - id: ssn\n"
                               "    category: SSN\n"
                               "    numeric: true\n"
                               "    pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b'\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "uid=1.2.840.113619.2.55.3.4 x\n", "uid=1.2.840.113619.2.55.3.4 x\n");
    scrub_expect(r, "pkg 10.2.3.4.5 y 10.2.3.4:80\n", "pkg 10.2.3.4.5 y [IP]:80\n");
    scrub_expect(r, "from 203.0.113.45. Bye\n", "from [IP]. Bye\n");
    /* a different separator does not continue the run */
    scrub_expect(r, "at 2024-203.0.113.45-x\n", "at 2024-[IP]-x\n");
    /* without whole_run, a match inside a longer run stands */
    scrub_expect(r, "ref 2024-123-45-6789\n", "ref 2024-[SSN]\n");
    phiscrub_rules_free(r);
    expect_error("pack: one\nrules:\n  - id: k\n    category: X\n    pattern: 'a'\n"
                 "    whole_run: true\n",
                 PHISCRUB_ERR_CONFIG, 3, "whole_run:");
}

/* mask: before masks what before: matched and keeps the key that said
 * what it is; a key without its before: part masks nothing. (The
 * common-word check needs the core pack's list: test_packs runs the
 * name-before-identifier examples with it.) */
static void test_mask_before(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: nm\n"
                               "    category: NAME\n"
                               "    key: ' \\(DOB'\n"
                               "    before: '\\b[A-Z][a-z]{1,20} [A-Z][a-z]{1,20}'\n"
                               "    mask: before\n"
                               "    validator: person_name_weak\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "result for Saoirse Kim (DOB on file)\n", "result for [NAME] (DOB on file)\n");
    scrub_expect(r, "see Results (DOB on file)\n", "see Results (DOB on file)\n");
    scrub_expect(r, "(DOB on file)\n", "(DOB on file)\n");
    phiscrub_rules_free(r);
    expect_error("pack: one\nrules:\n  - id: k\n    category: X\n    key: 'a='\n"
                 "    pattern: 'b'\n    before: 'c'\n    mask: before\n",
                 PHISCRUB_ERR_CONFIG, 3, "mask: before");
    expect_error("pack: one\nrules:\n  - id: k\n    category: X\n    key: 'a='\n"
                 "    pattern: 'b'\n    mask: before\n",
                 PHISCRUB_ERR_CONFIG, 3, "mask: before");
}

/* Cue words (context:, not_context:) start a word: "ver " vetoes
 * "ver 12345" but not "River 12345"; a cue that starts with punctuation
 * may follow anything. */
static void test_cue_words(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: n\n"
                               "    category: NUM\n"
                               "    pattern: '\\b\\d{5}\\b'\n"
                               "    not_context: ['ver ', '#v']\n"
                               "    not_window: 16\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "app ver 12345\n", "app ver 12345\n");
    scrub_expect(r, "River 12345\n", "River [NUM]\n");
    scrub_expect(r, "build_ver 12345\n", "build_ver 12345\n");
    scrub_expect(r, "x#v 12345\n", "x#v 12345\n");
    phiscrub_rules_free(r);
}

/* record_tuple: takes a key and nothing else. */
static void test_record_tuple_errors(void **state)
{
    (void)state;
    expect_error("pack: one\nrules:\n  - id: t\n    category: X\n    pattern: 'a'\n"
                 "    record_tuple: true\n",
                 PHISCRUB_ERR_CONFIG, 3, "record_tuple");
    expect_error("pack: one\nrules:\n  - id: t\n    category: X\n    key: '\\)=\\('\n"
                 "    pattern: 'a'\n    record_tuple: true\n",
                 PHISCRUB_ERR_CONFIG, 3, "record_tuple");
}

/* Fields of a patient row (records.c): ids and dates are labelled; an
 * event timestamp with seconds and a provider's NPI are not. */
static void test_record_fields(void **state)
{
    (void)state;
    static const char yaml[] = "pack: one\n"
                               "rules:\n"
                               "  - id: em\n"
                               "    category: EMAIL\n"
                               "    pattern: '[a-z]{1,9}@x\\.org'\n"
                               "  - id: rid\n"
                               "    category: MRN\n"
                               "    record_field: id\n"
                               "    requires: [EMAIL]\n"
                               "  - id: rdate\n"
                               "    category: DATE\n"
                               "    record_field: date\n"
                               "    requires: [EMAIL]\n";
    phiscrub_rules *r = load_ok(yaml);
    scrub_expect(r, "A0511725,2024-11-04T15:51:41.508Z,a@x.org,1234567893,12/01/2024,2024-12-01 09:30:00,"
                    "2024-11-04 15:51:41\n",
                 "[MRN],2024-11-04T15:51:41.508Z,[EMAIL],1234567893,[DATE],[DATE],"
                 "2024-11-04 15:51:41\n");
    /* the clinic's toll-free line is not the patient's */
    scrub_expect(r, "A0511725,a@x.org,8884723900,18005550199,8224723900\n",
                 "[MRN],[EMAIL],8884723900,18005550199,[MRN]\n");
    /* ';' and tab rows too; "; " is prose */
    scrub_expect(r, "A0511725;a@x.org;12/01/2024;x\n", "[MRN];[EMAIL];[DATE];x\n");
    scrub_expect(r, "A0511725\ta@x.org\t12/01/2024\tx\n", "[MRN]\t[EMAIL]\t[DATE]\tx\n");
    scrub_expect(r, "job A0511725; mail a@x.org; due 12/01/2024\n",
                 "job A0511725; mail [EMAIL]; due 12/01/2024\n");
    /* one digit off: not an NPI, so an identifier */
    scrub_expect(r, "A0511725,a@x.org,1234567894,x,y\n", "[MRN],[EMAIL],[MRN],x,y\n");
    /* PostgreSQL prints the failing row of a constraint error */
    scrub_expect(r, "DETAIL:  Failing row contains (7b02c0c7-aaa1-4abd-bee9-0957efa493d9, 73160585, "
                    "b@x.org, 2024-10-01, null).\n",
                 "DETAIL:  Failing row contains (7b02c0c7-aaa1-4abd-bee9-0957efa493d9, [MRN], "
                 "[EMAIL], [DATE], null).\n");
    /* no evidence, no record */
    scrub_expect(r, "A0511725,2024-11-04,none,x,y\n", "A0511725,2024-11-04,none,x,y\n");
    phiscrub_rules_free(r);
}

static void test_file_errors(void **state)
{
    (void)state;
    phiscrub_config *cfg;
    phiscrub_error err;
    assert_int_equal(phiscrub_config_new(&cfg), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_rules_file(cfg, "/nonexistent/rules.yaml", &err),
                     PHISCRUB_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/rules.yaml");
    assert_int_equal(phiscrub_config_add_names_file(cfg, "/nonexistent/names", &err),
                     PHISCRUB_ERR_IO);
    assert_int_equal(phiscrub_config_add_rules_file(NULL, "x", &err), PHISCRUB_ERR_ARG);
    assert_int_equal(phiscrub_config_set_flags(cfg, 1u << 30), PHISCRUB_ERR_ARG);
    phiscrub_config_free(cfg);
    phiscrub_config_free(NULL);
    phiscrub_rules_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_errors),
        cmocka_unit_test(test_pattern_errors),
        cmocka_unit_test(test_override_disable_and_packs),
        cmocka_unit_test(test_roster_and_allow),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_value_lead),
        cmocka_unit_test(test_between),
        cmocka_unit_test(test_mask_ends_on_word),
        cmocka_unit_test(test_keep_rules),
        cmocka_unit_test(test_whole_run),
        cmocka_unit_test(test_mask_before),
        cmocka_unit_test(test_record_fields),
        cmocka_unit_test(test_record_tuple_errors),
        cmocka_unit_test(test_cue_words),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
