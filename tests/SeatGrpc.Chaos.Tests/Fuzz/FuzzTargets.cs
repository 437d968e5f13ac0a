using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// A valid request for every RPC of the contract, aimed at a seeded pool: the fuzzer changes one field of it at a time.
/// The seeded state: a pool of 1000 seats with a pending and a claimed seat (customer <c>cus_fuzz</c>).
/// </summary>
internal sealed record FuzzTargets(string Pool, string PendingSeat, string ClaimedSeat)
{
    public const string Customer = "cus_fuzz";

    public static async Task<FuzzTargets> SeedAsync(SeatService.SeatServiceClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        const string pool = "subscriptions/fuzz-pool";
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 1000 } });
        var pending = await client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "pending@example.com" });
        var claimed = await client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, CustomerId = Customer, ImmediateClaim = true });
        return new FuzzTargets(pool, pending.Seat.Name, claimed.Seat.Name);
    }

    /// <summary>Every method of seats.v1.SeatService with its valid request.</summary>
    public IEnumerable<(MethodDescriptor Method, IMessage Request)> Requests()
    {
        var grantee = new Grantee { Email = "fuzz@example.com", CustomerId = "cus_new", ExternalCustomerId = "ext 1" };
        var changes = new[]
        {
            new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = grantee, Metadata = { ["team"] = "a" }, ImmediateClaim = true } },
            new SeatChange { Unassign = new SeatChange.Types.Unassign { Grantee = new Grantee { Email = "pending@example.com" } } },
            new SeatChange { Replace = new SeatChange.Types.Replace { CurrentGrantee = new Grantee { CustomerId = Customer }, NewGrantee = grantee, Metadata = { ["k"] = "v" } } },
        };
        IMessage[] requests =
        [
            new AssignSeatRequest { Parent = Pool, Email = "fuzz@example.com", CustomerId = "cus_new", ExternalCustomerId = "ext 1", Metadata = { ["team"] = "a" }, RequestId = NewId() },
            new ListSeatsRequest { Parent = Pool, PageSize = 5, Status = SeatStatus.Pending },
            new GetSeatRequest { Name = PendingSeat },
            new RevokeSeatRequest { Name = PendingSeat, Etag = "1", RequestId = NewId() },
            new ResendInvitationRequest { Name = PendingSeat, RequestId = NewId() },
            new ClaimSeatRequest { InvitationToken = "not-a-real-token", CustomerId = "cus_claimant", RequestId = NewId() },
            new ListClaimedSubscriptionsRequest { Customer = "customers/" + Customer, PageSize = 5 },
            new ManageSeatsRequest { Parent = Pool, Changes = { changes }, RequestId = NewId() },
            new BatchManageSeatsRequest { Parent = Pool, Changes = { changes }, RequestId = NewId() },
            new WatchSeatEventsRequest { Parent = Pool, AfterSequence = 1 },
            new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/fuzz-upsert", TotalSeats = 3, CustomerId = "cus_owner", MinSeats = 1, MaxSeats = 10 }, RequestId = NewId() },
            new GetSeatPoolRequest { Name = Pool },
        ];
        foreach (var method in SeatService.Descriptor.Methods)
        {
            yield return (method, requests.Single(r => r.Descriptor == method.InputType));
        }
    }

    public static string NewId() => Guid.NewGuid().ToString();
}
