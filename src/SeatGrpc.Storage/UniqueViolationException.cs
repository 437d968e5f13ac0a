namespace SeatGrpc.Storage;

/// <summary>A write broke a unique constraint; the message names the rule, never the SQL.</summary>
public sealed class UniqueViolationException : Exception
{
    public UniqueViolationException()
    {
    }

    public UniqueViolationException(string message)
        : base(message)
    {
    }

    public UniqueViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
