# bench/seats.sh --postgres (sourced by it, not run alone): the write targets on SQLite, then on a throwaway PostgreSQL
# cluster, then the round trips per write on PostgreSQL, counted by `SeatGrpc.Bench pg-proxy` on the wire.
# Uses seats.sh's start_server, stop_server, bench, field, verdict, row, and its cleanup (which stops the cluster).

# PostgreSQL refuses to run as root: as root, its tools run as the postgres OS user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

writes() { # label extra-bench-flags... -> $work/assign-LABEL.out, $work/manage-LABEL.out
  local label=$1; shift
  echo "== $label: assign (32 callers)"
  bench assign --concurrency 32 --warmup 5 --duration "$duration" --server-pid "$server_pid" "$@" | tee "$work/assign-$label.out"
  echo "== $label: manage (one stream, batches of 100)"
  bench manage --batch 100 --warmup 5 --duration "$duration" --server-pid "$server_pid" "$@" | tee "$work/manage-$label.out"
}

start_server --sqlite "$work/seats.db"
echo "SQLite: server pid $server_pid at $grpc_url, database $work/seats.db"
writes sqlite
stop_server

pg_dir=$(mktemp -d /tmp/seatgrpc-bench-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_port=$(free_port)
echo "== PostgreSQL: initdb and start a throwaway cluster ($pg_bin) in $pg_dir on port $pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$work/initdb.log" 2>&1 \
  || { echo "error: initdb failed (as root it runs as the postgres user, who must be able to write $pg_dir); its output:" >&2; cat "$work/initdb.log" >&2; exit 1; }
# Commits wait for no disk flush (synchronous_commit=off), as SQLite's WAL at synchronous=NORMAL does not; data is still fsynced.
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c synchronous_commit=off" start >/dev/null \
  || { echo "error: the PostgreSQL cluster did not start (port $pg_port taken, or shared memory too small?); its log:" >&2; cat "$pg_dir/server.log" >&2; exit 1; }
pg_pid=$(head -1 "$pg_dir/data/postmaster.pid")
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres seatgrpc
pg_conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=seatgrpc;Maximum Pool Size=64"

start_server --postgres "$pg_conn"
echo "PostgreSQL: server pid $server_pid at $grpc_url, postmaster pid $pg_pid"
writes postgres --db-pid "$pg_pid"
stop_server

echo "== PostgreSQL: round trips, counted by a proxy between a second server and the cluster (one caller, one batch in flight)"
coproc proxy { dotnet "$bench_dll" pg-proxy --upstream "127.0.0.1:$pg_port"; }
pids+=("$proxy_PID")
read -r -t 30 listening <&"${proxy[0]}" || { echo "error: the round-trip proxy (SeatGrpc.Bench pg-proxy) did not start" >&2; exit 1; }
proxy_port=${listening#listening port=}
round_trips() { echo >&"${proxy[1]}"; read -r -t 10 n <&"${proxy[0]}"; echo "$n"; }
start_server --postgres "Host=127.0.0.1;Port=$proxy_port;Username=postgres;Database=seatgrpc;SSL Mode=Disable;Maximum Pool Size=64"
# A run's fixed costs (the pool upsert, a connection's start-up) cancel out in the difference between a short and a
# longer run on the same pool, after a first run that creates the pool and opens the connections.
counted() { # units-field bench-command args... -> "round-trips units" of the run
  local units=$1 before after; shift
  before=$(round_trips)
  bench "$@" >"$work/counted.out"
  after=$(round_trips)
  echo "$((after - before)) $(field "$units" <"$work/counted.out")"
}
per_unit() { # units-field bench-command args... -> round trips per unit, from a short and a long run after a priming one
  local units=$1 short long; shift
  counted "$units" "$@" --warmup 0.5 --duration 0.5 >/dev/null
  short=$(counted "$units" "$@" --warmup 0.5 --duration 0.5)
  long=$(counted "$units" "$@" --warmup 0.5 --duration 3)
  echo "$short $long $idle_per_second" | awk '{ printf "%.2f", ($3 - $1 - 2.5 * $5) / ($4 - $2) }'
}
# The server's own background reads (the seat gauges, the key cache) go through the proxy too: counted while it idles,
# per second, and taken off the longer run's 2.5 extra seconds.
idle_before=$(round_trips); sleep 5; idle_per_second=$(awk -v a="$(round_trips)" -v b="$idle_before" 'BEGIN { print (a - b) / 5 }')
echo "background round trips of the idle server: $idle_per_second/s"
per_assign=$(per_unit all_calls assign --concurrency 1 --pool subscriptions/bench-count-assign)
echo "round trips per AssignSeat: $per_assign"
per_batch=$(per_unit all_batches manage --batch 100 --depth 1 --pool subscriptions/bench-count-manage)
echo "round trips per batch of 100: $per_batch"
stop_server

rate() { field rate <"$work/$1.out"; }
cpu() { field "${2:-server_cpu_us}" <"$work/$1.out"; }
echo
echo "SeatGrpc write benchmarks, SQLite and PostgreSQL ($("$pg_bin/postgres" --version | awk '{ print $NF }'), synchronous_commit=off):" \
  "$(nproc) cores${pin_server:+, server pinned to CPU 0 and clients to CPU 1}, load average $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
row "target (SPEC.md section 9)" "measured" "goal" "verdict"
row "--------------------------------------------" "--------------------------" "--------------" "-------"
row "AssignSeat, 32 callers: SQLite" "$(rate assign-sqlite) calls/s" ">= 10,000/s" "$(verdict "$(rate assign-sqlite)" '>=' 10000)"
row "AssignSeat, 32 callers: PostgreSQL" "$(rate assign-postgres) calls/s" "(beside SQLite)" "-"
row "ManageSeats, batches of 100: SQLite" "$(rate manage-sqlite) changes/s" ">= 100,000/s" "$(verdict "$(rate manage-sqlite)" '>=' 100000)"
row "ManageSeats, batches of 100: PostgreSQL" "$(rate manage-postgres) changes/s" "(beside SQLite)" "-"
row "round trips per AssignSeat (PostgreSQL)" "$per_assign" "<= 3" "$(verdict "$per_assign" '<=' 3)"
row "round trips per batch of 100 (PostgreSQL)" "$per_batch" "<= 10" "$(verdict "$per_batch" '<=' 10)"
echo
echo "CPU per call (µs): AssignSeat: SQLite server $(cpu assign-sqlite); PostgreSQL: server $(cpu assign-postgres)," \
  "database $(cpu assign-postgres db_cpu_us). ManageSeats per change: SQLite server $(cpu manage-sqlite);" \
  "PostgreSQL: server $(cpu manage-postgres), database $(cpu manage-postgres db_cpu_us)"
