using Grpc.Net.Client;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>
/// One RPC as the authentication tests call it: the scope it needs, a gRPC call, and its REST route (none for
/// ManageSeats). The arguments name nothing that exists, so a call that got past authorization by mistake would answer
/// NOT_FOUND (or similar) and change nothing, and the test would see that status instead of the one it expects.
/// </summary>
public sealed record RpcCase(string Name, string Scope, Func<GrpcChannel, Task> CallAsync, string? RestMethod, string? RestPath, string? RestBody)
{
    public override string ToString() => Name;
}
