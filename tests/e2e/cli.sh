#!/usr/bin/env bash
# cli.sh — the command line as a user meets it: exit statuses, fail-closed
# errors (each checked for a canary from the input leaking into stderr or
# into output past the failure point), byte identity, gzip in and out.
# usage: cli.sh PHISCRUB TESTS_DIR
set -u
BIN=$1
TESTS=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

CANARY="Zebulon Quackenbush"
printf 'login patient="%s" email=zq@example.org\n' "$CANARY" > "$T/canary.log"

# --- help, version, usage errors ------------------------------------------
"$BIN" --help > "$T/help" 2>&1; check "--help exits 0" '[ $? -eq 0 ]'
check "--help documents exit statuses" 'grep -q "Exit status" "$T/help"'
"$BIN" --version > "$T/ver" 2>&1; check "--version" '[ $? -eq 0 ] && grep -q "^phiscrub [0-9]" "$T/ver"'
"$BIN" --no-such-option < /dev/null > "$T/out" 2> "$T/err"; check "bad option exits 2" '[ $? -eq 2 ]'
"$BIN" --pack nosuchpack < "$T/canary.log" > "$T/out" 2> "$T/err"
check "unknown pack exits 2 with nothing written" '[ $? -eq 2 ] && [ ! -s "$T/out" ]'

# --- a bad rules file: file:line:col, exit 2, nothing processed -------------
printf 'rules:\n  - id: x\n    category: X\n    patern: abc\n' > "$T/bad.yaml"
"$BIN" --rules "$T/bad.yaml" < "$T/canary.log" > "$T/out" 2> "$T/err"
check "bad rules exit 2" '[ $? -eq 2 ]'
check "bad rules: file:line:col" 'grep -q "bad.yaml:4:5: unknown rule key" "$T/err"'
check "bad rules: no output" '[ ! -s "$T/out" ]'
printf 'rules:\n  - id: x\n    category: X\n    pattern: "a+"\n' > "$T/unbounded.yaml"
"$BIN" --rules "$T/unbounded.yaml" < "$T/canary.log" > "$T/out" 2> "$T/err"
check "unbounded pattern refused" '[ $? -eq 2 ] && grep -q "unbounded.yaml:2:" "$T/err"'

# --- fail closed: output errors -------------------------------------------
if [ -w /dev/full ]; then
    "$BIN" "$T/canary.log" > /dev/full 2> "$T/err"
    check "/dev/full exits 1" '[ $? -eq 1 ]'
    check "/dev/full names the cause" 'grep -qi "no space" "$T/err"'
    check "/dev/full: no canary in stderr" '! grep -q "Quackenbush" "$T/err"'
fi
# A reader that goes away: EPIPE is reported, not a silent death.
yes "$(cat "$T/canary.log")" | head -c 5000000 > "$T/big.log"
"$BIN" "$T/big.log" 2> "$T/err" | head -c 10 > /dev/null
epipe_status=${PIPESTATUS[0]}
check "closed pipe: exit 1 and reported" '[ "$epipe_status" -eq 1 ] && grep -qi "broken pipe" "$T/err"'
check "closed pipe: no canary in stderr" '! grep -q "Quackenbush" "$T/err"'

# --- private addresses: kept by default, masked with --mask-private-ip ------
printf 'client=203.0.113.45 upstream_host=10.0.3.12 gw 192.168.1.1 peer fe80::1ff:fe23:4567:890a\n' > "$T/ips.log"
"$BIN" "$T/ips.log" > "$T/ips.out"
check "public IP masked by default" 'grep -q "client=\[IP\]" "$T/ips.out"'
check "private IPs kept by default" 'grep -q "10.0.3.12 gw 192.168.1.1 peer fe80::1ff" "$T/ips.out"'
"$BIN" --keep-private-ip "$T/ips.log" | cmp -s - "$T/ips.out"
check "--keep-private-ip is the default" '[ $? -eq 0 ]'
"$BIN" --mask-private-ip "$T/ips.log" > "$T/ips-mask.out"
check "--mask-private-ip masks them" '[ "$(grep -o "\[IP\]" "$T/ips-mask.out" | wc -l)" -eq 4 ]'

