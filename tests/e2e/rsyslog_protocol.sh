#!/usr/bin/env bash
# rsyslog_protocol.sh — the rsyslog modes driven directly over pipes, the
# way rsyslog 8.2302 drives them (plugins/mmexternal/mmexternal.c,
# plugins/omprog/omprog.c), for the cases a real daemon can't produce on
# demand: empty, huge, binary and malformed input, unusable options, a full
# disk, a stalled output file. Runs everywhere; the real daemons are in
# rsyslog_mmexternal.sh and rsyslog_omprog.sh.
#
# Each helper gets FIFOs for stdin and stdout and is answered one line at a
# time with the pipe left open: a reply that only comes at EOF is a stall,
# and rsyslog would wait for it forever.
. "$(dirname "$0")/daemons_lib.sh" "$@"

# start NAME ARGS...: phiscrub with stdin/stdout on the FIFOs NAME.stdin
# and NAME.stdout; sets W (fd we write to), R (fd we read from), PH (pid).
# stderr goes to NAME.err.
start() {
    local name=$1
    shift
    mkfifo "$WORK/$name.stdin" "$WORK/$name.stdout"
    "$PHISCRUB" "$@" <"$WORK/$name.stdin" >"$WORK/$name.stdout" 2>"$WORK/$name.err" &
    PH=$!
    DL_PIDS="$DL_PIDS $PH"
    exec {W}>"$WORK/$name.stdin" {R}<"$WORK/$name.stdout"
}
stop_input() { exec {W}>&-; }

# ask LINE [SECONDS]: writes LINE + '\n', reads one reply line into REPLY.
ask() {
    printf '%s\n' "$1" >&"$W"
    REPLY=
    read -r -t "${2:-30}" -u "$R" REPLY || REPLY="<no reply>"
}

# A strict JSON check when python3 is there: one object, only "msg", a string.
if command -v python3 >/dev/null 2>&1; then
    valid_replies() {
        python3 -c '
import json, sys
for raw in open(sys.argv[1], "rb"):
    o = json.loads(raw.decode("utf-8"))   # strict: valid UTF-8, valid JSON
    assert isinstance(o, dict) and set(o) <= {"msg"}, raw
    assert all(isinstance(v, str) for v in o.values()), raw
' "$1"
    }
else
    valid_replies() { ! grep -qv '^{}$\|^{"msg":".*"}$' "$1"; }
fi

FAILED='{"msg":"[REDACTION-FAILED]"}'

# ---- mmexternal, interface.input="msg" --------------------------------------------
start mmx --rsyslog-mmexternal --log-file "$WORK/mmx.log"
ask "hello"
check "mmx: a line without PHI is answered {}" test "$REPLY" = "{}"
ask "email=$PHI_EMAIL card=$PHI_CARD"
check "mmx: PHI is answered with the new msg" test "$REPLY" = '{"msg":"email=[EMAIL] card=[CARD]"}'
ask ""
check "mmx: an empty line is answered {}" test "$REPLY" = "{}"
ask "q\"uote back\\slash {\"k\":1} $PHI_EMAIL"
check "mmx: quotes and backslashes are escaped" \
    test "$REPLY" = '{"msg":"q\"uote back\\slash {\"k\":1} [EMAIL]"}'
ask "$(printf 'tab\there cr\rthere bell\a %s' "$PHI_EMAIL")"
check "mmx: control bytes are escaped" \
    test "$REPLY" = '{"msg":"tab\there cr\rthere bell\u0007 [EMAIL]"}'
ask "$(printf 'latin1 caf\xe9 \xc3 \xed\xa0\x80 %s' "$PHI_EMAIL")"
check "mmx: invalid UTF-8 becomes \\u00XX, never raw" \
    test "$REPLY" = '{"msg":"latin1 caf\u00e9 \u00c3 \u00ed\u00a0\u0080 [EMAIL]"}'
ask "$(printf 'utf8 \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 %s' "$PHI_EMAIL")"
check "mmx: valid UTF-8 is kept as is" \
    test "$REPLY" = "$(printf '{"msg":"utf8 \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 [EMAIL]"}')"
printf 'nul\0byte %s\n' "$PHI_EMAIL" >&"$W"
read -r -t 30 -u "$R" REPLY
check "mmx: a NUL byte is escaped" test "$REPLY" = '{"msg":"nul\u0000byte [EMAIL]"}'

long=$(head -c 400000 /dev/zero | tr '\0' 'x') # bash reads a pipe byte by byte: keep it moderate
ask "$PHI_EMAIL $long $PHI_CARD"
check "mmx: a 400 KB line is scrubbed at both ends" \
    test "$REPLY" = "{\"msg\":\"[EMAIL] $long [CARD]\"}"
head -c $((17 << 20)) /dev/zero | tr '\0' 'y' >&"$W"
ask " $PHI_EMAIL"
check "mmx: a 17 MiB line gets the fully masked reply" test "$REPLY" = "$FAILED"
ask "after the giant $PHI_EMAIL"
check "mmx: ... and the next line is normal again" test "$REPLY" = '{"msg":"after the giant [EMAIL]"}'

