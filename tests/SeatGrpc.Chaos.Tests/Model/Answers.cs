using Google.Protobuf;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>Answers compared across replays: the same but for invitation tokens, which only the first answer shows.</summary>
internal static class Answers
{
    public static IMessage WithoutTokens(IMessage answer)
    {
        var copy = answer.Descriptor.Parser.ParseFrom(answer.ToByteString());
        switch (copy)
        {
            case AssignSeatResponse assign:
                assign.InvitationToken = string.Empty;
                break;
            case ResendInvitationResponse resend:
                resend.InvitationToken = string.Empty;
                break;
            case BatchManageSeatsResponse batch:
                foreach (var result in batch.Results)
                {
                    result.InvitationToken = string.Empty;
                }

                break;
        }

        return copy;
    }

    public static bool HasToken(IMessage answer) => answer switch
    {
        AssignSeatResponse assign => assign.InvitationToken.Length > 0,
        ResendInvitationResponse resend => resend.InvitationToken.Length > 0,
        BatchManageSeatsResponse batch => batch.Results.Any(r => r.InvitationToken.Length > 0),
        _ => false,
    };

    /// <summary>The seats an answer names, in the order of the call's events.</summary>
    public static IReadOnlyList<Seat> Seats(IMessage answer) => answer switch
    {
        AssignSeatResponse assign => [assign.Seat],
        RevokeSeatResponse revoke => [revoke.Seat],
        ResendInvitationResponse resend => [resend.Seat],
        ClaimSeatResponse claim => [claim.Seat],
        BatchManageSeatsResponse batch => [.. batch.Results.Select(r => r.Seat)],
        _ => [],
    };
}
