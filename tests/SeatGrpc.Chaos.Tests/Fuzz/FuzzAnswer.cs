namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// How the server answered a generated request: success, or a refusal with its code (gRPC) or HTTP status (REST), and
/// every text a caller sees (message, details, body) for the leak check. <see cref="Problem"/> says why the answer is
/// one a correct server never gives; null when it is acceptable.
/// </summary>
internal sealed record FuzzAnswer(bool Ok, string Status, string Text, string? Problem)
{
    public static FuzzAnswer Success(string status) => new(true, status, string.Empty, null);
}
