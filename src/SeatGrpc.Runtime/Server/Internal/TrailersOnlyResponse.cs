using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Writes a response that is only a status (Trailers-Only), for requests rejected before any call exists.</summary>
internal static class TrailersOnlyResponse
{
    /// <summary>Writes the status into the response headers; the stream ends with them.</summary>
    /// <param name="response">The response, not yet started.</param>
    /// <param name="httpStatusCode">The HTTP status, 200 unless the request is not gRPC at all.</param>
    /// <param name="status">The gRPC status.</param>
    public static void Write(HttpResponse response, int httpStatusCode, Status status)
    {
        response.StatusCode = httpStatusCode;
        var headers = response.Headers;
        headers.ContentType = GrpcProtocol.ContentTypeValue;
        headers.GrpcStatus = GrpcProtocol.StatusValue(status.StatusCode);
        if (status.Detail.Length > 0)
        {
            headers.GrpcMessage = PercentEncoding.Encode(status.Detail);
        }
    }
}
