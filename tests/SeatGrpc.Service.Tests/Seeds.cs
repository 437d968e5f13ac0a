using Google.Protobuf.WellKnownTypes;

namespace SeatGrpc.Service.Tests;

/// <summary>Request builders shared by the fixtures.</summary>
internal static class Seeds
{
    public static AssignSeatRequest Assign(string parent, string email, bool immediateClaim = false, string requestId = "") => new()
    {
        Parent = parent,
        Email = email,
        ImmediateClaim = immediateClaim,
        RequestId = requestId,
    };

    public static SeatChange AssignChange(string email, bool immediateClaim = true) => new()
    {
        Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = email }, ImmediateClaim = immediateClaim },
    };

    public static SeatChange UnassignChange(string email) => new()
    {
        Unassign = new SeatChange.Types.Unassign { Grantee = new Grantee { Email = email } },
    };

    public static SeatChange ReplaceChange(string currentEmail, string newEmail, bool immediateClaim = true) => new()
    {
        Replace = new SeatChange.Types.Replace
        {
            CurrentGrantee = new Grantee { Email = currentEmail },
            NewGrantee = new Grantee { Email = newEmail },
            ImmediateClaim = immediateClaim,
        },
    };

    public static BatchManageSeatsRequest Batch(string parent, params SeatChange[] changes)
    {
        var request = new BatchManageSeatsRequest { Parent = parent };
        request.Changes.AddRange(changes);
        return request;
    }

    public static ManageSeatsRequest StreamBatch(string parent, string requestId, params SeatChange[] changes)
    {
        var request = new ManageSeatsRequest { Parent = parent, RequestId = requestId };
        request.Changes.AddRange(changes);
        return request;
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("D");

    public static string Email(string tag) => $"{tag}-{Guid.NewGuid().ToString("N")[..8]}@example.com";

    public static async Task<List<Seat>> ListAllAsync(SeatService.SeatServiceClient client, string parent, SeatStatus status = SeatStatus.Unspecified)
    {
        var seats = new List<Seat>();
        var token = string.Empty;
        do
        {
            var page = await client.ListSeatsAsync(new ListSeatsRequest { Parent = parent, PageSize = 1000, PageToken = token, Status = status })
                .ResponseAsync.WithTimeout();
            seats.AddRange(page.Seats);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return seats;
    }

    public static DateTimeOffset ToTime(Timestamp timestamp) => timestamp.ToDateTimeOffset();
}
