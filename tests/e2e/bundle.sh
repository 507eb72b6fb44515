#!/usr/bin/env bash
# bundle.sh — `phiscrub bundle` on a support bundle built here, at test
# time, the way a clinic's ops team would hand one over: a folder of mixed
# logs, a rotated log as nested .gz (with PHI in it), a CSV export whose
# file name carries a patient name, a file named after an email address, a
# binary core dump (random bytes plus NULs, with an email planted inside so
# dropping it matters), a symlink pointing outside the folder, a name too
# long for a plain tar header, and fixed modes and mtimes to check they
# survive. Each kind of input (folder, tar, tar.gz, zip) and each output
# format (.tar, .tar.gz, .zip) is run; the hostile cases (".." and absolute
# members, bombs) are separate archives.
#
# Hard assertions use emails and card numbers, whose rules are stable;
# names and dates are still being tuned, so only the file-name case relies
# on a name. Needs tar and gzip; zip/unzip and python3 are used only when
# present (CI may lack them).
# usage: bundle.sh PHISCRUB TESTS_DIR
set -u
BIN=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
have() { command -v "$1" > /dev/null 2>&1; }

have tar && have gzip || { echo "skipped: needs tar and gzip"; exit 77; }
export TZ=UTC

# --- the bundle ------------------------------------------------------------
PHI=(jane.doe@example.org "4111 1111 1111 1111" rotated.user@example.net
     "5555 5555 5555 4444" jane.smith@example.com "4012 8888 8888 1881"
     john.roe@example.org core.leak@example.org)
NAME_PHI=(jane_smith jane.doe@ john.roe@)
DECOYS=("order 1234567812345678" "build 2024.110.2231" "git@github" "id 123-456-7890")

IN=$T/in
mkdir -p "$IN/logs/app" "$IN/exports" "$IN/core" "$IN/etc"
cat > "$IN/logs/app/app.log" <<'EOF'
2026-11-23T08:30:01Z INFO login email=jane.doe@example.org from 10.1.2.3
2026-11-23T08:30:02Z INFO payment card=4111 1111 1111 1111 ok
2026-11-23T08:30:03Z INFO patient dob=1984-03-03 phone=(415) 555-0187
2026-11-23T08:30:04Z INFO order 1234567812345678 build 2024.110.2231 git@github id 123-456-7890
EOF
for i in $(seq 1 200); do
    printf '2026-11-23T09:%02d:00Z DEBUG tick %d user=rotated.user@example.net card=5555 5555 5555 4444\n' $((i % 60)) "$i"
done | gzip -9 > "$IN/logs/app/app.log.1.gz"
printf 'id,name,email,card\n1,Jane Smith,jane.smith@example.com,4012 8888 8888 1881\n2,order 1234567812345678,git@github,x\n' \
    > "$IN/exports/jane_smith_2024.csv"
printf 'note for john.roe@example.org\n' > "$IN/exports/john.roe@example.org.txt"
printf 'note two\n' > "$IN/exports/jane.doe@example.org.txt"
printf 'plain text, nothing to hide\nbuild 2024.110.2231\n' > "$IN/README.txt"
printf '#!/bin/sh\necho collect\n' > "$IN/etc/collect.sh"
LONG=$(printf 'segment%.0s' $(seq 1 20))
printf 'long name email=jane.doe@example.org\n' > "$IN/logs/$LONG.log"
{ head -c 65536 /dev/urandom; head -c 4096 /dev/zero; printf 'email=core.leak@example.org'; head -c 1024 /dev/urandom; } \
    > "$IN/core/core.4242"
printf 'outside secret jane.doe@example.org\n' > "$T/outside.txt"
ln -s ../outside.txt "$IN/logs/outside-link"
ln -s /etc/passwd "$IN/etc/passwd-link"
chmod 0600 "$IN/logs/app/app.log"
chmod 0755 "$IN/etc/collect.sh"
touch -d '2023-05-06 07:08:09' "$IN/logs/app/app.log" "$IN/etc/collect.sh"

