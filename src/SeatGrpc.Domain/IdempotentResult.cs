namespace SeatGrpc.Domain;

/// <summary>
/// Either the fresh result of a mutation (<see cref="IsReplayed"/> false, <see cref="Value"/> set) or the
/// response bytes stored by its first execution (<see cref="IsReplayed"/> true, nothing changed).
/// </summary>
public sealed class IdempotentResult<T>
    where T : class
{
    private IdempotentResult(T? value, ReadOnlyMemory<byte> storedResponse, bool isReplayed)
    {
        Value = value;
        StoredResponse = storedResponse;
        IsReplayed = isReplayed;
    }

    public bool IsReplayed { get; }

    /// <summary>The fresh result; null when replayed.</summary>
    public T? Value { get; }

    /// <summary>The bytes the first execution's encoder produced; empty when fresh.</summary>
    public ReadOnlyMemory<byte> StoredResponse { get; }

    internal static IdempotentResult<T> Fresh(T value) => new(value, ReadOnlyMemory<byte>.Empty, isReplayed: false);

    internal static IdempotentResult<T> Replayed(ReadOnlyMemory<byte> storedResponse) => new(null, storedResponse, isReplayed: true);
}