# --- input errors ----------------------------------------------------------
"$BIN" "$T/does-not-exist.log" > "$T/out" 2> "$T/err"
check "missing input exits 1" '[ $? -eq 1 ] && grep -q "does-not-exist.log" "$T/err"'
gzip -c "$T/big.log" > "$T/big.log.gz"
head -c $(( $(wc -c < "$T/big.log.gz") / 2 )) "$T/big.log.gz" > "$T/trunc.gz"
"$BIN" "$T/trunc.gz" > "$T/out" 2> "$T/err"
check "truncated gzip exits 1" '[ $? -eq 1 ] && grep -qi "truncated" "$T/err"'
check "truncated gzip: no canary anywhere" '! grep -q "Quackenbush" "$T/out" "$T/err"'
printf '\037\213garbage-not-deflate' > "$T/corrupt.gz"
"$BIN" "$T/corrupt.gz" > "$T/out" 2> "$T/err"
check "corrupt gzip exits 1" '[ $? -eq 1 ]'

# --- gzip in and out -------------------------------------------------------
"$BIN" "$T/canary.log" > "$T/plain.out"
check "canary masked" '! grep -q "Quackenbush\|zq@example" "$T/plain.out"'
gzip -c "$T/canary.log" > "$T/a.gz"; gzip -c "$T/canary.log" > "$T/b.gz"
cat "$T/a.gz" "$T/b.gz" > "$T/ab.gz"
"$BIN" "$T/ab.gz" > "$T/ab.out" 2> "$T/err"
check "multi-member gzip decoded" '[ $? -eq 0 ] && cat "$T/plain.out" "$T/plain.out" | cmp -s - "$T/ab.out"'
"$BIN" < "$T/a.gz" > "$T/stdin-gz.out"
check "gzip on stdin detected" 'cmp -s "$T/plain.out" "$T/stdin-gz.out"'
"$BIN" -z -o "$T/z.out.gz" "$T/canary.log"
check "-z writes valid gzip" 'gzip -t "$T/z.out.gz" && gzip -dc "$T/z.out.gz" | cmp -s - "$T/plain.out"'

# --- -o, -a ----------------------------------------------------------------
"$BIN" -o "$T/o.log" "$T/canary.log"; "$BIN" -a -o "$T/o.log" "$T/canary.log"
check "-a appends" '[ "$(wc -l < "$T/o.log")" -eq 2 ]'

# --- byte identity of PHI-free input ---------------------------------------
for f in "$TESTS"/identity/*; do
    [ -f "$f" ] || continue
    for bs in 1 4096 65536 0; do
        if [ "$bs" = 0 ]; then "$BIN" "$f" > "$T/id.out"; else "$BIN" --buffer-size "$bs" "$f" > "$T/id.out"; fi
        check "identity $(basename "$f") buffer $bs" 'cmp -s "$f" "$T/id.out"'
    done
done

# --- --stats and --list-rules ----------------------------------------------
"$BIN" --stats "$T/canary.log" > /dev/null 2> "$T/err"
check "--stats counts categories" 'grep -q "NAME" "$T/err" && grep -q "MB/s" "$T/err"'
"$BIN" --list-rules > "$T/rules"
check "--list-rules shows the packs" 'grep -q "^core " "$T/rules" && grep -q "^hipaa " "$T/rules" && grep -q "^secrets " "$T/rules"'
"$BIN" --pack core --list-rules > "$T/rules"
check "--pack core selects" 'grep -q "^core " "$T/rules" && ! grep -q "^hipaa " "$T/rules"'

# --- roster and allow list -------------------------------------------------
# With the core pack only: a roster or allow list makes phiscrub compile its
# packs at run time, and under AddressSanitizer all three take 90 s (core
# alone 30 s). Neither mechanism depends on the other packs, and --pack
# does not drop the roster.
printf 'Hortensia Vandersloot\n' > "$T/roster"
printf 'seen by hortensia vandersloot today\n' | "$BIN" --pack core --names "$T/roster" > "$T/out"
check "--names masks roster names" 'grep -q "^seen by \[NAME\] today$" "$T/out"'
printf 'Jennifer Whitfield Dermatology\n' > "$T/allow"
printf 'clinic=Jennifer Whitfield Dermatology; patient Jennifer Whitfield\n' |
    "$BIN" --pack core --allow "$T/allow" > "$T/out"
check "--allow keeps allowed terms" 'grep -q "^clinic=Jennifer Whitfield Dermatology; " "$T/out" && ! grep -q "patient Jennifer" "$T/out"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
