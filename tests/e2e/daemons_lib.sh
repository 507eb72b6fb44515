# daemons_lib.sh — shared by the end-to-end scripts that run phiscrub under
# real log daemons (rsyslog, syslog-ng) or talk their protocols directly.
# Sourced, not run: `. "$(dirname "$0")/daemons_lib.sh" "$@"`.
#
# What it gives a script:
#   - PHISCRUB (absolute path), TESTS_DIR, WORK (a fresh temporary folder)
#   - pass/fail/check/finish: TAP-like lines and the final "N passed, M failed"
#   - dl_skip REASON: exit 77 with the reason (ctest shows it as skipped)
#   - dl_get_daemons: Debian's rsyslog and syslog-ng-core unpacked (not
#     installed) into a cache folder, fetched once with `apt-get download`
#     and `dpkg -x`; the two packages conflict, and installing either would
#     change the system's logging, so neither is installed
#   - dl_pick_ports, dl_wait_tcp, dl_wait_until, dl_wait_lines: loopback
#     ports and waits, every loop bounded in count and time
#   - dl_spawn: start a background process that is killed on exit;
#     dl_start_rsyslogd: rsyslogd on WORK/rsyslog.conf, up and listening
#
# The daemons run in the foreground as children of the script, with their
# own configuration, pid, state and control files inside WORK, listening on
# 127.0.0.1 only; nothing outside WORK and the cache folder is written.
set -u

