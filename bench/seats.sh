#!/usr/bin/env bash
# SPEC.md section 9, the seat targets, in one run against the real server on SQLite:
#   GetSeat and ListSeats (a page of 50) under h2load -c 8 -m 32, in a pool of 100 seats and of 100,000,
#   next to grpc.health.v1.Health/Check (the trivial call) in the same interleaved rounds;
#   AssignSeat with 32 callers on a small and on a big database; ManageSeats in batches of 100 over one stream;
#   open-loop p99 latency at half of the measured peak (AssignSeat from our load client; GetSeat paced by h2load --rps
#   over 20 connections started 1 ms apart, which, unlike our client, keeps up from one core); the server's peak RSS; and the server's
#   CPU time per call (from /proc/PID/stat), a cost that the other load on a shared machine barely moves.
#
# Usage: bench/seats.sh [--rounds 2] [--seconds 5] [--warmup 10] [--duration 15] [--big-seats 150000] [--pinned] [--no-build]
#                       [--postgres]
#   --warmup: seconds of h2load before the measured rounds, shared by the five calls; the write phases warm up for half
#   of it (at least 5 s).
#   --pinned: the server runs on CPU 0 (taskset -c 0), every load client on CPU 1, so the peaks are the pinned peaks and
#   the open-loop latency (p50/p99/p999 at half of them, with the calls the client skipped) is measured as SPEC.md asks.
#   The warm-up is then 40 s unless --warmup says otherwise: on one core the JIT's background compiler competes with
#   the calls, and a 10 s warm-up left the first round at a third of the second's rate.
#   --postgres: the write targets on both engines instead, side by side: AssignSeat (32 callers) and ManageSeats (batches
#   of 100, one stream) on SQLite, then on a throwaway PostgreSQL cluster (initdb in a temporary directory, deleted on
#   exit), with the server's CPU and PostgreSQL's own CPU (all its processes) per call; then the round trips per
#   AssignSeat and per batch of 100, counted on the wire by a proxy between a second server and PostgreSQL (SPEC.md
#   section 9: <= 3 and <= 10). Needs the Debian package postgresql (/usr/lib/postgresql/*/bin); no h2load. About 2 minutes.
# Needs h2load and nghttp (Debian package nghttp2-client). Prints progress, then a summary table.
# A full run with the defaults takes about 4 minutes; raise --rounds/--seconds/--duration for steadier figures.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=2 seconds=5 warmup= duration=15 big_seats=150000 build=1 postgres=0 pin_server=() pin_client=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --big-seats) big_seats=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --postgres) postgres=1; shift ;;
    --pinned) pin_server=(taskset -c 0); pin_client=(taskset -c 1); shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown flag $1 (see --help)" >&2; exit 2 ;;
  esac
