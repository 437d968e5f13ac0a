using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace SeatGrpc.Client.Tests.Infrastructure;

/// <summary>
/// A SeatService that answers from a script: each unary call takes the next planned failure of its method, if any, else
/// succeeds; every attempt is recorded as the server received it. WatchSeatEvents streams a fixed run of events after the
/// requested sequence and then fails with the next planned failure of "WatchSeatEvents" (or stays open when none is left).
/// </summary>
internal sealed class ScriptedSeatService : SeatService.SeatServiceBase
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RpcException>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    /// <summary>Events 1..N that WatchSeatEvents serves; each stream sends at most <see cref="EventsPerStream"/> of them.</summary>
    public int EventCount { get; set; }

    public int EventsPerStream { get; set; } = int.MaxValue;

    public IReadOnlyList<Attempt> Attempts => [.. _attempts];

    /// <summary>The next call of <paramref name="method"/> fails with <paramref name="code"/> and, if given, an ErrorInfo reason.</summary>
    public void Fail(string method, StatusCode code, string? reason = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = $"scripted {code}" };
        if (reason is not null)
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = "seats.v1" }));
        }

        _failures.GetOrAdd(method, _ => new ConcurrentQueue<RpcException>()).Enqueue(status.ToRpcException());
    }

    public IEnumerable<Attempt> AttemptsOf(string method) => Attempts.Where(a => a.Method == method);

    public override Task<AssignSeatResponse> AssignSeat(AssignSeatRequest request, ServerCallContext context)
    {
        Answer(nameof(AssignSeat), request.RequestId, context);
        return Task.FromResult(new AssignSeatResponse { Seat = new Seat { Name = "seats/s1", Parent = request.Parent } });
    }

    public override Task<RevokeSeatResponse> RevokeSeat(RevokeSeatRequest request, ServerCallContext context)
    {
        Answer(nameof(RevokeSeat), request.RequestId, context);
        return Task.FromResult(new RevokeSeatResponse { Seat = new Seat { Name = request.Name } });
    }

    public override Task<GetSeatResponse> GetSeat(GetSeatRequest request, ServerCallContext context)
    {
        Answer(nameof(GetSeat), string.Empty, context);
        return Task.FromResult(new GetSeatResponse { Seat = new Seat { Name = request.Name } });
    }

    public override async Task ManageSeats(
        IAsyncStreamReader<ManageSeatsRequest> requestStream, IServerStreamWriter<ManageSeatsResponse> responseStream, ServerCallContext context)
    {
        await foreach (var batch in requestStream.ReadAllAsync(context.CancellationToken))
        {
            Record(nameof(ManageSeats), batch.RequestId, context);
            await responseStream.WriteAsync(new ManageSeatsResponse { RequestId = batch.RequestId }, context.CancellationToken);
        }
    }

    public override async Task WatchSeatEvents(
        WatchSeatEventsRequest request, IServerStreamWriter<WatchSeatEventsResponse> responseStream, ServerCallContext context)
    {
        Record(nameof(WatchSeatEvents), string.Empty, context, request.AfterSequence);
        var sent = 0;
        for (var sequence = request.AfterSequence + 1; sequence <= EventCount && sent < EventsPerStream; sequence++, sent++)
        {
            await responseStream.WriteAsync(
                new WatchSeatEventsResponse { Event = new SeatEvent { Parent = request.Parent, Sequence = sequence, Type = SeatEventType.Assigned } },
                context.CancellationToken);
        }

        if (NextFailure(nameof(WatchSeatEvents)) is { } failure)
        {
            throw failure;
        }

        await Task.Delay(Timeout.Infinite, context.CancellationToken);
    }

    private void Answer(string method, string requestId, ServerCallContext context)
    {
        Record(method, requestId, context);
        if (NextFailure(method) is { } failure)
        {
            throw failure;
        }
    }

    private void Record(string method, string requestId, ServerCallContext context, long afterSequence = 0) =>
        _attempts.Enqueue(new Attempt(method, requestId, context.RequestHeaders.GetValue("authorization"), context.Deadline, afterSequence));

    private RpcException? NextFailure(string method) =>
        _failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
}
