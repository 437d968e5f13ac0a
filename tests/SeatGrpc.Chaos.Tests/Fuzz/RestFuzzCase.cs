using System.Text;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>One generated HTTP request to the REST port: method, URL, raw body bytes and content type.</summary>
internal sealed record RestFuzzCase(string Method, string Change, string Verb, string Url, byte[]? Body, string? ContentType = "application/json")
{
    public static RestFuzzCase Json(string method, string change, string verb, string url, string? body) =>
        new(method, change, verb, url, body is null ? null : Encoding.UTF8.GetBytes(body));

    public override string ToString() => $"{Method} with {Change} ({Verb} {(Url.Length <= 120 ? Url : Url[..120] + "...")})";
}
