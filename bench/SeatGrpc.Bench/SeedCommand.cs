using System.Diagnostics;
using Seats.V1;

namespace SeatGrpc.Bench;

/// <summary>
/// <c>seed</c>: creates a pool of N seats through one pipelined ManageSeats stream (batches of up to 1,000 assigns), then
/// writes the h2load request files for it: a GetSeatRequest for a seat in the middle and a ListSeatsRequest (a page of 50).
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var pool = args.Text("pool", "subscriptions/bench-seed");
        var seats = args.Int("seats", 100);
        var batch = Math.Clamp(args.Int("batch", 1000), 1, 1000);
        var outDir = args.Text("out", "");
        var pageSize = args.Int("page-size", 50);
        using var target = await BenchTarget.ConnectAsync(args);
        args.RejectUnknown();

        var client = target.Clients[0];
        var existing = await Pools.UpsertAsync(client, pool, seats);
        var toAdd = seats - existing.OccupiedSeats;
        var runId = Pools.NewRunId();
        Console.Error.WriteLine($"seed: {pool} has {existing.OccupiedSeats:N0} of {seats:N0} seats occupied; assigning {Math.Max(0, toAdd):N0}");

        var clock = Stopwatch.StartNew();
        string? middleSeat = null;
        long added = 0;
        if (toAdd > 0)
        {
            var batches = new List<ManageSeatsRequest>();
            for (var start = 0; start < toAdd; start += batch)
            {
                var request = new ManageSeatsRequest { Parent = pool };
                for (var i = start; i < Math.Min(toAdd, start + batch); i++)
                {
                    request.Changes.Add(Pools.Assign($"seed-{i}-{runId}@bench.example"));
                }

                batches.Add(request);
            }

            var middleBatch = batches.Count / 2;
            await using var progress = new Progress("seed", "seats", 0, () => Interlocked.Read(ref added), () => 0);
            using var call = client.ManageSeats();
            var writer = Task.Run(async () =>
            {
                foreach (var request in batches)
                {
                    await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
                }

                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            });
            for (var b = 0; b < batches.Count; b++)
            {
                if (!await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
                {
                    throw new BenchUsageException($"The server ended the ManageSeats stream after {b} of {batches.Count} batches.");
                }

                var response = call.ResponseStream.Current;
                if (response.Error is { } error)
                {
                    throw new BenchUsageException($"Seeding batch {b} failed: {(Grpc.Core.StatusCode)error.Code} {error.Message}");
                }

                if (b == middleBatch)
                {
                    middleSeat = response.Results[response.Results.Count / 2].Seat.Name;
                }

                Interlocked.Add(ref added, response.Results.Count);
            }

            await writer.ConfigureAwait(false);
        }

        middleSeat ??= (await client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 1 })).Seats.FirstOrDefault()?.Name;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"result seed pool={pool} seats={seats} added={added} seconds={seconds:F2} seats_per_second={(seconds > 0 ? added / seconds : 0):F0} seat={middleSeat}"));

        if (outDir.Length > 0)
        {
            if (middleSeat is null)
            {
                throw new BenchUsageException($"{pool} has no seat to write a GetSeatRequest for: seed it with --seats 1 or more.");
            }

            H2LoadFiles.Write(Path.Combine(outDir, "get-seat.bin"), new GetSeatRequest { Name = middleSeat });
            H2LoadFiles.Write(Path.Combine(outDir, "list-seats.bin"), new ListSeatsRequest { Parent = pool, PageSize = pageSize });
            Console.Error.WriteLine($"seed: wrote {outDir}/get-seat.bin ({middleSeat}) and {outDir}/list-seats.bin (page of {pageSize})");
        }

        return 0;
    }
}
