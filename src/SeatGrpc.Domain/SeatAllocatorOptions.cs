namespace SeatGrpc.Domain;

/// <summary>Domain settings.</summary>
/// <param name="InvitationLifetime">How long an invitation token works; default 7 days.</param>
/// <param name="IdempotencyRetention">How long request ids are kept at least; default 24 hours.</param>
public sealed record SeatAllocatorOptions(TimeSpan? InvitationLifetime = null, TimeSpan? IdempotencyRetention = null)
{
    internal TimeSpan EffectiveInvitationLifetime => InvitationLifetime ?? TimeSpan.FromDays(7);

    internal TimeSpan EffectiveIdempotencyRetention => IdempotencyRetention ?? TimeSpan.FromHours(24);
}
