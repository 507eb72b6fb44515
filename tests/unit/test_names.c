/* test_names.c — the word sets and the person-name check behind the name
 * rules. Non-ASCII words matter here: a signed/unsigned slip once made
 * every accented word ("José") miss the given-name list. */
#include "test.h"

#include "person_name.h"

#include <string.h>

static wordset *make(const char *const *words, size_t n)
{
    strvec sv = {0};
    for (size_t i = 0; i < n; i++)
        assert_int_equal(strvec_push(&sv, words[i]), PHISCRUB_OK);
    wordset *ws = NULL;
    assert_int_equal(wordset_build(&sv, &ws), PHISCRUB_OK);
    strvec_free(&sv);
    return ws;
}

static void test_wordset_lookup(void **state)
{
    (void)state;
    static const char *const words[] = {"José", "María", "Linh", "access", "O'Neil"};
    wordset *ws = make(words, 5);
    assert_true(wordset_has(ws, "José", strlen("José")));
    assert_true(wordset_has(ws, "JOSé", strlen("JOSé"))); /* ASCII case folds */
    assert_true(wordset_has(ws, "linh", 4));
    assert_true(wordset_has(ws, "ACCESS", 6));
    assert_true(wordset_has(ws, "o'neil", 6));
    assert_false(wordset_has(ws, "Jos", 3));
    assert_false(wordset_has(ws, "Josée", strlen("Josée")));
    assert_false(wordset_has(ws, "Linh ", 5));
    assert_false(wordset_has(NULL, "x", 1));
    wordset_free(ws);
    wordset_free(NULL);
}

static void test_person_name(void **state)
{
    (void)state;
    static const char *const common[] = {"access", "retry", "service", "garden", "hello"};
    wordset *stop = make(common, 5);
#define NAME_OK(s) person_name_ok(stop, s, strlen(s))
    assert_true(NAME_OK("Jennifer Whitfield"));
    assert_true(NAME_OK("José Núñez"));
    assert_true(NAME_OK("Whitfield, Jennifer"));
    assert_true(NAME_OK("SMITH^JOHN^A"));
    assert_true(NAME_OK("Mrs. Okafor"));
    assert_false(NAME_OK("Grant Access"));
    assert_false(NAME_OK("Jordan Service"));
    assert_false(NAME_OK("Hello, Jennifer")); /* the surname slot holds a common word */
    assert_false(NAME_OK("Dr."));             /* a title alone names nobody */
    assert_false(NAME_OK(""));
    assert_true(person_name_ok(NULL, "Grant Access", 12));
#undef NAME_OK
    wordset_free(stop);
}

/* The context around a given name found alone (buf[at, at+n)). */
static bool alone(const wordset *names, const char *buf, const char *word)
{
    const char *at = strstr(buf, word);
    assert_non_null(at);
    return given_name_alone_ok(names, buf, strlen(buf), (size_t)(at - buf), strlen(word));
}

static void test_given_name_alone(void **state)
{
    (void)state;
    static const char *const english[] = {"Holly", "Reed"};
    wordset *ws = make(english, 2);
    assert_true(alone(ws, "(Laura) at 10:15", "Laura"));
    assert_true(alone(ws, "Laura", "Laura"));
    assert_true(alone(ws, "for Laura's visit", "Laura"));
    assert_true(alone(NULL, "Holly jolly", "Holly")); /* no list: no English words known */
    assert_false(alone(ws, "Holly jolly", "Holly"));
    assert_false(alone(ws, "by REED", "REED"));
    assert_false(alone(ws, "1744164348^Holloway^Laura", "Laura"));
    assert_false(alone(ws, "Laura^Holloway", "Laura"));
    assert_false(alone(ws, "/img/Laura.png", "Laura"));
    assert_false(alone(ws, "Laura-PC joined", "Laura"));
    assert_false(alone(ws, "in Cary, NC", "Cary"));
    assert_false(alone(ws, "in Cary,NC,27513", "Cary"));
    assert_true(alone(ws, "Cary, NCQA said", "Cary"));
    assert_false(alone(ws, "Jordan Service", "Jordan"));
    assert_true(alone(ws, "Jordan said", "Jordan"));
    wordset_free(ws);
}

static void test_person_name_listed(void **state)
{
    (void)state;
    static const char *const names[] = {"nguyen", "cheyenne", "stone"};
    static const char *const common[] = {"and", "not", "important", "stone"};
    wordset *ws = make(names, 3), *stop = make(common, 4);
#define LISTED(s) person_name_listed_ok(ws, stop, s, strlen(s))
    assert_true(LISTED("cheyenne nguyen"));
    assert_true(LISTED("zoë nguyen"));          /* one listed word is enough */
    assert_false(LISTED("cheyenne nguyen and")); /* a common word */
    assert_false(LISTED("not important"));
    assert_false(LISTED("jude stone"));          /* listed, but a common word too */
    assert_false(LISTED("zork quux"));           /* nothing listed */
    assert_false(person_name_listed_ok(NULL, stop, "cheyenne nguyen", 15));
#undef LISTED
    wordset_free(ws);
    wordset_free(stop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordset_lookup),
        cmocka_unit_test(test_person_name),
        cmocka_unit_test(test_given_name_alone),
        cmocka_unit_test(test_person_name_listed),
    };
    return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
