using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Client.Internal;

/// <summary>
/// The contract marks every idempotent write with a string field <c>request_id</c>: a retry carrying the same id is
/// answered with the first result and changes nothing. Reads have no such field.
/// </summary>
internal static class RequestIds
{
    public const string FieldName = "request_id";

    /// <summary>Whether requests of this type are writes that the server deduplicates by request id.</summary>
    public static bool IsIdempotentWrite(MessageDescriptor request) => FieldOf(request) is not null;

    /// <summary>Gives <paramref name="message"/> a new UUID request id when it is such a write and its caller left the id empty.</summary>
    public static void FillIfEmpty(object? message)
    {
        if (message is IMessage request
            && FieldOf(request.Descriptor) is { } field
            && string.IsNullOrEmpty((string)field.Accessor.GetValue(request)))
        {
            field.Accessor.SetValue(request, Guid.NewGuid().ToString());
        }
    }

    private static FieldDescriptor? FieldOf(MessageDescriptor descriptor) =>
        descriptor.FindFieldByName(FieldName) is { FieldType: FieldType.String, IsRepeated: false } field ? field : null;
}
