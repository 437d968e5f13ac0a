namespace SeatGrpc.Service.Tests;

public sealed class DurabilityTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public DurabilityTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task AssignSeat_Acknowledged_SurvivesRestart()
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "durable@example.com")).ResponseAsync.WithTimeout();

        await _server.RestartAsync();

        var seat = await _server.Client.GetSeatAsync(new GetSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();
        Assert.Equal(assigned.Seat, seat.Seat);
        var claimed = await _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync.WithTimeout();
        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
    }

    [Fact]
    public async Task ManageSeats_ServerKilledMidStream_AcknowledgedBatchesPresentNoneHalfApplied()
    {
        const int BatchSize = 50;
        var database = Path.Combine(Path.GetTempPath(), $"seatgrpc-kill-{Guid.NewGuid():N}.db");
        var pool = "subscriptions/killed";
        var acknowledged = new List<int>();
        var sent = 0;
        try
        {
            await using (var server = await SeatServerProcess.StartAsync(database))
            {
                using var channel = TestKeys.Channel(server.GrpcUri);
                var client = new SeatService.SeatServiceClient(channel);
                await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 100_000 } }).ResponseAsync.WithTimeout();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                using var call = client.ManageSeats(cancellationToken: cts.Token);

                // The writer keeps sending; the reader records acknowledgements and kills the server after 20 of them.
                var writer = Task.Run(async () =>
                {
                    try
                    {
                        for (var batch = 0; batch < 10_000 && !cts.IsCancellationRequested; batch++)
                        {
                            var changes = Enumerable.Range(0, BatchSize).Select(j => Seeds.AssignChange($"k{batch}-{j}@example.com")).ToArray();
                            await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, $"00000000-0000-4000-8000-{batch:D12}", changes));
                            Interlocked.Increment(ref sent);
                        }
                    }
                    catch (Exception ex) when (ex is RpcException or IOException or InvalidOperationException or OperationCanceledException)
                    {
                        // The server went away mid-write: expected.
                    }
                });
                try
                {
                    while (await call.ResponseStream.MoveNext(cts.Token).WithTimeout(TimeSpan.FromSeconds(30)))
                    {
                        var response = call.ResponseStream.Current;
                        Assert.Null(response.Error);
                        acknowledged.Add(int.Parse(response.RequestId[^12..], System.Globalization.CultureInfo.InvariantCulture));
                        if (acknowledged.Count == 20)
                        {
                            await server.KillAsync();
                        }
                    }
                }
                catch (RpcException)
                {
                    // The stream broke when the process died: expected.
                }

                await cts.CancelAsync();
                await writer.WithTimeout(TimeSpan.FromSeconds(30));
            }

            Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} batches were acknowledged before the kill");
            await using var restarted = await SeatServerProcess.StartAsync(database);
            using var channel2 = TestKeys.Channel(restarted.GrpcUri);
            var seats = await Seeds.ListAllAsync(new SeatService.SeatServiceClient(channel2), pool);
            var perBatch = seats.GroupBy(s => int.Parse(s.Email[1..s.Email.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.Count());

            Assert.All(acknowledged, batch => Assert.Equal(BatchSize, perBatch.GetValueOrDefault(batch)));
            Assert.All(perBatch, entry => Assert.Equal(BatchSize, entry.Value));
            Assert.True(perBatch.Count <= Volatile.Read(ref sent));
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
