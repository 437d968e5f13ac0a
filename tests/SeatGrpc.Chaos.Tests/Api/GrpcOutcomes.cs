using Google.Rpc;
using Grpc.Core;

namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>Classifies a failed gRPC call: definite refusal, in doubt, or an answer no correct server gives.</summary>
internal static class GrpcOutcomes
{
    public static Outcome Classify(RpcException exception)
    {
        var code = exception.StatusCode;

        // Grpc.Net.Client sets DebugException when it made the status itself (the connection broke, the server is gone).
        if (exception.Status.DebugException is { } cause)
        {
            return new InDoubt($"client {code}: {cause.GetType().Name}");
        }

        return code switch
        {
            StatusCode.DeadlineExceeded or StatusCode.Cancelled => new InDoubt(code.ToString()),
            StatusCode.Unavailable => new InDoubt($"UNAVAILABLE {ReasonOf(exception)}"),
            StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.AlreadyExists
                or StatusCode.Aborted or StatusCode.OutOfRange or StatusCode.PermissionDenied or StatusCode.Unauthenticated
                => new Rejected(code, ReasonOf(exception), exception.Status.Detail),
            _ => new Broken($"{code}: {exception.Status.Detail}"),
        };
    }

    /// <summary>The status of a ManageSeats batch error (a google.rpc.Status in the response).</summary>
    public static Outcome Classify(Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var code = (StatusCode)status.Code;
        var reason = status.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;
        return code switch
        {
            StatusCode.Unavailable => new InDoubt($"UNAVAILABLE {reason}"),
            StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unimplemented => new Broken($"{code}: {status.Message}"),
            _ => new Rejected(code, reason, status.Message),
        };
    }

    private static string ReasonOf(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;
}
