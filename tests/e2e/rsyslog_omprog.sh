#!/usr/bin/env bash
# rsyslog_omprog.sh — `phiscrub -o FILE --rsyslog-omprog` under Debian's
# rsyslogd 8.2302 (unpacked by daemons_lib.sh, foreground, loopback ports,
# its own config and work folder).
#
# One rsyslogd, one ruleset per omprog setting, each writing its own file:
#   txn      (TCP+UDP)  confirmMessages + useTransactions, hup.signal="HUP",
#                       signalOnClose: counted, then rotated with SIGHUP
#   confirm  (TCP)      confirmMessages only
#   plain    (TCP)      no confirmation (stdout goes to /dev/null)
#   slow     (TCP)      confirmMessages, confirmTimeout=2000, writing into a
#                       FIFO nobody reads for 5 s: only the keep-alive dots
#                       keep rsyslog from killing and restarting phiscrub
#   full     (TCP)      writes to /dev/full: each message is answered with
#                       an error line, which must not contain message text
# and a second rsyslogd runs the shipped examples/rsyslog-omprog.conf.
# Every message carries a unique letters-only tag; counts must be exact
# (a restart and retry would show up as a duplicate).
. "$(dirname "$0")/daemons_lib.sh" "$@"

dl_get_daemons
dl_pick_ports 6 || dl_skip "no free loopback ports"
P_EX=${DL_PORTS[5]}
P_TXN=${DL_PORTS[0]} P_CONF=${DL_PORTS[1]} P_PLAIN=${DL_PORTS[2]} P_SLOW=${DL_PORTS[3]} P_FULL=${DL_PORTS[4]}

mkfifo "$WORK/slow.fifo"

prog() { echo "$PHISCRUB -o $1 --rsyslog-omprog --log-file $WORK/phiscrub-$2.log"; }

cat >"$WORK/rsyslog.conf" <<EOF
global(workDirectory="$WORK" maxMessageSize="64k" processInternalMessages="on")
module(load="imtcp")
module(load="imudp")
module(load="omprog")
input(type="imtcp" address="127.0.0.1" port="$P_TXN" ruleset="txn")
input(type="imudp" address="127.0.0.1" port="$P_TXN" ruleset="txn")
input(type="imtcp" address="127.0.0.1" port="$P_CONF" ruleset="confirm")
input(type="imtcp" address="127.0.0.1" port="$P_PLAIN" ruleset="plain")
input(type="imtcp" address="127.0.0.1" port="$P_SLOW" ruleset="slow")
input(type="imtcp" address="127.0.0.1" port="$P_FULL" ruleset="full")

ruleset(name="txn" queue.type="LinkedList" queue.dequeueBatchSize="32") {
  action(type="omprog" binary="$(prog "$WORK/txn.log" txn)"
         confirmMessages="on" useTransactions="on" hup.signal="HUP"
         signalOnClose="on" reportFailures="on")
}
ruleset(name="confirm") {
  action(type="omprog" binary="$(prog "$WORK/confirm.log" confirm)" confirmMessages="on" reportFailures="on")
}
ruleset(name="plain") {
  action(type="omprog" binary="$(prog "$WORK/plain.log" plain)")
}
ruleset(name="slow" queue.type="LinkedList") {
  action(type="omprog" binary="$(prog "$WORK/slow.fifo" slow)"
         confirmMessages="on" confirmTimeout="2000" reportFailures="on")
}
ruleset(name="full" queue.type="LinkedList") {
  action(type="omprog" binary="$(prog /dev/full full)"
         confirmMessages="on" reportFailures="on" action.resumeRetryCount="1")
}
*.* action(type="omfile" file="$WORK/rsyslogd.log")
EOF

dl_start_rsyslogd "$P_FULL"