# Many lines in one write: exactly one reply each, in order.
dl_messages batch 1000 >&"$W"
: >"$WORK/batch.replies"
for ((i = 0; i < 1000; i++)); do
    read -r -t 30 -u "$R" REPLY || break
    printf '%s\n' "$REPLY" >>"$WORK/batch.replies"
done
check "mmx: 1000 lines written at once get 1000 replies" test "$(dl_lines "$WORK/batch.replies")" -eq 1000
check "mmx: ... in order" test "$(dl_count_seq "$WORK/batch.replies" batch)" -eq 1000 -a \
    "$(grep -ao 'seq=batch[a-z]*' "$WORK/batch.replies" | sort -c 2>&1 | wc -l)" -eq 0
check "mmx: ... all valid JSON objects with only msg" valid_replies "$WORK/batch.replies"
check "mmx: ... without PHI" dl_no_phi "$WORK/batch.replies"
printf 'no newline at EOF %s' "$PHI_EMAIL" >&"$W"
stop_input
read -r -t 30 -u "$R" REPLY
check "mmx: an unterminated last line still gets its reply" test "$REPLY" = '{"msg":"no newline at EOF [EMAIL]"}'
read -r -t 5 -u "$R" extra
check "mmx: ... and nothing more" test -z "${extra:-}"
dl_wait_exit "$PH" 10
check "mmx: exits 0 at EOF" test "$DL_STATUS" -eq 0
check "mmx: nothing ever written to stderr" test ! -s "$WORK/mmx.err"
check "mmx: the only logged error is the giant line, without its text" \
    test "$(grep -c ': error: ' "$WORK/mmx.log")" -eq 1 -a "$(grep -c 'message too long' "$WORK/mmx.log")" -eq 1
exec {R}<&-

# ---- mmexternal, interface.input="fulljson" ----------------------------------------
start json --rsyslog-mmexternal=fulljson --log-file "$WORK/json.log"
ask '{ "msg": "mail jane.doe@example.org caf\u00e9 \ud83d\ude00 x\/y \"q\"\n2nd", "rawmsg": "<13>raw", "$!": { "a": [ 1, { "b": "}" } ] } }'
check "json: msg is decoded, scrubbed and re-encoded" \
    test "$REPLY" = "$(printf '{"msg":"mail [EMAIL] caf\xc3\xa9 \xf0\x9f\x98\x80 x/y \\"q\\"\\n2nd"}')"
ask '{ "msg": "nothing here", "rawmsg": "x" }'
check "json: an unchanged msg is answered {}" test "$REPLY" = "{}"
ask '{ "rawmsg": "x", "hostname": "h" }'
check "json: an object without msg is answered {}" test "$REPLY" = "{}"
for bad in 'plain text jane.doe@example.org' '{"msg": 12}' '{"msg":"unterminated' \
    '{"msg":"x"} trailing' '[1,2]' '{"msg":"bad \q escape"}' ''; do
    ask "$bad"
    check "json: malformed input ${bad:0:24}... gets the fully masked reply" test "$REPLY" = "$FAILED"
done
stop_input
dl_wait_exit "$PH" 10
check "json: exits 0 at EOF" test "$DL_STATUS" -eq 0
check "json: nothing written to stderr" test ! -s "$WORK/json.err"
check "json: the failures are logged without message text" \
    test -s "$WORK/json.log" -a -z "$(grep -F -e "$PHI_EMAIL" -e unterminated -e plain "$WORK/json.log")"
exec {R}<&-

# ---- mmexternal with unusable options or rules: answer, never exit or print -------
start badopt --rsyslog-mmexternal --no-such-option
ask "email=$PHI_EMAIL"
check "bad option: every message gets the fully masked reply" test "$REPLY" = "$FAILED"
ask "second"
check "bad option: ... also the next one" test "$REPLY" = "$FAILED"
stop_input
dl_wait_exit "$PH" 10
check "bad option: exits 0 at EOF, stderr empty" test "$DL_STATUS" -eq 0 -a ! -s "$WORK/badopt.err"
exec {R}<&-
start badrules --rsyslog-mmexternal -r "$WORK/missing.yaml" --log-file "$WORK/badrules.log"
ask "email=$PHI_EMAIL"
check "bad rules file: the fully masked reply" test "$REPLY" = "$FAILED"
stop_input
dl_wait_exit "$PH" 10
check "bad rules file: exits 0 at EOF, stderr empty" test "$DL_STATUS" -eq 0 -a ! -s "$WORK/badrules.err"
check "bad rules file: the reason is in the log file" grep -q "missing.yaml" "$WORK/badrules.log"
exec {R}<&-

