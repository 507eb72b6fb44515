#!/usr/bin/env bash
# shellcheck disable=SC2016  # markdown backticks inside single quotes are literal on purpose
# bench.sh — time phiscrub against cat, a sed -E chain and raw hs_scan on
# the same generated clinic-log corpus, and print a markdown report.
#
# Usage: bench/bench.sh [BUILD_DIR] [SIZE_MB]      (defaults: build 1024)
#
# Environment:
#   BENCH_RUNS=3        timed runs per tool (best wall time wins), after one
#                       untimed warm-up run
#   BENCH_SEED=1        corpus seed
#   BENCH_PHI_RATE=3    percentage of corpus lines carrying PHI
#   BENCH_CORE=0        CPU core to pin to with taskset (empty: no pinning)
#   BENCH_HYPERFINE=1   also run hyperfine (if installed) and print its table
#   PHISCRUB_ARGS=...   extra arguments for phiscrub (e.g. --keep-private-ip)
#   TMPDIR              where the corpus is kept (default /tmp)
#
# The corpus (SIZE_MB mebibytes of gen_clinic_logs output) is written once
# to $TMPDIR/phiscrub-bench-seedS-SIZEM-phiR.log and reused while the seed,
# size, PHI rate and generator source stay the same; delete it to force a
# rebuild. It should fit in RAM: every tool reads it from the page cache.
#
# Tools: cat (the I/O ceiling), sed -E with six expressions (emails, SSNs,
# cards, two phone shapes, ISO dates; LC_ALL=C), BUILD_DIR/src/phiscrub FILE,
# and BUILD_DIR/bench/phiscrub_bench_raw FILE when it exists (raw hs_scan
# over phiscrub's database; it prints its own MB/s, which the ratio uses).
# All write to /dev/null. Wall time comes from date +%s%N around each run,
# peak RSS from /usr/bin/time -v. MB/s means 10^6 bytes per second.
# The report (markdown) goes to stdout, progress to stderr.
set -euo pipefail

usage() { sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
case "${1:-}" in -h|--help) usage ;; esac
[ $# -le 2 ] || usage

build=${1:-build}
size_mb=${2:-1024}
runs=${BENCH_RUNS:-3}
seed=${BENCH_SEED:-1}
phi_rate=${BENCH_PHI_RATE:-3}
core=${BENCH_CORE-0}
tmp=${TMPDIR:-/tmp}
here=$(cd "$(dirname "$0")" && pwd)

case $size_mb in ''|*[!0-9]*) echo "bench.sh: SIZE_MB must be a positive integer" >&2; exit 2 ;; esac
case $runs in ''|*[!0-9]*|0) echo "bench.sh: BENCH_RUNS must be a positive integer" >&2; exit 2 ;; esac
[ "$size_mb" -gt 0 ] || { echo "bench.sh: SIZE_MB must be > 0" >&2; exit 2; }

log() { printf '%s\n' "bench.sh: $*" >&2; }

if [ ! -x /usr/bin/time ]; then
    log "/usr/bin/time (GNU time) is missing; install it with: sudo apt-get install time"
    exit 1
fi

pin=()
if [ -n "$core" ] && command -v taskset >/dev/null 2>&1 && taskset -c "$core" true 2>/dev/null; then
    pin=(taskset -c "$core")
    pinned="pinned to core $core with taskset"
else
    pinned="not pinned (taskset unavailable or BENCH_CORE empty)"
fi

# ---- the generator --------------------------------------------------------
gen=$build/bench/gen_clinic_logs
if [ ! -x "$gen" ] && [ -f "$build/CMakeCache.txt" ]; then
    log "building gen_clinic_logs in $build"
    cmake --build "$build" --target gen_clinic_logs >&2 || true
fi
if [ ! -x "$gen" ]; then
    gen=$tmp/phiscrub-bench-gen_clinic_logs
    log "no $build/bench/gen_clinic_logs; compiling $gen"
    ${CC:-cc} -O2 -std=c11 -o "$gen" "$here/gen_clinic_logs.c"
fi

