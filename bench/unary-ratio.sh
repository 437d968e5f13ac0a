#!/usr/bin/env bash
# SPEC.md section 9, first target: the shipped server's rate on a trivial unary call
# (grpc.health.v1.Health/Check, answered by Grpc.AspNetCore.HealthChecks from its cache) as a
# ratio of a bare Kestrel HTTP/2 endpoint that parses the same request and writes the same
# response and trailer by hand; and each server's CPU time per call, from /proc. A third server, bench/GrpcFloor
# (Grpc.AspNetCore and its health service configured as ours, with nothing of ours), is measured in the same rounds, so
# the ratio splits into what the platform costs (floor / bare) and what our host adds (seatgrpc / floor).
#
# Usage: bench/unary-ratio.sh [ROUNDS] [SECONDS_PER_ROUND] [WARMUP_SECONDS]
#   defaults: 5 rounds of 10 s, after 20 s of warm-up for each server.
# Needs dotnet, h2load and nghttp (Debian package nghttp2-client) and python3.
# Builds the three servers in Release, starts them, warms each up, then measures them in
# interleaved rounds (ours, the floor, then bare, each round) under `h2load -c 8 -m 32`. Every request carries
# an API key (`authorization: Bearer ...`, the server's --bootstrap-key), as a real client's would; both
# servers get the same bytes. Health checks need no key, so the server does not authenticate them: the
# key costs only its header.
# Prints one line per round and a summary: the medians, the ratios, each server's CPU per call
# (the median over the rounds), the server's peak RSS, and the verdict on SPEC.md's 0.90.
# Exits non-zero, naming the cause, if a tool is missing, a build or a server fails, or a
# round has failed requests. Every process it starts is stopped when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 [ROUNDS] [SECONDS_PER_ROUND] [WARMUP_SECONDS]  (positive integers)" >&2; exit 2; }
for arg in "$@"; do [[ "$arg" =~ ^[1-9][0-9]*$ ]] || usage; done
[ $# -le 3 ] || usage
rounds=${1:-5}
seconds=${2:-10}
warmup=${3:-20}
load=(-c 8 -m 32)

fail() { echo "unary-ratio: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 is missing: $2"; }
need dotnet "install the .NET 10 SDK"
need h2load "apt-get install nghttp2-client"
need nghttp "apt-get install nghttp2-client"
need python3 "apt-get install python3"

work=$(mktemp -d)
pids=()      # the three servers
step_pid=    # the build, nghttp or h2load running now
cleanup() {
  local status=$?
  for pid in $step_pid "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in $step_pid "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each step runs in the background and is waited for: bash runs a trap at once during `wait`, but
# only after a foreground child ends, and h2load outlives Ctrl-C.
run_step() { "$@" & step_pid=$!; local status=0; wait "$step_pid" || status=$?; step_pid=; return "$status"; }

echo "building Release binaries..."
for project in src/SeatGrpc.Server bench/GrpcFloor bench/BareKestrel; do
  run_step dotnet build "$project" -c Release -v q -nologo --disable-build-servers >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; fail "the Release build of $project failed (output above)"; }
done

# A fresh admin key for this run: 256 random bits, as the server's own keys have.
api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
bare_port=$(free_port)
floor_port=$(free_port)
echo "starting the three servers..."
dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!); bare_pid=$!
dotnet bench/GrpcFloor/bin/Release/net10.0/GrpcFloor.dll "$floor_port" >"$work/floor.log" 2>&1 &
pids+=($!); floor_pid=$!
dotnet src/SeatGrpc.Server/bin/Release/net10.0/SeatGrpc.Server.dll --grpc-port 0 --rest-port 0 --sqlite "$work/bench.db" --bootstrap-key "$api_key" >"$work/server.log" 2>&1 &
pids+=($!); server_pid=$!

for _ in $(seq 300); do
  grep -q 'seatgrpc listening' "$work/server.log" && grep -q 'bare kestrel listening' "$work/bare.log" \
    && grep -q 'grpc floor listening' "$work/floor.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server exited at start-up (log above)"; }
  kill -0 "$bare_pid" 2>/dev/null || { cat "$work/bare.log" >&2; fail "BareKestrel exited at start-up (log above)"; }
  kill -0 "$floor_pid" 2>/dev/null || { cat "$work/floor.log" >&2; fail "GrpcFloor exited at start-up (log above)"; }
  sleep 0.1
