using System.Text.Json;
using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// <c>buf curl</c> against the real host: seats.v1.SeatService described through reflection alone, which needs the
/// transitive imports (google/api/*.proto, google/protobuf/*.proto, google/rpc/status.proto) in every answer.
/// </summary>
public sealed class SeatServiceBufCurlTests(SeatHostFixture host) : IClassFixture<SeatHostFixture>
{
    [RequiresToolFact(typeof(BufCurlProbe))]
    public async Task ListMethods_RealHost_ListsSeatServiceHealthAndReflection()
    {
        var output = await BufCurlAsync(["--list-methods", host.BaseUrl]);

        var methods = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("seats.v1.SeatService/AssignSeat", methods);
        Assert.Contains("seats.v1.SeatService/ManageSeats", methods);
        Assert.Contains("seats.v1.SeatService/WatchSeatEvents", methods);
        Assert.Contains("grpc.health.v1.Health/Check", methods);
        Assert.Contains("grpc.reflection.v1.ServerReflection/ServerReflectionInfo", methods);
    }

    [RequiresToolFact(typeof(BufCurlProbe))]
    public async Task UpsertThenGetSeatPool_ThroughReflectionAlone_RoundTripsThePool()
    {
        await BufCurlAsync(["--data", """{"pool":{"name":"subscriptions/buf-curl","totalSeats":3,"customerId":"customer-1"}}""", $"{host.BaseUrl}/seats.v1.SeatService/UpsertSeatPool"]);
        var output = await BufCurlAsync(["--data", """{"name":"subscriptions/buf-curl"}""", $"{host.BaseUrl}/seats.v1.SeatService/GetSeatPool"]);

        using var json = JsonDocument.Parse(output);
        var pool = json.RootElement.GetProperty("pool");
        Assert.Equal("subscriptions/buf-curl", pool.GetProperty("name").GetString());
        Assert.Equal(3, pool.GetProperty("totalSeats").GetInt32());
    }

    [RequiresToolFact(typeof(BufCurlProbe))]
    public async Task HealthCheck_RealHostWithItsDatabase_IsServing()
    {
        var server = await BufCurlAsync(["--data", "{}", $"{host.BaseUrl}/grpc.health.v1.Health/Check"]);
        var seats = await BufCurlAsync(["--data", """{"service":"seats.v1.SeatService"}""", $"{host.BaseUrl}/grpc.health.v1.Health/Check"]);

        Assert.Contains("\"SERVING\"", server, StringComparison.Ordinal);
        Assert.Contains("\"SERVING\"", seats, StringComparison.Ordinal);
    }

    [RequiresToolFact(typeof(BufCurlProbe))]
    public async Task ManageSeats_FailedBatch_ErrorInfoDecodedThroughReflection()
    {
        await BufCurlAsync(["--data", """{"pool":{"name":"subscriptions/buf-curl-full","totalSeats":1}}""", $"{host.BaseUrl}/seats.v1.SeatService/UpsertSeatPool"]);
        var batches = Path.GetTempFileName();
        await File.WriteAllLinesAsync(batches,
        [
            """{"parent":"subscriptions/buf-curl-full","changes":[{"assign":{"grantee":{"email":"bob@example.com"},"immediateClaim":true}}]}""",
            """{"parent":"subscriptions/buf-curl-full","changes":[{"assign":{"grantee":{"email":"cy@example.com"}}}]}""",
        ]);
        try
        {
            // google/rpc/error_details.proto is imported by no service file; reflection serves it for this.
            var output = await BufCurlAsync(["--data", "@" + batches, $"{host.BaseUrl}/seats.v1.SeatService/ManageSeats"]);

            Assert.Contains("\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\"", output, StringComparison.Ordinal);
            Assert.Contains("\"reason\": \"NO_SEATS_AVAILABLE\"", output, StringComparison.Ordinal);
            Assert.Contains("\"change_index\": \"0\"", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(batches);
        }
    }

    private static async Task<string> BufCurlAsync(string[] arguments)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(
            BufCurlProbe.RequiredBuf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "-H", $"authorization: {TestKeys.Bearer(TestKeys.Admin)}", .. arguments]);
        Assert.True(exitCode == 0, $"buf curl {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }
}
