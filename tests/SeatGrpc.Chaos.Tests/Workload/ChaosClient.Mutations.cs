using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>The single-seat mutations and pool resizes.</summary>
internal sealed partial class ChaosClient
{
    private async Task AssignAsync(Random r, CancellationToken cancellationToken)
    {
        var pool = PickPool(r);
        var grantee = Grantees.Pick(r.Next(), r.Next());
        var request = new AssignSeatRequest
        {
            Parent = pool,
            Email = grantee.Email,
            CustomerId = grantee.CustomerId,
            ExternalCustomerId = grantee.ExternalCustomerId,
            ImmediateClaim = r.Next(3) == 0,
            RequestId = NextRequestId(r),
        };
        if (r.Next(4) == 0)
        {
            request.Metadata["team"] = "t" + r.Next(3);
        }

        var record = History.Begin(_index, CallKind.Assign, pool, request.RequestId, request);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task RevokeAsync(Random r, CancellationToken cancellationToken)
    {
        var pool = PickPool(r);
        if (_context.Knowledge.PickSeat(pool, r.Next()) is not { } seat)
        {
            await AssignAsync(r, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Now and then with the etag last seen, which a concurrent change makes stale (ABORTED).
        var request = new RevokeSeatRequest { Name = seat.Name, Etag = r.Next(4) == 0 ? seat.Etag : string.Empty, RequestId = NextRequestId(r) };
        var record = History.Begin(_index, CallKind.Revoke, pool, request.RequestId, request);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResendAsync(Random r, CancellationToken cancellationToken)
    {
        var pool = PickPool(r);
        if (_context.Knowledge.PickSeat(pool, r.Next()) is not { } seat)
        {
            await AssignAsync(r, cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = new ResendInvitationRequest { Name = seat.Name, RequestId = NextRequestId(r) };
        var record = History.Begin(_index, CallKind.Resend, pool, request.RequestId, request);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ClaimAsync(Random r, CancellationToken cancellationToken)
    {
        if (_context.Knowledge.PickToken(r.Next()) is not { } token)
        {
            await AssignAsync(r, cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = new ClaimSeatRequest { InvitationToken = token, CustomerId = Grantees.Claimant(r.Next()), RequestId = NextRequestId(r) };
        var record = History.Begin(_index, CallKind.Claim, string.Empty, request.RequestId, request);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResizeAsync(Random r, CancellationToken cancellationToken)
    {
        var pool = PickPool(r);
        var request = new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 2 + r.Next(4) }, RequestId = NextRequestId(r) };
        var record = History.Begin(_index, CallKind.Resize, pool, request.RequestId, request);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sender of a request, of whichever mutating kind (used for first attempts, retries and replays).</summary>
    private static Sender Send(IMessage request) => request switch
    {
        AssignSeatRequest assign => (api, timeout, ct) => Unwrap(api.AssignAsync(assign, timeout, ct)),
        RevokeSeatRequest revoke => (api, timeout, ct) => Unwrap(api.RevokeAsync(revoke, timeout, ct)),
        ResendInvitationRequest resend => (api, timeout, ct) => Unwrap(api.ResendAsync(resend, timeout, ct)),
        ClaimSeatRequest claim => (api, timeout, ct) => Unwrap(api.ClaimAsync(claim, timeout, ct)),
        BatchManageSeatsRequest batch => (api, timeout, ct) => Unwrap(api.BatchAsync(batch, timeout, ct)),
        UpsertSeatPoolRequest upsert => (api, timeout, ct) => Unwrap(api.UpsertPoolAsync(upsert, timeout, ct)),
        _ => throw new ArgumentException($"Not a mutating request: {request.Descriptor.Name}", nameof(request)),
    };
}
