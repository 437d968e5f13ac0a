using System.Text.Json;
using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// <c>buf curl</c> (an independent Go gRPC and reflection client) lists and calls our services through server
/// reflection alone, with no .proto at hand. grpcurl cannot be installed on these machines, so buf curl stands in
/// for both; it tries grpc.reflection.v1 first, and <c>--reflect-protocol grpc-v1alpha</c> forces the old one.
/// </summary>
[Collection(ConformanceServerDefinition.Name)]
public sealed class BufCurlTests(ConformanceServerFixture server)
{
    public static TheoryData<string> ReflectProtocols => new() { "grpc-v1", "grpc-v1alpha" };

    [RequiresToolTheory(typeof(BufCurlProbe))]
    [MemberData(nameof(ReflectProtocols))]
    public async Task ListMethods_ThroughReflection_ListsEveryMappedMethod(string reflectProtocol)
    {
        var output = await BufCurlAsync(["--reflect-protocol", reflectProtocol, "--list-methods", server.BaseUrl]);

        Assert.Equal(
            [
                "grpc.health.v1.Health/Check",
                "grpc.health.v1.Health/Watch",
                "grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                "grpc.testing.echo.v1.EchoService/Chat",
                "grpc.testing.echo.v1.EchoService/Collect",
                "grpc.testing.echo.v1.EchoService/Echo",
                "grpc.testing.echo.v1.EchoService/Expand",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    [RequiresToolTheory(typeof(BufCurlProbe))]
    [MemberData(nameof(ReflectProtocols))]
    public async Task UnaryCall_ThroughReflectionAlone_ReturnsTheJsonResponse(string reflectProtocol)
    {
        var output = await BufCurlAsync(["--reflect-protocol", reflectProtocol, "--data", """{"message":"hello from buf"}""", $"{server.BaseUrl}/grpc.testing.echo.v1.EchoService/Echo"]);

        using var json = JsonDocument.Parse(output);
        Assert.Equal("hello from buf", json.RootElement.GetProperty("message").GetString());
    }

    [RequiresToolFact(typeof(BufCurlProbe))]
    public async Task ServerStreamingCall_ThroughReflection_ReturnsEveryMessage()
    {
        var output = await BufCurlAsync(["--data", """{"message":"m","count":3}""", $"{server.BaseUrl}/grpc.testing.echo.v1.EchoService/Expand"]);

        Assert.Equal(3, output.Split("\"message\"", StringSplitOptions.None).Length - 1);
        Assert.Contains("\"m-2\"", output, StringComparison.Ordinal);
    }

    [RequiresToolFact(typeof(BufCurlProbe))]
    public async Task HealthCheck_ThroughReflection_IsServing()
    {
        var output = await BufCurlAsync(["--data", "{}", $"{server.BaseUrl}/grpc.health.v1.Health/Check"]);

        using var json = JsonDocument.Parse(output);
        Assert.Equal("SERVING", json.RootElement.GetProperty("status").GetString());
    }

    private static async Task<string> BufCurlAsync(string[] arguments)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(BufCurlProbe.RequiredBuf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", .. arguments]);
        Assert.True(exitCode == 0, $"buf curl {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }
}
