namespace SeatGrpc.Gateway.Tests;

internal static class TestDescriptors
{
    /// <summary>gateway_test.proto as a descriptor set with source info (built by protoc, embedded).</summary>
    public static byte[] GatewayTestDescriptorSet()
    {
        using var stream = typeof(TestDescriptors).Assembly.GetManifestResourceStream("gateway_test.pb")
            ?? throw new InvalidOperationException("The gateway_test.pb resource is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
