using Google.Protobuf.Collections;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Checks every field of every request before the domain sees it, collecting all violations; each method
/// returns the violations (empty when the request is valid).
/// </summary>
internal static class RequestValidator
{
    public const int MaxChanges = 1000;

    public static FieldViolations Validate(AssignSeatRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.PoolName(violations, "parent", request.Parent);
        FieldRules.Grantee(violations, string.Empty, request.Email, request.CustomerId, request.ExternalCustomerId, "email");
        FieldRules.Metadata(violations, "metadata", request.Metadata);
        FieldRules.RequestId(violations, "request_id", request.RequestId);
        return violations;
    }

    public static FieldViolations Validate(ListSeatsRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.PoolName(violations, "parent", request.Parent);
        FieldRules.PageSize(violations, "page_size", request.PageSize);
        FieldRules.MaxLength(violations, "page_token", request.PageToken, FieldRules.MaxTokenLength);
        if (!Enum.IsDefined(request.Status))
        {
            violations.Add("status", "Unknown seat status.");
        }

        return violations;
    }

    public static FieldViolations Validate(GetSeatRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.SeatName(violations, "name", request.Name);
        return violations;
    }

    public static FieldViolations Validate(RevokeSeatRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.SeatName(violations, "name", request.Name);
        FieldRules.MaxLength(violations, "etag", request.Etag, FieldRules.MaxEtagLength);
        FieldRules.RequestId(violations, "request_id", request.RequestId);
        return violations;
    }

    public static FieldViolations Validate(ResendInvitationRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.SeatName(violations, "name", request.Name);
        FieldRules.RequestId(violations, "request_id", request.RequestId);
        return violations;
    }

    public static FieldViolations Validate(ClaimSeatRequest request)
    {
        var violations = new FieldViolations();
        if (request.InvitationToken.Length == 0)
        {
            violations.Add("invitation_token", "Required: the token returned by AssignSeat or ResendInvitation.");
        }
        else
        {
            FieldRules.MaxLength(violations, "invitation_token", request.InvitationToken, FieldRules.MaxTokenLength);
        }

        if (request.CustomerId.Length > 0)
        {
            FieldRules.CustomerId(violations, "customer_id", request.CustomerId);
        }

        FieldRules.RequestId(violations, "request_id", request.RequestId);
        return violations;
    }

    public static FieldViolations Validate(ListClaimedSubscriptionsRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.CustomerName(violations, "customer", request.Customer);
        FieldRules.PageSize(violations, "page_size", request.PageSize);
        FieldRules.MaxLength(violations, "page_token", request.PageToken, FieldRules.MaxTokenLength);
        return violations;
    }

    public static FieldViolations ValidateBatch(string parent, RepeatedField<SeatChange> changes, string requestId)
    {
        var violations = new FieldViolations();
        FieldRules.PoolName(violations, "parent", parent);
        if (changes.Count is 0 or > MaxChanges)
        {
            violations.Add("changes", $"A batch has 1 to {MaxChanges} changes.");
        }
        else
        {
            for (var i = 0; i < changes.Count; i++)
            {
                ValidateChange(violations, $"changes[{i}]", changes[i]);
            }
        }

        FieldRules.RequestId(violations, "request_id", requestId);
        return violations;
    }

    public static FieldViolations Validate(WatchSeatEventsRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.PoolName(violations, "parent", request.Parent);
        if (request.AfterSequence < 0)
        {
            violations.Add("after_sequence", "Must not be negative.");
        }

        return violations;
    }

    public static FieldViolations Validate(UpsertSeatPoolRequest request)
    {
        var violations = new FieldViolations();
        if (request.Pool is not { } pool)
        {
            violations.Add("pool", "Required.");
        }
        else
        {
            FieldRules.PoolName(violations, "pool.name", pool.Name);
            NonNegative(violations, "pool.total_seats", pool.TotalSeats);
            NonNegative(violations, "pool.min_seats", pool.MinSeats);
            NonNegative(violations, "pool.max_seats", pool.MaxSeats);
            if (pool.MaxSeats > 0 && pool.MinSeats > pool.MaxSeats)
            {
                violations.Add("pool.min_seats", "Must not exceed max_seats.");
            }

            if (pool.CustomerId.Length > 0)
            {
                FieldRules.CustomerId(violations, "pool.customer_id", pool.CustomerId);
            }
        }

        FieldRules.RequestId(violations, "request_id", request.RequestId);
        return violations;
    }

    public static FieldViolations Validate(GetSeatPoolRequest request)
    {
        var violations = new FieldViolations();
        FieldRules.PoolName(violations, "name", request.Name);
        return violations;
    }

    private static void ValidateChange(FieldViolations violations, string path, SeatChange change)
    {
        switch (change.ChangeCase)
        {
            case SeatChange.ChangeOneofCase.Assign:
                GranteeMessage(violations, path + ".assign.grantee", change.Assign.Grantee);
                FieldRules.Metadata(violations, path + ".assign.metadata", change.Assign.Metadata);
                break;
            case SeatChange.ChangeOneofCase.Unassign:
                GranteeMessage(violations, path + ".unassign.grantee", change.Unassign.Grantee);
                break;
            case SeatChange.ChangeOneofCase.Replace:
                GranteeMessage(violations, path + ".replace.current_grantee", change.Replace.CurrentGrantee);
                GranteeMessage(violations, path + ".replace.new_grantee", change.Replace.NewGrantee);
                FieldRules.Metadata(violations, path + ".replace.metadata", change.Replace.Metadata);
                break;
            default:
                violations.Add(path, "Set exactly one of assign, unassign and replace.");
                break;
        }
    }

    private static void GranteeMessage(FieldViolations violations, string path, Grantee? grantee)
    {
        if (grantee is null)
        {
            violations.Add(path, "Required: at least one of email, customer_id and external_customer_id.");
            return;
        }

        FieldRules.Grantee(violations, path + ".", grantee.Email, grantee.CustomerId, grantee.ExternalCustomerId, path);
    }

    private static void NonNegative(FieldViolations violations, string field, int value)
    {
        if (value < 0)
        {
            violations.Add(field, "Must not be negative.");
        }
    }
}
