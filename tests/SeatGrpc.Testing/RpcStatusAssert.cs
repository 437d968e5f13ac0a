using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace SeatGrpc.Testing;

/// <summary>Asserts a call's failure: its status code, and the ErrorInfo and BadRequest of its <c>grpc-status-details-bin</c>.</summary>
public static class RpcStatusAssert
{
    /// <summary>Awaits the call (bounded), expects an <see cref="RpcException"/> with <paramref name="code"/> and returns its rich status.</summary>
    public static async Task<Google.Rpc.Status> FailsAsync(Func<Task> call, StatusCode code, string? reason = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call().WithTimeout(timeout)).ConfigureAwait(false);
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)code, status.Code);
        Assert.Equal(exception.Status.Detail, status.Message);
        if (reason is not null)
        {
            AssertReason(status, reason);
        }

        return status;
    }

    /// <summary>Expects an ErrorInfo with the reason and domain <c>seats.v1</c>; returns it.</summary>
    public static ErrorInfo AssertReason(Google.Rpc.Status status, string reason)
    {
        ArgumentNullException.ThrowIfNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);

        // Google.Api.CommonProtos 2.0 names ErrorInfo's field 1 "type"; it is `reason` in error_details.proto.
        Assert.Equal(reason, info.Reason);
        Assert.Equal("seats.v1", info.Domain);
        return info;
    }

    /// <summary>The BadRequest field paths of a status, in order.</summary>
    public static IReadOnlyList<string> ViolatedFields(Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return badRequest.FieldViolations.Select(v => v.Field).ToList();
    }
}
