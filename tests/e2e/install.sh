#!/usr/bin/env bash
# install.sh — `cmake --install` gives a working tool and library: the
# binary (which needs no rule files: the packs are built in, so a copied
# binary works too), the shared library with its header and pkg-config
# file (a program compiled against them scrubs a line), the packs and the
# man page.
# usage: install.sh PHISCRUB TESTS_DIR   (the build folder is PHISCRUB/../..)
set -u
BIN=$1
BUILD=$(cd "$(dirname "$BIN")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }

cmake --install "$BUILD" --prefix "$T/prefix" > "$T/install.log" 2>&1
check "cmake --install succeeds" '[ $? -eq 0 ]'
P="$T/prefix"
LIBDIR=$(ls -d "$P"/lib* | head -1)
check "binary installed" '[ -x "$P/bin/phiscrub" ]'
check "header installed" '[ -f "$P/include/phiscrub.h" ]'
check "library installed" 'ls "$LIBDIR"/libphiscrub.so* > /dev/null 2>&1'
check "pkg-config file installed" '[ -f "$LIBDIR/pkgconfig/phiscrub.pc" ]'
check "packs installed" '[ -f "$P/share/phiscrub/patterns/core.yaml" ] && [ -f "$P/share/phiscrub/patterns/names/given.txt" ]'
check "man page installed" '[ -f "$P/share/man/man1/phiscrub.1" ]'
command -v man > /dev/null && check "man page renders" 'MANWIDTH=80 man -l "$P/share/man/man1/phiscrub.1" 2>/dev/null | grep -q "EXIT STATUS"'

line='login patient="Rosalind Achterberg" email=r.achterberg@example.org at 2026-11-22T10:00:01Z'
out=$(printf '%s\n' "$line" | "$P/bin/phiscrub")
check "installed binary scrubs" '[ "$out" = "login patient=\"[NAME]\" email=[EMAIL] at 2026-11-22T10:00:01Z" ]'
mkdir -p "$T/elsewhere" && cp "$P/bin/phiscrub" "$T/elsewhere/"
out=$(cd / && printf '%s\n' "$line" | HOME="$T" "$T/elsewhere/phiscrub")
check "copied binary scrubs with no files around it" '[ "$out" = "login patient=\"[NAME]\" email=[EMAIL] at 2026-11-22T10:00:01Z" ]'

cat > "$T/use.c" <<'EOF'
#include <phiscrub.h>
#include <stdio.h>
#include <string.h>
static phiscrub_status out(void *ctx, const char *d, size_t n) { (void)ctx; fwrite(d, 1, n, stdout); return PHISCRUB_OK; }
int main(void) {
    phiscrub_config *c; phiscrub_rules *r; phiscrub_stream *s; phiscrub_error e;
    const char *in = "call 415-555-0187 now\n";
    if (phiscrub_config_new(&c) || phiscrub_config_add_builtin_packs(c, &e) ||
        phiscrub_rules_compile(c, &r, &e) || phiscrub_stream_new(r, NULL, out, NULL, &s) ||
        phiscrub_stream_write(s, in, strlen(in)) || phiscrub_stream_finish(s))
        return 1;
    phiscrub_stream_free(s); phiscrub_rules_free(r); phiscrub_config_free(c);
    return 0;
}
EOF
flags=$(PKG_CONFIG_PATH="$LIBDIR/pkgconfig" pkg-config --cflags --libs phiscrub)
check "pkg-config answers" '[ -n "$flags" ]'
# A sanitizer build installs an instrumented library: link the program alike.
san=""
ldd "$LIBDIR/libphiscrub.so" 2>/dev/null | grep -q libasan && san="-fsanitize=address,undefined"
# shellcheck disable=SC2086
cc $san -o "$T/use" "$T/use.c" $flags > "$T/cc.log" 2>&1
check "a program compiles against the installed library" '[ -x "$T/use" ]'
out=$(LD_LIBRARY_PATH="$LIBDIR" "$T/use")
check "the library scrubs" '[ "$out" = "call [PHONE] now" ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
