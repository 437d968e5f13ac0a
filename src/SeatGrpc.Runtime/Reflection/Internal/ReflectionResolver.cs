using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace SeatGrpc.Runtime.Reflection.Internal;

/// <summary>
/// Answers grpc.reflection.v1 requests from a <see cref="DescriptorIndex"/>. v1alpha has the same messages with
/// the same field numbers, so its service converts at the wire level and reuses this class.
/// </summary>
internal sealed class ReflectionResolver
{
    private readonly Lazy<DescriptorIndex> _index;

    public ReflectionResolver(Func<IEnumerable<ServiceDescriptor>> services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Resolved on first use, so services mapped after the reflection service are listed too.
        _index = new Lazy<DescriptorIndex>(() => new DescriptorIndex(services()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Reads each request and writes its answer, in order, until the client ends its stream.</summary>
    public static async Task RunAsync<TRequest, TResponse>(
        ReflectionResolver resolver,
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        Func<TRequest, ServerReflectionRequest> toV1,
        Func<ServerReflectionResponse, TResponse> fromV1,
        CancellationToken cancellationToken)
    {
        while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var response = resolver.Answer(toV1(requestStream.Current));
            await responseStream.WriteAsync(fromV1(response), cancellationToken).ConfigureAwait(false);
        }
    }

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.MessageRequestCase switch
        {
            ServerReflectionRequest.MessageRequestOneofCase.ListServices => ListServices(),
            ServerReflectionRequest.MessageRequestOneofCase.FileByFilename => FileByFilename(request.FileByFilename),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol => FileContainingSymbol(request.FileContainingSymbol),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension => FileContainingExtension(request.FileContainingExtension),
            ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType => AllExtensionNumbersOfType(request.AllExtensionNumbersOfType),
            _ => Error(StatusCode.InvalidArgument, "The request has no message_request."),
        };
        response.ValidHost = request.Host;
        response.OriginalRequest = request;
        return response;
    }

    private ServerReflectionResponse ListServices()
    {
        var list = new ListServiceResponse();
        foreach (var name in _index.Value.ServiceNames)
        {
            list.Service.Add(new ServiceResponse { Name = name });
        }

        return new ServerReflectionResponse { ListServicesResponse = list };
    }

    private ServerReflectionResponse FileByFilename(string fileName) =>
        _index.Value.FindFileByName(fileName) is { } file
            ? Files(file)
            : Error(StatusCode.NotFound, $"File not found: {fileName}");

    private ServerReflectionResponse FileContainingSymbol(string symbol) =>
        _index.Value.FindFileBySymbol(symbol) is { } file
            ? Files(file)
            : Error(StatusCode.NotFound, $"Symbol not found: {symbol}");

    private ServerReflectionResponse FileContainingExtension(ExtensionRequest request)
    {
        foreach (var extension in _index.Value.FindExtensions(request.ContainingType))
        {
            if (extension.FieldNumber == request.ExtensionNumber)
            {
                return Files(extension.File);
            }
        }

        return Error(StatusCode.NotFound, $"Extension not found: {request.ContainingType} {request.ExtensionNumber}");
    }

    private ServerReflectionResponse AllExtensionNumbersOfType(string messageName)
    {
        var index = _index.Value;
        if (!index.IsKnownMessage(messageName))
        {
            return Error(StatusCode.NotFound, $"Type not found: {messageName}");
        }

        var numbers = new ExtensionNumberResponse { BaseTypeName = messageName };
        numbers.ExtensionNumber.AddRange(index.FindExtensions(messageName).Select(extension => extension.FieldNumber).Order());
        return new ServerReflectionResponse { AllExtensionNumbersResponse = numbers };
    }

    // The requested file comes first, then all of its transitive imports, so a client can build a descriptor
    // pool from a single answer.
    private static ServerReflectionResponse Files(FileDescriptor file)
    {
        var files = new FileDescriptorResponse();
        foreach (var each in DescriptorIndex.WithDependencies(file))
        {
            files.FileDescriptorProto.Add(each.SerializedData);
        }

        return new ServerReflectionResponse { FileDescriptorResponse = files };
    }

    private static ServerReflectionResponse Error(StatusCode code, string message) =>
        new() { ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message } };

    /// <summary>Converts between the v1 and v1alpha messages, which share their wire format.</summary>
    public static TTarget Convert<TTarget>(IMessage source, MessageParser<TTarget> parser)
        where TTarget : IMessage<TTarget> =>
        parser.ParseFrom(source.ToByteString());
}
