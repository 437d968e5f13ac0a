using System.Data;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The bulk batch path's statements on seats: a run of new seats in one INSERT, a run of revocations by one kind of grantee
/// identity in one UPDATE, each reading its rows from one JSON parameter (<see cref="JsonRowSyntax"/>). Uniqueness stays
/// the database's job, as in <see cref="SeatRepository"/>: a clashing row is skipped (<c>ON CONFLICT DO NOTHING</c>) and
/// the caller finds which from what came back.
/// </summary>
internal sealed class SeatBulkRepository
{
    private readonly string _insert;
    private readonly Dictionary<GranteeColumn, string> _revoke;

    public SeatBulkRepository(JsonRowSyntax json)
    {
        _insert = $"""
            INSERT INTO seats (public_id, pool_id, tenant, status, email, email_normalized, customer_id, external_customer_id,
                               metadata, token_hash, invitation_expire_time, claim_time, create_time, update_time, version)
            SELECT {json.Text(0)}, {json.Int(1)}, {json.Text(2)}, {json.Text(3)}, {json.Text(4)}, {json.Text(5)}, {json.Text(6)},
                   {json.Text(7)}, {json.Text(8)}, {json.HexBlob(9)}, {json.Int(10)}, {json.Int(11)}, {json.Int(12)}, {json.Int(12)}, 1
            FROM {json.Rows("@Rows")}
            ON CONFLICT DO NOTHING
            RETURNING public_id
            """;
        _revoke = new()
        {
            [GranteeColumn.EmailNormalized] = Revoke(json, "email_normalized"),
            [GranteeColumn.CustomerId] = Revoke(json, "customer_id"),
            [GranteeColumn.ExternalCustomerId] = Revoke(json, "external_customer_id"),
        };
    }

    /// <summary>Inserts the seats; adds the public id of each one inserted to <paramref name="inserted"/> (a clash is left out).</summary>
    public async Task InsertAsync(StorageSession session, IReadOnlyList<NewSeatRow> seats, ISet<string> inserted, CancellationToken cancellationToken)
    {
        var rows = JsonRows.Write(seats, static (writer, seat) =>
        {
            writer.Text(seat.PublicId);
            writer.Int(seat.PoolId);
            writer.Text(seat.Tenant);
            writer.Text(seat.Status);
            writer.Text(seat.Email);
            writer.Text(seat.EmailNormalized);
            writer.Text(seat.CustomerId);
            writer.Text(seat.ExternalCustomerId);
            writer.Text(seat.Metadata);
            writer.Hex(seat.TokenHash);
            writer.Int(seat.InvitationExpireTime);
            writer.Int(seat.ClaimTime);
            writer.Int(seat.CreateTime);
        });
        var command = session.Command(_insert);
        command.SetAt(0, "@Rows", DbType.String, rows);
        foreach (var publicId in await RowReads.ReadAllAsync<string, PublicIdReader>(session, command, seats.Count, cancellationToken).ConfigureAwait(false))
        {
            inserted.Add(publicId);
        }
    }

    /// <summary>
    /// Revokes the pool's active seats whose <paramref name="column"/> is one of <paramref name="keys"/>; adds each revoked
    /// row (as it is now) to <paramref name="revoked"/> under its key. A key without an active seat is left out.
    /// </summary>
    public async Task RevokeAsync(
        StorageSession session, long poolId, string parent, GranteeColumn column, IReadOnlyList<string> keys, long now,
        IDictionary<string, SeatRow> revoked, CancellationToken cancellationToken)
    {
        var command = session.Command(_revoke[column]);
        command.SetAt(0, "@Now", DbType.Int64, now);
        command.SetAt(1, "@PoolId", DbType.Int64, poolId);
        command.SetAt(2, "@Parent", DbType.String, parent);
        command.SetAt(3, "@Keys", DbType.String, JsonRows.WriteTexts(keys));
        var rows = await RowReads.ReadAllAsync<(string, SeatRow), RevokedSeatReader>(session, command, keys.Count, cancellationToken)
            .ConfigureAwait(false);
        foreach (var (key, seat) in rows)
        {
            revoked[key] = seat;
        }
    }

    private static string Revoke(JsonRowSyntax json, string column) => $"""
        UPDATE seats
        SET status = 'revoked', revoke_time = @Now, token_hash = NULL, legacy_token = FALSE, update_time = @Now, version = version + 1
        WHERE pool_id = @PoolId AND status <> 'revoked' AND {column} IN ({json.Texts("@Keys")})
        RETURNING id, public_id, pool_id, @Parent AS parent, status, email, customer_id, external_customer_id,
                  metadata, invitation_expire_time, claim_time, revoke_time, create_time, update_time, version, {column}
        """;

    private sealed class PublicIdReader : IRowReader<string>
    {
        private PublicIdReader()
        {
        }

        public static string Read<TColumns>(TColumns row)
            where TColumns : struct, IRowColumns => row.String(0);
    }

    /// <summary>A revoked seat (<see cref="SeatRowReader.Columns"/>), then the grantee key it was found by.</summary>
    private sealed class RevokedSeatReader : IRowReader<(string, SeatRow)>
    {
        private const int KeyColumn = 15;

        private RevokedSeatReader()
        {
        }

        public static (string, SeatRow) Read<TColumns>(TColumns row)
            where TColumns : struct, IRowColumns => (row.String(KeyColumn), SeatRowReader.Read(row));
    }
}
