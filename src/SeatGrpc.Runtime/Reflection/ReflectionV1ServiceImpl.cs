using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;
using SeatGrpc.Runtime.Reflection.Internal;

namespace SeatGrpc.Runtime.Reflection;

/// <summary>
/// <c>grpc.reflection.v1.ServerReflection</c>: describes the given services, the files that declare them and all
/// of their imports, so clients such as <c>buf curl</c> and grpcurl need no .proto files.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The official packages' name, so moving to them is a rename-free swap.")]
public sealed class ReflectionV1ServiceImpl : ServerReflection.ServerReflectionBase
{
    private readonly ReflectionResolver _resolver;

    /// <summary>Initializes a new instance of the <see cref="ReflectionV1ServiceImpl"/> class.</summary>
    /// <param name="services">The services to describe.</param>
    public ReflectionV1ServiceImpl(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var list = services.ToList();
        _resolver = new ReflectionResolver(() => list);
    }

    internal ReflectionV1ServiceImpl(ReflectionResolver resolver)
    {
        _resolver = resolver;
    }

    /// <inheritdoc />
    public override Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReflectionResolver.RunAsync(_resolver, requestStream, responseStream, request => request, response => response, context.CancellationToken);
    }
}
