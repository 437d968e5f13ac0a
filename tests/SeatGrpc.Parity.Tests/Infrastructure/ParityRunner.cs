using Grpc.Core;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>Runs a scenario through gRPC, then through REST, each on a new pool of the same server, and compares the traces.</summary>
internal static class ParityRunner
{
    /// <summary>The bound of one whole scenario run.</summary>
    public static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="scenario"/> over both transports; returns both runs after asserting they agree step by step.</summary>
    public static async Task<ParityRuns> RunAsync(ParityServer server, Func<ScenarioRun, Task> scenario)
    {
        var grpc = new ScenarioRun(server.Grpc, () => server.NewPoolName("grpc"));
        await scenario(grpc).WithTimeout(ScenarioTimeout);
        var rest = new ScenarioRun(server.Rest, () => server.NewPoolName("rest"));
        await scenario(rest).WithTimeout(ScenarioTimeout);

        AssertSame(grpc, rest);
        return new ParityRuns(grpc, rest);
    }

    /// <summary>Both traces have the same steps, and each step's normalized message is equal field by field.</summary>
    public static void AssertSame(ScenarioRun grpc, ScenarioRun rest)
    {
        Assert.Equal(grpc.Steps.Select(s => s.Step), rest.Steps.Select(s => s.Step));
        for (var i = 0; i < grpc.Steps.Count; i++)
        {
            var step = grpc.Steps[i].Step;
            var expected = grpc.Normalizer.Normalize(grpc.Steps[i].Message);
            var actual = rest.Normalizer.Normalize(rest.Steps[i].Message);

            // Strings first, for a readable diff; then the messages themselves.
            Assert.Equal($"{step}: {RestJson.Formatter.Format(expected)}", $"{step}: {RestJson.Formatter.Format(actual)}");
            Assert.Equal(expected, actual);
            if (actual is Google.Rpc.Status status && rest.Steps[i].HttpStatus is { } http && http != 200)
            {
                Assert.True(ExpectedHttpStatus((StatusCode)status.Code) == http, $"{step}: {(StatusCode)status.Code} answered HTTP {http}.");
            }
        }
    }

    /// <summary>The HTTP status of a gRPC code per the transcoding mapping (SPEC.md section 4).</summary>
    public static int ExpectedHttpStatus(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.Unauthenticated => 401,
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Cancelled => 499,
        StatusCode.Unimplemented => 501,
        StatusCode.Unavailable => 503,
        StatusCode.DeadlineExceeded => 504,
        _ => 500,
    };
}

/// <summary>The two runs of a scenario.</summary>
internal sealed record ParityRuns(ScenarioRun Grpc, ScenarioRun Rest);
