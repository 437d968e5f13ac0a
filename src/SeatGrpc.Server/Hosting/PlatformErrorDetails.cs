using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using SeatGrpc.Service.Internal;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Gives the statuses that Grpc.AspNetCore itself answers (an unknown method, a message over the size limit) the
/// <c>google.rpc.ErrorInfo</c> every other error carries (SPEC.md section 4). It runs after the call and adds
/// <c>grpc-status-details-bin</c> only where the call ended in such a status without details, in the headers of a
/// trailers-only response or in the trailers. An expired deadline is left as it is: Grpc.AspNetCore completes that
/// response itself, and every gRPC client reaches the same verdict on its own clock.
/// </summary>
internal sealed class PlatformErrorDetails
{
    private const string StatusKey = "grpc-status";
    private const string DetailsKey = StatusResponse.DetailsKey;
    private const string Domain = "seats.v1";

    private readonly RequestDelegate _next;

    public PlatformErrorDetails(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Most calls complete synchronously (a health check always does): no state machine for them.
        var call = _next(context);
        if (!call.IsCompletedSuccessfully)
        {
            return DescribeAfterAsync(call, context);
        }

        Describe(context);
        return Task.CompletedTask;
    }

    private static async Task DescribeAfterAsync(Task call, HttpContext context)
    {
        await call.ConfigureAwait(false);
        Describe(context);
    }

    private static void Describe(HttpContext context)
    {
        if (context.Response.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (!context.Response.HasStarted && TryDescribe(context.Response.Headers, out var headerDetails))
        {
            context.Response.Headers[DetailsKey] = headerDetails;
        }
        else if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers && TryDescribe(trailers, out var trailerDetails))
        {
            context.Response.AppendTrailer(DetailsKey, trailerDetails);
        }
    }

    private static bool TryDescribe(IHeaderDictionary fields, out string details)
    {
        details = string.Empty;
        if (fields.ContainsKey(DetailsKey) || !int.TryParse(fields[StatusKey], out var code) || Reason((StatusCode)code) is not { } reason)
        {
            return false;
        }

        var status = new Google.Rpc.Status { Code = code, Message = Uri.UnescapeDataString(fields["grpc-message"].ToString()) };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }));
        details = StatusResponse.EncodeDetails(status);
        return true;
    }

    private static string? Reason(StatusCode code) => code switch
    {
        StatusCode.Unimplemented => "METHOD_NOT_FOUND",
        StatusCode.ResourceExhausted => "MESSAGE_TOO_LARGE",
        _ => null,
    };
}
