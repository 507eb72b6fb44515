/* test_packs.c — runs the examples every built-in rule documents.
 *
 * Each rule in the patterns/ packs carries `examples: {match: [...], keep: [...]}`.
 * With all default packs active, a `match` example must come out changed and
 * carry the rule's replacement (so a rule can never silently stop matching),
 * and a `keep` example must come out byte-identical (so no rule in any pack
 * eats it). The whole-pack run is deliberate: decoys have to survive every
 * rule, not just the one that documents them.
 *
 * A `keep: true` rule protects what it matches, so its `match` examples must
 * come out unchanged, and changed once every keep rule is turned off (else
 * the example shows nothing the rule does). */
#include "test_support.h"

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *scrub(const phiscrub_rules *rules, const char *in)
{
    growbuf b = {0};
    phiscrub_stream *s;
    assert_int_equal(phiscrub_stream_new(rules, NULL, growbuf_sink, &b, &s), PHISCRUB_OK);
    /* YAML examples write "\n" for a line break inside JSON text; keep it literal. */
    assert_int_equal(phiscrub_stream_write(s, in, strlen(in)), PHISCRUB_OK);
    assert_int_equal(phiscrub_stream_finish(s), PHISCRUB_OK);
    phiscrub_stream_free(s);
    return b.p ? b.p : calloc(1, 1);
}

/* The built-in packs with every keep rule of `rules` turned off. */
static phiscrub_rules *without_keep_rules(const phiscrub_rules *rules)
{
    growbuf over = {0};
    const char head[] = "pack: no-keep\nrules:\n";
    growbuf_sink(&over, head, sizeof head - 1);
    for (size_t i = 0; i < rules->nrules; i++) {
        if (!rules->rules[i].keep)
            continue;
        char line[200];
        int n = snprintf(line, sizeof line, "  - id: %s\n    enabled: false\n", rules->rules[i].id);
        growbuf_sink(&over, line, (size_t)n);
    }
    phiscrub_config *cfg;
    phiscrub_rules *out = NULL;
    phiscrub_error err;
    assert_int_equal(phiscrub_config_new(&cfg), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_builtin_packs(cfg, &err), PHISCRUB_OK);
    assert_int_equal(phiscrub_config_add_rules_text(cfg, "no-keep", over.p, over.n, &err),
                     PHISCRUB_OK);
    assert_int_equal(phiscrub_rules_compile(cfg, &out, &err), PHISCRUB_OK);
    phiscrub_config_free(cfg);
    free(over.p);
    return out;
}

static int check_keep_rule_example(const phiscrub_rules *rules, const phiscrub_rules *no_keep,
                                   const compiled_rule *ru, const char *ex)
{
    char *with = scrub(rules, ex), *without = scrub(no_keep, ex);
    int failed = strcmp(with, ex) != 0 || strcmp(without, ex) == 0;
    if (failed)
        fprintf(stderr,
                "rule %s: match example must be kept, and masked without keep rules:\n"
                "  in:      %s\n  out:     %s\n  no keep: %s\n",
                ru->id, ex, with, without);
    free(with);
    free(without);
    return failed;
}

static void test_every_example(void **state)
{
    const phiscrub_rules *rules = *state;
    phiscrub_rules *no_keep = without_keep_rules(rules);
    int failures = 0, checked = 0, keep_rules = 0;
    for (size_t i = 0; i < rules->nrules; i++) {
        const compiled_rule *ru = &rules->rules[i];
        if (ru->ex_match.n == 0 || ru->ex_keep.n == 0) {
            fprintf(stderr, "rule %s (%s) documents no match or no keep example\n", ru->id,
                    ru->source);
            failures++;
        }
        keep_rules += ru->keep;
        for (size_t k = 0; ru->keep && k < ru->ex_match.n; k++, checked++)
            failures += check_keep_rule_example(rules, no_keep, ru, ru->ex_match.v[k]);
        for (size_t k = 0; !ru->keep && k < ru->ex_match.n; k++, checked++) {
            char *out = scrub(rules, ru->ex_match.v[k]);
            if (!strcmp(out, ru->ex_match.v[k]) || !strstr(out, ru->replacement)) {
                fprintf(stderr, "rule %s: match example not masked as %s:\n  in:  %s\n  out: %s\n",
                        ru->id, ru->replacement, ru->ex_match.v[k], out);
                failures++;
            }
            free(out);
        }
        for (size_t k = 0; k < ru->ex_keep.n; k++, checked++) {
            char *out = scrub(rules, ru->ex_keep.v[k]);
            if (strcmp(out, ru->ex_keep.v[k]) != 0) {
                fprintf(stderr, "rule %s: keep example changed:\n  in:  %s\n  out: %s\n", ru->id,
                        ru->ex_keep.v[k], out);
                failures++;
            }
            free(out);
        }
    }
    phiscrub_rules_free(no_keep);
    fprintf(stderr, "%d examples checked across %zu rules (%d keep rules)\n", checked,
            rules->nrules, keep_rules);
    assert_true(checked > 100);
    assert_true(keep_rules > 0);
    assert_int_equal(failures, 0);
}

