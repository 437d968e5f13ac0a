using Seats.V1;

namespace SeatGrpc.Bench;

/// <summary>Pool and grantee helpers shared by the commands.</summary>
internal static class Pools
{
    /// <summary>A short random tag that keeps grantees of different runs apart.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Creates the pool or resizes it to <paramref name="totalSeats"/>; returns it as stored.</summary>
    public static async Task<SeatPool> UpsertAsync(SeatService.SeatServiceClient client, string name, int totalSeats)
    {
        if (!name.StartsWith("subscriptions/", StringComparison.Ordinal) && !name.StartsWith("orders/", StringComparison.Ordinal))
        {
            throw new BenchUsageException($"--pool '{name}' must look like subscriptions/{{id}} or orders/{{id}}.");
        }

        var response = await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
        {
            Pool = new SeatPool { Name = name, TotalSeats = totalSeats },
        });
        return response.Pool;
    }

    public static SeatChange Assign(string email) => new()
    {
        Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = email } },
    };

    public static SeatChange Unassign(string email) => new()
    {
        Unassign = new SeatChange.Types.Unassign { Grantee = new Grantee { Email = email } },
    };
}
