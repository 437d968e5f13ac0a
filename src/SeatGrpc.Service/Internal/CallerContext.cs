using Grpc.Core;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

/// <summary>The caller of a call, from the principal ASP.NET Core authentication put on its HttpContext.</summary>
internal static class CallerContext
{
    /// <exception cref="RpcException">UNAUTHENTICATED: no authenticated key (a method mapped without its policy).</exception>
    public static Caller GetCaller(this ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var tenant = user.FindFirst(ApiKeyAuthenticationScheme.TenantClaim)?.Value;
        var keyId = user.FindFirst(ApiKeyAuthenticationScheme.KeyIdClaim)?.Value;
        return tenant is not null && keyId is not null
            ? new Caller(tenant, keyId)
            : throw StatusMapping.Unauthenticated(KeyRejection.Missing).ToRpcException();
    }
}
