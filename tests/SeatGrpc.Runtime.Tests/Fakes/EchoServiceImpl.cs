using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;

namespace SeatGrpc.Runtime.Tests.Fakes;

/// <summary>Overrides only the unary RPC, so tests can tell an implemented handler from the generated stub.</summary>
internal sealed class EchoServiceImpl : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Message = request.Message });
}
