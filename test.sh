#!/usr/bin/env bash
# The project's one test command: installs PostgreSQL, Node.js, chromium and tmux if they are missing (Debian, as root),
# starts a throwaway PostgreSQL server for this run only, runs every test of the solution against it, and always
# removes the server again.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Sqlite").
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

find_pg_bin() {
    local initdb
    initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
    [[ -n "$initdb" ]] && dirname "$initdb"
}

install_postgres() {
    if [[ $EUID -ne 0 ]]; then
        log "PostgreSQL is not installed, and installing it needs root."
        log "Run this script as root, or first: sudo apt-get install -y --no-install-recommends postgresql"
        exit 1
    fi
    log "installing PostgreSQL from Debian's packages"
    # We start our own server per run; the package's default cluster would only be a stray daemon on port 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = off" > /etc/postgresql-common/createcluster.d/rayswarm-no-main-cluster.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends postgresql
}

# initdb and postgres refuse to run as root: as root, run them as the 'postgres' user the package creates.
as_postgres() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    else
        echo $((20000 + RANDOM % 40000))
    fi
}

PG_DIR=""
TEST_LOG=""
cleanup() {
    local status=$?
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
            as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
    [[ -n "$TEST_LOG" ]] && rm -f "$TEST_LOG"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres() {
    PG_BIN="$(find_pg_bin || true)"
    if [[ -z "$PG_BIN" ]]; then
        install_postgres
        PG_BIN="$(find_pg_bin || true)"
        [[ -n "$PG_BIN" ]] || { log "PostgreSQL was installed but no initdb is in /usr/lib/postgresql/*/bin"; exit 1; }
    fi

    PG_DIR="$(mktemp -d /tmp/rayswarm-pg-XXXXXXXX)"
    chmod 755 "$PG_DIR"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
        --no-sync --no-instructions >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; exit 1; }

    # A port free now may be taken before the server binds it: retry on a bind failure.
    local attempt port server_log
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port="$(free_port)"
        server_log="$PG_DIR/server-$attempt.log"
        if as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$server_log" -w -t 60 \
            -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
            start >/dev/null 2>&1; then
            export RAYSWARM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
            log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_DIR)"
            return
        fi
        if ! grep -qiE "could not bind|already in use" "$server_log" 2>/dev/null; then
            cat "$server_log" >&2 2>/dev/null || true
            log "the PostgreSQL server did not start"
            exit 1
        fi
    done
    log "no free port for PostgreSQL after 10 attempts"
    exit 1
}

# Installs Debian packages for what $1 names (a sentence's subject), or stops with the command to run when not root.
apt_install() {
    local what=$1; shift
    if [[ $EUID -ne 0 ]]; then
        log "$what missing, and installing it needs root: sudo apt-get install -y --no-install-recommends $*"
        exit 1
    fi
    log "installing $* from Debian's packages"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# The MCP tests drive the gateway with an independent client (the npm @modelcontextprotocol/sdk): they need node and npm.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install "node and npm are" nodejs npm

# The external-worker tests (Tests/Gateway.Tests/PythonWorkerTests) start examples/workers/python/worker.py with python3.
command -v python3 >/dev/null 2>&1 || apt_install "python3 is" python3

# The browser tests (Tests/Dashboard.Tests) drive Debian's chromium through Playwright; Playwright downloads no browser here
# (or set RAYSWARM_CHROMIUM to a Chromium executable).
[[ -n "${RAYSWARM_CHROMIUM:-}" && -x "${RAYSWARM_CHROMIUM}" ]] || command -v chromium >/dev/null 2>&1 || apt_install "chromium is" chromium

# The CLI's monitor test (Tests/Cli.Tests) runs `rayswarm monitor` in a real terminal: a detached tmux session.
command -v tmux >/dev/null 2>&1 || apt_install "tmux is" tmux

if [[ -n "${RAYSWARM_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL server in RAYSWARM_TEST_POSTGRES"
else
    start_postgres
fi

TEST_LOG="$(mktemp /tmp/rayswarm-test-XXXXXXXX.log)"
status=0
dotnet test Rayswarm.Orleans.sln -c Release "$@" 2>&1 | tee "$TEST_LOG" || status=$?

# One closing line over all test assemblies ("Passed!  - Failed: 0, Passed: 113, Skipped: 0, Total: 113, ...").
awk '
    /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
        line = $0; gsub(/,/, "", line); n = split(line, w, / +/)
        for (i = 1; i < n; i++) {
            if (w[i] == "Failed:") failed += w[i + 1]
            if (w[i] == "Passed:") passed += w[i + 1]
            if (w[i] == "Skipped:") skipped += w[i + 1]
        }
        found = 1
    }
    END { if (found) printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$TEST_LOG"

exit "$status"
