using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Google.Protobuf.WellKnownTypes;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Runtime.Reflection;
using SeatGrpc.Runtime.Tests.Health;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Reflection;

/// <summary>
/// A service whose file imports google/api/annotations.proto and google/protobuf/timestamp.proto (as the seats
/// contract does): every answer must carry all of the transitive imports, down to descriptor.proto.
/// </summary>
public sealed class ReflectionDependencyTests : IAsyncLifetime
{
    private const string ServiceName = "reflection.test.v1.ImportingService";

    private KestrelTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var service = BuildImportingService();
        _host = await KestrelTestHost.StartAsync(
            services =>
            {
                // Registered before AddGrpcReflection, whose TryAdd keeps this instance.
                services.AddSingleton(new ReflectionV1ServiceImpl([service]));
                services.AddGrpcReflection();
            },
            endpoints => endpoints.MapGrpcReflectionService());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(ServiceName)]
    [InlineData("reflection.test.v1.ImportingService.Get")]
    [InlineData("reflection.test.v1.GetRequest.when")]
    public async Task FileContainingSymbol_ReturnsFileWithEveryTransitiveImport(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        var names = ReflectionAnswers.Parse(response).Select(file => file.Name).ToList();
        Assert.Equal("reflection/test/v1/importing.proto", names[0]);
        Assert.Equal(
            ["google/api/annotations.proto", "google/api/http.proto", "google/protobuf/descriptor.proto", "google/protobuf/timestamp.proto", "reflection/test/v1/importing.proto"],
            names.Order(StringComparer.Ordinal));
        Assert.Contains(
            ReflectionAnswers.BuildPool(response.FileDescriptorResponse.FileDescriptorProto),
            file => file.FindTypeByName<ServiceDescriptor>("ImportingService") is not null);
    }

    [Fact]
    public async Task FileByFilename_Import_ReturnsItWithItsOwnImports()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = "google/api/annotations.proto" });

        Assert.Equal(
            ["google/api/annotations.proto", "google/api/http.proto", "google/protobuf/descriptor.proto"],
            ReflectionAnswers.Parse(response).Select(file => file.Name));
    }

    [Fact]
    public async Task Extensions_GoogleApiHttpOnMethodOptions_AreFound()
    {
        var numbers = await AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "google.protobuf.MethodOptions" });
        var file = await AskAsync(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.MethodOptions", ExtensionNumber = 72295728 },
        });

        Assert.Contains(72295728, numbers.AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Equal("google/api/annotations.proto", ReflectionAnswers.Parse(file)[0].Name);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var channel = _host.CreateChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        return call.ResponseStream.Current;
    }

    // Built at run time so the test needs no extra .proto: the imports resolve to the generated descriptors
    // of Google.Protobuf and Google.Api.CommonProtos, as the seats contract's do.
    private static ServiceDescriptor BuildImportingService()
    {
        var file = new FileDescriptorProto
        {
            Name = "reflection/test/v1/importing.proto",
            Package = "reflection.test.v1",
            Syntax = "proto3",
            Dependency = { "google/api/annotations.proto", "google/protobuf/timestamp.proto" },
            MessageType =
            {
                new DescriptorProto
                {
                    Name = "GetRequest",
                    Field = { new FieldDescriptorProto { Name = "when", Number = 1, Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".google.protobuf.Timestamp", Label = FieldDescriptorProto.Types.Label.Optional, JsonName = "when" } },
                },
            },
            Service =
            {
                new ServiceDescriptorProto
                {
                    Name = "ImportingService",
                    Method = { new MethodDescriptorProto { Name = "Get", InputType = ".reflection.test.v1.GetRequest", OutputType = ".google.protobuf.Timestamp" } },
                },
            },
        };
        var built = FileDescriptor.BuildFromByteStrings(
        [
            DescriptorReflection.Descriptor.SerializedData,
            HttpReflection.Descriptor.SerializedData,
            AnnotationsReflection.Descriptor.SerializedData,
            TimestampReflection.Descriptor.SerializedData,
            file.ToByteString(),
        ]);
        return built[^1].Services[0];
    }
}
