using Grpc.Net.Client;
using Seats.V1;

namespace SeatGrpc.Server.Tests;

/// <summary>The --invitation-lifetime setting reaches the seats the running server issues invitations for.</summary>
public sealed class InvitationLifetimeTests
{
    [Fact]
    public async Task AssignSeat_InvitationLifetimeFlag_ExpiresAfterThatLong()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(
            ["--grpc-port", "0", "--rest-port", "0", "--sqlite", database.Path, "--invitation-lifetime", "90m"]);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/lifetime", TotalSeats = 1 } }, deadline: deadline);

        var assigned = await client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/lifetime", Email = "ada@example.com" }, deadline: deadline);

        var seat = assigned.Seat;
        Assert.Equal(TimeSpan.FromMinutes(90), seat.InvitationExpireTime.ToDateTime() - seat.CreateTime.ToDateTime());
    }
}
