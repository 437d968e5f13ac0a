using Google.Api;
using Google.Protobuf.Reflection;
using Seats.V1;

namespace SeatGrpc.Contracts.Tests;

/// <summary>The generated descriptors carry every RPC of SPEC.md section 3 with its streaming kind and HTTP bindings.</summary>
public sealed class ContractShapeTests
{
    private static readonly ServiceDescriptor Service = SeatService.Descriptor;

    public static TheoryData<string, bool, bool> StreamingKinds => new()
    {
        { "AssignSeat", false, false },
        { "ListSeats", false, false },
        { "GetSeat", false, false },
        { "RevokeSeat", false, false },
        { "ResendInvitation", false, false },
        { "ClaimSeat", false, false },
        { "ListClaimedSubscriptions", false, false },
        { "ManageSeats", true, true },
        { "BatchManageSeats", false, false },
        { "WatchSeatEvents", false, true },
        { "UpsertSeatPool", false, false },
        { "GetSeatPool", false, false },
    };

    public static TheoryData<string> MethodNames => new(StreamingKinds.Select(row => (string)row[0]));

    // Each binding is "VERB path body", body "-" for none; the first is the rule, the rest its additional_bindings.
    public static TheoryData<string, string[]> HttpBindings => new()
    {
        { "AssignSeat", ["POST /v1/{parent=subscriptions/*}/seats *", "POST /v1/{parent=orders/*}/seats *"] },
        { "ListSeats", ["GET /v1/{parent=subscriptions/*}/seats -", "GET /v1/{parent=orders/*}/seats -"] },
        { "GetSeat", ["GET /v1/{name=seats/*} -"] },
        { "RevokeSeat", ["DELETE /v1/{name=seats/*} -"] },
        { "ResendInvitation", ["POST /v1/{name=seats/*}:resendInvitation *"] },
        { "ClaimSeat", ["POST /v1/seats:claim *"] },
        { "ListClaimedSubscriptions", ["GET /v1/{customer=customers/*}/claimedSubscriptions -"] },
        { "BatchManageSeats", ["PUT /v1/{parent=subscriptions/*}/seats *", "PUT /v1/{parent=orders/*}/seats *"] },
        { "WatchSeatEvents", ["GET /v1/{parent=subscriptions/*}/seatEvents:watch -", "GET /v1/{parent=orders/*}/seatEvents:watch -"] },
        { "UpsertSeatPool", ["PUT /v1/{pool.name=subscriptions/*} pool", "PUT /v1/{pool.name=orders/*} pool"] },
        { "GetSeatPool", ["GET /v1/{name=subscriptions/*} -", "GET /v1/{name=orders/*} -"] },
    };

    [Fact]
    public void Service_HasTheSpecifiedFullName()
    {
        Assert.Equal("seats.v1.SeatService", Service.FullName);
    }

