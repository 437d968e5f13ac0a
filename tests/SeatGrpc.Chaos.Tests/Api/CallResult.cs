namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>One attempt's outcome and, when it is <see cref="Ok"/>, the response.</summary>
internal sealed record CallResult<T>(Outcome Outcome, T? Response)
    where T : class
{
    public static CallResult<T> Success(T response) => new(Ok.Instance, response);

    public static CallResult<T> Failure(Outcome outcome) => new(outcome, null);
}
