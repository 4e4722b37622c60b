#!/usr/bin/env bash
# Makes a Docker engine answer on this machine, for `sam local invoke`: installs Debian's docker.io
# when there is none and starts dockerd in the background when none is running. Prints nothing on
# success; on failure prints one line saying why (the e2e tests skip with that line) and exits 1.
set -uo pipefail

LOG=${SHOAL_DOCKERD_LOG:-/tmp/shoal-dockerd.log}

fail() { echo "$*" >&2; exit 1; }
engine_up() { docker info >/dev/null 2>&1; }

engine_up && exit 0

if ! command -v dockerd >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "no Docker engine and not root, so docker.io cannot be installed"
    command -v apt-get >/dev/null 2>&1 || fail "no Docker engine and no apt-get to install docker.io"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be missing on a fresh machine: update only when the first try fails.
    apt-get install -y -qq docker.io >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq docker.io >/dev/null 2>&1; } \
        || fail "apt-get install docker.io failed"
fi
command -v docker >/dev/null 2>&1 || fail "dockerd is installed but the docker client is not"

[ "$(id -u)" = 0 ] || fail "no Docker engine is running and only root can start dockerd"
# setsid: the daemon outlives this script and the test run that called it (its pid is in its pidfile).
setsid dockerd >"$LOG" 2>&1 </dev/null &
for _ in $(seq 60); do
    engine_up && exit 0
    kill -0 $! 2>/dev/null || break
    sleep 0.5
done
fail "dockerd did not start: $(grep -m1 -iE 'level=(fatal|error)' "$LOG" | cut -c1-300 || tail -n1 "$LOG")"