/* The smoke line from the project's checklist: every PHI masked, the
 * timestamp kept. */
static void test_checklist_line(void **state)
{
    const char *line = "2026-11-22T10:00:01Z portal[88]: login patient=\"Rosalind Achterberg\" "
                       "dob=1959-02-27 mobile=(415) 555-0187 email=r.achterberg@example.org "
                       "card=4012 8888 8888 1881\n";
    char *out = scrub(*state, line);
    static const char *const phi[] = {"Achterberg", "1959-02-27", "555-0187", "r.achterberg@",
                                      "8888 1881"};
    for (size_t i = 0; i < sizeof phi / sizeof *phi; i++)
        if (strstr(out, phi[i]))
            fail_msg("'%s' survived: %s", phi[i], out);
    assert_non_null(strstr(out, "2026-11-22T10:00:01Z portal[88]: login "));
    free(out);
}

static void expect_scrub(const phiscrub_rules *rules, const char *in, const char *want)
{
    char *out = scrub(rules, in);
    if (strcmp(out, want) != 0)
        fail_msg("\n  in:   %s  out:  %s  want: %s", in, out, want);
    free(out);
}

/* Key-less name fields of a patient row, found through the name lists: a
 * lone given name or surname field, in capitals too, wherever it stands;
 * the whole "Surname, Given" field even when its given name alone was
 * found first; order and invoice numbers stay. */
static void test_record_names(void **state)
{
    const phiscrub_rules *r = *state;
    expect_scrub(r, "362672,(718) 941-3387,Yoon,ronald_yoon@att.net,Ronald\n",
                 "[MRN],[PHONE],[NAME],[EMAIL],[NAME]\n");
    expect_scrub(r, "87144,03/21/1994,Tucker,990705,Ethan,ethan-t@cox.net\n",
                 "87144,[DOB],[NAME],[MRN],[NAME],[EMAIL]\n");
    expect_scrub(r, "ORD-15026|C-41855|FERRARI|HARPER|a.b@gmail.com|97140\n",
                 "ORD-15026|[MRN]|[NAME]|[NAME]|[EMAIL]|97140\n");
    expect_scrub(r, "06964261,\"Do, Laura\",1981-04-22,x\n", "[MRN],\"[NAME]\",[DOB],x\n");
    /* '|' rows with no other PHI that name a person themselves: a listed
     * "SURNAME, GIVEN" (a relation after it), or two listed names and a date */
    expect_scrub(r, "stmt-export A000754530|HOANG, DESHAWN|9359 CATTLEMEN PKWY||TUCSON|AZ|85715|411.30\n",
                 "stmt-export [MRN]|[NAME]|[ADDRESS]||[ADDRESS]|AZ|[ADDRESS]|411.30\n");
    expect_scrub(r, "LSP|LSP-102108|CLARK|LINDA|20170703|F|CLARK, SAGE (MOTHER)|CIGNA\n",
                 "LSP|[MRN]|[NAME]|[NAME]|[DOB]|F|[NAME] (MOTHER)|CIGNA\n");
    expect_scrub(r, "SUB|U5231290501|FERRARI|HARPER|19620420|F|Humana|ACTIVE\n",
                 "SUB|[MRN]|[NAME]|[NAME]|[DOB]|F|Humana|ACTIVE\n");
    expect_scrub(r, "STMT|15805965|FATIMA MWANGI|1784 AMITY CT|VERONA|WI|53593|1,366.29\n",
                 "STMT|[MRN]|[NAME]|[ADDRESS]|[ADDRESS]|WI|[ADDRESS]|1,366.29\n");
    expect_scrub(r, "RECALL|LV-29684|QUARZETTI|TRAVIS|1940-07-03|annual\n",
                 "RECALL|[MRN]|[NAME]|[NAME]|[DOB]|annual\n");
    /* two listed words without a date, an HL7 segment, a status row: no */
    expect_scrub(r, "route|DENVER|AURORA|east|12 stops\n", "route|DENVER|AURORA|east|12 stops\n");
    expect_scrub(r, "AIP|1||1744164348^Holloway^Laura|RES|20240301\n",
                 "AIP|1||1744164348^Holloway^Laura|RES|20240301\n");
    expect_scrub(r, "batch|VISA, APPROVED|20240301|12.00\n", "batch|VISA, APPROVED|20240301|12.00\n");
    /* no PHI on the line: an inventory row keeps its brand names */
    expect_scrub(r, "SKU-42529,Botox,Allergan,209,Tucker\n", "SKU-42529,Botox,Allergan,209,Tucker\n");
}

