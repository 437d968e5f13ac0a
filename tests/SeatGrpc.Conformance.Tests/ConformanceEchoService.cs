using System.Collections.Concurrent;
using System.Text;
using Grpc.Core;
using SeatGrpc.Conformance.Tests.Echo;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// The echo service the Python client drives. Behaviours are chosen by request metadata, with the names
/// tests/conformance/python/echo_server.py uses (see tests/conformance/python/conformance_client.py).
/// </summary>
internal sealed class ConformanceEchoService(CallObservations observations) : EchoService.EchoServiceBase
{
    private static readonly TimeSpan StreamStep = TimeSpan.FromMilliseconds(50);

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        await PrepareAsync(context);
        var headers = context.RequestHeaders;
        var message = request.Message;
        if (headers.GetValue("x-test-query-cancel") is { } cancelId)
        {
            message = await observations.WasCancelledAsync(cancelId, TimeSpan.FromSeconds(5)) ? "cancelled" : "not-cancelled";
        }
        else if (headers.GetValue("x-test-query-encoding") is { } callId)
        {
            message = observations.Encodings(callId);
        }

        Finish(context);
        return new EchoResponse { Message = message };
    }

    public override async Task Expand(ExpandRequest request, IServerStreamWriter<ExpandResponse> responseStream, ServerCallContext context)
    {
        await PrepareAsync(context);
        var slow = context.RequestHeaders.GetValue("x-test-cancel-id") is not null;
        for (var i = 0; i < request.Count; i++)
        {
            if (slow)
            {
                await Task.Delay(StreamStep, context.CancellationToken);
            }

            await responseStream.WriteAsync(new ExpandResponse { Message = $"{request.Message}-{i}" }, context.CancellationToken);
        }

        Finish(context);
    }

    public override async Task<CollectResponse> Collect(IAsyncStreamReader<CollectRequest> requestStream, ServerCallContext context)
    {
        await PrepareAsync(context);
        var parts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            parts.Add(request.Message);
        }

        Finish(context);
        return new CollectResponse { Message = string.Join(',', parts) };
    }

    public override async Task Chat(IAsyncStreamReader<ChatRequest> requestStream, IServerStreamWriter<ChatResponse> responseStream, ServerCallContext context)
    {
        await PrepareAsync(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new ChatResponse { Message = request.Message }, context.CancellationToken);
        }

        Finish(context);
    }

    private async Task PrepareAsync(ServerCallContext context)
    {
        var headers = context.RequestHeaders;
        if (headers.GetValue("x-test-cancel-id") is { } cancelId)
        {
            observations.Watch(cancelId, context.CancellationToken);
        }

        // Responses are gzip-compressed (service option) only when the call asks for it.
        if (headers.GetValue("x-test-gzip") != "1")
        {
            context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }

        if (headers.GetValue("x-test-echo-metadata") == "1")
        {
            var echoed = new Metadata();
            foreach (var entry in headers.Where(entry => entry.Key.StartsWith("x-echo-", StringComparison.Ordinal)))
            {
                var suffix = entry.Key["x-echo-".Length..];
                if (entry.IsBinary)
                {
                    echoed.Add(entry.Key, entry.ValueBytes);
                    context.ResponseTrailers.Add("x-echo-trailer-" + suffix, entry.ValueBytes);
                }
                else
                {
                    echoed.Add(entry.Key, entry.Value);
                    context.ResponseTrailers.Add("x-echo-trailer-" + suffix, entry.Value);
                }
            }

            await context.WriteResponseHeadersAsync(echoed);
        }

        if (headers.GetValue("x-test-sleep-ms") is { } sleep)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(int.Parse(sleep, System.Globalization.CultureInfo.InvariantCulture)), context.CancellationToken);
        }
    }

    // Ends the call with the status the metadata asks for: the status message and the google.rpc.Status
    // details come back exactly as sent.
    private static void Finish(ServerCallContext context)
    {
        var headers = context.RequestHeaders;
        if (headers.GetValue("x-test-status") is not { } code)
        {
            return;
        }

        var message = headers.GetValueBytes("x-test-message-bin") is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty;
        var trailers = new Metadata();
        if (headers.GetValueBytes("x-test-details-bin") is { } details)
        {
            trailers.Add("grpc-status-details-bin", details);
        }

        throw new RpcException(new Status((StatusCode)int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), message), trailers);
    }
}

/// <summary>What the server saw of calls, for the Python client to ask about in a later call.</summary>
internal sealed class CallObservations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cancelled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _encodings = new(StringComparer.Ordinal);

    public void Watch(string id, CancellationToken callToken) =>
        callToken.Register(() => Cancelled(id).TrySetResult());

    public async Task<bool> WasCancelledAsync(string id, TimeSpan wait)
    {
        try
        {
            await Cancelled(id).Task.WaitAsync(wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void RecordEncodings(string callId, string request, string response) =>
        _encodings[callId] = $"request={request} response={response}";

    public string Encodings(string callId) => _encodings.GetValueOrDefault(callId, "unknown call");

    private TaskCompletionSource Cancelled(string id) =>
        _cancelled.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
