namespace SeatGrpc.Domain;

public interface ISeatEventSubscription : IDisposable
{
    /// <summary>Completes once a sequence above <paramref name="sequence"/> has been published.</summary>
    ValueTask WaitForSequenceAfterAsync(long sequence, CancellationToken cancellationToken);
}
