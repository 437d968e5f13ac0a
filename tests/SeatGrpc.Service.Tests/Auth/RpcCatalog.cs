using Grpc.Net.Client;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>Every RPC of SeatService and ApiKeyService, for the tests that must hold for each one.</summary>
public static class RpcCatalog
{
    private const string NoPool = "subscriptions/no-such-pool";
    private const string NoSeat = "seats/AAAAAAAAAAAAAAAAAAAAAA";
    private const string NoKey = "apiKeys/aaaaaaaaaaaa";

    public static IReadOnlyList<RpcCase> All { get; } =
    [
        new("AssignSeat", ApiKeyScopes.Write, channel => Seats(channel).AssignSeatAsync(Seeds.Assign(NoPool, "x@example.com")).ResponseAsync,
            "POST", $"/v1/{NoPool}/seats", """{"email": "x@example.com"}"""),
        new("ListSeats", ApiKeyScopes.Read, channel => Seats(channel).ListSeatsAsync(new ListSeatsRequest { Parent = NoPool }).ResponseAsync,
            "GET", $"/v1/{NoPool}/seats", null),
        new("GetSeat", ApiKeyScopes.Read, channel => Seats(channel).GetSeatAsync(new GetSeatRequest { Name = NoSeat }).ResponseAsync,
            "GET", $"/v1/{NoSeat}", null),
        new("RevokeSeat", ApiKeyScopes.Write, channel => Seats(channel).RevokeSeatAsync(new RevokeSeatRequest { Name = NoSeat }).ResponseAsync,
            "DELETE", $"/v1/{NoSeat}", null),
        new("ResendInvitation", ApiKeyScopes.Write,
            channel => Seats(channel).ResendInvitationAsync(new ResendInvitationRequest { Name = NoSeat }).ResponseAsync,
            "POST", $"/v1/{NoSeat}:resendInvitation", "{}"),
        new("ClaimSeat", ApiKeyScopes.Write, channel => Seats(channel).ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = "no-such-token" }).ResponseAsync,
            "POST", "/v1/seats:claim", """{"invitationToken": "no-such-token"}"""),
        new("ListClaimedSubscriptions", ApiKeyScopes.Read,
            channel => Seats(channel).ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest { Customer = "customers/nobody" }).ResponseAsync,
            "GET", "/v1/customers/nobody/claimedSubscriptions", null),
        new("ManageSeats", ApiKeyScopes.Write, ManageSeatsAsync, null, null, null),
        new("BatchManageSeats", ApiKeyScopes.Write,
            channel => Seats(channel).BatchManageSeatsAsync(Seeds.Batch(NoPool, Seeds.AssignChange("x@example.com"))).ResponseAsync,
            "PUT", $"/v1/{NoPool}/seats", """{"changes": [{"assign": {"grantee": {"email": "x@example.com"}}}]}"""),
        new("WatchSeatEvents", ApiKeyScopes.Read, WatchSeatEventsAsync, "GET", $"/v1/{NoPool}/seatEvents:watch", null),
        new("UpsertSeatPool", ApiKeyScopes.Admin,
            channel => Seats(channel).UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = NoPool, TotalSeats = 1 } }).ResponseAsync,
            "PUT", $"/v1/{NoPool}", """{"totalSeats": 1}"""),
        new("GetSeatPool", ApiKeyScopes.Read, channel => Seats(channel).GetSeatPoolAsync(new GetSeatPoolRequest { Name = NoPool }).ResponseAsync,
            "GET", $"/v1/{NoPool}", null),
        new("CreateApiKey", ApiKeyScopes.Admin, CreateApiKeyAsync, "POST", "/v1/apiKeys", """{"scopes": ["seats:read"]}"""),
        new("ListApiKeys", ApiKeyScopes.Admin, channel => Keys(channel).ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync,
            "GET", "/v1/apiKeys", null),
        new("RevokeApiKey", ApiKeyScopes.Admin, channel => Keys(channel).RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = NoKey }).ResponseAsync,
            "POST", $"/v1/{NoKey}:revoke", "{}"),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    /// <summary>The RPCs a read key may not call (a read key is the weakest there is, so the read RPCs have no such test).</summary>
    public static TheoryData<string> AboveRead => [.. All.Where(c => c.Scope != ApiKeyScopes.Read).Select(c => c.Name)];

    /// <summary>The RPCs a write key may not call.</summary>
    public static TheoryData<string> AdminOnly => [.. All.Where(c => c.Scope == ApiKeyScopes.Admin).Select(c => c.Name)];

    public static TheoryData<string> RestNames => [.. All.Where(c => c.RestPath is not null).Select(c => c.Name)];

    /// <summary>The REST routes a read key may not call.</summary>
    public static TheoryData<string> RestAboveRead => [.. All.Where(c => c.RestPath is not null && c.Scope != ApiKeyScopes.Read).Select(c => c.Name)];

    public static RpcCase Get(string name) => All.Single(c => c.Name == name);

    private static SeatService.SeatServiceClient Seats(GrpcChannel channel) => new(channel);

    private static ApiKeyService.ApiKeyServiceClient Keys(GrpcChannel channel) => new(channel);

    private static Task<CreateApiKeyResponse> CreateApiKeyAsync(GrpcChannel channel)
    {
        var request = new CreateApiKeyRequest { ApiKey = new Seats.V1.ApiKey() };
        request.ApiKey.Scopes.Add(ApiKeyScopes.Read);
        return Keys(channel).CreateApiKeyAsync(request).ResponseAsync;
    }

    private static async Task ManageSeatsAsync(GrpcChannel channel)
    {
        using var call = Seats(channel).ManageSeats();
        try
        {
            await call.RequestStream.WriteAsync(Seeds.StreamBatch(NoPool, string.Empty, Seeds.AssignChange("x@example.com")));
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // A refused call may have ended before the write; its own status comes from the response stream below.
        }

        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }

    private static async Task WatchSeatEventsAsync(GrpcChannel channel)
    {
        using var call = Seats(channel).WatchSeatEvents(new WatchSeatEventsRequest { Parent = NoPool });
        await call.ResponseHeadersAsync;
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }
}
