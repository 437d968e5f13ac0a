namespace SeatGrpc.Service.Internal;

/// <summary>
/// The failure an authentication result carries, for the writer of the error response. Never thrown: ASP.NET Core's
/// <c>AuthenticateResult.Fail</c> takes an exception.
/// </summary>
internal sealed class KeyRejectedException : Exception
{
    public KeyRejectedException()
    {
    }

    public KeyRejectedException(string message)
        : base(message)
    {
    }

    public KeyRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyRejectedException(KeyRejection rejection)
        : base(Describe(rejection))
    {
        Rejection = rejection;
    }

    public KeyRejection Rejection { get; }

    private static string Describe(KeyRejection rejection) => rejection switch
    {
        KeyRejection.Missing => "No API key: send the header 'authorization: Bearer KEY'.",
        KeyRejection.Malformed => "The authorization header is not 'Bearer KEY'.",
        KeyRejection.Expired => "The API key has expired.",
        KeyRejection.Revoked => "The API key has been revoked.",
        _ => "The API key is not valid.",
    };
}
