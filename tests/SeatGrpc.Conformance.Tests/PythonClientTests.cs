using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// python3-grpcio (an independent gRPC implementation) drives our server through
/// tests/conformance/python/conformance_client.py; each test runs one scenario, which prints PASS or FAIL with the
/// mismatch.
/// </summary>
[Collection(ConformanceServerDefinition.Name)]
public sealed class PythonClientTests(ConformanceServerFixture server)
{
    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task Unary_EchoesTheMessage() => RunAsync("unary");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task ServerStreaming_StreamsEveryMessageInOrder() => RunAsync("server_streaming");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task ClientStreaming_JoinsEveryMessage() => RunAsync("client_streaming");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task ClientStreamingWithNoMessages_Succeeds() => RunAsync("client_streaming_empty");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task BidiStreaming_AnswersEachMessageBeforeTheNext() => RunAsync("bidi_streaming");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task Deadline_SlowHandler_PythonSeesDeadlineExceededAndHandlerIsCancelled() => RunAsync("deadline");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task DistantDeadline_DoesNotFire() => RunAsync("server_deadline_header");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task Cancellation_PythonCancels_ServerObservesIt() => RunAsync("cancellation");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task Metadata_AsciiAndBinary_ComeBackAsHeadersAndTrailers() => RunAsync("metadata");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task Metadata_OnAServerStream_ComeBackAsHeadersAndTrailers() => RunAsync("metadata_streaming");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task StatusDetails_PythonDecodesCodeMessageAndErrorInfo() => RunAsync("status_details");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task StatusAfterStreamedMessages_ArrivesAfterThem() => RunAsync("status_after_stream");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task GzipRequest_IsDecompressed() => RunAsync("gzip_request");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task GzipResponse_IsDecodedByPython() => RunAsync("gzip_response");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task GzipBothWays_OnABidiStream_RoundTrips() => RunAsync("gzip_both_ways_bidi");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task UnknownMethodOrService_IsUnimplemented() => RunAsync("unknown_method");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task OversizeMessage_IsResourceExhausted() => RunAsync("oversize_message");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task ConcurrentCalls_OverOneChannel_AllSucceed() => RunAsync("concurrent_calls");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task HealthCheckAndWatch_ThroughPythonStubs() => RunAsync("health");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task Reflection_AnswersBuildAPythonDescriptorPool() => RunAsync("reflection");

    private async Task RunAsync(string scenario)
    {
        var stubs = await PythonStubs.GetDirectoryAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var (exitCode, output) = await ChildProcess.RunAsync(
            PythonGrpcProbe.RequiredPython,
            ["-u", Path.Combine(RepositoryPaths.PythonScripts, "conformance_client.py"), "--stubs", stubs, "--target", server.Target, scenario]);

        Assert.True(exitCode == 0, $"conformance_client.py {scenario} exited with {exitCode}:\n{output}");
        Assert.Contains($"PASS {scenario}", output, StringComparison.Ordinal);
    }
}
