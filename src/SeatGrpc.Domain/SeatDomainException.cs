namespace SeatGrpc.Domain;

/// <summary>
/// A seat rule was broken. <see cref="Exception.Message"/> is safe to show to callers: it never holds SQL,
/// paths or tokens. For <see cref="SeatErrorKind.BatchChangeFailed"/>, <see cref="ChangeIndex"/> names the
/// failing change and <see cref="Exception.InnerException"/> is that change's own <see cref="SeatDomainException"/>.
/// </summary>
public sealed class SeatDomainException : Exception
{
    public SeatDomainException()
        : this(SeatErrorKind.InvalidArgument, "Invalid seat request.")
    {
    }

    public SeatDomainException(string message)
        : this(SeatErrorKind.InvalidArgument, message)
    {
    }

    public SeatDomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = SeatErrorKind.InvalidArgument;
    }

    public SeatDomainException(SeatErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    private SeatDomainException(int changeIndex, SeatDomainException inner)
        : base($"Change {changeIndex} failed: {inner.Message}", inner)
    {
        Kind = SeatErrorKind.BatchChangeFailed;
        ChangeIndex = changeIndex;
    }

    private SeatDomainException(SeatErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public SeatErrorKind Kind { get; }

    /// <summary>The zero-based index of the failing change of a batch; null otherwise.</summary>
    public int? ChangeIndex { get; }

    /// <summary>The failing change's own error, for <see cref="SeatErrorKind.BatchChangeFailed"/>.</summary>
    public SeatDomainException? ChangeError => InnerException as SeatDomainException;

    /// <summary>A write that kept losing races; the inner exception is for the log only.</summary>
    internal static SeatDomainException ForContention(Exception inner) =>
        new(SeatErrorKind.Contention, "The request conflicted with concurrent changes and was not applied; retry it.", inner);

    /// <summary>Wraps the error of change <paramref name="changeIndex"/> of a batch.</summary>
    public static SeatDomainException ForBatchChange(int changeIndex, SeatDomainException inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new SeatDomainException(changeIndex, inner);
    }
}