# grep for any planted PHI in a folder, including inside .gz files
leaks() {
    local dir=$1 p f
    for p in "${PHI[@]}"; do
        grep -rqaF -- "$p" "$dir" && { echo "  leak of '$p' in $dir"; return 0; }
    done
    while IFS= read -r -d '' f; do
        for p in "${PHI[@]}"; do
            gzip -dc "$f" 2> /dev/null | grep -qaF -- "$p" && { echo "  leak of '$p' in $f"; return 0; }
        done
    done < <(find "$dir" -name '*.gz' -print0)
    return 1
}
names_leak() {
    local p
    for p in "${NAME_PHI[@]}"; do grep -qiF -- "$p" "$1" && return 0; done
    return 1
}
extract() { # archive dir
    rm -rf "$2"; mkdir -p "$2"
    case $1 in
    *.zip) unzip -qo "$1" -d "$2" ;;
    *) tar -xpf "$1" -C "$2" ;;
    esac
}
listing() {
    case $1 in
    *.zip) unzip -Z1 "$1" ;;
    *) tar -tf "$1" ;;
    esac
}
json_ok() {
    if have python3; then python3 -m json.tool "$1" > /dev/null 2>&1
    else grep -q '"members": \[' "$1" && grep -q '"totals": {' "$1" && tail -c 3 "$1" | grep -q '}'; fi
}

# --- folder in, each output format ----------------------------------------
for fmt in tar tar.gz tgz zip; do
    OUT=$T/out-dir.$fmt
    "$BIN" bundle "$IN" -o "$OUT" -q > "$T/stdout" 2> "$T/err"
    check "folder -> .$fmt exits 0" '[ $? -eq 0 ]'
    check "folder -> .$fmt: quiet means no stderr" '[ ! -s "$T/err" ] && [ ! -s "$T/stdout" ]'
    check "folder -> .$fmt: no temporary file left" '! ls "$T" | grep -q "tmp-"'
    listing "$OUT" > "$T/list" 2> /dev/null
    check "folder -> .$fmt: report entry" 'grep -qx "PHISCRUB-REPORT.json" "$T/list"'
    check "folder -> .$fmt: no PHI in member names" '! names_leak "$T/list"'
    [ "$fmt" = zip ] && ! have unzip && continue
    X=$T/x-$fmt
    extract "$OUT" "$X"
    check "folder -> .$fmt: no planted PHI in any member" '! leaks "$X"'
    check "folder -> .$fmt: decoys survive" 'for d in "${DECOYS[@]}"; do grep -qrF -- "$d" "$X/logs/app/app.log" || exit 1; done'
    check "folder -> .$fmt: text without PHI is unchanged" 'cmp -s "$X/README.txt" "$IN/README.txt"'
    check "folder -> .$fmt: email masked" 'grep -q "email=\[EMAIL\]" "$X/logs/app/app.log"'
    check "folder -> .$fmt: card masked" 'grep -q "card=\[CARD\]" "$X/logs/app/app.log"'
    check "folder -> .$fmt: nested .gz is valid gzip" 'gzip -t "$X/logs/app/app.log.1.gz"'
    check "folder -> .$fmt: nested .gz scrubbed" '[ "$(gzip -dc "$X/logs/app/app.log.1.gz" | grep -c "user=\[EMAIL\] card=\[CARD\]")" -eq 200 ]'
    check "folder -> .$fmt: long name kept" '[ -f "$X/logs/$LONG.log" ]'
    check "folder -> .$fmt: binary dropped" '[ ! -e "$X/core/core.4242" ]'
    check "folder -> .$fmt: symlinks not written" '[ ! -e "$X/logs/outside-link" ] && [ ! -e "$X/etc/passwd-link" ]'
    check "folder -> .$fmt: CSV name scrubbed, structure kept" '[ "$(ls "$X/exports" | grep -c "_2024\.csv$")" -eq 1 ]'
    check "folder -> .$fmt: email file names become EMAIL.txt, EMAIL~2.txt" '[ -f "$X/exports/EMAIL.txt" ] && [ -f "$X/exports/EMAIL~2.txt" ]'
    R=$X/PHISCRUB-REPORT.json
    check "folder -> .$fmt: report is JSON" 'json_ok "$R"'
    check "folder -> .$fmt: report has no PHI" '! leaks "$R" && ! names_leak "$R"'
    check "folder -> .$fmt: report lists the dropped binary" 'grep -q "\"core/core.4242\", \"status\": \"binary-dropped\"" "$R"'
    check "folder -> .$fmt: report lists skipped symlinks" '[ "$(grep -c "skipped-symlink" "$R")" -eq 2 ]'
    check "folder -> .$fmt: report counts" 'grep -q "\"logs/app/app.log\", \"status\": \"scrubbed\".*\"EMAIL\": 1" "$R"'
    if [ "$fmt" != zip ]; then
        check "folder -> .$fmt: mode 0600 kept" '[ "$(stat -c %a "$X/logs/app/app.log")" = 600 ]'
        check "folder -> .$fmt: mode 0755 kept" '[ "$(stat -c %a "$X/etc/collect.sh")" = 755 ]'
    fi
    check "folder -> .$fmt: mtime kept" '[ "$(stat -c %Y "$X/etc/collect.sh")" = "$(stat -c %Y "$IN/etc/collect.sh")" ]'
