#!/usr/bin/env bash
# SPEC.md section 9, first target: our runtime's rate on a trivial unary call
# (grpc.health.v1.Health/Check) as a ratio of a bare Kestrel HTTP/2 endpoint that parses
# the same request and writes the same response and trailer by hand.
#
# Usage: bench/unary-ratio.sh [ROUNDS] [SECONDS_PER_ROUND] [WARMUP_SECONDS]
# Needs h2load and nghttp (Debian package nghttp2-client). Prints one line per round and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
seconds=${2:-10}
warmup=${3:-20}
load=(-c 8 -m 32)

command -v h2load >/dev/null || { echo "h2load is missing: apt-get install nghttp2-client" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "building Release binaries..."
dotnet build src/SeatGrpc.Server -c Release -v q -nologo >/dev/null
dotnet build bench/BareKestrel -c Release -v q -nologo >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
bare_port=$(free_port)
dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!); bare_pid=$!
dotnet src/SeatGrpc.Server/bin/Release/net10.0/SeatGrpc.Server.dll --grpc-port 0 --rest-port 0 --sqlite "$work/bench.db" >"$work/server.log" 2>&1 &
pids+=($!); server_pid=$!

for _ in $(seq 100); do
  grep -q 'seatgrpc listening' "$work/server.log" && grep -q 'bare kestrel listening' "$work/bare.log" && break
  sleep 0.1
done
grpc_url=$(grep -o 'grpc=http://[^ ]*' "$work/server.log" | head -1 | sed 's/^grpc=//; s:/$::')
[ -n "$grpc_url" ] || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
bare_url="http://127.0.0.1:$bare_port"
method=/grpc.health.v1.Health/Check
printf '\x00\x00\x00\x00\x00' >"$work/request.bin"   # one empty HealthCheckRequest frame

# h2load counts HTTP 200 as success; check once that both answer grpc-status 0.
for url in "$grpc_url" "$bare_url"; do
  nghttp -v -H ':method: POST' -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/request.bin" "$url$method" 2>&1 \
    | grep -q 'grpc-status: 0' || { echo "$url$method did not answer grpc-status 0" >&2; exit 1; }
done

run() { # url seconds -> requests per second
  h2load "${load[@]}" -D "$2" -d "$work/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' "$1$method" 2>&1 \
    | awk '/^finished in/ { gsub(",", "", $4); print $4 } /^requests:/ { if ($10 + $12 > 0) bad = 1 } END { if (bad) exit 1 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

echo "warming up both for ${warmup}s each..."
run "$grpc_url" "$warmup" >/dev/null
run "$bare_url" "$warmup" >/dev/null

ours=(); bare=()
for round in $(seq "$rounds"); do
  o=$(run "$grpc_url" "$seconds"); b=$(run "$bare_url" "$seconds")
  ours+=("$o"); bare+=("$b")
  printf 'round %d: seatgrpc %s req/s, bare kestrel %s req/s, ratio %.3f\n' "$round" "$o" "$b" "$(ratio "$o" "$b")"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mo=$(median "${ours[@]}"); mb=$(median "${bare[@]}")
rss=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$server_pid/status")
printf '\nsummary (h2load %s, %d rounds of %ds): seatgrpc median %.0f req/s, bare median %.0f req/s, ratio %.3f, server peak RSS %d MB\n' \
  "${load[*]}" "$rounds" "$seconds" "$mo" "$mb" "$(ratio "$mo" "$mb")" "$rss"