/* A known given name alone is a name; the same word as an English word, a
 * city before its state, an HL7 provider component or a path is not. */
static void test_given_name_alone(void **state)
{
    const phiscrub_rules *r = *state;
    expect_scrub(r, "reminder for appt_id=BK-7 (Laura) at 10:15am\n",
                 "reminder for appt_id=BK-7 ([NAME]) at 10:15am\n");
    expect_scrub(r, "approved. Evelyn wants receipt\n", "approved. [NAME] wants receipt\n");
    expect_scrub(r, "Holly jolly sale; Lance and drain\n", "Holly jolly sale; Lance and drain\n");
    expect_scrub(r, "2026-11-23 clinic in Cary, NC opened\n", "2026-11-23 clinic in Cary, NC opened\n");
    expect_scrub(r, "AIP|1||1744164348^Holloway^Laura|RES\n", "AIP|1||1744164348^Holloway^Laura|RES\n");
    expect_scrub(r, "GET /img/Laura.png 200\n", "GET /img/Laura.png 200\n");
}

/* SQL rows with their column names: each value is labelled by its column;
 * a value list that does not pair up with the columns is left alone. */
static void test_sql_tuple(void **state)
{
    const phiscrub_rules *r = *state;
    expect_scrub(r, "INSERT INTO patients (p.mrn, first_name, notes, dob) VALUES ('A123', 'O''Neil', NULL, '1980-02-03')\n",
                 "INSERT INTO patients (p.mrn, first_name, notes, dob) VALUES ('[MRN]', '[NAME]', NULL, '[DOB]')\n");
    expect_scrub(r, "Key (member_id, payer_code)=(U87109114 02, CIGNA) already exists.\n",
                 "Key (member_id, payer_code)=([MRN], CIGNA) already exists.\n");
    expect_scrub(r, "Key (user_name, created_at)=(jdoe, 2024-03-05) exists\n",
                 "Key (user_name, created_at)=(jdoe, 2024-03-05) exists\n");
    /* a prepared statement's parameters are not values */
    expect_scrub(r, "insert into patient (dob, email, first_name, id) values (?, ?, :first, $4)\n",
                 "insert into patient (dob, email, first_name, id) values (?, ?, :first, $4)\n");
    /* three columns, four values: the pairing is unknown */
    expect_scrub(r, "Key (last_name, first_name, x)=(Chen, Amber, a, b)\n",
                 "Key (last_name, first_name, x)=(Chen, Amber, a, b)\n");
}

/* A one-line HL7 message logged with "\\r" or "<CR>" between segments: the
 * PID field counts end with the segment, so the order numbers, codes and
 * providers of the segments after it stay. */
