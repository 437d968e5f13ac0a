namespace SeatGrpc.Storage.Internal;

/// <summary>The seats column that finds a grantee named by one identity only (each has a partial unique index per pool).</summary>
internal enum GranteeColumn
{
    EmailNormalized,
    CustomerId,
    ExternalCustomerId,
}
