using SeatGrpc.Domain;

namespace SeatGrpc.Service;

/// <summary>
/// The authorization policies, one per scope and named after it, that <c>[Authorize(Policy = ...)]</c> puts on the
/// service methods; the gRPC call and its transcoded REST route share that endpoint metadata. Each policy authenticates
/// the caller's API key (<see cref="ApiKeyAuthenticationScheme"/>) and demands the scope, which write and admin keys
/// hold implicitly for the scopes below theirs.
/// </summary>
public static class SeatPolicies
{
    /// <summary>Get*, List*, WatchSeatEvents.</summary>
    public const string Read = ApiKeyScopes.Read;

    /// <summary>AssignSeat, RevokeSeat, ResendInvitation, ClaimSeat, ManageSeats, BatchManageSeats.</summary>
    public const string Write = ApiKeyScopes.Write;

    /// <summary>UpsertSeatPool and the ApiKeyService.</summary>
    public const string Admin = ApiKeyScopes.Admin;
}
