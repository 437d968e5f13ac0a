using Grpc.Core.Internal;

namespace Grpc.Core;

/// <summary>
/// Turns messages of type <typeparamref name="T"/> into bytes and back. Built from either the simple
/// (array) pair or the contextual pair; the other pair is derived, so callers may use whichever suits them.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class Marshaller<T>
{
    /// <summary>Initializes a new instance of the <see cref="Marshaller{T}"/> class from array-based functions.</summary>
    /// <param name="serializer">Turns a message into a new array.</param>
    /// <param name="deserializer">Turns an array into a message.</param>
    public Marshaller(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(deserializer);
        Serializer = serializer;
        Deserializer = deserializer;
        ContextualSerializer = (value, context) => context.Complete(serializer(value));
        ContextualDeserializer = context => deserializer(context.PayloadAsNewBuffer());
    }

    /// <summary>Initializes a new instance of the <see cref="Marshaller{T}"/> class from context-based functions.</summary>
    /// <param name="serializer">Writes a message into a serialization context.</param>
    /// <param name="deserializer">Reads a message from a deserialization context.</param>
    public Marshaller(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(deserializer);
        ContextualSerializer = serializer;
        ContextualDeserializer = deserializer;

        // A fresh context per call: nothing is shared between threads.
        Serializer = value =>
        {
            var context = new ArraySerializationContext();
            serializer(value, context);
            return context.GetPayload();
        };
        Deserializer = payload => deserializer(new ArrayDeserializationContext(payload));
    }

    /// <summary>Gets the array-based serializer.</summary>
    public Func<T, byte[]> Serializer { get; }

    /// <summary>Gets the array-based deserializer.</summary>
    public Func<byte[], T> Deserializer { get; }

    /// <summary>Gets the context-based serializer.</summary>
    public Action<T, SerializationContext> ContextualSerializer { get; }

    /// <summary>Gets the context-based deserializer.</summary>
    public Func<DeserializationContext, T> ContextualDeserializer { get; }
}
