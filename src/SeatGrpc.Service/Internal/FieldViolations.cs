using Google.Rpc;
using Grpc.Core;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Collects every invalid field of a request, named by its proto path (<c>changes[2].assign.grantee.email</c>,
/// <c>metadata["k"]</c>), so that one INVALID_ARGUMENT answer lists them all.
/// </summary>
internal sealed class FieldViolations
{
    private List<BadRequest.Types.FieldViolation>? _violations;

    public bool IsEmpty => _violations is null;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _violations ?? [];

    public void Add(string field, string description)
    {
        (_violations ??= []).Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
    }

    /// <summary>The INVALID_ARGUMENT status listing the violations; null when there are none.</summary>
    public Google.Rpc.Status? ToStatus() => IsEmpty ? null : StatusMapping.InvalidFields(Items);

    /// <summary>Throws the INVALID_ARGUMENT status when a field is invalid.</summary>
    public void ThrowIfAny()
    {
        if (ToStatus() is { } status)
        {
            throw status.ToRpcException();
        }
    }
}
