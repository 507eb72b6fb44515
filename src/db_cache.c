/* db_cache.c — a directory of serialized Hyperscan databases, one file per
 * distinct rule set, named by the SHA-256 of everything that went into it
 * (Hyperscan version, every expression, flag and id).
 *
 * A planted database could match nothing and so leak everything, so the
 * cache trusts only a directory and files owned by the current user and not
 * writable by anyone else, opened without following symlinks. Entries are
 * written to a temporary name and renamed, so a reader never sees half a file.
 * Hyperscan itself refuses a database built for another CPU or version. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_POPULATE */
#include "db_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "phiscrub-hsdb-7\n"
#define CACHE_MAX_BYTES (256u << 20)

static bool add_list(EVP_MD_CTX *md, const expr_list *l)
{
    for (size_t i = 0; i < l->expr.n; i++) {
        unsigned meta[2] = {l->flags[i], l->ids[i]};
        if (!EVP_DigestUpdate(md, l->expr.v[i], strlen(l->expr.v[i]) + 1) ||
            !EVP_DigestUpdate(md, meta, sizeof meta))
            return false;
    }
    return EVP_DigestUpdate(md, "\n--\n", 4) == 1;
}

bool db_cache_digest(const expr_list *const lists[DB_CACHE_PARTS], phiscrub_rules *r)
{
    unsigned len = 0;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    const char *version = hs_version();
    bool ok = md && EVP_DigestInit_ex(md, EVP_sha256(), NULL) &&
              EVP_DigestUpdate(md, CACHE_MAGIC, strlen(CACHE_MAGIC)) &&
              EVP_DigestUpdate(md, version, strlen(version) + 1);
    for (int i = 0; ok && i < DB_CACHE_PARTS; i++)
        ok = add_list(md, lists[i]);
    ok = ok && EVP_DigestFinal_ex(md, r->digest, &len) && len == 32;
    EVP_MD_CTX_free(md);
    return ok;
}

