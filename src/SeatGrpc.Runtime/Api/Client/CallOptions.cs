using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>
/// Per-call options on the client. Left out from the official type: propagation tokens, call credentials
/// and wait-for-ready, which nothing here uses.
/// </summary>
public readonly struct CallOptions
{
    /// <summary>Initializes a new instance of the <see cref="CallOptions"/> struct.</summary>
    /// <param name="headers">The headers to send, or null.</param>
    /// <param name="deadline">The deadline in UTC, or null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="writeOptions">The options for writing requests, or null.</param>
    [SuppressMessage("Design", "CA1068", Justification = "The official parameter order, which generated clients rely on.")]
    public CallOptions(
        Metadata? headers = null,
        DateTime? deadline = null,
        CancellationToken cancellationToken = default,
        WriteOptions? writeOptions = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
    }

    /// <summary>Gets the headers to send, or null.</summary>
    public Metadata? Headers { get; }

    /// <summary>Gets the deadline, or null for none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Gets the token that cancels the call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets the options for writing requests, or null.</summary>
    public WriteOptions? WriteOptions { get; }

    /// <summary>Returns a copy with other headers.</summary>
    /// <param name="headers">The headers.</param>
    /// <returns>The new options.</returns>
    public CallOptions WithHeaders(Metadata headers) => new(headers, Deadline, CancellationToken, WriteOptions);

    /// <summary>Returns a copy with another deadline.</summary>
    /// <param name="deadline">The deadline.</param>
    /// <returns>The new options.</returns>
    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken, WriteOptions);

    /// <summary>Returns a copy with another cancellation token.</summary>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>The new options.</returns>
    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, WriteOptions);

    /// <summary>Returns a copy with other write options.</summary>
    /// <param name="writeOptions">The write options.</param>
    /// <returns>The new options.</returns>
    public CallOptions WithWriteOptions(WriteOptions writeOptions) => new(Headers, Deadline, CancellationToken, writeOptions);
}
