#!/usr/bin/env bash
# line_latency.sh — `phiscrub --line-buffered` as a log daemon's child sees
# it: stdin a pipe that stays open, one line at a time. A line must come out
# scrubbed within milliseconds, without waiting for more input or for EOF;
# SIGHUP must reopen -o FILE; SIGTERM must stop it promptly with everything
# already in the pipe written; EOF must end it cleanly.
#
# No daemon is needed: the script holds the FIFO's write end itself. Waits
# use `read -t` on a FIFO nobody writes to, so polling costs no fork.
. "$(dirname "$0")/daemons_lib.sh" "$@"

mkfifo "$WORK/never" "$WORK/in" "$WORK/in2" "$WORK/in3" "$WORK/stdout"
exec 9<>"$WORK/never"
nap() { read -r -t "$1" -u 9 _ || true; }
# now_us: microseconds into NOW (no fork, so polling stays cheap).
now_us() { NOW=${EPOCHREALTIME/./}; NOW=${NOW#0}; }
[ -n "${EPOCHREALTIME:-}" ] || dl_skip "bash ${BASH_VERSION} has no EPOCHREALTIME (needs bash 5)"

# wait_for FILE TEXT SECONDS: until FILE contains TEXT.
wait_for() {
    local limit
    now_us
    limit=$((NOW + $3 * 1000000))
    while ! grep -qF -- "$2" "$1" 2>/dev/null; do
        now_us
        [ "$NOW" -gt "$limit" ] && return 1
        nap 0.002
    done
}

start_filter() { # start_filter FIFO ARGS...: phiscrub reading FIFO in the background
    local fifo=$1
    shift
    "$PHISCRUB" "$@" <"$fifo" &
    PH=$!
    DL_PIDS="$DL_PIDS $PH"
}

# ---- a first write of one byte ("\n") comes out at once ------------------------
start_filter "$WORK/in2" --line-buffered -o "$WORK/one.out" --log-file "$WORK/err.log"
exec 6>"$WORK/in2"
printf '\n' >&6
dl_wait_until 30 test -s "$WORK/one.out"
check "a 1-byte first line comes out without more input" cmp -s "$WORK/one.out" <(printf '\n')
exec 6>&-
dl_stop "$PH" 5

# ---- -o FILE: per-line latency -------------------------------------------------------
OUT=$WORK/out.log
start_filter "$WORK/in" --line-buffered -o "$OUT" --log-file "$WORK/err.log"
exec 7>"$WORK/in"
printf 'warmup email=%s\n' "$PHI_EMAIL" >&7
check "startup: the first line comes out" wait_for "$OUT" "warmup email=[EMAIL]" 30

# Read the file as it grows through one open fd: no fork per poll, so the
# measurement is phiscrub's latency, not the script's.
exec {O}<"$OUT"
while read -r -u "$O" _; do :; done
# next_line SECONDS: the next complete line appended to OUT, into LINE.
next_line() {
    local acc="" part limit
    now_us
    limit=$((NOW + $1 * 1000000))
    while :; do
        if read -r -u "$O" part; then
            LINE=$acc$part
            return 0
        fi
        acc=$acc$part
        now_us
        [ "$NOW" -gt "$limit" ] && return 1
        nap 0.001
    done
}
lat=()
for ((i = 0; i < 20; i++)); do
    dl_tag "$i"
    now_us
    t0=$NOW
    printf 'line seq=lat%s email=%s card=%s\n' "$DL_TAG" "$PHI_EMAIL" "$PHI_CARD" >&7
    if next_line 5 && [ "$LINE" = "line seq=lat$DL_TAG email=[EMAIL] card=[CARD]" ]; then
        now_us
        lat+=($(((NOW - t0) / 1000)))
    else
        lat+=(99999)
    fi
done
exec {O}<&-
sorted=($(printf '%s\n' "${lat[@]}" | sort -n))
median=${sorted[10]} max=${sorted[19]}
echo "# -o FILE latency over 20 lines: median ${median} ms, max ${max} ms"
# Typically under 1 ms; the limits leave room for a loaded CI host (ctest
# -j, sanitizers) while still catching a line held back for more input.
check "each line is written within 1 s (max ${max} ms)" test "$max" -lt 1000
check "median latency under 50 ms (${median} ms)" test "$median" -lt 50
check "no PHI in the output" dl_no_phi "$OUT"

# ---- SIGHUP: the next line goes to the reopened file -----------------------------
mv "$OUT" "$OUT.1"
kill -HUP "$PH"
printf 'after rotation email=%s\n' "$PHI_EMAIL" >&7
check "after SIGHUP the line is in the new file" wait_for "$OUT" "after rotation email=[EMAIL]" 5
check "... and not in the rotated one" bash -c "! grep -q 'after rotation' '$OUT.1'"
check "SIGHUP does not stop phiscrub" kill -0 "$PH"

# ---- SIGTERM with lines still in the pipe, which stays open ----------------------
# Stopped, phiscrub can't read; the lines (under the 64 KiB a pipe holds)
# wait in the pipe when TERM arrives, as when syslog-ng writes and then stops.
kill -STOP "$PH"
dl_messages term 300 >&7
kill -TERM "$PH"
kill -CONT "$PH"
now_us
t0=$NOW
dl_wait_exit "$PH" 5
status=$DL_STATUS
now_us
ms=$(((NOW - t0) / 1000))
check "SIGTERM: exits with status 0 (got $status) while the pipe is still open" test "$status" -eq 0
check "SIGTERM: within 2 s (${ms} ms)" test "$ms" -lt 2000
check "SIGTERM: every line already in the pipe is written" test "$(dl_count_seq "$OUT" term)" -eq 300
exec 7>&-

# ---- EOF: a last line without '\n' is written and phiscrub exits 0 ---------------
start_filter "$WORK/in3" --line-buffered -o "$WORK/eof.out" -a --log-file "$WORK/err.log"
exec 6>"$WORK/in3"
printf 'one email=%s\nlast without newline %s' "$PHI_EMAIL" "$PHI_EMAIL" >&6
wait_for "$WORK/eof.out" "one email=[EMAIL]" 30
exec 6>&-
dl_wait_exit "$PH" 5
status=$DL_STATUS
check "EOF: exits with status 0 (got $status)" test "$status" -eq 0
check "EOF: the unterminated last line is written as is" \
    cmp -s "$WORK/eof.out" <(printf 'one email=[EMAIL]\nlast without newline [EMAIL]')

# ---- standard output to a pipe -------------------------------------------------------
mkfifo "$WORK/in4"
"$PHISCRUB" --line-buffered <"$WORK/in4" >"$WORK/stdout" &
PH=$!
DL_PIDS="$DL_PIDS $PH"
exec 6>"$WORK/in4" 5<"$WORK/stdout"
printf 'warm email=%s\n' "$PHI_EMAIL" >&6
read -r -t 30 -u 5 line
check "stdout: the first line comes out" test "$line" = "warm email=[EMAIL]"
worst=0
for ((i = 0; i < 10; i++)); do
    now_us
    t0=$NOW
    printf 'x%s card=%s\n' "$i" "$PHI_CARD" >&6
    read -r -t 5 -u 5 line || line=timeout
    now_us
    ms=$(((NOW - t0) / 1000))
    [ "$line" = "x$i card=[CARD]" ] || ms=99999
    [ "$ms" -gt "$worst" ] && worst=$ms
done
echo "# stdout latency over 10 lines: max ${worst} ms"
check "stdout: each line within 1 s (max ${worst} ms)" test "$worst" -lt 1000
exec 6>&-
dl_wait_exit "$PH" 5
check "stdout: exits 0 at EOF" test "$DL_STATUS" -eq 0
check "no errors were logged" test ! -s "$WORK/err.log"
finish