# ---- omprog --------------------------------------------------------------------------
start omp -o "$WORK/omp.out" --rsyslog-omprog --log-file "$WORK/omp.log"
read -r -t 30 -u "$R" REPLY
check "omprog: OK once ready" test "$REPLY" = "OK"
ask "first email=$PHI_EMAIL"
check "omprog: a message is confirmed OK" test "$REPLY" = "OK"
check "omprog: ... after it is in the file" grep -qx "first email=\[EMAIL\]" "$WORK/omp.out"
ask "BEGIN TRANSACTION"
check "omprog: BEGIN TRANSACTION is answered OK" test "$REPLY" = "OK"
for i in 1 2 3; do
    ask "txn $i card=$PHI_CARD"
    check "omprog: message $i in a transaction is answered DEFER_COMMIT" test "$REPLY" = "DEFER_COMMIT"
done
ask "COMMIT TRANSACTION"
check "omprog: COMMIT TRANSACTION is answered OK" test "$REPLY" = "OK"
check "omprog: the batch is in the file, marks are not" \
    test "$(cat "$WORK/omp.out")" = "$(printf 'first email=[EMAIL]\ntxn 1 card=[CARD]\ntxn 2 card=[CARD]\ntxn 3 card=[CARD]')"
mv "$WORK/omp.out" "$WORK/omp.out.1"
kill -HUP "$PH"
check "omprog: SIGHUP while idle reopens the file at once" \
    dl_wait_until 5 grep -q "output reopened" "$WORK/omp.log"
ask "after rotation $PHI_EMAIL"
check "omprog: ... and the next message goes there" grep -qx "after rotation \[EMAIL\]" "$WORK/omp.out"
kill -TERM "$PH"
dl_wait_exit "$PH" 5
check "omprog: SIGTERM ends it with status 0" test "$DL_STATUS" -eq 0
stop_input
exec {R}<&-

# Keep-alive dots: the output is a FIFO nobody reads, so the write of a
# 100 KiB message blocks; dots must come while it does, then "OK".
mkfifo "$WORK/stall.fifo"
exec {HOLD}<>"$WORK/stall.fifo"
start dots -o "$WORK/stall.fifo" --rsyslog-omprog --log-file "$WORK/dots.log"
read -r -t 30 -u "$R" REPLY
printf 'big %s %s\n' "$PHI_EMAIL" "$(head -c 102400 /dev/zero | tr '\0' 'z')" >&"$W"
sleep 3.5
# (the reader must not inherit our end of phiscrub's stdin, or EOF never comes)
dl_spawn DRAIN cat "$WORK/stall.fifo" >/dev/null {W}>&- {R}<&-
read -r -t 10 -u "$R" REPLY
check "omprog: a stalled write sends keep-alive dots, then OK (got ${REPLY:0:12})" \
    bash -c '[[ $0 =~ ^\.+OK$ ]]' "$REPLY"
stop_input
dl_wait_exit "$PH" 5
check "omprog: exits 0 at EOF after the stall" test "$DL_STATUS" -eq 0
dl_stop "$DRAIN" 2
exec {R}<&- {HOLD}<&-

# A full disk: an error status line, never message text, and recovery tries.
start full -o /dev/full --rsyslog-omprog --log-file "$WORK/full.log"
read -r -t 30 -u "$R" REPLY
ask "secret-word email=$PHI_EMAIL"
check "omprog: a failed write is answered with an error line" \
    test "$REPLY" = "ERROR cannot write output: No space left on device"
printf '%s\n' "$REPLY" >"$WORK/full.replies"
for line in "BEGIN TRANSACTION" "in txn secret-word $PHI_EMAIL" "COMMIT TRANSACTION"; do
    ask "$line"
    printf '%s\n' "$REPLY" >>"$WORK/full.replies"
done
check "omprog: a commit that can't be made durable is not OK" test "${REPLY:0:5}" = "ERROR"
stop_input
dl_wait_exit "$PH" 5
check "omprog: error lines and logs carry no message text" \
    test -s "$WORK/full.log" -a -z "$(grep -F -e secret-word -e "$PHI_EMAIL" "$WORK/full.replies" "$WORK/full.log")"
exec {R}<&-

# Confirmations off: stdout is /dev/null for rsyslog; nothing else changes.
dl_messages plain 500 | "$PHISCRUB" -o "$WORK/plain.out" --rsyslog-omprog >/dev/null 2>"$WORK/plain.err"
check "omprog without a reader of its replies: 500 messages written" \
    test "$(dl_count_seq "$WORK/plain.out" plain)" -eq 500 -a "$(dl_lines "$WORK/plain.out")" -eq 500
dl_messages more 10 | "$PHISCRUB" -o "$WORK/plain.out" --rsyslog-omprog >/dev/null 2>>"$WORK/plain.err"
check "omprog: a restart appends, never truncates" test "$(dl_lines "$WORK/plain.out")" -eq 510
check "omprog: no PHI in any file" dl_no_phi "$WORK/plain.out" "$WORK"/omp.out*
finish
