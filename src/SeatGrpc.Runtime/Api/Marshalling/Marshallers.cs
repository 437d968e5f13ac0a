using System.Text;

namespace Grpc.Core;

/// <summary>Factory methods and ready-made instances of <see cref="Marshaller{T}"/>.</summary>
public static class Marshallers
{
    // Immutable, so sharing one instance is safe.
    private static readonly Marshaller<string> Utf8String = new(
        Encoding.UTF8.GetBytes,
        Encoding.UTF8.GetString);

    /// <summary>Gets a marshaller that encodes strings as UTF-8.</summary>
    public static Marshaller<string> StringMarshaller => Utf8String;

    /// <summary>Creates a marshaller from array-based functions.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="serializer">Turns a message into a new array.</param>
    /// <param name="deserializer">Turns an array into a message.</param>
    /// <returns>The marshaller.</returns>
    public static Marshaller<T> Create<T>(Func<T, byte[]> serializer, Func<byte[], T> deserializer) =>
        new(serializer, deserializer);

    /// <summary>Creates a marshaller from context-based functions.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="serializer">Writes a message into a serialization context.</param>
    /// <param name="deserializer">Reads a message from a deserialization context.</param>
    /// <returns>The marshaller.</returns>
    public static Marshaller<T> Create<T>(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer) =>
        new(serializer, deserializer);
}
