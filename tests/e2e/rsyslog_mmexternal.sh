#!/usr/bin/env bash
# rsyslog_mmexternal.sh — phiscrub as rsyslog's mmexternal helper, under
# Debian's rsyslogd 8.2302 (unpacked by daemons_lib.sh, run in the
# foreground on loopback ports with its own config and work folder).
#
# The fixture is one rsyslogd with four rulesets:
#   scrub_msg  (TCP+UDP)  mmexternal interface.input="msg", then omfwd to
#                         the sink port: the scrubbed message is forwarded
#   sink       (TCP)      writes what omfwd forwarded to msg.log
#   scrub_json (TCP)      mmexternal interface.input="fulljson" -> json.log
#   control    (TCP)      a helper that answers non-JSON -> control.log
#   exsink     (TCP)      receives from a second rsyslogd that runs the shipped
#                         examples/rsyslog-mmexternal.conf -> example-fwd.log
# The control shows rsyslog's "mmexternal: invalid reply" path as it is in
# 8.2302 (the original message passes unchanged); the real runs must never
# take it. Messages are counted: each carries a unique letters-only tag.
. "$(dirname "$0")/daemons_lib.sh" "$@"

dl_get_daemons
dl_pick_ports 6 || dl_skip "no free loopback ports"
P_MSG=${DL_PORTS[0]} P_SINK=${DL_PORTS[1]} P_JSON=${DL_PORTS[2]} P_CTRL=${DL_PORTS[3]}
P_EX=${DL_PORTS[4]} P_EXSINK=${DL_PORTS[5]}

cat >"$WORK/broken-helper.sh" <<'EOF'
#!/bin/sh
while IFS= read -r line; do echo "not json"; done
EOF
chmod +x "$WORK/broken-helper.sh"

cat >"$WORK/rsyslog.conf" <<EOF
global(workDirectory="$WORK" maxMessageSize="64k" processInternalMessages="on")
module(load="imtcp")
module(load="imudp")
module(load="mmexternal")
template(name="msgonly" type="string" string="%msg%\n")

input(type="imtcp" address="127.0.0.1" port="$P_MSG" ruleset="scrub_msg")
input(type="imudp" address="127.0.0.1" port="$P_MSG" ruleset="scrub_msg")
input(type="imtcp" address="127.0.0.1" port="$P_SINK" ruleset="sink")
input(type="imtcp" address="127.0.0.1" port="$P_JSON" ruleset="scrub_json")
input(type="imtcp" address="127.0.0.1" port="$P_CTRL" ruleset="control")
input(type="imtcp" address="127.0.0.1" port="$P_EXSINK" ruleset="exsink")

ruleset(name="scrub_msg") {
  action(type="mmexternal" interface.input="msg"
         binary="$PHISCRUB --rsyslog-mmexternal --log-file $WORK/phiscrub-msg.log")
  action(type="omfwd" target="127.0.0.1" port="$P_SINK" protocol="tcp")
}
ruleset(name="sink") {
  action(type="omfile" file="$WORK/msg.log" template="msgonly")
}
ruleset(name="scrub_json") {
  action(type="mmexternal" interface.input="fulljson"
         binary="$PHISCRUB --rsyslog-mmexternal=fulljson --log-file $WORK/phiscrub-json.log")
  action(type="omfile" file="$WORK/json.log" template="msgonly")
}
ruleset(name="exsink") {
  action(type="omfile" file="$WORK/example-fwd.log" template="msgonly")
}
ruleset(name="control") {
  action(type="mmexternal" binary="$WORK/broken-helper.sh")
  action(type="omfile" file="$WORK/control.log" template="msgonly")
}
# rsyslogd's own messages (processInternalMessages) land here.
*.* action(type="omfile" file="$WORK/rsyslogd.log")
EOF

dl_start_rsyslogd "$P_CTRL"

# ---- the invalid-reply path, with a helper that answers non-JSON -------------
echo "control message email=$PHI_EMAIL" | dl_send tcp "$P_CTRL"
dl_wait_lines "$WORK/control.log" 1 15
check "control: rsyslog logs 'mmexternal: invalid reply' for a non-JSON answer" \
    dl_wait_until 5 grep -q "mmexternal: invalid reply" "$WORK/rsyslogd.log"
check "control: ... and passes the original message on unchanged" \
    grep -qF "email=$PHI_EMAIL" "$WORK/control.log"

# ---- msg interface: TCP and UDP, forwarded with omfwd ------------------------
N_TCP=150 N_UDP=50
dl_messages tcp "$N_TCP" | dl_send tcp "$P_MSG"
dl_messages udp "$N_UDP" | dl_send udp "$P_MSG"
# Edge cases, each still one message with PHI and a tag: JSON specials,
# invalid UTF-8, a long message, PHI alone.
{
    printf 'phitest seq=edgeaaaa quotes "x" {"k":"v"} back\\slash \\u0041 email=%s\n' "$PHI_EMAIL"
    printf 'phitest seq=edgeaaab latin1 caf\xe9 \xff\xfe bytes card=%s\n' "$PHI_CARD"
    printf 'phitest seq=edgeaaac long email=%s %s card=%s\n' "$PHI_EMAIL" "$(head -c 30000 /dev/zero | tr '\0' 'x')" "$PHI_CARD"
    printf 'phitest seq=edgeaaad %s\n' "$PHI_EMAIL"
    printf 'phitest seq=edgeaaae unicode \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 email=%s\n' "$PHI_EMAIL"
} | dl_send tcp "$P_MSG"
N_EDGE=5
TOTAL=$((N_TCP + N_UDP + N_EDGE))
dl_wait_lines "$WORK/msg.log" "$TOTAL" 40
check "msg: $N_TCP TCP messages arrive once each after omfwd" \
    test "$(dl_count_seq "$WORK/msg.log" tcp)" -eq "$N_TCP"
