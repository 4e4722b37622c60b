#!/usr/bin/env bash
# Makes Debian's chromium available for the HTML report's browser test: installs it when missing
# (as root). Prints nothing on success; on failure prints one line saying why (the test skips with
# that line) and exits 1.
set -uo pipefail

fail() { echo "$*" >&2; exit 1; }

command -v chromium >/dev/null 2>&1 && exit 0
[ "$(id -u)" = 0 ] || fail "no chromium and not root, so Debian's chromium cannot be installed"
command -v apt-get >/dev/null 2>&1 || fail "no chromium and no apt-get to install it"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing on a fresh machine: update only when the first try fails.
apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; } \
    || fail "apt-get install chromium failed"
command -v chromium >/dev/null 2>&1 || fail "chromium was installed but is not on PATH"
