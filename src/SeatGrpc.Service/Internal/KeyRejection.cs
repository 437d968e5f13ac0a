namespace SeatGrpc.Service.Internal;

/// <summary>Why a call's API key was not accepted; each is UNAUTHENTICATED with its own ErrorInfo reason.</summary>
internal enum KeyRejection
{
    /// <summary>No authorization header.</summary>
    Missing,

    /// <summary>An authorization header that is not <c>Bearer &lt;key&gt;</c>.</summary>
    Malformed,

    /// <summary>A key this server does not know.</summary>
    Invalid,

    Expired,

    Revoked,
}