static void test_hl7_one_line(void **state)
{
    const phiscrub_rules *r = *state;
    expect_scrub(r, "raw=\"MSH|^~\\&|LAB|GCDL|EHR|BWH|20240318033821||ORU^R01|G1|P|2.5.1<CR>PID|1||00726860^^^BWH^MR||WHITE^NORMA^J||19870316|F<CR>OBR|1|ORD85609|GCDL-2596|80053^CMP^C4|||||||||||1988307918^LINDHOLM^GRETA\"\n",
                 "raw=\"MSH|^~\\&|LAB|GCDL|EHR|BWH|20240318033821||ORU^R01|G1|P|2.5.1<CR>PID|[PHI]||[MRN]||[NAME]||[DOB]|[PHI]<CR>OBR|1|ORD85609|GCDL-2596|80053^CMP^C4|||||||||||1988307918^LINDHOLM^GRETA\"\n");
    expect_scrub(r, "MSH|^~\\&|A|B|C|D|20240315035120||ORU^R01|3664|P|2.4\\rPID|1||01139718^^^CD^MR||Jenkins^Jose||20221228|M\\rORC|RE|ORD-121690|F3135307||CM||||20240315035120|||1423011950^Whitfield^Dana\n",
                 "MSH|^~\\&|A|B|C|D|20240315035120||ORU^R01|3664|P|2.4\\rPID|[PHI]||[MRN]||[NAME]||[DOB]|[PHI]\\rORC|RE|ORD-121690|F3135307||CM||||20240315035120|||1423011950^Whitfield^Dana\n");
    /* JSON escapes in a field (\u00f3) do not end the count */
    expect_scrub(r, "{\"raw\": \"MSH|^~\\\\&|A|B|C|D|20240513212252||ADT^A08|M1|P|2.5.1\\rPID|1||LSL861427^^^LSL^MR||Park^Zs\\u00f3fia||19610709|M|||3689 N Main St^^Boring^OR^97009^USA||(503)921-8252|||||ACCT-436848|731-56-5987|\\rPV1|1|O|LSL^^^LSL\"}\n",
                 "{\"raw\": \"MSH|^~\\\\&|A|B|C|D|20240513212252||ADT^A08|M1|P|2.5.1\\rPID|[PHI]||[MRN]||[NAME]||[DOB]|M|||[ADDRESS]||[PHONE]|||||[ACCOUNT]|[SSN]|\\rPV1|1|O|LSL^^^LSL\"}\n");
}

/* A masked identifier or name word is masked wherever else its line
 * repeats it, as a whole token; a name that is also a word, short numbers,
 * dates, other lines and longer tokens holding it are left alone. */
static void test_echoes(void **state)
{
    const phiscrub_rules *r = *state;
    expect_scrub(r, "consumed key=KP09462 value={\"patientId\":\"KP09462\",\"provider\":\"1530908619\"}\n",
                 "consumed key=[MRN] value={\"patientId\":\"[MRN]\",\"provider\":\"1530908619\"}\n");
    expect_scrub(r, "{\"patient\":\"Tariq Olumide\",\"note\":\"voicemail, Olumide to call back\"}\n",
                 "{\"patient\":\"[NAME]\",\"note\":\"voicemail, [NAME] to call back\"}\n");
    expect_scrub(r, "{\"patient_name\":\"OKAFOR, CRYSTAL\",\"memo\":\"OKAFOR called\"}\n",
                 "{\"patient_name\":\"[NAME]\",\"memo\":\"[NAME] called\"}\n");
    expect_scrub(r, "{\"patient\":\"Grant Hill\",\"audit\":\"Grant access to chart\"}\n",
                 "{\"patient\":\"[NAME]\",\"audit\":\"Grant access to chart\"}\n");
    expect_scrub(r, "mrn=88123456 ref 88123456-A, 88123456\nnext 88123456\n",
                 "mrn=[MRN] ref 88123456-A, [MRN]\nnext 88123456\n");
    expect_scrub(r, "2024-03-05T10:00:00Z visit_date=2024-03-05 mrn=KP0946 KP0946 port 5432\n",
                 "2024-03-05T10:00:00Z visit_date=[DATE] mrn=[MRN] KP0946 port 5432\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_example),
        cmocka_unit_test(test_checklist_line),
        cmocka_unit_test(test_record_names),
        cmocka_unit_test(test_given_name_alone),
        cmocka_unit_test(test_sql_tuple),
        cmocka_unit_test(test_echoes),
        cmocka_unit_test(test_hl7_one_line),
    };
    return cmocka_run_group_tests_name("packs", tests, builtin_rules_setup,
                                      builtin_rules_teardown);
}
