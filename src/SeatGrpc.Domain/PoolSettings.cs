namespace SeatGrpc.Domain;

/// <summary>What UpsertPool sets. <see cref="MaxSeats"/> 0 means no upper bound.</summary>
public sealed record PoolSettings(string Name, int TotalSeats, string CustomerId = "", int MinSeats = 0, int MaxSeats = 0);
