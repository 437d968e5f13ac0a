namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>The server's answers could not be read into a state to check (itself a failure of the run).</summary>
internal sealed class ObservationException : Exception
{
    public ObservationException()
    {
    }

    public ObservationException(string message)
        : base(message)
    {
    }

    public ObservationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
