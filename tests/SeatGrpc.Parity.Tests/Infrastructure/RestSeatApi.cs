using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>
/// The seat API through the REST port, written as an HTTP client would: the routes of the contract's HTTP rules,
/// lowerCamelCase JSON bodies built by hand with only the fields that are set, query parameters for the rest.
/// Answers are read back into the proto messages (strictly) to be compared with the gRPC ones.
/// </summary>
internal sealed class RestSeatApi : ISeatApi
{
    private readonly HttpClient _http;

    public RestSeatApi(HttpClient http)
    {
        _http = http;
    }

    public string Transport => "REST";

    public Task<Outcome<UpsertSeatPoolResponse>> UpsertSeatPoolAsync(UpsertSeatPoolRequest request)
    {
        // body: "pool" — the body is the SeatPool itself; request_id, outside it, is a query parameter.
        var pool = new JsonObject { ["totalSeats"] = request.Pool.TotalSeats };
        AddIfSet(pool, "customerId", request.Pool.CustomerId);
        if (request.Pool.MinSeats != 0)
        {
            pool["minSeats"] = request.Pool.MinSeats;
        }

        if (request.Pool.MaxSeats != 0)
        {
            pool["maxSeats"] = request.Pool.MaxSeats;
        }

        return SendAsync(HttpMethod.Put, Path(request.Pool.Name) + Query(("requestId", request.RequestId)), pool, UpsertSeatPoolResponse.Parser);
    }

    public Task<Outcome<GetSeatPoolResponse>> GetSeatPoolAsync(GetSeatPoolRequest request) =>
        SendAsync(HttpMethod.Get, Path(request.Name), null, GetSeatPoolResponse.Parser);

    public Task<Outcome<AssignSeatResponse>> AssignSeatAsync(AssignSeatRequest request)
    {
        var body = new JsonObject();
        AddIfSet(body, "email", request.Email);
        AddIfSet(body, "customerId", request.CustomerId);
        AddIfSet(body, "externalCustomerId", request.ExternalCustomerId);
        AddMetadata(body, request.Metadata);
        if (request.ImmediateClaim)
        {
            body["immediateClaim"] = true;
        }

        AddIfSet(body, "requestId", request.RequestId);
        return SendAsync(HttpMethod.Post, Path(request.Parent) + "/seats", body, AssignSeatResponse.Parser);
    }

    public Task<Outcome<ListSeatsResponse>> ListSeatsAsync(ListSeatsRequest request) =>
        SendAsync(
            HttpMethod.Get,
            Path(request.Parent) + "/seats" + Query(
                ("pageSize", request.PageSize == 0 ? string.Empty : request.PageSize.ToString(CultureInfo.InvariantCulture)),
                ("pageToken", request.PageToken),
                ("status", request.Status == SeatStatus.Unspecified ? string.Empty : StatusName(request.Status))),
            null,
            ListSeatsResponse.Parser);

    public Task<Outcome<GetSeatResponse>> GetSeatAsync(GetSeatRequest request) =>
        SendAsync(HttpMethod.Get, Path(request.Name), null, GetSeatResponse.Parser);

    public Task<Outcome<RevokeSeatResponse>> RevokeSeatAsync(RevokeSeatRequest request) =>
        SendAsync(HttpMethod.Delete, Path(request.Name) + Query(("etag", request.Etag), ("requestId", request.RequestId)), null, RevokeSeatResponse.Parser);

    public Task<Outcome<ResendInvitationResponse>> ResendInvitationAsync(ResendInvitationRequest request)
    {
        var body = new JsonObject();
        AddIfSet(body, "requestId", request.RequestId);
        return SendAsync(HttpMethod.Post, Path(request.Name) + ":resendInvitation", body, ResendInvitationResponse.Parser);
    }

    public Task<Outcome<ClaimSeatResponse>> ClaimSeatAsync(ClaimSeatRequest request)
    {
        var body = new JsonObject();
        AddIfSet(body, "invitationToken", request.InvitationToken);
        AddIfSet(body, "customerId", request.CustomerId);
        AddIfSet(body, "requestId", request.RequestId);
        return SendAsync(HttpMethod.Post, "/v1/seats:claim", body, ClaimSeatResponse.Parser);
    }

    public Task<Outcome<ListClaimedSubscriptionsResponse>> ListClaimedSubscriptionsAsync(ListClaimedSubscriptionsRequest request) =>
        SendAsync(
            HttpMethod.Get,
            Path(request.Customer) + "/claimedSubscriptions" + Query(
                ("pageSize", request.PageSize == 0 ? string.Empty : request.PageSize.ToString(CultureInfo.InvariantCulture)),
                ("pageToken", request.PageToken)),
            null,
            ListClaimedSubscriptionsResponse.Parser);

    public Task<Outcome<BatchManageSeatsResponse>> BatchManageSeatsAsync(BatchManageSeatsRequest request)
    {
        var changes = new JsonArray();
        foreach (var change in request.Changes)
        {
            changes.Add(ChangeJson(change));
        }

        var body = new JsonObject { ["changes"] = changes };
        AddIfSet(body, "requestId", request.RequestId);
        return SendAsync(HttpMethod.Put, Path(request.Parent) + "/seats", body, BatchManageSeatsResponse.Parser);
    }

