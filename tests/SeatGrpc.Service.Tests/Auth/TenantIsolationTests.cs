using ApiKeyScopes = SeatGrpc.Domain.ApiKeyScopes;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>
/// Another tenant's key, over gRPC: the default tenant's pool, seats, event stream, invitation token and request ids
/// answer it exactly as missing ones would, in every RPC and both streams, and nothing of the default tenant changes.
/// </summary>
public sealed class TenantIsolationTests : IClassFixture<AuthServer>
{
    private const string NeverCreatedPool = "subscriptions/never-created";
    private const string NeverCreatedSeat = "seats/AAAAAAAAAAAAAAAAAAAAAA";

    private readonly AuthServer _server;

    public TenantIsolationTests(AuthServer server)
    {
        _server = server;
    }

    private SeatService.SeatServiceClient Other => _server.SeatsFor(_server.OtherTenantKey);

    [Fact]
    public async Task PoolRpcs_OnAnotherTenantsPool_AnswerLikeAMissingPool()
    {
        await AssertLikeMissingAsync(pool => Other.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync, _server.Pool, NeverCreatedPool);
        await AssertLikeMissingAsync(pool => Other.ListSeatsAsync(new ListSeatsRequest { Parent = pool }).ResponseAsync, _server.Pool, NeverCreatedPool);
        await AssertLikeMissingAsync(pool => Other.AssignSeatAsync(Seeds.Assign(pool, "intruder@example.com")).ResponseAsync, _server.Pool, NeverCreatedPool);
        await AssertLikeMissingAsync(
            pool => Other.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange("intruder@example.com"))).ResponseAsync, _server.Pool, NeverCreatedPool);
        await AssertLikeMissingAsync(pool => WatchFirstAsync(Other, pool), _server.Pool, NeverCreatedPool);

        var pool = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = _server.Pool }).ResponseAsync.WithTimeout();
        Assert.Equal(2, pool.Pool.OccupiedSeats);
    }

    [Fact]
    public async Task SeatRpcs_OnAnotherTenantsSeat_AnswerLikeAMissingSeatAndChangeNothing()
    {
        var before = await _server.Client.GetSeatAsync(new GetSeatRequest { Name = _server.PendingSeat }).ResponseAsync.WithTimeout();

        await AssertLikeMissingAsync(seat => Other.GetSeatAsync(new GetSeatRequest { Name = seat }).ResponseAsync, _server.PendingSeat, NeverCreatedSeat);
        await AssertLikeMissingAsync(seat => Other.RevokeSeatAsync(new RevokeSeatRequest { Name = seat }).ResponseAsync, _server.PendingSeat, NeverCreatedSeat);
        await AssertLikeMissingAsync(
            seat => Other.ResendInvitationAsync(new ResendInvitationRequest { Name = seat }).ResponseAsync, _server.PendingSeat, NeverCreatedSeat);

        var after = await _server.Client.GetSeatAsync(new GetSeatRequest { Name = _server.PendingSeat }).ResponseAsync.WithTimeout();
        Assert.Equal(before.Seat, after.Seat);
    }

    [Fact]
    public async Task ClaimSeat_AnotherTenantsToken_InvalidLikeAnUnknownOneAndStillGoodForItsTenant()
    {
        var pool = await _server.CreatePoolAsync(1, "claim");
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, Seeds.Email("invitee"))).ResponseAsync.WithTimeout();

        await AssertLikeMissingAsync(
            token => Other.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = token }).ResponseAsync, assigned.InvitationToken, "never-issued-token");
        var claimed = await _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync.WithTimeout();

        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
    }

    [Fact]
    public async Task ListClaimedSubscriptions_ShowsOnlyTheCallersTenant()
    {
        var customer = new ListClaimedSubscriptionsRequest { Customer = "customers/" + _server.ClaimedCustomer };

        var theirs = await Other.ListClaimedSubscriptionsAsync(customer).ResponseAsync.WithTimeout();
        var mine = await _server.Client.ListClaimedSubscriptionsAsync(customer).ResponseAsync.WithTimeout();

        Assert.Empty(theirs.ClaimedSubscriptions);
        Assert.Equal([_server.Pool], mine.ClaimedSubscriptions.Select(c => c.Pool.Name));
    }

    [Fact]
    public async Task ManageSeats_AnotherTenantsPool_BatchAnsweredLikeAMissingPool()
    {
        var theirs = await ManageOnceAsync(Other, _server.Pool);
        var missing = await ManageOnceAsync(Other, NeverCreatedPool);

        Assert.Equal(missing.Error, theirs.Error);
        Assert.Equal((int)StatusCode.NotFound, theirs.Error.Code);
        Assert.Empty(theirs.Results);
        Assert.Equal(0, theirs.AvailableSeats);
    }

    [Fact]
    public async Task SamePoolName_InAnotherTenant_IsItsOwnPoolWithItsOwnSeatsAndEvents()
    {
        // A pool of its own: the fixture's pool must stay unknown to the other tenant for the other tests.
        var name = await _server.CreatePoolAsync(3, "shared-name");
        await _server.Client.AssignSeatAsync(Seeds.Assign(name, Seeds.Email("first"))).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(Seeds.Assign(name, Seeds.Email("second"))).ResponseAsync.WithTimeout();

        var created = await Other.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = name, TotalSeats = 9 } })
            .ResponseAsync.WithTimeout();
        var seat = await Other.AssignSeatAsync(Seeds.Assign(name, Seeds.Email("acme"), immediateClaim: true)).ResponseAsync.WithTimeout();
        var events = await WatchAsync(Other, name, count: 2);

        Assert.Equal((9, 0), (created.Pool.TotalSeats, created.Pool.OccupiedSeats));
        Assert.Equal([SeatEventType.PoolResized, SeatEventType.Assigned], events.Select(e => e.Type));
        Assert.Equal(seat.Seat.Name, events[1].Seat);
        var mine = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = name }).ResponseAsync.WithTimeout();
        Assert.Equal((3, 2), (mine.Pool.TotalSeats, mine.Pool.OccupiedSeats));
        await RpcStatusAssert.FailsAsync(() => _server.Client.GetSeatAsync(new GetSeatRequest { Name = seat.Seat.Name }).ResponseAsync, StatusCode.NotFound, "SEAT_NOT_FOUND");
    }

    [Fact]
    public async Task RequestId_UsedByAnotherTenant_RunsFreshThereAndReplaysOnlyThere()
    {
        var pool = $"subscriptions/replay-{Guid.NewGuid():N}"[..40];
        var requestId = Seeds.NewRequestId();
        await _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        await Other.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        var request = Seeds.Assign(pool, "same@example.com", immediateClaim: true, requestId: requestId);

        var mine = await _server.Client.AssignSeatAsync(request).ResponseAsync.WithTimeout();
        var theirs = await Other.AssignSeatAsync(request).ResponseAsync.WithTimeout();
        var theirReplay = await Other.AssignSeatAsync(request).ResponseAsync.WithTimeout();
        var myReplay = await _server.Client.AssignSeatAsync(request).ResponseAsync.WithTimeout();

        Assert.NotEqual(mine.Seat.Name, theirs.Seat.Name);
        Assert.Equal(theirs.Seat, theirReplay.Seat);
        Assert.Equal(mine.Seat, myReplay.Seat);
        Assert.Equal(1, (await Other.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout()).Pool.OccupiedSeats);
    }

    [Fact]
    public async Task RequestId_OfTheDefaultTenantsAssign_IsUnknownToAnotherTenant()
    {
        var other = await Other.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "orders/replay-" + Guid.NewGuid().ToString("N")[..8], TotalSeats = 1 } })
            .ResponseAsync.WithTimeout();

        // In the default tenant this id with another request would be REQUEST_ID_REUSED; elsewhere it was never used.
        var fresh = await Other.AssignSeatAsync(Seeds.Assign(other.Pool.Name, "any@example.com", requestId: _server.AssignRequestId)).ResponseAsync.WithTimeout();
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(Seeds.Assign(other.Pool.Name, "any@example.com", requestId: _server.AssignRequestId)).ResponseAsync,
            StatusCode.InvalidArgument,
            "REQUEST_ID_REUSED");

        Assert.Equal(SeatStatus.Pending, fresh.Seat.Status);
    }

    [Fact]
    public async Task ApiKeyService_SeesOnlyTheCallersTenant()
    {
        var otherKeys = _server.KeysFor(_server.OtherTenantKey);

        var listed = await otherKeys.ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync.WithTimeout();
        await RpcStatusAssert.FailsAsync(
            () => otherKeys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = _server.ReadKeyName }).ResponseAsync, StatusCode.NotFound, "API_KEY_NOT_FOUND");
        var created = await otherKeys.CreateApiKeyAsync(new CreateApiKeyRequest { ApiKey = new Seats.V1.ApiKey { Scopes = { ApiKeyScopes.Read } } })
            .ResponseAsync.WithTimeout();
        var stillWorks = await _server.SeatsFor(_server.ReadKey).GetSeatPoolAsync(new GetSeatPoolRequest { Name = _server.Pool }).ResponseAsync.WithTimeout();

        Assert.All(listed.ApiKeys, key => Assert.Equal(AuthServer.OtherTenant, key.Tenant));
        Assert.DoesNotContain(listed.ApiKeys, key => key.Name == _server.ReadKeyName);
        Assert.Equal(AuthServer.OtherTenant, created.ApiKey.Tenant);
        Assert.Equal(_server.Pool, stillWorks.Pool.Name);
    }

    [Fact]
    public async Task Events_NameTheKeyThatMadeEachChange()
    {
        var pool = await _server.CreatePoolAsync(2, "audit");
        await _server.SeatsFor(_server.WriteKey).AssignSeatAsync(Seeds.Assign(pool, Seeds.Email("audited"))).ResponseAsync.WithTimeout();

        var events = await WatchAsync(_server.SeatsFor(_server.ReadKey), pool, count: 2);

        Assert.Equal("apiKeys/" + TestKeys.AdminKeyId, events[0].ApiKey);
        Assert.Equal("apiKeys/" + _server.WriteKey.Split('_')[1], events[1].ApiKey);
    }

    [Fact]
    public async Task WatchSeatEvents_KeyRevokedWhileWatching_StreamEndsUnauthenticated()
    {
        var key = await _server.CreateKeyAsync(ApiKeyScopes.Read);
        var pool = await _server.CreatePoolAsync(2, "revoked-watch");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = _server.SeatsFor(key).WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool }, cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout());

        await _server.AdminKeys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/" + key.Split('_')[1] }).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, Seeds.Email("after"))).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(() => call.ResponseStream.MoveNext(cts.Token), StatusCode.Unauthenticated, "API_KEY_REVOKED");
    }

    [Fact]
    public async Task ManageSeats_KeyRevokedBetweenBatches_StreamEndsUnauthenticatedWithoutApplyingTheNext()
    {
        var key = await _server.CreateKeyAsync(ApiKeyScopes.Write);
        var pool = await _server.CreatePoolAsync(2, "revoked-stream");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = _server.SeatsFor(key).ManageSeats(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, string.Empty, Seeds.AssignChange(Seeds.Email("first")))).WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout());

        await _server.AdminKeys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/" + key.Split('_')[1] }).ResponseAsync.WithTimeout();
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, string.Empty, Seeds.AssignChange(Seeds.Email("second")))).WithTimeout();

        await RpcStatusAssert.FailsAsync(() => call.ResponseStream.MoveNext(cts.Token), StatusCode.Unauthenticated, "API_KEY_REVOKED");
        var after = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
        Assert.Equal(1, after.Pool.OccupiedSeats);
    }

    /// <summary>Both calls fail, with the same status, message and details.</summary>
    private static async Task AssertLikeMissingAsync(Func<string, Task> call, string existingOfAnotherTenant, string missing)
    {
        var theirs = await Assert.ThrowsAsync<RpcException>(() => call(existingOfAnotherTenant).WithTimeout());
        var never = await Assert.ThrowsAsync<RpcException>(() => call(missing).WithTimeout());

        Assert.Equal(never.StatusCode, theirs.StatusCode);
        Assert.Equal(never.GetRpcStatus(), theirs.GetRpcStatus());
        Assert.True(theirs.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition, theirs.Status.ToString());
    }

    private static async Task WatchFirstAsync(SeatService.SeatServiceClient client, string pool)
    {
        using var call = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool });
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private static async Task<List<SeatEvent>> WatchAsync(SeatService.SeatServiceClient client, string pool, int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool }, cancellationToken: cts.Token);
        var events = new List<SeatEvent>();
        while (events.Count < count && await call.ResponseStream.MoveNext(cts.Token))
        {
            events.Add(call.ResponseStream.Current.Event);
        }

        return events;
    }

    private static async Task<ManageSeatsResponse> ManageOnceAsync(SeatService.SeatServiceClient client, string pool)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = client.ManageSeats(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, string.Empty, Seeds.AssignChange("intruder@example.com"))).WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout());
        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync().WithTimeout();
        return response;
    }
}
