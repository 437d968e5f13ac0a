namespace Grpc.Core;

/// <summary>The kind of an RPC: whether each side sends one message or a stream.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary = 0,

    /// <summary>A stream of requests, one response.</summary>
    ClientStreaming = 1,

    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming = 2,

    /// <summary>Streams in both directions.</summary>
    DuplexStreaming = 3,
}
