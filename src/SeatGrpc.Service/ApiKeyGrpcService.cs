using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SeatGrpc.Service.Internal;
using Seats.V1;

namespace SeatGrpc.Service;

/// <summary>
/// <c>seats.v1.ApiKeyService</c>: an admin key manages the keys of its own tenant. A change reloads this server's key
/// cache at once; the other replicas see it at their next poll.
/// </summary>
[Authorize(Policy = SeatPolicies.Admin)]
public sealed class ApiKeyGrpcService : ApiKeyService.ApiKeyServiceBase
{
    private readonly CallGuard _guard;
    private readonly ApiKeyCommands _commands;

    internal ApiKeyGrpcService(CallGuard guard, ApiKeyCommands commands)
    {
        _guard = guard;
        _commands = commands;
    }

    public override Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.CreateAsync(context.GetCaller(), request, ct));

    public override Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.ListAsync(context.GetCaller(), request, ct));

    public override Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.RevokeAsync(context.GetCaller(), request, ct));
}
