using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace SeatGrpc.Contracts.Tests;

/// <summary>The error details callers decode carry today's field names, on the wire and in JSON.</summary>
public sealed class ErrorDetailsTests
{
    [Fact]
    public void ErrorInfo_FormatsReasonAsJson()
    {
        var info = new ErrorInfo { Reason = "NO_SEATS_AVAILABLE", Domain = "seats.v1" };

        var json = JsonFormatter.Default.Format(info);

        Assert.Equal("""{ "reason": "NO_SEATS_AVAILABLE", "domain": "seats.v1" }""", json);
    }

    [Fact]
    public void ErrorInfo_PacksWithTheGoogleTypeUrl()
    {
        var any = Any.Pack(new ErrorInfo { Reason = "POOL_NOT_FOUND" });

        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", any.TypeUrl);
        Assert.Equal("POOL_NOT_FOUND", any.Unpack<ErrorInfo>().Reason);
    }

    [Fact]
    public void SeatChangeError_SerializesIntoABufferWriter()
    {
        var response = new Seats.V1.ManageSeatsResponse { Error = new Status { Code = 9, Message = "no seats" } };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        response.WriteTo(buffer);

        Assert.Equal(response, Seats.V1.ManageSeatsResponse.Parser.ParseFrom(buffer.WrittenSpan));
    }

    [Fact]
    public void FieldViolation_CarriesItsReason()
    {
        var violation = new BadRequest.Types.FieldViolation { Field = "email", Description = "not an email address", Reason = "INVALID_EMAIL" };

        var parsed = BadRequest.Types.FieldViolation.Parser.ParseFrom(violation.ToByteArray());

        Assert.Equal(violation, parsed);
    }
}
