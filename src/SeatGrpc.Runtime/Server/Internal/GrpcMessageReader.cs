using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Reads length-prefixed messages (one flag byte, four-byte big-endian length, payload) from the request
/// pipe and deserializes each payload where it lies, without buffering the whole body.
/// </summary>
internal static class GrpcMessageReader
{
    /// <summary>Reads the only message of a unary or server-streaming request, and checks that nothing follows it.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="deserializer">The request marshaller's deserializer.</param>
    /// <returns>The message.</returns>
    public static ValueTask<T> ReadSingleMessageAsync<T>(HttpServerCallContext call, Func<DeserializationContext, T> deserializer)
        where T : class
    {
        // Usually the whole body has arrived by the time the handler runs: read it without an async state machine.
        var reader = call.HttpContext.Request.BodyReader;
        if (reader.TryRead(out var result))
        {
            var buffer = result.Buffer;
            if (!result.IsCompleted)
            {
                // Not all there yet: leave it unconsumed for the loop below.
                reader.AdvanceTo(buffer.Start);
                ThrowIfCanceled(result, call.CancellationToken);
            }
            else
            {
                T? message = null;
                try
                {
                    TryReadMessage(call, ref buffer, deserializer, out message);
                    if (message is not null && !buffer.IsEmpty)
                    {
                        throw ProtocolErrors.AdditionalData.ToException();
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                return message is not null
                    ? ValueTask.FromResult(message)
                    : throw (buffer.IsEmpty ? ProtocolErrors.NoMessage : ProtocolErrors.IncompleteMessage).ToException();
            }
        }

        return ReadSingleMessageSlowAsync(call, deserializer);
    }

    private static async ValueTask<T> ReadSingleMessageSlowAsync<T>(HttpServerCallContext call, Func<DeserializationContext, T> deserializer)
        where T : class
    {
        var reader = call.HttpContext.Request.BodyReader;
        var cancellationToken = call.CancellationToken;
        T? message = null;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (message is null)
                {
                    TryReadMessage(call, ref buffer, deserializer, out message);
                }

                if (message is not null && !buffer.IsEmpty)
                {
                    throw ProtocolErrors.AdditionalData.ToException();
                }

                if (result.IsCompleted)
                {
                    return message ?? throw (buffer.IsEmpty ? ProtocolErrors.NoMessage : ProtocolErrors.IncompleteMessage).ToException();
                }

                ThrowIfCanceled(result, cancellationToken);
            }
            finally
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    /// <summary>Reads the next message of a streaming request.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="deserializer">The request marshaller's deserializer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message, or null when the client has finished sending.</returns>
    public static async ValueTask<T?> ReadStreamMessageAsync<T>(HttpServerCallContext call, Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        var reader = call.HttpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (TryReadMessage(call, ref buffer, deserializer, out var message))
                {
                    return message;
                }

                if (result.IsCompleted)
                {
                    return buffer.IsEmpty ? null : throw ProtocolErrors.IncompleteMessage.ToException();
                }

                ThrowIfCanceled(result, cancellationToken);
            }
            finally
            {
                // Consumed up to the end of the message read, examined all: the next read waits for new data.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private static void ThrowIfCanceled(ReadResult result, CancellationToken cancellationToken)
    {
        if (result.IsCanceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationCanceledException("The request body read was canceled.");
        }
    }

    // On success, buffer is left holding what follows the message.
    private static bool TryReadMessage<T>(HttpServerCallContext call, ref ReadOnlySequence<byte> buffer, Func<DeserializationContext, T> deserializer, [NotNullWhen(true)] out T? message)
        where T : class
    {
        message = null;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw ProtocolErrors.InvalidCompressedFlag.ToException(),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (call.MaxReceiveMessageSize is { } max && length > (uint)max)
        {
            throw ProtocolErrors.MessageTooLarge.ToException();
        }

        if (buffer.Length - GrpcProtocol.HeaderSize < length)
        {
            return false;
        }

        var payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        message = Deserialize(call, compressed, payload, deserializer);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private static T Deserialize<T>(HttpServerCallContext call, bool compressed, in ReadOnlySequence<byte> payload, Func<DeserializationContext, T> deserializer)
        where T : class
    {
        var context = call.DeserializationContext;
        if (compressed)
        {
            var encoding = call.RequestEncoding ?? throw ProtocolErrors.CompressedWithoutEncoding.ToException();
            context.SetPayload(new ReadOnlySequence<byte>(MessageCompression.Decompress(encoding, payload, call.MaxReceiveMessageSize)));
        }
        else
        {
            context.SetPayload(payload);
        }

        try
        {
            return deserializer(context) ?? throw new InvalidOperationException("The deserializer returned null.");
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            var invalid = ProtocolErrors.InvalidMessage;
            throw new RpcException(new Status(invalid.StatusCode, invalid.Detail, ex));
        }
        finally
        {
            context.Clear();
        }
    }
}