static bool entry_path(const char *dir, const phiscrub_rules *r, char *path, size_t size)
{
    char hex[65];
    for (unsigned i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", r->digest[i]);
    int n = snprintf(path, size, "%s/%s.hsdb", dir, hex);
    return n > 0 && (size_t)n < size;
}

static bool private_to_us(const struct stat *st)
{
    return st->st_uid == geteuid() && (st->st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

static bool dir_is_safe(const char *dir)
{
    struct stat st;
    return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && private_to_us(&st);
}

/* Reads a cache file: only regular files we own, never through a symlink. */
static bool read_entry(const char *path, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && private_to_us(&st) &&
              st.st_size > 0 && (unsigned long long)st.st_size <= CACHE_MAX_BYTES;
    char *buf = ok ? malloc((size_t)st.st_size) : NULL;
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t k = read(fd, buf + got, (size_t)st.st_size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    if (!buf || got != (size_t)st.st_size) {
        free(buf);
        return false;
    }
    *data = buf;
    *len = got;
    return true;
}

static bool take_record(const char **p, const char *end, const char **rec, size_t *n)
{
    unsigned long long len;
    if ((size_t)(end - *p) < sizeof len)
        return false;
    memcpy(&len, *p, sizeof len);
    *p += sizeof len;
    if (len > (unsigned long long)(end - *p))
        return false;
    *rec = *p;
    *n = (size_t)len;
    *p += len;
    return true;
}

/* Entry layout: magic; (u64 length, bytes) for the main, the words and the
 * numeric database, then for each rule its value and its before database (length
 * 0: none); then the rules' widths (3 u32 per rule), which would otherwise
 * take Hyperscan's analysis of every expression to recompute. */
/* Deserialises a database. A large one goes into a mapping populated in
 * one go: faulting 7 MB in page by page costs ~17 ms on a VM, a third of a
 * daemon's restart budget; populated, ~3 ms. */
#define POPULATE_MIN (256u << 10)

static bool deserialize(phiscrub_rules *r, const char *rec, size_t n, hs_database_t **db)
{
    size_t size = 0;
    if (hs_serialized_database_size(rec, n, &size) != HS_SUCCESS)
        return false;
    if (size < POPULATE_MIN)
        return hs_deserialize_database(rec, n, db) == HS_SUCCESS;
    struct db_mapping *maps = realloc(r->maps, (r->nmaps + 1) * sizeof *maps);
    if (!maps)
        return false;
    r->maps = maps;
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;
#endif
    void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (mem == MAP_FAILED)
        return false;
    if (hs_deserialize_database_at(rec, n, (hs_database_t *)mem) != HS_SUCCESS) {
        munmap(mem, size);
        return false;
    }
    r->maps[r->nmaps++] = (struct db_mapping){mem, size};
    *db = (hs_database_t *)mem;
    return true;
}

static bool take_db(phiscrub_rules *r, const char **p, const char *end, bool want,
                    hs_database_t **db)
{
    const char *rec;
    size_t n;
    return take_record(p, end, &rec, &n) && (n != 0) == want &&
           (n == 0 || deserialize(r, rec, n, db));
}

static bool has_id(const expr_list *l, unsigned id)
{
    for (size_t k = 0; k < l->expr.n; k++)
        if (l->ids[k] == id)
            return true;
    return false;
}

static void drop_dbs(phiscrub_rules *r)
{
    rules_free_db(r, r->db);
    rules_free_db(r, r->words_db);
    rules_free_db(r, r->numeric_db);
    r->db = r->words_db = r->numeric_db = NULL;
    for (size_t i = 0; i < r->nrules; i++) {
        rules_free_db(r, r->rules[i].value_db);
        rules_free_db(r, r->rules[i].before_db);
        r->rules[i].value_db = r->rules[i].before_db = NULL;
    }
    for (size_t i = 0; i < r->nmaps; i++)
        munmap(r->maps[i].p, r->maps[i].n);
    free(r->maps);
    r->maps = NULL;
    r->nmaps = 0;
}

static bool load_entry(const char *data, size_t len, const expr_list *const lists[DB_CACHE_PARTS],
                       phiscrub_rules *r)
{
    const char *p = data, *end = data + len;
    bool ok = len > strlen(CACHE_MAGIC) && !memcmp(p, CACHE_MAGIC, strlen(CACHE_MAGIC));
    p += strlen(CACHE_MAGIC);
    ok = ok && take_db(r, &p, end, lists[0]->expr.n != 0, &r->db) &&
         take_db(r, &p, end, lists[1]->expr.n != 0, &r->words_db) &&
         take_db(r, &p, end, lists[4]->expr.n != 0, &r->numeric_db);
    for (size_t i = 0; ok && i < r->nrules; i++)
        ok = take_db(r, &p, end, has_id(lists[2], (unsigned)i), &r->rules[i].value_db) &&
             take_db(r, &p, end, has_id(lists[3], (unsigned)i), &r->rules[i].before_db);
    const char *widths = NULL;
    size_t wn = 0;
    ok = ok && take_record(&p, end, &widths, &wn) && wn == r->nrules * 4 * sizeof(uint32_t);
    if (!ok || p != end) {
        drop_dbs(r);
        return false;
    }
    r->from_cache = 1;
    for (size_t i = 0; i < r->nrules; i++) {
        uint32_t w[4];
        memcpy(w, widths + i * sizeof w, sizeof w);
        r->rules[i].main_width = w[0];
        r->rules[i].value_max = w[1];
        r->rules[i].before_max = w[2];
        r->rules[i].between_max = w[3];
    }
    return true;
}

bool db_cache_load(const char *dir, const expr_list *const lists[DB_CACHE_PARTS],
                   phiscrub_rules *r)
{
    if (builtin_db_len && !memcmp(builtin_db_digest, r->digest, 32) &&
        load_entry((const char *)builtin_db_data, builtin_db_len, lists, r))
        return true;
    char path[4096];
    char *data;
    size_t len;
    if (!dir || !dir_is_safe(dir) || !entry_path(dir, r, path, sizeof path) ||
        !read_entry(path, &data, &len))
        return false;
    bool ok = load_entry(data, len, lists, r);
    free(data);
    return ok;
}

static bool append(char **buf, size_t *len, const void *data, size_t n)
{
    char *p = realloc(*buf, *len + n);
    if (!p)
        return false;
    memcpy(p + *len, data, n);
    *buf = p;
    *len += n;
    return true;
}

static bool append_db(char **buf, size_t *len, const hs_database_t *db)
{
    char *bytes = NULL;
    size_t n = 0;
    if (db && hs_serialize_database(db, &bytes, &n) != HS_SUCCESS)
        return false;
    unsigned long long n64 = n;
    bool ok = append(buf, len, &n64, sizeof n64) && (n == 0 || append(buf, len, bytes, n));
    free(bytes);
    return ok;
}

bool db_cache_serialize(const phiscrub_rules *r, char **out, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    unsigned long long wlen = r->nrules * 4 * sizeof(uint32_t);
    bool ok = append(&buf, &n, CACHE_MAGIC, strlen(CACHE_MAGIC)) && append_db(&buf, &n, r->db) &&
              append_db(&buf, &n, r->words_db) && append_db(&buf, &n, r->numeric_db);
    for (size_t i = 0; ok && i < r->nrules; i++)
        ok = append_db(&buf, &n, r->rules[i].value_db) && append_db(&buf, &n, r->rules[i].before_db);
    ok = ok && append(&buf, &n, &wlen, sizeof wlen);
    for (size_t i = 0; ok && i < r->nrules; i++) {
        uint32_t w[4] = {r->rules[i].main_width, r->rules[i].value_max, r->rules[i].before_max,
                         r->rules[i].between_max};
        ok = append(&buf, &n, w, sizeof w);
    }
    if (!ok) {
        free(buf);
        return false;
    }
    *out = buf;
    *len = n;
    return true;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

void db_cache_store(const char *dir, const phiscrub_rules *r)
{
    char path[4096], tmp[4200];
    char *data = NULL;
    size_t len = 0;
    if (!dir || (mkdir(dir, 0700) != 0 && errno != EEXIST) || !dir_is_safe(dir) ||
        !entry_path(dir, r, path, sizeof path) || !db_cache_serialize(r, &data, &len))
        return;
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
        bool ok = write_all(fd, data, len) && fsync(fd) == 0;
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            unlink(tmp);
    }
    free(data);
}
