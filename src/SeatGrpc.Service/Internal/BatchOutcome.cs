using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>What one batch came to: its response, or the <c>google.rpc.Status</c> that rejected it (nothing applied).</summary>
internal readonly record struct BatchOutcome(BatchManageSeatsResponse? Response, Google.Rpc.Status? Error);