done
grpc_url=$(grep -o 'grpc=http://[^ ]*' "$work/server.log" | head -1 | sed 's/^grpc=//; s:/$::' || true)
[ -n "$grpc_url" ] || { cat "$work/server.log" >&2; fail "the server did not announce its gRPC address within 30 s (log above)"; }
grep -q 'bare kestrel listening' "$work/bare.log" || { cat "$work/bare.log" >&2; fail "BareKestrel did not start within 30 s (log above)"; }
grep -q 'grpc floor listening' "$work/floor.log" || { cat "$work/floor.log" >&2; fail "GrpcFloor did not start within 30 s (log above)"; }
bare_url="http://127.0.0.1:$bare_port"
floor_url="http://127.0.0.1:$floor_port"
method=/grpc.health.v1.Health/Check
printf '\x00\x00\x00\x00\x00' >"$work/request.bin"   # one empty HealthCheckRequest frame

# h2load counts HTTP 200 as success; check once that each answers SERVING with grpc-status 0 (the two health services
# publish their first result within a second of starting).
sleep 1
for url in "$grpc_url" "$floor_url" "$bare_url"; do
  run_step nghttp -v -H ':method: POST' -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $api_key" -d "$work/request.bin" "$url$method" >"$work/check.log" 2>&1 || true
  grep -q 'grpc-status: 0' "$work/check.log" || { cat "$work/check.log" >&2; fail "$url$method did not answer grpc-status 0 (exchange above)"; }
done

ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }   # utime + stime, in 1/100 s

rate= cpu=
run() { # url seconds pid -> sets rate (requests per second) and cpu (server CPU µs per call); fails on any failed request
  local before; before=$(ticks "$3")
  run_step h2load "${load[@]}" -D "$2" -d "$work/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $api_key" "$1$method" >"$work/h2load.log" 2>&1 || true
  local spent=$(( $(ticks "$3") - before ))
  read -r rate cpu < <(awk -v ticks="$spent" '/^finished in/ { gsub(",", "", $4); rate = $4 }
       /^requests:/ { done = $8; if ($10 + $12 > 0) bad = 1 }
       END { if (bad || rate == "" || done == 0) exit 1; printf "%s %.2f\n", rate, ticks * 10000 / done }' "$work/h2load.log") \
    || { cat "$work/h2load.log" >&2; fail "h2load against $1 had failed requests or no result (output above)"; }
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warming up seatgrpc for ${warmup}s..."
run "$grpc_url" "$warmup" "$server_pid"
echo "warming up the grpc floor for ${warmup}s..."
run "$floor_url" "$warmup" "$floor_pid"
echo "warming up bare kestrel for ${warmup}s..."
run "$bare_url" "$warmup" "$bare_pid"

ours=(); floor=(); bare=(); ours_cpu=(); floor_cpu=(); bare_cpu=()
for round in $(seq "$rounds"); do
  run "$grpc_url" "$seconds" "$server_pid"; o=$rate; ours_cpu+=("$cpu")
  run "$floor_url" "$seconds" "$floor_pid"; f=$rate; floor_cpu+=("$cpu")
  run "$bare_url" "$seconds" "$bare_pid"; b=$rate; bare_cpu+=("$cpu")
  ours+=("$o"); floor+=("$f"); bare+=("$b")
  printf 'round %d/%d: seatgrpc %.0f req/s (%s µs CPU/call), grpc floor %.0f req/s (%s µs), bare kestrel %.0f req/s (%s µs); seatgrpc/bare %.3f, floor/bare %.3f (load average %s)\n' \
    "$round" "$rounds" "$o" "${ours_cpu[-1]}" "$f" "${floor_cpu[-1]}" "$b" "${bare_cpu[-1]}" "$(ratio "$o" "$b")" "$(ratio "$f" "$b")" "$(cut -d' ' -f1 /proc/loadavg)"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mo=$(median "${ours[@]}"); mf=$(median "${floor[@]}"); mb=$(median "${bare[@]}")
rss=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$server_pid/status")
verdict=$(awk -v r="$(ratio "$mo" "$mb")" 'BEGIN { print (r >= 0.90) ? "met" : "NOT met" }')
printf '\nsummary (h2load %s, %d rounds of %ds after %ds warm-up, load average %s at the end):\n' \
  "${load[*]}" "$rounds" "$seconds" "$warmup" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  medians: seatgrpc %.0f req/s, grpc floor %.0f req/s, bare kestrel %.0f req/s\n' "$mo" "$mf" "$mb"
printf '  server CPU per call: seatgrpc %s µs, grpc floor %s µs, bare kestrel %s µs\n' \
  "$(median "${ours_cpu[@]}")" "$(median "${floor_cpu[@]}")" "$(median "${bare_cpu[@]}")"
printf '  seatgrpc / bare %.3f (SPEC.md: >= 0.90, %s); floor / bare %.3f (the platform); seatgrpc / floor %.3f (our host)\n' \
  "$(ratio "$mo" "$mb")" "$verdict" "$(ratio "$mf" "$mb")" "$(ratio "$mo" "$mf")"
printf '  seatgrpc peak RSS %d MB\n' "$rss"
