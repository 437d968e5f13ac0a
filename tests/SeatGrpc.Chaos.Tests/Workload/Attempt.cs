using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// One sending of a call: its transport ("grpc", "rest", "stream"), what it came to, the answer when OK (normalized to
/// the unary response type), and whether it was a deliberate replay of an acknowledged call.
/// </summary>
internal sealed record Attempt(string Transport, Outcome Outcome, IMessage? Response, TimeSpan Started, TimeSpan Ended, bool IsReplay);
