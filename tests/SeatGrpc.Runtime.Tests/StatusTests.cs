using Grpc.Core;

namespace SeatGrpc.Runtime.Tests;

public sealed class StatusTests
{
    [Theory]
    [InlineData(StatusCode.OK, 0)]
    [InlineData(StatusCode.Cancelled, 1)]
    [InlineData(StatusCode.Unknown, 2)]
    [InlineData(StatusCode.InvalidArgument, 3)]
    [InlineData(StatusCode.DeadlineExceeded, 4)]
    [InlineData(StatusCode.NotFound, 5)]
    [InlineData(StatusCode.AlreadyExists, 6)]
    [InlineData(StatusCode.PermissionDenied, 7)]
    [InlineData(StatusCode.ResourceExhausted, 8)]
    [InlineData(StatusCode.FailedPrecondition, 9)]
    [InlineData(StatusCode.Aborted, 10)]
    [InlineData(StatusCode.OutOfRange, 11)]
    [InlineData(StatusCode.Unimplemented, 12)]
    [InlineData(StatusCode.Internal, 13)]
    [InlineData(StatusCode.Unavailable, 14)]
    [InlineData(StatusCode.DataLoss, 15)]
    [InlineData(StatusCode.Unauthenticated, 16)]
    public void StatusCode_Value_MatchesWireNumber(StatusCode code, int wireNumber)
    {
        Assert.Equal(wireNumber, (int)code);
    }

    [Fact]
    public void StatusCode_AllValues_AreSeventeen()
    {
        Assert.Equal(17, Enum.GetValues<StatusCode>().Length);
    }

    [Fact]
    public void ToString_WithoutException_UsesOfficialFormat()
    {
        var status = new Status(StatusCode.NotFound, "x");

        Assert.Equal("Status(StatusCode=\"NotFound\", Detail=\"x\")", status.ToString());
    }

    [Fact]
    public void ToString_WithException_IncludesExceptionTypeAndMessage()
    {
        var status = new Status(StatusCode.Internal, "boom", new InvalidOperationException("bad state"));

        Assert.Equal(
            "Status(StatusCode=\"Internal\", Detail=\"boom\", DebugException=\"System.InvalidOperationException: bad state\")",
            status.ToString());
    }

    [Fact]
    public void Defaults_HaveExpectedCodesAndEmptyDetail()
    {
        Assert.Equal(StatusCode.OK, Status.DefaultSuccess.StatusCode);
        Assert.Equal(string.Empty, Status.DefaultSuccess.Detail);
        Assert.Equal(StatusCode.Cancelled, Status.DefaultCancelled.StatusCode);
        Assert.Equal(string.Empty, Status.DefaultCancelled.Detail);
    }

    [Fact]
    public void DefaultStruct_Detail_IsEmptyNotNull()
    {
        var status = default(Status);

        Assert.Equal(StatusCode.OK, status.StatusCode);
        Assert.Equal(string.Empty, status.Detail);
    }

    [Fact]
    public void RpcException_FromStatus_UsesStatusAsMessageAndEmptyTrailers()
    {
        var status = new Status(StatusCode.NotFound, "seat not found");

        var exception = new RpcException(status);

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("seat not found", exception.Status.Detail);
        Assert.Equal(status.ToString(), exception.Message);
        Assert.Empty(exception.Trailers);
    }

    [Fact]
    public void RpcException_WithTrailersAndMessage_KeepsBoth()
    {
        var trailers = new Metadata { { "details-bin", new byte[] { 1 } } };

        var exception = new RpcException(new Status(StatusCode.FailedPrecondition, "no seats"), trailers, "custom");

        Assert.Same(trailers, exception.Trailers);
        Assert.Equal("custom", exception.Message);
        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
    }

    [Fact]
    public void RpcException_WithMessage_HasEmptyTrailers()
    {
        var exception = new RpcException(new Status(StatusCode.Aborted, "race"), "lost race");

        Assert.Equal("lost race", exception.Message);
        Assert.Empty(exception.Trailers);
    }

    [Fact]
    public void RpcException_WithTrailers_UsesStatusAsMessage()
    {
        var status = new Status(StatusCode.Unavailable, "down");

        var exception = new RpcException(status, new Metadata());

        Assert.Equal(status.ToString(), exception.Message);
    }

    [Fact]
    public void RpcException_StatusWithDebugException_UsesItAsInnerException()
    {
        var cause = new TimeoutException("slow");

        var exception = new RpcException(new Status(StatusCode.DeadlineExceeded, "late", cause));

        Assert.Same(cause, exception.InnerException);
    }
}
