using System.Globalization;
using Grpc.Core;
using SeatGrpc.Service.Internal;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// A REST request refused before JSON transcoding reads it: the HTTP status and the <c>google.rpc.Status</c> body, in
/// the shape SeatService's own errors have (ErrorInfo in domain <c>seats.v1</c>, a BadRequest for field violations).
/// </summary>
internal sealed record RestRejection(int HttpStatus, Google.Rpc.Status Status)
{
    /// <summary>400: the body is not JSON (a syntax error, not UTF-8, empty) or not a JSON object.</summary>
    public const string MalformedJsonReason = "MALFORMED_JSON";

    /// <summary>415: the body is not <c>application/json</c> (or <c>+json</c>) in UTF-8.</summary>
    public const string UnsupportedMediaTypeReason = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>413: the body is over the 4 MiB receive limit.</summary>
    public const string BodyTooLargeReason = "BODY_TOO_LARGE";

    /// <summary>The ErrorInfo metadata key that carries the body limit in bytes.</summary>
    public const string LimitBytesKey = "limit_bytes";

    /// <summary>Gets the ErrorInfo reason, for the log.</summary>
    public string Reason => StatusMapping.ReasonOf(Status);

    /// <summary>400 INVALID_ARGUMENT, reason INVALID_FIELD, each violation in a BadRequest.</summary>
    public static RestRejection InvalidFields(IReadOnlyList<Google.Rpc.BadRequest.Types.FieldViolation> violations) =>
        new(StatusCodes.Status400BadRequest, StatusMapping.InvalidFields(violations));

    public static RestRejection MalformedJson(string message) =>
        new(StatusCodes.Status400BadRequest, StatusMapping.Create(StatusCode.InvalidArgument, MalformedJsonReason, message));

    public static RestRejection UnsupportedMediaType(string? contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, StatusMapping.Create(
            StatusCode.InvalidArgument,
            UnsupportedMediaTypeReason,
            $"The body must be JSON in UTF-8 (content-type: application/json); the request's content-type is '{contentType}'."));

    /// <summary>
    /// 413 with RESOURCE_EXHAUSTED: the code gRPC gives an oversize message, under the HTTP status that says "smaller",
    /// not the 429 of the transcoding table, which would tell the caller to retry the same body later.
    /// </summary>
    public static RestRejection BodyTooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, StatusMapping.Create(
            StatusCode.ResourceExhausted,
            BodyTooLargeReason,
            $"The body is larger than {limit} bytes (4 MiB), the most a call may send.",
            (LimitBytesKey, limit.ToString(CultureInfo.InvariantCulture))));

    public Task WriteAsync(HttpResponse response, CancellationToken cancellationToken) =>
        StatusResponse.WriteJsonAsync(response, HttpStatus, Status, cancellationToken);
}
