using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Runtime.Tests.Fakes;
using SeatGrpc.Runtime.Tests.Health;
using SeatGrpc.Testing;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace SeatGrpc.Runtime.Tests.Reflection;

/// <summary>grpc.reflection v1 and v1alpha over a real Kestrel, describing every mapped service.</summary>
public sealed class ReflectionServiceTests : IAsyncLifetime
{
    private const string EchoServiceName = "grpc.testing.echo.v1.EchoService";

    private KestrelTestHost _host = null!;

    public static TheoryData<string> Versions => new() { "v1", "v1alpha" };

    public async Task InitializeAsync() =>
        _host = await KestrelTestHost.StartAsync(
            services =>
            {
                services.AddGrpcReflection();
                services.AddGrpcHealthChecks();
            },
            endpoints =>
            {
                // Reflection is mapped first: services mapped after it must be listed too.
                endpoints.MapGrpcReflectionService();
                endpoints.MapGrpcService<EchoServiceImpl>();
                endpoints.MapGrpcHealthChecksService();
            });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ListServices_ListsMappedServicesReflectionAndHealth(string version)
    {
        var response = await AskAsync(version, new ServerReflectionRequest { ListServices = string.Empty });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", EchoServiceName],
            response.ListServicesResponse.Service.Select(service => service.Name));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FileContainingSymbol_Service_ReturnsItsFileFirst(string version)
    {
        var response = await AskAsync(version, new ServerReflectionRequest { FileContainingSymbol = EchoServiceName, Host = "example" });

        var files = Parse(response);
        Assert.Equal("Protos/echo.proto", files[0].Name);
        Assert.Contains(files[0].Service, service => service.Name == "EchoService");
        Assert.Equal("example", response.ValidHost);
        Assert.Equal(EchoServiceName, response.OriginalRequest.FileContainingSymbol);
    }

    [Theory]
    [InlineData("grpc.testing.echo.v1.EchoService.Chat", "Protos/echo.proto")]
    [InlineData("grpc.testing.echo.v1.EchoRequest", "Protos/echo.proto")]
    [InlineData("grpc.testing.echo.v1.EchoRequest.message", "Protos/echo.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.SERVING", "grpc/health/v1/health.proto")]
    [InlineData("grpc.reflection.v1.ServerReflectionRequest.message_request", "grpc/reflection/v1/reflection.proto")]
    [InlineData("google.rpc.ErrorInfo", "google/rpc/error_details.proto")]
    [InlineData("google.rpc.BadRequest.FieldViolation", "google/rpc/error_details.proto")]
    public async Task FileContainingSymbol_MethodMessageFieldEnumNested_ReturnsDeclaringFile(string symbol, string fileName)
    {
        var response = await AskAsync("v1", new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(fileName, Parse(response)[0].Name);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FileByFilename_KnownFile_ReturnsIt(string version)
    {
        var response = await AskAsync(version, new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });

        Assert.Equal("grpc/health/v1/health.proto", Parse(response)[0].Name);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FileContainingSymbol_UnknownSymbol_AnswersNotFoundAndKeepsTheStream(string version)
    {
        var responses = await AskAllAsync(
            version,
            new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" },
            new ServerReflectionRequest { FileByFilename = "no/such/file.proto" },
            new ServerReflectionRequest { ListServices = string.Empty });

        Assert.Equal((int)StatusCode.NotFound, responses[0].ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Symbol", responses[0].ErrorResponse.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((int)StatusCode.NotFound, responses[1].ErrorResponse.ErrorCode);
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, responses[2].MessageResponseCase);
    }

    [Theory]
    [InlineData(EchoServiceName)]
    [InlineData("grpc.health.v1.Health")]
    [InlineData("grpc.reflection.v1alpha.ServerReflection")]
    public async Task FileContainingSymbol_AnswerAloneBuildsADescriptorPool(string symbol)
    {
        var response = await AskAsync("v1", new ServerReflectionRequest { FileContainingSymbol = symbol });

        var files = Parse(response);
        Assert.Equal(files.Count, files.Select(file => file.Name).Distinct().Count());
        Assert.NotEmpty(ReflectionAnswers.BuildPool(response.FileDescriptorResponse.FileDescriptorProto));
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_UnknownType_AnswersNotFound()
    {
        var response = await AskAsync("v1", new ServerReflectionRequest { AllExtensionNumbersOfType = "no.such.Message" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_MessageWithoutExtensions_AnswersEmptyList()
    {
        var response = await AskAsync("v1", new ServerReflectionRequest { AllExtensionNumbersOfType = "grpc.testing.echo.v1.EchoRequest" });

        Assert.Equal("grpc.testing.echo.v1.EchoRequest", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public async Task EmptyRequest_AnswersInvalidArgument()
    {
        var response = await AskAsync("v1", new ServerReflectionRequest());

        Assert.Equal((int)StatusCode.InvalidArgument, response.ErrorResponse.ErrorCode);
    }

    private async Task<ServerReflectionResponse> AskAsync(string version, ServerReflectionRequest request) =>
        (await AskAllAsync(version, request))[0];

    // Sends every request on one stream, then half-closes; v1alpha answers are converted to v1 through the wire format they share.
    private async Task<IReadOnlyList<ServerReflectionResponse>> AskAllAsync(string version, params ServerReflectionRequest[] requests)
    {
        using var channel = _host.CreateChannel();
        if (version == "v1")
        {
            using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
            return await ExchangeAsync(call, requests, request => request, response => response);
        }

        using var alphaCall = new V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        return await ExchangeAsync(
            alphaCall,
            requests,
            request => V1Alpha.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()),
            response => ServerReflectionResponse.Parser.ParseFrom(response.ToByteString()));
    }

    private static async Task<IReadOnlyList<ServerReflectionResponse>> ExchangeAsync<TRequest, TResponse>(
        AsyncDuplexStreamingCall<TRequest, TResponse> call,
        ServerReflectionRequest[] requests,
        Func<ServerReflectionRequest, TRequest> toWire,
        Func<TResponse, ServerReflectionResponse> fromWire)
    {
        var responses = new List<ServerReflectionResponse>();
        foreach (var request in requests)
        {
            // One answer per request, in order, before the next request is sent.
            await call.RequestStream.WriteAsync(toWire(request)).WithTimeout();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout(), "The reflection stream ended early.");
            responses.Add(fromWire(call.ResponseStream.Current));
        }

        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        return responses;
    }

    private static List<FileDescriptorProto> Parse(ServerReflectionResponse response) => ReflectionAnswers.Parse(response);
}
