#!/bin/sh
# check_truth.sh — check a gen_clinic_logs truth file against its log.
#
# Usage: bench/check_truth.sh LOG TRUTH [--summary]
#
# Streams both files (truth rows are in line order), so it works on large
# corpora in constant memory. Checks that every row has four fields, a kind
# of phi or decoy, an upper-case category, a non-empty text, non-decreasing
# line numbers within the log, and that the unescaped text (\t \n \r \\)
# occurs on the stated line. Exit status 0 when every row checks out, 1
# otherwise (the first 20 problems are printed). --summary also prints the
# number of rows per kind and category.
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 LOG TRUTH [--summary]" >&2
    exit 2
fi
log=$1 truth=$2 summary=${3:-}
[ -r "$log" ] || { echo "$0: cannot read $log" >&2; exit 2; }
[ -r "$truth" ] || { echo "$0: cannot read $truth" >&2; exit 2; }

LC_ALL=C awk -F '\t' -v LOG="$log" -v SUMMARY="$summary" '
function unesc(s,    out, i, c) {
    out = ""
    while ((i = index(s, "\\")) > 0) {
        c = substr(s, i + 1, 1)
        out = out substr(s, 1, i - 1)
        if (c == "t") out = out "\t"
        else if (c == "n") out = out "\n"
        else if (c == "r") out = out "\r"
        else if (c == "\\") out = out "\\"
        else { problem("bad escape \\" c); out = out "\\" c }
        s = substr(s, i + 2)
    }
    return out s
}
function problem(msg) {
    bad++
    if (bad <= 20) printf "truth line %d: %s\n", NR, msg
}
BEGIN { cur = 0; line = "" }
{
    if (NF != 4) { problem("expected 4 tab-separated fields, got " NF); next }
    if ($1 !~ /^[1-9][0-9]*$/) { problem("bad line number \"" $1 "\""); next }
    if ($2 != "phi" && $2 != "decoy") { problem("bad kind \"" $2 "\""); next }
    if ($3 !~ /^[A-Z][A-Z0-9-]*$/) { problem("bad category \"" $3 "\""); next }
    if ($4 == "") { problem("empty text"); next }
    n = $1 + 0
    if (n < cur) { problem("line number " n " goes backwards (after " cur ")"); next }
    while (cur < n) {
        if ((getline line < LOG) <= 0) { problem("line " n " is past the end of the log (" cur " lines)"); exit 1 }
        cur++
    }
    t = unesc($4)
    if (index(line, t) == 0) problem("line " n ": " $2 " " $3 " text not found: " $4)
    rows++
    count[$2 "\t" $3]++
    if ($2 == "phi") { phi++; if (n != lastphi) { philines++; lastphi = n } } else decoy++
}
END {
    while ((getline line < LOG) > 0) cur++
    printf "%d rows (%d phi on %d lines, %d decoy) checked against %d log lines: %s\n",
        rows, phi, philines, decoy, cur, bad ? bad " problem(s)" : "all found"
    if (SUMMARY == "--summary")
        for (k in count) printf "  %s\t%d\n", k, count[k] | "sort"
    exit bad ? 1 : 0
}' "$truth"