    public async Task<IEventWatch> WatchSeatEventsAsync(WatchSeatEventsRequest request, CancellationToken cancellationToken)
    {
        var url = Path(request.Parent) + "/seatEvents:watch"
            + Query(("afterSequence", request.AfterSequence == 0 ? string.Empty : request.AfterSequence.ToString(CultureInfo.InvariantCulture)));
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // The stream lives longer than HttpClient.Timeout allows; only the headers are awaited here, bounded.
        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).WithTimeout().ConfigureAwait(false);
        return new NdjsonEventWatch(message, response, cancellationToken);
    }

    /// <summary>The URL path of a resource name, each segment escaped: <c>/v1/subscriptions/x</c>.</summary>
    public static string Path(string name) => "/v1/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    private static JsonObject ChangeJson(SeatChange change) => change.ChangeCase switch
    {
        SeatChange.ChangeOneofCase.Assign => new JsonObject
        {
            ["assign"] = WithClaimAndMetadata(new JsonObject { ["grantee"] = GranteeJson(change.Assign.Grantee) }, change.Assign.Metadata, change.Assign.ImmediateClaim),
        },
        SeatChange.ChangeOneofCase.Unassign => new JsonObject { ["unassign"] = new JsonObject { ["grantee"] = GranteeJson(change.Unassign.Grantee) } },
        SeatChange.ChangeOneofCase.Replace => new JsonObject
        {
            ["replace"] = WithClaimAndMetadata(
                new JsonObject { ["currentGrantee"] = GranteeJson(change.Replace.CurrentGrantee), ["newGrantee"] = GranteeJson(change.Replace.NewGrantee) },
                change.Replace.Metadata,
                change.Replace.ImmediateClaim),
        },
        _ => new JsonObject(),
    };

    private static JsonObject WithClaimAndMetadata(JsonObject change, MapField<string, string> metadata, bool immediateClaim)
    {
        AddMetadata(change, metadata);
        if (immediateClaim)
        {
            change["immediateClaim"] = true;
        }

        return change;
    }

    private static JsonObject? GranteeJson(Grantee? grantee)
    {
        if (grantee is null)
        {
            return null;
        }

        var json = new JsonObject();
        AddIfSet(json, "email", grantee.Email);
        AddIfSet(json, "customerId", grantee.CustomerId);
        AddIfSet(json, "externalCustomerId", grantee.ExternalCustomerId);
        return json;
    }

    private static void AddMetadata(JsonObject body, MapField<string, string> metadata)
    {
        if (metadata.Count == 0)
        {
            return;
        }

        var map = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            map[key] = value;
        }

        body["metadata"] = map;
    }

    private static void AddIfSet(JsonObject body, string name, string value)
    {
        if (value.Length > 0)
        {
            body[name] = value;
        }
    }

    private static string StatusName(SeatStatus status) => status switch
    {
        SeatStatus.Pending => "SEAT_STATUS_PENDING",
        SeatStatus.Claimed => "SEAT_STATUS_CLAIMED",
        SeatStatus.Revoked => "SEAT_STATUS_REVOKED",
        _ => "SEAT_STATUS_UNSPECIFIED",
    };

    private static string Query(params (string Name, string Value)[] parameters)
    {
        var set = parameters.Where(p => p.Value.Length > 0).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)).ToList();
        return set.Count == 0 ? string.Empty : "?" + string.Join('&', set);
    }

    private async Task<Outcome<T>> SendAsync<T>(HttpMethod method, string url, JsonNode? body, MessageParser<T> parser)
        where T : class, IMessage<T>, new()
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request).WithTimeout().ConfigureAwait(false);
        return await RestJson.ReadAsync(response, parser).ConfigureAwait(false);
    }

    /// <summary>WatchSeatEvents as NDJSON: one message per line, an error before the first line as an error response.</summary>
    private sealed class NdjsonEventWatch : IEventWatch
    {
        private readonly HttpRequestMessage _request;
        private readonly HttpResponseMessage _response;
        private readonly CancellationToken _cancellationToken;
        private StreamReader? _reader;

        public NdjsonEventWatch(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            _request = request;
            _response = response;
            _cancellationToken = cancellationToken;
        }

        public async Task<Outcome<WatchSeatEventsResponse>?> NextAsync()
        {
            if (!_response.IsSuccessStatusCode)
            {
                var failed = await RestJson.ReadAsync(_response, WatchSeatEventsResponse.Parser).ConfigureAwait(false);
                return failed.Error is null ? failed : Outcome<WatchSeatEventsResponse>.Failure(failed.Error, failed.HttpStatus);
            }

            // JSON transcoding writes a server stream as one JSON object per line, under application/json.
            Assert.Equal("application/json", _response.Content.Headers.ContentType?.MediaType);
            _reader ??= new StreamReader(await _response.Content.ReadAsStreamAsync(_cancellationToken).WithTimeout().ConfigureAwait(false), Encoding.UTF8);
            var line = await _reader.ReadLineAsync(_cancellationToken).AsTask().WithTimeout().ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            var json = JsonNode.Parse(line)?.AsObject() ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {line}");
            // An error after the headers is the stream's last line: a google.rpc.Status object, not an event.
            return json.ContainsKey("code") && !json.ContainsKey("event")
                ? Outcome<WatchSeatEventsResponse>.Failure(RestJson.ParseStatus(line), 200)
                : Outcome<WatchSeatEventsResponse>.Success(RestJson.Parse(WatchSeatEventsResponse.Parser, line), 200);
        }

        public ValueTask DisposeAsync()
        {
            _reader?.Dispose();
            _response.Dispose();
            _request.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
