using Google.Protobuf;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>
/// What one call returned: its response, or its <c>google.rpc.Status</c>. Over REST, also the HTTP status of the answer.
/// </summary>
/// <typeparam name="T">The response message.</typeparam>
internal sealed class Outcome<T>
    where T : class, IMessage<T>
{
    private Outcome(T? response, Google.Rpc.Status? error, int? httpStatus)
    {
        Response = response;
        Error = error;
        HttpStatus = httpStatus;
    }

    public T? Response { get; }

    public Google.Rpc.Status? Error { get; }

    /// <summary>The HTTP status of a REST answer; null over gRPC.</summary>
    public int? HttpStatus { get; }

    /// <summary>The response, or a test failure naming the error.</summary>
    public T Ok => Response ?? throw new Xunit.Sdk.XunitException($"Expected a response, got the error {Error}.");

    /// <summary>The error, or a test failure naming the response.</summary>
    public Google.Rpc.Status Failed => Error ?? throw new Xunit.Sdk.XunitException($"Expected an error, got {Response}.");

    /// <summary>The message to compare: the response or the status.</summary>
    public IMessage Message => (IMessage?)Response ?? Error!;

    public static Outcome<T> Success(T response, int? httpStatus = null) => new(response, null, httpStatus);

    public static Outcome<T> Failure(Google.Rpc.Status error, int? httpStatus = null) => new(null, error, httpStatus);
}
