namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>An open WatchSeatEvents stream.</summary>
internal interface IEventWatch : IAsyncDisposable
{
    /// <summary>
    /// The next message (bounded by a timeout), the stream's error, or null when the stream ended cleanly.
    /// </summary>
    Task<Outcome<WatchSeatEventsResponse>?> NextAsync();
}
