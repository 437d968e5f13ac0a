#!/usr/bin/env bash
# Soak: a steady mixed load against the real server on SQLite (16 clients, paced to a fixed rate: assign, revoke,
# resend, claim, batches over BatchManageSeats and ManageSeats, resizes, reads, replays), over gRPC and REST.
# Prints a progress line every 30 s, then a summary: the outcomes (the domain's refusals are expected; anything in
# doubt or broken is an error), the server's RSS, threads and open file descriptors (first, last, max and the slope
# per minute after the warm-up), its CPU time per call, and latency percentiles of the first minute against the last.
#
# Usage: bench/soak.sh [--minutes 10] [--seconds N] [--rate 200] [--clients 16] [--seed 1] [--progress 30] [--no-build]
# Exits 1 if the soak saw an unexpected error or the server logged one. The 60-second version runs in the tests
# (tests/SeatGrpc.Chaos.Tests, SoakTests).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1 args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    --minutes|--seconds|--rate|--clients|--seed|--progress)
      [ $# -ge 2 ] || { echo "$1 needs a value (see --help)" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown flag $1 (see --help)" >&2; exit 2 ;;
  esac
done

project=tests/SeatGrpc.Chaos.Tests
dll=$project/bin/Release/net10.0/SeatGrpc.Chaos.Tests.dll
if [ "$build" = 1 ]; then
  echo "building $project (Release)..."
  dotnet build -c Release --nologo -v quiet "$project" >/dev/null
fi
[ -f "$dll" ] || { echo "error: $dll is missing; run without --no-build" >&2; exit 1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec dotnet "$dll" soak "${args[@]}"
