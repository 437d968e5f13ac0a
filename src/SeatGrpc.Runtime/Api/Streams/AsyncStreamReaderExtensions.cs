using System.Runtime.CompilerServices;

namespace Grpc.Core;

/// <summary>Conveniences over <see cref="IAsyncStreamReader{T}"/>.</summary>
public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads the next message without a cancellation token.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="streamReader">The reader.</param>
    /// <returns>True if a message was read; false at the end of the stream.</returns>
    public static Task<bool> MoveNext<T>(this IAsyncStreamReader<T> streamReader)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        return streamReader.MoveNext(CancellationToken.None);
    }

    /// <summary>Reads every remaining message as an async sequence, for <c>await foreach</c>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="streamReader">The reader.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The messages.</returns>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> streamReader, CancellationToken cancellationToken = default)
    {
        // Validate now, not at the first MoveNextAsync of the enumerator.
        ArgumentNullException.ThrowIfNull(streamReader);
        return ReadAll(streamReader, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadAll<T>(IAsyncStreamReader<T> streamReader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await streamReader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return streamReader.Current;
        }
    }
}
