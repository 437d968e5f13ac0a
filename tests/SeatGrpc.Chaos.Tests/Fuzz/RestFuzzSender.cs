using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// Sends a generated HTTP request and judges the answer: 200, or a documented refusal (400, 404, 405, 409, 413, 415; 414
/// and 431 from Kestrel's request limits) whose body, where there is one, is a google.rpc.Status with a documented code.
/// Never a 5xx.
/// </summary>
internal sealed class RestFuzzSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly HashSet<HttpStatusCode> Documented =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.Conflict,
        HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestUriTooLong, HttpStatusCode.UnsupportedMediaType,
        HttpStatusCode.RequestHeaderFieldsTooLarge,
    ];

    private static readonly HashSet<StatusCode> Codes =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.AlreadyExists,
        StatusCode.Aborted, StatusCode.ResourceExhausted, StatusCode.OutOfRange,
    ];

    private readonly HttpClient _http;

    public RestFuzzSender(HttpClient http)
    {
        _http = http;
    }

    public async Task<FuzzAnswer> SendAsync(RestFuzzCase fuzz)
    {
        ArgumentNullException.ThrowIfNull(fuzz);
        using var timeout = new CancellationTokenSource(Timeout);
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Verb), new Uri(fuzz.Url, UriKind.Relative));
        if (fuzz.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = fuzz.ContentType is null ? null : MediaTypeHeaderValue.Parse(fuzz.ContentType);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // A watch streams on: the status line is the answer.
                return FuzzAnswer.Success("200");
            }

            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return Judge(response.StatusCode, text);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return new FuzzAnswer(false, "no answer", string.Empty, $"no answer: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static FuzzAnswer Judge(HttpStatusCode http, string body)
    {
        var status = ((int)http).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Documented.Contains(http))
        {
            return new FuzzAnswer(false, status, body, $"HTTP {status}");
        }

        if (body.Length == 0)
        {
            // Routing's 404 and 405, and Kestrel's limits, answer without a body.
            return new FuzzAnswer(false, status, body, http is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                or HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge or HttpStatusCode.BadRequest ? null : "an error without a body");
        }

        try
        {
            var rpc = RestJson.Parser.Parse<Google.Rpc.Status>(body);
            var code = (StatusCode)rpc.Code;
            return new FuzzAnswer(false, $"{status} {code}", body, Codes.Contains(code) ? null : $"HTTP {status} with code {code}");
        }
        catch (InvalidProtocolBufferException)
        {
            return new FuzzAnswer(false, status, body, "an error body that is not a google.rpc.Status");
        }
    }
}
