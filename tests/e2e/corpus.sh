#!/usr/bin/env bash
# corpus.sh — detection quality on the labelled clinic corpus.
#
# tests/corpus/clinic_mixed.log comes with a ground-truth file listing, per
# line, every PHI value and every decoy (timestamps, UUIDs, versions, prices,
# ...). A PHI value counts as caught when it no longer appears on its output
# line; a decoy survives when it still does. The test fails below 99 %
# recall in any category or below 99.5 % decoy survival, and a PHI-free file
# (clinic_decoys.log) must come out byte-identical. The figures are printed
# either way; set CORPUS_MISSES=N to list N missed values.
# usage: corpus.sh PHISCRUB TESTS_DIR
set -u
BIN=$1
TESTS=$2
C="$TESTS/corpus"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0

"$BIN" "$C/clinic_mixed.log" > "$T/mixed.out" || { echo "FAIL: phiscrub exited $?"; exit 1; }

awk -F'\t' -v misses="${CORPUS_MISSES:-0}" -v out="$T/mixed.out" '
function unescape(s,   r, i, c) {
    r = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\" && i < length(s)) {
            i++; c = substr(s, i, 1)
            if (c == "t") c = "\t"; else if (c == "n") c = "\n"; else if (c == "r") c = "\r"
        }
        r = r c
    }
    return r
}
BEGIN {
    n = 0
    while ((getline line < out) > 0) lines[++n] = line
}
{
    text = unescape($4)
    present = index(lines[$1], text) > 0
    if ($2 == "phi") {
        total[$3]++
        if (present) {
            missed[$3]++
            if (shown < misses) { shown++; printf "  missed %s line %d: %s\n", $3, $1, $4 }
        }
    } else {
        decoys++
        if (!present) {
            eaten++
            if (eshown < misses) { eshown++; printf "  ate decoy %s line %d: %s\n", $3, $1, $4 }
        }
    }
}
END {
    bad = 0
    for (c in total) {
        r = 100 * (total[c] - missed[c]) / total[c]
        printf "recall %-8s %6.2f%%  (%d/%d)\n", c, r, total[c] - missed[c], total[c]
        if (r < 99) bad = 1
    }
    s = decoys ? 100 * (decoys - eaten) / decoys : 100
    printf "decoy survival  %6.2f%%  (%d/%d)\n", s, decoys - eaten, decoys
    if (s < 99.5) bad = 1
    exit bad
}' "$C/clinic_mixed.truth.tsv" | sort
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || { echo "FAIL: below the recall or decoy-survival floor"; fail=1; }

"$BIN" "$C/clinic_decoys.log" > "$T/decoys.out"
if cmp -s "$C/clinic_decoys.log" "$T/decoys.out"; then
    echo "PHI-free corpus: byte-identical"
else
    echo "FAIL: PHI-free corpus changed:"
    diff "$C/clinic_decoys.log" "$T/decoys.out" | head -20
    fail=1
fi
[ "$fail" -eq 0 ] && echo "2 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$fail"
