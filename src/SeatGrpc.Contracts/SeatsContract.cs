namespace Seats.V1;

/// <summary>The seats.v1 contract as protoc compiled it, for tools that need more than the generated C#.</summary>
public static class SeatsContract
{
    private const string DescriptorSetResource = "seats.v1.pb";

    /// <summary>
    /// seats.proto and its imports as a serialized <c>google.protobuf.FileDescriptorSet</c> with source info
    /// (<c>protoc --include_source_info --include_imports</c>): the comments of every service, method, message, field
    /// and enum value, which the generated descriptors do not carry. For the REST gateway's OpenAPI descriptions.
    /// </summary>
    /// <returns>A new copy of the bytes.</returns>
    public static byte[] SourceInfoDescriptorSet()
    {
        using var stream = typeof(SeatsContract).Assembly.GetManifestResourceStream(DescriptorSetResource)
            ?? throw new InvalidOperationException($"The {DescriptorSetResource} resource is missing from {typeof(SeatsContract).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
