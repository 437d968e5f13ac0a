using SeatGrpc.Chaos.Tests.Fuzz;
using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// Generated invalid and boundary values in every field of every request, over gRPC and over REST (where JSON and HTTP
/// add wrong types, deep nesting, broken bodies and query strings): each answer is a documented status, never UNKNOWN,
/// INTERNAL or HTTP 500; no stack trace, SQL or path in anything the caller sees; the database unchanged after a refusal.
/// </summary>
public sealed class FuzzTests
{
    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task EveryFieldOfEveryRequest_Grpc_DocumentedStatusNoLeakNothingChanged()
    {
        await using var cluster = await ServerCluster.StartSqliteAsync();
        var endpoint = cluster.Replicas[0].Current!;
        var targets = await FuzzTargets.SeedAsync(endpoint.Client);
        var run = new FuzzRun(cluster.SqlitePath!);
        var sender = new GrpcFuzzSender(endpoint.Channel.CreateCallInvoker());

        foreach (var fuzz in ProtoCases.All(targets))
        {
            await run.CheckAsync(fuzz, () => sender.SendAsync(fuzz));
        }

        Report(run, cluster);
    }

    [Fact]
    public async Task EveryFieldOfEveryRequest_Rest_DocumentedStatusNoLeakNothingChanged()
    {
        await using var cluster = await ServerCluster.StartSqliteAsync();
        var endpoint = cluster.Replicas[0].Current!;
        var targets = await FuzzTargets.SeedAsync(endpoint.Client);
        var run = new FuzzRun(cluster.SqlitePath!);
        var sender = new RestFuzzSender(endpoint.Http);

        foreach (var fuzz in RestCases.All(targets))
        {
            await run.CheckAsync(fuzz, () => sender.SendAsync(fuzz));
        }

        Report(run, cluster);
    }

    private void Report(FuzzRun run, ServerCluster cluster)
    {
        _output.WriteLine($"{run.Cases} requests: {run.Tally}");
        var errors = ServerErrors.Unexpected(cluster.ErrorLogLines());
        Assert.True(run.Failures.Count == 0 && errors.Count == 0, string.Join('\n', [.. run.Failures, .. errors]));
    }
}