done
load=(-c 8 -m 32)
if [ -z "$warmup" ]; then
  if [ ${#pin_server[@]} -gt 0 ]; then warmup=40; else warmup=10; fi
fi
write_warmup=$(( warmup / 2 > 5 ? warmup / 2 : 5 ))

if [ "$postgres" = 1 ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] \
    || { echo "error: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: apt-get install postgresql" >&2; exit 1; }
  command -v python3 >/dev/null || { echo "error: python3 is missing (it picks a free port): apt-get install python3" >&2; exit 1; }
else
  for tool in h2load nghttp; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing: apt-get install nghttp2-client" >&2; exit 1; }
  done
fi

work=$(mktemp -d)
pids=()
cleanup() {
  if [ -n "${server_pid:-}" ] && ! kill -0 "$server_pid" 2>/dev/null; then
    echo "error: the server process ended before the run did; the end of its log:" >&2
    tail -n 30 "$work/server.log" >&2
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${pg_dir:-}" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -w stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

server_dll=src/SeatGrpc.Server/bin/Release/net10.0/SeatGrpc.Server.dll
bench_dll=bench/SeatGrpc.Bench/bin/Release/net10.0/SeatGrpc.Bench.dll
if [ "$build" = 1 ]; then
  echo "building Release binaries..."
  dotnet build src/SeatGrpc.Server -c Release -v q -nologo >/dev/null
  dotnet build bench/SeatGrpc.Bench -c Release -v q -nologo >/dev/null
fi
[ -f "$server_dll" ] && [ -f "$bench_dll" ] || { echo "error: Release binaries missing; run without --no-build" >&2; exit 1; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# Every call carries this run's admin key, as a real client's would (the server's --bootstrap-key).
api_key=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
start_server() { # database flags (--sqlite PATH or --postgres CONNECTION) -> server_pid, grpc_url
  "${pin_server[@]}" dotnet "$server_dll" --grpc-port 0 --rest-port 0 "$@" --bootstrap-key "$api_key" >"$work/server.log" 2>&1 &
  server_pid=$!; pids+=("$server_pid")
  for _ in $(seq 300); do
    grep -q 'seatgrpc listening' "$work/server.log" && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  grpc_url=$(grep -o 'grpc=http://[^ ]*' "$work/server.log" | head -1 | sed 's/^grpc=//; s:/$::')
  [ -n "$grpc_url" ] || { echo "error: the server did not start; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }
bench() { "${pin_client[@]}" dotnet "$bench_dll" "$@" --target "$grpc_url" --key "$api_key"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" | tail -1; }   # key=value from a "result ..." line
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v <= t); print ok ? "met" : "NOT met" }'; }
row() { printf '| %-44s | %-46s | %-14s | %-7s |\n' "$@"; }

if [ "$postgres" = 1 ]; then
  source bench/seats-postgres.sh
  exit 0
fi

start_server --sqlite "$work/seats.db"
echo "server pid $server_pid at $grpc_url, database $work/seats.db"

# The server's resident memory, sampled twice a second for the whole run (VmHWM is read at the end too).
( peak=0
  while kill -0 "$server_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && { peak=$rss; echo "$peak" >"$work/rss.peak"; }
    sleep 0.5
  done ) &
pids+=($!)

ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$server_pid/stat"; }   # server utime + stime, 1/100 s

# The peak so far, after each phase: which phase drives the peak.
rss_so_far() { echo "  server peak RSS so far: $(( $(cat "$work/rss.peak" 2>/dev/null || echo 0) / 1024 )) MB"; }

echo "== seed: pools of 100 seats"
bench seed --pool subscriptions/bench-100 --seats 100 --out "$work/p100" | tee "$work/seed100.out"

rss_so_far
echo "== assign, small database (32 callers)"
bench assign --concurrency 32 --warmup "$write_warmup" --duration "$duration" --server-pid "$server_pid" | tee "$work/assign-small.out"

rss_so_far
echo "== seed: a pool of 100,000 seats and $big_seats more seats elsewhere (the big database)"
bench seed --pool subscriptions/bench-100k --seats 100000 --out "$work/p100k" | tee "$work/seed100k.out"
if [ "$big_seats" -gt 0 ]; then bench seed --pool subscriptions/bench-filler --seats "$big_seats" | tee "$work/seedfill.out"; fi
db_mb=$(du -cm "$work"/seats.db* | tail -1 | cut -f1)

# h2load counts HTTP 200 as success; check once that each request answers grpc-status 0.
printf '\x00\x00\x00\x00\x00' >"$work/health.bin"
declare -A path=(
  [health]=/grpc.health.v1.Health/Check:$work/health.bin
  [get100]=/seats.v1.SeatService/GetSeat:$work/p100/get-seat.bin
  [get100k]=/seats.v1.SeatService/GetSeat:$work/p100k/get-seat.bin
  [list100]=/seats.v1.SeatService/ListSeats:$work/p100/list-seats.bin
  [list100k]=/seats.v1.SeatService/ListSeats:$work/p100k/list-seats.bin
)
names=(health get100 get100k list100 list100k)
for name in "${names[@]}"; do
  IFS=: read -r method file <<<"${path[$name]}"
  nghttp -v -H ':method: POST' -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $api_key" -d "$file" "$grpc_url$method" 2>&1 \
    | grep -q 'grpc-status: 0' || { echo "error: $name ($method) did not answer grpc-status 0" >&2; exit 1; }
done

h2() { # name seconds -> requests per second (fails on any non-2xx or error)
  IFS=: read -r method file <<<"${path[$1]}"
  "${pin_client[@]}" h2load "${load[@]}" -D "$2" -d "$file" -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $api_key" "$grpc_url$method" 2>&1 \
    | awk '/^finished in/ { gsub(",", "", $4); print $4 } /^requests:/ { if ($10 + $12 > 0) bad = 1 } END { if (bad) exit 1 }'
}
# GetSeat's latency is paced by h2load (--rps per connection), not by our .NET load client: from one core that client
# cannot send half of h2load's peak, falls behind, and its figure is void. h2load's --rps timer fires at most every
# 10 ms (nghttp2 sets its repeat to max(0.01 s, 1/rps)), so a connection sends its calls in bursts of rps/100, and
# connections that start together burst together: 8 of them at 16,800 calls/s sent 168 calls at once every 10 ms, and
# the p99 measured how long the server took to drain that burst. So 20 connections start 1 ms apart (-r 1
# --rate-period 1ms), which spreads their ticks over the 10 ms; -r cannot go with -D, so the run is a number of calls
# (-n) and the log's first 3 s are the warm-up. h2load logs each call's time from its sending; a call it could not send
# on time shows as a shortfall in the measured window, reported as skipped, and "burst" is the most calls sent in any
# one millisecond (an even pace sends rate/1000).
h2lat() { # name rate -> a "result latency ..." line
  IFS=: read -r method file <<<"${path[$1]}"
  local conns=20 log="$work/h2lat-$1.log" out="$work/h2lat-$1.out" window="$work/h2lat-$1.window"
  local per_connection=$(( ($2 + conns - 1) / conns )) t0 t1 w0 w1 bad busy in_window burst
  t0=$(ticks); w0=$(date +%s%N)
  "${pin_client[@]}" h2load -c "$conns" -m 32 --rps "$per_connection" -n "$(( per_connection * conns * (3 + duration) ))" \
    -r 1 --rate-period 1ms --log-file "$log" -d "$file" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $api_key" "$grpc_url$method" >"$out" 2>&1
  t1=$(ticks); w1=$(date +%s%N)
  bad=$(awk '/^requests:/ { print $10 + $12 + $14 }' "$out")
  busy=$(awk -v t="$(( t1 - t0 ))" -v ns="$(( w1 - w0 ))" 'BEGIN { printf "%.2f", t * 1e7 / ns }')   # ticks are 1/100 s
  # The measured window's latencies (column 3) into $window, and how many calls it holds and the most sent in one ms.
  read -r in_window burst < <(sort -n "$log" | awk -v from=3000000 -v to="$(( (3 + duration) * 1000000 ))" -v window="$window" '
    NR == 1 { t0 = $1 }
    { t = $1 - t0; if (t < from || t >= to) next; print $3 >window; n++; ms = int(t / 1000); if (++in_ms[ms] > burst) burst = in_ms[ms] }
    END { print n + 0, burst + 0 }')
  sort -n "$window" | awk -v rate="$(( per_connection * conns ))" -v asked="$(( per_connection * conns * duration ))" \
      -v in_window="$in_window" -v burst="$burst" -v bad="${bad:-0}" -v busy="$busy" '
    function at(q,  i) { i = int(NR * q); if (i < 1) i = 1; return v[i] / 1000 }
    { v[NR] = $1 }
    END {
      skipped = asked - in_window; if (skipped < 0) skipped = 0
      printf "result latency rpc=get-h2load rate=%d calls=%d p50=%.3f p99=%.3f p999=%.3f max=%.3f errors=%d skipped=%d burst=%d server_busy=%s\n",
        rate, NR, at(0.5), at(0.99), at(0.999), v[NR] / 1000, bad, skipped, burst, busy
    }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

rss_so_far
echo "== h2load ${load[*]}: warm-up ${warmup}s over the five calls, then $rounds interleaved rounds of ${seconds}s each"
for name in "${names[@]}"; do h2 "$name" "$(( (warmup + 4) / 5 ))" >/dev/null; done
declare -A results costs
for round in $(seq "$rounds"); do
  line="round $round:"
  for name in "${names[@]}"; do
    t0=$(ticks); r=$(h2 "$name" "$seconds"); t1=$(ticks)
    results[$name]+="$r "
    costs[$name]+="$(awk -v t="$((t1 - t0))" -v r="$r" -v s="$seconds" 'BEGIN { printf "%.1f", t * 10000 / (r * s) }') "
    line+=" $name $(printf '%.0f' "$r")/s"
  done
  echo "$line"
done
declare -A rate cpu
for name in "${names[@]}"; do rate[$name]=$(median ${results[$name]}); cpu[$name]=$(median ${costs[$name]}); done

rss_so_far
echo "== assign, big database (32 callers)"
bench assign --concurrency 32 --warmup "$write_warmup" --duration "$duration" --server-pid "$server_pid" | tee "$work/assign-big.out"

rss_so_far
echo "== manage: one stream, batches of 100"
bench manage --batch 100 --warmup "$write_warmup" --duration "$duration" --server-pid "$server_pid" | tee "$work/manage.out"

assign_small=$(field rate <"$work/assign-small.out")
assign_big=$(field rate <"$work/assign-big.out")
assign_peak=$(awk -v a="$assign_small" -v b="$assign_big" 'BEGIN { print (a > b) ? a : b }')
half_assign=$(awk -v p="$assign_peak" 'BEGIN { printf "%d", p / 2 }')
half_get=$(awk -v p="${rate[get100k]}" 'BEGIN { printf "%d", p / 2 }')
seat100k=$(field seat <"$work/seed100k.out")

rss_so_far
echo "== latency: AssignSeat open loop at $half_assign calls/s (half of the peak)"
bench latency --rpc assign --rate "$half_assign" --warmup 3 --duration "$duration" --connections 8 --server-pid "$server_pid" \
  | tee "$work/lat-assign.out"
rss_so_far
echo "== latency: GetSeat paced by h2load at $half_get calls/s (half of the peak)"
h2lat get100k "$half_get" | tee "$work/lat-get.out"

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
hwm=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$server_pid/status")
rss_so_far
rss_peak=$(( $(cat "$work/rss.peak" 2>/dev/null || echo 0) / 1024 ))
[ "$hwm" -gt "$rss_peak" ] && rss_peak=$hwm
manage_rate=$(field rate <"$work/manage.out")
p99_assign=$(field p99 <"$work/lat-assign.out")
p99_get=$(field p99 <"$work/lat-get.out")
skipped_assign=$(field skipped <"$work/lat-assign.out")
skipped_get=$(field skipped <"$work/lat-get.out")
percent() { awk -v b="$1" 'BEGIN { printf "%.0f", b * 100 }'; }
busy_assign=$(percent "$(field server_busy <"$work/lat-assign.out")")
busy_get=$(percent "$(field server_busy <"$work/lat-get.out")")
burst_get=$(field burst <"$work/lat-get.out")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

lesser() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? a : b }'; }
get_ratio=$(ratio "$(lesser "${rate[get100]}" "${rate[get100k]}")" "${rate[health]}")
list_ratio=$(ratio "$(lesser "${rate[list100]}" "${rate[list100k]}")" "${rate[health]}")
list_scale=$(ratio "${rate[list100k]}" "${rate[list100]}")
get_scale=$(ratio "${rate[get100k]}" "${rate[get100]}")
assign_scale=$(ratio "$assign_big" "$assign_small")
assign_min=$(lesser "$assign_small" "$assign_big")

echo
echo "SeatGrpc seat benchmarks: $(nproc) cores${pin_server:+, server pinned to CPU 0 and clients to CPU 1}, load average $load_start at start, $load_end at the end; database $db_mb MB"
echo "h2load ${load[*]} medians: Health/Check $(printf '%.0f' "${rate[health]}")/s;" \
  "GetSeat $(printf '%.0f' "${rate[get100]}")/s (100 seats), $(printf '%.0f' "${rate[get100k]}")/s (100,000);" \
  "ListSeats $(printf '%.0f' "${rate[list100]}")/s (100), $(printf '%.0f' "${rate[list100k]}")/s (100,000)"
row "target (SPEC.md section 9)" "measured" "goal" "verdict"
row "--------------------------------------------" "----------------------------------------------" "--------------" "-------"
row "GetSeat / Health.Check (worse of 2 pools)" "$get_ratio" ">= 0.50" "$(verdict "$get_ratio" '>=' 0.5)"
row "ListSeats page of 50 / Health.Check" "$list_ratio" ">= 0.20" "$(verdict "$list_ratio" '>=' 0.2)"
row "AssignSeat, 32 callers (small / big db)" "$assign_small / $assign_big calls/s" ">= 10,000/s" "$(verdict "$assign_min" '>=' 10000)"
row "ManageSeats, batches of 100, one stream" "$manage_rate changes/s" ">= 100,000/s" "$(verdict "$manage_rate" '>=' 100000)"
row "p99 AssignSeat at half peak ($half_assign/s)" "$p99_assign ms ($skipped_assign skipped, busy $busy_assign %)" "<= 2 ms${pin_server:+ pinned}" "$(verdict "$p99_assign" '<=' 2)"
row "p99 GetSeat at half peak ($half_get/s)" "$p99_get ms ($skipped_get skipped, burst $burst_get, busy $busy_get %)" "<= 2 ms${pin_server:+ pinned}" "$(verdict "$p99_get" '<=' 2)"
row "server peak RSS (VmHWM)" "$rss_peak MB" "<= 200 MB" "$(verdict "$rss_peak" '<=' 200)"
row "ListSeats 100,000 / 100 seats" "$list_scale" "~1 (>= 0.90)" "$(verdict "$list_scale" '>=' 0.9)"
row "GetSeat 100,000 / 100 seats" "$get_scale" "~1 (>= 0.90)" "$(verdict "$get_scale" '>=' 0.9)"
row "AssignSeat big db / small db" "$assign_scale" "~1 (>= 0.90)" "$(verdict "$assign_scale" '>=' 0.9)"
echo
echo "server CPU per call (medians, µs): Health/Check ${cpu[health]}; GetSeat ${cpu[get100]} / ${cpu[get100k]};" \
  "ListSeats ${cpu[list100]} / ${cpu[list100k]} (100 / 100,000 seats);" \
  "AssignSeat $(field server_cpu_us <"$work/assign-small.out") / $(field server_cpu_us <"$work/assign-big.out") (small / big db);" \
  "ManageSeats $(field server_cpu_us <"$work/manage.out") per change"
