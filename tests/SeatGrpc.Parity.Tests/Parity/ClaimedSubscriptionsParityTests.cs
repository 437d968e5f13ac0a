using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>ListClaimedSubscriptions (GET /v1/customers/{id}/claimedSubscriptions) through gRPC and REST.</summary>
public sealed class ClaimedSubscriptionsParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public ClaimedSubscriptionsParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task CustomerClaimsInThreePools_SamePagesInClaimOrder()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            var customer = run.Customer("member");
            var pools = new[] { run.Pool, run.NewPool(), run.NewPool() };
            foreach (var pool in pools)
            {
                await run.UpsertPoolAsync(2, pool);
                run.Record("assign", await run.Api.AssignSeatAsync(new AssignSeatRequest { Parent = pool, CustomerId = customer, ImmediateClaim = true }));
            }

            // A pending (unclaimed) seat in a fourth pool is not listed.
            var pending = run.NewPool();
            await run.UpsertPoolAsync(1, pending);
            run.Record("assign pending", await run.Api.AssignSeatAsync(new AssignSeatRequest { Parent = pending, CustomerId = customer }));

            var first = run.Record("page 1", await run.Api.ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest
            {
                Customer = "customers/" + customer,
                PageSize = 2,
            })).Ok;
            run.Record("page 2", await run.Api.ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest
            {
                Customer = "customers/" + customer,
                PageSize = 2,
                PageToken = first.NextPageToken,
            }));
            run.Record("unknown customer", await run.Api.ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest { Customer = "customers/" + run.Customer("nobody") }));
        });

        var steps = runs.Rest.Steps;
        var page1 = (ListClaimedSubscriptionsResponse)steps.Single(s => s.Step == "page 1").Message;
        var page2 = (ListClaimedSubscriptionsResponse)steps.Single(s => s.Step == "page 2").Message;
        Assert.Equal(2, page1.ClaimedSubscriptions.Count);
        Assert.NotEmpty(page1.NextPageToken);
        Assert.Single(page2.ClaimedSubscriptions);
        Assert.Empty(page2.NextPageToken);
        var assigned = steps.Where(s => s.Step == "assign").Select(s => ((AssignSeatResponse)s.Message).Seat.Parent).ToList();
        Assert.Equal(assigned, page1.ClaimedSubscriptions.Concat(page2.ClaimedSubscriptions).Select(c => c.Pool.Name));
        Assert.All(page1.ClaimedSubscriptions, c => Assert.Equal(SeatStatus.Claimed, c.Seat.Status));
        Assert.Empty(((ListClaimedSubscriptionsResponse)steps[^1].Message).ClaimedSubscriptions);
    }
}
