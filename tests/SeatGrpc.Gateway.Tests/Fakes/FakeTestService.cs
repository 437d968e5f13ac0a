using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using SeatGrpc.Rpc;
using Grpc.Core;
using SeatGrpc.Gateway.Tests.Protos;

namespace SeatGrpc.Gateway.Tests.Fakes;

/// <summary>Answers each RPC of the test contract with what it was given, so tests can see the binding.</summary>
public sealed class FakeTestService : TestService.TestServiceBase
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Holds = new();

    /// <summary>Lets a WatchThings call with <c>hold</c> on <paramref name="parent"/> go on after its first message.</summary>
    public static void Release(string parent) => Hold(parent).TrySetResult();

    private static TaskCompletionSource Hold(string parent) =>
        Holds.GetOrAdd(parent, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public override Task<Thing> GetThing(GetThingRequest request, ServerCallContext context) =>
        Task.FromResult(new Thing { Name = request.Name, Origin = context.RequestHeaders.GetValue("x-origin") ?? string.Empty });

    public override Task<Thing> GetItem(GetItemRequest request, ServerCallContext context) =>
        Task.FromResult(new Thing { Name = "items/" + request.Id });

    public override Task<ListThingsResponse> ListThings(ListThingsRequest request, ServerCallContext context)
    {
        var response = new ListThingsResponse { Total = request.PageSize };
        for (var i = 0; i < request.PageSize; i++)
        {
            response.Things.Add(new Thing { Name = $"{request.Parent}/things/{i}", Color = request.Color });
        }

        return Task.FromResult(response);
    }

    public override Task<Thing> CreateThing(CreateThingRequest request, ServerCallContext context)
    {
        var thing = request.Thing ?? new Thing();
        thing.Name = request.Parent + "/things/new";
        thing.Origin = request.RequestId;
        thing.CreateTime = Timestamp.FromDateTime(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return Task.FromResult(thing);
    }

    public override Task<Thing> UpdateThing(UpdateThingRequest request, ServerCallContext context)
    {
        var thing = request.Thing ?? new Thing();
        thing.Origin = string.Join(',', request.UpdateMask?.Paths ?? []);
        return Task.FromResult(thing);
    }

    public override Task<Thing> ReplaceThing(ReplaceThingRequest request, ServerCallContext context) =>
        Task.FromResult(new Thing { Name = request.Name, Size = request.Size, Origin = "put" });

    public override Task<Thing> DeleteThing(DeleteThingRequest request, ServerCallContext context) =>
        Task.FromResult(new Thing { Name = request.Name, Origin = "delete:" + request.Etag });

    public override Task<Thing> PolishThing(PolishThingRequest request, ServerCallContext context) =>
        Task.FromResult(new Thing { Name = request.Name, Size = request.Strength, Origin = "polish" });

    public override Task<Thing> ClaimThing(ClaimThingRequest request, ServerCallContext context) =>
        Task.FromResult(new Thing { Name = "things/" + request.Token, Origin = "claim" });

    public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);

    public override Task<EchoMessage> EchoLabels(EchoMessage request, ServerCallContext context)
    {
        request.Labels["text"] = request.Text;
        return Task.FromResult(request);
    }

    public override Task<Thing> Fail(FailRequest request, ServerCallContext context) =>
        request.Crash
            ? throw new InvalidOperationException("secret: /var/lib/seats.db at line 42")
            : throw Error((StatusCode)request.Code, request.Message, request.Reason);

    public override async Task WatchThings(WatchThingsRequest request, IServerStreamWriter<Thing> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new Thing { Name = $"{request.Parent}/things/{i}", Size = i }).ConfigureAwait(false);
            if (request.Hold && i == 0)
            {
                await Hold(request.Parent).Task.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            }
        }

        if (request.FailCode != 0)
        {
            throw Error((StatusCode)request.FailCode, "stream failed", "STREAM_FAILED");
        }
    }

    public static RpcException Error(StatusCode code, string message, string reason)
    {
        var trailers = new Metadata();
        if (reason.Length > 0)
        {
            var status = new SeatGrpc.Rpc.Status
            {
                Code = (int)code,
                Message = message,
                Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = "gateway.test.v1", Metadata = { ["k"] = "v" } }) },
            };
            trailers.Add("grpc-status-details-bin", status.ToByteArray());
        }

        return new RpcException(new Grpc.Core.Status(code, message), trailers);
    }
}
