#!/usr/bin/env bash
# syslog_ng.sh — phiscrub as a syslog-ng program() destination, under
# Debian's syslog-ng 3.38 (unpacked by daemons_lib.sh, foreground, loopback
# ports, its own config, pid, persist and control files in the work folder).
#
# syslog-ng 3.38 (modules/afprog/afprog.c) runs the command with `sh -c`,
# points the child's stdout and stderr at /dev/null, restarts it whenever it
# exits (except with status 127), and sends TERM to its process group on
# reload and stop. So phiscrub writes -o FILE line-buffered, appends (a
# restart must not truncate), logs its own errors to --log-file, reopens
# FILE on SIGHUP, and flushes everything on TERM. The script walks through
# each of those events and counts the messages (unique letters-only tags)
# after every step. The configuration is examples/syslog-ng.conf as shipped,
# with paths and the port substituted.
. "$(dirname "$0")/daemons_lib.sh" "$@"

dl_get_daemons
dl_pick_ports 1 || dl_skip "no free loopback ports"
PORT=${DL_PORTS[0]}

# The shipped example, with this build, the work folder and a loopback
# port; plus syslog-ng's own messages into a file.
OUT=$WORK/example.log
PH_LOG=$WORK/example-errors.log
{
    dl_example syslog-ng.conf "$PORT"
    cat <<EOF
options { stats-freq(0); };
source s_internal { internal(); };
destination d_internal { file("$WORK/syslog-ng.log"); };
log { source(s_internal); destination(d_internal); };
EOF
} >"$WORK/syslog-ng.conf"

dl_spawn SNG_PID "${DL_ENV[@]}" "$SYSLOG_NG" -F --no-caps -f "$WORK/syslog-ng.conf" \
    -p "$WORK/syslog-ng.pid" -R "$WORK/syslog-ng.persist" -c "$WORK/syslog-ng.ctl" \
    --module-path="$SYSLOG_NG_MODULES" >"$WORK/syslog-ng.stderr" 2>&1
dl_wait_tcp "$PORT" 10 || {
    cat "$WORK/syslog-ng.stderr"
    fail "syslog-ng starts"
    finish
}
pass "$("${DL_ENV[@]}" "$SYSLOG_NG" -V | head -n 1) listens on 127.0.0.1"

# The program() child: `exec` in the command makes it phiscrub itself.
child() { dl_children "$SNG_PID" | head -n 1; }
child_is_new() {
    local p
    p=$(child)
    [ -n "$p" ] && [ "$p" != "$1" ] && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = phiscrub ]
}
dl_wait_until 10 child_is_new none
PH1=$(child)
check "program() started phiscrub" test -n "$PH1"

# ---- TCP and UDP -------------------------------------------------------------
N_TCP=150 N_UDP=50
dl_messages tcp "$N_TCP" | dl_send tcp "$PORT"
dl_messages udp "$N_UDP" | dl_send udp "$PORT"
dl_wait_lines "$OUT" $((N_TCP + N_UDP)) 30
check "$N_TCP TCP messages written once each" test "$(dl_count_seq "$OUT" tcp)" -eq "$N_TCP"
check "$N_UDP UDP messages written once each" test "$(dl_count_seq "$OUT" udp)" -eq "$N_UDP"
check "exact line count, no duplicates" \
    test "$(dl_lines "$OUT")" -eq $((N_TCP + N_UDP)) -a "$(dl_dup_seq "$OUT" '')" -eq 0
check "no email or card number left" dl_no_phi "$OUT"
check "masks are in place" test "$(grep -c '\[EMAIL\].*\[CARD\]' "$OUT")" -eq $((N_TCP + N_UDP))

# ---- logrotate: move the file, SIGHUP phiscrub ----------------------------------
mv "$OUT" "$OUT.1"
kill -HUP "$PH1"
N_HUP=40
dl_messages hup "$N_HUP" | dl_send tcp "$PORT"
dl_wait_lines "$OUT" "$N_HUP" 20
check "after SIGHUP: new messages go to the new file" \
    test "$(dl_count_seq "$OUT" hup)" -eq "$N_HUP" -a "$(dl_lines "$OUT")" -eq "$N_HUP"
check "after SIGHUP: the rotated file is left as it was" \
    test "$(dl_lines "$OUT.1")" -eq $((N_TCP + N_UDP))
check "SIGHUP does not restart phiscrub" test "$(child)" = "$PH1"

# ---- the child exits: syslog-ng restarts it; -a keeps what was written ----------
kill -TERM "$PH1"
dl_wait_until 10 child_is_new "$PH1"
PH2=$(child)
check "syslog-ng restarts phiscrub after it exits" test -n "$PH2" -a "$PH2" != "$PH1"
N_RESTART=40
dl_messages rst "$N_RESTART" | dl_send tcp "$PORT"
dl_wait_lines "$OUT" $((N_HUP + N_RESTART)) 20
check "after a restart: the file is appended to, not truncated" \
    test "$(dl_count_seq "$OUT" hup)" -eq "$N_HUP" -a "$(dl_count_seq "$OUT" rst)" -eq "$N_RESTART"

# ---- reload: syslog-ng TERMs the child's process group and starts a new one ----
"${DL_ENV[@]}" "$SYSLOG_NG_CTL" reload -c "$WORK/syslog-ng.ctl" >/dev/null 2>&1
dl_wait_until 10 child_is_new "$PH2"
PH3=$(child)
check "syslog-ng-ctl reload replaces phiscrub" test -n "$PH3" -a "$PH3" != "$PH2"
N_RELOAD=40
dl_messages rld "$N_RELOAD" | dl_send tcp "$PORT"
dl_wait_lines "$OUT" $((N_HUP + N_RESTART + N_RELOAD)) 20
check "after reload: messages written once each" \
    test "$(dl_count_seq "$OUT" rld)" -eq "$N_RELOAD" -a "$(dl_dup_seq "$OUT" '')" -eq 0

# ---- stop: messages sent just before are still written --------------------------
N_STOP=100
dl_messages stop "$N_STOP" | dl_send tcp "$PORT"
dl_wait_lines "$OUT" $((N_HUP + N_RESTART + N_RELOAD + N_STOP)) 20
dl_stop "$SNG_PID" 15
check "syslog-ng stops on SIGTERM" test "$DL_KILLED" -eq 0
check "phiscrub exits with it" dl_wait_until 5 dl_gone "$PH3"
check "after stop: every message once, nothing lost" \
    test "$(dl_count_seq "$OUT" stop)" -eq "$N_STOP" -a \
    "$(cat "$OUT" "$OUT.1" | wc -l)" -eq $((N_TCP + N_UDP + N_HUP + N_RESTART + N_RELOAD + N_STOP))
check "no email or card number in any file" dl_no_phi "$OUT" "$OUT.1"
check "phiscrub logged no errors" test -z "$(grep ': error: ' "$PH_LOG" 2>/dev/null)"
check "syslog-ng never saw 'command not found' (status 127)" \
    test -z "$(grep -i "command not found" "$WORK/syslog-ng.log")"
check "no PHI in syslog-ng's log, its stderr, or phiscrub's log" \
    dl_no_phi "$WORK/syslog-ng.log" "$WORK/syslog-ng.stderr" "$PH_LOG"
finish
