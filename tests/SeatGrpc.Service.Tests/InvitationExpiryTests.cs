using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Service;
using Seats.V1;

namespace SeatGrpc.Service.Tests;

/// <summary>
/// Invitation expiry over the wire: a host composed like the real one but with a clock the test moves, since a
/// real week cannot pass in a test.
/// </summary>
public sealed class InvitationExpiryTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "seatgrpc-expiry-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private SeatService.SeatServiceClient? _client;

    private SeatService.SeatServiceClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddGrpc();
        builder.Services.AddSeatService(options =>
        {
            options.SqlitePath = Path.Combine(_directory, "seats.db");
            options.InvitationLifetime = Lifetime;
            options.BootstrapKey = TestKeys.Admin;
        });
        _app = builder.Build();
        _app.MapGrpcService<SeatGrpcService>();
        await _app.StartAsync().WithTimeout();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _channel = TestKeys.Channel(new Uri(address));
        _client = new SeatService.SeatServiceClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().WithTimeout();
            await _app.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ClaimSeat_TokenPastItsExpiry_FailedPreconditionInvalidInvitationToken()
    {
        var assigned = await AssignAsync("late@example.com");
        Assert.Equal(Lifetime, assigned.Seat.InvitationExpireTime.ToDateTimeOffset() - assigned.Seat.CreateTime.ToDateTimeOffset());

        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));

        await RpcStatusAssert.FailsAsync(
            () => Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_INVITATION_TOKEN");
    }

    [Fact]
    public async Task ClaimSeat_TokenJustBeforeItsExpiry_Claimed()
    {
        var assigned = await AssignAsync("early@example.com");

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        var claimed = await Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync.WithTimeout();

        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
    }

    [Fact]
    public async Task ResendInvitation_AfterExpiry_NewTokenWorks()
    {
        var assigned = await AssignAsync("again@example.com");
        _clock.Advance(Lifetime + TimeSpan.FromDays(1));

        var resent = await Client.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();
        var claimed = await Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = resent.InvitationToken }).ResponseAsync.WithTimeout();

        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
    }

    private async Task<AssignSeatResponse> AssignAsync(string email)
    {
        var pool = $"subscriptions/expiry-{Guid.NewGuid():N}";
        await Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 1 } }).ResponseAsync.WithTimeout();
        return await Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = email }).ResponseAsync.WithTimeout();
    }

    /// <summary>A clock that stands still until the test moves it.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
