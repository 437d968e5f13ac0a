using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// The one place that turns an error into a <c>google.rpc.Status</c>: a domain error kind into its status code
/// and ErrorInfo reason (domain <c>seats.v1</c>), field violations into INVALID_ARGUMENT with a BadRequest.
/// </summary>
internal static class StatusMapping
{
    public const string ErrorDomain = "seats.v1";
    public const string ChangeIndexKey = "change_index";

    public const string InvalidField = "INVALID_FIELD";
    public const string NoSeatsAvailable = "NO_SEATS_AVAILABLE";
    public const string PoolNotFound = "POOL_NOT_FOUND";
    public const string SeatNotFound = "SEAT_NOT_FOUND";
    public const string GranteeAlreadySeated = "GRANTEE_ALREADY_SEATED";
    public const string GranteeNotSeated = "GRANTEE_NOT_SEATED";
    public const string InvalidInvitationToken = "INVALID_INVITATION_TOKEN";
    public const string SeatNotPending = "SEAT_NOT_PENDING";
    public const string PoolBelowOccupied = "POOL_BELOW_OCCUPIED";
    public const string PoolBoundsViolated = "POOL_BOUNDS_VIOLATED";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";
    public const string Contention = "CONTENTION";
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string ApiKeyNotFound = "API_KEY_NOT_FOUND";
    public const string ApiKeyMissing = "API_KEY_MISSING";
    public const string ApiKeyMalformed = "API_KEY_MALFORMED";
    public const string ApiKeyInvalid = "API_KEY_INVALID";
    public const string ApiKeyExpired = "API_KEY_EXPIRED";
    public const string ApiKeyRevoked = "API_KEY_REVOKED";
    public const string ScopeMissingReason = "SCOPE_MISSING";
    public const string RequiredScopeKey = "required_scope";

    /// <summary>INVALID_ARGUMENT, reason INVALID_FIELD, with every violation in a BadRequest.</summary>
    public static Google.Rpc.Status InvalidFields(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var first = violations[0];
        var more = violations.Count > 1 ? $" (and {violations.Count - 1} more)" : string.Empty;
        var status = Create(StatusCode.InvalidArgument, InvalidField, $"Invalid {first.Field}: {first.Description}{more}");
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        status.Details.Add(Any.Pack(badRequest));
        return status;
    }

    /// <summary>The status of a domain error; a batch error keeps its change's reason and adds <c>change_index</c>.</summary>
    public static Google.Rpc.Status FromDomain(SeatDomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is { Kind: SeatErrorKind.BatchChangeFailed, ChangeError: { } change, ChangeIndex: { } index })
        {
            var (changeCode, changeReason) = Classify(change.Kind, inBatch: true);
            var status = Create(changeCode, changeReason, exception.Message, (ChangeIndexKey, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return status;
        }

        var (code, reason) = Classify(exception.Kind, inBatch: false);
        var result = Create(code, reason, exception.Message);
        if (exception.Kind == SeatErrorKind.InvalidPageToken)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "page_token", Description = exception.Message });
            result.Details.Add(Any.Pack(badRequest));
        }

        return result;
    }

    /// <summary>The ErrorInfo reason of a status, for logs; empty when it has none.</summary>
    public static string ReasonOf(Google.Rpc.Status? status)
    {
        foreach (var detail in status?.Details ?? [])
        {
            if (detail.TryUnpack(out ErrorInfo info))
            {
                return info.Reason;
            }
        }

        return string.Empty;
    }

    public static RpcException ToRpcException(SeatDomainException exception) => FromDomain(exception).ToRpcException();

    /// <summary>The status code and reason of a domain error kind (codes per grpc's status-code guidance).</summary>
    public static (StatusCode Code, string Reason) Classify(SeatErrorKind kind, bool inBatch) => kind switch
    {
        SeatErrorKind.NoSeatsAvailable => (StatusCode.FailedPrecondition, NoSeatsAvailable),
        SeatErrorKind.PoolNotFound => (StatusCode.NotFound, PoolNotFound),

        // In a batch the only seat lookup is "the grantee's active seat" (unassign, replace).
        SeatErrorKind.SeatNotFound => (StatusCode.NotFound, inBatch ? GranteeNotSeated : SeatNotFound),
        SeatErrorKind.GranteeAlreadySeated => (StatusCode.AlreadyExists, GranteeAlreadySeated),
        SeatErrorKind.InvalidInvitationToken => (StatusCode.FailedPrecondition, InvalidInvitationToken),
        SeatErrorKind.SeatNotPending => (StatusCode.FailedPrecondition, SeatNotPending),
        SeatErrorKind.PoolShrinkBelowOccupied => (StatusCode.FailedPrecondition, PoolBelowOccupied),

        // The contract makes a total outside [min_seats, max_seats] a bad argument, not a state problem.
        SeatErrorKind.PoolBoundsViolated => (StatusCode.InvalidArgument, PoolBoundsViolated),
        SeatErrorKind.EtagMismatch => (StatusCode.Aborted, EtagMismatch),
        SeatErrorKind.RequestIdReused => (StatusCode.InvalidArgument, RequestIdReused),
        SeatErrorKind.InvalidPageToken => (StatusCode.InvalidArgument, InvalidPageToken),

        // Replicas kept losing the same race past the retries: safe to retry at a higher level (grpc's ABORTED).
        SeatErrorKind.Contention => (StatusCode.Aborted, Contention),
        SeatErrorKind.ApiKeyNotFound => (StatusCode.NotFound, ApiKeyNotFound),
        _ => (StatusCode.InvalidArgument, InvalidField),
    };

    /// <summary>UNAUTHENTICATED: the call's API key is missing, malformed, unknown, expired or revoked.</summary>
    public static Google.Rpc.Status Unauthenticated(KeyRejection rejection)
    {
        var reason = rejection switch
        {
            KeyRejection.Missing => ApiKeyMissing,
            KeyRejection.Malformed => ApiKeyMalformed,
            KeyRejection.Expired => ApiKeyExpired,
            KeyRejection.Revoked => ApiKeyRevoked,
            _ => ApiKeyInvalid,
        };
        return Create(StatusCode.Unauthenticated, reason, new KeyRejectedException(rejection).Message);
    }

    /// <summary>PERMISSION_DENIED: the key is valid but lacks <paramref name="scope"/>.</summary>
    public static Google.Rpc.Status ScopeMissing(string scope) =>
        Create(StatusCode.PermissionDenied, ScopeMissingReason, $"The API key lacks the scope {scope}.", (RequiredScopeKey, scope));

    /// <summary>UNAVAILABLE: the database could not be reached; the call changed nothing and can be retried.</summary>
    public static Google.Rpc.Status Unavailable() =>
        Create(StatusCode.Unavailable, DatabaseUnavailable, "The seat database is unavailable; retry later.");

    public static Google.Rpc.Status Create(StatusCode code, string reason, string message, params (string Key, string Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata.Add(key, value);
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(info));
        return status;
    }
}
