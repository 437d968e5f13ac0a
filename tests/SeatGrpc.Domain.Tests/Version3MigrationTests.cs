using System.Security.Cryptography;
using Google.Protobuf;
using SeatGrpc.Domain.Tests.Infrastructure;
using AssignSeatRequest = Seats.V1.AssignSeatRequest;
using AssignSeatResponse = Seats.V1.AssignSeatResponse;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// A database written by the version-3 server (Fixtures/README.md), opened by this one: migration 0004 drops the index
/// seats_by_pool and keeps every row; the pool's seats still list in creation order, whole or by status, through
/// seats_by_pool_status alone, and the stored answers of version 3 still replay.
/// </summary>
public abstract class Version3MigrationTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    private const string Subscription = "subscriptions/sub_v3";
    private const string EmptyOrder = "orders/ord_v3";
    private const string AnnRequestId = "44444444-4444-4444-8444-444444444444";

    /// <summary>A moment at which the fixture's invitations and request ids were still kept (made 2026-11-29 07:40 UTC).</summary>
    private static readonly DateTimeOffset FixtureTime = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Ann's pending seat in this engine's fixture.</summary>
    protected abstract string AnnSeat { get; }

    /// <summary>The invitation token AssignSeat returned for Ann in this engine's fixture.</summary>
    protected abstract string AnnToken { get; }

    [StorageFact]
    public async Task Open_Version3Database_KeepsEveryRow()
    {
        var pool = await Allocator.GetPoolAsync(Subscription, Ct).Within();
        var empty = await Allocator.GetPoolAsync(EmptyOrder, Ct).Within();

        Assert.Equal(SchemaVersions.Latest, await CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal((10, 6, "cus_owner"), (pool.TotalSeats, pool.OccupiedSeats, pool.CustomerId));
        Assert.Equal((2, 0), (empty.TotalSeats, empty.OccupiedSeats));
        Assert.Equal(
            (2L, 10L, 17L, 2L, 1L, 2L),
            (await CountAsync("SELECT COUNT(*) FROM pools"), await CountAsync("SELECT COUNT(*) FROM seats"),
             await CountAsync("SELECT COUNT(*) FROM seat_events"), await CountAsync("SELECT COUNT(*) FROM idempotency_records"),
             await CountAsync("SELECT COUNT(*) FROM api_keys"), await CountAsync("SELECT COUNT(*) FROM secrets")));
        Assert.Empty((await Allocator.ListSeatsAsync(EmptyOrder, null, 50, null, Ct).Within()).Seats);
    }

    [StorageFact]
    public async Task Open_Version3Database_DropsSeatsByPoolAndKeepsSeatsByPoolStatus()
    {
        Assert.Equal(0, await CountAsync(Provider.CountIndexSql, new { Name = "seats_by_pool" }));
        Assert.Equal(1, await CountAsync(Provider.CountIndexSql, new { Name = "seats_by_pool_status" }));
    }

    [StorageFact]
    public async Task ListSeats_Version3Pool_ListsTheFixtureSeatsInCreationOrderForEveryStatusAndPageSize()
    {
        // Creation order: ann P, bob C, cy R, dee C, eve R, hal R, fay P, gus C, ivy P, jon R (each grantee has one seat).
        string[] expected =
        [
            "any/1: ann:Pending bob:Claimed dee:Claimed fay:Pending gus:Claimed ivy:Pending",
            "Pending/1: ann:Pending fay:Pending ivy:Pending",
            "Claimed/1: bob:Claimed dee:Claimed gus:Claimed",
            "Revoked/1: cy:Revoked eve:Revoked hal:Revoked jon:Revoked",
            "any/50: ann:Pending bob:Claimed dee:Claimed fay:Pending gus:Claimed ivy:Pending",
            "Pending/50: ann:Pending fay:Pending ivy:Pending",
            "Claimed/50: bob:Claimed dee:Claimed gus:Claimed",
            "Revoked/50: cy:Revoked eve:Revoked hal:Revoked jon:Revoked",
        ];

        var actual = new List<string>();
        foreach (var pageSize in new[] { 1, 50 })
        {
            foreach (var status in new SeatStatus?[] { null, SeatStatus.Pending, SeatStatus.Claimed, SeatStatus.Revoked })
            {
                var seats = await ListAllAsync(status, pageSize);
                actual.Add($"{status?.ToString() ?? "any"}/{pageSize}: " + string.Join(' ', seats.Select(s => $"{s.Grantee.Email!.Split('@')[0]}:{s.Status}")));
            }
        }

        Assert.Equal(expected, actual);
    }

    [StorageFact]
    public async Task AssignSeat_Version3RequestIdAgain_ReplaysTheStoredAnswer()
    {
        // Request ids are kept 24 hours: at the fixture's time, not the test clock's 2030, where they would be purged.
        Time.Set(FixtureTime);
        var metadata = new Dictionary<string, string> { ["team"] = "green" };
        var key = new IdempotencyKey(AnnRequestId, "AssignSeat", Fingerprint(Subscription, "ann@example.com", metadata));

        var replay = await Allocator.AssignSeatAsync(Subscription, Grantee.ForEmail("ann@example.com"), metadata, false, key, _ => [], Ct).Within();

        Assert.True(replay.IsReplayed);
        var stored = AssignSeatResponse.Parser.ParseFrom(replay.StoredResponse.Span);
        Assert.Equal((AnnSeat, "ann@example.com", "green", ""), (stored.Seat.Name, stored.Seat.Email, stored.Seat.Metadata["team"], stored.InvitationToken));
        Assert.Equal(10, await CountAsync("SELECT COUNT(*) FROM seats"));
    }

    [StorageFact]
    public async Task AssignSeat_NewGranteeInVersion3Pool_TakesASeatAfterTheOldOnes()
    {
        var kim = await AssignAsync(Subscription, Grantee.ForEmail("kim@example.com"));

        var pending = await ListAllAsync(SeatStatus.Pending, 50);
        var occupying = await ListAllAsync(null, 2);

        Assert.Equal(SeatStatus.Pending, kim.Seat.Status);
        Assert.Equal(["ann@example.com", "fay@example.com", "ivy@example.com", "kim@example.com"], pending.Select(s => s.Grantee.Email));
        Assert.Equal(kim.Seat.Name, occupying[^1].Name);
        Assert.Equal(7, occupying.Count);
        Assert.Equal(7, (await Allocator.GetPoolAsync(Subscription, Ct).Within()).OccupiedSeats);
    }

    [StorageFact]
    public async Task ClaimSeat_Version3Token_ClaimsItsSeat()
    {
        Time.Set(FixtureTime);

        var claimed = (await Allocator.ClaimSeatAsync(AnnToken, "cus_ann", null, null, Ct).Within()).Value!;

        Assert.Equal((AnnSeat, SeatStatus.Claimed, "cus_ann"), (claimed.Name, claimed.Status, claimed.Grantee.CustomerId));
        Assert.Equal(["fay@example.com", "ivy@example.com"], (await ListAllAsync(SeatStatus.Pending, 50)).Select(s => s.Grantee.Email));
    }

    protected override Task BeforeOpenAsync() => Provider.RestoreVersionAsync(3, Ct);

    /// <summary>The service's fingerprint of an AssignSeat request: SHA-256 of its encoding without the request id.</summary>
    private static byte[] Fingerprint(string parent, string email, Dictionary<string, string> metadata)
    {
        var request = new AssignSeatRequest { Parent = parent, Email = email };
        request.Metadata.Add(metadata);
        return SHA256.HashData(request.ToByteArray());
    }

    /// <summary>Every page of the pool's seats of that status (null: pending and claimed), in order.</summary>
    private async Task<List<Seat>> ListAllAsync(SeatStatus? status, int pageSize)
    {
        var seats = new List<Seat>();
        string? token = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await Allocator.ListSeatsAsync(Subscription, status, pageSize, token, Ct).Within();
            Assert.InRange(page.Seats.Count, 0, pageSize);
            seats.AddRange(page.Seats);
            token = page.NextPageToken;
            if (token is null)
            {
                return seats;
            }
        }

        throw new InvalidOperationException($"ListSeats ({status}, page size {pageSize}) did not end within 20 pages.");
    }
}

public sealed class SqliteVersion3MigrationTests : Version3MigrationTests<SqliteStorageProvider>
{
    protected override string AnnSeat => "seats/AaImPwgtEG-BpzRvnZ91PA";

    protected override string AnnToken => "AaImPwgtEG-BpzRvnZ91PA.7Q5limOOS8C31AX9eN3yFVma7BAw3jNcHpiJwubBHZ4";
}

public sealed class PostgresVersion3MigrationTests : Version3MigrationTests<PostgresStorageProvider>
{
    protected override string AnnSeat => "seats/AaImPykNAiUmze0CbNjoYw";

    protected override string AnnToken => "AaImPykNAiUmze0CbNjoYw.C8u9PblKbfF-1fKWa9MQUwU376rm66xb9HE2t6ZIlRg";
}
