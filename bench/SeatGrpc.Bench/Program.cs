using Grpc.Core;
using SeatGrpc.Bench;

const string Usage = """
    SeatGrpc.Bench: load client for the seat RPCs (SPEC.md section 9), over h2c.

      seed     --target URL --pool NAME --seats N [--batch 1000] [--out DIR] [--page-size 50]
               creates the pool with N occupied seats and writes DIR/get-seat.bin and DIR/list-seats.bin for h2load
      assign   --target URL [--concurrency 32] [--duration 15] [--warmup 5] [--connections 1] [--pool NAME] [--request-ids true]
      manage   --target URL [--batch 100] [--depth 8] [--duration 15] [--warmup 5] [--pool NAME]
      latency  --target URL --rpc assign|get|list --rate R [--duration 15] [--warmup 3] [--seat NAME] [--pool NAME] [--timeline PATH]

    Every command takes --key KEY (or SEATGRPC_KEY): an API key with seats:admin, e.g. the server's --bootstrap-key.
    assign, manage and latency take --server-pid PID (a local server) to report the server's CPU microseconds per call
    or change in the measured window: a cost that other load on the machine barely moves; assign and manage also take
    --db-pid PID (a local PostgreSQL postmaster) for the database's CPU, its backends included.
      pg-proxy --upstream HOST:PORT
               a loopback proxy in front of PostgreSQL that counts round trips (for bench/seats.sh --postgres): prints
               "listening port=N", then the round trips so far each time a line arrives on stdin
    Progress goes to stderr once a second; each command ends with one "result ..." line on stdout.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.Error.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var rest = new BenchArgs(args.Skip(1));
    return args[0] switch
    {
        "seed" => await SeedCommand.RunAsync(rest),
        "assign" => await AssignCommand.RunAsync(rest),
        "manage" => await ManageCommand.RunAsync(rest),
        "latency" => await LatencyCommand.RunAsync(rest),
        "pg-proxy" => await PgProxyCommand.RunAsync(rest),
        _ => throw new BenchUsageException($"Unknown command '{args[0]}': use seed, assign, manage, latency or pg-proxy (--help lists their flags)."),
    };
}
catch (BenchUsageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"error: the server answered {ex.StatusCode}: {ex.Status.Detail}");
    return 1;
}
