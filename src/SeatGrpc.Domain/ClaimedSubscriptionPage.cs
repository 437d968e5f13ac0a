namespace SeatGrpc.Domain;

public sealed record ClaimedSubscriptionPage(IReadOnlyList<ClaimedSubscription> Subscriptions, string? NextPageToken);