# ---- slow output first: it takes longest -------------------------------------
# Held open read-write here, the FIFO has a reader, so phiscrub's open()
# does not wait; nobody reads it until the keep-alive part below.
exec 7<>"$WORK/slow.fifo"
N_SLOW=80
big=$(head -c 1500 /dev/zero | tr '\0' 'x')
for ((i = 0; i < N_SLOW; i++)); do
    dl_tag "$i"
    printf 'phitest seq=slow%s email=%s %s\n' "$DL_TAG" "$PHI_EMAIL" "$big"
done | dl_send tcp "$P_SLOW"

# ---- three settings, counted -------------------------------------------------
N=120 N_UDP=40
dl_messages ttcp "$N" | dl_send tcp "$P_TXN"
dl_messages tudp "$N_UDP" | dl_send udp "$P_TXN"
dl_messages conf "$N" | dl_send tcp "$P_CONF"
dl_messages plain "$N" | dl_send tcp "$P_PLAIN"
dl_wait_lines "$WORK/txn.log" $((N + N_UDP)) 30
dl_wait_lines "$WORK/confirm.log" "$N" 30
dl_wait_lines "$WORK/plain.log" "$N" 30
check "transactions: $N TCP messages written once each" \
    test "$(dl_count_seq "$WORK/txn.log" ttcp)" -eq "$N"
check "transactions: $N_UDP UDP messages written once each" \
    test "$(dl_count_seq "$WORK/txn.log" tudp)" -eq "$N_UDP"
check "transactions: no duplicates, exact line count" \
    test "$(dl_dup_seq "$WORK/txn.log" '')" -eq 0 -a "$(dl_lines "$WORK/txn.log")" -eq $((N + N_UDP))
check "confirm: $N messages written once each" \
    test "$(dl_count_seq "$WORK/confirm.log" conf)" -eq "$N" -a "$(dl_lines "$WORK/confirm.log")" -eq "$N"
check "no confirmation: $N messages written once each" \
    test "$(dl_count_seq "$WORK/plain.log" plain)" -eq "$N" -a "$(dl_lines "$WORK/plain.log")" -eq "$N"
check "no email or card number in any output" \
    dl_no_phi "$WORK/txn.log" "$WORK/confirm.log" "$WORK/plain.log"
check "masks are in place" \
    test "$(cat "$WORK/txn.log" "$WORK/confirm.log" "$WORK/plain.log" | grep -c '\[EMAIL\].*\[CARD\]')" \
    -eq $((3 * N + N_UDP))
check "rsyslog's file format (timestamp host tag) is kept" \
    grep -q '^[0-9-]*T[0-9:.]*[+-][0-9:]* [^ ]* phitest: phitest seq=conf' "$WORK/confirm.log"

# ---- logrotate: move the file, HUP rsyslogd (hup.signal="HUP" forwards it) ----
mv "$WORK/txn.log" "$WORK/txn.log.1"
kill -HUP "$RSYSLOG_PID"
check "SIGHUP reaches phiscrub, which reopens its output" \
    dl_wait_until 10 grep -q "output reopened" "$WORK/phiscrub-txn.log"
N_ROT=60
dl_messages rot "$N_ROT" | dl_send tcp "$P_TXN"
dl_wait_lines "$WORK/txn.log" "$N_ROT" 20
check "after rotation: $N_ROT new messages in the new file" \
    test "$(dl_count_seq "$WORK/txn.log" rot)" -eq "$N_ROT" -a "$(dl_lines "$WORK/txn.log")" -eq "$N_ROT"
check "after rotation: the old file is left alone" \
    test "$(dl_count_seq "$WORK/txn.log.1" rot)" -eq 0 -a "$(dl_lines "$WORK/txn.log.1")" -eq $((N + N_UDP))

