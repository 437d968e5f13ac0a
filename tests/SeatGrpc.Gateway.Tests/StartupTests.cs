using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeatGrpc.Gateway.Tests.Fakes;

namespace SeatGrpc.Gateway.Tests;

public sealed class StartupTests
{
    [Fact]
    public void UnknownPathField_FailsNamingTheRpc() => AssertFails<UnknownPathFieldService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.UnknownPathField.Get (GET /v1/{nmae=things/*}): path variable 'nmae': no field 'nmae' in message gateway.bad.v1.BadRequest.");

    [Fact]
    public void PathThroughScalar_FailsNamingTheRpc() => AssertFails<NestedThroughScalarService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.NestedThroughScalar.Get (GET /v1/{name.inner=things/*}): path variable 'name.inner': 'name' is not a message field.");

    [Fact]
    public void BodyNamingScalar_FailsNamingTheRpc() => AssertFails<BodyNotMessageService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.BodyNotMessage.Create (POST /v1/things): body field 'name' is not a singular message field.");

    [Fact]
    public void UnknownBodyField_FailsNamingTheRpc() => AssertFails<UnknownBodyFieldService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.UnknownBodyField.Create (POST /v1/things): body field 'thingy' is not a field of gateway.bad.v1.BadRequest.");

    [Fact]
    public void BadTemplate_FailsWithParserMessage() => AssertFails<BadTemplateService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.BadTemplate.Get (GET /v1/{name=things/*): Invalid path template '/v1/{name=things/*': expected '}' at the end.");

    [Fact]
    public void UnknownResponseBody_FailsNamingTheRpc() => AssertFails<UnknownResponseBodyService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.UnknownResponseBody.Get (GET /v1/things): response_body field 'nothing' is not a field of gateway.bad.v1.BadResponse.");

    [Fact]
    public void RuleOnClientStreamingRpc_FailsNamingTheRpc() => AssertFails<StreamingRuleService>(
        "Cannot bind the HTTP rule of gateway.bad.v1.StreamingRule.Upload (POST /v1/things:upload): client- and bidirectional-streaming RPCs cannot have an HTTP rule.");

    private static void AssertFails<TService>(string message)
        where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddGrpcJsonGateway();
        using var app = builder.Build();
        app.MapGrpcService<TService>();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcJsonGateway());

        Assert.Equal(message, error.Message);
    }
}
