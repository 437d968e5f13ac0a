using Grpc.Core;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// A request the gateway rejects before (or instead of) calling the gRPC method: a bad query
/// parameter, body or route. It is answered like a service error: a <c>google.rpc.Status</c> with an
/// ErrorInfo (<see cref="Reason"/>, in the configured domain) and, when one field or parameter is at
/// fault, a BadRequest naming it. <see cref="HttpStatus"/> overrides the status mapping only for
/// transport-level faults (404 route, 405, 413, 415).
/// </summary>
internal sealed class GatewayException : Exception
{
    public GatewayException(StatusCode code, string reason, string message, int? httpStatus = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        HttpStatus = httpStatus;
    }

    public StatusCode Code { get; }

    /// <summary>The ErrorInfo reason, one of <see cref="GatewayErrorReasons"/>.</summary>
    public string Reason { get; }

    public int? HttpStatus { get; }

    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>The request field or query parameter at fault (proto field path), for the BadRequest; or null.</summary>
    public string? Field { get; init; }

    public static GatewayException InvalidArgument(string reason, string message, string? field = null) =>
        new(StatusCode.InvalidArgument, reason, message) { Field = field };
}
