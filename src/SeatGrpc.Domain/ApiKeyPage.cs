namespace SeatGrpc.Domain;

public sealed record ApiKeyPage(IReadOnlyList<ApiKey> Keys, string? NextPageToken);