done
check "nothing written outside OUT" '[ "$(cat "$T/outside.txt")" = "outside secret jane.doe@example.org" ]'

# --- archives in: tar, tar.gz, zip give the same members as the folder ----
tar -C "$IN" -cf "$T/in.tar" .
tar -C "$IN" -czf "$T/in.tgz" .
INPUTS="$T/in.tar $T/in.tgz"
if have zip; then (cd "$IN" && zip -qry "$T/in.zip" .); INPUTS="$INPUTS $T/in.zip"
elif have python3; then
    python3 - "$IN" "$T/in.zip" <<'EOF'
import os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            if not os.path.islink(p):
                z.write(p, os.path.relpath(p, root))
EOF
    INPUTS="$INPUTS $T/in.zip"
fi
for src in $INPUTS; do
    k=${src##*/}
    OUT=$T/out-from-$k.tar
    "$BIN" bundle "$src" -o "$OUT" -q 2> "$T/err"
    check "$k -> .tar exits 0" '[ $? -eq 0 ]'
    X=$T/x-from-$k
    extract "$OUT" "$X"
    check "$k: no planted PHI" '! leaks "$X"'
    check "$k: binary dropped" '[ ! -e "$X/core/core.4242" ]'
    check "$k: nested .gz valid and scrubbed" 'gzip -t "$X/logs/app/app.log.1.gz" && ! gzip -dc "$X/logs/app/app.log.1.gz" | grep -q example.net'
    check "$k: same members as from the folder" 'diff -r -x PHISCRUB-REPORT.json "$T/x-tar" "$X" > /dev/null'
    check "$k: report says archive" 'grep -q "\"input\": \"archive\"" "$X/PHISCRUB-REPORT.json"'
done

# --- --keep-binary ----------------------------------------------------------
"$BIN" bundle "$IN" -o "$T/keep.tar" -q --keep-binary
check "--keep-binary exits 0" '[ $? -eq 0 ]'
extract "$T/keep.tar" "$T/x-keep"
check "--keep-binary: core dump byte-identical" 'cmp -s "$T/x-keep/core/core.4242" "$IN/core/core.4242"'
check "--keep-binary: listed as kept" 'grep -q "\"core/core.4242\", \"status\": \"binary-kept\"" "$T/x-keep/PHISCRUB-REPORT.json"'
check "--keep-binary: text still scrubbed" 'grep -q "email=\[EMAIL\]" "$T/x-keep/logs/app/app.log"'

# --- -j 1 and -j 4 give the same bytes ---------------------------------------
for fmt in tar tar.gz zip; do
    "$BIN" bundle "$IN" -o "$T/j1.$fmt" -j 1 -q && "$BIN" bundle "$IN" -o "$T/j4.$fmt" -j 4 -q
    check "-j 1 and -j 4 identical (.$fmt)" 'cmp -s "$T/j1.$fmt" "$T/j4.$fmt"'
done
"$BIN" bundle "$T/in.tgz" -o "$T/aj1.tar" -j 1 -q && "$BIN" bundle "$T/in.tgz" -o "$T/aj3.tar" -j 3 -q
check "-j 1 and -j 3 identical from an archive" 'cmp -s "$T/aj1.tar" "$T/aj3.tar"'

# --- hostile members: "..", absolute paths, symlink then a file through it --
mkdir -p "$T/evil/src" "$T/evil/work"
printf 'evil email=jane.doe@example.org\n' > "$T/evil/src/f"
printf 'fine\n' > "$T/evil/src/ok.log"
ABS=$T/evil/abs-target.txt
cp "$T/evil/src/f" "$ABS"
ln -s /etc "$T/evil/src/etclink"
(cd "$T/evil/src" && tar -P --transform 's,^f$,../../evil.txt,' -cf "$T/evil.tar" f ok.log etclink "$ABS")
rm -f "$ABS"
(cd "$T/evil/work" && "$BIN" bundle "$T/evil.tar" -o out.tar -q 2> "$T/err")
check "hostile tar: exits 0" '[ $? -eq 0 ]'
check "hostile tar: nothing written outside" '[ ! -e "$T/evil.txt" ] && [ ! -e "$T/evil/evil.txt" ] && [ ! -e "$ABS" ]'
listing "$T/evil/work/out.tar" > "$T/list"
check "hostile tar: no .. or absolute member" '! grep -qE "(^|/)\.\.(/|$)|^/" "$T/list"'
check "hostile tar: symlink not written" '! grep -q etclink "$T/list"'
check "hostile tar: the safe member is kept" 'grep -qx "ok.log" "$T/list"'
tar -xOf "$T/evil/work/out.tar" PHISCRUB-REPORT.json > "$T/evil.json"
check "hostile tar: unsafe members listed" '[ "$(grep -c "skipped-unsafe-path" "$T/evil.json")" -eq 2 ]'
check "hostile tar: listed paths keep .. visible, scrubbed" 'grep -q "\"\.\./\.\./evil.txt\"" "$T/evil.json"'

# --- archive bombs: refused, exit 1, no OUT, no name in the message ---------
# The nested bomb is text (50 MB of short lines, ~300:1), so it has to be
# decoded to be scrubbed. A gzip of zeros is binary after its first block:
# it is dropped without being decoded further, so it is no bomb to us;
# zeros are used for the outer tar.gz bomb instead.
mkdir -p "$T/bomb" "$T/zeros"
yes 'aaaa' | head -c 50000000 | gzip -9 > "$T/bomb/jane.doe@example.org.log.gz"
printf 'x\n' > "$T/bomb/a.log"
"$BIN" bundle "$T/bomb" -o "$T/bomb.tar" -q --max-ratio 10 2> "$T/err"
check "nested gzip bomb (--max-ratio 10): exit 1" '[ $? -eq 1 ]'
check "nested gzip bomb: clear error" 'grep -q "archive bomb" "$T/err" && grep -q -- "--max-ratio" "$T/err"'
check "nested gzip bomb: no OUT, no temporary file" '[ ! -e "$T/bomb.tar" ] && ! ls "$T" | grep -q "bomb.tar.tmp"'
check "nested gzip bomb: no member name in the error" '! grep -qi "jane" "$T/err"'
"$BIN" bundle "$T/bomb" -o "$T/bomb.tar" -q 2> "$T/err"
check "nested gzip bomb refused by default (200:1)" '[ $? -eq 1 ] && [ ! -e "$T/bomb.tar" ]'
"$BIN" bundle "$T/bomb" -o "$T/bomb.tar" -q --max-ratio 100000 --max-total-size 10M 2> "$T/err"
check "--max-total-size: exit 1, no OUT" '[ $? -eq 1 ] && grep -q -- "--max-total-size" "$T/err" && [ ! -e "$T/bomb.tar" ]'
"$BIN" bundle "$T/bomb" -o "$T/bomb.tar" -q --max-ratio 100000 2> "$T/err"
check "bomb allowed when the limits are raised" '[ $? -eq 0 ] && [ -e "$T/bomb.tar" ]'
rm -f "$T/bomb.tar"
head -c 50000000 /dev/zero | gzip -1 > "$T/zeros/core.gz"
"$BIN" bundle "$T/zeros" -o "$T/zeros.tar" -q --max-ratio 10 2> "$T/err"
check "gzip of zeros: binary, dropped, not decoded" '[ $? -eq 0 ] && tar -xOf "$T/zeros.tar" PHISCRUB-REPORT.json | grep -q "\"core.gz\", \"status\": \"binary-dropped\""'
rm -f "$T/zeros/core.gz"
head -c 50000000 /dev/zero > "$T/zeros/zeros.log"
tar -C "$T/zeros" -czf "$T/zeros.tgz" .
rm -rf "$T/zeros"
"$BIN" bundle "$T/zeros.tgz" -o "$T/bomb.tar" -q 2> "$T/err"
check "tar.gz bomb refused by default: exit 1, no OUT" '[ $? -eq 1 ] && grep -q "archive bomb" "$T/err" && [ ! -e "$T/bomb.tar" ]'
"$BIN" bundle "$IN" -o "$T/many.zip" -q --max-members 3 2> "$T/err"
check "--max-members: exit 1, no OUT" '[ $? -eq 1 ] && grep -q -- "--max-members" "$T/err" && [ ! -e "$T/many.zip" ]'

# --- other failures -----------------------------------------------------------
"$BIN" bundle "$IN" -o "$T/out.rar" -q 2> "$T/err"
check "unknown OUT extension: exit 2" '[ $? -eq 2 ] && [ ! -e "$T/out.rar" ]'
"$BIN" bundle "$T/missing" -o "$T/m.tar" -q 2> "$T/err"
check "missing IN: exit 1" '[ $? -eq 1 ] && [ ! -e "$T/m.tar" ]'
"$BIN" bundle "$IN/README.txt" -o "$T/m.tar" -q 2> "$T/err"
check "IN neither folder nor archive: exit 1, no OUT" '[ $? -eq 1 ] && [ ! -e "$T/m.tar" ]'
mkdir -p "$T/trunc"
gzip -dc "$IN/logs/app/app.log.1.gz" | head -c 4000 > "$T/trunc/plain.log"
gzip -c "$T/trunc/plain.log" | head -c 100 > "$T/trunc/cut.log.gz"
"$BIN" bundle "$T/trunc" -o "$T/trunc.tar" -q 2> "$T/err"
check "truncated nested gzip: run succeeds" '[ $? -eq 0 ]'
check "truncated nested gzip: dropped and listed" '! tar -tf "$T/trunc.tar" | grep -q cut.log.gz && tar -xOf "$T/trunc.tar" PHISCRUB-REPORT.json | grep -q "\"cut.log.gz\", \"status\": \"corrupt-dropped\""'
"$BIN" bundle "$IN" -o "$IN/self.tar" -q 2> "$T/err"
check "OUT inside IN: exit 0, not its own member" '[ $? -eq 0 ] && ! tar -tf "$IN/self.tar" | grep -q "self.tar"'
rm -f "$IN/self.tar"
"$BIN" bundle "$IN" -o "$T/noisy.tar" 2> "$T/err"
check "not a terminal: no progress line, one summary" '! grep -q $'"'"'\r'"'"' "$T/err" && [ "$(wc -l < "$T/err")" -eq 1 ]'

# --- a terminal gets a progress line, -q silences it; signals stop cleanly ----
if have script; then
    script -qec "'$BIN' bundle '$T/bomb' -o '$T/p.tar' --max-ratio 100000" /dev/null > "$T/tty" 2>&1
    check "terminal: progress line with MB/s" 'grep -q "MB/s" "$T/tty" && grep -q "members:" "$T/tty"'
    script -qec "'$BIN' bundle '$T/bomb' -o '$T/p.tar' -q --max-ratio 100000" /dev/null > "$T/tty" 2>&1
    check "terminal with -q: nothing on stderr" '[ ! -s "$T/tty" ]'
fi
rm -f "$T/p.tar"
# 300 MB of text behind a 1.6 MB gzip: long enough to be stopped half-way;
# if this machine finishes before the signal, the check is skipped.
mkdir -p "$T/slow"
yes 'aaaa' | head -c 300000000 | gzip -1 > "$T/slow/slow.log.gz"
"$BIN" bundle "$T/slow" -o "$T/sig.tar" -q --max-ratio 100000 -j 1 2> "$T/err" &
pid=$!
sleep 0.3
kill -TERM "$pid" 2> /dev/null
wait "$pid"
rc=$?
if [ "$rc" -eq 0 ]; then echo "skipped: SIGTERM came after the end"
else check "SIGTERM: exit 1, no OUT, no temporary file" '[ "$rc" -eq 1 ] && [ ! -e "$T/sig.tar" ] && ! ls "$T" | grep -q "sig.tar.tmp"'; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