    [Fact]
    public void Service_HasExactlyTheSpecifiedMethods()
    {
        var expected = StreamingKinds.Select(row => (string)row[0]).Order();

        var actual = Service.Methods.Select(method => method.Name).Order();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(StreamingKinds))]
    public void Method_HasTheSpecifiedStreamingKind(string name, bool clientStreaming, bool serverStreaming)
    {
        var method = Method(name);

        Assert.Equal(clientStreaming, method.IsClientStreaming);
        Assert.Equal(serverStreaming, method.IsServerStreaming);
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Method_TakesAndReturnsItsStandardMessages(string name)
    {
        var method = Method(name);

        Assert.Equal($"{name}Request", method.InputType.Name);
        Assert.Equal($"{name}Response", method.OutputType.Name);
    }

    [Theory]
    [MemberData(nameof(HttpBindings))]
    public void Method_HasTheSpecifiedHttpBindings(string name, string[] expected)
    {
        var rule = Method(name).GetOptions()?.GetExtension(AnnotationsExtensions.Http);

        Assert.NotNull(rule);
        var actual = new[] { rule }.Concat(rule.AdditionalBindings).Select(Describe);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void BidirectionalStream_HasNoHttpBinding()
    {
        var options = Method("ManageSeats").GetOptions();

        Assert.True(options is null || !options.HasExtension(AnnotationsExtensions.Http));
    }

    [Fact]
    public void EveryUnaryAndServerStreamingMethod_HasAnHttpBinding()
    {
        var unbound = Service.Methods
            .Where(method => !method.IsClientStreaming)
            .Where(method => method.GetOptions()?.HasExtension(AnnotationsExtensions.Http) != true)
            .Select(method => method.Name);

        Assert.Empty(unbound);
    }

    [Theory]
    [InlineData("AssignSeatRequest")]
    [InlineData("RevokeSeatRequest")]
    [InlineData("ResendInvitationRequest")]
    [InlineData("ClaimSeatRequest")]
    [InlineData("ManageSeatsRequest")]
    [InlineData("BatchManageSeatsRequest")]
    [InlineData("UpsertSeatPoolRequest")]
    public void MutatingRequest_CarriesARequestId(string message)
    {
        var field = Service.File.FindTypeByName<MessageDescriptor>(message).FindFieldByName("request_id");

        Assert.NotNull(field);
        Assert.Equal(FieldType.String, field.FieldType);
    }

    [Theory]
    [InlineData("Seat", "seats/{seat}")]
    [InlineData("SeatPool", "subscriptions/{subscription}")]
    [InlineData("SeatPool", "orders/{order}")]
    public void Resource_DeclaresItsNamePattern(string message, string pattern)
    {
        var resource = Service.File.FindTypeByName<MessageDescriptor>(message).GetOptions().GetExtension(ResourceExtensions.Resource);

        Assert.Contains(pattern, resource.Pattern);
        Assert.Equal(1, Service.File.FindTypeByName<MessageDescriptor>(message).FindFieldByName("name").FieldNumber);
    }

    [Theory]
    [InlineData("SeatStatus", new[] { "SEAT_STATUS_UNSPECIFIED", "SEAT_STATUS_PENDING", "SEAT_STATUS_CLAIMED", "SEAT_STATUS_REVOKED" })]
    [InlineData("SeatEventType", new[] { "SEAT_EVENT_TYPE_UNSPECIFIED", "SEAT_EVENT_TYPE_ASSIGNED", "SEAT_EVENT_TYPE_CLAIMED", "SEAT_EVENT_TYPE_REVOKED", "SEAT_EVENT_TYPE_INVITATION_RESENT", "SEAT_EVENT_TYPE_UNASSIGNED", "SEAT_EVENT_TYPE_REPLACED", "SEAT_EVENT_TYPE_POOL_RESIZED" })]
    public void Enum_StartsWithUnspecifiedAndHasTheSpecifiedValues(string name, string[] expected)
    {
        var values = Service.File.FindTypeByName<EnumDescriptor>(name).Values;

        Assert.Equal(0, values[0].Number);
        Assert.Equal(expected, values.Select(value => value.Name));
    }

    [Fact]
    public void OutputOnlyFields_AreAnnotated()
    {
        var seat = Seat.Descriptor;
        string[] outputOnly = ["status", "create_time", "update_time", "claim_time", "revoke_time", "invitation_expire_time", "etag"];

        var unannotated = outputOnly.Where(name =>
            !seat.FindFieldByName(name).GetOptions().GetExtension(FieldBehaviorExtensions.FieldBehavior).Contains(FieldBehavior.OutputOnly));

        Assert.Empty(unannotated);
    }

    private static MethodDescriptor Method(string name) =>
        Service.FindMethodByName(name) ?? throw new InvalidOperationException($"seats.v1.SeatService has no method {name}.");

    private static string Describe(HttpRule rule)
    {
        var (verb, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind, rule.Custom.Path),
            _ => ("NONE", string.Empty),
        };
        return $"{verb} {path} {(rule.Body.Length == 0 ? "-" : rule.Body)}";
    }
}
