using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// Reads run on connections that outlive them (SQLite keeps a few open, with their compiled statements): whatever the
/// reads before left on a connection, the next read sees every commit made since.
/// </summary>
public abstract class ReadSessionTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [StorageFact]
    public async Task Reads_AfterEarlierReadsOfEveryKind_SeeTheLatestCommit()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        var ann = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        await AssignAsync(pool.Name, Grantee.ForEmail("bob@example.com"));

        // A pool lookup reads one row and stops, a page reads to the end in a snapshot, a failed read throws mid-session.
        await Allocator.GetPoolAsync(pool.Name, Ct).Within();
        await Allocator.ListSeatsAsync(pool.Name, null, 1, null, Ct).Within();
        await Allocator.GetSeatAsync(ann.Seat.Name, Ct).Within();
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Allocator.ListSeatsAsync("subscriptions/none", null, 0, null, Ct));
        await Allocator.RevokeSeatAsync(ann.Seat.Name, null, null, null, Ct).Within();

        Assert.Equal(SeatStatus.Revoked, (await Allocator.GetSeatAsync(ann.Seat.Name, Ct).Within()).Status);
        var page = await Allocator.ListSeatsAsync(pool.Name, null, 0, null, Ct).Within();
        Assert.Equal(["bob@example.com"], page.Seats.Select(s => s.Grantee.Email));
        Assert.Equal(2, page.AvailableSeats);
        Assert.Equal(2, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task GetSeat_ManyAtOnce_EachAnswersItsOwnSeat()
    {
        var pool = await CreatePoolAsync(totalSeats: 40);
        var assigned = new List<AssignedSeat>();
        for (var i = 0; i < 40; i++)
        {
            assigned.Add(await AssignAsync(pool.Name, Grantee.ForCustomer($"cus_{i}")));
        }

        // More reads at once than connections kept idle: extra connections open, answer, and close.
        var seats = await Task.WhenAll(assigned.Select(a => Allocator.GetSeatAsync(a.Seat.Name, Ct))).Within();

        Assert.Equal(assigned.Select(a => a.Seat.Grantee.CustomerId), seats.Select(s => s.Grantee.CustomerId));
    }
}

public sealed class SqliteReadSessionTests : ReadSessionTests<SqliteStorageProvider>;

public sealed class PostgresReadSessionTests : ReadSessionTests<PostgresStorageProvider>;
