using Grpc.Core;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// A request the gateway rejects before (or instead of) calling the gRPC method: a bad query
/// parameter, body or route. <see cref="HttpStatus"/> overrides the status mapping only for
/// transport-level faults (404 route, 405, 413, 415).
/// </summary>
internal sealed class GatewayException : Exception
{
    public GatewayException(StatusCode code, string message, int? httpStatus = null)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public StatusCode Code { get; }

    public int? HttpStatus { get; }

    public IReadOnlyList<string> Allow { get; init; } = [];

    public static GatewayException InvalidArgument(string message) => new(StatusCode.InvalidArgument, message);
}
