#!/usr/bin/env bash
# HTTP throughput of POST /domains/events/publish: a fresh embedded gateway (Release, SQLite in a temp dir) loaded by
# wrk on loopback. Usage: Benchmarks/Http/publish.sh [connections=256] [seconds=20] [threads=2]
# Needs wrk (Debian: apt-get install wrk). Prints wrk's report, then one JSON line (with the 1-minute load average, since
# the development box is shared).
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-256}; seconds=${2:-20}; threads=${3:-2}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
dotnet build Gateway -c Release -v quiet -nologo >/dev/null
data=$(mktemp -d); port=$((20000 + RANDOM % 20000))
dotnet Gateway/bin/Release/net10.0/Rayswarm.Gateway.dll --urls "http://127.0.0.1:$port" --data-dir "$data" \
  --Logging:LogLevel:Default=Warning >"$data/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/domains/system/health" >/dev/null && break; sleep 0.2; done
# Warm-up, then the measured run. 20 s: the JIT's tiering of the ASP.NET Core, Orleans and SQLite paths still took 13 % of
# the CPU between 8 and 20 s of load on the 2-core box (perf, 2026-12-03); with 5 s the run measured part of the start.
wrk -t"$threads" -c"$connections" -d20s -s Benchmarks/Http/publish.lua "http://127.0.0.1:$port" >/dev/null
report=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s Benchmarks/Http/publish.lua "http://127.0.0.1:$port")
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo n/a)
echo "$report" | sed '$d'
echo "$report" | tail -n 1 | sed "s/}\$/,\"load_average\":\"$load\"}/"
