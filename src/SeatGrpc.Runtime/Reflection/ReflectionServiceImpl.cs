using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using SeatGrpc.Runtime.Reflection.Internal;

namespace SeatGrpc.Runtime.Reflection;

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, for clients that predate v1 (named and constructed like
/// Grpc.Reflection's <c>ReflectionServiceImpl</c>). Answers exactly as <see cref="ReflectionV1ServiceImpl"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The official packages' name, so moving to them is a rename-free swap.")]
public sealed class ReflectionServiceImpl : ServerReflection.ServerReflectionBase
{
    private readonly ReflectionResolver _resolver;

    /// <summary>Initializes a new instance of the <see cref="ReflectionServiceImpl"/> class.</summary>
    /// <param name="services">The services to describe.</param>
    public ReflectionServiceImpl(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var list = services.ToList();
        _resolver = new ReflectionResolver(() => list);
    }

    /// <summary>Initializes a new instance of the <see cref="ReflectionServiceImpl"/> class.</summary>
    /// <param name="services">The services to describe.</param>
    public ReflectionServiceImpl(params ServiceDescriptor[] services)
        : this((IEnumerable<ServiceDescriptor>)services)
    {
    }

    internal ReflectionServiceImpl(ReflectionResolver resolver)
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
        return ReflectionResolver.RunAsync(
            _resolver,
            requestStream,
            responseStream,
            request => ReflectionResolver.Convert(request, Grpc.Reflection.V1.ServerReflectionRequest.Parser),
            response => ReflectionResolver.Convert(response, ServerReflectionResponse.Parser),
            context.CancellationToken);
    }
}
