namespace Grpc.Core;

/// <summary>The outcome of a call: a code and a human-readable detail.</summary>
public readonly struct Status
{
    /// <summary>The status of a successful call.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    /// <summary>The status of a cancelled call.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, string.Empty);

    private readonly string? _detail;

    /// <summary>Initializes a new instance of the <see cref="Status"/> struct.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="detail">The detail, sent to the caller as <c>grpc-message</c>.</param>
    public Status(StatusCode statusCode, string detail)
        : this(statusCode, detail, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Status"/> struct.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="detail">The detail, sent to the caller as <c>grpc-message</c>.</param>
    /// <param name="debugException">The exception behind the status; local only, never sent.</param>
    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        _detail = detail;
        DebugException = debugException;
    }

    /// <summary>Gets the status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>Gets the detail; empty for a default-initialized status.</summary>
    public string Detail => _detail ?? string.Empty;

    /// <summary>Gets the exception behind the status, for local diagnostics only.</summary>
    public Exception? DebugException { get; }

    /// <summary>Formats the status as <c>Status(StatusCode="NotFound", Detail="x")</c>.</summary>
    /// <returns>The formatted status.</returns>
    public override string ToString() =>
        DebugException is null
            ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
            : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
}
