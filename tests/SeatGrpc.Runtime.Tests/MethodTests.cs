using Grpc.Core;

namespace SeatGrpc.Runtime.Tests;

public sealed class MethodTests
{
    [Fact]
    public void FullName_ServiceAndName_IsSlashSeparatedPath()
    {
        var method = new Method<string, string>(
            MethodType.ServerStreaming, "seats.v1.SeatService", "WatchSeatEvents", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

        Assert.Equal("/seats.v1.SeatService/WatchSeatEvents", method.FullName);
        Assert.Equal("seats.v1.SeatService", method.ServiceName);
        Assert.Equal("WatchSeatEvents", method.Name);
        Assert.Equal(MethodType.ServerStreaming, method.Type);
    }

    [Fact]
    public void MethodType_Values_MatchOfficialNumbers()
    {
        Assert.Equal(0, (int)MethodType.Unary);
        Assert.Equal(1, (int)MethodType.ClientStreaming);
        Assert.Equal(2, (int)MethodType.ServerStreaming);
        Assert.Equal(3, (int)MethodType.DuplexStreaming);
    }
}
