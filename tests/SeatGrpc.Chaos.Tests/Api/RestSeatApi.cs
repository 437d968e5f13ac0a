using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>
/// The seat RPCs over the REST port (HttpClient and the proto3 JSON mapping), on the routes of the contract's
/// <c>google.api.http</c> rules; each attempt is cancelled past its timeout.
/// </summary>
internal sealed class RestSeatApi : ISeatApi
{
    private readonly HttpClient _http;

    public RestSeatApi(HttpClient http)
    {
        _http = http;
    }

    public string Transport => "rest";

    public Task<CallResult<AssignSeatResponse>> AssignAsync(AssignSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = request.Clone();
        body.Parent = string.Empty;
        return SendAsync(HttpMethod.Post, $"/v1/{request.Parent}/seats", body, AssignSeatResponse.Parser, timeout, cancellationToken);
    }

    public Task<CallResult<RevokeSeatResponse>> RevokeAsync(RevokeSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Delete,
            $"/v1/{request.Name}{Query(("etag", request.Etag), ("requestId", request.RequestId))}",
            null,
            RevokeSeatResponse.Parser,
            timeout,
            cancellationToken);

    public Task<CallResult<ResendInvitationResponse>> ResendAsync(ResendInvitationRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = request.Clone();
        body.Name = string.Empty;
        return SendAsync(HttpMethod.Post, $"/v1/{request.Name}:resendInvitation", body, ResendInvitationResponse.Parser, timeout, cancellationToken);
    }

    public Task<CallResult<ClaimSeatResponse>> ClaimAsync(ClaimSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v1/seats:claim", request, ClaimSeatResponse.Parser, timeout, cancellationToken);

    public Task<CallResult<BatchManageSeatsResponse>> BatchAsync(BatchManageSeatsRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = request.Clone();
        body.Parent = string.Empty;
        return SendAsync(HttpMethod.Put, $"/v1/{request.Parent}/seats", body, BatchManageSeatsResponse.Parser, timeout, cancellationToken);
    }

    public Task<CallResult<UpsertSeatPoolResponse>> UpsertPoolAsync(UpsertSeatPoolRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pool = request.Pool.Clone();
        pool.Name = string.Empty;
        return SendAsync(
            HttpMethod.Put, $"/v1/{request.Pool.Name}{Query(("requestId", request.RequestId))}", pool, UpsertSeatPoolResponse.Parser, timeout, cancellationToken);
    }

    public Task<CallResult<GetSeatPoolResponse>> GetPoolAsync(GetSeatPoolRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/{request.Name}", null, GetSeatPoolResponse.Parser, timeout, cancellationToken);

    public Task<CallResult<GetSeatResponse>> GetSeatAsync(GetSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/{request.Name}", null, GetSeatResponse.Parser, timeout, cancellationToken);

    public Task<CallResult<ListSeatsResponse>> ListSeatsAsync(ListSeatsRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var status = request.Status == SeatStatus.Unspecified ? string.Empty : request.Status.ToString() switch
        {
            nameof(SeatStatus.Pending) => "SEAT_STATUS_PENDING",
            nameof(SeatStatus.Claimed) => "SEAT_STATUS_CLAIMED",
            _ => "SEAT_STATUS_REVOKED",
        };
        var query = Query(
            ("pageSize", request.PageSize == 0 ? string.Empty : request.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("pageToken", request.PageToken),
            ("status", status));
        return SendAsync(HttpMethod.Get, $"/v1/{request.Parent}/seats{query}", null, ListSeatsResponse.Parser, timeout, cancellationToken);
    }

    /// <summary>Reads an error answer: the google.rpc.Status JSON body under its HTTP status.</summary>
    internal static Outcome ClassifyError(HttpStatusCode http, string body)
    {
        Google.Rpc.Status status;
        try
        {
            status = RestJson.Parser.Parse<Google.Rpc.Status>(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return new Broken($"HTTP {(int)http} without a google.rpc.Status body: {Truncate(body)}");
        }

        var code = (StatusCode)status.Code;
        var reason = status.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;
        return (http, code) switch
        {
            (HttpStatusCode.ServiceUnavailable, _) or (_, StatusCode.Unavailable) => new InDoubt($"HTTP {(int)http} {reason}"),
            (_, StatusCode.DeadlineExceeded or StatusCode.Cancelled) => new InDoubt($"HTTP {(int)http} {code}"),
            (>= HttpStatusCode.InternalServerError, _) or (_, StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss)
                => new Broken($"HTTP {(int)http} {code}: {status.Message}"),
            _ => new Rejected(code, reason, status.Message),
        };
    }

    private static string Query(params (string Name, string Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}").ToList();
        return set.Count == 0 ? string.Empty : "?" + string.Join('&', set);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private async Task<CallResult<T>> SendAsync<T>(
        HttpMethod method, string path, IMessage? body, MessageParser<T> parser, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(RestJson.Format(body), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(request, timer.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timer.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return CallResult<T>.Failure(ClassifyError(response.StatusCode, text));
            }

            try
            {
                return CallResult<T>.Success(parser.ParseJson(text));
            }
            catch (InvalidProtocolBufferException ex)
            {
                return CallResult<T>.Failure(new Broken($"HTTP 200 with a body that is not a {typeof(T).Name}: {ex.Message}"));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return CallResult<T>.Failure(new InDoubt($"rest {ex.GetType().Name}"));
        }
    }
}
