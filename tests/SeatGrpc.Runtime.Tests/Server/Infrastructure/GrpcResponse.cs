using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>A completed raw gRPC response: HTTP status, headers, frames and trailers (or the Trailers-Only headers).</summary>
public sealed class GrpcResponse
{
    public required HttpStatusCode HttpStatus { get; init; }

    public required HttpResponseHeaders Headers { get; init; }

    public required HttpResponseHeaders Trailers { get; init; }

    public required List<(byte Flag, byte[] Payload)> Frames { get; init; }

    public bool IsTrailersOnly => !Trailers.Contains("grpc-status") && Headers.Contains("grpc-status");

    public int? GrpcStatus => int.TryParse(StatusHeaders.TryGetValues("grpc-status", out var v) ? v.Single() : null, out var code) ? code : null;

    public string? GrpcMessage => StatusHeaders.TryGetValues("grpc-message", out var v) ? v.Single() : null;

    /// <summary>Gets the headers that carry the status: the trailers, or the headers of a Trailers-Only response.</summary>
    public HttpResponseHeaders StatusHeaders => IsTrailersOnly ? Headers : Trailers;

    public required string? ContentType { get; init; }

    public T Message<T>(MessageParser<T> parser, int index = 0)
        where T : IMessage<T> => parser.ParseFrom(Frames[index].Payload);

    public string? Header(string name) => Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

    public string? Trailer(string name) => StatusHeaders.TryGetValues(name, out var v) ? string.Join(",", v) : null;
}
