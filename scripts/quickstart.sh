#!/bin/sh
# quickstart.sh — installs what is missing, builds phiscrub (release) and runs
# it on the bundled sample log, showing the input and the redacted output.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "== examples/sample-clinic.log (input)"
cat examples/sample-clinic.log
echo
echo "== build/src/phiscrub --stats examples/sample-clinic.log (output)"
build/src/phiscrub --stats examples/sample-clinic.log
