using System.IO.Compression;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>A service's resolved options and shared machinery, computed once when the service is mapped.</summary>
internal sealed class ServiceCallSettings
{
    public ServiceCallSettings(GrpcServiceOptions options, InterceptorActivator[] interceptors, ILogger logger)
    {
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        EnableDetailedErrors = options.EnableDetailedErrors ?? false;
        ResponseCompressionLevel = options.ResponseCompressionLevel ?? CompressionLevel.Fastest;
        var algorithm = options.ResponseCompressionAlgorithm;
        if (algorithm is not null && algorithm != GrpcProtocol.IdentityEncoding && !MessageCompression.IsSupported(algorithm))
        {
            throw new InvalidOperationException(
                $"The configured response compression algorithm '{algorithm}' is not supported. Supported: {GrpcProtocol.SupportedEncodings}.");
        }

        ResponseCompressionAlgorithm = algorithm == GrpcProtocol.IdentityEncoding ? null : algorithm;
        Interceptors = interceptors;
        Logger = logger;
    }

    public int? MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }

    public bool EnableDetailedErrors { get; }

    public string? ResponseCompressionAlgorithm { get; }

    public CompressionLevel ResponseCompressionLevel { get; }

    public InterceptorActivator[] Interceptors { get; }

    public ILogger Logger { get; }
}
