using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>
/// Reads REST answers into proto messages with Google.Protobuf's strict <see cref="JsonParser"/> (an unknown field
/// fails), and writes messages as JSON for assertion messages.
/// </summary>
internal static class RestJson
{
    public static readonly TypeRegistry Registry = TypeRegistry.FromFiles(
        SeatsReflection.Descriptor, Google.Rpc.StatusReflection.Descriptor, Google.Rpc.ErrorDetailsReflection.Descriptor);

    public static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false).WithTypeRegistry(Registry));

    public static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithTypeRegistry(Registry));

    /// <summary>Parses a success body (HTTP 200, application/json) or an error body (a google.rpc.Status) into an outcome.</summary>
    public static async Task<Outcome<T>> ReadAsync<T>(HttpResponseMessage response, MessageParser<T> parser)
        where T : class, IMessage<T>, new()
    {
        var body = await response.Content.ReadAsStringAsync().WithTimeout().ConfigureAwait(false);
        AssertJsonContentType(response.Content.Headers.ContentType, body);
        var httpStatus = (int)response.StatusCode;
        return response.IsSuccessStatusCode
            ? Outcome<T>.Success(Parse(parser, body), httpStatus)
            : Outcome<T>.Failure(ParseStatus(body), httpStatus);
    }

    public static T Parse<T>(MessageParser<T> parser, string json)
        where T : class, IMessage<T>, new()
    {
        try
        {
            return Parser.Parse<T>(json);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new Xunit.Sdk.XunitException($"Not a {typeof(T).Name} in the proto3 JSON mapping ({error.Message}): {json}");
        }
    }

    public static Google.Rpc.Status ParseStatus(string json) => Parse(Google.Rpc.Status.Parser, json);

    public static void AssertJsonContentType(MediaTypeHeaderValue? contentType, string body)
    {
        Assert.True(contentType?.MediaType == "application/json", $"Expected application/json, got '{contentType}': {body}");
    }
}
