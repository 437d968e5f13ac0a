using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Seats.V1;

namespace SeatGrpc.Client.Internal;

/// <summary>
/// The channel's <see cref="ServiceConfig"/>, one method config per kind of SeatService method, read from the contract:
/// <list type="bullet">
/// <item>reads (no <c>request_id</c>): retried on UNAVAILABLE; a read changes nothing, however often it runs;</item>
/// <item>writes (with <c>request_id</c>, filled by <see cref="RequestIdInterceptor"/>): retried on UNAVAILABLE and
/// ABORTED, since a retry with the same id is replayed, never applied twice. <see cref="ContentionOnlyRetryHandler"/>
/// narrows ABORTED to the reason CONTENTION;</item>
/// <item>streams: no policy. A stream that fails after its first message cannot be replayed as a whole;
/// <see cref="SeatEventFeed"/> resumes WatchSeatEvents from the last event instead.</item>
/// </list>
/// </summary>
internal static class SeatRetryPolicy
{
    public static ServiceConfig Create(SeatGrpcClientOptions options)
    {
        var reads = new MethodConfig { RetryPolicy = Policy(options, StatusCode.Unavailable) };
        var writes = new MethodConfig { RetryPolicy = Policy(options, StatusCode.Unavailable, StatusCode.Aborted) };
        var service = SeatService.Descriptor;
        foreach (var method in service.Methods)
        {
            if (method.IsClientStreaming || method.IsServerStreaming)
            {
                continue;
            }

            var config = RequestIds.IsIdempotentWrite(method.InputType) ? writes : reads;
            config.Names.Add(new MethodName { Service = service.FullName, Method = method.Name });
        }

        return new ServiceConfig { MethodConfigs = { reads, writes } };
    }

    private static RetryPolicy Policy(SeatGrpcClientOptions options, params StatusCode[] codes)
    {
        var policy = new RetryPolicy
        {
            MaxAttempts = options.MaxAttempts,
            InitialBackoff = options.InitialBackoff,
            MaxBackoff = options.MaxBackoff,
            BackoffMultiplier = 2,
        };
        foreach (var code in codes)
        {
            policy.RetryableStatusCodes.Add(code);
        }

        return policy;
    }
}
