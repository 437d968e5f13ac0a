namespace Grpc.Core;

/// <summary>The gRPC status codes, with the numbers sent in <c>grpc-status</c>.</summary>
public enum StatusCode
{
    /// <summary>Not an error.</summary>
    OK = 0,

    /// <summary>The call was cancelled, typically by the caller.</summary>
    Cancelled = 1,

    /// <summary>An unknown error, e.g. an unhandled exception on the server.</summary>
    Unknown = 2,

    /// <summary>The request is invalid whatever the system's state.</summary>
    InvalidArgument = 3,

    /// <summary>The deadline passed before the call completed.</summary>
    DeadlineExceeded = 4,

    /// <summary>The requested entity does not exist.</summary>
    NotFound = 5,

    /// <summary>The entity the call tried to create already exists.</summary>
    AlreadyExists = 6,

    /// <summary>The caller may not do this.</summary>
    PermissionDenied = 7,

    /// <summary>A quota or a resource ran out.</summary>
    ResourceExhausted = 8,

    /// <summary>The system is not in the state the call requires.</summary>
    FailedPrecondition = 9,

    /// <summary>The call was aborted, typically by a concurrency conflict.</summary>
    Aborted = 10,

    /// <summary>The call went past a valid range.</summary>
    OutOfRange = 11,

    /// <summary>The method is not implemented or not supported.</summary>
    Unimplemented = 12,

    /// <summary>An invariant of the system is broken.</summary>
    Internal = 13,

    /// <summary>The service is unavailable for now; retrying may help.</summary>
    Unavailable = 14,

    /// <summary>Data was lost or corrupted beyond recovery.</summary>
    DataLoss = 15,

    /// <summary>The caller has no valid credentials.</summary>
    Unauthenticated = 16,
}
