using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: BareKestrel PORT. Serves POST /grpc.health.v1.Health/Check over cleartext HTTP/2.
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5100;
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.ListenLocalhost(port, listen => listen.Protocols = HttpProtocols.Http2));

var app = builder.Build();
app.MapPost("/grpc.health.v1.Health/Check", HealthCheck.HandleAsync);
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"bare kestrel listening on {port}"));
await app.RunAsync();

internal static class HealthCheck
{
    // One gRPC frame: uncompressed, length 2, HealthCheckResponse { status = SERVING (field 1, varint 1) }.
    private static readonly byte[] ServingFrame = [0, 0, 0, 0, 2, 0x08, 0x01];

    public static async Task HandleAsync(HttpContext context)
    {
        if (context.Request.ContentType is not ("application/grpc" or "application/grpc+proto"))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var service = await ReadServiceNameAsync(context.Request.BodyReader, context.RequestAborted);
        context.Response.ContentType = "application/grpc";
        if (service is null || service.Length != 0)
        {
            // Only the server-wide "" check exists; anything else is answered as the runtime would.
            context.Response.AppendTrailer("grpc-status", service is null ? "13" : "5");
            return;
        }

        await context.Response.BodyWriter.WriteAsync(ServingFrame, context.RequestAborted);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    // Reads the single length-prefixed HealthCheckRequest and returns its `service` field, or null if malformed.
    private static async Task<string?> ReadServiceNameAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (result.IsCompleted)
            {
                var service = Parse(buffer);
                reader.AdvanceTo(buffer.End);
                return service;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string? Parse(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 5)
        {
            return null;
        }

        var bytes = buffer.ToArray();
        var length = (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4];
        if (bytes[0] != 0 || length != bytes.Length - 5)
        {
            return null;
        }

        var message = new CodedReader(bytes.AsSpan(5));
        return message.ReadServiceField();
    }

    // The smallest protobuf reader for HealthCheckRequest: field 1, wire type 2 (string).
    private ref struct CodedReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _data = data;

        public string? ReadServiceField()
        {
            var service = string.Empty;
            while (!_data.IsEmpty)
            {
                var tag = ReadVarint();
                if (tag != 0x0A)
                {
                    return null;
                }

                var length = (int)ReadVarint();
                if (length > _data.Length)
                {
                    return null;
                }

                service = System.Text.Encoding.UTF8.GetString(_data[..length]);
                _data = _data[length..];
            }

            return service;
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64 && !_data.IsEmpty; shift += 7)
            {
                var b = _data[0];
                _data = _data[1..];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return value;
        }
    }
}
