using Grpc.Core;

namespace SeatGrpc.Runtime.Tests.Fakes;

/// <summary>A stream reader over a fixed list of messages.</summary>
internal sealed class ListStreamReader<T>(IReadOnlyList<T> items) : IAsyncStreamReader<T>
{
    private int _index = -1;

    public T Current => items[_index];

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _index++;
        return Task.FromResult(_index < items.Count);
    }
}