# ---- the corpus -------------------------------------------------------------
corpus=$tmp/phiscrub-bench-seed$seed-${size_mb}M-phi$phi_rate.log
stamp=$corpus.gen
src_sum=$(cksum < "$here/gen_clinic_logs.c" | cut -d' ' -f1)
want_bytes=$((size_mb * 1048576))
have_bytes=$(stat -c %s "$corpus" 2>/dev/null || echo 0)
if [ "$have_bytes" -lt "$want_bytes" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$src_sum" ]; then
    log "generating $corpus (${size_mb} MiB, seed $seed, ${phi_rate}% PHI lines)"
    rm -f "$stamp"
    start=$(date +%s%N)
    "$gen" --seed "$seed" --bytes "${size_mb}M" --phi-rate "$phi_rate" > "$corpus.tmp"
    end=$(date +%s%N)
    mv "$corpus.tmp" "$corpus"
    echo "$src_sum" > "$stamp"
    log "generated in $(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }') s"
else
    log "reusing $corpus"
fi
bytes=$(stat -c %s "$corpus")
lines=$(wc -l < "$corpus")

# ---- timing -------------------------------------------------------------------
sed_chain=(sed -E
    -e 's/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/[EMAIL]/g'
    -e 's/\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b/[SSN]/g'
    -e 's/\b[2-6][0-9]{3}([ -]?[0-9]{4}){3}\b|\b3[47][0-9]{2}[ -]?[0-9]{6}[ -]?[0-9]{5}\b/[CARD]/g'
    -e 's/(\+?1[ .-]?)?\([2-9][0-9]{2}\) ?[0-9]{3}[ .-][0-9]{4}\b/[PHONE]/g'
    -e 's/\b(1[ .-])?[2-9][0-9]{2}[.-][0-9]{3}[.-][0-9]{4}\b/[PHONE]/g'
    -e 's/\b(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])/[DATE]/g')

timefile=$(mktemp "$tmp/phiscrub-bench-time.XXXXXX")
outfile=$(mktemp "$tmp/phiscrub-bench-out.XXXXXX")
errfile=$(mktemp "$tmp/phiscrub-bench-err.XXXXXX")
trap 'rm -f "$timefile" "$outfile" "$errfile" "$corpus.tmp"' EXIT

# run CAPTURE NAME CMD... : one untimed warm-up, then $runs timed runs.
# Sets best_ns, rss_kb and status; with CAPTURE=1 the tool's stdout (a
# short report) is kept in $outfile, otherwise it goes to /dev/null.
run() {
    local capture=$1 name=$2; shift 2
    local i start end ns rss rc out=/dev/null
    [ "$capture" = 1 ] && out=$outfile
    best_ns=0 rss_kb=0 status=ok
    log "$name: warm-up"
    if LC_ALL=C "${pin[@]}" "$@" > "$out" 2>"$errfile"; then :; else
        rc=$?
        status="failed (exit status $rc: $(head -c 200 "$errfile" | tr '\n' ' '))"
        log "$name: $status"
        return 0
    fi
    for ((i = 1; i <= runs; i++)); do
        start=$(date +%s%N)
        if LC_ALL=C /usr/bin/time -v -o "$timefile" "${pin[@]}" "$@" > "$out" 2>"$errfile"; then :; else
            rc=$?
            status="failed on run $i (exit status $rc)"
            log "$name: $status"
            return 0
        fi
        end=$(date +%s%N)
        ns=$((end - start))
        rss=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$timefile")
        if [ "$best_ns" -eq 0 ] || [ "$ns" -lt "$best_ns" ]; then best_ns=$ns; fi
        if [ "${rss:-0}" -gt "$rss_kb" ]; then rss_kb=$rss; fi
        log "$name: run $i $(awk -v ns="$ns" 'BEGIN { printf "%.3f s", ns / 1e9 }')"
    done
    return 0
}

declare -a names rows mbs
add_row() { # name label
    local name=$1 label=$2 mb secs rssmib
    if [ "$status" != ok ]; then
        rows+=("| $label | $status | | |")
        mbs+=("")
        names+=("$name")
        return
    fi
    secs=$(awk -v ns="$best_ns" 'BEGIN { printf "%.3f", ns / 1e9 }')
    mb=$(awk -v b="$bytes" -v ns="$best_ns" 'BEGIN { printf "%.1f", b / 1e6 / (ns / 1e9) }')
    rssmib=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
    rows+=("| $label | $secs | $mb | $rssmib |")
    mbs+=("$mb")
    names+=("$name")
}

run 0 cat cat "$corpus"
add_row cat '`cat`'

run 0 sed "${sed_chain[@]}" "$corpus"
add_row sed '`sed -E` (6 expressions)'

phiscrub=$build/src/phiscrub
phiscrub_args=()
[ -z "${PHISCRUB_ARGS:-}" ] || read -r -a phiscrub_args <<< "$PHISCRUB_ARGS"
version=
if [ -x "$phiscrub" ]; then
    version=$("$phiscrub" --version 2>/dev/null | head -1 || true)
    run 0 phiscrub "$phiscrub" "${phiscrub_args[@]}" "$corpus"
    add_row phiscrub "\`phiscrub${PHISCRUB_ARGS:+ $PHISCRUB_ARGS}\`"
else
    log "no $phiscrub; build it first (cmake --build $build)"
    status="not built"; add_row phiscrub '`phiscrub`'
fi

raw=$build/bench/phiscrub_bench_raw
raw_self=
if [ -x "$raw" ]; then
    run 1 raw "$raw" "$corpus"
    add_row raw '`phiscrub_bench_raw` (hs_scan only)'
    if [ "$status" = ok ]; then
        # its own figure: the last number followed by MB/s in its output
        raw_self=$(grep -o '[0-9][0-9.]*[[:space:]]*MB/s' "$outfile" | tail -1 | grep -o '^[0-9.]*' || true)
    fi
else
    log "no $raw (added by the lead later); skipping raw hs_scan"
fi

# ---- report ---------------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
mbps() { local i; for i in "${!names[@]}"; do [ "${names[$i]}" = "$1" ] && { echo "${mbs[$i]}"; return; }; done; echo; }
ratio() { # a b -> "a/b" as N.NNx, or n/a
    if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3gx", a / b }'; else echo "n/a"; fi
}
p=$(mbps phiscrub)
raw_for_ratio=${raw_self:-$(mbps raw)}

echo "### Results"
echo
echo "- corpus: \`gen_clinic_logs --seed $seed --bytes ${size_mb}M --phi-rate $phi_rate\`: $bytes bytes, $lines lines"
echo "- CPU: ${cpu:-unknown}; $(nproc) online; $pinned"
echo "- kernel: $(uname -sr); date: $(date -u +%Y-%m-%d)"
[ -z "$version" ] || echo "- phiscrub: $version"
echo "- best of $runs runs after one warm-up, corpus in the page cache, output to /dev/null; MB = 10^6 bytes"
echo
echo "| tool | best wall (s) | MB/s | peak RSS (MiB) |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if [ -n "$raw_self" ]; then
    echo
    echo "\`phiscrub_bench_raw\` reports ${raw_self} MB/s itself (scan only, without start-up); the ratio below uses that."
fi
echo
echo "| ratio (throughput) | value |"
echo "|---|---:|"
echo "| phiscrub / cat | $(ratio "$p" "$(mbps cat)") |"
echo "| phiscrub / sed -E | $(ratio "$p" "$(mbps sed)") |"
echo "| phiscrub / raw hs_scan | $(ratio "$p" "$raw_for_ratio") |"

if [ "${BENCH_HYPERFINE:-0}" = 1 ]; then
    if command -v hyperfine >/dev/null 2>&1; then
        hf=$(mktemp "$tmp/phiscrub-bench-hf.XXXXXX")
        pre=
        [ ${#pin[@]} -eq 0 ] || pre="$(printf '%q ' "${pin[@]}")"
        cmds=(-n cat "${pre}cat $(printf %q "$corpus")"
              -n "sed -E" "${pre}$(printf '%q ' "${sed_chain[@]}")$(printf %q "$corpus")")
        [ ! -x "$phiscrub" ] || cmds+=(-n phiscrub "${pre}$(printf %q "$phiscrub") ${PHISCRUB_ARGS:-} $(printf %q "$corpus")")
        [ ! -x "$raw" ] || cmds+=(-n phiscrub_bench_raw "${pre}$(printf %q "$raw") $(printf %q "$corpus")")
        log "hyperfine: $((${#cmds[@]} / 3)) commands"
        LC_ALL=C hyperfine --warmup 1 --runs "$runs" --output null --export-markdown "$hf" \
            "${cmds[@]}" >&2 || true
        echo
        echo "hyperfine:"
        echo
        cat "$hf"
        rm -f "$hf"
    else
        log "BENCH_HYPERFINE=1 but hyperfine is not installed (apt-get install hyperfine)"
    fi
fi
