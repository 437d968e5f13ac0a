namespace SeatGrpc.Client.Tests.Infrastructure;

/// <summary>One call as the scripted server received it.</summary>
/// <param name="Method">The RPC's name, e.g. "AssignSeat".</param>
/// <param name="RequestId">The request's <c>request_id</c>; empty for reads.</param>
/// <param name="Authorization">The <c>authorization</c> header, or null.</param>
/// <param name="Deadline">The call's deadline as the server saw it (<see cref="DateTime.MaxValue"/>: none).</param>
/// <param name="AfterSequence">For WatchSeatEvents, the request's <c>after_sequence</c>.</param>
internal sealed record Attempt(string Method, string RequestId, string? Authorization, DateTime Deadline, long AfterSequence = 0);