check "msg: $N_UDP UDP messages arrive once each" \
    test "$(dl_count_seq "$WORK/msg.log" udp)" -eq "$N_UDP"
check "msg: $N_EDGE edge-case messages arrive" \
    test "$(dl_count_seq "$WORK/msg.log" edge)" -eq "$N_EDGE"
check "msg: no message is duplicated" \
    test "$(dl_dup_seq "$WORK/msg.log" '')" -eq 0
check "msg: exactly $TOTAL lines" test "$(dl_lines "$WORK/msg.log")" -eq "$TOTAL"
check "msg: no email or card number left" dl_no_phi "$WORK/msg.log"
check "msg: masks are in place" \
    test "$(grep -c 'seq=\(tcp\|udp\).*\[EMAIL\].*\[CARD\]' "$WORK/msg.log")" -eq $((N_TCP + N_UDP))
check "msg: the long message is scrubbed at both ends" \
    grep -q 'seq=edgeaaac long email=\[EMAIL\] x*x card=\[CARD\]' "$WORK/msg.log"
check "msg: JSON specials survive the reply" \
    grep -qF 'quotes "x" {"k":"v"} back\slash \u0041 email=[EMAIL]' "$WORK/msg.log"
check "msg: valid UTF-8 survives the reply" \
    grep -qF "$(printf 'unicode \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 email=[EMAIL]')" "$WORK/msg.log"
check "msg: invalid UTF-8 bytes are kept as their Latin-1 characters" \
    grep -qF "$(printf 'caf\xc3\xa9 \xc3\xbf\xc3\xbe bytes card=[CARD]')" "$WORK/msg.log"

# ---- fulljson interface --------------------------------------------------------
N_JSON=100
dl_messages json "$N_JSON" | dl_send tcp "$P_JSON"
printf 'phitest seq=jsonedge quotes "x" back\\slash tab\tend email=%s\n' "$PHI_EMAIL" | dl_send tcp "$P_JSON"
dl_wait_lines "$WORK/json.log" $((N_JSON + 1)) 30
check "fulljson: $N_JSON messages arrive once each" \
    test "$(dl_count_seq "$WORK/json.log" json)" -eq $((N_JSON + 1))
check "fulljson: no duplicates" test "$(dl_dup_seq "$WORK/json.log" json)" -eq 0
check "fulljson: no email or card number left" dl_no_phi "$WORK/json.log"
check "fulljson: masks are in place" \
    test "$(grep -c '\[EMAIL\].*\[CARD\]' "$WORK/json.log")" -eq "$N_JSON"
check "fulljson: escapes decoded and re-encoded" \
    grep -qF 'quotes "x" back\slash tab' "$WORK/json.log"

# ---- the shipped example, in a second rsyslogd forwarding to this one ----------
mkdir "$WORK/ex"
{
    echo "global(workDirectory=\"$WORK/ex\" processInternalMessages=\"on\")"
    dl_example rsyslog-mmexternal.conf "$P_EX" "$P_EXSINK"
    echo "*.* action(type=\"omfile\" file=\"$WORK/ex/rsyslogd.log\")"
} >"$WORK/example.conf"
dl_spawn EX_PID "${DL_ENV[@]}" "$RSYSLOGD" -n -f "$WORK/example.conf" -i "$WORK/ex/rsyslogd.pid" \
    -M "$RSYSLOG_MODULES" >"$WORK/ex/rsyslogd.stderr" 2>&1
if dl_wait_tcp "$P_EX" 10; then
    dl_messages extcp 100 | dl_send tcp "$P_EX"
    dl_messages exudp 30 | dl_send udp "$P_EX"
    dl_wait_lines "$WORK/example-fwd.log" 130 30
    check "example config: 100 TCP + 30 UDP messages forwarded once each" \
        test "$(dl_count_seq "$WORK/example-fwd.log" ex)" -eq 130 -a "$(dl_lines "$WORK/example-fwd.log")" -eq 130
    check "example config: scrubbed" dl_no_phi "$WORK/example-fwd.log"
    check "example config: masks are in place" \
        test "$(grep -c '\[EMAIL\].*\[CARD\]' "$WORK/example-fwd.log")" -eq 130
    check "example config: no invalid reply, no errors" \
        test -z "$(grep "invalid reply" "$WORK/ex/rsyslogd.log")" -a ! -s "$WORK/example-errors.log"
else
    fail "example config: rsyslogd starts" "$(head -c 300 "$WORK/ex/rsyslogd.stderr")"
fi
dl_stop "$EX_PID" 10

# ---- what rsyslog itself reported --------------------------------------------
invalid=$(grep -c "invalid reply" "$WORK/rsyslogd.log")
check "rsyslog never saw an invalid reply from phiscrub (only the control's $invalid)" \
    test -z "$(grep "invalid reply" "$WORK/rsyslogd.log" | grep -v broken-helper)"
check "rsyslog did not restart phiscrub" \
    test -z "$(grep -i "phiscrub.*terminated\|phiscrub.*restart" "$WORK/rsyslogd.log")"
check "phiscrub logged no errors" \
    test ! -s "$WORK/phiscrub-msg.log" -a ! -s "$WORK/phiscrub-json.log"
check "no PHI in rsyslogd's own log or stderr" dl_no_phi "$WORK/rsyslogd.stderr" "$WORK/rsyslogd.log"

dl_stop "$RSYSLOG_PID" 10
check "rsyslogd stops on SIGTERM" test "$DL_KILLED" -eq 0
finish
