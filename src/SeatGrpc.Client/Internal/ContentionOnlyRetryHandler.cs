using System.Globalization;
using System.Net.Http.Headers;
using Google.Rpc;

namespace SeatGrpc.Client.Internal;

/// <summary>
/// Lets the channel's retry policy retry ABORTED only when the server's ErrorInfo reason is <c>CONTENTION</c> (the write
/// lost races with other replicas and changed nothing). Any other ABORTED, such as RevokeSeat's <c>ETAG_MISMATCH</c>, is
/// a lost precondition that a retry cannot fix: this handler adds <c>grpc-retry-pushback-ms: -1</c> to it, which is how
/// gRPC's retry design (proposal A6) says "do not retry", and Grpc.Net.Client honours it.
/// </summary>
/// <remarks>
/// An error a handler raises before writing a message is a trailers-only response: its status is in the response
/// headers, which is where Grpc.Net.Client looks for the pushback too. Other responses pass untouched.
/// </remarks>
internal sealed class ContentionOnlyRetryHandler : DelegatingHandler
{
    public const string ContentionReason = "CONTENTION";
    public const string ErrorDomain = "seats.v1";

    private const string StatusHeader = "grpc-status";
    private const string DetailsHeader = "grpc-status-details-bin";
    private const string PushbackHeader = "grpc-retry-pushback-ms";
    private static readonly string Aborted = ((int)Grpc.Core.StatusCode.Aborted).ToString(CultureInfo.InvariantCulture);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (IsAborted(response.Headers) && !IsContention(response.Headers))
        {
            response.Headers.TryAddWithoutValidation(PushbackHeader, "-1");
        }

        return response;
    }

    private static bool IsAborted(HttpResponseHeaders headers) =>
        headers.TryGetValues(StatusHeader, out var values) && values.FirstOrDefault() == Aborted;

    private static bool IsContention(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues(DetailsHeader, out var values) || values.FirstOrDefault() is not { Length: > 0 } encoded)
        {
            return false;
        }

        try
        {
            var status = Status.Parser.ParseFrom(Convert.FromBase64String(Padded(encoded)));
            return status.Details.Any(static detail =>
                detail.TryUnpack(out ErrorInfo info) && info.Domain == ErrorDomain && info.Reason == ContentionReason);
        }
        catch (Exception e) when (e is FormatException or Google.Protobuf.InvalidProtocolBufferException)
        {
            return false;
        }
    }

    // gRPC sends binary metadata as base64 with or without its padding; Convert wants it padded.
    private static string Padded(string base64) =>
        (base64.Length % 4) switch
        {
            2 => base64 + "==",
            3 => base64 + "=",
            _ => base64,
        };
}