# ---- keep-alive dots -------------------------------------------------------------
sleep 5 # the FIFO is full by now, and 5 s is well past confirmTimeout=2000
dl_spawn READER cat "$WORK/slow.fifo" >"$WORK/slow.out"
dl_wait_lines "$WORK/slow.out" "$N_SLOW" 30
check "slow output: $N_SLOW messages written once each" \
    test "$(dl_count_seq "$WORK/slow.out" slow)" -eq "$N_SLOW" -a "$(dl_lines "$WORK/slow.out")" -eq "$N_SLOW"
check "slow output: rsyslog never timed out waiting for phiscrub (keep-alive dots)" \
    test -z "$(grep "did not respond within timeout" "$WORK/rsyslogd.log")"
check "slow output: no email left" dl_no_phi "$WORK/slow.out"

# ---- write errors ----------------------------------------------------------------
echo "phitest seq=fullaaaa email=$PHI_EMAIL card=$PHI_CARD" | dl_send tcp "$P_FULL"
check "/dev/full: rsyslog receives an error status line" \
    dl_wait_until 15 grep -q "returned: ERROR cannot write output: No space left on device" "$WORK/rsyslogd.log"
check "/dev/full: phiscrub logs the error" \
    grep -q "error: cannot write output: No space left on device" "$WORK/phiscrub-full.log"

# ---- the shipped example, in a second rsyslogd ---------------------------------
mkdir "$WORK/ex"
{
    echo "global(workDirectory=\"$WORK/ex\" processInternalMessages=\"on\")"
    dl_example rsyslog-omprog.conf "$P_EX"
    echo "*.* action(type=\"omfile\" file=\"$WORK/ex/rsyslogd.log\")"
} >"$WORK/example.conf"
dl_spawn EX_PID "${DL_ENV[@]}" "$RSYSLOGD" -n -f "$WORK/example.conf" -i "$WORK/ex/rsyslogd.pid" \
    -M "$RSYSLOG_MODULES" >"$WORK/ex/rsyslogd.stderr" 2>&1
if dl_wait_tcp "$P_EX" 10; then
    dl_messages extcp 100 | dl_send tcp "$P_EX"
    dl_messages exudp 30 | dl_send udp "$P_EX"
    dl_wait_lines "$WORK/example.log" 130 30
    check "example config: 100 TCP + 30 UDP messages written once each" \
        test "$(dl_count_seq "$WORK/example.log" ex)" -eq 130 -a "$(dl_lines "$WORK/example.log")" -eq 130
    check "example config: scrubbed" dl_no_phi "$WORK/example.log"
    check "example config: no errors" \
        test ! -s "$WORK/example-errors.log" -a -z "$(grep "omprog:" "$WORK/ex/rsyslogd.log")"
else
    fail "example config: rsyslogd starts" "$(head -c 300 "$WORK/ex/rsyslogd.stderr")"
fi
dl_stop "$EX_PID" 10
check "example config: every message still there after stop" test "$(dl_lines "$WORK/example.log")" -eq 130

# ---- stop ---------------------------------------------------------------------------
dl_stop "$RSYSLOG_PID" 15
check "rsyslogd stops on SIGTERM" test "$DL_KILLED" -eq 0
check "after stop: every message still there, once" \
    test "$(cat "$WORK/txn.log" "$WORK/txn.log.1" | wc -l)" -eq $((N + N_UDP + N_ROT)) -a \
    "$(dl_lines "$WORK/confirm.log")" -eq "$N" -a "$(dl_lines "$WORK/plain.log")" -eq "$N"
check "phiscrub logged no errors except the /dev/full ones" \
    test -z "$(cat "$WORK"/phiscrub-{txn,confirm,plain,slow}.log 2>/dev/null | grep ': error: ')"
check "rsyslog did not have to restart phiscrub" \
    test -z "$(grep "terminated; will be restarted\|did not terminate" "$WORK/rsyslogd.log")"
check "no PHI in rsyslogd's log, its stderr, or phiscrub's logs" \
    dl_no_phi "$WORK/rsyslogd.log" "$WORK/rsyslogd.stderr" "$WORK"/phiscrub-*.log
finish
