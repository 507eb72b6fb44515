#!/bin/sh
# install-deps.sh — installs the Debian packages phiscrub needs to build and
# test, only those missing. Run as root (or with sudo available).
set -eu

PACKAGES="cmake make gcc pkg-config libhyperscan-dev libyaml-dev zlib1g-dev libssl-dev
libarchive-dev libcmocka-dev tar gzip zip unzip time"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: run as root, or install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