PHISCRUB=${1:?usage: SCRIPT PHISCRUB_BINARY TESTS_DIR}
TESTS_DIR=${2:?usage: SCRIPT PHISCRUB_BINARY TESTS_DIR}
case $PHISCRUB in /*) ;; *) PHISCRUB=$(pwd)/$PHISCRUB ;; esac
DL_CACHE=${PHISCRUB_DAEMON_CACHE:-${HOME:-/tmp}/.cache/phiscrub-daemons}
DL_PACKAGES="rsyslog syslog-ng-core libestr0 libfastjson4 libivykis0 libnet1 libwrap0"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/phiscrub-e2e.XXXXXX") || exit 1
DL_PIDS=""
DL_PASSED=0
DL_FAILED=0

# ---- results ---------------------------------------------------------------

pass() { DL_PASSED=$((DL_PASSED + 1)); echo "ok - $1"; }
fail() { DL_FAILED=$((DL_FAILED + 1)); echo "not ok - $1${2:+: $2}"; }

# check NAME COMMAND...: pass when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

finish() {
    echo "$DL_PASSED passed, $DL_FAILED failed"
    [ "$DL_FAILED" -eq 0 ] && exit 0
    exit 1
}

dl_skip() {
    echo "SKIP: $*"
    echo "$DL_PASSED passed, $DL_FAILED failed (skipped: $*)"
    exit 77
}

# ---- processes ---------------------------------------------------------------

# dl_spawn VAR PROGRAM ARGS...: runs PROGRAM (an executable, not a shell
# function, so that $! is the program itself) in the background, stores its
# pid in VAR and remembers it for the exit trap. Its stdin is /dev/null.
dl_spawn() {
    local var=$1
    shift
    "$@" &
    local pid=$!
    DL_PIDS="$DL_PIDS $pid"
    printf -v "$var" '%s' "$pid"
}

# dl_start_rsyslogd PORT: runs rsyslogd on $WORK/rsyslog.conf (its pid in
# RSYSLOG_PID) and waits up to 10 s for its TCP input on PORT; if it does
# not come up, prints rsyslogd's stderr and ends the test as failed.
dl_start_rsyslogd() {
    dl_spawn RSYSLOG_PID "${DL_ENV[@]}" "$RSYSLOGD" -n -f "$WORK/rsyslog.conf" \
        -i "$WORK/rsyslogd.pid" -M "$RSYSLOG_MODULES" >"$WORK/rsyslogd.stderr" 2>&1
    dl_wait_tcp "$1" 10 || {
        cat "$WORK/rsyslogd.stderr"
        fail "rsyslogd starts"
        finish
    }
    pass "rsyslogd $("${DL_ENV[@]}" "$RSYSLOGD" -v | head -n 1 | awk '{print $2}') listens on 127.0.0.1"
}

# dl_stop PID [SECONDS]: TERM, wait up to SECONDS (default 10), then KILL.
# Sets DL_KILLED to 1 when it took a KILL, else 0.
dl_stop() {
    local pid=$1 limit=${2:-10} i=0
    DL_KILLED=0
    kill -TERM "$pid" 2>/dev/null || return 0
    while ! dl_gone "$pid" && [ "$i" -lt $((limit * 20)) ]; do
        sleep 0.05
        i=$((i + 1))
    done
    if ! dl_gone "$pid"; then
        DL_KILLED=1
        kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
    return 0
}

# dl_gone PID: the process has exited (or is a zombie). Reads /proc, so
# that procps need not be installed.
dl_gone() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
    stat=${stat##*) }
    [ "${stat:0:1}" = Z ]
}

# dl_children PID: the pids of PID's children, one per line.
dl_children() {
    local f stat
    for f in /proc/[0-9]*/stat; do
        read -r stat 2>/dev/null <"$f" || continue
        stat=${stat##*) }
        set -- "$1" $stat
        if [ "$3" = "$1" ]; then
            f=${f#/proc/}
            echo "${f%/stat}"
        fi
    done
}

# dl_wait_exit PID SECONDS: waits for our child PID to exit and sets
# DL_STATUS to its exit status; after SECONDS it is killed (status 124).
dl_wait_exit() {
    if dl_wait_until "$2" dl_gone "$1"; then
        wait "$1"
        DL_STATUS=$?
    else
        kill -KILL "$1" 2>/dev/null
        wait "$1" 2>/dev/null
        DL_STATUS=124
    fi
}

dl_cleanup() {
    local pid
    for pid in $DL_PIDS; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in $DL_PIDS; do
        dl_stop "$pid" 5 >/dev/null 2>&1
    done
    if [ "$DL_FAILED" -gt 0 ] || [ -n "${PHISCRUB_KEEP_WORK:-}" ]; then
        echo "# work folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap dl_cleanup EXIT
trap 'exit 130' INT TERM HUP

# ---- waits -----------------------------------------------------------------

# dl_wait_until SECONDS COMMAND...: polls COMMAND every 50 ms.
dl_wait_until() {
    local limit=$1 i=0
    shift
    while [ "$i" -lt $((limit * 20)) ]; do
        "$@" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    "$@"
}

dl_lines() { if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
dl_has_lines() { [ "$(dl_lines "$1")" -ge "$2" ]; }

# dl_wait_lines FILE N SECONDS: until FILE has at least N lines.
dl_wait_lines() { dl_wait_until "$3" dl_has_lines "$1" "$2"; }

dl_tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# dl_wait_tcp PORT SECONDS: until something accepts connections on PORT.
dl_wait_tcp() { dl_wait_until "$2" dl_tcp_open "$1"; }

# dl_pick_ports N: sets DL_PORTS to N distinct loopback ports that nothing
# listens on (TCP or UDP) right now.
dl_pick_ports() {
    local n=$1 tries=0 p used
    DL_PORTS=()
    used=""
    if command -v ss >/dev/null 2>&1; then
        used=$(ss -Hltun 2>/dev/null | awk '{n = split($5, a, ":"); print a[n]}')
    fi
    while [ "${#DL_PORTS[@]}" -lt "$n" ] && [ "$tries" -lt 500 ]; do
        tries=$((tries + 1))
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        case " ${DL_PORTS[*]} " in *" $p "*) continue ;; esac
        if printf '%s\n' "$used" | grep -qx "$p"; then continue; fi
        dl_tcp_open "$p" && continue
        DL_PORTS+=("$p")
    done
    [ "${#DL_PORTS[@]}" -eq "$n" ]
}

# ---- test data ---------------------------------------------------------------

# PHI every default rule pack masks; the assertions look for these.
PHI_EMAIL=jane.doe@example.org
PHI_CARD="4111 1111 1111 1111"

# dl_tag I: a sequence tag made of letters only ("aaba"), so that no
# number-shaped rule can touch it and each message stays identifiable.
# Sets DL_TAG (no subshell: scripts make thousands of these).
DL_LETTERS=abcdefghijklmnopqrstuvwxyz
dl_tag() {
    local i=$1
    DL_TAG=${DL_LETTERS:$((i / 17576 % 26)):1}${DL_LETTERS:$((i / 676 % 26)):1}${DL_LETTERS:$((i / 26 % 26)):1}${DL_LETTERS:$((i % 26)):1}
}

# dl_messages PREFIX N: N message lines carrying PHI, tagged seq=PREFIX<tag>.
dl_messages() {
    local i
    for ((i = 0; i < $2; i++)); do
        dl_tag "$i"
        printf 'phitest seq=%s%s patient=John Smith email=%s card=%s dob=1984-03-03 phone=(415) 555-0187 end\n' \
            "$1" "$DL_TAG" "$PHI_EMAIL" "$PHI_CARD"
    done
}

# dl_count_seq FILE PREFIX: how many distinct seq=PREFIX tags FILE holds;
# dl_dup_seq FILE PREFIX: how many of them appear more than once.
dl_count_seq() { grep -ao "seq=$2[a-z]*" "$1" 2>/dev/null | sort -u | wc -l | tr -d ' '; }
dl_dup_seq() { grep -ao "seq=$2[a-z]*" "$1" 2>/dev/null | sort | uniq -d | wc -l | tr -d ' '; }

# dl_no_phi FILE...: none of the files contains the email or the card.
dl_no_phi() { ! grep -aqF -e "$PHI_EMAIL" -e "$PHI_CARD" "$@"; }

# ---- the daemons ---------------------------------------------------------------

dl_try_download() {
    (cd "$1" && apt-get -q download $DL_PACKAGES) >"$1/apt.log" 2>&1 && return 0
    # No package lists on this system (a fresh container): fetch them into
    # the cache folder instead of the system's /var/lib/apt.
    local a="$DL_CACHE/apt"
    mkdir -p "$a/lists/partial" "$a/cache/archives/partial"
    local opts=(-q -o "Dir::State::Lists=$a/lists" -o "Dir::Cache=$a/cache"
        -o Debug::NoLocking=1 -o "APT::Sandbox::User=$(id -un)")
    timeout 300 apt-get "${opts[@]}" update >>"$1/apt.log" 2>&1 &&
        (cd "$1" && timeout 300 apt-get "${opts[@]}" download $DL_PACKAGES) >>"$1/apt.log" 2>&1
}

# dl_get_daemons: sets DL_ROOT (the unpacked packages), DL_LIBPATH, and the
# paths RSYSLOGD, RSYSLOG_MODULES, SYSLOG_NG, SYSLOG_NG_CTL,
# SYSLOG_NG_MODULES. Skips the script when they cannot be had.
dl_get_daemons() {
    command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 ||
        dl_skip "apt-get/dpkg not found: rsyslog and syslog-ng come from Debian packages"
    if ! mkdir -p "$DL_CACHE" 2>/dev/null || [ ! -w "$DL_CACHE" ]; then
        DL_CACHE=${TMPDIR:-/tmp}/phiscrub-daemons-$(id -u) # no usable $HOME (e.g. nobody)
        mkdir -p "$DL_CACHE" || dl_skip "cannot create a cache folder ($DL_CACHE)"
    fi
    DL_ROOT=$DL_CACHE/root
    (
        # One download at a time when ctest runs the scripts in parallel.
        command -v flock >/dev/null 2>&1 && flock -w 600 9
        [ -f "$DL_CACHE/complete" ] && exit 0
        tmp=$(mktemp -d "$DL_CACHE/dl.XXXXXX") || exit 1
        if ! dl_try_download "$tmp"; then
            cp "$tmp/apt.log" "$DL_CACHE/last-download.log" 2>/dev/null
            rm -rf "$tmp"
            exit 1
        fi
        rm -rf "$DL_ROOT"
        for deb in "$tmp"/*.deb; do
            if ! dpkg -x "$deb" "$DL_ROOT" >>"$tmp/apt.log" 2>&1; then
                cp "$tmp/apt.log" "$DL_CACHE/last-download.log"
                rm -rf "$tmp" "$DL_ROOT"
                exit 1
            fi
        done
        ls "$tmp"/*.deb | sed 's#.*/##' >"$DL_CACHE/complete"
        rm -rf "$tmp"
    ) 9>"$DL_CACHE/lock" ||
        dl_skip "could not download or unpack the Debian packages ($DL_PACKAGES); see $DL_CACHE/last-download.log"
    RSYSLOGD=$DL_ROOT/usr/sbin/rsyslogd
    SYSLOG_NG=$DL_ROOT/usr/sbin/syslog-ng
    SYSLOG_NG_CTL=$DL_ROOT/usr/sbin/syslog-ng-ctl
    RSYSLOG_MODULES=$(ls -d "$DL_ROOT"/usr/lib/*/rsyslog 2>/dev/null | head -n 1)
    SYSLOG_NG_MODULES=$(ls -d "$DL_ROOT"/usr/lib/syslog-ng/[0-9]* 2>/dev/null | head -n 1)
    local multiarch
    multiarch=$(dirname "$RSYSLOG_MODULES")
    DL_LIBPATH=$multiarch:$DL_ROOT/usr/lib/syslog-ng
    DL_ENV=(env "LD_LIBRARY_PATH=$DL_LIBPATH")
    [ -x "$RSYSLOGD" ] && [ -x "$SYSLOG_NG" ] && [ -n "$RSYSLOG_MODULES" ] &&
        [ -n "$SYSLOG_NG_MODULES" ] ||
        dl_skip "the unpacked packages in $DL_ROOT lack rsyslogd or syslog-ng (remove the folder to refetch)"
    echo "# packages: $(tr '\n' ' ' <"$DL_CACHE/complete")"
}

# Every daemon command runs with the unpacked libraries:
#   dl_spawn PID_VAR "${DL_ENV[@]}" "$RSYSLOGD" ...
DL_ENV=()

# dl_example NAME PORT [FORWARD_PORT]: the shipped examples/NAME with the
# test's paths: this phiscrub, files in WORK (example.log and
# example-errors.log), inputs on 127.0.0.1:PORT, and omfwd's collector
# replaced by 127.0.0.1:FORWARD_PORT. Everything else is used as shipped.
dl_example() {
    sed -e "s#/usr/local/bin/phiscrub#$PHISCRUB#g" \
        -e "s#/var/log/clinic/scrubbed.log#$WORK/example.log#g" \
        -e "s#/var/log/phiscrub-errors.log#$WORK/example-errors.log#g" \
        -e "s#target=\"logs.example.org\" port=\"514\"#target=\"127.0.0.1\" port=\"${3:-0}\"#" \
        -e "s#port=\"514\"#address=\"127.0.0.1\" port=\"$2\"#g" \
        -e "s#network(transport(\"\([a-z]*\)\") port(514))#network(ip(\"127.0.0.1\") transport(\"\1\") port($2))#g" \
        "$TESTS_DIR/../examples/$1"
}

# logger to the daemon under test: dl_send tcp|udp PORT [TAG] < lines
dl_send() {
    logger "--$1" -n 127.0.0.1 -P "$2" --rfc3164 --size 65536 -t "${3:-phitest}"
}

# ---- run directly (ctest globs tests/e2e/*.sh): check the helpers themselves --
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    dl_tag 0
    check "dl_tag 0 is aaaa" test "$DL_TAG" = aaaa
    dl_tag 28
    check "dl_tag 28 is aabc" test "$DL_TAG" = aabc
    dl_messages t 300 >"$WORK/m"
    check "dl_messages makes 300 distinct tags" test "$(dl_count_seq "$WORK/m" t)" -eq 300
    check "dl_dup_seq finds a duplicate" test "$(cat "$WORK/m" "$WORK/m" | dl_dup_seq /dev/stdin t)" -eq 300
    not() { ! "$@"; }
    check "dl_no_phi sees the PHI in them" not dl_no_phi "$WORK/m"
    check "dl_pick_ports gives 3 ports" dl_pick_ports 3
    check "dl_wait_until is bounded" not dl_wait_until 1 false
    finish
fi
