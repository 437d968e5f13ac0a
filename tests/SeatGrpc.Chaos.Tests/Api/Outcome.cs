using Grpc.Core;

namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>What one attempt of a call came to, as the caller can know it.</summary>
internal abstract record Outcome
{
    /// <summary>Gets a value indicating whether the server answered with success.</summary>
    public bool IsOk => this is Ok;

    /// <summary>Gets a short text for failure reports.</summary>
    public abstract string Describe();
}

/// <summary>The server applied the call (or replayed its first answer).</summary>
internal sealed record Ok : Outcome
{
    public static readonly Ok Instance = new();

    public override string Describe() => "OK";
}

/// <summary>The server refused the call with a status that promises nothing changed (a domain or argument error).</summary>
internal sealed record Rejected(StatusCode Code, string Reason, string Message) : Outcome
{
    public override string Describe() => $"{Code} {Reason}";
}

/// <summary>
/// No definite answer: a client-side timeout or cancellation, a broken connection (the server was killed), or
/// UNAVAILABLE. The call may or may not have been applied.
/// </summary>
internal sealed record InDoubt(string Why) : Outcome
{
    public override string Describe() => $"in doubt ({Why})";
}

/// <summary>An answer no correct server gives: UNKNOWN, INTERNAL, HTTP 500, or a body that does not parse.</summary>
internal sealed record Broken(string Why) : Outcome
{
    public override string Describe() => $"BROKEN ({Why})";
}
