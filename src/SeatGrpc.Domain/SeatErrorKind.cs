namespace SeatGrpc.Domain;

/// <summary>Why a seat operation failed. The service layer maps each kind to a status code and an ErrorInfo reason.</summary>
public enum SeatErrorKind
{
    /// <summary>An argument the domain checks itself is malformed (e.g. min_seats above max_seats). INVALID_ARGUMENT.</summary>
    InvalidArgument = 1,

    /// <summary>The pool has no free seat. FAILED_PRECONDITION, NO_SEATS_AVAILABLE.</summary>
    NoSeatsAvailable,

    /// <summary>No such seat (or no active seat for the grantee). NOT_FOUND.</summary>
    SeatNotFound,

    /// <summary>No such pool. NOT_FOUND.</summary>
    PoolNotFound,

    /// <summary>The grantee already holds a non-revoked seat in the pool. ALREADY_EXISTS.</summary>
    GranteeAlreadySeated,

    /// <summary>The invitation token is unknown, expired, revoked or used. FAILED_PRECONDITION.</summary>
    InvalidInvitationToken,

    /// <summary>The seat is not pending (resend). FAILED_PRECONDITION.</summary>
    SeatNotPending,

    /// <summary>total_seats would be below the occupied seats: revoke seats first. FAILED_PRECONDITION.</summary>
    PoolShrinkBelowOccupied,

    /// <summary>total_seats is outside [min_seats, max_seats]. FAILED_PRECONDITION.</summary>
    PoolBoundsViolated,

    /// <summary>The etag precondition does not match the seat. ABORTED.</summary>
    EtagMismatch,

    /// <summary>The request id was used before for another request. INVALID_ARGUMENT.</summary>
    RequestIdReused,

    /// <summary>The page token is malformed, tampered with, or from another query. INVALID_ARGUMENT.</summary>
    InvalidPageToken,

    /// <summary>A change of a batch failed; see <see cref="SeatDomainException.ChangeIndex"/> and the inner exception.</summary>
    BatchChangeFailed,

    /// <summary>
    /// The write kept losing races with concurrent writers (PostgreSQL deadlock or serialization failure, or a
    /// row changed between read and update) past the retry budget; nothing was changed. ABORTED: the caller may retry.
    /// </summary>
    Contention,

    /// <summary>No such API key (or, for a tenant's caller, another tenant's key). NOT_FOUND.</summary>
    ApiKeyNotFound,
}
