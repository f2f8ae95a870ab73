#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests: its own data folder, socket folder
# and port on 127.0.0.1, trust authentication, removed again when stopped.
#
# Why by hand: the machines have no systemd, the image's idle Debian cluster on
# 5432 is not ours to use, and tests must not depend on state a previous run left.
#
# Two ways to use it:
#   source scripts/postgres-throwaway.sh      # (as ./test does) then call
#     pg_throwaway_start   -> sets PG_THROWAWAY_PORT, PG_THROWAWAY_ROOT,
#                             PG_THROWAWAY_CONNECTION; returns non-zero on failure
#     pg_throwaway_stop    -> stops the server and deletes its folder (idempotent)
#   scripts/postgres-throwaway.sh              # standalone, for a developer:
#     starts one, prints the `export LANTERN_TEST_POSTGRES=...` line, waits for
#     Ctrl-C, then stops it and removes its folder.
#
# Nothing here depends on /work/shared or on anything outside the repository.

PG_THROWAWAY_BIN="${PG_THROWAWAY_BIN:-/usr/lib/postgresql/15/bin}"
PG_THROWAWAY_ROOT=""
PG_THROWAWAY_PORT=""
PG_THROWAWAY_CONNECTION=""

# Run a PostgreSQL binary as the right user. initdb and postgres refuse to run as
# root, so as root we switch to the `postgres` user the Debian package creates.
# The subshell cds into our own folder first: the caller's directory (e.g. under
# /root) may not be readable by `postgres`, which makes pg_ctl complain.
_pg_throwaway_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$PG_THROWAWAY_ROOT" && runuser -u postgres -- "$@")
    else
        (cd "$PG_THROWAWAY_ROOT" && "$@")
    fi
}

# True when something already listens on 127.0.0.1:$1 (bash's /dev/tcp, so no
# dependency on ss/netstat being installed).
_pg_throwaway_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_throwaway_start() {
    if [ ! -x "$PG_THROWAWAY_BIN/initdb" ]; then
        echo "postgres-throwaway: $PG_THROWAWAY_BIN/initdb not found (apt-get install postgresql)" >&2
        return 1
    fi
    # /tmp explicitly (not $TMPDIR): the `postgres` user must be able to reach it,
    # and a unix socket path must stay under ~107 characters.
    PG_THROWAWAY_ROOT="$(mktemp -d /tmp/lantern-pg.XXXXXX)" || return 1
    chmod 700 "$PG_THROWAWAY_ROOT"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_THROWAWAY_ROOT" || return 1
    fi

    if ! _pg_throwaway_as_owner "$PG_THROWAWAY_BIN/initdb" -D "$PG_THROWAWAY_ROOT/data" \
            -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$PG_THROWAWAY_ROOT/initdb.log" 2>&1; then
        echo "postgres-throwaway: initdb failed:" >&2
        tail -n 20 "$PG_THROWAWAY_ROOT/initdb.log" >&2 || true
        return 1
    fi

    # Pick a port that looks free, then try to start; another process may grab
    # it between the check and the start, so try a few ports before giving up.
    local attempt port
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 ))
    for attempt in 1 2 3 4 5 6 7 8; do
        while _pg_throwaway_port_busy "$port"; do port=$(( port + 1 )); done
        if _pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_ROOT/data" \
                -l "$PG_THROWAWAY_ROOT/server.log" \
                -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_THROWAWAY_ROOT" \
                -w -t 60 start >"$PG_THROWAWAY_ROOT/pg_ctl.log" 2>&1; then
            PG_THROWAWAY_PORT="$port"
            PG_THROWAWAY_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres"
            return 0
        fi
        # A failed start may still leave a postmaster behind: make sure it is gone.
        _pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_ROOT/data" \
            -m immediate -w stop >/dev/null 2>&1 || true
        port=$(( port + 1 + RANDOM % 100 ))
    done
    echo "postgres-throwaway: could not start PostgreSQL; last log lines:" >&2
    tail -n 20 "$PG_THROWAWAY_ROOT/server.log" >&2 2>/dev/null || true
    return 1
}

# Stop the server and delete its folder. Safe to call twice, or when the start
# failed half-way; never fails (it runs from EXIT traps).
pg_throwaway_stop() {
    local root="$PG_THROWAWAY_ROOT"
    [ -n "$root" ] || return 0
    if [ -f "$root/data/postmaster.pid" ]; then
        if ! _pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$root/data" \
                -m fast -w -t 30 stop >/dev/null 2>&1; then
            # Last resort: kill the postmaster named in its pid file; its
            # children exit when it does.
            local pid
            pid="$(head -n 1 "$root/data/postmaster.pid" 2>/dev/null || true)"
            if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; sleep 0.5; fi
        fi
    fi
    rm -rf -- "$root" 2>/dev/null || true
    PG_THROWAWAY_ROOT=""
    PG_THROWAWAY_PORT=""
    PG_THROWAWAY_CONNECTION=""
    return 0
}

# Standalone use: start, print how to connect, wait for Ctrl-C, clean up.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    trap 'pg_throwaway_stop' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    pg_throwaway_start
    echo "PostgreSQL 15 running on 127.0.0.1:$PG_THROWAWAY_PORT (data in $PG_THROWAWAY_ROOT)."
    echo "export LANTERN_TEST_POSTGRES=\"$PG_THROWAWAY_CONNECTION\""
    echo "Press Ctrl-C to stop it and remove its data."
    while true; do sleep 3600; done
fi
